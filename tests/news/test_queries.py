"""A page asks the database the same number of questions however many posts there are."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cus_site import cache
from news.models import Post
from tests.factories import CategoryFactory, PostFactory, PostImageFactory

NEWEST = datetime.datetime(2024, 6, 1, 12, tzinfo=ZoneInfo("Europe/Warsaw"))
PAGES = [
    "/",
    "/aktualnosci/",
    "/aktualnosci/?page=2",
    "/aktualnosci/kategoria/kategoria-a/",
    "/aktualnosci/2024/",
    "/aktualnosci/wpis-5/",
]


def add_posts(numbers, categories, photos):
    for number in numbers:
        post = PostFactory(
            with_cover=True,
            slug_pl=f"wpis-{number}",
            published_at=NEWEST - datetime.timedelta(days=number),
            categories=categories,
        )
        PostImageFactory.create_batch(photos, post=post)


def queries_of(client, url):
    # What is worked out once per change (the categories and years, the menu, the footer's
    # hours, the next timed change: cus_site/cache.py) is left out of the count: the first
    # request after a change pays it, every later one does not.
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


@pytest.fixture
def queries_with_few_posts(client, db):
    """Each page's query count with 11 posts, then 49 more posts with more photos each."""
    categories = [CategoryFactory(slug_pl=f"kategoria-{letter}") for letter in "abcd"]
    add_posts(range(1, 12), categories[:1], photos=1)
    counts = {url: queries_of(client, url) for url in PAGES}
    add_posts(range(12, 61), categories, photos=4)
    return counts


@pytest.mark.parametrize("url", PAGES)
def test_query_count_does_not_grow_with_posts_categories_and_photos(
    client, queries_with_few_posts, url, django_assert_max_num_queries
):
    client.get(url)
    with django_assert_max_num_queries(queries_with_few_posts[url]):
        assert client.get(url).status_code == 200


def news_queries_of(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return [query["sql"] for query in context.captured_queries if '"news_' in query["sql"]]


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/", 0),  # the six newest: made once per change (a fragment)
        # the list, its count, categories and years: made once per change (fragments)
        ("/aktualnosci/", 0),
        ("/aktualnosci/kategoria/kategoria-a/", 1),  # the category
        ("/aktualnosci/2024/", 1),  # whether the year has any post
        ("/aktualnosci/wpis-5/", 6),  # post, categories, photos, attachments, older, newer
    ],
)
def test_news_queries_fit_a_small_fixed_budget(client, queries_with_few_posts, url, budget):
    assert len(news_queries_of(client, url)) == budget


def test_at_ten_thousand_posts_a_deep_page_counts_nothing_and_reads_one_page(client, db):
    now = datetime.datetime(2026, 1, 1, tzinfo=ZoneInfo("Europe/Warsaw"))
    posts = [
        PostFactory.build(slug_pl=f"masowy-{n}", published_at=now - datetime.timedelta(hours=n))
        for n in range(10_000)
    ]
    Post.objects.bulk_create(posts, batch_size=2000)
    cache.content_changed()  # bulk_create sends no signals
    for url in ("/aktualnosci/", "/aktualnosci/?page=500", "/aktualnosci/2025/?page=400"):
        client.get(url)
        queries = news_queries_of(client, url)
        assert len(queries) == (1 if "2025" in url else 0), url
        assert not any("COUNT(" in query for query in queries), url
    assert "masowy-4999" in client.get("/aktualnosci/?page=500").content.decode()
    # Made again after a change (with the count, categories and years): one page of ten read.
    cache.content_changed()
    with CaptureQueriesContext(connection) as context:
        assert "masowy-4990" in client.get("/aktualnosci/?page=500").content.decode()
    pages = [query["sql"] for query in context.captured_queries if "OFFSET" in query["sql"]]
    assert len(pages) == 1 and "LIMIT 10 OFFSET 4990" in pages[0], pages
