"""The sitemap and the RSS feed in every language; the admin in Polish for everyone."""

import re

import pytest

from tests.factories import PostFactory, ProgrammeFactory, TextPageFactory

SITE = "https://cus.example"


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = SITE
    return SITE


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content.decode()


# Translated into English and Ukrainian: a page only in Polish is listed once (tests/metadata).
TRANSLATED = {"title_en": "Spring", "title_uk": "Весна"}


def test_sitemap_lists_every_language_with_alternates_and_x_default(client, db):
    PostFactory(slug_pl="wiosna", slug_en="spring", **TRANSLATED)
    ProgrammeFactory(slug_pl="program-moscice", **TRANSLATED)
    TextPageFactory(slug="tekst-latwy-do-czytania", **TRANSLATED)
    xml = sitemap_urls(client)
    locations = set(re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc>", xml))
    for path in ("/", "/aktualnosci/", "/osl/", "/godziny-otwarcia/", "/kontakt/"):
        assert {path, f"/en{path}", f"/uk{path}"} <= locations
    assert {"/aktualnosci/wiosna/", "/en/aktualnosci/spring/", "/uk/aktualnosci/wiosna/"} <= (
        locations
    )
    assert {"/osl/program-moscice/", "/uk/osl/program-moscice/"} <= locations
    assert "/en/tekst-latwy-do-czytania/" in locations
    assert re.search(
        r'<xhtml:link rel="alternate" hreflang="en" href="https?://[^"/]+/en/aktualnosci/spring/"',
        xml,
    )
    assert re.search(
        r'<xhtml:link rel="alternate" hreflang="x-default" href="https?://[^"/]+/aktualnosci/wiosna/"',
        xml,
    )


def test_every_sitemap_address_works(client, db):
    PostFactory(slug_pl="wiosna", slug_en="spring", **TRANSLATED)
    ProgrammeFactory(slug_pl="program-moscice", **TRANSLATED)
    TextPageFactory(slug="polski-jezyk-migowy", **TRANSLATED)
    xml = sitemap_urls(client)
    paths = set(re.findall(r'(?:<loc>|href=")https?://[^/<"]+(/[^<"]*)', xml))
    assert len(paths) > 20
    for path in paths:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("", "Aktualności – Centrum Usług Społecznych w Tarnowie"),
        ("/en", "News – Social Services Centre in Tarnów"),
        ("/uk", "Новини – Центр соціальних послуг у Тарнові"),
    ],
)
def test_feed_exists_per_language_with_its_title_and_links(client, db, site_url, prefix, title):
    PostFactory(title_pl="Wiosna", slug_pl="wiosna", slug_en="spring", **TRANSLATED)
    response = client.get(f"{prefix}/aktualnosci/rss/")
    assert response.status_code == 200
    xml = response.content.decode()
    assert f"<title>{title}</title>" in xml
    assert f"<language>{prefix.strip('/') or 'pl'}</language>" in xml
    slug = "spring" if prefix == "/en" else "wiosna"
    assert f"<link>http://testserver{prefix}/aktualnosci/{slug}/</link>" in xml
    assert "<description>Najnowsze" in xml if not prefix else "<description>Najnowsze" not in xml
    page = client.get(f"{prefix}/").content.decode()
    assert f'type="application/rss+xml" title="{title}" href="{prefix}/aktualnosci/rss/"' in page


def test_admin_stays_polish_for_an_english_browser(admin_client):
    for url in ("/admin/", "/admin/news/post/add/"):
        response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9,uk;q=0.8")
        html = response.content.decode()
        assert response.status_code == 200
        assert '<html lang="pl"' in html
        assert response.headers["Content-Language"] == "pl"
    assert "Zarządzanie treścią" in admin_client.get("/admin/").content.decode()
    assert "Dodawanie: wpis" in html


def test_admin_login_stays_polish_for_a_ukrainian_browser(client, db):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="uk").content.decode()
    assert '<html lang="pl"' in html
    assert "Zaloguj się" in html
