"""Events are found by the search and listed in the sitemap by the residents' issue's rules."""

import datetime
import re

from search.models import SearchEntry
from tests.factories import EventFactory


def test_a_published_event_is_found_and_a_draft_is_not(client, clock):
    EventFactory(title_pl="Piknik na Plantach", lead_pl="Gry i zabawy dla rodzin.")
    EventFactory(title_pl="Piknik w szkicu", status="draft")
    html = client.get("/szukaj/?q=piknik").content.decode()
    assert "<mark>Piknik</mark> na Plantach" in html
    assert "w szkicu" not in html
    assert '<span class="search-result__kind">Wydarzenie</span>' in html
    assert '<time datetime="2026-06-08">8 czerwca 2026</time>' in html
    assert SearchEntry.objects.filter(title="Piknik w szkicu").count() == 3


def test_the_sitemap_lists_polish_only_events_once_and_every_address_has_lastmod(client, clock):
    EventFactory(title_pl="Piknik", slug_pl="piknik")
    EventFactory(title_pl="Koncert", slug_pl="koncert", title_en="Concert", slug_en="concert")
    EventFactory(title_pl="Zeszłoroczny", starts_on=datetime.date(2025, 5, 1))
    EventFactory(title_pl="Szkic", slug_pl="szkic", status="draft")
    xml = client.get("/sitemap.xml").content.decode()
    urls = re.findall(r"<url>(.*?)</url>", xml, re.S)
    events = [url for url in urls if "/wydarzenia/" in re.search(r"<loc>(.*?)</loc>", url)[1]]
    locations = [re.search(r"<loc>(.*?)</loc>", url)[1] for url in events]
    assert "http://testserver/wydarzenia/piknik/" in locations
    assert "http://testserver/en/wydarzenia/piknik/" not in locations
    assert "http://testserver/uk/wydarzenia/piknik/" not in locations
    assert "http://testserver/en/wydarzenia/concert/" in locations
    assert "http://testserver/uk/wydarzenia/koncert/" not in locations
    assert "http://testserver/wydarzenia/archiwum/2025/" in locations
    assert "http://testserver/wydarzenia/" in locations
    assert not any("szkic" in location for location in locations)
    assert all("<lastmod>" in url for url in events)
