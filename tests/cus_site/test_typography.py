"""Polish typography on output: one-letter words and units keep to the next word."""

import pytest

from cus_site.typography import typeset, typeset_html
from tests.factories import PostFactory

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Centrum Usług Społecznych w Tarnowie", "Centrum Usług Społecznych w\u00a0Tarnowie"),
        ("a w domu i u nas z kotem", "a\u00a0w\u00a0domu i\u00a0u\u00a0nas z\u00a0kotem"),
        ("W sobotę o 10:00", "W\u00a0sobotę o\u00a010:00"),
        ("(i dalej) „z ogrodu”", "(i\u00a0dalej) „z\u00a0ogrodu”"),
        ("12 września 2023 r.", "12\u00a0września 2023\u00a0r."),
        ("plik 20 MB, 700 zł, 15 %", "plik 20\u00a0MB, 700\u00a0zł, 15\u00a0%"),
        ("art. 6 ust. 1 pkt 3", "art.\u00a06 ust.\u00a01 pkt\u00a03"),
        # Not one-letter words, not units: left alone.
        ("aw domu, 20 minut, 2023 roku", "aw domu, 20 minut, 2023 roku"),
        ("koniec zdania w", "koniec zdania w"),
    ],
)
def test_spaces_polish_typography_binds_become_non_breaking(text, expected):
    assert typeset(text) == expected


def test_plain_text_is_escaped_first():
    assert typeset('<b>x</b> a & "z"') == "&lt;b&gt;x&lt;/b&gt; a\u00a0&amp; &quot;z&quot;"


def test_in_html_only_text_between_tags_changes():
    html = '<p class="a i">a w domu <a href="/a w/" title="i z">i</a> z</p>'
    assert typeset_html(html) == (
        '<p class="a i">a\u00a0w\u00a0domu <a href="/a w/" title="i z">i</a> z</p>'
    )


def test_titles_leads_and_bodies_are_set_on_the_page(client, db):
    post = PostFactory(
        title_pl="Spotkanie w Tarnowie",
        lead_pl="Seniorzy i młodzież z Tarnowa",
        body_pl="<p>Rozmowa o zdrowiu w klubie</p>",
    )
    page = client.get(post.get_absolute_url()).content.decode()
    assert f">Spotkanie w{NBSP}Tarnowie</h1>" in page
    assert f"Seniorzy i{NBSP}młodzież z{NBSP}Tarnowa" in page
    assert f"<p>Rozmowa o{NBSP}zdrowiu w{NBSP}klubie</p>" in page
    assert post.title_pl == "Spotkanie w Tarnowie", "what the editor typed is kept"
    listing = client.get("/aktualnosci/").content.decode()
    assert f">Spotkanie w{NBSP}Tarnowie</a>" in listing
    assert f"Usług Społecznych w{NBSP}Tarnowie</span>" in listing, "the header's name too"
