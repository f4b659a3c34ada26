"""/szukaj/ as a resident uses it: Polish words in any form, ranked, safe with any input."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PostFactory, ProgrammeFactory, TextPageFactory

WARSAW = ZoneInfo("Europe/Warsaw")
SENIORS_MEETING = "Spotkanie przedstawicieli Młodzieżowej Rady Miejskiej w Tarnowie z Seniorami"
SENIORS_CLUB = "Profilaktyka zdrowotna w Klubie Seniora"
PARENTHOOD = "Dzień Rodzicielstwa Zastępczego 2023"
GRADUATION_TOWER = (
    "Otwarcie tężni solankowej przy Warsztatach Terapii Zajęciowej przy SOSW w Tarnowie"
)
ART_WORKSHOP = "Warsztaty plastyczne pn. „Rączka do rączki”"
RESULT_TITLE = re.compile(r'<h2 class="search-result__title"><a href="[^"]*"[^>]*>(.*?)</a></h2>')


def result_titles(response):
    """The results' titles in order, as text (highlighting taken out)."""
    html = response.content.decode()
    return [re.sub(r"</?mark>", "", title) for title in RESULT_TITLE.findall(html)]


def search(client, query, prefix=""):
    response = client.get(f"{prefix}/szukaj/", {"q": query})
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("query", ["seniorów", "seniorami", "seniorzy"])
def test_any_form_of_senior_finds_both_senior_posts(client, demo, query):
    found = result_titles(search(client, query))
    assert SENIORS_MEETING in found
    assert SENIORS_CLUB in found


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("dzien rodzicielstwa", PARENTHOOD),
        ("tężnia", GRADUATION_TOWER),
        ("tezni", GRADUATION_TOWER),
    ],
)
def test_words_without_polish_letters_or_in_another_case_find_their_post(
    client, demo, query, title
):
    assert title in result_titles(search(client, query))


def test_art_workshop_ranks_first_for_its_title_words(client, demo):
    found = result_titles(search(client, "warsztaty plastyczne"))
    assert found[0] == ART_WORKSHOP


def test_a_typo_finds_the_word_meant_and_says_so(client, demo):
    response = search(client, "senjorzy")
    assert "PISANKOWY DESANT" in result_titles(response)
    html = response.content.decode()
    assert "szukamy też słów: seniorzy." in html
    assert "<mark>Seniorzy</mark> należący" in html


def test_result_shows_kind_polish_date_and_marked_title(client, demo):
    html = search(client, "tezni").content.decode()
    assert '<span class="search-result__kind">Aktualność</span>' in html
    assert '<time datetime="2023-07-12">12 lipca 2023</time>' in html
    assert "Otwarcie <mark>tężni</mark> solankowej" in html
    assert "otwarta <mark>tężnia</mark> solankowa" in html


def test_text_pages_are_found_as_strona(client, demo):
    html = search(client, "dane osobowe").content.decode()
    assert '<span class="search-result__kind">Strona</span>' in html
    assert "Ochrona danych osobowych" in result_titles(search(client, "dane osobowe"))


def test_osl_programmes_are_found_as_program_osl(client, db):
    ProgrammeFactory(title_pl="Aktywni seniorzy z Mościc", updated_on=datetime.date(2025, 3, 7))
    ProgrammeFactory(title_pl="Seniorzy w szkicu", is_published=False)
    response = search(client, "seniorów")
    assert result_titles(response) == ["Aktywni seniorzy z Mościc"]
    html = response.content.decode()
    assert '<span class="search-result__kind">Program OSL</span>' in html
    assert '<time datetime="2025-03-07">7 marca 2025</time>' in html


def test_demo_programme_is_found(client, demo):
    html = search(client, "organizowanie społeczności").content.decode()
    assert '<span class="search-result__kind">Program OSL</span>' in html


def test_unpublished_text_page_is_not_found(client, db):
    TextPageFactory(title_pl="Tekst łatwy do czytania", is_published=False)
    assert result_titles(search(client, "czytania")) == []


def test_draft_post_is_not_found(client, db):
    PostFactory(title_pl="Tężnia w parku", status="draft")
    assert result_titles(search(client, "tężnia")) == []


def test_scheduled_post_is_found_from_the_minute_it_is_due(client, db):
    due = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=WARSAW)
    with time_machine.travel(due - datetime.timedelta(days=1), tick=False):
        PostFactory(title_pl="Tężnia w parku", published_at=due)
        assert result_titles(search(client, "tężnia")) == []
    with time_machine.travel(due - datetime.timedelta(seconds=1), tick=False):
        assert result_titles(search(client, "tężnia")) == []
    with time_machine.travel(due, tick=False):
        assert result_titles(search(client, "tężnia")) == ["Tężnia w parku"]


def test_english_pages_search_the_english_text(client, db):
    PostFactory(title_pl="Warsztaty dla seniorów", title_en="Workshop for seniors")
    assert result_titles(search(client, "workshop", prefix="/en")) == ["Workshop for seniors"]
    assert result_titles(search(client, "workshop")) == []


def test_untranslated_content_is_found_in_polish_from_other_languages(client, demo):
    for prefix in ("/en", "/uk"):
        response = search(client, "tezni", prefix=prefix)
        assert GRADUATION_TOWER in result_titles(response)
        assert f'href="{prefix}/aktualnosci/otwarcie-tezni-' in response.content.decode()


