"""Notices ("Komunikaty"): short messages at the top of the pages they belong to.

What is shown, and where:
- A notice an editor writes is shown from its first to its last moment, on every page or only
  on the home page, as one sentence with at most one link.
- A special day of the hours app (a closure, changed hours) announces itself on the home page
  and the opening-hours page from ANNOUNCE_DAYS days before it until its last day ends, unless
  its editor switched the notice off (`SpecialDay.announce`).
- On the home page notices come after the units' open/closed status, elsewhere at the top of
  `<main>`; in English and Ukrainian a text without translation is shown in Polish, marked so.
- The RSS feed carries what the home page shows, leaving out in English and Ukrainian the
  notices whose text is only in Polish.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from cus_site.translated import fallback_language, in_language, interpolate, is_fallback
from events.dates import day_range
from hours.models import SpecialDay
from hours.schedule import format_spans, spans_of

ANNOUNCE_DAYS = 7
HOME = "pages:home"
HOURS = "hours:index"


def validate_plain_text(value):
    if "<" in value and ">" in value:
        raise ValidationError(
            _("Komunikat to zwykły tekst: usuń znaczniki HTML, a link podaj w polu „link”.")
        )


class NoticeQuerySet(models.QuerySet):
    def published(self, now=None):
        """Notices shown at `now` (default: the current time)."""
        now = now or timezone.now()
        return self.filter(shown_from__lte=now, shown_until__gt=now)

    def for_page(self, view_name, now=None):
        places = [Notice.Placement.EVERY_PAGE]
        if view_name == HOME:
            places.append(Notice.Placement.HOME)
        return self.published(now).filter(placement__in=places)


class Notice(models.Model):
    class Kind(models.TextChoices):
        INFO = "info", _("informacja")
        HOURS = "hours", _("zmiana godzin otwarcia")
        WARNING = "warning", _("ostrzeżenie")

    class Placement(models.TextChoices):
        EVERY_PAGE = "all", _("na każdej stronie")
        HOME = "home", _("tylko na stronie głównej")

    text = models.CharField(
        _("treść"),
        max_length=300,
        validators=[validate_plain_text],
        help_text=_(
            "Jedno–dwa zdania zwykłym tekstem, np. „W piątek 4 grudnia kasa CUS czynna do 12:00.”"
        ),
    )
    link_url = models.URLField(_("link"), blank=True, help_text=_("Można pominąć."))
    link_text = models.CharField(
        _("słowa linku"),
        max_length=100,
        blank=True,
        help_text=_("Dokąd prowadzi link, np. „Szczegóły zmian”. Bez linku zostaw puste."),
    )
    kind = models.CharField(_("rodzaj"), max_length=10, choices=Kind.choices, default=Kind.INFO)
    placement = models.CharField(
        _("gdzie"), max_length=5, choices=Placement.choices, default=Placement.EVERY_PAGE
    )
    shown_from = models.DateTimeField(_("widoczny od"), default=timezone.now)
    shown_until = models.DateTimeField(
        _("widoczny do"), help_text=_("Po tej chwili komunikat sam zniknie ze strony.")
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-shown_from", "-pk"]
        verbose_name = _("komunikat")
        verbose_name_plural = _("komunikaty")
        constraints = [
            models.CheckConstraint(
                condition=Q(shown_until__gt=F("shown_from")),
                name="pages_notice_ends_after_start",
                violation_error_message=_(
                    "Koniec wyświetlania musi być późniejszy niż jego początek."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["info", "hours", "warning"]), name="pages_notice_kind"
            ),
        ]

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return reverse("pages:notice-preview", kwargs={"pk": self.pk})

    def clean(self):
        super().clean()
        if self.link_text and not self.link_url:
            raise ValidationError({"link_url": _("Podaj adres linku albo usuń słowa linku.")})

    @property
    def is_shown(self):
        now = timezone.now()
        return self.shown_from <= now < self.shown_until

    @property
    def is_scheduled(self):
        return timezone.now() < self.shown_from


@dataclass(frozen=True)
class ShownNotice:
    """A notice as a page shows it and the feed sends it."""

    key: str
    kind: str
    text: str
    text_language: str = ""
    link_url: str = ""
    link_text: str = ""
    link_language: str = ""
    since: datetime.datetime | None = None
    # Whether the text is only the Polish stand-in for a missing translation.
    polish_only: bool = False

    @property
    def kind_label(self):
        return Notice.Kind(self.kind).label


def shown(notice):
    return ShownNotice(
        key=f"komunikat-{notice.pk}",
        kind=notice.kind,
        text=notice.text,
        text_language=fallback_language(notice, "text"),
        link_url=notice.link_url,
        link_text=notice.link_text or notice.link_url,
        link_language=fallback_language(notice, "link_text") if notice.link_text else "",
        since=notice.shown_from,
        polish_only=is_fallback(notice, "text"),
    )


def announced_special_days(today):
    last = today + datetime.timedelta(days=ANNOUNCE_DAYS)
    return (
        SpecialDay.objects.announced()
        .filter(date_from__lte=last, date_to__gte=today)
        .select_related("unit")
        .prefetch_related("intervals")
        .order_by("date_from", "unit__order")
    )


def special_day_sentence(special):
    dates = capfirst(day_range(special.date_from, special.date_to))
    units = special.unit.short_name if special.unit else gettext("wszystkie jednostki")
    reason = in_language(special.reason, fallback_language(special, "reason"))
    values = {"dates": dates, "units": units, "reason": reason}
    if special.is_closed:
        message = pgettext("special day notice", "%(dates)s: %(units)s nieczynne – %(reason)s.")
        return interpolate(message, **values)
    message = pgettext("special day notice", "%(dates)s: %(units)s czynne %(hours)s – %(reason)s.")
    return interpolate(message, hours=format_spans(spans_of(special.intervals.all())), **values)


def special_day_notice(special):
    midnight = datetime.time(tzinfo=timezone.get_default_timezone())
    start = special.date_from - datetime.timedelta(days=ANNOUNCE_DAYS)
    return ShownNotice(
        key=f"dzien-specjalny-{special.pk}",
        kind=Notice.Kind.HOURS,
        text=special_day_sentence(special),
        # The sentence is the interface's; only the reason may be Polish inside it.
        link_url=reverse(HOURS) + (f"#{special.unit.anchor}" if special.unit else ""),
        link_text=gettext("Godziny otwarcia"),
        since=datetime.datetime.combine(start, midnight),
    )


def notices_for(view_name, now=None):
    """What a page shows, in order: special days (soonest first), then editors' notices,
    warnings first."""
    now = timezone.localtime(now)
    found = []
    if view_name in (HOME, HOURS):
        found += [special_day_notice(special) for special in announced_special_days(now.date())]
    rank = {Notice.Kind.WARNING: 0, Notice.Kind.HOURS: 1, Notice.Kind.INFO: 2}
    editors = sorted(Notice.objects.for_page(view_name, now), key=lambda notice: rank[notice.kind])
    return found + [shown(notice) for notice in editors]


def feed_items(now=None):
    """The feed: what the home page shows, without Polish stand-ins on other languages."""
    return [notice for notice in notices_for(HOME, now) if not notice.polish_only]


def next_change(now=None):
    """The next moment after `now` at which a page's notices change on their own (one starts,
    one ends, a special day comes within ANNOUNCE_DAYS or is over), or None."""
    now = timezone.localtime(now)
    midnight = datetime.time(tzinfo=timezone.get_default_timezone())
    moments = []
    for notice in Notice.objects.filter(shown_until__gt=now):
        moments += [notice.shown_from, notice.shown_until]
    for special in SpecialDay.objects.announced().filter(date_to__gte=now.date()):
        start = special.date_from - datetime.timedelta(days=ANNOUNCE_DAYS)
        end = special.date_to + datetime.timedelta(days=1)
        moments += [datetime.datetime.combine(day, midnight) for day in (start, end)]
    return min((moment for moment in moments if moment > now), default=None)
