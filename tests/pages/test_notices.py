"""Notices: where they are shown and when, the special days that announce themselves, the feed
and the editors' mistakes."""

import datetime
import re
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from pages import notices
from pages.models import Notice
from tests.factories import NoticeFactory, SpecialDayFactory, SpecialHoursFactory, UnitFactory

WARSAW = ZoneInfo("Europe/Warsaw")
NOW = datetime.datetime(2026, 12, 14, 10, 0, tzinfo=WARSAW)


@pytest.fixture
def clock(db):
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def region(html):
    found = re.search(
        r'<section class="notices" aria-labelledby="komunikaty-naglowek">.*?</section>', html, re.S
    )
    return found[0] if found else ""


def test_a_notice_is_shown_at_the_top_of_main_on_every_page(client, clock):
    NoticeFactory(text_pl="Kasa czynna do 12:00.", kind="warning")
    for url in ("/aktualnosci/", "/kontakt/", "/wydarzenia/"):
        html = client.get(url).content.decode()
        main = html[html.index('<main id="tresc"') :]
        assert main.split(">", 1)[1].lstrip().startswith('<section class="notices"'), url
        notice = region(html)
        assert '<h2 id="komunikaty-naglowek" class="notices__heading">Komunikaty</h2>' in notice
        assert (
            '<strong class="notices__kind">Ostrzeżenie:</strong> <span>Kasa czynna do 12:00.</span>'
            in notice
        )


def test_on_the_hours_page_notices_follow_the_units_status(client, clock):
    UnitFactory(short_name="CUS")
    NoticeFactory(text_pl="Kasa czynna do 12:00.")
    hours = client.get("/godziny-otwarcia/").content.decode()
    assert hours.index('class="unit-status') < hours.index('<section class="notices"')


def test_on_the_home_page_notices_follow_the_units_status(client, clock):
    UnitFactory(short_name="CUS")
    NoticeFactory(text_pl="Tylko na głównej.", placement="home")
    home = client.get("/").content.decode()
    assert home.index("unit-statuses") < home.index('<section class="notices"')
    assert "Tylko na głównej." in region(home)
    assert region(client.get("/aktualnosci/").content.decode()) == ""


def test_a_notice_appears_and_disappears_on_its_own(client, clock):
    NoticeFactory(
        text_pl="Zmiana od jutra.",
        shown_from=NOW + datetime.timedelta(hours=2),
        shown_until=NOW + datetime.timedelta(days=1),
    )
    assert region(client.get("/kontakt/").content.decode()) == ""
    assert notices.next_change(NOW) == NOW + datetime.timedelta(hours=2)
    clock.move_to(NOW + datetime.timedelta(hours=3))
    assert "Zmiana od jutra." in region(client.get("/kontakt/").content.decode())
    clock.move_to(NOW + datetime.timedelta(days=1))
    assert region(client.get("/kontakt/").content.decode()) == ""


def test_a_special_day_announces_itself_seven_days_before_until_it_ends(client, clock):
    cus = UnitFactory(short_name="CUS")
    SpecialDayFactory(
        unit=None, date_from=datetime.date(2026, 12, 24), reason_pl="Wigilia Bożego Narodzenia"
    )
    SpecialHoursFactory(
        special_day__unit=cus,
        special_day__date_from=datetime.date(2026, 12, 21),
        special_day__reason_pl="Szkolenie",
        opens=datetime.time(8),
        closes=datetime.time(12),
    )
    SpecialDayFactory(
        date_from=datetime.date(2026, 12, 23), reason_pl="Bez komunikatu", announce=False
    )
    home = region(client.get("/").content.decode())
    assert "Poniedziałek, 21 grudnia 2026: CUS czynne 8:00–12:00 – Szkolenie." in home
    assert "Wigilia" not in home  # ten days ahead
    assert "Bez komunikatu" not in home
    assert 'href="/godziny-otwarcia/#cus"' in home
    assert "Szkolenie" in region(client.get("/godziny-otwarcia/").content.decode())
    assert region(client.get("/aktualnosci/").content.decode()) == ""
    clock.move_to(datetime.datetime(2026, 12, 17, 0, 0, tzinfo=WARSAW))
    home = region(client.get("/").content.decode())
    assert (
        "Czwartek, 24 grudnia 2026: wszystkie jednostki nieczynne – Wigilia Bożego Narodzenia."
        in home
    )
    clock.move_to(datetime.datetime(2026, 12, 24, 23, 59, tzinfo=WARSAW))
    assert "Wigilia" in region(client.get("/").content.decode())
    clock.move_to(datetime.datetime(2026, 12, 25, 0, 0, tzinfo=WARSAW))
    assert region(client.get("/").content.decode()) == ""


