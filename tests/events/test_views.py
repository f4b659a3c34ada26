"""What residents see: the upcoming list, its filters, the archive and an event's page."""

import datetime
import json
import re

import pytest

from tests.factories import (
    AudienceFactory,
    EventFactory,
    PostFactory,
    UnitFactory,
    WeeklyHoursFactory,
)

D = datetime.date
T = datetime.time


def titles(html):
    return re.findall(r'class="event-summary__title"><a href="[^"]+"[^>]*>([^<]+)</a>', html)


def test_upcoming_events_soonest_first_without_past_or_drafts(client, clock):
    EventFactory(title_pl="Za dwa tygodnie", starts_on=D(2026, 6, 15))
    EventFactory(title_pl="Jutro", starts_on=D(2026, 6, 2))
    EventFactory(title_pl="Trwa od wczoraj", starts_on=D(2026, 5, 31), ends_on=D(2026, 6, 3))
    EventFactory(title_pl="Dziś rano", starts_on=D(2026, 6, 1), starts_at=T(7), ends_at=T(8))
    EventFactory(title_pl="Dziś wieczorem", starts_on=D(2026, 6, 1), starts_at=T(18))
    EventFactory(title_pl="Szkic", status="draft")
    html = client.get("/wydarzenia/").content.decode()
    assert titles(html) == ["Trwa od wczoraj", "Dziś wieczorem", "Jutro", "Za dwa tygodnie"]
    assert "4 nadchodzące wydarzenia" in html


def test_a_repeating_event_is_listed_by_its_next_date(client, clock):
    EventFactory(
        title_pl="Wtorki w klubie",
        starts_on=D(2026, 5, 26),
        ends_on=D(2026, 6, 16),
        repeats=[D(2026, 6, 2), D(2026, 6, 9)],
    )
    EventFactory(title_pl="W poniedziałek", starts_on=D(2026, 6, 8))
    EventFactory(title_pl="W środę", starts_on=D(2026, 6, 3))
    html = client.get("/wydarzenia/").content.decode()
    assert titles(html) == ["Wtorki w klubie", "W środę", "W poniedziałek"]
    assert "26 maja, 2, 9 i 16 czerwca 2026" in html


def test_filters_by_audience_and_month_work_without_javascript(client, clock):
    seniors, families = AudienceFactory(slug="seniorzy"), AudienceFactory(slug="rodziny")
    EventFactory(title_pl="Seniorzy w czerwcu", audiences=[seniors], starts_on=D(2026, 6, 20))
    EventFactory(title_pl="Seniorzy w lipcu", audiences=[seniors], starts_on=D(2026, 7, 4))
    EventFactory(title_pl="Rodziny w lipcu", audiences=[families], starts_on=D(2026, 7, 5))
    page = client.get("/wydarzenia/?audience=seniorzy&month=2026-07").content.decode()
    assert titles(page) == ["Seniorzy w lipcu"]
    assert '<option value="2026-07" selected>lipiec 2026</option>' in page
    assert "1 wydarzenie spełnia warunki" in page
    assert '<meta name="robots" content="noindex, follow">' in page
    assert titles(client.get("/wydarzenia/?month=2026-07").content.decode()) == [
        "Seniorzy w lipcu",
        "Rodziny w lipcu",
    ]
    none = client.get("/wydarzenia/?audience=rodziny&month=2026-06").content.decode()
    assert "Żadne z nadchodzących wydarzeń nie pasuje do wybranych warunków." in none


def test_a_repeating_event_is_in_the_months_of_its_dates_only(client, clock):
    EventFactory(title_pl="Czerwiec i sierpień", starts_on=D(2026, 6, 30), ends_on=D(2026, 8, 4))
    EventFactory(
        title_pl="Co miesiąc",
        starts_on=D(2026, 6, 2),
        ends_on=D(2026, 8, 4),
        repeats=[D(2026, 7, 7)],
    )
    EventFactory(
        title_pl="Bez lipca", starts_on=D(2026, 6, 9), ends_on=D(2026, 8, 11), repeats=[]
    ).dates.create(date=D(2026, 6, 16))
    july = titles(client.get("/wydarzenia/?month=2026-07").content.decode())
    assert july == ["Co miesiąc", "Czerwiec i sierpień"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("month=13", "Wybierz miesiąc z listy."),
        ("month=2020-01", "Wybierz miesiąc z listy."),
        ("audience=%3Cscript%3Ealert(1)%3C/script%3E", "Wybierz odbiorców z listy."),
        ("page=abc", None),
    ],
)
def test_bad_filters_get_a_polish_message_never_a_500(client, clock, query, message):
    EventFactory(title_pl="Piknik")
    response = client.get(f"/wydarzenia/?{query}")
    html = response.content.decode()
    assert "<script>alert" not in html
    if message is None:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    assert message in html
    assert "<title>Błąd: Wydarzenia" in html
    assert 'aria-invalid="true"' in html
    assert titles(html) == ["Piknik"]


