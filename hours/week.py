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
    hours: str


def compact_week(week):
    """Rows of the compact form for seven tuples of spans (Monday first), in the order of each
    row's first day."""
    days_by_hours = {}
    for weekday, spans in enumerate(week):
        if spans:
            days_by_hours.setdefault(spans, []).append(weekday)
    return [WeekRow(days_label(days), format_spans(spans)) for spans, days in days_by_hours.items()]


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
