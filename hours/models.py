"""Units, their weekly hours and the special days that change them.

Times are wall-clock times in Europe/Warsaw: an office opening at 7:30 opens at 7:30 in winter and
in summer, so intervals are stored as plain times, never as instants.
"""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, IntegerRangeField, RangeOperators
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Func, Q
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cus_site.phones import validate_phone


def clock(value):
    """A time as residents write it: "7:30", without a leading zero."""
    return f"{value.hour}:{value.minute:02d}"


class Weekday(models.IntegerChoices):
    """Numbered as Python's `date.weekday()`: Monday is 0."""

    MONDAY = 0, _("poniedziałek")
    TUESDAY = 1, _("wtorek")
    WEDNESDAY = 2, _("środa")
    THURSDAY = 3, _("czwartek")
    FRIDAY = 4, _("piątek")
    SATURDAY = 5, _("sobota")
    SUNDAY = 6, _("niedziela")


class MinuteOfDay(Func):
    """Minutes since midnight of a time column, for ranges PostgreSQL can compare."""

    template = "(EXTRACT(EPOCH FROM %(expressions)s)::integer / 60)"
    output_field = models.IntegerField()


# A reversed pair would make PostgreSQL fail on building the range itself, before the check
# constraint could refuse it with a readable message; so the ranges below end at the later of the
# two ends, and the reversed pair is left to the check constraint.


class MinuteRange(Func):
    """The half-open range [opens, closes) in minutes: 8:00–12:00 and 12:00–16:00 touch, not
    overlap. PostgreSQL has no range type of times, so the exclusion constraints use this."""

    function = "int4range"
    output_field = IntegerRangeField()

    def __init__(self, opens, closes):
        start = MinuteOfDay(opens)
        super().__init__(start, Greatest(start, MinuteOfDay(closes)))


class DayRange(Func):
    """The closed range [date_from, date_to] of a special day."""

    function = "daterange"
    output_field = DateRangeField()

    def __init__(self, date_from, date_to):
        super().__init__(date_from, Greatest(date_from, date_to), models.Value("[]"))


class UnitQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(is_visible=True)

    def with_weekly_hours(self):
        return self.prefetch_related("weekly_hours")


