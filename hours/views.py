from dataclasses import dataclass

from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from django.views.generic import ListView

from .jsonld import government_office
from .models import Unit, Weekday
from .schedule import Timetable, format_spans, week_of
from .status import LOOKAHEAD_DAYS, Status, unit_status
from .week import WeekRow, compact_week

# Days ahead for which the page lists holidays and special days.
CHANGES_WINDOW_DAYS = 60

# A status is right only until the clock passes an opening or closing time, or an editor changes
# the hours, and no max-age can foresee the edit. So every cache (the browser's, a proxy's) must
# ask again each time; the page costs a fixed handful of queries. Pages without a status are not
# marked and stay cacheable.
shows_status = cache_control(no_cache=True, max_age=0, must_revalidate=True)


@dataclass(frozen=True)
class DayRow:
    name: str
    hours: str
    is_today: bool


@dataclass(frozen=True)
class UnitHours:
    """What the page shows of one unit."""

    unit: Unit
    status: Status
    summary: list[WeekRow]
    days: list[DayRow]
    changes: list
    json_ld: dict


@method_decorator(shows_status, name="dispatch")
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
            window_days=CHANGES_WINDOW_DAYS,
            **kwargs,
        )

    def unit_hours(self, timetable, unit, now):
        week = week_of(unit)
        changes = timetable.changes(unit)
        url = self.request.build_absolute_uri(unit.get_absolute_url())
        return UnitHours(
            unit=unit,
            status=unit_status(timetable, unit, now),
            summary=compact_week(week),
            days=[
                DayRow(Weekday(weekday).label, format_spans(spans), weekday == now.weekday())
                for weekday, spans in enumerate(week)
            ],
            changes=changes,
            json_ld=government_office(unit, week, changes, url),
        )
