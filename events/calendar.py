"""Calendar files (RFC 5545) of events, made with the icalendar library.

- An event is one VEVENT whose UID never changes (the event's own UUID), so a calendar app
  that imports the file again updates its entry instead of adding a second; SEQUENCE is the
  event's revision number, raised by the admin whenever its date, hours, place or state change.
- A day-long event has DATE values (DTEND is the day after its last day, as the RFC counts);
  one with hours has date-times in Europe/Warsaw, whose VTIMEZONE the file carries.
- Repeat dates are RDATEs of the first occurrence, which lends them its hours.
- A cancelled event stays in the files with STATUS:CANCELLED and "Odwołane:" before its title, a
  moved one with its change in the description, so nobody keeps the old date without knowing.
- A title shown in Polish on an English or Ukrainian calendar says LANGUAGE=pl, like lang="pl"
  on the page.
"""

import datetime

import icalendar
from django.conf import settings
from django.utils.translation import gettext

from cus_site.translated import fallback_language

from .places import place_of

PRODID = "-//Centrum Usług Społecznych w Tarnowie//Wydarzenia//PL"
TIME_ZONE = "Europe/Warsaw"
# How often a subscribed calendar should fetch the feed again.
REFRESH = datetime.timedelta(hours=6)


def absolute(url):
    return f"{settings.SITE_URL}{url}"


def text_property(component, name, value, language):
    component.add(name, value, parameters={"LANGUAGE": language} if language else None)


def occurrence_value(event, day, time):
    if time is None:
        return day
    return event.moment(day, time)


def add_dates(component, event):
    days = event.days or [event.starts_on]
    first = days[0]
    component.add("dtstart", occurrence_value(event, first, event.starts_at))
    if event.is_all_day:
        last = first if event.days else event.ends_on
        component.add("dtend", last + datetime.timedelta(days=1))
    elif event.ends_at:
        last = first if event.days else event.ends_on
        component.add("dtend", event.moment(last, event.ends_at))
    if len(days) > 1:
        component.add("rdate", [occurrence_value(event, day, event.starts_at) for day in days[1:]])


def description(event, url):
    parts = [event.change_note if event.state != event.State.PLANNED else "", event.lead, url]
    return "\n\n".join(part for part in parts if part)


def vevent(event):
    """The VEVENT of a published event (with `dates`, `audiences` and `unit` loaded)."""
    url = absolute(event.get_absolute_url())
    component = icalendar.Event()
    component.add("uid", f"wydarzenie-{event.uid}")
    component.add("dtstamp", event.updated_at)
    component.add("created", event.created_at)
    component.add("last-modified", event.updated_at)
    component.add("sequence", event.sequence)
    title = event.title
    if event.is_cancelled:
        title = gettext("Odwołane: %(title)s") % {"title": title}
    text_property(component, "summary", title, fallback_language(event, "title"))
    text_property(
        component, "description", description(event, url), fallback_language(event, "lead")
    )
    add_dates(component, event)
    place = place_of(event)
    if place:
        text_property(component, "location", place.one_line, place.name_language)
    component.add("url", url)
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    names = [audience.name for audience in event.audiences.all()]
    if names:
        component.add("categories", names)
    return component


def calendar(events, name, url):
    """The calendar of `events` as bytes: its name, its address and the time zone its events
    need, limited to their years so the file stays small."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TIME_ZONE)
    cal.add("name", name)
    cal.add("url", absolute(url))
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT6H")
    events = list(events)
    for event in events:
        cal.add_component(vevent(event))
    if any(not event.is_all_day for event in events):
        first = min(event.starts_on for event in events)
        last = max(event.ends_on for event in events)
        cal.add_missing_timezones(
            first_date=first.replace(month=1, day=1), last_date=last.replace(month=12, day=31)
        )
    return cal.to_ical()