def test_past_events_are_in_the_archive_by_year(client, clock):
    EventFactory(title_pl="Piknik 2025", starts_on=D(2025, 6, 25))
    EventFactory(title_pl="Warsztaty 2025", starts_on=D(2025, 9, 3))
    EventFactory(title_pl="Styczeń 2026", starts_on=D(2026, 1, 10))
    EventFactory(title_pl="Przyszłe", starts_on=D(2026, 9, 1))
    html = client.get("/wydarzenia/archiwum/2025/").content.decode()
    assert titles(html) == ["Warsztaty 2025", "Piknik 2025"]
    assert "2 wydarzenia" in html
    listing = client.get("/wydarzenia/").content.decode()
    assert 'href="/wydarzenia/archiwum/2026/"' in listing
    assert 'href="/wydarzenia/archiwum/2025/"' in listing
    assert client.get("/wydarzenia/archiwum/2024/").status_code == 404
    assert client.get("/wydarzenia/archiwum/0/").status_code == 404


def test_the_event_page_shows_everything_a_resident_needs(client, clock):
    seniors = AudienceFactory(slug="seniorzy", name_pl="seniorzy")
    post = PostFactory(title_pl="Zapowiedź warsztatów")
    event = EventFactory(
        title_pl="Warsztaty plastyczne",
        starts_on=D(2026, 6, 6),
        starts_at=T(10),
        ends_at=T(12),
        audiences=[seniors],
        posts=[post],
        admission="paid",
        price="20.00",
        price_note_pl="seniorzy 10 zł",
        registration="phone",
        registration_phone="14 600 00 00",
        registration_deadline=D(2026, 6, 4),
        step_free=True,
        accessibility_note_pl="Sala na parterze.",
        organiser_pl="Stowarzyszenie Miejmy Siebie",
        partners_pl="Miasto Tarnów\nKlub Senior+",
        map_url="https://www.openstreetmap.org/#map=18/50.01/20.98",
    )
    html = client.get(event.get_absolute_url()).content.decode()
    for text in (
        "<h1>Warsztaty plastyczne</h1>",
        "sobota, 6 czerwca 2026, 10:00–12:00",
        "Klub Senior+<br>ul. Gumniska 25<br>33-100 Tarnów",
        "Zobacz miejsce na mapie",
        "seniorzy",
        "płatny: 20,00 zł",
        "seniorzy 10 zł",
        '<a href="tel:146000000">14 600 00 00</a>',
        "Zapisy do 4 czerwca 2026.",
        "Wejście bez schodów lub z windą",
        "Sala na parterze.",
        "Centrum Usług Społecznych w Tarnowie, <span>Stowarzyszenie Miejmy Siebie</span>",
        "<li>Miasto Tarnów</li><li>Klub Senior+</li>",
        "Zapowiedź warsztatów",
        f'href="/wydarzenia/{event.slug}.ics"',
    ):
        assert text in html, text


def test_the_events_json_ld(client, clock):
    event = EventFactory(
        title_pl="Warsztaty",
        starts_on=D(2026, 6, 6),
        starts_at=T(10),
        ends_at=T(12),
        admission="paid",
        price="20.00",
        registration="link",
        registration_url="https://zapisy.example.org/",
        is_full=True,
    )
    html = client.get(event.get_absolute_url()).content.decode()
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(script)
    assert data["@type"] == "Event"
    assert data["name"] == "Warsztaty"
    assert data["startDate"] == "2026-06-06T10:00:00+02:00"
    assert data["endDate"] == "2026-06-06T12:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "ul. Gumniska 25",
        "postalCode": "33-100",
        "addressLocality": "Tarnów",
        "addressCountry": "PL",
    }
    assert data["organizer"]["name"] == "Centrum Usług Społecznych w Tarnowie"
    assert data["isAccessibleForFree"] is False
    assert data["offers"]["price"] == "20.00"
    assert data["offers"]["priceCurrency"] == "PLN"
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"
    assert data["offers"]["url"] == "https://zapisy.example.org/"
    assert "Brak wolnych miejsc." in html


