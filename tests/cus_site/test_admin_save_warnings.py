"""A save that does not keep something as an editor typed it says so on the page it lands on:
what the sanitiser removed from a rich text (per field and language), an address numbered
because the title's own is taken. Harmless changes (whitespace, the order of attributes, the
rel the site adds to links, the editor's own table widths) say nothing."""

import re

import pytest
from django.utils.html import strip_tags

from cus_site.richtext import clean_for_storage, removed_in_words
from news.models import Post
from tests.factories import PostFactory
from tests.news.test_admin import post_form
from tests.pages.test_tree_admin import page_form

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/news/post/add/"
# What the prose editor itself sends for a table: column widths the sanitiser drops.
EDITORS_TABLE = (
    '<table style="min-width: 50px"><colgroup><col style="min-width: 25px">'
    '<col style="min-width: 25px"></colgroup><tbody><tr><th colspan="1" rowspan="1"><p>Dzień'
    '</p></th><td colspan="1" rowspan="1"><p>Godziny</p></td></tr></tbody></table>'
)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def warnings_on(response):
    html = response.content.decode()
    found = re.findall(r'<li class="warning">(.*?)</li>', html, re.S)
    return [re.sub(r"\s+", " ", strip_tags(warning)).strip() for warning in found]


def save(client, **fields):
    response = client.post(ADD_URL, post_form(**fields), follow=True)
    assert response.redirect_chain, "the form was shown again instead of saved"
    return response


def test_a_script_and_a_javascript_link_removed_from_the_body_are_named(editor_client):
    body = '<p>Zapraszamy.</p><script>alert(1)</script><p><a href="javascript:alert(1)">tu</a></p>'
    response = save(editor_client, body_pl=body)
    assert warnings_on(response) == [
        "Z pola „treść [pl]” usunięto elementy, których strona nie pokazuje: skrypt, "
        "link „javascript:”."
    ]
    assert "script" not in Post.objects.get().body_pl


def test_each_language_is_said_apart(editor_client):
    response = save(
        editor_client,
        title_en="Picnic",
        body_pl='<p style="color: red">Zapraszamy.</p>',
        body_en='<p onclick="alert(1)">Welcome.</p><iframe src="https://example.com"></iframe>',
    )
    assert warnings_on(response) == [
        "Z pola „treść [pl]” usunięto elementy, których strona nie pokazuje: wygląd ustawiony "
        "atrybutem „style”.",
        "Z pola „treść [en]” usunięto elementy, których strona nie pokazuje: skrypt w atrybucie "
        "„onclick”, osadzona strona.",
    ]


def test_a_page_of_the_tree_says_so_too(editor_client):
    body = '<p>Działy Centrum.</p><p><a href="data:text/html,x" onmouseover="x()">tu</a></p>'
    response = editor_client.post("/admin/pages/page/add/", page_form(body_pl=body), follow=True)
    assert warnings_on(response) == [
        "Z pola „treść [pl]” usunięto elementy, których strona nie pokazuje: link „data:”, "
        "skrypt w atrybucie „onmouseover”."
    ]


def test_harmless_changes_say_nothing(editor_client):
    body = (
        '<p>Zapraszamy   na <a title="Urząd" href="https://www.tarnow.pl">stronę</a>.</p>\n\n'
        f"{EDITORS_TABLE}"
    )
    response = save(editor_client, body_pl=body)
    assert warnings_on(response) == []
    assert 'rel="noopener"' not in Post.objects.get().body_pl  # stored as typed; added on output


def test_an_address_numbered_because_it_is_taken_is_said(editor_client):
    PostFactory(title_pl="Piknik w Łękawce", slug_pl="piknik-w-lekawce")
    response = save(editor_client, slug_pl="")
    assert warnings_on(response) == [
        "Adres zmieniono na „piknik-w-lekawce-2”, bo „piknik-w-lekawce” jest już zajęty."
    ]
    assert Post.objects.filter(slug="piknik-w-lekawce-2").exists()


def test_an_address_made_from_a_free_title_says_nothing(editor_client):
    response = save(editor_client, slug_pl="")
    assert warnings_on(response) == []
    assert Post.objects.get().slug == "piknik-w-lekawce"


def test_a_year_as_a_title_gets_a_word_and_says_so(editor_client):
    response = save(editor_client, title_pl="2024", slug_pl="")
    assert warnings_on(response) == ["Adres zmieniono na „2024-wpis”, bo „2024” jest już zajęty."]


@pytest.mark.parametrize(
    ("submitted", "removed"),
    [
        (
            '<p>A</p><img src="x.png" onerror="alert(1)">',
            ["obrazek", "skrypt w atrybucie „onerror”"],
        ),
        ('<p><a href=" JaVa\tScript:alert(1)">a</a></p>', ["link „javascript:”"]),
        ('<p><a href="data:text/html,x">a</a></p>', ["link „data:”"]),
        ("<div><font>A</font></div>", ["element „div”", "element „font”"]),
        ('<p><a href="mailto:cus@tarnow.pl">a</a> <a href="/kontakt/">b</a></p>', []),
        ("<p>A<!-- komentarz --></p>", []),
        (EDITORS_TABLE, []),
    ],
)
def test_what_the_sanitiser_removed_in_words(submitted, removed):
    assert removed_in_words(submitted, clean_for_storage(submitted)) == removed
