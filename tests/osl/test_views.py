"""What a resident sees on /osl/ and on a programme's page."""

import datetime
import re

import pytest

from tests.factories import (
    CategoryFactory,
    CommunityFactory,
    DocumentFactory,
    GoalFactory,
    MeetingPlaceFactory,
    PartnerFactory,
    PostFactory,
    ProgrammeFactory,
    SourceFactory,
)
from tests.reading import as_read

pytestmark = pytest.mark.django_db

HEADINGS = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S)


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return as_read(response.content.decode())


def headings(html):
    return [
        (int(level), re.sub(r"<[^>]+>", "", text).strip()) for level, text in HEADINGS.findall(html)
    ]


def main(html):
    return html.split('<main id="tresc"', 1)[1].split("</main>", 1)[0]


def test_index_shows_the_introduction_and_published_programmes_in_order(client):
    from osl.models import Introduction

    Introduction.objects.create(body_pl="<p>OSL to praca ze społecznością.</p>")
    ProgrammeFactory(title_pl="Seniorzy z Gumnisk", lead_pl="Dla seniorów.", order=2)
    ProgrammeFactory(title_pl="Osiedle Westerplatte", lead_pl="Dla sąsiadów.", order=1)
    ProgrammeFactory(title_pl="Program w przygotowaniu", is_published=False)
    html = main(page(client, "/osl/"))
    assert "OSL to praca ze społecznością." in html
    assert html.index("Osiedle Westerplatte") < html.index("Seniorzy z Gumnisk")
    assert "Dla seniorów." in html and "Dla sąsiadów." in html
    assert "Program w przygotowaniu" not in html
    assert [level for level, _text in headings(html)] == [1, 2, 3, 3]


def test_index_links_each_programme_and_shows_its_cover(client):
    programme = ProgrammeFactory(slug_pl="seniorzy", with_cover=True)
    html = page(client, "/osl/")
    assert 'href="/osl/seniorzy/"' in html
    assert f'alt="{programme.cover_alt_pl}"' in html
    assert "<picture>" in html


def test_index_without_programmes_says_so(client):
    assert "Nie ma jeszcze opublikowanych programów." in page(client, "/osl/")


def test_main_menu_links_the_osl_page(client):
    assert '<a href="/osl/">Organizowanie społeczności lokalnej</a>' in page(client, "/")


def full_programme():
    programme = ProgrammeFactory(
        title_pl="Seniorzy z Gumnisk",
        slug_pl="seniorzy-z-gumnisk",
        lead_pl="Spotkania seniorów z osiedla Gumniska.",
        body_pl="<p>Wstęp programu.</p>",
        updated_on=datetime.date(2025, 3, 7),
        plan_from=datetime.date(2025, 1, 1),
        plan_to=datetime.date(2026, 12, 31),
        organiser_name="Anna Nowak",
        organiser_role_pl="organizatorka społeczności lokalnej",
        organiser_phone="14 688 26 30",
        organiser_email="osl@example.org",
    )
    CommunityFactory(
        programme=programme, name_pl="Seniorzy z Gumnisk", kind="kategorialna", description_pl=""
    )
    GoalFactory(programme=programme, text_pl="Drugi cel", order=2)
    GoalFactory(programme=programme, text_pl="Pierwszy cel", order=1)
    PartnerFactory(programme=programme, name_pl="Klub Senior+", url="https://example.org/klub")
    PartnerFactory(programme=programme, name_pl="Rada Osiedla")
    MeetingPlaceFactory(programme=programme)
    DocumentFactory(programme=programme, title_pl="Plan OSL na 2025 r.", size=1_258_291)
    return programme


def test_programme_page_shows_every_part(client):
    full_programme()
    html = main(page(client, "/osl/seniorzy-z-gumnisk/"))
    assert headings(html) == [
        (1, "Seniorzy z Gumnisk"),
        (2, "Cele"),
        (2, "Dla kogo jest program"),
        (2, "Gdzie i kiedy się spotykamy"),
        (2, "Partnerzy"),
        (2, "Dokumenty"),
        (2, "Kontakt z organizatorem"),
    ]
    assert "Wstęp programu." in html
    assert 'Aktualizacja: <time datetime="2025-03-07">7 marca 2025</time>' in html
    assert (
        'Okres planu: <time datetime="2025-01-01">1 stycznia 2025</time> – '
        '<time datetime="2026-12-31">31 grudnia 2026</time>'
    ) in html
    assert html.index("Pierwszy cel") < html.index("Drugi cel")
    assert "(społeczność kategorialna)" in html
    assert "Klub Senior+, ul. Gumniska 25</span> – <span>czwartki 15:30–17:00" in html
    assert '<a href="https://example.org/klub" rel="noopener">Klub Senior+</a>' in html
    assert "<li>Rada Osiedla</li>" in html
    assert "Anna Nowak" in html and "organizatorka społeczności lokalnej" in html
    assert '<a href="tel:+48146882630">14 688 26 30</a>' in html
    assert '<a href="mailto:osl@example.org">osl@example.org</a>' in html


