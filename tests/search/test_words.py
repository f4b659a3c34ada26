"""The query side without the database: folding, terms, the tsquery text, highlighting."""

import pytest

from search import words


def test_fold_drops_case_and_polish_letters():
    assert words.fold("Dzień Tężni ŁÓDŹ żółć") == "dzien tezni lodz zolc"


def test_fold_keeps_cyrillic_letters():
    assert words.fold("Зустріч") == "зустріч"


@pytest.mark.parametrize(
    ("query", "prefix"),
    [
        ("seniorów", "senior"),
        ("seniorami", "senior"),
        ("seniorzy", "senior"),
        ("Seniorami", "senior"),
        ("tężnia", "teznia"),
        ("tezni", "tezn"),
        ("warsztaty", "warsztat"),
        ("rodzicielstwa", "rodzicielstw"),
    ],
)
def test_inflected_forms_share_a_prefix(query, prefix):
    assert words.query_terms(query)[0].prefix == prefix


def test_a_stem_that_would_leave_a_short_prefix_is_not_cut():
    # Stempel gives "rody" for "rodo": "rod:*" would find "rodzina".
    assert words.query_terms("RODO")[0].prefix == "rodo"


def test_clean_query_removes_control_characters_and_cuts_length():
    assert words.clean_query("senior\x00zy\x07 \u200b klub\r\n") == "senior zy klub"
    assert len(words.clean_query("a" * 10_000)) == words.MAX_QUERY_LENGTH


def test_terms_skip_single_letters_and_signs():
    assert words.query_terms("a & | !( \\ % _ ' \"") == []


def test_terms_are_capped():
    query = " ".join(f"slowo{number}" for number in range(50))
    assert len(words.query_terms(query)) == words.MAX_TERMS


@pytest.mark.parametrize(
    "query", ["senior:* | !klub", "a & | !(", "'x' <-> y", "x\\'y", "żółw:A&b", "½ ² ﬁlm"]
)
def test_tsquery_text_has_only_letters_digits_and_operators(query):
    text = words.tsquery(words.query_terms(query))
    assert set(text) <= set("abcdefghijklmnopqrstuvwxyz0123456789()|&:* ")


def test_highlight_escapes_the_text_and_marks_the_words():
    terms = words.query_terms("senior")
    html = words.highlight('<b>Seniorzy</b> & "Klub Seniora"', terms)
    assert html == (
        "&lt;b&gt;<mark>Seniorzy</mark>&lt;/b&gt; &amp; &quot;Klub <mark>Seniora</mark>&quot;"
    )


def test_snippet_is_cut_around_the_first_match():
    before = " ".join(f"słowo{number}" for number in range(100))
    text = f"{before} tężnia solankowa {'koniec ' * 60}"
    snippet = words.snippet(text, words.query_terms("tezni"))
    assert snippet.startswith("… słowo88")
    assert "<mark>tężnia</mark> solankowa" in snippet
    assert snippet.endswith(" …")


def test_a_term_known_to_the_site_is_not_corrected():
    term = words.query_terms("seniorzy")[0]
    assert term.corrected([("seniorzy", 1.0), ("senatorzy", 0.46)]) is term


def test_an_unknown_term_takes_the_nearest_words_as_alternatives():
    term = words.query_terms("senjorzy")[0].corrected(
        [("seniorzy", 0.5), ("senatorzy", 0.46), ("sejm", 0.2)]
    )
    assert term.nearest == ("seniorzy", "senatorzy")
    assert term.tsquery() == "(senjor:* | seniorzy | senatorzy)"
    assert term.matches("seniorzy")
