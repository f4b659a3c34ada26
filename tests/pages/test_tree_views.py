"""The tree's pages as residents see them: breadcrumbs, subpages, service parts with the unit's
status, documents to download, the list of every document, languages, and a fixed number of
queries however much content there is."""

import datetime
import json
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import Document, Page
from tests import documentfiles as files
from tests.factories import (
    DocumentToBringFactory,
    PageDocumentFactory,
    PageFactory,
    ServiceStepFactory,
    UnitFactory,
)
from tests.hours.helpers import add_hours, at, text_of

pytestmark = pytest.mark.django_db


def main_of(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    html = response.content.decode()
    return re.search(r"<main.*</main>", html, re.S)[0]


@pytest.fixture
def about():
    top = PageFactory(
        title_pl="O nas", slug_pl="o-nas", title_en="About us", slug_en="about-us", position=1
    )
    structure = PageFactory(
        parent=top,
        title_pl="Struktura organizacyjna",
        slug_pl="struktura-organizacyjna",
        lead_pl="Działy Centrum i ich zadania.",
        position=1,
    )
    PageFactory(
        parent=top,
        title_pl="Kierownictwo",
        slug_pl="kierownictwo",
        lead_pl="Dyrektor i zastępcy.",
        position=2,
    )
    PageFactory(parent=top, title_pl="Szkic", slug_pl="szkic", is_published=False, position=3)
    PageFactory(parent=structure, title_pl="Działy", slug_pl="dzialy")
    return top


@pytest.fixture
def service():
    section = PageFactory(
        title_pl="Jak możemy pomóc", slug_pl="jak-mozemy-pomoc", role="uslugi", position=2
    )
    unit = UnitFactory(
        short_name="CUS", full_name_pl="Centrum Usług Społecznych", street_address="ul. Testowa 1"
    )
    add_hours(unit, range(5), datetime.time(7, 30), datetime.time(15, 30))
    page = PageFactory(
        parent=section,
        title_pl="Usługi opiekuńcze",
        slug_pl="uslugi-opiekuncze",
        lead_pl="Pomoc w domu.",
        audience_pl="Osoby samotne.",
        benefits_pl="Pomoc w zakupach.",
        fee="platna",
        fee_note_pl="Odpłatność zależy od dochodu.",
        unit=unit,
        place_note_pl="Pokój 12, parter.",
        legal_basis_pl="Ustawa o pomocy społecznej, art. 50\nUchwała Rady Miejskiej",
    )
    for text in ("Wypełnij wniosek.", "Złóż go w sekretariacie."):
        ServiceStepFactory(page=page, text_pl=text)
    DocumentToBringFactory(page=page, text_pl="Dowód osobisty")
    PageDocumentFactory(
        page=page,
        title_pl="Wniosek o usługi opiekuńcze",
        size=250_880,
        accessibility_note_pl="Wersję w druku powiększonym wyślemy na prośbę.",
    )
    return page


def test_a_page_shows_its_breadcrumbs_and_its_published_subpages_with_leads(client, about):
    response = client.get("/o-nas/struktura-organizacyjna/dzialy/")
    html = response.content.decode()
    crumbs = re.search(r'<nav class="wrap breadcrumbs".*?</nav>', html, re.S)[0]
    assert text_of(crumbs) == "Strona główna O nas Struktura organizacyjna Działy"
    assert '<li aria-current="page">Działy</li>' in crumbs
    trail = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert trail["@type"] == "BreadcrumbList"
    assert [item["name"] for item in trail["itemListElement"]] == [
        "Strona główna",
        "O nas",
        "Struktura organizacyjna",
        "Działy",
    ]
    assert trail["itemListElement"][1]["item"].endswith("/o-nas/")
    main = main_of(client, "/o-nas/")
    assert '<h2 id="w-tym-dziale">W tym dziale</h2>' in main
    assert text_of(re.search(r'<ul class="subpages">.*?</ul>', main, re.S)[0]) == (
        "Struktura organizacyjna Działy Centrum i ich zadania. Kierownictwo Dyrektor i zastępcy."
    )
    assert "Szkic" not in main


def test_a_draft_and_every_page_below_it_are_not_found(client, about):
    Page.objects.filter(slug_pl="struktura-organizacyjna").update(is_published=False)
    main_of(client, "/o-nas/struktura-organizacyjna/", status=404)
    main_of(client, "/o-nas/struktura-organizacyjna/dzialy/", status=404)
    assert "Struktura organizacyjna" not in main_of(client, "/o-nas/")


def test_a_plain_page_shows_none_of_the_service_headings(client, about):
    main = main_of(client, "/o-nas/kierownictwo/")
    for heading in ("Dla kogo", "Jak załatwić sprawę", "Koszt", "Gdzie i kiedy", "Podstawa prawna"):
        assert heading not in main


@time_machine.travel(at(2026, 3, 2, 10, 0), tick=False)
def test_a_service_shows_its_parts_in_order_with_the_unit_open_now(client, service):
    response = client.get("/jak-mozemy-pomoc/uslugi-opiekuncze/")
    main = re.search(r"<main.*</main>", response.content.decode(), re.S)[0]
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", main)
    assert headings == [
        "Dla kogo",
        "Co otrzymasz",
        "Jak załatwić sprawę",
        "Co trzeba przygotować",
        "Koszt",
        "Gdzie i kiedy",
        "Druki i formularze",
        "Podstawa prawna",
    ]
    steps = re.search(r'<ol class="steps">.*?</ol>', main, re.S)[0]
    assert text_of(steps) == "Wypełnij wniosek. Złóż go w sekretariacie."
    assert "Odpłatnie" in main and "Odpłatność zależy od dochodu." in main
    assert "Centrum Usług Społecznych" in main and "ul. Testowa 1" in main
    assert "Otwarte do 15:30" in main
    assert "poniedziałek – piątek" in main
    assert "<li>Ustawa o pomocy społecznej, art. 50</li>" in main
    # The status changes with the clock: no cache may keep the page past 15:30.
    assert "no-cache" not in response["Cache-Control"]


def test_a_page_without_a_unit_stays_cacheable(client, about):
    assert "max-age=300" in client.get("/o-nas/")["Cache-Control"]


def test_documents_read_as_title_format_and_size_with_the_accessible_version(client, service):
    main = main_of(client, "/jak-mozemy-pomoc/uslugi-opiekuncze/")
    document = Document.objects.get()
    link = re.search(r'<a class="documents__link"[^>]*>.*?</a>', main, re.S)[0]
    assert f'href="/dokumenty/{document.pk}/"' in link
    assert 'type="application/pdf"' in link
    assert text_of(link) == "Wniosek o usługi opiekuńcze (PDF, 245 KB)"
    assert "(PDF, 245\xa0KB)" in link  # the number and its unit stay on one line
    assert "Wersję w druku powiększonym wyślemy na prośbę." in main


def test_a_document_keeps_its_address_when_its_file_is_replaced(client, service):
    document = Document.objects.get()
    response = client.get(document.get_absolute_url())
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="wniosek-o-uslugi-opiekuncze.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    document.file = SimpleUploadedFile("nowy.docx", files.docx())
    document.save()
    response = client.get(document.get_absolute_url())
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == files.docx()


def test_a_document_of_a_draft_page_or_with_its_file_lost_is_not_found(client, service):
    document = Document.objects.get()
    document.file.storage.delete(document.file.name)
    assert client.get(document.get_absolute_url()).status_code == 404
    Page.objects.filter(pk=service.parent_id).update(is_published=False)
    assert client.get(document.get_absolute_url()).status_code == 404
    assert client.get("/dokumenty/999999/").status_code == 404
    assert client.get("/dokumenty/abc/").status_code == 404


def test_the_forms_page_lists_every_public_document_under_its_page(client, service, about):
    forms = PageFactory(
        title_pl="Druki do pobrania", slug_pl="druki-do-pobrania", role="druki", position=3
    )
    PageDocumentFactory(page=about, title_pl="Statut Centrum")
    hidden = PageFactory(parent=about, slug_pl="ukryta", is_published=False)
    PageDocumentFactory(page=hidden, title_pl="Dokument szkicu")
    main = main_of(client, forms.get_absolute_url())
    groups = re.findall(r'<h2 id="druki-\d+"><a href="([^"]+)">(.*?)</a></h2>', main)
    # In the tree's order: O nas (position 1) before the services section (position 2).
    assert groups == [
        ("/o-nas/", "O nas"),
        ("/jak-mozemy-pomoc/uslugi-opiekuncze/", "Usługi opiekuńcze"),
    ]
    assert "Statut Centrum" in main and "Wniosek o usługi opiekuńcze" in main
    assert "Dokument szkicu" not in main


def test_an_empty_forms_page_says_so(client):
    forms = PageFactory(title_pl="Druki do pobrania", slug_pl="druki", role="druki")
    assert "Nie ma jeszcze dokumentów do pobrania." in main_of(client, forms.get_absolute_url())


def test_each_language_has_its_own_address_and_falls_back_to_polish(client, about):
    html = client.get("/en/about-us/").content.decode()
    assert "<h1>About us</h1>" in html
    assert '<a href="/o-nas/" hreflang="pl"' in html
    assert client.get("/en/o-nas/").status_code == 200  # the Polish slug works in English too
    structure = client.get("/en/about-us/struktura-organizacyjna/").content.decode()
    assert '<h1 lang="pl">Struktura organizacyjna</h1>' in structure
    assert "This page is available in Polish only." in structure
    assert client.get("/uk/o-nas/struktura-organizacyjna/").status_code == 200


def test_a_page_costs_the_same_queries_with_many_subpages_and_documents(client, service, about):
    def queries(path):
        client.get(path)  # what is worked out once per change is left out
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 200
        return len(context)

    paths = ["/o-nas/", "/jak-mozemy-pomoc/uslugi-opiekuncze/"]
    forms = PageFactory(title_pl="Druki", slug_pl="druki", role="druki")
    paths.append(forms.get_absolute_url())
    client.get("/")  # the centre's details are cached from here on
    few = {path: queries(path) for path in paths}
    for number in range(30):
        child = PageFactory(parent=about, slug_pl=f"podstrona-{number}", in_menu=False)
        PageDocumentFactory(page=child)
        ServiceStepFactory(page=service)
        DocumentToBringFactory(page=service)
        PageDocumentFactory(page=service)
        PageFactory(slug_pl=f"w-menu-{number}", in_menu=True)
    assert {path: queries(path) for path in paths} == few
