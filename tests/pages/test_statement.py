import re

import pytest
from django.urls import reverse

from tests.factories import (
    AccessibilityStatementFactory,
    BuildingAccessibilityFactory,
    NonAccessibleContentFactory,
)

REQUIRED_IDS = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-aplikacje",
]


def statement_page(client, path=None):
    response = client.get(path or reverse("pages:accessibility-statement"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def statement(db):
    statement = AccessibilityStatementFactory()
    NonAccessibleContentFactory(statement=statement, content_pl="Filmy bez napisów")
    BuildingAccessibilityFactory(statement=statement, name_pl="Siedziba Centrum")
    return statement


def test_statement_carries_every_element_id_the_regulations_require(client, statement):
    page = statement_page(client)
    for element_id in REQUIRED_IDS:
        assert page.count(f'id="{element_id}"') == 1, element_id


def test_statement_dates_are_time_elements_with_iso_dates(client, statement):
    page = statement_page(client)
    assert re.search(
        r'<time id="a11y-data-publikacja" datetime="2024-03-01">1 marca 2024</time>', page
    )
    assert re.search(
        r'<time id="a11y-data-aktualizacja" datetime="2025-09-12">12 września 2025</time>', page
    )
    assert re.search(
        r'<time id="a11y-data-sporzadzenie" datetime="2025-03-28">28 marca 2025</time>', page
    )


def test_statement_names_the_body_and_links_the_site(client, statement):
    page = statement_page(client)
    assert '<span id="a11y-podmiot">Centrum Usług Społecznych w Tarnowie</span>' in page
    assert '<a id="a11y-url" href="https://cus.example.org/">' in page


@pytest.mark.parametrize(
    ("status", "sentence"),
    [
        ("zgodna", "Strona internetowa jest zgodna z ustawą"),
        ("czesciowo-zgodna", "Strona internetowa jest częściowo zgodna z ustawą"),
        ("niezgodna", "Strona internetowa jest niezgodna z ustawą"),
    ],
)
def test_status_sentence_follows_the_chosen_status(client, db, status, sentence):
    AccessibilityStatementFactory(status=status)
    page = statement_page(client)
    status_paragraph = re.search(r'<p id="a11y-status">(.*?)</p>', page, re.S)[1]
    assert sentence in status_paragraph


def test_non_accessible_content_and_buildings_are_listed(client, statement):
    page = statement_page(client)
    assert "Filmy bez napisów" in page
    assert "Dokumenty opublikowano przed 23 września 2018 r." in page
    architecture = page.split('id="a11y-architektura"')[1]
    assert "Siedziba Centrum" in architecture
    assert "Wejście bez schodów." in architecture


def test_contact_details_are_links(client, statement):
    page = statement_page(client)
    assert '<span id="a11y-osoba">Jan Kowalski</span>' in page
    assert '<a id="a11y-email" href="mailto:dostepnosc@example.org">' in page
    assert '<a id="a11y-telefon" href="tel:146000000">14 600 00 00</a>' in page


def test_fixed_legal_text_explains_requests_complaints_and_the_ombudsman(client, statement):
    procedure = statement_page(client).split('id="a11y-procedura"')[1]
    assert "7 dni" in procedure
    assert "2 miesięcy" in procedure
    assert "skargę" in procedure
    assert "Rzecznika Praw Obywatelskich" in procedure


def test_missing_facts_are_left_out_without_empty_headings(client, db):
    AccessibilityStatementFactory(
        published_on=None,
        updated_on=None,
        prepared_on=None,
        contact_person="",
        contact_email="",
        contact_phone="",
        mobile_apps_pl="",
        status="zgodna",
    )
    page = statement_page(client)
    for element_id in (
        "a11y-data-publikacja",
        "a11y-osoba",
        "a11y-email",
        "a11y-telefon",
        "a11y-architektura",
        "a11y-aplikacje",
    ):
        assert f'id="{element_id}"' not in page
    assert "Dostępność architektoniczna" not in page
    assert "Aplikacje mobilne" not in page
    assert "Treści niedostępne" not in page
    # What the law fixes is always there.
    for element_id in ("a11y-wstep", "a11y-status", "a11y-kontakt", "a11y-procedura"):
        assert f'id="{element_id}"' in page


def test_statement_without_a_row_is_a_404(client, db):
    assert client.get(reverse("pages:accessibility-statement")).status_code == 404


def test_statement_is_served_in_english_with_the_polish_facts_as_fallback(client, statement):
    page = statement_page(client, "/en/deklaracja-dostepnosci/")
    assert '<html lang="en"' in page
    assert "Centrum Usług Społecznych w Tarnowie" in page


def test_statement_costs_the_same_queries_however_many_items(
    client, statement, count_queries, django_assert_max_num_queries
):
    path = reverse("pages:accessibility-statement")
    client.get(path)  # the centre's details are cached from here on
    with_one_item = count_queries(client, path)
    NonAccessibleContentFactory.create_batch(15, statement=statement)
    BuildingAccessibilityFactory.create_batch(5, statement=statement)
    with django_assert_max_num_queries(with_one_item):
        page = statement_page(client)
    assert page.count("Skany dokumentów nr") == 15
