"""/godziny-otwarcia/: each unit's week, status, contact details, the next 60 days' holidays and
special days, JSON-LD for search engines, and headers that keep the status fresh."""

import datetime
import json
import re

import pytest
import time_machine
from django.template import Context, Template
from django.urls import reverse

from cus_site import cache
from tests.factories import SpecialDayFactory, SpecialHoursFactory, UnitFactory

from .helpers import add_hours, at, text_of

pytestmark = pytest.mark.usefixtures("cus", "bom")

DECEMBER_1 = datetime.date(2026, 12, 1)


def page_at(client, moment, path=None):
    with time_machine.travel(moment, tick=False):
        response = client.get(path or reverse("hours:index"))
    assert response.status_code == 200
    return response.content.decode()


def section(page, anchor):
    return re.search(rf'<section class="unit-hours" id="{anchor}".*?</section>', page, re.S)[0]


def json_ld(page):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return {
        office["alternateName"] if "alternateName" in office else office["name"]: office
        for office in map(json.loads, scripts)
    }


def changes_list(page):
    return re.search(r'<section class="hours-changes-section".*?</section>', page, re.S)[0]


def test_page_shows_each_units_status_and_week_once(client):
    page = page_at(client, at(2026, 11, 17, 10, 0))
    assert page.count("<h1") == 1
    cus = text_of(section(page, "cus"))
    assert "Centrum Usług Społecznych w Tarnowie (CUS)" in cus
    assert "<abbr>CUS</abbr>" in section(page, "cus")
    assert "Otwarte do 15:30" in cus
    assert "poniedziałek – piątek (dziś) 7:30–15:30 sobota – niedziela nieczynne" in cus
    bom = text_of(section(page, "bom"))
    assert "poniedziałek 8:00–17:00 wtorek – piątek (dziś) 8:00–15:00" in bom
    assert page.count("7:30–15:30") == 1, "the week once: no table, no footer copy"


def test_each_unit_links_its_contact_card(client):
    page = page_at(client, at(2026, 11, 17, 10, 0))
    assert 'href="/kontakt/#cus"' in section(page, "cus")
    assert 'href="/kontakt/#bom"' in section(page, "bom")


def test_holidays_and_special_days_of_the_next_60_days_are_listed_once_for_all_units(client, cus):
    SpecialDayFactory(
        date_from=datetime.date(2026, 12, 28),
        date_to=datetime.date(2026, 12, 31),
        reason="Przerwa świąteczna",
    )
    SpecialHoursFactory(
        special_day__unit=cus,
        special_day__date_from=datetime.date(2026, 11, 20),
        special_day__reason="Skrócony dzień pracy",
        closes=datetime.time(13),
    )
    SpecialDayFactory(
        unit=cus,
        date_from=datetime.date(2027, 1, 8),
        date_to=datetime.date(2027, 2, 1),
        reason="Remont",
    )
    SpecialDayFactory(date_from=datetime.date(2027, 2, 1), reason="Poza oknem 60 dni")
    page = page_at(client, at(2026, 11, 17, 10, 0))
    text = text_of(changes_list(page))
    assert "20 listopada 2026, piątek Skrócony dzień pracy CUS: czynne 8:00–13:00" in text
    assert "24 grudnia 2026, czwartek Wigilia wszystkie jednostki: nieczynne" in text
    assert "28–31 grudnia 2026 Przerwa świąteczna wszystkie jednostki: nieczynne" in text
    assert "1 stycznia 2027, piątek Nowy Rok wszystkie jednostki: nieczynne" in text
    assert "8 stycznia 2027 – 1 lutego 2027 Remont CUS: nieczynne" in text
    assert text.count("Wigilia") == 1, "once, not once per unit"
    assert "Poza oknem" not in text
    assert "Narodowe Święto Niepodległości" not in text  # 11 November is already past
    assert "Skrócony" not in section(page, "cus"), "special days are not repeated per unit"


def test_a_holiday_on_a_day_every_unit_is_closed_anyway_is_left_out(client):
    # 26 December 2026 (drugi dzień Bożego Narodzenia) is a Saturday.
    text = text_of(changes_list(page_at(client, at(2026, 12, 1, 10, 0))))
    assert "Boże Narodzenie" in text
    assert "drugi dzień Bożego Narodzenia" not in text


def test_a_holiday_names_only_the_units_it_closes(client, cus, bom):
    add_hours(bom, [5], datetime.time(9), datetime.time(12))
    text = text_of(changes_list(page_at(client, at(2026, 12, 1, 10, 0))))
    assert "26 grudnia 2026, sobota drugi dzień Bożego Narodzenia BOM: nieczynne" in text


def test_phone_reaches_the_second_unit_soon(client):
    page = page_at(client, at(2026, 11, 17, 10, 0))
    between = page.split('id="cus"')[1].split('id="bom"')[0]
    assert len(text_of(between)) < 250


def test_dates_are_machine_readable(client):
    page = page_at(client, at(2026, 11, 17, 10, 0))
    assert '<time datetime="2026-12-24">24 grudnia 2026</time>' in page


