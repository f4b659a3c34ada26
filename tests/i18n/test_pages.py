"""Every public page type in Polish, English and Ukrainian, over the demo content: the right
`<html lang>`, the interface in that language, language links that work, and no link that
leads to a 404."""

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command

from hours.models import Unit
from news.models import Category, Post
from osl.models import Introduction, Programme
from tests.tree_content import add_tree_content

LANGUAGES = {"pl": "", "en": "/en", "uk": "/uk"}
MENU_NEWS = {"pl": "Aktualności", "en": "News", "uk": "Новини"}
MENU_HOURS = {"pl": "Godziny otwarcia", "en": "Opening hours", "uk": "Години роботи"}
LINK = re.compile(r'<a [^>]*href="([^"#]*)')


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)
    add_tree_content()


def page_types():
    """A path of every public page type (the demo's first post, category and programme)."""
    post = Post.objects.published().first()
    category = Category.objects.filter(posts__in=Post.objects.published()).first()
    programme = Programme.objects.published().first()
    return {
        "home": "/",
        "news": "/aktualnosci/",
        "post": post.get_absolute_url(),
        "category": category.get_absolute_url(),
        "year": f"/aktualnosci/{post.published_at.year}/",
        "osl": "/osl/",
        "programme": programme.get_absolute_url(),
        "hours": "/godziny-otwarcia/",
        "contact": "/kontakt/",
        "statement": "/deklaracja-dostepnosci/",
        "easy-read": "/tekst-latwy-do-czytania/",
        "sign-language": "/polski-jezyk-migowy/",
        "privacy": "/ochrona-danych-osobowych/",
        "search": "/szukaj/?q=seniorzy",
        "page with subpages": "/o-nas/",
        "service": "/jak-mozemy-pomoc/uslugi-opiekuncze/",
        "forms to download": "/druki-do-pobrania/",
    }


def switcher_links(page):
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S)[0]
    return re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', switcher)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_in_each_language(client, demo, language):
    for path in page_types().values():
        url = LANGUAGES[language] + path
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert f'<html lang="{language}"' in page, url
        nav = re.search(r'<nav class="main-nav".*?</nav>', page, re.S)[0]
        assert f">{MENU_NEWS[language]}</a>" in nav, url
        assert f">{MENU_HOURS[language]}</a>" in nav, url
        links = switcher_links(page)
        assert sorted(code for _path, code in links) == sorted(set(LANGUAGES) - {language}), url
        for link, code in links:
            other = client.get(link)
            assert other.status_code == 200, (url, link)
            assert f'<html lang="{code}"' in other.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_in_each_language(client, db, language):
    response = client.get(LANGUAGES[language] + "/nie-ma-takiej-strony/")
    assert response.status_code == 404
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    heading = {"pl": "Nie znaleziono strony", "en": "Page not found", "uk": "Сторінку не знайдено"}
    assert f"<h1>{heading[language]}</h1>" in page


@pytest.mark.parametrize("language", ["en", "uk"])
def test_demo_content_in_polish_is_marked_and_its_translations_are_not(client, demo, language):
    prefix = LANGUAGES[language]
    post = client.get(prefix + page_types()["post"]).content.decode()
    assert re.search(r'<h1 lang="pl">', post)
    assert len(re.findall(r'<p class="notice notice--language">', post)) == 1
    hours = client.get(prefix + "/godziny-otwarcia/").content.decode()
    name = {"en": "Social Services Centre in Tarnów", "uk": "Центр соціальних послуг у Тарнові"}
    assert f">{name[language]} (CUS)</h2>" in hours
    osl = client.get(prefix + "/osl/").content.decode()
    assert '<div class="prose osl-intro">' in osl


def test_demo_translates_the_unit_name_and_the_osl_introduction(demo):
    cus = Unit.objects.get(short_name="CUS")
    assert cus.full_name_en == "Social Services Centre in Tarnów"
    assert cus.full_name_uk == "Центр соціальних послуг у Тарнові"
    introduction = Introduction.objects.get()
    assert introduction.body_en.startswith("<p>Local community organising helps")
    assert introduction.body_uk.startswith("<p>Організування місцевої громади")
    assert Post.objects.exclude(title_en=None).count() == 0


def internal_links(page, base):
    for href in LINK.findall(page):
        url = urljoin(base, href.replace("&amp;", "&"))
        parts = urlsplit(url)
        if parts.scheme in ("", "http") and parts.netloc in ("", "testserver"):
            yield parts.path + (f"?{parts.query}" if parts.query else "")


def test_no_link_on_any_page_in_any_language_leads_to_a_404(client, demo):
    """Crawl the site from each language's home page, following every internal link."""
    seen, queue = set(), deque(LANGUAGES[code] + "/" for code in LANGUAGES)
    queue.extend(LANGUAGES[code] + path for code in LANGUAGES for path in page_types().values())
    while queue:
        url = queue.popleft()
        if url in seen or url.startswith(("/admin/", "/static/")):
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code not in (404, 500), url
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            queue.extend(internal_links(response.content.decode(), url))
    assert len(seen) > 100
