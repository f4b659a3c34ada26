"""A real PostgreSQL stopped under a running gunicorn (cus_site/stack.py: a temporary cluster of
its own, never the test database's): 503s with Retry-After, nothing hangs, and the site is back
by itself within 5 s of the database returning."""

import time
import urllib.error
import urllib.request

import pytest

from cus_site.stack import production_stack

pytestmark = pytest.mark.stack

# Nothing may take longer than this while the database is down (the connect timeout is 3 s;
# the rest is room for a busy two-core machine).
PROMPT_SECONDS = 6
PAGES = [
    "/",
    "/aktualnosci/benchmark-0/",
    "/godziny-otwarcia/",
    "/osl/",
    "/szukaj/?q=senior",
    "/kontakt/",
]
# Made from its fragments alone (the list, its count, categories and years, the header):
# while they are current it needs no database, so it is served as it is, outage or not.
FROM_FRAGMENTS = "/aktualnosci/"


def fetch(url, cookie=None):
    """(status, headers, text, seconds) of a GET; an error status is an answer too."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    return status, headers, body.decode(), time.monotonic() - started


@pytest.fixture(scope="module")
def stack():
    # Without the page cache, so that every page asks the database: what a cached copy does
    # during an outage is tested in test_cache.py. One post, for its page and the news list.
    with production_stack(demo=False, posts=1, PAGE_CACHE="0") as running:
        yield running


@pytest.fixture(scope="module")
def stopped(stack):
    """What visitors got while PostgreSQL was stopped, then the seconds until the site served a
    normal page again after it started (gunicorn was never restarted)."""
    postgres, gunicorn = stack
    for path in [*PAGES, FROM_FRAGMENTS]:
        assert fetch(gunicorn.base + path)[0] == 200, path
    postgres.stop()
    answers = {path: fetch(gunicorn.base + path) for path in [*PAGES, FROM_FRAGMENTS]}
    answers["admin"] = fetch(gunicorn.base + "/admin/", cookie="sessionid=abc")
    answers["healthz"] = fetch(gunicorn.base + "/healthz")
    postgres.start()
    back = time.monotonic()
    while fetch(gunicorn.base + "/")[0] != 200 and time.monotonic() - back < 30:
        time.sleep(0.05)
    return answers, time.monotonic() - back


@pytest.mark.parametrize("path", PAGES)
def test_pages_get_the_polish_503_while_postgres_is_stopped(stopped, path):
    status, headers, page, seconds = stopped[0][path]
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Strona jest chwilowo niedostępna" in page
    assert 'class="skip-link"' in page
    assert seconds < PROMPT_SECONDS


def test_the_news_list_made_from_current_fragments_is_served_while_postgres_is_stopped(stopped):
    status, _headers, page, seconds = stopped[0][FROM_FRAGMENTS]
    assert status == 200
    assert '<a href="/aktualnosci/benchmark-0/">' in page
    assert seconds < PROMPT_SECONDS


def test_the_admin_gets_a_plain_polish_503(stopped):
    status, headers, page, seconds = stopped[0]["admin"]
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Administracja jest chwilowo niedostępna" in page
    assert seconds < PROMPT_SECONDS


def test_healthz_answers_503_then_200(stack, stopped):
    status, headers, body, _ = stopped[0]["healthz"]
    assert (status, body) == (503, "database unavailable\n")
    assert headers["Cache-Control"] == "no-store"
    assert fetch(stack[1].base + "/healthz")[:3:2] == (200, "ok\n")


def test_the_site_recovers_within_5_seconds_without_a_restart(stack, stopped):
    assert stopped[1] < 5
    for path in PAGES:
        assert fetch(stack[1].base + path)[0] == 200, path


def test_the_log_has_no_traceback_per_request(stack, stopped):
    log = stack[1].log.read_text()
    assert "Traceback" not in log
    assert 0 < log.count("Database unavailable") <= 3  # one per worker at most
