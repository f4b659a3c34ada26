from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.views.generic import ListView

from .jsonld import government_office
from .models import Unit
from .schedule import ChangedDays, Timetable, week_of
from .status import LOOKAHEAD_DAYS, Status, unit_status
from .week import WeekRow, week_rows

# Days ahead for which the page lists holidays and special days.
CHANGES_WINDOW_DAYS = 60


@dataclass(frozen=True)
class UnitHours:
    """What the page shows of one unit: its status and its week, once."""

    unit: Unit
    status: Status
    week: list[WeekRow]
    json_ld: dict


@dataclass
class Change:
    """A holiday or special day of the window, with the units it concerns: each row is the
    units that keep the same hours that day ("CUS, BOM: nieczynne")."""

    days: ChangedDays  # the dates and reason, as the first unit has them
    rows: list  # [(units, DaySchedule)]

    def add(self, unit, schedule):
        for units, shown in self.rows:
            if (shown.is_open, shown.spans) == (schedule.is_open, schedule.spans):
                units.append(unit)
                return
        self.rows.append(([unit], schedule))


def changes_of_all(timetable):
    """Every unit's changes (`Timetable.changes`) as one list by date: a holiday closing all
    units is one entry, not one per unit."""
    found = {}
    for unit in timetable.units:
        for days in timetable.changes(unit):
            key = (days.first, days.last, days.schedule.reason)
            found.setdefault(key, Change(days, [])).add(unit, days.schedule)
    return [found[key] for key in sorted(found, key=lambda key: key[:2])]


class UnitListView(ListView):
    template_name = "hours/unit_list.html"

    def get_queryset(self):
        return Unit.objects.visible().with_weekly_hours()

    def get_context_data(self, **kwargs):
        now = timezone.localtime()
        days = max(CHANGES_WINDOW_DAYS, LOOKAHEAD_DAYS) + 1
        timetable = Timetable(self.object_list, now.date(), days)
        return super().get_context_data(
            unit_hours=[self.unit_hours(timetable, unit, now) for unit in timetable.units],
            changes=changes_of_all(timetable),
            unit_count=len(timetable.units),
            window_days=CHANGES_WINDOW_DAYS,
            **kwargs,
        )

    def unit_hours(self, timetable, unit, now):
        week = week_of(unit)
        url = settings.SITE_URL + unit.get_absolute_url()
        return UnitHours(
            unit=unit,
            status=unit_status(timetable, unit, now),
            week=week_rows(week, today=now.weekday()),
            json_ld=government_office(unit, week, timetable.changes(unit), url),
        )
