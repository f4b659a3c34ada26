"""The events' pages ask the database the same number of questions however many events, dates,
audiences and posts there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AudienceFactory, EventFactory, NoticeFactory, PostFactory

D = datetime.date
PAGES = [
    "/",
    "/wydarzenia/",
    "/wydarzenia/?audience=seniorzy&month=2026-06",
    "/wydarzenia/archiwum/2025/",
    "/wydarzenia/wydarzenie-1/",
    "/wydarzenia/kalendarz.ics",
    "/wydarzenia/kalendarz/seniorzy.ics",
    "/wydarzenia/wydarzenie-1.ics",
    "/aktualnosci/relacja-1/",
    "/komunikaty/rss/",
]


def add_events(numbers, audiences, posts_each):
    for number in numbers:
        posts = [PostFactory(slug_pl=f"relacja-{number}-{n}") for n in range(posts_each)]
        if number == 1:
            posts.append(PostFactory(slug_pl="relacja-1"))
        EventFactory(
            slug_pl=f"wydarzenie-{number}",
            starts_on=D(2026, 6, 2) + datetime.timedelta(days=number % 20),
            ends_on=D(2026, 6, 30),
            repeats=[D(2026, 6, 25), D(2026, 6, 26)],
            audiences=audiences,
            posts=posts,
        )
        EventFactory(slug_pl=f"minione-{number}", starts_on=D(2025, 6, 1 + number % 28))
        NoticeFactory()


def queries_of(client, url):
    # Work done once per change (fragments, the next timed change: cus_site/cache.py) is
    # paid by the first request after it and is left out of the count.
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


@pytest.fixture
def queries_with_few_events(client, clock):
    audiences = [AudienceFactory(slug="seniorzy"), AudienceFactory(slug="rodziny")]
    add_events([1, 2], audiences[:1], posts_each=0)
    counts = {url: queries_of(client, url) for url in PAGES}
    add_events(range(3, 40), audiences, posts_each=2)
    return counts


@pytest.mark.parametrize("url", PAGES)
def test_query_count_does_not_grow_with_events(
    client, queries_with_few_events, url, django_assert_max_num_queries
):
    client.get(url)
    with django_assert_max_num_queries(queries_with_few_events[url]):
        assert client.get(url).status_code == 200
