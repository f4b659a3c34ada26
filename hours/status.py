"""Whether a unit is open now, said in a sentence.

Polish changes the preposition and the case with the day ("w poniedziałek", "we wtorek",
"w środę"), and English and Ukrainian differ again, so each phrase is one whole message per day
for the translators, never glued from pieces.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext, pgettext_lazy

from cus_site import cache
from cus_site.translated import in_language, interpolate

from .models import Weekday, clock
from .schedule import Timetable

# How far ahead the status looks for the next opening; beyond it the status just says "closed".
LOOKAHEAD_DAYS = 14

OPENS_ON_WEEKDAY = {
    Weekday.MONDAY: pgettext_lazy(
        "next opening", "Zamknięte – otwieramy w poniedziałek o %(time)s"
    ),
    Weekday.TUESDAY: pgettext_lazy("next opening", "Zamknięte – otwieramy we wtorek o %(time)s"),
    Weekday.WEDNESDAY: pgettext_lazy("next opening", "Zamknięte – otwieramy w środę o %(time)s"),
    Weekday.THURSDAY: pgettext_lazy("next opening", "Zamknięte – otwieramy w czwartek o %(time)s"),
    Weekday.FRIDAY: pgettext_lazy("next opening", "Zamknięte – otwieramy w piątek o %(time)s"),
    Weekday.SATURDAY: pgettext_lazy("next opening", "Zamknięte – otwieramy w sobotę o %(time)s"),
    Weekday.SUNDAY: pgettext_lazy("next opening", "Zamknięte – otwieramy w niedzielę o %(time)s"),
}

# A closed holiday or special day says when we open again with the weekday and the date, as
# "otwieramy w poniedziałek 28 grudnia o 7:30": after a run of closed days a weekday alone could
# be read as the next one.
REOPENS_ON_WEEKDAY = {
    Weekday.MONDAY: pgettext_lazy(
        "reopening", "Dziś nieczynne: %(reason)s – otwieramy w poniedziałek %(date)s o %(time)s"
    ),
    Weekday.TUESDAY: pgettext_lazy(
        "reopening", "Dziś nieczynne: %(reason)s – otwieramy we wtorek %(date)s o %(time)s"
    ),
    Weekday.WEDNESDAY: pgettext_lazy(
        "reopening", "Dziś nieczynne: %(reason)s – otwieramy w środę %(date)s o %(time)s"
    ),
    Weekday.THURSDAY: pgettext_lazy(
        "reopening", "Dziś nieczynne: %(reason)s – otwieramy w czwartek %(date)s o %(time)s"
    ),
    Weekday.FRIDAY: pgettext_lazy(
        "reopening", "Dziś nieczynne: %(reason)s – otwieramy w piątek %(date)s o %(time)s"
    ),
    Weekday.SATURDAY: pgettext_lazy(
        "reopening", "Dziś nieczynne: %(reason)s – otwieramy w sobotę %(date)s o %(time)s"
    ),
    Weekday.SUNDAY: pgettext_lazy(
        "reopening", "Dziś nieczynne: %(reason)s – otwieramy w niedzielę %(date)s o %(time)s"
    ),
}


@dataclass(frozen=True)
class Status:
    is_open: bool
    text: str
    # Why today differs from the usual week, when it is open on its own hours. The reason in
    # `text` and `note` is in `<span lang="pl">` when it has no translation.
    note: str = ""


def unit_status(timetable, unit, now=None):
    """The status of a unit at `now` (aware; default: the current time), in Warsaw time.

    The timetable must start today and cover LOOKAHEAD_DAYS more days. The page showing it is
    kept by the page cache only until the next opening or closing (`next_status_change`).
    """
    cache.note_status()
    now = timezone.localtime(now)
    today = timetable.day(unit, now.date())
    reason = in_language(today.reason, today.reason_language)
    note = reason if today.is_exception and today.is_open else ""
    for span in today.spans:
        if span.contains(now.time()):
            return Status(True, gettext("Otwarte do %(time)s") % {"time": clock(span.closes)}, note)
    later_today = [span for span in today.spans if span.opens > now.time()]
    if later_today:
        return Status(False, opening_phrase(today.date, later_today[0], 0), note)
    if today.is_exception and not today.is_open:
        return Status(False, closed_today_phrase(timetable, unit, now.date(), reason))
    return next_opening(timetable, unit, now.date())


def next_open_day(timetable, unit, today):
    """The first day after today with opening hours, and how many days ahead; None if there
    is none within LOOKAHEAD_DAYS."""
    for ahead in range(1, LOOKAHEAD_DAYS + 1):
        day = timetable.day(unit, today + datetime.timedelta(days=ahead))
        if day.is_open:
            return day, ahead
    return None


def next_opening(timetable, unit, today):
    found = next_open_day(timetable, unit, today)
    if found is None:
        return Status(False, gettext("Zamknięte"))
    day, ahead = found
    return Status(False, opening_phrase(day.date, day.spans[0], ahead))


def closed_today_phrase(timetable, unit, today, reason):
    """ "Dziś nieczynne: Wigilia – otwieramy w poniedziałek 28 grudnia o 7:30"."""
    found = next_open_day(timetable, unit, today)
    if found is None:
        return interpolate(gettext("Dziś nieczynne: %(reason)s"), reason=reason)
    day, ahead = found
    time = clock(day.spans[0].opens)
    if ahead == 1:
        message = pgettext("reopening", "Dziś nieczynne: %(reason)s – otwieramy jutro o %(time)s")
        return interpolate(message, reason=reason, time=time)
    message = REOPENS_ON_WEEKDAY[day.date.weekday()]
    return interpolate(message, reason=reason, date=day_and_month(day.date), time=time)


def day_and_month(date):
    """ "28 grudnia": within the fortnight the status looks ahead, the year goes without saying."""
    return date_format(date, "j E")


def opening_phrase(date, span, days_ahead):
    time = clock(span.opens)
    if days_ahead == 0:
        return pgettext("next opening", "Zamknięte – otwieramy dziś o %(time)s") % {"time": time}
    if days_ahead == 1:
        return pgettext("next opening", "Zamknięte – otwieramy jutro o %(time)s") % {"time": time}
    if days_ahead < 7:
        return OPENS_ON_WEEKDAY[date.weekday()] % {"time": time}
    # A week or more away a weekday's name would be ambiguous: the date says it.
    return pgettext("next opening", "Zamknięte – otwieramy %(date)s o %(time)s") % {
        "date": date_format(date, "DATE_FORMAT"),
        "time": time,
    }


def next_status_change(now=None):
    """The next opening or closing of a visible unit today or tomorrow (a status says "Otwarte
    do 15:30" until 15:30 exactly), or None."""
    now = timezone.localtime(now)
    timetable = Timetable.of_visible_units(now.date(), 2)
    moments = [
        datetime.datetime.combine(date, moment, tzinfo=now.tzinfo)
        for unit in timetable.units
        for date in timetable.dates()
        for span in timetable.day(unit, date).spans
        for moment in (span.opens, span.closes)
    ]
    return min((moment for moment in moments if moment > now), default=None)


def next_midnight(now=None):
    """Local midnight: "jutro" becomes a weekday's name, today's row of a week moves on."""
    now = timezone.localtime(now)
    tomorrow = now.date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(), tzinfo=now.tzinfo)
