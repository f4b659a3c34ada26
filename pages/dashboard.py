"""The admin's front page for editors: what needs doing, each item linking to where it is
fixed. Required public facts that are missing (the centre's address and contact, the
accessibility statement's dates and contact, units without a full name or address, photos
waiting for consent), drafts and scheduled items with their dates, the special days and public
holidays of the next 30 days, and the last changes. Each part only for those who may fix it."""

import datetime
from dataclasses import dataclass

from django.contrib.admin.models import LogEntry
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event
from hours.models import SpecialDay, Unit
from hours.schedule import public_holidays
from news.admin import TranslationFilter, missing_a_translation, post_state
from news.models import Post
from osl.models import Programme

from .models import AccessibilityStatement, ContactDetail, SiteSettings

DAYS_AHEAD = 30
ALL_UNITS = _("wszystkie jednostki")


@dataclass(frozen=True)
class Item:
    text: str
    url: str


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def missing_facts(user):
    items = []
    if user.has_perm("pages.change_sitesettings"):
        items += missing_contact()
    if user.has_perm("pages.change_accessibilitystatement"):
        items += missing_statement_parts()
    if user.has_perm("hours.change_unit"):
        for unit in Unit.objects.filter(Q(full_name="") | Q(street_address="")):
            items.append(
                Item(
                    _("Jednostka %(unit)s: brak pełnej nazwy lub adresu") % {"unit": unit},
                    change_url(unit),
                )
            )
    if user.has_perm("news.change_post"):
        waiting = Post.objects.exclude(cover="").filter(
            cover_shows_people=True, cover_consent=False
        )
        for post in waiting[:10]:
            items.append(
                Item(
                    _("Zdjęcie czeka na potwierdzenie zgody: %(post)s") % {"post": post},
                    change_url(post),
                )
            )
        items += untranslated_posts()
    if user.has_perm("osl.change_programme"):
        for programme in Programme.objects.without_goals():
            items.append(
                Item(
                    _("Program %(programme)s: brak listy celów (mieszkańcy jej nie widzą)")
                    % {"programme": programme},
                    change_url(programme),
                )
            )
    return items


def untranslated_posts():
    """One item for the published posts without an English or a Ukrainian version: the site
    promises residents the news in their language; it links to the list of those posts."""
    count = missing_a_translation(Post.objects.filter(status=Post.Status.PUBLISHED)).count()
    if not count:
        return []
    # Phrased to need no plural forms: "Opublikowane wpisy …: 3".
    text = _("Opublikowane wpisy bez wersji angielskiej lub ukraińskiej: %(count)s") % {
        "count": count
    }
    query = (
        f"{TranslationFilter.parameter_name}={TranslationFilter.MISSING}&status__exact=published"
    )
    return [Item(text, f"{reverse('admin:news_post_changelist')}?{query}")]


def missing_contact():
    settings = SiteSettings.objects.first()
    if settings is None:
        return []
    items = []
    if not (settings.street_address and settings.postal_code):
        items.append(
            Item(
                _("Strona „Kontakt”: brak ulicy lub kodu pocztowego Centrum"), change_url(settings)
            )
        )
    kinds = set(ContactDetail.objects.filter(site_settings=settings).values_list("kind", flat=True))
    if ContactDetail.Kind.PHONE not in kinds or ContactDetail.Kind.EMAIL not in kinds:
        items.append(
            Item(_("Strona „Kontakt”: brak telefonu lub adresu e-mail"), change_url(settings))
        )
    return items


def missing_statement_parts():
    statement = AccessibilityStatement.objects.first()
    if statement is None:
        return []
    items = []
    if not (statement.published_on and statement.updated_on):
        items.append(
            Item(
                _("Deklaracja dostępności: brak dat publikacji i aktualizacji"),
                change_url(statement),
            )
        )
    if not (statement.contact_person and statement.contact_email and statement.contact_phone):
        items.append(
            Item(
                _("Deklaracja dostępności: brak osoby do kontaktu, e-maila lub telefonu"),
                change_url(statement),
            )
        )
    return items


def drafts_and_scheduled(user):
    items = []
    if user.has_perm("news.change_post"):
        waiting = Post.objects.filter(
            Q(status=Post.Status.DRAFT) | Q(published_at__gt=timezone.now())
        )
        for post in waiting.order_by("-updated_at")[:10]:
            items.append(Item(f"{post} – {post_state(post)}", change_url(post)))
    if user.has_perm("events.change_event"):
        for event in Event.objects.filter(status=Event.Status.DRAFT).order_by("starts_on")[:10]:
            items.append(
                Item(_("%(event)s – szkic wydarzenia") % {"event": event}, change_url(event))
            )
    return items


def coming_days(user):
    if not user.has_perm("hours.change_specialday"):
        return []
    today = timezone.localdate()
    last = today + datetime.timedelta(days=DAYS_AHEAD)
    items = [
        Item(
            f"{formats.date_format(day.date_from, 'j E')}: {day.reason} ({day.unit or ALL_UNITS})",
            change_url(day),
        )
        for day in SpecialDay.objects.filter(
            date_to__gte=today, date_from__lte=last
        ).select_related("unit")
    ]
    add = reverse("admin:hours_specialday_add")
    for date, name in sorted(public_holidays(today, last).items()):
        if today <= date <= last:
            items.append(
                Item(
                    _("%(date)s: %(name)s (święto, wszystkie jednostki nieczynne)")
                    % {"date": formats.date_format(date, "j E"), "name": name},
                    add,
                )
            )
    return items


def last_changes():
    entries = LogEntry.objects.select_related("user", "content_type").order_by("-action_time")[:10]
    return [
        Item(
            _("%(when)s – %(who)s: %(what)s")
            % {
                "when": formats.date_format(timezone.localtime(entry.action_time), "j E, G:i"),
                "who": entry.user.get_full_name() or entry.user.get_username(),
                "what": entry.object_repr,
            },
            entry.get_admin_url() or "",
        )
        for entry in entries
    ]


def dashboard(user):
    """The front page's sections: (title, items) with at least one item, in order."""
    sections = [
        (_("Do uzupełnienia"), missing_facts(user)),
        (_("Szkice i zaplanowane"), drafts_and_scheduled(user)),
        (_("Najbliższe 30 dni: dni specjalne i święta"), coming_days(user)),
        (_("Ostatnie zmiany"), last_changes()),
    ]
    return [(title, items) for title, items in sections if items]
