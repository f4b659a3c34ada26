"""Which hours hold for a unit on a given day.

One rule decides a day, the first that applies: a special day of the unit, a special day of all
units, a Polish public holiday (closed), the unit's weekly hours. A `Timetable` reads everything
it needs for a window of days up front, so a page asks the same few queries for one unit or fifty.
"""

import datetime
from dataclasses import dataclass, replace
from enum import StrEnum

import holidays
from django.utils import formats, translation

from cus_site import cache
from cus_site.translated import fallback_language

from .models import SpecialDay, Unit, Weekday, clock


class Source(StrEnum):
    WEEKLY = "weekly"
    HOLIDAY = "holiday"
    SPECIAL = "special"


@dataclass(frozen=True, order=True)
class Span:
    """Opening hours from `opens` to `closes`, wall-clock times in Warsaw."""

    opens: datetime.time
    closes: datetime.time

    def __str__(self):
        return f"{clock(self.opens)}–{clock(self.closes)}"

    def contains(self, moment):
        return self.opens <= moment < self.closes

    def overlaps(self, other):
        return self.opens < other.closes and other.opens < self.closes


def spans_of(rows):
    """Sorted spans of interval rows, touching ones joined: 8:00–12:00 and 12:00–16:00 are one
    day open until 16:00 for a resident."""
    spans = []
    for row in sorted(rows, key=lambda row: row.opens):
        if spans and spans[-1].closes == row.opens:
            spans[-1] = Span(spans[-1].opens, row.closes)
        else:
            spans.append(Span(row.opens, row.closes))
    return tuple(spans)


def format_spans(spans):
    return ", ".join(str(span) for span in spans)


@dataclass(frozen=True)
class DaySchedule:
    date: datetime.date
    spans: tuple[Span, ...]
    source: Source = Source.WEEKLY
    reason: str = ""
    # The last day of the special day the schedule comes from.
    until: datetime.date | None = None
    # "pl" when the page is in another language and the reason has no translation.
    reason_language: str = ""

    @property
    def is_open(self):
        return bool(self.spans)

    @property
    def is_exception(self):
        return self.source != Source.WEEKLY

    @property
    def hours(self):
        return format_spans(self.spans)


@dataclass(frozen=True)
class ChangedDays:
    """Consecutive days on which the same holiday or special day replaces the weekly hours."""

    first: datetime.date
    last: datetime.date
    schedule: DaySchedule

    @property
    def first_weekday(self):
        return Weekday(self.first.weekday()).label

    @property
    def is_single_day(self):
        return self.first == self.last

    @property
    def is_within_month(self):
        """Whether the range reads "28–30 grudnia 2026" rather than with two full dates."""
        return (self.first.year, self.first.month) == (self.last.year, self.last.month)

    def continues_with(self, day):
        same_rule = (day.source, day.reason, day.spans) == (
            self.schedule.source,
            self.schedule.reason,
            self.schedule.spans,
        )
        return same_rule and day.date == self.last + datetime.timedelta(days=1)


def holiday_language():
    """The `holidays` package names holidays in the locale of the process unless told otherwise,
    so the page's language is passed; where the package has no translation, Polish."""
    language = translation.get_language() or "pl"
    code = {"en": "en_US"}.get(language, language)
    return code if code in holidays.Poland.supported_languages else "pl"


# The `holidays` package gives the official names; residents read the ones Poles use.
POLISH_HOLIDAY_NAMES = {
    "Niedziela Wielkanocna": "Wielkanoc",
    "Święto Państwowe": "Święto Pracy",
    "Święto Narodowe Trzeciego Maja": "Święto Konstytucji 3 Maja",
    "Dzień Bożego Ciała": "Boże Ciało",
    "Uroczystość Wszystkich Świętych": "Wszystkich Świętych",
    "Wigilia Bożego Narodzenia": "Wigilia",
    "Boże Narodzenie (pierwszy dzień)": "Boże Narodzenie",
    "Boże Narodzenie (drugi dzień)": "drugi dzień Bożego Narodzenia",
}


def public_holidays(first, last):
    """{date: name} of the Polish public holidays in first…last, named in the page's language."""
    language = holiday_language()
    found = holidays.Poland(years=range(first.year, last.year + 1), language=language)
    if language != "pl":
        return dict(found.items())
    return {date: POLISH_HOLIDAY_NAMES.get(name, name) for date, name in found.items()}


