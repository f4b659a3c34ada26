"""While PostgreSQL is unreachable, visitors get the Polish 503 page with Retry-After and the
admin a plain Polish 503 (cus_site/outage.py): never a 500, never a traceback per request.

The first tests point this process's connection at a port where nothing listens (a real failed
connection, nothing mocked); tests/cus_site/test_outage_stack.py stops a real PostgreSQL under
a running gunicorn.
"""

import logging
import os
import subprocess
import sys

import pytest
from django.db import connection
from django.test import Client

from cus_site import outage
from cus_site.stack import free_port


@pytest.fixture
def unreachable_database(django_db_blocker, monkeypatch):
    """The default connection pointed at a closed port of this machine, as when PostgreSQL is
    stopped; restored afterwards."""
    with django_db_blocker.unblock():
        connection.close()
        monkeypatch.setitem(connection.settings_dict, "HOST", "127.0.0.1")
        monkeypatch.setitem(connection.settings_dict, "PORT", str(free_port()))
        monkeypatch.setitem(connection.settings_dict, "OPTIONS", {"connect_timeout": 3})
        monkeypatch.setattr(outage.failures, "last_logged", None)
        yield
        connection.close()
    connection.close()


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def assert_polish_503_page(response):
    page = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert response.database_unavailable is True
    assert "Strona jest chwilowo niedostępna" in page
    # The site's layout with its fixed menu, no notices and no opening hours.
    assert 'class="skip-link"' in page
    assert '<a href="/aktualnosci/"' in page
    assert "Traceback" not in page


@pytest.mark.parametrize(
    "path", ["/", "/aktualnosci/", "/godziny-otwarcia/", "/osl/", "/szukaj/?q=senior"]
)
def test_a_page_whose_view_needs_the_database_gets_the_503_page(unreachable_database, path):
    assert_polish_503_page(Client(raise_request_exception=False).get(path))


def test_a_failure_outside_the_views_gets_the_503_page_too(unreachable_database, visitor):
    # An unknown address: the redirect table, a middleware, asks the database first.
    assert_polish_503_page(visitor.get("/nie-ma-takiej-strony/"))


def test_the_503_page_follows_the_language_of_the_address(unreachable_database, visitor):
    response = visitor.get("/en/aktualnosci/")
    assert response.status_code == 503
    assert '<html lang="en"' in response.content.decode()


def test_signed_in_staff_get_a_plain_polish_503_in_the_admin(unreachable_database, visitor):
    visitor.cookies["sessionid"] = "a-session-the-database-would-know"
    response = visitor.get("/admin/")
    page = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.database_unavailable is True
    assert "Administracja jest chwilowo niedostępna" in page
    assert "Nic, co już jest zapisane, nie zginęło" in page
    assert 'class="skip-link"' not in page


def test_failures_are_logged_once_not_per_request(unreachable_database, visitor, caplog):
    with caplog.at_level(logging.INFO):
        for _ in range(5):
            assert visitor.get("/aktualnosci/").status_code == 503
    outage_lines = [r for r in caplog.records if r.name == "cus_site.outage"]
    assert len(outage_lines) == 1
    assert "Database unavailable" in outage_lines[0].getMessage()
    assert not any(r.exc_info for r in caplog.records)
    assert not [r for r in caplog.records if r.name == "django.request"]


def test_healthz_says_503_while_the_database_is_unreachable(unreachable_database, visitor):
    response = visitor.get("/healthz")
    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"
    assert response.content == b"database unavailable\n"


def test_healthz_says_ok_while_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response.content == b"ok\n"


def test_other_errors_still_get_the_500_page(db, monkeypatch, visitor):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("pages.views.render", broken)
    response = visitor.get("/")
    assert response.status_code == 500
    assert not hasattr(response, "database_unavailable")


def test_the_connection_gives_up_after_a_few_seconds(settings):
    # The production default; the suite's own site is given 10 s on a busy machine (Makefile).
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_CONNECT_TIMEOUT"}
    code = (
        "import cus_site.settings as s; print(s.DATABASES['default']['OPTIONS']['connect_timeout'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=environment,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.strip() == "3"
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
