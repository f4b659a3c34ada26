"""How an event's dates read, the Polish way, and in English and Ukrainian through the same rules.

- One day: its weekday and date, "sobota, 3 czerwca 2026", with the hours when it has them:
  "sobota, 3 czerwca 2026, 10:00–12:00".
- Several days: the shortest range that stays unambiguous: "3–5 czerwca 2026" within a month,
  "30 czerwca – 2 lipca 2026" within a year, "30 grudnia 2026 – 2 stycznia 2027" across years;
  with hours, each end gets its own: "3 czerwca 2026, 10:00 – 5 czerwca 2026, 16:00".
- Repeat dates: the dates themselves, days of one month together, the hours once:
  "3, 10, 17, 24 i 31 marca 2026, 10:00–12:00", never a rule such as "every Tuesday".
- An en dash without spaces joins days and hours, one with spaces joins whole dates.

The words come from the format modules (`cus_site/formats/<language>/formats.py`: DATE_FORMAT,
MONTH_DAY_FORMAT with the month in the genitive where the language needs it, TIME_FORMAT) and
from the catalogues (the weekday names of the hours app, the comma after a weekday, "i"/"and"/"і"),
so each language reads right; Polish weekdays stay in lower case, as Polish writes them.
"""

from itertools import groupby

from django.utils.formats import date_format, time_format
from django.utils.translation import pgettext, pgettext_lazy

from hours.models import Weekday

# Month names standing alone, as Polish writes them: in lower case ("lipiec 2026").
MONTHS = [
    pgettext_lazy("month", "styczeń"),
    pgettext_lazy("month", "luty"),
    pgettext_lazy("month", "marzec"),
    pgettext_lazy("month", "kwiecień"),
    pgettext_lazy("month", "maj"),
    pgettext_lazy("month", "czerwiec"),
    pgettext_lazy("month", "lipiec"),
    pgettext_lazy("month", "sierpień"),
    pgettext_lazy("month", "wrzesień"),
    pgettext_lazy("month", "październik"),
    pgettext_lazy("month", "listopad"),
    pgettext_lazy("month", "grudzień"),
]


def month_and_year(day):
    """ "lipiec 2026", "July 2026", "липень 2026": a month on its own, for the month filter."""
    return pgettext("month and year", "%(month)s %(year)s") % {
        "month": MONTHS[day.month - 1],
        "year": day.year,
    }


def full_date(day):
    return date_format(day, "DATE_FORMAT")


def weekday_and_date(day):
    return pgettext("weekday, date", "%(weekday)s, %(date)s") % {
        "weekday": Weekday(day.weekday()).label,
        "date": full_date(day),
    }


def with_time(text, time):
    return pgettext("date, time", "%(date)s, %(time)s") % {"date": text, "time": time}


def hours_text(starts_at, ends_at):
    """ "10:00–12:00", or "10:00" without an end, or "" for a whole day."""
    if starts_at is None:
        return ""
    if ends_at is None:
        return time_format(starts_at, "TIME_FORMAT")
    return f"{time_format(starts_at, 'TIME_FORMAT')}–{time_format(ends_at, 'TIME_FORMAT')}"


def day_range(first, last):
    """ "3–5 czerwca 2026", "30 czerwca – 2 lipca 2026", "30 grudnia 2026 – 2 stycznia 2027"."""
    if first == last:
        return weekday_and_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{full_date(last)}"
    if first.year == last.year:
        return f"{date_format(first, 'MONTH_DAY_FORMAT')} – {full_date(last)}"
    return f"{full_date(first)} – {full_date(last)}"


def joined(items):
    """ "3, 10 i 17": the last two joined by the language's "and"."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return pgettext("list of dates", "%(items)s i %(last)s") % {
        "items": ", ".join(items[:-1]),
        "last": items[-1],
    }


def dates_list(days):
    """ "3, 10, 17, 24 i 31 marca 2026", "24 i 31 marca, 7 kwietnia 2026": each month's days
    together, each year written once, at its end."""
    parts = []
    years = [list(group) for _year, group in groupby(days, key=lambda day: day.year)]
    for year_days in years:
        months = [list(group) for _month, group in groupby(year_days, key=lambda day: day.month)]
        for number, month_days in enumerate(months, start=1):
            last = month_days[-1]
            is_last = number == len(months)
            month = full_date(last) if is_last else date_format(last, "MONTH_DAY_FORMAT")
            # The month's name follows its last day: "3, 10 i 17 marca" is "3, 10 i " + "17 marca".
            days_before = [str(day.day) for day in month_days[:-1]]
            parts.append(joined([*days_before, month]))
    return ", ".join(parts)


def when(event):
    """The event's dates and hours in one line, as the list and the page show them."""
    hours = hours_text(event.starts_at, event.ends_at)
    days = event.days
    if days:
        text = dates_list(days)
        return with_time(text, hours) if hours else text
    if event.starts_on == event.ends_on:
        text = weekday_and_date(event.starts_on)
        return with_time(text, hours) if hours else text
    if event.starts_at is None:
        return day_range(event.starts_on, event.ends_on)
    start = with_time(full_date(event.starts_on), time_format(event.starts_at, "TIME_FORMAT"))
    if event.ends_at is None:
        return f"{start} – {full_date(event.ends_on)}"
    end = with_time(full_date(event.ends_on), time_format(event.ends_at, "TIME_FORMAT"))
    return f"{start} – {end}"


def occurrence(day, event):
    """One repeat date of an event with its weekday and hours, for the page's list of dates."""
    hours = hours_text(event.starts_at, event.ends_at)
    text = weekday_and_date(day)
    return with_time(text, hours) if hours else text
