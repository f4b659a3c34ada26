"""Calendar files: RFC 5545 as the icalendar library reads them back."""

import datetime
import re

import icalendar
import pytest

from events.models import Event
from tests.factories import AudienceFactory, EventFactory

from .conftest import WARSAW

D = datetime.date
T = datetime.time


def parsed(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def only_event(calendar):
    (event,) = calendar.walk("VEVENT")
    return event


def event_file(client, event, prefix=""):
    return parsed(client.get(f"{prefix}/wydarzenia/{event.slug}.ics"))


def test_an_event_with_hours_is_in_warsaw_time_with_its_time_zone(client, clock):
    event = EventFactory(
        title_pl="Warsztaty plastyczne",
        starts_on=D(2026, 6, 6),
        ends_on=D(2026, 6, 6),
        starts_at=T(10),
        ends_at=T(12),
    )
    calendar = event_file(client, event)
    vevent = only_event(calendar)
    assert vevent["SUMMARY"] == "Warsztaty plastyczne"
    assert vevent.decoded("DTSTART") == datetime.datetime(2026, 6, 6, 10, tzinfo=WARSAW)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert vevent.decoded("DTEND") == datetime.datetime(2026, 6, 6, 12, tzinfo=WARSAW)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    assert vevent["LOCATION"] == "Klub Senior+, ul. Gumniska 25, 33-100 Tarnów"
    assert vevent["URL"].endswith(f"/wydarzenia/{event.slug}/")
    assert vevent["STATUS"] == "CONFIRMED"
    assert "attachment" in client.get(f"/wydarzenia/{event.slug}.ics")["Content-Disposition"]


def test_a_whole_day_event_has_dates_and_ends_the_day_after(client, clock):
    event = EventFactory(starts_on=D(2026, 6, 3), ends_on=D(2026, 6, 5))
    calendar = event_file(client, event)
    vevent = only_event(calendar)
    assert vevent.decoded("DTSTART") == D(2026, 6, 3)
    assert vevent.decoded("DTEND") == D(2026, 6, 6)
    assert calendar.walk("VTIMEZONE") == []


def test_repeat_dates_are_rdates_of_the_first_occurrence(client, clock):
    event = EventFactory(
        starts_on=D(2026, 6, 2),
        ends_on=D(2026, 6, 16),
        starts_at=T(15, 30),
        ends_at=T(17),
        repeats=[D(2026, 6, 9)],
    )
    vevent = only_event(event_file(client, event))
    assert vevent.decoded("DTSTART") == datetime.datetime(2026, 6, 2, 15, 30, tzinfo=WARSAW)
    assert vevent.decoded("DTEND") == datetime.datetime(2026, 6, 2, 17, tzinfo=WARSAW)
    rdates = [period.dt for period in vevent["RDATE"].dts]
    assert rdates == [
        datetime.datetime(2026, 6, 9, 15, 30, tzinfo=WARSAW),
        datetime.datetime(2026, 6, 16, 15, 30, tzinfo=WARSAW),
    ]


def test_uid_stays_and_sequence_rises_when_the_admin_changes_the_date(client, admin_client, clock):
    from .test_admin import event_form

    event = EventFactory(starts_on=D(2026, 6, 6), ends_on=D(2026, 6, 6))
    before = only_event(event_file(client, event))
    response = admin_client.post(
        f"/admin/events/event/{event.pk}/change/",
        event_form(event, starts_on="2026-06-13", ends_on="2026-06-13"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    after = only_event(event_file(client, event))
    assert after["UID"] == before["UID"] == f"wydarzenie-{event.uid}"
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 1)
    assert after.decoded("DTSTART") == D(2026, 6, 13)


def test_a_cancelled_event_says_so_in_its_file(client, clock):
    event = EventFactory(
        title_pl="Piknik", state="cancelled", change_note_pl="Odwołany z powodu burzy."
    )
    vevent = only_event(event_file(client, event))
    assert vevent["STATUS"] == "CANCELLED"
    assert vevent["SUMMARY"] == "Odwołane: Piknik"
    assert vevent["DESCRIPTION"].startswith("Odwołany z powodu burzy.")


def test_a_polish_only_title_is_marked_polish_in_the_english_file(client, clock):
    event = EventFactory(title_pl="Piknik rodzinny")
    vevent = only_event(event_file(client, event, prefix="/en"))
    assert vevent["SUMMARY"] == "Piknik rodzinny"
    assert vevent["SUMMARY"].params["LANGUAGE"] == "pl"
    translated = EventFactory(title_pl="Koncert", title_en="Concert")
    vevent = only_event(event_file(client, translated, prefix="/en"))
    assert vevent["SUMMARY"] == "Concert" and "LANGUAGE" not in vevent["SUMMARY"].params


@pytest.mark.parametrize("slug", ["nie-ma-takiego", "szkic"])
def test_a_draft_or_unknown_event_has_no_file(client, clock, slug):
    EventFactory(slug_pl="szkic", status="draft")
    response = client.get(f"/wydarzenia/{slug}.ics")
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


def test_the_feed_holds_upcoming_and_recent_events_not_old_ones_nor_drafts(client, clock):
    EventFactory(title_pl="Za tydzień")
    EventFactory(title_pl="Wczoraj", starts_on=D(2026, 5, 31), ends_on=D(2026, 5, 31))
    EventFactory(title_pl="Rok temu", starts_on=D(2025, 6, 1), ends_on=D(2025, 6, 1))
    EventFactory(title_pl="Szkic", status="draft")
    EventFactory(title_pl="Odwołane", state="cancelled")
    calendar = parsed(client.get("/wydarzenia/kalendarz.ics"))
    summaries = sorted(str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT"))
    assert summaries == ["Odwołane: Odwołane", "Wczoraj", "Za tydzień"]
    assert calendar["X-WR-CALNAME"] == "Wydarzenia – Centrum Usług Społecznych w Tarnowie"
    assert str(calendar["REFRESH-INTERVAL"].to_ical(), "ascii") == "PT6H"


def test_an_audience_has_its_own_feed(client, clock):
    seniors = AudienceFactory(slug="seniorzy", name_pl="seniorzy")
    EventFactory(title_pl="Dla seniorów", audiences=[seniors])
    EventFactory(title_pl="Dla rodzin", audiences=[AudienceFactory(slug="rodziny")])
    calendar = parsed(client.get("/wydarzenia/kalendarz/seniorzy.ics"))
    assert [str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")] == ["Dla seniorów"]
    assert "seniorzy" in str(calendar["X-WR-CALNAME"])
    assert client.get("/wydarzenia/kalendarz/nikt.ics").status_code == 404


def test_the_feed_is_valid_with_many_events_and_one_time_zone(client, clock):
    for number in range(30):
        EventFactory(starts_at=T(10 + number % 8), starts_on=D(2026, 6, 1 + number % 28))
    content = client.get("/wydarzenia/kalendarz.ics").content.decode()
    assert len(re.findall("BEGIN:VTIMEZONE", content)) == 1
    assert len(icalendar.Calendar.from_ical(content).walk("VEVENT")) == Event.objects.count()