def test_documents_show_their_type_and_size_with_a_decimal_comma(client):
    full_programme()
    html = page(client, "/osl/seniorzy-z-gumnisk/")
    link = re.search(
        r'<a href="(/media/public/osl/dokumenty/[^"]+\.pdf)" type="application/pdf">', html
    )
    assert link
    # Django's filesizeformat keeps the number and its unit together with a no-break space.
    size = '<span class="programme__file-info">(PDF, 1,2 MB)</span>'
    assert f"Plan OSL na 2025 r.</a> {size}" in html
    assert client.get(link[1]).status_code == 200


def test_lead_is_the_pages_description_and_open_graph_text(client):
    ProgrammeFactory(slug_pl="seniorzy", title_pl="Seniorzy", lead_pl="Spotkania seniorów.")
    html = page(client, "/osl/seniorzy/")
    assert '<meta name="description" content="Spotkania seniorów.">' in html
    assert '<meta property="og:title" content="Seniorzy">' in html
    assert '<meta property="og:url" content="http' in html
    assert '<link rel="canonical" href="http' in html


def test_cover_is_the_open_graph_image(client):
    ProgrammeFactory(slug_pl="seniorzy", with_cover=True)
    html = page(client, "/osl/seniorzy/")
    assert re.search(r'<meta property="og:image" content="http[^"]+\.jpg">', html)


def test_empty_parts_have_no_heading(client):
    ProgrammeFactory(slug_pl="pusty", title_pl="Pusty program", body_pl="")
    html = main(page(client, "/osl/pusty/"))
    assert headings(html) == [(1, "Pusty program")]
    for text in ("Okres planu", 'class="prose"', "<ol", "<ul", "Przypisy", "Kontakt"):
        assert text not in html


def test_unpublished_and_unknown_programmes_are_not_found(client):
    ProgrammeFactory(slug_pl="szkic", is_published=False)
    page(client, "/osl/szkic/", status=404)
    page(client, "/osl/nie-ma-takiego/", status=404)


def test_programme_is_found_by_its_polish_slug_on_english_pages(client):
    ProgrammeFactory(slug_pl="seniorzy", title_pl="Seniorzy", title_en="Seniors", slug_en="seniors")
    assert "<h1>Seniors</h1>" in page(client, "/en/osl/seniors/")
    assert "<h1>Seniors</h1>" in page(client, "/en/osl/seniorzy/")


def test_untranslated_title_is_marked_polish_on_english_pages(client):
    ProgrammeFactory(slug_pl="seniorzy", title_pl="Seniorzy")
    assert '<h1 lang="pl">Seniorzy</h1>' in page(client, "/en/osl/seniorzy/")


def test_body_is_sanitised(client):
    ProgrammeFactory(
        slug_pl="seniorzy",
        body_pl='<p onclick="alert(1)">Tekst<script>alert(2)</script></p>',
    )
    html = main(page(client, "/osl/seniorzy/"))
    assert "Tekst" in html
    assert "alert" not in html and "onclick" not in html


# Footnotes


def test_footnote_marker_and_note_link_to_each_other(client):
    programme = ProgrammeFactory(
        slug_pl="seniorzy", body_pl="<p>Cytat z planu.[1] Drugie źródło.[2]</p>"
    )
    SourceFactory(programme=programme, text_pl="Pierwsze źródło; Warszawa 2014", order=1)
    SourceFactory(programme=programme, text_pl="Drugie źródło; Kraków 2020", order=2)
    html = main(page(client, "/osl/seniorzy/"))
    for number in (1, 2):
        marker = f'<sup><a href="#przypis-{number}" id="odwolanie-{number}">[{number}]</a></sup>'
        assert marker in html
        note = re.search(rf'<li id="przypis-{number}">(.*?)</li>', html, re.S)[1]
        assert f'href="#odwolanie-{number}"' in note
    assert headings(html)[-1] == (2, "Przypisy")
    notes = re.search(r'<ol class="footnotes__list">(.*?)</ol>', html, re.S)[1]
    assert notes.index("Pierwsze źródło") < notes.index("Drugie źródło")


