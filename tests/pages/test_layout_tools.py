"""The header tools and the footer links every page carries, and the centre's cached details."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pages.models import SiteSettings, TextPage
from tests.factories import AccessibilityStatementFactory, SiteSettingsFactory, TextPageFactory

FOOTER_LINKS = {
    "/kontakt/": "Kontakt",
    "/deklaracja-dostepnosci/": "Deklaracja dostępności",
    "/ochrona-danych-osobowych/": "Ochrona danych osobowych (RODO)",
    "https://bip.example.org/cus": "Biuletyn Informacji Publicznej (BIP)",
    "/tekst-latwy-do-czytania/": "Tekst łatwy do czytania",
    "/polski-jezyk-migowy/": "Polski język migowy",
}


@pytest.fixture
def site(db):
    SiteSettingsFactory()
    AccessibilityStatementFactory()
    for slug in TextPage.Slug:
        TextPageFactory(slug=slug, title_pl=slug.label)


def footer_of(page):
    return re.search(r"<footer.*</footer>", page, re.S)[0]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/kontakt/",
        "/deklaracja-dostepnosci/",
        "/tekst-latwy-do-czytania/",
        "/polski-jezyk-migowy/",
        "/ochrona-danych-osobowych/",
        "/nie-ma-takiej-strony/",
    ],
)
def test_every_page_has_the_footer_links_of_a_public_body(client, site, path):
    footer = footer_of(client.get(path).content.decode())
    for href, text in FOOTER_LINKS.items():
        assert f'<a href="{href}">{text}</a>' in footer, text
    assert "Serwis używa wyłącznie niezbędnych plików cookie" in footer
    assert "nie wyświetlamy banera" in footer


def test_footer_links_keep_the_language_of_the_page(client, site):
    footer = footer_of(client.get("/en/").content.decode())
    assert 'href="/en/deklaracja-dostepnosci/"' in footer
    assert 'href="/en/ochrona-danych-osobowych/"' in footer


def test_header_has_a_bip_link_to_the_address_the_editors_set(client, site):
    header = re.search(r"<header.*?</header>", client.get("/").content.decode(), re.S)[0]
    assert re.search(
        r'<a href="https://bip.example.org/cus">BIP<span class="visually-hidden">', header
    )


def test_without_a_bip_address_there_is_no_bip_link(client, db):
    page = client.get("/").content.decode()
    assert ">BIP<" not in page
    assert "(BIP)" not in page


def test_footer_shows_the_address_when_known(client, site):
    assert "ul. Testowa 1<br>33-100 Tarnów" in footer_of(client.get("/").content.decode())


def test_the_centres_details_cost_one_query_then_none_until_they_change(client, site):
    with CaptureQueriesContext(connection) as first:
        client.get("/ochrona-danych-osobowych/")
    with CaptureQueriesContext(connection) as second:
        client.get("/ochrona-danych-osobowych/")
    settings_queries = [q for q in first if "pages_sitesettings" in q["sql"]]
    assert len(settings_queries) == 1
    assert not [q for q in second if "pages_sitesettings" in q["sql"]]

    SiteSettings.objects.update(street_address="ul. Nowa 2")  # no signal: still cached
    assert "ul. Testowa 1" in client.get("/").content.decode()
    site_settings = SiteSettings.objects.get()
    site_settings.street_address = "ul. Nowa 2"
    site_settings.save()
    assert "ul. Nowa 2" in client.get("/").content.decode()


def test_a_fresh_site_without_details_still_renders(client, db):
    response = client.get(reverse("pages:contact"))
    assert response.status_code == 200
    assert "Centrum Usług Społecznych w Tarnowie" in response.content.decode()
