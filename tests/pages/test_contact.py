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
    assert 'Sekretariat: <a href="tel:+48146000001">14 600 00 01</a>' in main
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


def test_contact_page_is_kept_by_browsers_only_until_a_unit_opens_or_closes(client, site_settings):
    unit = UnitFactory(short_name="BOM")
    WeeklyHoursFactory(unit=unit, weekday=0, opens=datetime.time(8), closes=datetime.time(17))
    with time_machine.travel(MONDAY_MORNING.replace(hour=16, minute=59), tick=False):
        response, _ = contact_page(client)
    assert "max-age=60" in response.headers["Cache-Control"]


def test_unknown_details_are_left_out_without_empty_headings(client, db):
    _, page = contact_page(client)
    for heading in ("Telefony", "E-maile", "Adresy elektroniczne", "Dane rejestrowe"):
        assert f">{heading}</h2>" not in page
    assert "Zobacz na mapie" not in page
    assert "Centrum Usług Społecznych w Tarnowie" in page


def test_main_menu_leads_to_the_contact_page(client, db):
    response = client.get(reverse("pages:home"))
    nav = re.search(r'<nav class="[^"]*main-nav".*?</nav>', response.content.decode(), re.S)[0]
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
    client.get(path)  # what is worked out once per change is left out
    with django_assert_max_num_queries(baseline):
        _, page = contact_page(client)
    assert page.count('href="tel:') == 11


@pytest.fixture
def unit_with_card(db):
    unit = UnitFactory(
        short_name="BOM",
        full_name_pl="Biuro Obsługi Mieszkańców",
        street_address="ul. Przykładowa 5",
        postal_code="33-100",
        phone="14 688 26 30",
        email="bom@example.org",
        entrance_pl="Wejście od ulicy, parter, pokój 5.",
        accessibility_pl="Wejście bez progów, toaleta dla osób z niepełnosprawnościami.",
    )
    WeeklyHoursFactory(unit=unit, weekday=0, opens=datetime.time(8), closes=datetime.time(17))
    return unit


def card_of(page, anchor):
    return re.search(rf'<section class="unit-card" id="{anchor}".*?</section>', page, re.S)[0]


def test_each_unit_has_a_card_with_everything_a_visit_needs(client, site_settings, unit_with_card):
    with time_machine.travel(MONDAY_MORNING, tick=False):
        _, page = contact_page(client)
    card = card_of(page, "bom")
    assert "Biuro Obsługi Mieszkańców (<abbr>BOM</abbr>)" in card
    assert "ul. Przykładowa 5<br>33-100 Tarnów" in card
    assert '<a href="tel:+48146882630">14 688 26 30</a>' in card
    assert '<a href="mailto:bom@example.org">bom@example.org</a>' in card
    assert "Wejście od ulicy, parter, pokój 5." in card
    assert "Wejście bez progów" in card
    assert "Otwarte do 17:00" in card
    assert '<dt>poniedziałek <span class="week-hours__today">(dziś)</span></dt>' in card
    assert "<dd>8:00–17:00</dd>" in card
    assert "AE:PL-12345-67890-ABCDE-12" in card and "/CUSTarnow/SkrytkaESP" in card
    assert "Tłumacz polskiego języka migowego" in card
    assert "co najmniej 3 dni robocze" in card


def test_a_unit_can_say_its_own_way_to_book_an_interpreter(client, site_settings, unit_with_card):
    unit_with_card.interpreter_booking_pl = "SMS pod numer 600 000 000."
    unit_with_card.save()
    card = card_of(contact_page(client)[1], "bom")
    assert "SMS pod numer 600 000 000." in card
    assert "3 dni robocze" not in card


def test_a_card_without_data_leaves_it_out_and_hints_nothing_to_residents(client, db):
    UnitFactory(short_name="BOM")
    card = card_of(contact_page(client)[1], "bom")
    assert "Adres" not in card and "Telefon" not in card and "Tłumacz" not in card
    assert "staff-hint" not in contact_page(client)[1]


def test_staff_see_what_is_missing_and_their_page_is_private(client, db, admin_user):
    unit = UnitFactory(short_name="BOM")
    client.force_login(admin_user)
    response, page = contact_page(client)
    card = card_of(page, "bom")
    assert "Dla redakcji" in card
    for label in ("pełna nazwa", "ulica i numer", "telefon", "e-mail", "jak do nas trafić"):
        assert label in card, label
    assert f'href="/admin/hours/unit/{unit.pk}/change/"' in card
    centre = page.split('id="dane-centrum"')[1]
    assert "adres do e-Doręczeń" in centre
    cache_control = response.headers["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control


def test_home_page_gives_the_centres_address_and_phone(client, site_settings):
    page = client.get(reverse("pages:home")).content.decode()
    contact = re.search(r'<section class="home-contact".*?</section>', page, re.S)[0]
    assert "ul. Testowa 1" in contact
    assert '<a href="tel:+48146000001">14 600 00 01</a>' in contact
    assert 'href="/kontakt/"' in contact


def test_home_page_heading_does_not_repeat_the_header_on_screen(client, db):
    page = client.get(reverse("pages:home")).content.decode()
    assert '<h1 class="visually-hidden">Centrum Usług Społecznych w Tarnowie</h1>' in page
