"""While the database is unreachable, every request gets a 503 with `Retry-After`, never a 500.

The rule: a database connection that fails (django.db's OperationalError or InterfaceError,
however deep in a view, a template or a context processor it was raised) makes the response a
503 rendered without the database: the site's layout with its fixed sections for visitors, a
plain page for the admin. The response carries `database_unavailable = True`, so that the page
cache outside this middleware can serve a stale copy instead; nothing else marks it. Each
process logs one line when the failures start and then at most one a minute with their count,
instead of a traceback per request. The connection gives up after DATABASE_CONNECT_TIMEOUT
seconds (settings), so a server that vanished without refusing makes nobody wait long, and
CONN_HEALTH_CHECKS lets the site recover on the first request after the database is back.

`/healthz` answers 200 while the database answers and 503 otherwise, never cached, for load
balancers.
"""

import logging
import threading
import time

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
# Seconds a visitor is asked to wait before trying again: a restart of PostgreSQL takes a few.
RETRY_AFTER_SECONDS = 30
LOG_INTERVAL_SECONDS = 60

ADMIN_PAGE = """<!doctype html>
<html lang="pl">
<head><meta charset="utf-8"><title>Przerwa w działaniu – administracja</title></head>
<body>
<h1>Administracja jest chwilowo niedostępna</h1>
<p>Baza danych nie odpowiada, więc nie da się teraz niczego wyświetlić ani zapisać.
Nic, co już jest zapisane, nie zginęło. Spróbuj ponownie za minutę.</p>
</body>
</html>
"""


def caused_by_database(error):
    """Whether the error, or one it was raised from, is a failed database connection."""
    while error is not None:
        if isinstance(error, DATABASE_ERRORS):
            return True
        error = error.__cause__ or error.__context__
    return False


class FailureLog:
    """One line when failures start, then one a minute with how many requests failed."""

    def __init__(self):
        self.lock = threading.Lock()
        self.last_logged = None
        self.unlogged = 0

    def record(self, request, error):
        with self.lock:
            self.unlogged += 1
            now = time.monotonic()
            if self.last_logged is not None and now - self.last_logged < LOG_INTERVAL_SECONDS:
                return
            count, self.unlogged, self.last_logged = self.unlogged, 0, now
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        logger.error(
            "Database unavailable, answering 503 (%d request(s) since the last line, now %s): %s",
            count,
            request.path,
            first_line,
        )


failures = FailureLog()


def unavailable_response(request, error):
    """The 503 for a request whose database connection failed."""
    failures.record(request, error)
    if request.path_info.startswith("/admin/"):
        response = HttpResponse(ADMIN_PAGE, status=503)
    else:
        # Rendered without the request, so no context processor asks the database anything;
        # `error_page` gives the menu its fixed sections.
        page = loader.render_to_string("503.html", {"error_page": True})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response.database_unavailable = True
    # Logged above, once; Django's request logger would add a traceback per request.
    response._has_been_logged = True
    return response


class DatabaseUnavailableMiddleware:
    """The 503 for a view (and its template) that failed to reach the database. Failures in
    other middleware reach `pages.views.server_error`, which asks `caused_by_database` too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if caused_by_database(exception):
            return unavailable_response(request, exception)
        return None


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DATABASE_ERRORS:
        return False


def healthz(request):
    """200 "ok" while the database answers, 503 otherwise; for load balancers, never cached."""
    healthy = database_answers()
    response = HttpResponse(
        "ok\n" if healthy else "database unavailable\n",
        content_type="text/plain; charset=utf-8",
        status=200 if healthy else 503,
    )
    response["Cache-Control"] = "no-store"
    return response
