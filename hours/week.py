"""The compact Polish form of a week: consecutive days with the same hours read as one range.

"poniedziałek – piątek 7:30–15:30"; days apart keep their own names, joined by commas
("poniedziałek, środa – piątek 8:00–15:00"). Closed days are left out.
"""

from dataclasses import dataclass

from .models import Weekday
from .schedule import format_spans


@dataclass(frozen=True)
class WeekRow:
    days: str
    hours: str  # "" for closed days
    is_today: bool = False


def compact_week(week):
    """Rows of the compact form for seven tuples of spans (Monday first), in the order of each
    row's first day."""
    days_by_hours = {}
    for weekday, spans in enumerate(week):
        if spans:
            days_by_hours.setdefault(spans, []).append(weekday)
    return [WeekRow(days_label(days), format_spans(spans)) for spans, days in days_by_hours.items()]


def week_rows(week, today):
    """The compact form with the closed days as a last row ("sobota – niedziela", no hours) and
    the row holding `today` (a weekday number) marked: the one week the hours page shows."""
    days_by_hours = {}
    for weekday, spans in enumerate(week):
        days_by_hours.setdefault(spans, []).append(weekday)
    closed = days_by_hours.pop((), [])
    rows = [(days, format_spans(spans)) for spans, days in days_by_hours.items()]
    if closed:
        rows.append((closed, ""))
    return [WeekRow(days_label(days), hours, today in days) for days, hours in rows]


def days_label(weekdays):
    return ", ".join(run_label(run) for run in runs_of(weekdays))


def runs_of(weekdays):
    """Sorted weekday numbers in runs of consecutive days: [0, 2, 3, 4] → [[0], [2, 3, 4]]."""
    runs = []
    for weekday in weekdays:
        if runs and weekday == runs[-1][-1] + 1:
            runs[-1].append(weekday)
        else:
            runs.append([weekday])
    return runs


def run_label(run):
    first, last = Weekday(run[0]).label, Weekday(run[-1]).label
    return str(first) if len(run) == 1 else f"{first} – {last}"
