"""One post whose slug was set by SQL to something no address can hold (`zły slug <x>`):
every list, feed and sitemap leaves it out and logs it, instead of a 500 for everyone
(cus_site/listing.py)."""

import logging

import pytest
from django.db import connection
from django.test import Client

from search.models import SearchEntry
from tests.factories import CategoryFactory, PostFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return CategoryFactory(name_pl="Senioralni", slug_pl="senioralni")


@pytest.fixture
def broken_post(category):
    """A good post and a broken one, both in the category and found by the search."""
    good = PostFactory(title_pl="Dobry wpis o seniorach", slug_pl="dobry-wpis")
    broken = PostFactory(title_pl="Zepsuty wpis o seniorach", slug_pl="zepsuty-wpis")
    good.categories.add(category)
    broken.categories.add(category)
    SearchEntry.objects.index(good)
    SearchEntry.objects.index(broken)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE news_post SET slug_pl = 'zły slug <x>' WHERE id = %s", [broken.pk])
    return broken


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/aktualnosci/",
        "/aktualnosci/kategoria/senioralni/",
        "/aktualnosci/rss/",
        "/sitemap.xml",
    ],
)
def test_a_post_with_an_impossible_slug_is_left_out_not_a_500(broken_post, path, caplog):
    with caplog.at_level(logging.WARNING):
        response = Client(raise_request_exception=False).get(path)
    page = response.content.decode()
    assert response.status_code == 200
    assert "dobry-wpis" in page
    assert "Zepsuty wpis" not in page
    assert "zły slug" not in page
    assert any("has no address" in record.getMessage() for record in caplog.records)


def test_the_search_index_is_rebuilt_without_the_post_and_the_search_still_answers(
    broken_post, client
):
    SearchEntry.objects.rebuild()
    response = client.get("/szukaj/?q=seniorach")
    page = response.content.decode()
    assert response.status_code == 200
    assert "/aktualnosci/dobry-wpis/" in page
    assert "Zepsuty wpis" not in page


def test_a_post_next_to_the_bad_one_still_shows_with_its_other_neighbour(broken_post, client):
    older = PostFactory(title_pl="Starszy wpis", slug_pl="starszy-wpis")
    older.published_at = broken_post.published_at.replace(year=2020)
    older.save()
    response = client.get("/aktualnosci/dobry-wpis/")
    assert response.status_code == 200
    assert 'href="/aktualnosci/starszy-wpis/" rel="prev"' in response.content.decode()


def test_a_programme_page_leaves_the_bad_post_out_of_its_news(broken_post, category, client):
    ProgrammeFactory(slug_pl="senioralni-razem", news_category=category)
    response = client.get("/osl/senioralni-razem/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "/aktualnosci/dobry-wpis/" in page
    assert "Zepsuty wpis" not in page
