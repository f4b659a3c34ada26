"""What search engines, feed readers and other sites read of us, checked with the tools they use
or that check for them: the Nu HTML checker (vnu.jar) over every page type in three languages
in one batched run, extruct for JSON-LD and Open Graph, feedparser for the feeds.

Run alone: `make pytest ARGS=tests/metadata` (the Makefile fetches vnu.jar from the npm registry
and, as root, installs Debian's Java).
"""

import json
import os
import subprocess
from io import StringIO
from xml.etree import ElementTree

import extruct
import feedparser
import pytest
from django.core.management import call_command
from django.urls import reverse

from news.models import Post
from tests.browser.conftest import LANGUAGE_PREFIXES, PAGE_TYPES, make_content
from tests.factories import PostFactory

SITE = "http://testserver"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def content(db, settings):
    settings.SITE_URL = SITE
    made = make_content()
    made["translated"] = PostFactory(
        title_pl="Wpis przetłumaczony", title_en="A translated post", lead_en="In English."
    )
    return made


@pytest.fixture
def crawl(client, content):
    """{(page type, language): HTML} of every page type in every language."""
    pages = {}
    paths = {name: path_of(content) for name, path_of in PAGE_TYPES.items()}  # Polish paths
    for name, path in paths.items():
        for language, prefix in LANGUAGE_PREFIXES.items():
            response = client.get(prefix + path)
            assert response.status_code == (404 if name == "404" else 200), (name, language)
            pages[name, language] = response.content.decode()
    return pages


