"""/osl/ and a programme's page ask the database the same number of questions however many
programmes, parts and news there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from osl.models import Introduction
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

PAGES = ["/osl/", "/osl/program-glowny/", "/osl/program-glowny/?page=2", "/en/osl/program-glowny/"]
PARTS = [
    CommunityFactory,
    GoalFactory,
    PartnerFactory,
    MeetingPlaceFactory,
    DocumentFactory,
    SourceFactory,
]


def add_content(programme, category, programmes, parts, posts):
    ProgrammeFactory.create_batch(programmes, with_cover=True)
    for factory in PARTS:
        factory.create_batch(parts, programme=programme)
    PostFactory.create_batch(posts, with_cover=True, categories=[category])


def queries_of(client, url):
    # Work done once per change (fragments, the next timed change: cus_site/cache.py) is
    # paid by the first request after it and is left out of the count.
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


@pytest.fixture
def queries_with_little_content(client, db):
    """Each page's query count with one programme of one part each and six posts, then with
    twelve programmes, six of each part and fourteen more posts."""
    Introduction.objects.create(body_pl="<p>Czym jest OSL.</p>")
    category = CategoryFactory()
    programme = ProgrammeFactory(
        slug_pl="program-glowny",
        body_pl="<p>Tekst.[1]</p>",
        news_category=category,
        organiser_name="Anna Nowak",
        with_cover=True,
    )
    add_content(programme, category, programmes=0, parts=1, posts=6)
    counts = {url: queries_of(client, url) for url in PAGES}
    add_content(programme, category, programmes=12, parts=6, posts=14)
    return counts


@pytest.mark.parametrize("url", PAGES)
def test_query_count_does_not_grow_with_programmes_parts_and_news(
    client, queries_with_little_content, url, django_assert_max_num_queries
):
    client.get(url)
    with django_assert_max_num_queries(queries_with_little_content[url]):
        assert client.get(url).status_code == 200


def osl_and_news_queries_of(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return [
        query["sql"]
        for query in context.captured_queries
        if '"osl_' in query["sql"] or '"news_' in query["sql"]
    ]


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/osl/", 2),  # the introduction, the programmes
        ("/osl/program-glowny/", 9),  # programme with its category, six parts, news count, page
    ],
)
def test_osl_pages_fit_a_small_fixed_budget(client, queries_with_little_content, url, budget):
    assert len(osl_and_news_queries_of(client, url)) == budget
