"""Larger text and high contrast, switched by plain links and kept in one functional cookie."""

import re

import pytest
from django.urls import reverse

from pages.reader import COOKIE_NAME

OPTIONS = "/wyglad/"


def html_tag(client, path="/"):
    response = client.get(path)
    return re.search(r"<html[^>]*>", response.content.decode())[0]


def test_larger_text_link_sets_the_cookie_and_returns_to_the_page(client, db):
    response = client.get(OPTIONS, {"tekst": "duzy", "next": "/kontakt/"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/kontakt/"
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == "duzy.zwykly"
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"]
    assert cookie["max-age"] == 365 * 24 * 60 * 60


def test_chosen_options_become_classes_on_the_html_element(client, db):
    client.get(OPTIONS, {"tekst": "bardzo-duzy", "next": "/"})
    client.get(OPTIONS, {"kontrast": "wysoki", "next": "/"})
    tag = html_tag(client)
    assert 'class="text-larger contrast-high"' in tag
    assert 'lang="pl"' in tag


def test_without_the_cookie_the_html_element_has_no_reader_class(client, db):
    assert "class=" not in html_tag(client)


def test_going_back_to_normal_removes_the_cookie(client, db):
    client.get(OPTIONS, {"kontrast": "wysoki", "next": "/"})
    response = client.get(OPTIONS, {"kontrast": "zwykly", "next": "/"})
    assert response.cookies[COOKIE_NAME].value == ""
    assert response.cookies[COOKIE_NAME]["max-age"] == 0
    assert "class=" not in html_tag(client)


def test_unknown_option_words_and_a_forged_cookie_are_ignored(client, db):
    client.cookies[COOKIE_NAME] = "ogromny.<script>"
    assert "class=" not in html_tag(client)
    response = client.get(OPTIONS, {"tekst": "ogromny", "next": "/"})
    assert response.status_code == 302
    assert COOKIE_NAME not in response.cookies or response.cookies[COOKIE_NAME].value == ""


def test_return_address_on_another_site_is_replaced_by_the_home_page(client, db):
    response = client.get(OPTIONS, {"tekst": "duzy", "next": "https://example.org/"})
    assert response.headers["Location"] == "/"
    response = client.get(OPTIONS, {"tekst": "duzy", "next": "//example.org/"})
    assert response.headers["Location"] == "/"


def test_options_are_plain_links_in_the_header_that_need_no_javascript(client, db):
    page = client.get(reverse("pages:contact")).content.decode()
    header = re.search(r"<header.*?</header>", page, re.S)[0]
    assert 'href="/wyglad/?tekst=duzy&amp;next=/kontakt/"' in header
    assert 'href="/wyglad/?tekst=bardzo-duzy&amp;next=/kontakt/"' in header
    assert 'href="/wyglad/?kontrast=wysoki&amp;next=/kontakt/"' in header
    assert not re.search(r"<script(?![^>]*application/ld\+json)", page)


def test_the_current_choice_is_marked_and_not_a_link(client, db):
    client.get(OPTIONS, {"tekst": "duzy", "next": "/"})
    header = re.search(r"<header.*?</header>", client.get("/").content.decode(), re.S)[0]
    assert re.search(r'<strong[^>]*aria-current="true">.*?większy</strong>', header)
    assert "?tekst=duzy&amp;" not in header
    assert "?tekst=zwykly&amp;" in header


def test_return_address_keeps_the_query_string_the_page_reads(client, db):
    # Parameters the view does not read are dropped (cus_site/cache.py): the page is the same.
    page = client.get("/szukaj/?q=senior&utm_source=x").content.decode()
    assert "next=/szukaj/%3Fq%3Dsenior" in page
    assert "utm_source" not in page


def test_html_pages_tell_caches_they_vary_by_cookie_and_robots_txt_does_not(client, db):
    assert "Cookie" in client.get("/").headers["Vary"]
    assert "Cookie" not in client.get("/robots.txt").headers.get("Vary", "")


def test_public_pages_set_no_cookie_of_their_own(client, db):
    for path in ("/", "/kontakt/", "/en/"):
        assert not client.get(path).cookies


@pytest.mark.parametrize(
    "target",
    [
        "home",
        "pages:home",
        "kontakt",
        "javascript:alert(1)",
        "/\\example.org/",
        "\\\\example.org",
        "/kontakt/\r\nSet-Cookie: x=1",
        "/\x00",
        "https:example.org",
        "",
    ],
)
def test_return_address_that_is_not_a_local_path_goes_home_and_never_fails(client, db, target):
    response = client.get(OPTIONS, {"tekst": "duzy", "next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_local_return_address_keeps_its_query_and_language_prefix(client, db):
    response = client.get(OPTIONS, {"kontrast": "wysoki", "next": "/en/szukaj/?q=senior"})
    assert response.headers["Location"] == "/en/szukaj/?q=senior"
    response = client.get(OPTIONS, {"tekst": "duzy", "next": "/" + "a" * 5000})
    assert response.status_code == 302
