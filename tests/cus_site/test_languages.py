import re

import pytest
from django.urls import reverse
from django.utils import translation


@pytest.mark.parametrize(("prefix", "lang"), [("", "pl"), ("/en", "en"), ("/uk", "uk")])
def test_home_is_served_in_each_language_with_its_lang(client, db, prefix, lang):
    response = client.get(prefix + "/")
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.content.decode()


def test_every_page_links_its_other_languages_and_x_default(client, db, settings):
    settings.SITE_URL = "https://cus.example"
    page = client.get("/en/").content.decode()
    assert '<link rel="alternate" hreflang="pl" href="https://cus.example/">' in page
    assert '<link rel="alternate" hreflang="en" href="https://cus.example/en/">' in page
    assert '<link rel="alternate" hreflang="uk" href="https://cus.example/uk/">' in page
    assert '<link rel="alternate" hreflang="x-default" href="https://cus.example/">' in page


def test_language_switcher_is_plain_links_to_the_same_page(client, db):
    page = client.get("/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S)[0]
    assert 'href="/en/"' in switcher
    assert 'href="/uk/"' in switcher
    assert 'lang="uk"' in switcher
    assert 'aria-current="true" lang="pl"><span aria-hidden="true">PL</span>' in switcher
    assert '<span class="visually-hidden">Polski</span>' in switcher


def test_unknown_path_in_another_language_is_a_404_in_that_language(client, db):
    response = client.get("/uk/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert '<html lang="uk"' in response.content.decode()


def test_default_language_has_no_prefix():
    with translation.override("pl"):
        assert reverse("pages:home") == "/"
    with translation.override("en"):
        assert reverse("pages:home") == "/en/"