def test_marker_of_a_missing_source_stays_plain_text(client):
    programme = ProgrammeFactory(slug_pl="seniorzy", body_pl="<p>Zdanie.[1] Inne.[7]</p>")
    SourceFactory(programme=programme, order=1)
    html = main(page(client, "/osl/seniorzy/"))
    assert 'id="odwolanie-1"' in html
    assert "Inne.[7]" in html and "przypis-7" not in html


def test_note_without_a_marker_has_no_link_back(client):
    programme = ProgrammeFactory(slug_pl="seniorzy", body_pl="<p>Bez odsyłacza.</p>")
    SourceFactory(programme=programme, text_pl="Źródło bez odsyłacza")
    html = main(page(client, "/osl/seniorzy/"))
    assert '<li id="przypis-1">' in html
    assert "#odwolanie-1" not in html


def test_markers_inside_links_and_attributes_are_left_alone(client):
    programme = ProgrammeFactory(
        slug_pl="seniorzy",
        body_pl='<p><a href="https://example.org/?a[1]=2" title="[1]">link [1]</a> i tekst.[1]</p>',
    )
    SourceFactory(programme=programme)
    html = main(page(client, "/osl/seniorzy/"))
    assert 'href="https://example.org/?a[1]=2"' in html
    assert ">link [1]</a>" in html
    assert html.count('id="odwolanie-1"') == 1
    assert 'tekst.<sup><a href="#przypis-1" id="odwolanie-1">[1]</a></sup>' in html


# The programme's news


def test_programme_shows_published_news_of_its_category_newest_first_paginated(client):
    category = CategoryFactory(name_pl="OSL", slug_pl="osl")
    ProgrammeFactory(slug_pl="seniorzy", news_category=category)
    now = datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC)
    for day in range(1, 8):
        PostFactory(
            title_pl=f"Wpis dnia {day}",
            published_at=now - datetime.timedelta(days=day),
            categories=[category],
        )
    PostFactory(title_pl="Szkic programu", status="draft", categories=[category])
    PostFactory(
        title_pl="Zaplanowany wpis",
        published_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC),
        categories=[category],
    )
    PostFactory(title_pl="Wpis innej kategorii", categories=[CategoryFactory()])
    first = main(page(client, "/osl/seniorzy/"))
    titles = re.findall(r"Wpis dnia \d", first)
    assert titles == [f"Wpis dnia {day}" for day in range(1, 6)]
    assert "Strona 1 z 2" in first
    assert 'href="?page=2#aktualnosci"' in first
    second = main(page(client, "/osl/seniorzy/?page=2"))
    assert re.findall(r"Wpis dnia \d", second) == ["Wpis dnia 6", "Wpis dnia 7"]
    for html in (first, second):
        for hidden in ("Szkic programu", "Zaplanowany wpis", "Wpis innej kategorii"):
            assert hidden not in html


@pytest.mark.parametrize("query", ["?page=3", "?page=0", "?page=abc", "?page=1.5"])
def test_bad_news_page_is_not_found(client, query):
    category = CategoryFactory()
    ProgrammeFactory(slug_pl="seniorzy", news_category=category)
    PostFactory.create_batch(6, categories=[category])
    page(client, f"/osl/seniorzy/{query}", status=404)


def test_programme_without_news_category_shows_no_news_section(client):
    PostFactory(title_pl="Wpis bez programu")
    ProgrammeFactory(slug_pl="seniorzy", news_category=None)
    html = page(client, "/osl/seniorzy/")
    assert "Aktualności programu" not in html and "Wpis bez programu" not in html


def test_sitemap_lists_the_osl_page_and_published_programmes(client):
    ProgrammeFactory(slug_pl="seniorzy", updated_on=datetime.date(2025, 3, 7))
    ProgrammeFactory(slug_pl="szkic", is_published=False)
    xml = page(client, "/sitemap.xml")
    assert "/osl/</loc>" in xml
    assert "/osl/seniorzy/</loc>" in xml
    assert "<lastmod>2025-03-07</lastmod>" in xml
    assert "/osl/szkic/" not in xml
