from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView

from cus_site import images, listing
from cus_site.translated import find_by_slug, object_language_links
from hours.schedule import Timetable
from hours.status import LOOKAHEAD_DAYS, unit_status
from news.models import Post

from . import calendar, dates
from .forms import EventFilterForm
from .jsonld import event_data
from .models import Audience, Event
from .places import place_of

EVENTS_PER_PAGE = 20
# What a page of events needs besides the event itself.
SHOWN_WITH = ("dates", "audiences")


def absolute(url):
    return calendar.absolute(url)


class EventListMixin:
    paginate_by = EVENTS_PER_PAGE
    context_object_name = "events"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(page.number, on_each_side=1)
        context["years"] = Event.objects.past().dates("starts_on", "year", order="DESC")
        context["audiences"] = Audience.objects.all()
        return context


class EventListView(EventListMixin, ListView):
    """The upcoming events, the soonest first, narrowed by audience and month."""

    template_name = "events/event_list.html"

    def get(self, request, *args, **kwargs):
        self.form = EventFilterForm(request.GET or None)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        events = Event.objects.upcoming().select_related("unit").prefetch_related(*SHOWN_WITH)
        if self.form.is_bound and self.form.is_valid():
            audience, month = self.form.cleaned_data["audience"], self.form.cleaned_data["month"]
            if audience:
                events = events.filter(audiences=audience)
            if month:
                events = events.in_month(month)
        return events

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.form.cleaned_data if self.form.is_bound and self.form.is_valid() else {}
        context.update(
            form=self.form,
            filtered=any(filters.values()),
            audience=filters.get("audience"),
            month=filters.get("month"),
            month_label=dates.month_and_year(filters["month"]) if filters.get("month") else "",
            kept_query=self.kept_query(filters),
        )
        return context

    def kept_query(self, filters):
        kept = []
        if filters.get("audience"):
            kept.append(f"audience={filters['audience'].slug}")
        if filters.get("month"):
            kept.append(f"month={filters['month']:%Y-%m}")
        return "&".join(kept)


class EventYearArchiveView(EventListMixin, ListView):
    """The events of a year that have ended, the latest first."""

    template_name = "events/event_archive_year.html"
    allow_empty = False

    def get_queryset(self):
        if not 1000 <= self.kwargs["year"] <= 9999:
            raise Http404
        return (
            Event.objects.past()
            .filter(starts_on__year=self.kwargs["year"])
            .select_related("unit")
            .prefetch_related(*SHOWN_WITH)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(year=self.kwargs["year"], **kwargs)


def post_list(event):
    return listing.linkable(Post.objects.published().filter(events=event))


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.published().select_related("unit").prefetch_related(*SHOWN_WITH)

    def get_object(self, queryset=None):
        event = find_by_slug(self.get_queryset(), self.kwargs["slug"])
        if event is None:
            raise Http404(_("Nie ma takiego wydarzenia."))
        return event

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        now = timezone.localtime()
        image_url = images.og_image_url(event.cover_picture)
        url = absolute(event.get_absolute_url())
        self.unit_status = self.status_of_unit(event, now)
        context.update(
            when=dates.when(event),
            days=[(day, dates.occurrence(day, event), day < now.date()) for day in event.days],
            has_ended=event.has_ended(now),
            registration_closed=event.registration_closed(now),
            place=place_of(event),
            unit_status=self.unit_status,
            posts=post_list(event),
            og_image=image_url,
            canonical_url=self.canonical_url(event),
            json_ld=event_data(event, url, image_url),
            calendar_url=reverse("events:calendar-file", kwargs={"slug": event.slug}),
            **self.language_links(),
        )
        return context

    def status_of_unit(self, event, now):
        """Whether the event's unit is open now: worth saying only before the event ends."""
        if not event.unit_id or event.has_ended(now):
            return None
        timetable = Timetable([event.unit], now.date(), LOOKAHEAD_DAYS + 1)
        return unit_status(timetable, event.unit, now)

    def canonical_url(self, event):
        """An English or Ukrainian copy of a Polish-only event names the Polish page as the
        original: it is the same text, not a translation."""
        if not event.is_translated_into(translation.get_language()):
            return absolute(polish_url(event))
        return absolute(event.get_absolute_url())

    def language_links(self):
        links = object_language_links(self.object)
        links["alternate_links"] = [
            link for link in links["language_links"] if self.object.is_translated_into(link["code"])
        ]
        return links


def polish_url(event):
    with translation.override("pl"):
        return event.get_absolute_url()


@method_decorator(staff_member_required, name="dispatch")
class EventPreviewView(EventDetailView):
    """Staff see a draft as the public will, under a banner saying so."""

    def get_object(self, queryset=None):
        if not self.request.user.has_perm("events.view_event"):
            raise PermissionDenied
        events = Event.objects.select_related("unit").prefetch_related(*SHOWN_WITH)
        return get_object_or_404(events, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def language_links(self):
        return {}


def calendar_response(content, filename, attachment=False):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


class EventCalendarFileView(View):
    """One event as an .ics file to add to a calendar; a draft or unknown event is a 404."""

    def get(self, request, slug):
        events = Event.objects.published().select_related("unit").prefetch_related(*SHOWN_WITH)
        event = find_by_slug(events, slug)
        if event is None:
            raise Http404(_("Nie ma takiego wydarzenia."))
        content = calendar.calendar([event], event.title, event.get_absolute_url())
        return calendar_response(content, f"{event.slug}.ics", attachment=True)


class CalendarFeedView(View):
    """The subscribable calendar of upcoming (and recent) events, of one audience if given."""

    def get(self, request, audience=None):
        events = Event.objects.for_calendar().select_related("unit").prefetch_related(*SHOWN_WITH)
        name = _("Wydarzenia – Centrum Usług Społecznych w Tarnowie")
        url = reverse("events:index")
        if audience is not None:
            found = Audience.objects.filter(slug=audience).first()
            if found is None:
                raise Http404(_("Nie ma takiej grupy odbiorców."))
            events = events.filter(audiences=found)
            name = _("Wydarzenia: %(audience)s – Centrum Usług Społecznych w Tarnowie") % {
                "audience": found.name
            }
            url = f"{url}?audience={found.slug}"
        return calendar_response(calendar.calendar(events, name, url), "wydarzenia.ics")
