"""Translated slugs: empty ones are NULL, and every language's address of an object works."""

import re

import pytest

from news.models import Category, Post
from tests.factories import CategoryFactory, PostFactory, ProgrammeFactory

LANGUAGES = ("pl", "en", "uk")


def blank(*names):
    return {f"{name}_{language}": "" for name in names for language in LANGUAGES}


def admin_post(title):
    return {
        **blank("title", "slug", "lead", "body", "cover_alt"),
        "title_pl": title,
        "lead_pl": "Zajawka.",
        "status": "published",
        "published_at_0": "2025-03-01",
        "published_at_1": "12:00:00",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
    }


def test_two_posts_without_english_slugs_save_with_null_slugs(admin_client):
    for title in ("Piknik", "Festyn"):
        response = admin_client.post("/admin/news/post/add/", admin_post(title))
        assert response.status_code == 302, response.content.decode()[:2000]
    assert Post.objects.count() == 2
    assert Post.objects.filter(slug_en__isnull=True, slug_uk__isnull=True).count() == 2


def test_two_categories_without_translations_save(admin_client):
    for name, slug in (("Seniorzy", "seniorzy"), ("Rodziny", "rodziny")):
        data = {**blank("name", "slug"), "name_pl": name, "slug_pl": slug}
        response = admin_client.post("/admin/news/category/add/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
    assert Category.objects.filter(name_en__isnull=True, slug_en__isnull=True).count() == 2


# A translated object: a page only in Polish offers search engines the Polish page alone.
TRANSLATED = {"title_en": "Spring", "title_uk": "Весна"}


def switcher_paths(html):
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)[0]
    return dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', switcher))


@pytest.mark.parametrize(
    ("make", "polish", "english"),
    [
        (
            lambda: PostFactory(slug_pl="wiosna", slug_en="spring", **TRANSLATED),
            "/aktualnosci/wiosna/",
            "/en/aktualnosci/spring/",
        ),
        (
            lambda: CategoryFactory(slug_pl="seniorzy", slug_en="seniors"),
            "/aktualnosci/kategoria/seniorzy/",
            "/en/aktualnosci/kategoria/seniors/",
        ),
        (
            lambda: ProgrammeFactory(slug_pl="wiosna", slug_en="spring", **TRANSLATED),
            "/osl/wiosna/",
            "/en/osl/spring/",
        ),
    ],
)
def test_each_language_links_the_objects_own_address(client, db, settings, make, polish, english):
    settings.SITE_URL = "https://cus.example"
    make()
    assert client.get("/en" + polish).status_code == 200
    expected = {"pl": polish, "en": english, "uk": "/uk" + polish, "x-default": polish}
    for start in expected.values():
        html = client.get(start).content.decode()
        alternates = re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)
        assert dict(alternates) == {
            code: "https://cus.example" + path for code, path in expected.items()
        }
        for path, code in switcher_paths(html).items():
            assert path == expected[code]
            assert client.get(path).status_code == 200, (start, path)


def test_own_language_slug_wins_over_another_objects_polish_slug(client, db):
    PostFactory(title_pl="Wiosna", slug_pl="wiosna", slug_en="festyn")
    PostFactory(title_pl="Festyn", slug_pl="festyn")
    assert "<h1>Wiosna</h1>" in client.get("/en/aktualnosci/festyn/").content.decode().replace(
        ' lang="pl"', ""
    )
    assert "<h1>Festyn</h1>" in client.get("/aktualnosci/festyn/").content.decode()
