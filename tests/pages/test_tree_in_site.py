"""The tree everywhere the rest of the site is: the main menu, the home page's link to the
services, the sitemap, the search, and the demo's skeleton."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import Page
from tests.factories import (
    AccessibilityStatementFactory,
    PageDocumentFactory,
    PageFactory,
    PostFactory,
)
from tests.hours.helpers import text_of

pytestmark = pytest.mark.django_db


def menu_of(html):
    return re.search(r'<nav class="main-nav".*?</nav>', html, re.S)[0]


def test_the_menu_has_the_chosen_top_level_pages_in_order_before_the_sections(client):
    PageFactory(title_pl="Druki do pobrania", slug_pl="druki", in_menu=True, position=3)
    PageFactory(title_pl="O nas", slug_pl="o-nas", in_menu=True, position=1)
    PageFactory(title_pl="Projekty", slug_pl="projekty", in_menu=False, position=2)
    PageFactory(title_pl="Szkic", slug_pl="szkic", in_menu=True, is_published=False)
    menu = menu_of(client.get("/").content.decode())
    assert text_of(menu) == (
        "O nas Druki do pobrania Aktualności Organizowanie społeczności lokalnej "
        "Godziny otwarcia Kontakt"
    )


def test_the_menu_marks_where_the_reader_is(client):
    about = PageFactory(title_pl="O nas", slug_pl="o-nas", in_menu=True)
    PageFactory(parent=about, slug_pl="historia")
    menu = menu_of(client.get("/o-nas/historia/").content.decode())
    assert '<a href="/o-nas/" aria-current="true">O nas</a>' in menu
    menu = menu_of(client.get("/o-nas/").content.decode())
    assert '<a href="/o-nas/" aria-current="page">O nas</a>' in menu
    menu = menu_of(client.get("/aktualnosci/").content.decode())
    assert '<a href="/aktualnosci/" aria-current="page">Aktualności</a>' in menu


def test_an_untranslated_menu_page_is_marked_polish(client):
    PageFactory(title_pl="O nas", slug_pl="o-nas", in_menu=True)
    PageFactory(title_pl="Pomoc", title_en="Help", slug_pl="pomoc", slug_en="help", in_menu=True)
    menu = menu_of(client.get("/en/").content.decode())
    assert '<a href="/en/o-nas/" lang="pl">O nas</a>' in menu
    assert '<a href="/en/help/">Help</a>' in menu


def test_the_menu_costs_one_query_however_many_pages(client):
    def menu_queries():
        with CaptureQueriesContext(connection) as context:
            client.get("/kontakt/")
        return [query for query in context if '"pages_page"' in query["sql"]]

    PageFactory(slug_pl="o-nas", in_menu=True)
    assert len(menu_queries()) == 1
    for number in range(20):
        top = PageFactory(slug_pl=f"dzial-{number}", in_menu=True)
        PageFactory(parent=top, slug_pl="podstrona")
    assert len(menu_queries()) == 1


def test_the_home_page_links_to_the_services_section_and_its_services(client):
    section = PageFactory(
        title_pl="Jak możemy pomóc", slug_pl="jak-mozemy-pomoc", role="uslugi", lead_pl="Sprawy."
    )
    for number in range(10):
        PageFactory(parent=section, title_pl=f"Usługa {number}", slug_pl=f"usluga-{number}")
    PageFactory(parent=section, title_pl="Ukryta usługa", slug_pl="ukryta", is_published=False)
    with CaptureQueriesContext(connection) as context:
        html = client.get("/").content.decode()
    block = re.search(r'<section class="services-section".*?</section>', html, re.S)[0]
    assert '<h2 id="services-heading">Jak możemy pomóc</h2>' in block
    assert len(re.findall(r'<li><a href="/jak-mozemy-pomoc/usluga-\d/">', block)) == 8
    assert '<a href="/jak-mozemy-pomoc/">Wszystkie sprawy, w których pomagamy</a>' in block
    assert "Ukryta usługa" not in block
    assert len([query for query in context if '"pages_page"' in query["sql"]]) == 2  # + menu


def test_the_home_page_has_no_services_block_without_a_published_section(client):
    PageFactory(title_pl="Jak możemy pomóc", role="uslugi", is_published=False)
    assert "services-section" not in client.get("/").content.decode()


def test_the_sitemap_lists_a_page_only_in_the_languages_it_is_translated_into(client):
    about = PageFactory(title_pl="O nas", slug_pl="o-nas", title_en="About us", slug_en="about-us")
    PageFactory(parent=about, title_pl="Historia", slug_pl="historia")
    PageFactory(slug_pl="szkic", is_published=False)
    xml = client.get("/sitemap.xml").content.decode()
    locations = set(re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc>", xml))
    assert {"/o-nas/", "/en/about-us/", "/o-nas/historia/"} <= locations
    assert "/uk/o-nas/" not in locations
    assert "/en/about-us/historia/" not in locations
    assert not any("szkic" in location for location in locations)
    history = re.search(r"<url><loc>[^<]*/o-nas/historia/</loc>.*?</url>", xml, re.S)[0]
    assert 'hreflang="en"' not in history and 'hreflang="pl"' in history


def search(client, query, prefix=""):
    html = client.get(f"{prefix}/szukaj/", {"q": query}).content.decode()
    return re.search(r"<main.*</main>", html, re.S)[0]


def test_search_finds_tree_pages_and_documents_by_title(client):
    page = PageFactory(title_pl="Usługi opiekuńcze", audience_pl="Osoby samotne po sześćdziesiątce")
    document = PageDocumentFactory(page=page, title_pl="Wniosek o dodatek mieszkaniowy")
    main = search(client, "opiekuncze")
    assert f'href="{page.get_absolute_url()}"' in main and "Strona" in main
    main = search(client, "dodatku mieszkaniowego")
    assert f'href="{document.get_absolute_url()}"' in main
    assert "Dokument do pobrania" in main
    assert page.get_absolute_url() in search(client, "samotne")


def test_search_forgets_a_page_once_it_or_a_page_above_it_is_a_draft(client):
    top = PageFactory(title_pl="Projekty")
    child = PageFactory(parent=top, title_pl="Projekt tężnia")
    assert child.get_absolute_url() in search(client, "tężnia")
    top.is_published = False
    top.save()
    assert child.get_absolute_url() not in search(client, "tężnia")


def test_search_follows_a_moved_page_to_its_new_address(client):
    top = PageFactory(title_pl="Projekty", slug_pl="projekty")
    PageFactory(parent=top, title_pl="Projekt tężnia", slug_pl="teznia")
    top.slug_pl = "projekty-unijne"
    top.save()
    assert 'href="/projekty-unijne/teznia/"' in search(client, "tężnia")


@pytest.mark.parametrize(
    ("query", "title", "path"),
    [
        ("godziny", "Godziny otwarcia", "/godziny-otwarcia/"),
        ("kontakt", "Kontakt", "/kontakt/"),
        ("deklaracja", "Deklaracja dostępności", "/deklaracja-dostepnosci/"),
        ("telefon", "Kontakt", "/kontakt/"),
        ("godziny otwarcia", "Godziny otwarcia", "/godziny-otwarcia/"),
    ],
)
def test_search_finds_the_fixed_pages(client, query, title, path):
    AccessibilityStatementFactory()
    main = search(client, query)
    block = re.search(r'<section class="search-pages".*?</section>', main, re.S)[0]
    assert f'<a href="{path}">{title}</a>' in block
    assert "Znaleziono 0 wyników" not in main


def test_fixed_pages_are_found_in_each_language(client):
    AccessibilityStatementFactory()
    assert '<a href="/en/godziny-otwarcia/">Opening hours</a>' in search(client, "opening", "/en")
    assert '<a href="/uk/kontakt/">Контакти</a>' in search(client, "контакти", "/uk")


def test_a_fixed_page_is_offered_beside_the_results_and_not_for_other_words(client):
    PostFactory(title_pl="Zmiana godziny pracy w święta")
    main = search(client, "godziny")
    assert "Strony serwisu" in main and "Znaleziono 1 wynik" in main
    assert "Strony serwisu" not in search(client, "seniorzy")
    # Without a statement there is no statement page to offer.
    assert "Deklaracja" not in search(client, "deklaracja")


def test_the_demo_makes_the_skeleton_only_and_saying_content_is_coming(client):
    call_command("load_demo", verbosity=0)
    pages = Page.objects.order_by("position")
    assert [page.title_pl for page in pages] == ["O nas", "Jak możemy pomóc", "Druki do pobrania"]
    assert {page.lead_pl for page in pages} == {"Treść tego działu jest w przygotowaniu."}
    assert all(page.in_menu and page.is_published and not page.body_pl for page in pages)
    assert [page.role for page in pages] == ["", "uslugi", "druki"]
    assert client.get("/druki-do-pobrania/").status_code == 200
    assert client.get("/en/how-we-can-help/").status_code == 200
    call_command("load_demo", verbosity=0)
    assert Page.objects.count() == 3