class Timetable:
    """The hours of the given units on the days first…first + days - 1.

    The units should come with their weekly hours prefetched (`Unit.objects.with_weekly_hours()`);
    the special days of the window are read in one go (two queries).
    """

    def __init__(self, units, first, days):
        self.units = list(units)
        self.first = first
        self.last = first + datetime.timedelta(days=days - 1)
        self.holidays = public_holidays(first, self.last)
        self.special_by_day = {
            (special.unit_id, date): special
            for special in SpecialDay.objects.between(first, self.last)
            for date in date_range(max(special.date_from, first), min(special.date_to, self.last))
        }

    @classmethod
    def of_visible_units(cls, first, days):
        return cls(Unit.objects.visible().with_weekly_hours(), first, days)

    @classmethod
    def shown(cls, first, days):
        """`of_visible_units` for the pages: read once per change of the hours (and per day and
        language) and kept as a fragment (cus_site.cache); each page still works out the
        status from it at its own minute. Not for the timed changes (hours.status), which a
        fragment's lifetime itself asks for."""
        key = f"timetable:{first.isoformat()}:{days}"
        return cache.fragment(key, lambda: cls.of_visible_units(first, days))

    def dates(self):
        return date_range(self.first, self.last)

    def day(self, unit, date):
        if not self.first <= date <= self.last:
            raise ValueError(f"{date} is outside the timetable's window {self.first}–{self.last}.")
        special = self.special_day(unit.pk, date) or self.special_day(None, date)
        if special:
            spans = () if special.is_closed else spans_of(special.intervals.all())
            reason_language = fallback_language(special, "reason")
            return DaySchedule(
                date, spans, Source.SPECIAL, special.reason, special.date_to, reason_language
            )
        if date in self.holidays:
            return DaySchedule(date, (), Source.HOLIDAY, self.holidays[date])
        return DaySchedule(date, week_of(unit)[date.weekday()])

    def special_day(self, unit_id, date):
        return self.special_by_day.get((unit_id, date))

    def changes(self, unit):
        """The window's holidays and special days of a unit, consecutive days of one rule as one
        entry (a special day from 27 to 31 December is one line, not five). A holiday on a day
        the unit is closed anyway (a Saturday's) changes nothing for it and is left out."""
        changes = []
        week = week_of(unit)
        for day in (self.day(unit, date) for date in self.dates()):
            if not day.is_exception or changes_nothing(day, week):
                continue
            previous = changes[-1] if changes else None
            if previous and previous.continues_with(day):
                changes[-1] = ChangedDays(previous.first, day.date, previous.schedule)
            else:
                changes.append(ChangedDays(day.date, day.date, day))
        if changes and changes[-1].last == self.last:
            # A special day going on past the window is shown up to its real end.
            last = changes[-1]
            changes[-1] = replace(last, last=max(last.last, last.schedule.until or last.last))
        return changes


def changes_nothing(day, week):
    return day.source == Source.HOLIDAY and not week[day.date.weekday()]


def date_range(first, last):
    """The dates first…last, both included."""
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def week_of(unit):
    """The unit's weekly hours as seven tuples of spans, Monday first; an empty tuple is a
    closed day. Reads the prefetched rows."""
    rows = unit.weekly_hours.all()
    return [spans_of(row for row in rows if row.weekday == weekday) for weekday in range(7)]


def closed_anyway_for(unit, first, last):
    """closed_anyway for one unit, or for every visible unit when unit is None (a special day
    of all units)."""
    units = Unit.objects.with_weekly_hours()
    units = units.filter(pk=unit.pk) if unit else units.visible()
    return closed_anyway(units, first, last)


def closed_anyway(units, first, last):
    """{date: why} for the days of first…last on which every one of the units is closed
    without any special day: a public holiday (its name), or no weekly hours that weekday
    (the weekday's name). The admin says so when an editor adds a closure on such a day."""
    weeks = [week_of(unit) for unit in units]
    holidays_in_range = public_holidays(first, last)
    closed = {}
    for date in date_range(first, last):
        if date in holidays_in_range:
            closed[date] = holidays_in_range[date]
        elif weeks and not any(week[date.weekday()] for week in weeks):
            closed[date] = formats.date_format(date, "l")
    return closed
