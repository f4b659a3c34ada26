"""The demo programme is the seed's OSL text, word for word, with its footnote and news."""

import datetime
import re
from html import unescape

import pytest

from cus_site.seed import read_seed
from news import demo as news_demo
from osl import demo
from osl.models import Introduction, Programme
from tests.reading import as_read

pytestmark = pytest.mark.django_db

URL = "/osl/organizowanie-spolecznosci-lokalnej/"


@pytest.fixture
def seed():
    seed = read_seed()
    news_demo.load(seed)
    demo.load(seed)
    return seed


def text_of(html):
    return as_read(unescape(re.sub(r"<[^>]+>", "", html)))


def paragraphs_on(html):
    body = re.search(r'<div class="prose">(.*?)</div>', html, re.S)[1]
    return [text_of(paragraph) for paragraph in re.findall(r"<p>(.*?)</p>", body, re.S)]


def test_programme_body_is_the_seeds_introduction_word_for_word(client, seed):
    html = client.get(URL).content.decode()
    assert paragraphs_on(html) == list(seed.introduction.paragraphs)
    assert paragraphs_on(html)[-1] == (
        "Celami działań Organizowania Społeczności Lokalnej dla mieszkańców Miasta Tarnowa "
        "będzie m.in.:"
    )
    assert "“...organizowanie społeczności lokalnej to forma" in html


def test_quoted_passage_links_its_footnote_and_back(client, seed):
    html = client.get(URL).content.decode()
    assert 'uwarunkowań.”<sup><a href="#przypis-1" id="odwolanie-1">[1]</a></sup> Ideą OSL' in html
    note = re.search(r'<li id="przypis-1">(.*?)</li>', html, re.S)[1]
    assert 'href="#odwolanie-1"' in note
    assert text_of(re.search(r"<span>(.*?)</span>", note)[1]) == seed.introduction.footnotes[0]
    programme = Programme.objects.get()
    assert [source.text_pl for source in programme.sources.all()] == list(
        seed.introduction.footnotes
    )


def test_update_date_lead_and_no_invented_goals(client, seed):
    programme = Programme.objects.get()
    assert programme.updated_on == datetime.date(2025, 3, 7) == seed.introduction.date
    assert seed.introduction.paragraphs[0].startswith(programme.lead_pl)
    assert (
        programme.lead_pl
        == "Organizowanie społeczności lokalnej sprzyja podnoszeniu jakości życia mieszkańców."
    )
    assert not programme.goals.exists()
    html = client.get(URL).content.decode()
    assert '<time datetime="2025-03-07">7 marca 2025</time>' in html
    assert ">Cele</h2>" not in html
    assert 'class="programme__goals"' not in html
    assert list(Programme.objects.without_goals()) == [programme], "listed for staff"


def test_osl_page_introduction_is_the_seeds_first_paragraph(client, seed):
    introduction = Introduction.objects.get()
    assert introduction.body_pl == f"<p>{seed.introduction.paragraphs[0]}</p>"
    assert introduction.body_en.startswith("<p>Local community organising")
    assert introduction.body_uk.startswith("<p>Організування місцевої громади")
    html = as_read(client.get("/osl/").content.decode())
    assert seed.introduction.paragraphs[0] in html
    assert "Local community organising" in client.get("/en/osl/").content.decode()


def test_programme_news_are_the_seeds_nine_posts_newest_first(client, seed):
    first = as_read(client.get(URL).content.decode())
    second = as_read(client.get(URL + "?page=2").content.decode())
    titles = [
        unescape(title)
        for html in (first, second)
        for title in re.findall(r'class="post-summary__title"><a href="[^"]+">(.*?)</a>', html)
    ]
    assert titles == [post.title for post in seed.posts]
    assert len(titles) == 9


def test_demo_loads_once(seed):
    assert demo.load(seed) == "bez zmian"
    assert Programme.objects.count() == 1
    assert Introduction.objects.count() == 1
    assert Programme.objects.get().sources.count() == 1


def test_first_load_says_what_it_added(db):
    seed = read_seed()
    assert demo.load(seed) == "dodano: wprowadzenie, program"
    assert Programme.objects.get().news_category is None
