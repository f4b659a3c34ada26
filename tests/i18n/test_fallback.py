"""Content without a translation is shown in Polish, marked `lang="pl"`, with a notice."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import (
    CategoryFactory,
    ContactDetailFactory,
    NonAccessibleContentFactory,
    PostFactory,
    PostImageFactory,
    ProgrammeFactory,
    SpecialDayFactory,
    TextPageFactory,
    UnitFactory,
    WeeklyHoursFactory,
)
from tests.reading import as_read

WARSAW = ZoneInfo("Europe/Warsaw")
NOTICE = re.compile(r'<p class="notice notice--language">(.*?)</p>')


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return as_read(response.content.decode())


@pytest.fixture
def polish_post(db):
    category = CategoryFactory(name_pl="Seniorzy", slug_pl="seniorzy")
    return PostFactory(
        title_pl="Spotkanie seniorów",
        slug_pl="spotkanie-seniorow",
        lead_pl="Zapraszamy na spotkanie.",
        body_pl="<p>Treść po polsku.</p>",
        categories=[category],
    )


@pytest.mark.parametrize("prefix", ["/en", "/uk"])
def test_post_only_in_polish_is_marked_polish_with_a_notice(client, polish_post, prefix):
    html = page(client, f"{prefix}/aktualnosci/spotkanie-seniorow/")
    assert '<h1 lang="pl">Spotkanie seniorów</h1>' in html
    assert '<p class="lead" lang="pl">Zapraszamy na spotkanie.</p>' in html
    assert '<div class="prose" lang="pl"><p>Treść po polsku.</p></div>' in html
    assert 'lang="pl">Seniorzy</a>' in html
    assert len(NOTICE.findall(html)) == 1


def test_polish_page_has_no_marks_and_no_notice(client, polish_post):
    html = page(client, "/aktualnosci/spotkanie-seniorow/")
    assert "<h1>Spotkanie seniorów</h1>" in html
    assert 'lang="pl">' not in html.split("<main", 1)[1]
    assert not NOTICE.search(html)


def test_translated_post_is_unmarked_and_without_notice(client, db):
    PostFactory(
        title_pl="Spotkanie",
        slug_pl="spotkanie",
        lead_pl="Zapraszamy.",
        title_en="Meeting",
        lead_en="Welcome.",
        body_pl="<p>Treść.</p>",
        body_en="<p>Text.</p>",
    )
    html = page(client, "/en/aktualnosci/spotkanie/")
    assert "<h1>Meeting</h1>" in html
    assert '<div class="prose"><p>Text.</p></div>' in html
    assert not NOTICE.search(html)


def test_partly_translated_post_marks_only_the_polish_part(client, db):
    PostFactory(title_pl="Spotkanie", slug_pl="spotkanie", title_en="Meeting", lead_en="")
    html = page(client, "/en/aktualnosci/spotkanie/")
    assert "<h1>Meeting</h1>" in html
    assert '<p class="lead" lang="pl">' in html


@pytest.mark.parametrize("url", ["/en/aktualnosci/", "/uk/aktualnosci/kategoria/seniorzy/", "/en/"])
def test_lists_mark_polish_titles_and_leads(client, polish_post, url):
    html = page(client, url)
    assert 'href="' in html
    assert re.search(r'<a href="/(en|uk)/aktualnosci/spotkanie-seniorow/" lang="pl">', html)
    assert '<p class="post-summary__lead" lang="pl">Zapraszamy na spotkanie.</p>' in html


def test_category_heading_marks_the_polish_name_inside_the_translated_phrase(client, polish_post):
    html = page(client, "/en/aktualnosci/kategoria/seniorzy/")
    assert re.search(r'<h1>[^<]*<span lang="pl">Seniorzy</span></h1>', html)


def test_neighbour_links_mark_polish_titles(client, polish_post):
    PostFactory(
        title_pl="Starszy wpis o czymś", published_at=polish_post.published_at.replace(year=2020)
    )
    html = page(client, "/en/aktualnosci/spotkanie-seniorow/")
    assert '<span lang="pl">Starszy wpis o czymś</span></a>' in html


def test_gallery_alt_and_caption_in_polish_are_marked(client, polish_post):
    PostImageFactory(post=polish_post, alt_pl="Seniorzy przy stole", caption_pl="Przy stole")
    html = page(client, "/en/aktualnosci/spotkanie-seniorow/")
    assert re.search(r'<img [^>]*alt="Seniorzy przy stole"[^>]* lang="pl">', html)
    assert '<figcaption lang="pl">Przy stole</figcaption>' in html


def test_programme_only_in_polish_is_marked_with_a_notice(client, db):
    ProgrammeFactory(title_pl="Program dla Mościc", slug_pl="program-dla-moscic")
    html = page(client, "/uk/osl/program-dla-moscic/")
    assert '<h1 lang="pl">Program dla Mościc</h1>' in html
    assert len(NOTICE.findall(html)) == 1
    listing = page(client, "/uk/osl/")
    assert 'lang="pl">Program dla Mościc</a>' in listing


@pytest.fixture
def unit_with_special_day(db):
    unit = UnitFactory(short_name="CUS", full_name_pl="Centrum Usług Społecznych w Tarnowie")
    for weekday in range(5):
        WeeklyHoursFactory(unit=unit, weekday=weekday)
    SpecialDayFactory(
        unit=unit, date_from=datetime.date(2026, 3, 11), reason_pl="Szkolenie pracowników"
    )
    return unit


@time_machine.travel(datetime.datetime(2026, 3, 11, 9, 0, tzinfo=WARSAW), tick=False)
def test_hours_mark_polish_unit_names_and_special_day_reasons(client, unit_with_special_day):
    html = page(client, "/en/godziny-otwarcia/")
    assert '<span lang="pl">Centrum Usług Społecznych w Tarnowie</span> (<abbr>CUS</abbr>)' in html
    assert '<span class="hours-changes__reason" lang="pl">Szkolenie pracowników</span>' in html
    assert '<span lang="pl">Szkolenie pracowników</span> – ' in html  # today's status
    home = page(client, "/uk/")
    assert '<span lang="pl">Centrum Usług Społecznych w Tarnowie</span> (<abbr>CUS</abbr>)</a>' in (
        home
    )


@time_machine.travel(datetime.datetime(2026, 3, 11, 9, 0, tzinfo=WARSAW), tick=False)
def test_translated_unit_name_and_reason_are_not_marked(client, unit_with_special_day):
    unit = unit_with_special_day
    unit.full_name_en = "Social Services Centre in Tarnów"
    unit.save()
    unit.special_days.update(reason_en="Staff training")
    html = page(client, "/en/godziny-otwarcia/")
    assert ">Social Services Centre in Tarnów (<abbr>CUS</abbr>)</h2>" in html
    assert '<span class="hours-changes__reason">Staff training</span>' in html
    assert '<span lang="pl">' not in html


@pytest.mark.parametrize("url", ["/en/tekst-latwy-do-czytania/", "/uk/polski-jezyk-migowy/"])
def test_text_page_only_in_polish_is_marked_with_a_notice(client, db, url):
    slug = url.split("/")[2]
    TextPageFactory(
        slug=slug, title_pl="Strona po polsku", lead_pl="Wstęp.", body_pl="<p>Tekst.</p>"
    )
    html = page(client, url)
    assert '<h1 lang="pl">Strona po polsku</h1>' in html
    assert '<p class="lead" lang="pl">Wstęp.</p>' in html
    assert '<div class="prose" lang="pl"><p>Tekst.</p></div>' in html
    assert len(NOTICE.findall(html)) == 1


def test_accessibility_statement_marks_polish_entries(client, db):
    NonAccessibleContentFactory(content_pl="Skany uchwał", reason_pl="Sprzed 2018 roku.")
    html = page(client, "/en/deklaracja-dostepnosci/")
    assert (
        '<strong lang="pl">Skany uchwał</strong> – <span lang="pl">Sprzed 2018 roku.</span>' in html
    )


def test_contact_marks_polish_labels(client, db):
    ContactDetailFactory(label_pl="Sekretariat", value="14 600 00 01")
    html = page(client, "/uk/kontakt/")
    assert '<span lang="pl">Sekretariat</span>: <a href="tel:+48146000001">' in html


def test_search_results_in_polish_are_marked(client, db):
    PostFactory(title_pl="Tężnia w parku", lead_pl="Tężnia jest otwarta.")
    PostFactory(
        title_pl="Tężnia nad stawem",
        lead_pl="Tężnia czeka.",
        title_en="Graduation tower tężnia by the pond",
        lead_en="The tężnia is waiting.",
    )
    html = page(client, "/en/szukaj/?q=tężnia")
    polish = re.search(r'<a href="[^"]+" lang="pl">(.*?)</a>', html)
    assert polish and "parku" in polish[1]
    assert re.search(r'<p class="search-result__snippet" lang="pl">.*otwarta', html)
    english = re.search(r'<a href="/en/aktualnosci/[^"]+">(.*?)</a>', html)
    assert english and "pond" in english[1]
    assert not re.search(r'lang="pl">[^<]*(<mark>[^<]*</mark>[^<]*)*is waiting', html)
    assert 'lang="pl"' not in page(client, "/szukaj/?q=tężnia").split("<main", 1)[1]
