from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from cus_site import revisions
from cus_site.admin import (
    SECURE_LINKS,
    CoverImageAdminMixin,
    DefaultSlugsForm,
    TranslatedEditorAdmin,
    VersionedAdmin,
    cover_fieldset,
    with_photo_state,
)
from cus_site.date_input import PolishDatesMixin

from . import dates
from .forms import EventDateFormSet
from .models import Audience, Event, EventDate
from .upcoming import not_ended

# A change to these makes calendar apps that hold the event take the new version.
CALENDAR_FIELDS = {
    "title_pl",
    "starts_on",
    "ends_on",
    "starts_at",
    "ends_at",
    "state",
    "unit",
    "place_name_pl",
    "street_address",
    "postal_code",
    "city",
    "attendance",
    "online_url",
}


@admin.register(Audience)
class AudienceAdmin(VersionedAdmin, TranslatedEditorAdmin):
    counted = ngettext_lazy("%(counter)s grupa odbiorców", "%(counter)s grupy odbiorców", "counter")
    list_display = ["name", "slug", "order"]
    prepopulated_fields = {"slug": ["name"]}


def event_state(event):
    """An event's state in words: a draft, or published, and then whether it was cancelled,
    moved or is over."""
    if event.status == Event.Status.DRAFT:
        text = _("Szkic")
    elif event.state == Event.State.CANCELLED:
        text = _("Opublikowane: odwołane")
    elif event.has_ended():
        text = _("Opublikowane: już się odbyło")
    elif event.state == Event.State.MOVED:
        text = _("Opublikowane: przeniesione")
    else:
        text = _("Opublikowane: odbędzie się zgodnie z planem")
    return with_photo_state(text, event.cover_picture)


class EventDateInline(PolishDatesMixin, admin.TabularInline):
    model = EventDate
    formset = EventDateFormSet
    extra = 0
    verbose_name = _("powtórzenie")
    verbose_name_plural = _(
        "Powtórzenia: dni między pierwszym a ostatnim dniem, w które wydarzenie się odbywa "
        "(np. kolejne wtorki). Każdego z tych dni trwa w godzinach podanych wyżej. Bez "
        "powtórzeń wydarzenie trwa nieprzerwanie od pierwszego do ostatniego dnia."
    )


class EventAdminForm(DefaultSlugsForm):
    def slug_from(self, title, language):
        with translation.override(language):
            return Event.objects.unique_slug(title, exclude_pk=self.instance.pk)


class WhenFilter(admin.SimpleListFilter):
    title = _("termin")
    parameter_name = "termin"

    def lookups(self, request, model_admin):
        return [
            ("nadchodzace", _("nadchodzące i trwające")),
            ("minione", _("minione")),
            ("odwolane", _("odwołane")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "nadchodzace":
            return queryset.filter(not_ended())
        if self.value() == "minione":
            return queryset.exclude(not_ended())
        if self.value() == "odwolane":
            return queryset.filter(state=Event.State.CANCELLED)
        return queryset


@admin.register(Event)
class EventAdmin(VersionedAdmin, CoverImageAdminMixin, TranslatedEditorAdmin):
    counted = ngettext_lazy("%(counter)s wydarzenie", "%(counter)s wydarzenia", "counter")
    form = EventAdminForm
    list_display = ["title", "when", "place", "state_in_list"]
    list_filter = [WhenFilter, "status", "state", "audiences"]
    list_select_related = ["unit"]
    search_fields = ["title_pl", "lead_pl", "place_name_pl", "title_en", "title_uk"]
    date_hierarchy = "starts_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["posts"]
    formfield_overrides = {
        **SECURE_LINKS,
        Event.audiences.field.__class__: {"widget": forms.CheckboxSelectMultiple},
    }
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (
            _("Termin"),
            {
                "fields": [
                    ("starts_on", "ends_on"),
                    ("starts_at", "ends_at"),
                    "state",
                    "change_note",
                    "previous_starts_on",
                ]
            },
        ),
        (
            _("Miejsce"),
            {
                "fields": [
                    "attendance",
                    "unit",
                    "place_name",
                    "street_address",
                    ("postal_code", "city"),
                    "map_url",
                    "online_url",
                ]
            },
        ),
        (
            _("Dla kogo i na jakich zasadach"),
            {
                "fields": [
                    "audiences",
                    "admission",
                    "price",
                    "price_note",
                    "registration",
                    "registration_phone",
                    "registration_email",
                    "registration_url",
                    "registration_deadline",
                    "is_full",
                ]
            },
        ),
        (
            _("Dostępność miejsca"),
            {
                "fields": [
                    "step_free",
                    "accessible_toilet",
                    "induction_loop",
                    "sign_language",
                    "accessibility_note",
                ]
            },
        ),
        (_("Organizator i partnerzy"), {"fields": ["by_centre", "organiser", "partners"]}),
        (_("Publikacja"), {"fields": ["status", "posts"]}),
        cover_fieldset(),
    ]
    inlines = [EventDateInline]
    actions = ["publish", "unpublish"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("dates")

    def view_on_site(self, event):
        if event.is_public:
            return event.get_absolute_url()
        return reverse("events:preview", kwargs={"pk": event.pk})

    @admin.display(description=_("kiedy"), ordering="starts_on")
    def when(self, event):
        return dates.when(event)

    @admin.display(description=_("miejsce"))
    def place(self, event):
        return event.place_name or event.unit or "–"

    @admin.display(description=_("stan"), ordering="status")
    def state_in_list(self, event):
        return event_state(event)

    def state_in_words(self, event):
        return event_state(event)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        dates_changed = any(formset.has_changed() for formset in formsets)
        if change and (CALENDAR_FIELDS & set(form.changed_data) or dates_changed):
            Event.objects.filter(pk=form.instance.pk).revised()

    @admin.action(description=_("Opublikuj zaznaczone wydarzenia"), permissions=["change"])
    def publish(self, request, queryset):
        # One by one through save(), so that whatever follows a saved event (its photo's
        # place, the page cache, revisions) sees each.
        count = self.save_with_status(request, queryset, Event.Status.PUBLISHED)
        self.message_user(
            request, _("Opublikowane wydarzenia: %(count)d.") % {"count": count}, messages.SUCCESS
        )

    @admin.action(description=_("Wycofaj zaznaczone wydarzenia do szkiców"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = self.save_with_status(request, queryset, Event.Status.DRAFT)
        self.message_user(
            request,
            _("Wydarzenia wycofane do szkiców: %(count)d.") % {"count": count},
            messages.SUCCESS,
        )

    def save_with_status(self, request, queryset, status):
        count = 0
        with revisions.by_action(request, _("Zmieniono stan z listy wydarzeń")):
            for event in queryset:
                event.status = status
                event.save()
                count += 1
        return count
