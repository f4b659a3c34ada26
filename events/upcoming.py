"""When an event is upcoming, and which of its days comes next.

- An event is upcoming until it ends: at its end time on its last day, or, without an end time,
  at the midnight after its last day; then it is past and goes to the archive of its first
  day's year.
- The list puts the soonest next day first: a future event's first day; for a repeating event
  its next day among the first day, the repeat dates and the last day; for a continuous event
  already under way, today. Whole-day events come before those with hours on the same day.
- An event takes place in a month when one of its days falls in it (a repeating event), or
  when its span overlaps the month (a continuous one).
- A subscribed calendar also keeps the events of the last CALENDAR_KEEPS_DAYS days.
"""

import datetime

from django.apps import apps
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Least
from django.utils import timezone

from cus_site import cache

# A subscribed calendar keeps the events that ended this many days ago.
CALENDAR_KEEPS_DAYS = 30


def repeat_dates():
    return apps.get_model("events", "EventDate").objects.all()


def today_and_time(now=None):
    now = timezone.localtime(now)
    return now.date(), now.time()


def not_ended(now=None):
    """The condition of an event that has not ended at `now`."""
    today, time = today_and_time(now)
    ends_later_today = Q(ends_on=today) & (Q(ends_at__isnull=True) | Q(ends_at__gt=time))
    return Q(ends_on__gt=today) | ends_later_today


class UpcomingQuerySet(models.QuerySet):
    """The events' queries that follow the clock; `published()` comes from the model's own
    queryset."""

    def upcoming(self, now=None):
        """Published events that have not ended, the soonest next date first."""
        return (
            self.published()
            .filter(not_ended(now))
            .annotate(next_on=next_date(now))
            .order_by("next_on", F("starts_at").asc(nulls_first=True), "pk")
        )

    def past(self, now=None):
        return self.published().exclude(not_ended(now)).order_by("-starts_on", "-pk")

    def in_month(self, first_day):
        """Events taking place in the month of `first_day` (on a repeat date, if they repeat)."""
        last_day = (first_day + datetime.timedelta(days=31)).replace(day=1) - datetime.timedelta(
            days=1
        )
        repeats = repeat_dates().filter(event=OuterRef("pk"))
        continuous = ~Exists(repeats) & Q(starts_on__lte=last_day, ends_on__gte=first_day)
        on_a_date = (
            Q(starts_on__range=(first_day, last_day))
            | Q(ends_on__range=(first_day, last_day))
            | Exists(repeats.filter(date__range=(first_day, last_day)))
        )
        return self.filter(continuous | on_a_date)

    def for_calendar(self, now=None):
        """What a subscribed calendar holds: upcoming events and those of the last weeks, so a
        calendar app refreshing the feed does not drop yesterday's entry at once."""
        recent = timezone.localdate(now) - datetime.timedelta(days=CALENDAR_KEEPS_DAYS)
        return self.published().filter(ends_on__gte=recent).order_by("starts_on", "pk")

    def revised(self):
        """Raise the calendar files' SEQUENCE: a calendar app that has the event takes the new
        version over the one it holds (RFC 5545, 3.8.7.4)."""
        revised = self.update(sequence=F("sequence") + 1, updated_at=timezone.now())
        cache.content_changed()
        return revised

    def next_change(self, now=None):
        """The next moment after `now` at which a page listing published events changes on its
        own (an event moves on to its next date, sign-up closes, an event ends), or None: what
        a page cache may keep a page until."""
        now = timezone.localtime(now)
        events = self.published().filter(not_ended(now)).prefetch_related("dates")
        moments = (moment for event in events for moment in event.change_moments())
        return min((moment for moment in moments if moment > now), default=None)


def next_date(now=None):
    """The event's next day on or after today: its first day, a repeat date or its last day,
    whichever comes first; for a continuous event already under way, today."""
    today, _time = today_and_time(now)
    repeats = repeat_dates().filter(event=OuterRef("pk"))
    next_repeat = repeats.filter(date__gte=today).order_by("date").values("date")[:1]
    return Least(
        Case(When(starts_on__gte=today, then=F("starts_on"))),
        Subquery(next_repeat),
        Case(When(Q(starts_on__lt=today) & ~Exists(repeats), then=Value(today))),
        F("ends_on"),
    )
