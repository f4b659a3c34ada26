import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture
def count_queries():
    """How many queries a GET of `path` makes, for comparing a page with few and many rows."""

    def count(client, path):
        # Work done once per change (fragments, the next timed change: cus_site/cache.py) is
        # paid by the first request after it and is left out of the count.
        client.get(path)
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 200
        return len(context)

    return count