def vnu_errors(pages, folder):
    """The Nu checker's errors over all pages, read in one run of the checker."""
    jar = os.environ.get("VNU_JAR", "")
    assert os.path.exists(jar), "vnu.jar is missing: run the tests through `make`"
    files = {}
    for (page_type, language), html in pages.items():
        path = folder / f"{page_type.replace(' ', '-')}-{language}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = (page_type, language)
    command = ["java", "-jar", jar, "--errors-only", "--format", "json"]
    result = subprocess.run(
        [*command, *(str(folder / name) for name in files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{files.get(message.get('url', '').rsplit('/', 1)[-1])}: {message['message']} "
        f"({message.get('extract', '').strip()[:80]!r})"
        for message in messages
    ]


# A page the checker must fault, sent with the others: proof that the batch was checked.
BROKEN = "<!doctype html><html lang=pl><title>x</title><p><li>lista bez listy</p></html>"


def test_the_nu_html_checker_finds_no_error_on_any_page_type_in_any_language(crawl, tmp_path):
    errors = vnu_errors({**crawl, ("broken on purpose", "pl"): BROKEN}, tmp_path)
    assert any(error.startswith("('broken on purpose'") for error in errors), errors
    errors = [error for error in errors if not error.startswith("('broken on purpose'")]
    assert not errors, "\n".join(errors)


def metadata_of(html):
    return extruct.extract(html, base_url=SITE, syntaxes=["json-ld", "opengraph"])


def open_graph(html):
    graphs = metadata_of(html)["opengraph"]
    return dict(graphs[0]["properties"]) if graphs else {}


def test_every_page_type_has_open_graph_a_canonical_link_its_own_title_and_description(crawl):
    titles, descriptions = {}, {}
    for (page_type, language), html in crawl.items():
        properties = open_graph(html)
        assert properties, (page_type, language)
        for key in ("og:title", "og:description", "og:image", "og:type", "og:site_name"):
            assert properties.get(key), (page_type, language, key)
        assert (
            properties["og:image"].startswith(SITE + "/static/")
            or "/media/" in (properties["og:image"])
        )
        if page_type != "404":
            assert f'<link rel="canonical" href="{SITE}' in html, (page_type, language)
        title = html.split("<title>")[1].split("</title>")[0]
        description = html.split('<meta name="description" content="')[1].split('"')[0]
        titles.setdefault(language, {})[page_type] = title
        descriptions.setdefault(language, {})[page_type] = description
    for by_type in (*titles.values(), *descriptions.values()):
        assert len(set(by_type.values())) == len(by_type), by_type


def test_government_office_has_a_postal_address_telephone_email_and_url(client, content):
    from hours.models import Unit

    Unit.objects.filter(short_name="BOM").update(
        street_address="ul. Przykładowa 5",
        postal_code="33-100",
        phone="14 688 26 30",
        email="bom@example.org",
    )
    html = client.get(reverse("hours:index")).content.decode()
    offices = {
        office["alternateName"] if "alternateName" in office else office["name"]: office
        for office in metadata_of(html)["json-ld"]
    }
    bom = offices["BOM"]
    assert bom["@type"] == "GovernmentOffice"
    assert bom["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "ul. Przykładowa 5",
        "postalCode": "33-100",
        "addressLocality": "Tarnów",
        "addressCountry": "PL",
    }
    assert bom["telephone"] == "+48146882630"
    assert bom["email"] == "bom@example.org"
    assert bom["url"] == f"{SITE}/godziny-otwarcia/#bom"
    assert offices["CUS"]["address"]["addressLocality"] == "Tarnów", "an address even unfilled"


def test_news_article_names_the_centre_as_author_and_publisher_with_logo_and_image(client, content):
    html = client.get(content["post"].get_absolute_url()).content.decode()
    article = next(d for d in metadata_of(html)["json-ld"] if d["@type"] == "NewsArticle")
    assert article["author"]["@type"] == "Organization"
    assert article["author"]["name"] == "Centrum Usług Społecznych w Tarnowie"
    assert article["publisher"]["logo"]["url"] == f"{SITE}/static/img/logo-512.png"
    assert article["image"][0].startswith(f"{SITE}/media/")
    assert article["inLanguage"] == "pl" and article["dateModified"]
    demo_post = Post.objects.filter(cover="").exclude(pk=content["translated"].pk).first()
    english = client.get("/en" + demo_post.get_absolute_url()).content.decode()
    article = next(d for d in metadata_of(english)["json-ld"] if d["@type"] == "NewsArticle")
    assert article["image"] == [f"{SITE}/static/img/og-default.png"], "the site's picture"
    assert article["inLanguage"] == "pl", "its text is Polish"


def test_a_polish_only_page_points_to_the_polish_page_and_a_translated_one_to_itself(
    client, content
):
    polish_only = content["post"].get_absolute_url()
    translated = content["translated"].get_absolute_url()
    english = client.get("/en" + polish_only).content.decode()
    assert f'<link rel="canonical" href="{SITE}{polish_only}">' in english
    assert 'hreflang="en"' not in english.split("</head>")[0]
    page = client.get("/en" + translated).content.decode()
    assert f'<link rel="canonical" href="{SITE}/en{translated}">' in page


def test_feeds_parse_and_list_in_english_and_ukrainian_only_what_is_translated(client, content):
    feeds = {}
    for language, prefix in LANGUAGE_PREFIXES.items():
        feed = feedparser.parse(client.get(f"{prefix}/aktualnosci/rss/").content)
        assert not feed.bozo, (language, feed.bozo_exception)
        feeds[language] = [entry.title for entry in feed.entries]
    assert "Wpis przetłumaczony" in feeds["pl"] and len(feeds["pl"]) > 5
    assert feeds["en"] == ["A translated post"]
    assert feeds["uk"] == []


def test_every_sitemap_address_has_lastmod_and_polish_only_pages_are_listed_once(client, content):
    call_command("rebuild_search_index", stdout=StringIO())
    post = content["post"].get_absolute_url()
    translated = content["translated"].get_absolute_url()
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    urls = root.findall(f"{SITEMAP}url")
    locations = [url.find(f"{SITEMAP}loc").text for url in urls]
    assert len(urls) > 30
    for url in urls:
        assert url.find(f"{SITEMAP}lastmod") is not None, url.find(f"{SITEMAP}loc").text
    assert f"{SITE}{post}" in locations
    assert f"{SITE}/en{post}" not in locations and f"{SITE}/uk{post}" not in locations
    assert f"{SITE}/en{translated}" in locations
    assert f"{SITE}/uk{translated}" not in locations
    assert f"{SITE}/en/kontakt/" in locations, "interface pages are in every language"


def test_robots_txt_keeps_crawlers_off_the_reader_options(client, db):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /wyglad/" in lines
    assert "Disallow: /en/wyglad/" in lines and "Disallow: /uk/wyglad/" in lines