def test_a_cancelled_or_moved_event_says_so_on_its_page(client, clock):
    cancelled = EventFactory(state="cancelled", change_note_pl="Choroba prowadzącej.")
    html = client.get(cancelled.get_absolute_url()).content.decode()
    assert "To wydarzenie zostało odwołane." in html
    assert "Choroba prowadzącej." in html
    assert '"eventStatus": "https://schema.org/EventCancelled"' in html
    moved = EventFactory(
        state="moved", change_note_pl="Nowa sala: nr 5.", previous_starts_on=D(2026, 6, 3)
    )
    html = client.get(moved.get_absolute_url()).content.decode()
    assert "Zmiana: to wydarzenie miało się odbyć 3 czerwca 2026." in html
    assert '"previousStartDate": "2026-06-03"' in html


def test_the_units_place_and_status_on_an_upcoming_event(client, clock):
    unit = UnitFactory(
        short_name="CUS",
        full_name_pl="Centrum Usług Społecznych",
        street_address="ul. Szkolna 1",
        postal_code="33-100",
        city="Tarnów",
    )
    WeeklyHoursFactory(unit=unit, weekday=0, opens=T(7, 30), closes=T(15, 30))
    event = EventFactory(place_name_pl="", street_address="", unit=unit, starts_on=D(2026, 6, 2))
    response = client.get(event.get_absolute_url())
    html = response.content.decode()
    assert "Centrum Usług Społecznych<br>ul. Szkolna 1<br>33-100 Tarnów" in html
    assert "Otwarte do 15:30" in html
    # Kept by caches until 15:30 at most (tests/cus_site/test_cache.py), no longer sent no-cache.
    assert "public" in response["Cache-Control"]
    past = EventFactory(unit=unit, place_name_pl="", starts_on=D(2026, 5, 1))
    response = client.get(past.get_absolute_url())
    assert "Otwarte do" not in response.content.decode()
    assert "To wydarzenie już się odbyło." in response.content.decode()
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize("slug", ["nie-ma-takiego", "szkic", "%3Cscript%3E"])
def test_a_draft_or_unknown_event_is_the_polish_404(client, clock, slug):
    EventFactory(slug_pl="szkic", status="draft")
    response = client.get(f"/wydarzenia/{slug}/")
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


def test_a_polish_only_event_points_search_engines_to_the_polish_page(client, clock):
    EventFactory(title_pl="Piknik", slug_pl="piknik")
    html = client.get("/en/wydarzenia/piknik/").content.decode()
    assert '<link rel="canonical" href="http://testserver/wydarzenia/piknik/">' in html
    assert 'hreflang="pl" href="http://testserver/wydarzenia/piknik/"' in html
    assert 'rel="alternate" hreflang="en"' not in html
    assert 'rel="alternate" hreflang="uk"' not in html
    assert '<h1 lang="pl">Piknik</h1>' in html
    EventFactory(title_pl="Koncert", title_en="Concert", slug_en="concert")
    html = client.get("/en/wydarzenia/concert/").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/wydarzenia/concert/">' in html
    assert 'rel="alternate" hreflang="en"' in html


def test_the_home_page_shows_the_three_next_events(client, clock):
    for day in (9, 3, 5, 2):
        EventFactory(title_pl=f"Wydarzenie {day} czerwca", starts_on=D(2026, 6, day))
    html = client.get("/").content.decode()
    section = re.search(r'<section class="upcoming-events".*?</section>', html, re.S)[0]
    assert titles(section) == [
        "Wydarzenie 2 czerwca",
        "Wydarzenie 3 czerwca",
        "Wydarzenie 5 czerwca",
    ]


def test_the_next_change_is_when_an_event_moves_on_or_ends(clock):
    from events.models import Event

    from .conftest import NOW, WARSAW

    assert Event.objects.next_change(NOW) is None
    EventFactory(starts_on=D(2026, 6, 1), starts_at=T(10), ends_at=T(12))
    EventFactory(
        starts_on=D(2026, 5, 26),
        ends_on=D(2026, 6, 9),
        repeats=[D(2026, 6, 2)],
        registration="none",
    )
    assert Event.objects.next_change(NOW) == datetime.datetime(2026, 6, 1, 10, tzinfo=WARSAW)
    later = datetime.datetime(2026, 6, 1, 12, tzinfo=WARSAW)
    assert Event.objects.next_change(later) == datetime.datetime(2026, 6, 3, tzinfo=WARSAW)
    EventFactory(status="draft", starts_on=D(2026, 6, 2))
    assert Event.objects.next_change(later) == datetime.datetime(2026, 6, 3, tzinfo=WARSAW)
