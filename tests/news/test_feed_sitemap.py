import datetime
import html
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.factories import CategoryFactory, PostFactory

WARSAW = ZoneInfo("Europe/Warsaw")


def test_feed_is_rss_with_the_twenty_newest_published_posts(client, db):
    start = datetime.datetime(2025, 1, 1, 12, tzinfo=WARSAW)
    for day in range(25):
        PostFactory(title_pl=f"Wpis {day:02d}", published_at=start + datetime.timedelta(days=day))
    PostFactory(title_pl="Szkic", status="draft")
    PostFactory(title_pl="Jutrzejszy", published_at=timezone.now() + datetime.timedelta(days=1))
    response = client.get("/aktualnosci/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Aktualności – Centrum Usług Społecznych w Tarnowie"
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert len(titles) == 20
    assert titles[0] == "Wpis 24" and titles[-1] == "Wpis 05"
    first = channel.find("item")
    assert "/aktualnosci/" in first.findtext("link")
    assert first.findtext("pubDate") == "Sat, 25 Jan 2025 11:00:00 +0000"  # noon in Warsaw


def test_feed_items_carry_lead_and_categories(client, db):
    category = CategoryFactory(name_pl="Klub Senior+")
    PostFactory(title_pl="Jedyny", lead_pl="Krótko & treściwie.", categories=[category])
    item = ET.fromstring(client.get("/aktualnosci/rss/").content).find("channel/item")
    # Readers take these as HTML: "&amp;" is what shows them "&".
    assert item.findtext("description") == "Krótko &amp; treściwie."
    assert html.unescape(item.findtext("description")) == "Krótko & treściwie."
    assert item.findtext("category") == "Klub Senior+"


PAYLOADS = [
    '<img src=x onerror="alert(1)">',
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "<a href='javascript:alert(1)'>x</a>",
    "x < y & z > w",
    "&lt;b&gt;już zakodowane&lt;/b&gt;",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_feed_escapes_title_lead_and_category_as_pages_do(client, db, payload):
    """What a reader shows (the feed's text read as HTML) is the editor's text, character for
    character, as on the post's page: no element of it becomes markup."""
    category = CategoryFactory(name_pl=payload, slug_pl="kategoria-x")
    post = PostFactory(title_pl=payload, lead_pl=payload, categories=[category])
    item = ET.fromstring(client.get("/aktualnosci/rss/").content).find("channel/item")
    for field in ("title", "description", "category"):
        shown = item.findtext(field)
        assert shown == escape(payload)
        assert "<" not in shown and ">" not in shown
        assert html.unescape(shown) == payload
    page = client.get(post.get_absolute_url()).content.decode()
    assert escape(payload) in page


def test_every_page_links_to_the_feed(client, db):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/aktualnosci/rss/"' in html


def test_sitemap_lists_the_news_list_published_posts_and_their_categories(client, db):
    used = CategoryFactory(slug_pl="klub-senior")
    CategoryFactory(slug_pl="pusta")
    PostFactory(slug_pl="publiczny", categories=[used])
    PostFactory(slug_pl="szkic", status="draft")
    PostFactory(slug_pl="pozniej", published_at=timezone.now() + datetime.timedelta(hours=1))
    xml = client.get("/sitemap.xml").content.decode()
    assert "/aktualnosci/</loc>" in xml
    assert "/aktualnosci/publiczny/</loc>" in xml
    assert "/aktualnosci/kategoria/klub-senior/</loc>" in xml
    assert "szkic" not in xml and "pozniej" not in xml and "pusta" not in xml
    assert "<lastmod>" in xml