def test_the_next_change_counts_special_days_coming_into_view(clock):
    SpecialDayFactory(date_from=datetime.date(2026, 12, 24))
    assert notices.next_change(NOW) == datetime.datetime(2026, 12, 17, tzinfo=WARSAW)
    assert notices.next_change(datetime.datetime(2026, 12, 20, tzinfo=WARSAW)) == datetime.datetime(
        2026, 12, 25, tzinfo=WARSAW
    )


def test_in_english_an_untranslated_notice_is_marked_polish(client, clock):
    NoticeFactory(text_pl="Kasa nieczynna.")
    NoticeFactory(text_pl="Zmiana godzin.", text_en="Hours change.")
    html = region(client.get("/en/kontakt/").content.decode())
    assert '<span lang="pl">Kasa nieczynna.</span>' in html
    assert "<span>Hours change.</span>" in html


def test_the_feed_carries_the_notices_and_leaves_polish_only_ones_out_of_english(client, clock):
    UnitFactory(short_name="CUS")
    NoticeFactory(text_pl="Kasa nieczynna.", link_url="https://example.org/kasa")
    NoticeFactory(text_pl="Zmiana godzin.", text_en="Hours change.", placement="home")
    NoticeFactory(
        text_pl="Stary.",
        shown_until=NOW - datetime.timedelta(days=1),
        shown_from=NOW - datetime.timedelta(days=2),
    )
    SpecialDayFactory(date_from=datetime.date(2026, 12, 18), reason_pl="Inwentaryzacja")
    polish = ET.fromstring(client.get("/komunikaty/rss/").content)
    titles = [item.findtext("title") for item in polish.iter("item")]
    assert titles == [
        "Zmiana godzin otwarcia: Piątek, 18 grudnia 2026: wszystkie jednostki nieczynne – "
        "Inwentaryzacja.",
        "Informacja: Zmiana godzin.",
        "Informacja: Kasa nieczynna.",
    ]
    links = [item.findtext("link") for item in polish.iter("item")]
    assert "https://example.org/kasa" in links
    english = ET.fromstring(client.get("/en/komunikaty/rss/").content)
    descriptions = [item.findtext("description") for item in english.iter("item")]
    assert "Hours change." in descriptions
    assert "Kasa nieczynna." not in descriptions


def admin_data(**fields):
    data = {f"{name}_{code}": "" for name in ("text", "link_text") for code in ("pl", "en", "uk")}
    data.update(
        text_pl="Kasa czynna do 12:00.",
        kind="info",
        placement="all",
        shown_from_0="2026-12-14",
        shown_from_1="08:00",
        shown_until_0="2026-12-18",
        shown_until_1="16:00",
    )
    data.update(fields)
    return data


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"shown_until_0": "2026-12-13"},
            "Koniec wyświetlania musi być późniejszy niż jego początek.",
        ),
        ({"link_url": "javascript:alert(1)"}, "Wpisz poprawny URL."),
        ({"link_text_pl": "Szczegóły"}, "Podaj adres linku albo usuń słowa linku."),
        ({"text_pl": "<b>Uwaga</b>"}, "Komunikat to zwykły tekst"),
    ],
)
def test_an_editors_mistake_gets_a_polish_error_and_nothing_is_lost(
    client, editor, clock, fields, message
):
    client.force_login(editor)
    data = admin_data(**fields)
    response = client.post("/admin/pages/notice/add/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert Notice.objects.count() == 0
    assert 'value="2026-12-14"' in html


def test_an_editor_adds_a_notice_and_previews_it(client, editor, clock):
    client.force_login(editor)
    response = client.post("/admin/pages/notice/add/", admin_data(shown_from_0="2026-12-15"))
    assert response.status_code == 302
    notice = Notice.objects.get()
    assert notice.shown_from == datetime.datetime(2026, 12, 15, 8, tzinfo=WARSAW)
    html = client.get(f"/komunikaty/podglad/{notice.pk}/").content.decode()
    assert "Kasa czynna do 12:00." in region(html)
    assert "Komunikat będzie widoczny od 15 grudnia 2026, 8:00 do 18 grudnia 2026, 16:00" in html
    listing = client.get("/admin/pages/notice/?widocznosc=zaplanowane").content.decode()
    assert "Kasa czynna do 12:00." in listing
    assert (
        "Kasa czynna do 12:00."
        not in client.get("/admin/pages/notice/?widocznosc=teraz").content.decode()
    )
    client.logout()
    assert client.get(f"/komunikaty/podglad/{notice.pk}/").status_code == 302


def test_the_error_page_shows_no_notice(clock):
    from django.template import loader

    NoticeFactory(text_pl="Kasa nieczynna.")
    assert "Kasa nieczynna." not in loader.render_to_string("500.html", {"error_page": True})


def test_the_shown_until_moment_is_what_the_page_uses(clock):
    notice = NoticeFactory(shown_until=timezone.now() + datetime.timedelta(minutes=1))
    assert list(Notice.objects.published()) == [notice]
