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


def test_statement_dates_are_time_elements_written_as_the_specification_wants(client, statement):
    page = statement_page(client)
    assert '<time id="a11y-data-publikacja" datetime="2024-03-01">2024-03-01</time>' in page
    assert '<time id="a11y-data-aktualizacja" datetime="2025-09-12">2025-09-12</time>' in page
    assert '<time id="a11y-data-sporzadzenie" datetime="2025-03-28">2025-03-28</time>' in page


@pytest.mark.parametrize("prefix", ["", "/en", "/uk"])
def test_every_required_id_is_there_in_every_language_whatever_the_data(client, db, prefix):
    AccessibilityStatementFactory(
        published_on=None,
        updated_on=None,
        prepared_on=None,
        contact_person="",
        contact_email="",
        contact_phone="",
        mobile_apps_pl="",
    )
    page = statement_page(client, f"{prefix}/deklaracja-dostepnosci/")
    for element_id in REQUIRED_IDS:
        assert page.count(f'id="{element_id}"') == 1, element_id


def test_statement_names_the_body_and_links_the_site(client, statement):
    page = statement_page(client)
    assert '<span id="a11y-podmiot">Centrum Usług Społecznych w Tarnowie</span>' in page
    assert '<a id="a11y-url" href="http://testserver/">http://testserver/</a>' in page


def test_site_address_comes_from_site_url_not_from_the_database(client, statement, settings):
    settings.SITE_URL = "https://cus.tarnow.pl"
    assert '<a id="a11y-url" href="https://cus.tarnow.pl/">' in statement_page(client)
    english = statement_page(client, "/en/deklaracja-dostepnosci/")
    assert '<a id="a11y-url" href="https://cus.tarnow.pl/en/">' in english


def test_an_external_auditor_and_the_burden_analysis_are_marked(client, db):
    AccessibilityStatementFactory(
        method="podmiot-zewnetrzny",
        assessor="Fundacja Przykładowa",
        burden_assessment_url="https://bip.example.org/analiza.pdf",
    )
    page = statement_page(client)
    assert '<span id="a11y-audytor">Fundacja Przykładowa</span>' in page
    assert '<a id="a11y-ocena" href="https://bip.example.org/analiza.pdf">' in page


def test_self_assessment_names_no_auditor(client, statement):
    page = statement_page(client)
    assert "a11y-audytor" not in page
    assert "a11y-ocena" not in page


def test_every_page_points_to_the_statement_in_its_meta_tag(client, statement):
    for path, target in [
        ("/", "http://testserver/deklaracja-dostepnosci/"),
        ("/en/kontakt/", "http://testserver/en/deklaracja-dostepnosci/"),
    ]:
        page = client.get(path).content.decode()
        assert f'<meta name="deklaracja-dostępności" content="{target}">' in page


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
    assert '<a id="a11y-telefon" href="tel:+48146000000">14 600 00 00</a>' in page


def test_fixed_legal_text_explains_requests_complaints_and_the_ombudsman(client, statement):
    procedure = statement_page(client).split('id="a11y-procedura"')[1]
    assert "7 dni" in procedure
    assert "2 miesięcy" in procedure
    assert "skargę" in procedure
    assert "Rzecznika Praw Obywatelskich" in procedure


def test_missing_facts_say_brak_danych_and_the_sections_stay(client, db):
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
    for element_id in ("a11y-data-publikacja", "a11y-osoba", "a11y-email", "a11y-telefon"):
        assert f'<span id="{element_id}" class="no-data">brak danych</span>' in page
    architecture = page.split('id="a11y-architektura"')[1].split("<h2")[0]
    assert "Dostępność architektoniczna" in architecture
    assert "brak danych" in architecture
    apps = page.split('id="a11y-aplikacje"')[1].split("</article>")[0]
    assert "Centrum nie ma aplikacji mobilnych." in apps
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
    client.get(path)
    with django_assert_max_num_queries(with_one_item):
        page = statement_page(client)
    assert page.count("Skany dokumentów nr") == 15