class Unit(models.Model):
    """An office of the centre residents come to, with its hours and how to reach it.

    What an editor has not filled in yet is left out of the public pages; signed-in staff see a
    list of it (`missing_details`) on the contact page.
    """

    short_name = models.CharField(
        _("skrót"), max_length=20, help_text=_("Jak mieszkańcy znają jednostkę, np. CUS, BOM.")
    )
    full_name = models.CharField(
        _("pełna nazwa"),
        max_length=200,
        blank=True,
        help_text=_(
            "Rozwinięcie skrótu, np. „Centrum Usług Społecznych w Tarnowie”. Strona pokazuje je "
            "przy pierwszym użyciu skrótu."
        ),
    )
    street_address = models.CharField(
        _("ulica i numer"), max_length=200, blank=True, help_text=_("Np. „ul. Przykładowa 1”.")
    )
    postal_code = models.CharField(
        _("kod pocztowy"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{2}-\d{3}$", _("Kod pocztowy ma postać 33-100."))],
    )
    city = models.CharField(_("miejscowość"), max_length=100, default="Tarnów")
    phone = models.CharField(
        _("telefon"),
        max_length=50,
        blank=True,
        validators=[validate_phone],
        help_text=_("Np. „14 688 26 30”. Strona doda numer kierunkowy Polski (+48)."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    entrance = models.TextField(
        _("jak do nas trafić"),
        blank=True,
        help_text=_(
            "Wejście, piętro, numer pokoju, najbliższy przystanek. "
            "Np. „Wejście od ulicy, parter, pokój 5”."
        ),
    )
    accessibility = models.TextField(
        _("dostępność wejścia"),
        blank=True,
        help_text=_(
            "Dla osób z niepełnosprawnościami: schody lub podjazd, winda, toaleta, pętla "
            "indukcyjna, miejsce parkingowe, wejście z psem asystującym."
        ),
    )
    interpreter_booking = models.TextField(
        _("tłumacz polskiego języka migowego"),
        blank=True,
        help_text=_(
            "Jak zgłosić potrzebę tłumacza PJM, np. numer do SMS-ów. Zostaw puste, a strona "
            "poda e-mail jednostki i termin 3 dni roboczych z ustawy o języku migowym."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("kolejność"), default=0, help_text=_("Jednostki z mniejszą liczbą są wyżej.")
    )
    is_visible = models.BooleanField(
        _("widoczna"), default=True, help_text=_("Niewidoczna jednostka znika ze strony.")
    )
    # When residents' pages last changed because of this row: the sitemap's lastmod.
    updated_at = models.DateTimeField(_("zmieniona"), auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["order", "short_name"]
        verbose_name = _("jednostka")
        verbose_name_plural = _("jednostki")
        constraints = [
            models.UniqueConstraint(
                "short_name",
                name="hours_unit_unique_short_name",
                violation_error_message=_("Jednostka o tym skrócie już istnieje."),
            )
        ]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return f"{reverse('hours:index')}#{self.anchor}"

    @property
    def anchor(self):
        return slugify(self.short_name) or f"jednostka-{self.pk}"

    @property
    def display_name(self):
        return self.full_name or self.short_name

    @property
    def postal_line(self):
        return " ".join(part for part in (self.postal_code, self.city) if part)

    def missing_details(self):
        """What residents would look for on the unit's contact card and an editor has not
        entered yet, in the admin's words."""
        fields = [
            "full_name",
            "street_address",
            "postal_code",
            "phone",
            "email",
            "entrance",
            "accessibility",
        ]
        missing = [
            self._meta.get_field(name).verbose_name for name in fields if not getattr(self, name)
        ]
        if not self.email and not self.interpreter_booking:
            missing.append(_("jak zgłosić potrzebę tłumacza PJM (e-mail lub opis)"))
        return missing


class Interval(models.Model):
    """One span of opening hours within a day."""

    opens = models.TimeField(_("otwarcie"))
    closes = models.TimeField(_("zamknięcie"))

    class Meta:
        abstract = True
        ordering = ["opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")),
                name="%(app_label)s_%(class)s_closes_after_opens",
                violation_error_message=_(
                    "Godzina zamknięcia musi być późniejsza niż godzina otwarcia."
                ),
            )
        ]

    def __str__(self):
        return f"{clock(self.opens)}–{clock(self.closes)}"


# The admin saves a day's intervals one row at a time, so a valid edit (moving 8:00–12:00 to
# 12:30–16:00 while another row takes 8:00–12:00) can pass through an overlapping state; the
# constraint is checked at commit, and the admin's formset checks the final state beforehand.
OVERLAP_MESSAGE = _("Przedziały godzin jednego dnia nie mogą się nakładać.")


class WeeklyHours(Interval):
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="weekly_hours", verbose_name=_("jednostka")
    )
    weekday = models.PositiveSmallIntegerField(_("dzień tygodnia"), choices=Weekday.choices)

    class Meta(Interval.Meta):
        ordering = ["weekday", "opens"]
        verbose_name = _("godziny w tygodniu")
        verbose_name_plural = _("godziny w tygodniu")
        constraints = [
            *Interval.Meta.constraints,
            models.CheckConstraint(
                condition=Q(weekday__lte=Weekday.SUNDAY), name="hours_weeklyhours_weekday_in_week"
            ),
            ExclusionConstraint(
                name="hours_weeklyhours_no_overlap",
                expressions=[
                    ("unit", RangeOperators.EQUAL),
                    ("weekday", RangeOperators.EQUAL),
                    (MinuteRange("opens", "closes"), RangeOperators.OVERLAPS),
                ],
                deferrable=models.Deferrable.DEFERRED,
                violation_error_message=OVERLAP_MESSAGE,
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {super().__str__()}"


class SpecialDayQuerySet(models.QuerySet):
    def between(self, first, last):
        """Special days touching the dates first…last (both included), with their intervals."""
        return self.filter(date_from__lte=last, date_to__gte=first).prefetch_related("intervals")

    def for_day(self, day):
        return self.between(day, day)

    def announced(self):
        """Special days whose notice is left on (the pages app shows it before they come)."""
        return self.filter(announce=True)


class SpecialDay(models.Model):
    unit = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="special_days",
        verbose_name=_("jednostka"),
        help_text=_("Zostaw puste, jeśli dotyczy wszystkich jednostek."),
    )
    date_from = models.DateField(_("od dnia"))
    date_to = models.DateField(
        _("do dnia"), blank=True, help_text=_("Zostaw puste, jeśli to jeden dzień.")
    )
    is_closed = models.BooleanField(
        _("nieczynne"),
        default=True,
        help_text=_(
            "Odznacz i podaj godziny poniżej, jeśli tego dnia pracujemy krócej lub dłużej."
        ),
    )
    reason = models.CharField(
        _("powód"),
        max_length=200,
        help_text=_("Widoczny dla mieszkańców, np. „Dzień Pracownika Socjalnego”."),
    )
    announce = models.BooleanField(
        _("komunikat na stronie"),
        default=True,
        help_text=_(
            "Od 7 dni przed tym dniem do jego końca strona główna i strona godzin otwarcia "
            "pokazują komunikat o zmianie. Odznacz, jeśli komunikat jest zbędny."
        ),
    )
    updated_at = models.DateTimeField(_("zmieniony"), auto_now=True)

    objects = SpecialDayQuerySet.as_manager()

    class Meta:
        ordering = ["date_from"]
        verbose_name = _("dzień specjalny")
        verbose_name_plural = _("dni specjalne")
        constraints = [
            models.CheckConstraint(
                condition=Q(date_to__gte=F("date_from")),
                name="hours_specialday_ends_after_start",
                violation_error_message=_(
                    "Data końcowa nie może być wcześniejsza niż data początkowa."
                ),
            ),
            # A day has one rule per scope: two special days of one unit (or two of all units)
            # on the same date would leave residents guessing which one holds.
            ExclusionConstraint(
                name="hours_specialday_no_overlap",
                expressions=[
                    (Coalesce("unit", 0), RangeOperators.EQUAL),
                    (DayRange("date_from", "date_to"), RangeOperators.OVERLAPS),
                ],
                violation_error_message=_(
                    "W tych dniach jest już inny dzień specjalny dla tej samej jednostki "
                    "(lub dla wszystkich jednostek)."
                ),
            ),
        ]

    def __str__(self):
        if self.date_to and self.date_to != self.date_from:
            return f"{self.date_from:%d.%m.%Y}–{self.date_to:%d.%m.%Y} {self.reason}"
        return f"{self.date_from:%d.%m.%Y} {self.reason}"

    def get_absolute_url(self):
        return reverse("hours:index")

    def clean(self):
        # An empty end date means a single day; the database keeps both ends.
        if self.date_to is None:
            self.date_to = self.date_from

    def validate_constraints(self, exclude=None):
        """The overlap the database refuses, said with the special day it clashes with."""
        clash = self.clashing_day()
        if clash is not None:
            raise ValidationError(
                _(
                    "W tych dniach jest już inny dzień specjalny: „%(clash)s” (%(unit)s). "
                    "Zmień daty albo popraw tamten wpis."
                ),
                code="overlap",
                params={"clash": clash, "unit": clash.unit or _("wszystkie jednostki")},
            )
        super().validate_constraints(exclude)

    def clashing_day(self):
        if self.date_from is None:
            return None
        return (
            SpecialDay.objects.exclude(pk=self.pk)
            .filter(
                unit=self.unit_id,
                date_from__lte=self.date_to or self.date_from,
                date_to__gte=self.date_from,
            )
            .select_related("unit")
            .first()
        )


class SpecialHours(Interval):
    special_day = models.ForeignKey(
        SpecialDay,
        on_delete=models.CASCADE,
        related_name="intervals",
        verbose_name=_("dzień specjalny"),
    )

    class Meta(Interval.Meta):
        verbose_name = _("godziny dnia specjalnego")
        verbose_name_plural = _("godziny dnia specjalnego")
        constraints = [
            *Interval.Meta.constraints,
            ExclusionConstraint(
                name="hours_specialhours_no_overlap",
                expressions=[
                    ("special_day", RangeOperators.EQUAL),
                    (MinuteRange("opens", "closes"), RangeOperators.OVERLAPS),
                ],
                deferrable=models.Deferrable.DEFERRED,
                violation_error_message=OVERLAP_MESSAGE,
            ),
        ]