def test_ukrainian_pages_search_the_ukrainian_text(client, db):
    PostFactory(title_pl="Spotkanie z seniorami", title_uk="Зустріч із сеньйорами")
    found = result_titles(search(client, "зустрічі", prefix="/uk"))
    assert found == ["Зустріч із сеньйорами"]


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "Znaleziono 1 wynik dla „tężnia”."),
        (2, "Znaleziono 2 wyniki dla „tężnia”."),
        (5, "Znaleziono 5 wyników dla „tężnia”."),
        (12, "Znaleziono 12 wyników dla „tężnia”."),
        (22, "Znaleziono 22 wyniki dla „tężnia”."),
    ],
)
def test_result_count_in_polish_plural(client, db, count, text):
    PostFactory.create_batch(count, title_pl="Tężnia w parku")
    assert text in search(client, "tężnia").content.decode()


def test_nothing_found_says_so_with_advice(client, demo):
    html = search(client, "hipopotam").content.decode()
    assert "Znaleziono 0 wyników dla „hipopotam”." in html
    assert "Sprawdź pisownię" in html
    assert "search-results" not in html


def test_results_are_paginated_ten_a_page_and_keep_the_query(client, db):
    PostFactory.create_batch(25, title_pl="Tężnia w parku")
    first = search(client, "tężnia")
    assert len(result_titles(first)) == 10
    assert "{#" not in first.content.decode()
    assert 'href="?q=t%C4%99%C5%BCnia&amp;page=2"' in first.content.decode()
    last = client.get("/szukaj/", {"q": "tężnia", "page": 3})
    assert len(result_titles(last)) == 5
    assert 'href="/szukaj/?q=t%C4%99%C5%BCnia"' in last.content.decode()
    assert '<ol class="search-results" start="21">' in last.content.decode()


@pytest.mark.parametrize("page", ["4", "0", "abc", "-1"])
def test_page_beyond_the_results_is_404(client, db, page):
    PostFactory.create_batch(25, title_pl="Tężnia w parku")
    assert client.get("/szukaj/", {"q": "tężnia", "page": page}).status_code == 404


def test_page_is_not_indexed_and_titled_with_the_query(client, demo):
    html = search(client, "seniorzy").content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "<title>Wyniki wyszukiwania: seniorzy – " in html


@pytest.mark.parametrize("query", ["", "   ", "\x00"])
def test_empty_query_shows_the_form_and_a_hint(client, demo, query):
    html = search(client, query).content.decode()
    assert '<label class="search-form__label" for="szukaj">Szukaj w serwisie</label>' in html
    assert "Wpisz jedno lub kilka słów" in html
    assert "Znaleziono" not in html


def test_no_query_at_all_shows_the_form(client, db):
    html = client.get("/szukaj/").content.decode()
    assert "<title>Wyszukiwarka – " in html
    assert "Wpisz jedno lub kilka słów" in html


@pytest.mark.parametrize("query", ["a", "ż", "a & | !(", "%", "_", '"', "\\", "' ' '"])
def test_query_without_a_real_word_asks_for_two_characters(client, demo, query):
    html = search(client, query).content.decode()
    assert "Wpisz co najmniej 2 znaki" in html
    assert "<title>Błąd: Wyszukiwarka – " in html
    assert 'aria-invalid="true"' in html
    assert "Znaleziono" not in html


@pytest.mark.parametrize(
    "query",
    [
        "tężnia & | !(",
        "senior:* | !klub",
        "'seniorzy'",
        '"seniorzy"',
        "seniorzy\\",
        "\\'; DROP TABLE search_searchentry; --",
        "100%",
        "senior_zy",
        "seni\x00orzy",
        "seniorzy\x01\x02\x1b[31m\x7f\u200e",
        "<script>alert(1)</script> seniorzy",
        "senior <-> klub",
        "(((seniorzy",
    ],
)
def test_query_syntax_and_control_characters_are_only_words(client, demo, query):
    response = search(client, query)
    html = response.content.decode()
    assert "Znaleziono" in html
    assert "\x00" not in html
    assert "<script>alert" not in html


def test_very_long_query_is_cut(client, demo):
    html = search(client, "seniorzy " + "x" * 10_000).content.decode()
    value = re.search(r'id="szukaj" name="q" value="([^"]*)"', html)[1]
    assert len(value) == 200
    assert "Znaleziono" in html


def test_very_many_words_are_capped(client, demo):
    query = "seniorzy " + " ".join(f"klub{number}" for number in range(1000))
    html = search(client, query).content.decode()
    assert "Znaleziono" in html


def test_header_has_a_labelled_search_box_on_other_pages(client, db):
    html = client.get("/aktualnosci/").content.decode()
    assert '<form class="search-form" action="/szukaj/" method="get" role="search">' in html
    assert '<label class="search-form__label" for="szukaj-w-serwisie">' in html


def queries_of(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_results(client, db, django_assert_max_num_queries):
    PostFactory.create_batch(2, title_pl="Tężnia w parku")
    TextPageFactory(title_pl="Tężnia")
    few = queries_of(client, "/szukaj/?q=tężnia")
    PostFactory.create_batch(40, title_pl="Tężnia w parku", body_pl="<p>Tężnia i senior.</p>")
    ProgrammeFactory.create_batch(5, title_pl="Tężnia na osiedlu")
    assert queries_of(client, "/szukaj/?q=tężnia") == few
    with django_assert_max_num_queries(few):
        client.get("/szukaj/?q=tężnia&page=3")
