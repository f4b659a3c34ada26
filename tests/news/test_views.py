"""What a resident sees on the news pages, and what the public never sees."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import CategoryFactory, PostFactory
from tests.reading import as_read

WARSAW = ZoneInfo("Europe/Warsaw")
NOW = datetime.datetime(2025, 3, 10, 9, 0, tzinfo=WARSAW)


@pytest.fixture(autouse=True)
def pinned_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def at(*args):
    return datetime.datetime(*args, tzinfo=WARSAW)


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return as_read(response.content.decode())


def test_list_shows_date_title_link_and_lead(client, db):
    post = PostFactory(
        title_pl="Spotkanie z Seniorami",
        slug_pl="spotkanie-z-seniorami",
        lead_pl="Dzisiaj odbyło się spotkanie.",
        published_at=at(2023, 9, 12, 12),
    )
    html = page(client, "/aktualnosci/")
    assert '<time datetime="2023-09-12">12 września 2023</time>' in html
    assert f'<a href="{post.get_absolute_url()}">Spotkanie z Seniorami</a>' in html
    assert "Dzisiaj odbyło się spotkanie." in html
    assert re.search(r"<h1>\s*Aktualności\s*</h1>", html)


def test_list_is_newest_first_ten_a_page(client, db):
    for day in range(1, 24):
        PostFactory(title_pl=f"Wpis z {day} lutego", published_at=at(2025, 2, day, 12))
    first = page(client, "/aktualnosci/")
    assert first.count('class="post-summary"') == 10
    assert first.index("Wpis z 23 lutego") < first.index("Wpis z 22 lutego")
    third = page(client, "/aktualnosci/?page=3")
    assert third.count('class="post-summary"') == 3
    assert "Wpis z 1 lutego" in third


def test_pagination_is_accessible(client, db):
    PostFactory.create_batch(25)
    html = page(client, "/aktualnosci/?page=2")
    nav = re.search(r'<nav class="pagination".*?</nav>', html, re.S)[0]
    assert 'aria-label="Kolejne strony listy"' in nav
    assert "Strona 2 z 3" in nav
    assert re.search(r'<a href="\?page=2" aria-current="page">', nav)
    assert 'rel="prev"' in nav and "Poprzednia strona" in nav
    assert 'rel="next"' in nav and "Następna strona" in nav
    # Page 1 is the list's own address, not a second copy of it.
    assert '<a href="/aktualnosci/" rel="prev">' in nav


def test_single_page_list_has_no_pagination(client, db):
    PostFactory.create_batch(3)
    assert 'class="pagination"' not in page(client, "/aktualnosci/")


@pytest.mark.parametrize("number", ["abc", "999", "-1", "0", "1.5", "2"])
def test_bad_or_missing_page_number_is_a_404(client, db, number):
    PostFactory.create_batch(3)
    page(client, f"/aktualnosci/?page={number}", status=404)


def test_draft_scheduled_and_unknown_posts_are_404(client, db):
    PostFactory(slug_pl="szkic", status="draft")
    PostFactory(slug_pl="jutro", published_at=NOW + datetime.timedelta(days=1))
    for slug in ("szkic", "jutro", "nie-ma-takiego"):
        page(client, f"/aktualnosci/{slug}/", status=404)
    listing = page(client, "/aktualnosci/")
    assert "/aktualnosci/szkic/" not in listing
    assert "/aktualnosci/jutro/" not in listing


def test_scheduled_post_appears_at_its_time_without_any_job(client, db):
    PostFactory(slug_pl="zaplanowany", title_pl="Zaplanowany", published_at=at(2025, 3, 10, 10))
    page(client, "/aktualnosci/zaplanowany/", status=404)
    with time_machine.travel(at(2025, 3, 10, 10, 0, 1), tick=False):
        page(client, "/aktualnosci/zaplanowany/")
        assert "Zaplanowany" in page(client, "/aktualnosci/")


def test_post_page_shows_title_date_categories_lead_and_body(client, db):
    category = CategoryFactory(name_pl="Klub Senior+", slug_pl="klub-senior")
    PostFactory(
        title_pl="Dzień Seniora",
        slug_pl="dzien-seniora",
        lead_pl="Zaprosiliśmy wszystkich seniorów.",
        body_pl="<h2>Program</h2><p>Kawa i <strong>ciasto</strong>.</p>",
        published_at=at(2024, 10, 1, 12),
        categories=[category],
    )
    html = page(client, "/aktualnosci/dzien-seniora/")
    assert re.search(r"<h1[^>]*>Dzień Seniora</h1>", html)
    assert html.count("<h1") == 1
    assert '<time datetime="2024-10-01">1 października 2024</time>' in html
    assert '<a href="/aktualnosci/kategoria/klub-senior/">Klub Senior+</a>' in html
    assert "Zaprosiliśmy wszystkich seniorów." in html
    assert "<p>Kawa i <strong>ciasto</strong>.</p>" in html
    assert "Artykuł pochodzi z archiwum" not in html


def test_rich_text_body_is_sanitised_on_the_page(client, db):
    PostFactory(
        slug_pl="zly-html",
        body_pl=(
            '<p onclick="alert(1)" style="color:red">Tekst</p><script>alert(2)</script>'
            '<a href="javascript:alert(3)">zły</a><a href="https://example.com/">dobry</a>'
        ),
    )
    html = page(client, "/aktualnosci/zly-html/")
    body = re.search(r'<div class="prose">(.*?)</div>', html, re.S)[1]
    assert "<p>Tekst</p>" in body
    assert "onclick" not in body and "style=" not in body and "<script" not in body
    assert "javascript:" not in body
    assert '<a href="https://example.com/" rel="noopener">dobry</a>' in body


def test_post_older_than_two_years_carries_the_archive_note(client, db):
    PostFactory(slug_pl="stary", published_at=at(2023, 3, 9, 12))
    PostFactory(slug_pl="niedawny", published_at=at(2023, 3, 11, 12))
    note = "Artykuł pochodzi z archiwum. Zawarte w nim informacje mogą być nieaktualne"
    assert note in page(client, "/aktualnosci/stary/")
    assert note not in page(client, "/aktualnosci/niedawny/")


def test_post_links_to_its_older_and_newer_neighbours(client, db):
    PostFactory(title_pl="Pierwszy", slug_pl="pierwszy", published_at=at(2025, 1, 1, 12))
    PostFactory(title_pl="Drugi", slug_pl="drugi", published_at=at(2025, 1, 2, 12))
    PostFactory(title_pl="Trzeci", slug_pl="trzeci", published_at=at(2025, 1, 3, 12))
    PostFactory(slug_pl="szkic", status="draft", published_at=at(2025, 1, 4, 12))
    nav = re.search(r'<nav class="post-nav".*?</nav>', page(client, "/aktualnosci/drugi/"), re.S)[0]
    assert re.search(r'href="/aktualnosci/trzeci/" rel="next">.*Trzeci</a>', nav)
    assert re.search(r'href="/aktualnosci/pierwszy/" rel="prev">.*Pierwszy</a>', nav)
    newest = page(client, "/aktualnosci/trzeci/")
    assert "Nowszy wpis" not in newest
    assert "/aktualnosci/szkic/" not in newest


def test_category_page_lists_only_its_published_posts(client, db):
    senior = CategoryFactory(name_pl="Klub Senior+", slug_pl="klub-senior")
    other = CategoryFactory(name_pl="Inne", slug_pl="inne")
    PostFactory(title_pl="Dla seniorów", categories=[senior])
    PostFactory(title_pl="Szkic dla seniorów", categories=[senior], status="draft")
    PostFactory(title_pl="Coś innego", categories=[other])
    html = page(client, "/aktualnosci/kategoria/klub-senior/")
    assert "<h1>Aktualności: Klub Senior+</h1>" in html
    assert "Dla seniorów" in html
    assert "Szkic dla seniorów" not in html
    assert "Coś innego" not in html
    page(client, "/aktualnosci/kategoria/nie-ma/", status=404)
    page(client, "/aktualnosci/kategoria/klub-senior/?page=2", status=404)


def test_year_archive_lists_that_year_in_warsaw_time(client, db):
    # 1 January 2024, 00:30 in Warsaw is still 2023 in UTC.
    PostFactory(title_pl="Noworoczny", published_at=at(2024, 1, 1, 0, 30))
    PostFactory(title_pl="Sylwestrowy", published_at=at(2023, 12, 31, 20))
    html = page(client, "/aktualnosci/2024/")
    assert "<h1>Aktualności z roku 2024</h1>" in html
    assert "Noworoczny" in html and "Sylwestrowy" not in html
    assert "Sylwestrowy" in page(client, "/aktualnosci/2023/")
    assert '<a href="/aktualnosci/2023/">2023</a>' in page(client, "/aktualnosci/")


@pytest.mark.parametrize("year", ["2019", "0", "99999", "0999"])
def test_year_without_posts_or_impossible_year_is_404(client, db, year):
    PostFactory(published_at=at(2024, 5, 1, 12))
    page(client, f"/aktualnosci/{year}/", status=404)


def test_post_page_carries_description_open_graph_and_news_article(client, db, settings):
    settings.SITE_URL = "https://cus.tarnow.pl"
    PostFactory(
        with_cover=True,
        title_pl="Piknik „Razem”",
        slug_pl="piknik",
        lead_pl="Zapraszamy na piknik <rodzinny>.",
        published_at=at(2025, 2, 1, 12),
    )
    html = page(client, "/aktualnosci/piknik/")
    assert '<meta name="description" content="Zapraszamy na piknik &lt;rodzinny&gt;.">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Piknik „Razem”">' in html
    assert re.search(
        r'<meta property="og:image" content="https://cus\.tarnow\.pl/media/public/CACHE/\S+\.jpg">',
        html,
    )
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    assert "<rodzinny>" not in data  # escaped inside the script element
    article = json.loads(data)
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Piknik „Razem”"
    assert article["datePublished"].startswith("2025-02-01T12:00:00+01:00")
    assert article["dateModified"]
    assert article["image"][0].startswith("https://cus.tarnow.pl/media/public/CACHE/")
    assert article["publisher"]["name"] == "Centrum Usług Społecznych w Tarnowie"


def test_home_page_shows_the_six_newest_posts(client, db):
    for day in range(1, 9):
        PostFactory(title_pl=f"Wpis z {day} lutego", published_at=at(2025, 2, day, 12))
    PostFactory(title_pl="Szkic", status="draft")
    html = page(client, "/")
    section = re.search(r'<section class="latest-news".*?</section>', html, re.S)[0]
    assert section.count('class="post-summary"') == 6
    assert "Wpis z 8 lutego" in section and "Wpis z 3 lutego" in section
    assert "Wpis z 2 lutego" not in section and "Szkic" not in section
    assert '<a href="/aktualnosci/">Wszystkie aktualności</a>' in section


def test_main_menu_links_to_the_news(client, db):
    nav = re.search(r'<nav class="[^"]*main-nav".*?</nav>', page(client, "/"), re.S)[0]
    assert '<a href="/aktualnosci/">Aktualności</a>' in nav


def test_english_page_finds_a_post_by_its_polish_slug(client, db):
    PostFactory(title_pl="Tylko po polsku", slug_pl="tylko-po-polsku")
    PostFactory(title_pl="Przetłumaczony", slug_pl="przetlumaczony", slug_en="translated")
    assert "Tylko po polsku" in page(client, "/en/aktualnosci/tylko-po-polsku/")
    assert "Przetłumaczony" in page(client, "/en/aktualnosci/translated/")
    assert "Przetłumaczony" in page(client, "/en/aktualnosci/przetlumaczony/")