def test_holiday_names_follow_the_page_language(client):
    english = page_at(client, at(2026, 11, 2, 10, 0), "/en/godziny-otwarcia/")
    assert "National Independence Day" in english
    ukrainian = page_at(client, at(2026, 11, 2, 10, 0), "/uk/godziny-otwarcia/")
    assert "День незалежності" in ukrainian
    polish = page_at(client, at(2026, 11, 2, 10, 0), "/godziny-otwarcia/")
    assert "Narodowe Święto Niepodległości" in polish


def test_json_ld_describes_each_unit_as_a_government_office(client, cus):
    SpecialHoursFactory(
        special_day__unit=cus,
        special_day__date_from=datetime.date(2026, 11, 20),
        closes=datetime.time(13),
    )
    offices = json_ld(page_at(client, at(2026, 11, 2, 10, 0)))
    assert set(offices) == {"CUS", "BOM"}
    cus_office = offices["CUS"]
    assert cus_office["@context"] == "https://schema.org"
    assert cus_office["@type"] == "GovernmentOffice"
    assert cus_office["name"] == "Centrum Usług Społecznych w Tarnowie"
    assert cus_office["url"].endswith("/godziny-otwarcia/#cus")
    assert cus_office["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [
                f"https://schema.org/{day}"
                for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
            ],
            "opens": "07:30",
            "closes": "15:30",
        }
    ]
    special = {spec["validFrom"]: spec for spec in cus_office["specialOpeningHoursSpecification"]}
    assert special["2026-11-11"] == {
        "@type": "OpeningHoursSpecification",
        "validFrom": "2026-11-11",
        "validThrough": "2026-11-11",
        "opens": "00:00",
        "closes": "00:00",
    }
    assert (special["2026-11-20"]["opens"], special["2026-11-20"]["closes"]) == ("08:00", "13:00")
    assert "2026-12-24" in special
    assert "2027-01-06" not in special  # beyond 60 days


def test_json_ld_of_bom_has_both_weekly_intervals(client):
    bom = json_ld(page_at(client, at(2026, 11, 2, 10, 0)))["BOM"]
    specs = bom["openingHoursSpecification"]
    hours = {(spec["opens"], spec["closes"]): spec["dayOfWeek"] for spec in specs}
    assert hours[("08:00", "17:00")] == ["https://schema.org/Monday"]
    assert len(hours[("08:00", "15:00")]) == 4


def test_json_ld_cannot_be_broken_out_of_by_an_editors_text(client, cus):
    SpecialDayFactory(unit=cus, date_from=datetime.date(2026, 11, 20), reason="</script><b>x</b>")
    page = page_at(client, at(2026, 11, 17, 10, 0))
    assert "</script><b>" not in page
    assert len(json_ld(page)) == 2


def test_status_pages_are_kept_by_browsers_only_until_the_next_closing(client):
    for path in (reverse("hours:index"), reverse("pages:home")):
        with time_machine.travel(at(2026, 11, 17, 15, 28), tick=False):
            cache_control = client.get(path).headers["Cache-Control"]
        assert "public" in cache_control
        assert "max-age=120" in cache_control


def test_pages_without_a_status_stay_cacheable(client):
    response = client.get("/robots.txt")
    assert "no-cache" not in response.headers.get("Cache-Control", "")


def test_home_page_shows_each_units_status(client):
    page = page_at(client, at(2026, 11, 20, 18, 0), reverse("pages:home"))
    text = text_of(re.search(r'<section class="unit-statuses".*?</section>', page, re.S)[0])
    assert "Tarnowie (CUS) Zamknięte – otwieramy w poniedziałek o 7:30" in text
    assert "BOM Zamknięte – otwieramy w poniedziałek o 8:00" in text


def test_menu_and_sitemap_link_the_page(client):
    assert 'href="/godziny-otwarcia/"' in client.get(reverse("pages:home")).content.decode()
    assert "/godziny-otwarcia/</loc>" in client.get("/sitemap.xml").content.decode()


def test_page_reads_a_fixed_number_of_queries_for_many_units(client, django_assert_max_num_queries):
    for number in range(25):
        unit = UnitFactory(short_name=f"U{number}")
        add_hours(unit, range(5), datetime.time(8), datetime.time(12))
        add_hours(unit, range(5), datetime.time(13), datetime.time(16))
        SpecialHoursFactory(special_day__unit=unit, special_day__date_from=DECEMBER_1)
    SpecialDayFactory(date_from=datetime.date(2026, 11, 27), reason="Dla wszystkich")
    # The page: units, their hours, special days, their hours; the footer: units, their hours;
    # the notices: editors' notices, the special days they announce and those days' hours;
    # the menu: its pages. The footer and the menu are worked out once per change
    # (cus_site/cache.py), so they are left out by a first request.
    page_at(client, at(2026, 11, 17, 10, 0))
    with django_assert_max_num_queries(10):
        page = page_at(client, at(2026, 11, 17, 10, 0))
    assert page.count('class="unit-hours"') == 27


def test_home_status_reads_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for number in range(25):
        unit = UnitFactory(short_name=f"U{number}")
        add_hours(unit, range(5), datetime.time(8), datetime.time(12))
    # The timetable is a fragment; what the page cache needs for its lifetime (the timed
    # changes) is worked out once per change for every page, so not counted here.
    cache.lifetime(shows_status=True)
    with django_assert_max_num_queries(4):
        html = Template("{% load hours %}{% unit_statuses %}").render(Context())
    assert html.count('class="unit-statuses__item"') == 27
