import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pages import demo
from pages.models import TextPage
from tests.factories import SiteSettingsFactory, TextPageFactory
from tests.reading import as_read

MP4_START = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:04.000\nDzień dobry.\n".encode()


def page_at(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    return as_read(response.content.decode())


def main_of(page):
    return re.search(r"<main.*</main>", page, re.S)[0]


def test_easy_to_read_page_shows_the_editors_text(client, db):
    TextPageFactory(slug=TextPage.Slug.EASY_READ, body_pl="<h2>Kim jesteśmy</h2><p>Pomagamy.</p>")
    main = main_of(page_at(client, "pages:easy-read"))
    assert "<h1>Tekst łatwy do czytania</h1>" in main
    assert "<h2>Kim jesteśmy</h2><p>Pomagamy.</p>" in main


def test_editors_html_is_sanitised_on_the_page(client, db):
    page = TextPageFactory(slug=TextPage.Slug.EASY_READ)
    TextPage.objects.filter(pk=page.pk).update(body_pl='<p onclick="x()">A</p><script>x()</script>')
    main = main_of(page_at(client, "pages:easy-read"))
    assert "onclick" not in main
    assert "<script" not in main


def test_unpublished_page_is_a_404(client, db):
    TextPageFactory(slug=TextPage.Slug.EASY_READ, is_published=False)
    assert client.get(reverse("pages:easy-read")).status_code == 404


def test_missing_page_is_a_404(client, db):
    assert client.get(reverse("pages:sign-language")).status_code == 404


def test_header_links_to_easy_to_read_and_sign_language_pages(client, db):
    header = re.search(r"<header.*?</header>", page_at(client, "pages:home"), re.S)[0]
    assert 'href="/tekst-latwy-do-czytania/"' in header
    assert 'href="/polski-jezyk-migowy/"' in header


def test_uploaded_sign_language_video_plays_with_polish_captions(client, db):
    TextPageFactory(
        slug=TextPage.Slug.SIGN_LANGUAGE,
        title_pl="Polski język migowy",
        video=SimpleUploadedFile("informacja.mp4", MP4_START),
        captions=SimpleUploadedFile("informacja.vtt", CAPTIONS),
    )
    main = main_of(page_at(client, "pages:sign-language"))
    video = re.search(r"<video controls[^>]*>.*?</video>", main, re.S)[0]
    assert re.search(
        r'<source src="/media/public/nagrania/informacja-[0-9a-f]{24}\.mp4" type="video/mp4">',
        video,
    )
    assert re.search(
        r'<track kind="captions" srclang="pl" label="Polski" '
        r'src="/media/public/nagrania/[^"]+\.vtt" default>',
        video,
    )


def test_uploaded_video_and_captions_are_served(client, db):
    page = TextPageFactory(
        slug=TextPage.Slug.SIGN_LANGUAGE,
        video=SimpleUploadedFile("informacja.mp4", MP4_START),
        captions=SimpleUploadedFile("informacja.vtt", CAPTIONS),
    )
    assert client.get(page.captions.url).status_code == 200
    assert client.get(page.video.url).status_code == 200


def test_linked_video_is_a_link_and_nothing_is_loaded_from_the_other_site(client, db):
    TextPageFactory(
        slug=TextPage.Slug.SIGN_LANGUAGE, video_url="https://wideo.example.org/film/123"
    )
    main = main_of(page_at(client, "pages:sign-language"))
    assert (
        '<a href="https://wideo.example.org/film/123" rel="noopener">Obejrzyj nagranie</a>' in main
    )
    assert "wideo.example.org)" in main
    assert "<iframe" not in main
    assert "<video" not in main


def test_sign_language_page_without_a_video_says_so(client, db):
    TextPageFactory(slug=TextPage.Slug.SIGN_LANGUAGE)
    main = main_of(page_at(client, "pages:sign-language"))
    assert "nie zostało jeszcze opublikowane" in main
    assert "<video" not in main


@pytest.fixture
def privacy_page(db):
    demo.load_text_pages()


def test_privacy_page_has_every_part_of_the_rodo_clause(client, privacy_page):
    SiteSettingsFactory()
    main = main_of(page_at(client, "pages:privacy"))
    for heading in (
        "Administrator danych",
        "Inspektor ochrony danych",
        "Cele i podstawy prawne przetwarzania",
        "Odbiorcy danych",
        "Jak długo przechowujemy dane",
        "Twoje prawa",
        "Skarga do Prezesa Urzędu Ochrony Danych Osobowych",
        "Pliki cookie w tym serwisie",
    ):
        assert re.search(rf"<h2[^>]*>{heading}</h2>", main), heading
    assert (
        "Administratorem Twoich danych osobowych jest Centrum Usług Społecznych w Tarnowie." in main
    )
    assert "Inspektorem ochrony danych jest Anna Przykładowa." in main
    assert 'href="mailto:iod@example.org"' in main


def test_privacy_page_without_a_named_officer_gives_the_postal_route_only(client, privacy_page):
    main = main_of(page_at(client, "pages:privacy"))
    assert "Inspektorem ochrony danych jest" not in main
    assert "Inspektor ochrony danych”" in main
    assert "mailto:" not in main


def test_text_pages_cost_one_query_beyond_the_layout(client, privacy_page):
    # The layout's centre details, menu, footer and notices are worked out once per change
    # (cus_site/cache.py); per request only the page itself is read.
    for name in ("pages:easy-read", "pages:sign-language", "pages:privacy"):
        page_at(client, name)
        with CaptureQueriesContext(connection) as text_page:
            page_at(client, name)
        tables = [query["sql"].split('"')[1] for query in text_page.captured_queries]
        assert tables == ["pages_textpage"], name
