import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from tests.factories import (
    ContactDetailFactory,
    SiteSettingsFactory,
    UnitFactory,
    WeeklyHoursFactory,
)

# A Monday, 10:00 in Tarnów.
MONDAY_MORNING = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Warsaw"))


def contact_page(client, path=None):
    response = client.get(path or reverse("pages:contact"))
    assert response.status_code == 200
    return response, response.content.decode()


@pytest.fixture
def site_settings(db):
    site_settings = SiteSettingsFactory()
    ContactDetailFactory(site_settings=site_settings, label_pl="Sekretariat", value="14 600 00 01")
    ContactDetailFactory(
        site_settings=site_settings, kind="e-mail", label_pl="", value="cus@example.org"
    )
    return site_settings


def test_contact_page_lists_address_phones_emails_and_electronic_addresses(client, site_settings):
    _, page = contact_page(client)
    main = re.search(r"<main.*</main>", page, re.S)[0]
    assert "ul. Testowa 1" in main
    assert "33-100 Tarnów" in main
    assert 'Sekretariat: <a href="tel:146000001">14 600 00 01</a>' in main
    assert '<a href="mailto:cus@example.org">cus@example.org</a>' in main
    assert "AE:PL-12345-67890-ABCDE-12" in main
    assert "/CUSTarnow/SkrytkaESP" in main


def test_map_is_a_link_not_an_embedded_third_party_map(client, site_settings):
    _, page = contact_page(client)
    assert 'href="https://www.openstreetmap.org/#map=18/50.0125/20.9880"' in page
    assert "<iframe" not in page


def test_contact_page_shows_each_unit_with_whether_it_is_open_now(client, db):
    SiteSettingsFactory()
    unit = UnitFactory(short_name="BOM")
    WeeklyHoursFactory(unit=unit, weekday=0, opens=datetime.time(8), closes=datetime.time(17))
    with time_machine.travel(MONDAY_MORNING, tick=False):
        _, page = contact_page(client)
    main = re.search(r"<main.*</main>", page, re.S)[0]
    assert "BOM" in main
    assert "Otwarte do 17:00" in main


def test_contact_page_is_never_served_from_a_cache(client, site_settings):
    response, _ = contact_page(client)
    cache_control = response.headers["Cache-Control"]
    for directive in ("no-cache", "max-age=0", "must-revalidate"):
        assert directive in cache_control


def test_unknown_details_are_left_out_without_empty_headings(client, db):
    _, page = contact_page(client)
    for heading in ("Telefony", "E-maile", "Adresy elektroniczne", "Dane rejestrowe"):
        assert f">{heading}</h2>" not in page
    assert "Zobacz na mapie" not in page
    assert "Centrum Usług Społecznych w Tarnowie" in page


def test_main_menu_leads_to_the_contact_page(client, db):
    response = client.get(reverse("pages:home"))
    nav = re.search(r'<nav class="main-nav".*?</nav>', response.content.decode(), re.S)[0]
    assert '<a href="/kontakt/">Kontakt</a>' in nav


def test_contact_page_costs_the_same_queries_however_many_rows(
    client, site_settings, count_queries, django_assert_max_num_queries
):
    path = reverse("pages:contact")
    WeeklyHoursFactory(unit=UnitFactory())
    client.get(path)
    baseline = count_queries(client, path)
    ContactDetailFactory.create_batch(10, site_settings=site_settings)
    for _ in range(5):
        WeeklyHoursFactory(unit=UnitFactory())
    with django_assert_max_num_queries(baseline):
        _, page = contact_page(client)
    assert page.count('href="tel:') == 11
