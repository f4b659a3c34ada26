"""`gunicorn cus_site.wsgi` with DEBUG off serves the pages and the hashed, compressed static
files, as production does."""

import gc
import os
import runpy
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote

import gevent
import gevent.socket
import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def session_database_url():
    """The URL of the database this test session uses (tables migrated, no rows needed)."""
    params = connection.settings_dict
    host = params["HOST"] or params["OPTIONS"].get("host", "")
    user = quote(params["USER"] or "postgres")
    if host.startswith("/"):
        return f"postgresql://{user}@/{params['NAME']}?host={host}"
    return f"postgresql://{user}@{host}:{params['PORT'] or 5432}/{params['NAME']}"


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


@pytest.fixture
def production_server(tmp_path):
    environment = {
        # The embedded default cache (files), as a server without Redis has.
        **{name: value for name, value in os.environ.items() if name != "REDIS_URL"},
        "CACHE_DIR": str(tmp_path / "cache"),
        "DEBUG": "0",
        "SECRET_KEY": "production-like-test-key-" + "x" * 30,
        "DATABASE_URL": session_database_url(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    bin_dir = os.path.dirname(sys.executable)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env=environment,
        check=True,
        timeout=120,
    )
    port = free_port()
    server = subprocess.Popen(
        [f"{bin_dir}/gunicorn", "cus_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            fetch(base + "/robots.txt")
            break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_gunicorn_serves_the_site_and_hashed_static_files(production_server):
    status, _, body = fetch(production_server + "/")
    page = body.decode()
    assert status == 200
    assert "Centrum Usług Społecznych w Tarnowie" in page
    stylesheet = page.split('rel="stylesheet" href="')[1].split('"')[0]
    assert stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"
    status, headers, css = fetch(production_server + stylesheet)
    assert status == 200
    assert b"--brand" in css
    assert "immutable" in headers["Cache-Control"]


def test_idle_and_half_sent_connections_do_not_keep_a_visitor_waiting(production_server):
    """gunicorn.conf.py's gevent workers: 200 connections that send nothing or only part of a
    request (with one worker, as a small server would be sized) leave a visitor's request
    answered at once; the sync workers made every visitor wait until their 30 s timeout."""
    fetch(production_server + "/")  # the first page of a worker loads its templates
    address = ("127.0.0.1", int(production_server.rsplit(":", 1)[1]))
    held = [socket.create_connection(address, timeout=5) for _ in range(200)]
    try:
        for connection in held[::2]:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow")
        started = time.monotonic()
        with urllib.request.urlopen(production_server + "/", timeout=1) as response:
            page = response.read().decode()
        elapsed = time.monotonic() - started
        assert response.status == 200 and "Centrum Usług Społecznych w Tarnowie" in page
        assert elapsed < 1
    finally:
        for connection in held:
            connection.close()


def test_a_client_sending_requests_back_to_back_does_not_hold_up_another(production_server):
    """gevent moves to another connection only when one has to wait: a keep-alive client whose
    next request is already there (here: 600 requests sent at once) was served to the end
    before anyone else's request was even looked at. gunicorn.conf.py gives each a turn."""
    fetch(production_server + "/robots.txt")
    address = ("127.0.0.1", int(production_server.rsplit(":", 1)[1]))
    request = b"GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    count = 600
    with (
        socket.create_connection(address, timeout=10) as other,
        socket.create_connection(address, timeout=10) as busy,
    ):
        fetch(production_server + "/robots.txt")  # both connections are accepted by now
        busy.sendall(request * count)
        other.sendall(request.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
        answer = b""
        while chunk := other.recv(65536):
            answer += chunk
        assert answer.startswith(b"HTTP/1.1 200")
        busy.setblocking(False)
        received = b""
        try:
            while chunk := busy.recv(1 << 20):
                received += chunk
        except BlockingIOError:
            pass
    # Without the turns all of them were; with them, as many as arrive before the other's
    # request does (a few, or more on a busy machine).
    served_before = received.count(b"HTTP/1.1 200")
    assert served_before < count, f"all {count} were answered first"


def test_a_connection_whose_request_has_just_arrived_is_served_before_the_busy_ones_go_on():
    """gunicorn.conf.py's turn after each request: two connections whose next requests are
    always there already (a few ms of work each) must not keep a third, which had to wait for
    its request, waiting until they are done. With `gevent.sleep(0)` it waited for all 40."""
    hooks = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    served = []
    waiting, sender = gevent.socket.socketpair()

    def connection_that_waits():
        waiting.recv(1)
        served.append("waited")

    def busy_connection(name):
        for _ in range(20):
            started = time.perf_counter()
            while time.perf_counter() - started < 0.002:
                pass
            served.append(name)
            hooks["post_request"](worker=None, req=None, environ={}, resp=None)

    try:
        waiter = gevent.spawn(connection_that_waits)
        gevent.idle()  # it is waiting for its request now
        busy = [gevent.spawn(busy_connection, name) for name in ("first", "second")]
        sender.sendall(b"!")
        gevent.joinall([waiter, *busy], timeout=10)
    finally:
        waiting.close()
        sender.close()
    assert len(served) == 41
    assert served.index("waited") <= 2, served


def test_a_gunicorn_worker_loads_the_stemming_table_before_its_first_request():
    from search.words import stemmer

    hooks = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    stemmer.cache_clear()
    frozen = gc.get_freeze_count()
    try:
        hooks["post_worker_init"](worker=None)
        # What it has loaded is left out of the garbage collections that stopped its visitors.
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
    assert stemmer.cache_info().currsize == 1
    assert stemmer()("seniorami") == stemmer()("seniorom")
