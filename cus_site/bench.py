"""`make bench`: how fast the main pages are next to a static file, on the production stack.

For each number of generated posts (on top of the demo content), each cache (the embedded
default, and Redis when redis-server is installed: a private one on a free port) and the page
cache on and off (PAGE_CACHE=0), gunicorn with DEBUG off is started on a temporary PostgreSQL
(cus_site/stack.py) and wrk asks for each page in turn, the static file in the same run. Printed
per page: req/s, p50 and p99 latency, the ratio of its req/s to the static file's, SQL queries
per request (a warm second request, counted by Django in a process on the same database and
cache), the bytes of one response on the wire (headers included, gzip accepted) and the p99 of
the page's first 2 s, before any copy of it was kept for wrk's address ("cold p99": the 16
visitors asking at once for a page that has to be made, as after an edit).

wrk stands in for visitors on other machines, but here it shares the two cores with gunicorn:
when a response arrives while wrk waits for a core, that wait counted as the page's latency and
made most of each p99 (static file included: about half, measured side by side). As root, wrk
therefore runs at a higher priority (`nice -n -10`) and takes a core as soon as it has a
response to read; the server gets the same CPU as before (req/s unchanged in that comparison).
Without root it runs as it is, and the heading says so.

A command, never a test. Environment: BENCH_POSTS ("10,10000"), BENCH_SECONDS per page (10),
BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_PAGE_CACHE ("1,0"), BENCH_CACHES
("embedded,redis"), BENCH_WORKERS (gunicorn's, default from gunicorn.conf.py), BENCH_TIMEOUT
(30 s: a slower request counts as failed).
"""

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import ExitStack

from cus_site import stack

FIXED_PAGES = ["/", "/aktualnosci/", "/szukaj/?q=senior"]
# wrk's own default, 2 s, counts a slow page on a busy machine as a failure and not its time.
TIMEOUT_SECONDS = int(os.environ.get("BENCH_TIMEOUT", 30))
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
# Only root may raise a process's priority.
WRK_PRIORITY = ["nice", "-n", "-10"] if os.geteuid() == 0 else []

PAGES_AND_QUERIES = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from news.models import Post
from osl.models import Programme

paths = {fixed!r}
paths[2:2] = [
    Post.objects.published().first().get_absolute_url(),
    Programme.objects.published().first().get_absolute_url(),
]
client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
counts = {{}}
for path in paths:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    counts[path] = len(queries)
print(json.dumps(counts))
"""


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def pages_and_queries(environment):
    """{path: SQL queries of a warm request} for the pages, in their order."""
    script = PAGES_AND_QUERIES.format(fixed=FIXED_PAGES)
    output = subprocess.run(
        [stack.PYTHON, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=stack.BASE_DIR,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def stylesheet(base):
    with urllib.request.urlopen(base + "/") as response:
        page = response.read().decode()
    return page.split('rel="stylesheet" href="')[1].split('"')[0]


def bytes_on_the_wire(base, path):
    """The size of one whole response (status line, headers, body) to a browser that accepts
    gzip."""
    host, port = base.removeprefix("http://").split(":")
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n"
    )
    received = 0
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(request.encode())
        while chunk := connection.recv(65536):
            received += len(chunk)
    return received


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url, seconds, connections, threads):
    """req/s, p50, p99 (ms) and the count of failed requests from one wrk run."""
    output = subprocess.run(
        [
            *WRK_PRIORITY,
            *("wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"),
            *("--timeout", f"{TIMEOUT_SECONDS}s"),
            *("-H", "Accept-Encoding: gzip", url),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    failed = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    failed += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M)[1]),
        "p99": milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M)[1]),
        "failed": failed,
    }


def measure(gunicorn, settings):
    counts = pages_and_queries(gunicorn.environment)
    static = stylesheet(gunicorn.base)
    rows = {}
    for path in [*counts, static]:
        url = gunicorn.base + path
        # The first 2 s warm every worker; their p99 is the page's on a cold cache.
        cold = wrk(url, 2, settings["connections"], settings["threads"])
        rows[path] = wrk(url, settings["seconds"], settings["connections"], settings["threads"])
        rows[path]["cold"] = cold["p99"]
        rows[path]["bytes"] = bytes_on_the_wire(gunicorn.base, path)
        rows[path]["queries"] = counts.get(path, 0)
    static_rps = rows[static]["rps"]
    print(
        f"{'page':<44}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'ratio':>7}{'SQL':>5}{'bytes':>7}"
        f"{'cold p99':>10}"
    )
    for path, row in rows.items():
        name = "static file" if path == static else path
        failed = f"  ({row['failed']} failed)" if row["failed"] else ""
        print(
            f"{name[:43]:<44}{row['rps']:>8.0f}{row['p50']:>8.1f}{row['p99']:>8.1f}"
            f"{row['rps'] / static_rps:>7.3f}{row['queries']:>5}{row['bytes']:>7}"
            f"{row['cold']:>10.1f}{failed}"
        )


def run_for_posts(posts, settings):
    with ExitStack() as running:
        folder = running.enter_context(tempfile.TemporaryDirectory(prefix="cus-bench-"))
        postgres = running.enter_context(stack.TemporaryPostgres(folder))
        environment = stack.production_environment(postgres.url, folder)
        print(f"\n== demo content + {posts} generated posts: preparing the database…", flush=True)
        stack.prepare_database(environment, demo=True, posts=posts)
        stack.manage(environment, "collectstatic", "--noinput", "-v0")
        for cache in settings["caches"]:
            cache_environment = dict(environment)
            if cache == "redis":
                if not stack.TemporaryRedis.available():
                    print("(redis-server is not installed: the Redis runs are skipped)")
                    continue
                redis = running.enter_context(stack.TemporaryRedis())
                cache_environment["REDIS_URL"] = redis.url
            for page_cache in settings["page_cache"]:
                page_environment = {**cache_environment, "PAGE_CACHE": page_cache}
                state = "on" if page_cache != "0" else "off"
                print(f"\n-- {posts} posts, cache {cache}, page cache {state}", flush=True)
                gunicorn = stack.Gunicorn(
                    page_environment, folder, workers=settings["workers"], collect=False
                )
                with gunicorn:
                    measure(gunicorn, settings)


def main():
    settings = {
        "seconds": int(os.environ.get("BENCH_SECONDS", 10)),
        "connections": int(os.environ.get("BENCH_CONNECTIONS", 16)),
        "threads": int(os.environ.get("BENCH_THREADS", 2)),
        "page_cache": env_list("BENCH_PAGE_CACHE", "1,0"),
        "caches": env_list("BENCH_CACHES", "embedded,redis"),
        "workers": int(os.environ.get("BENCH_WORKERS") or 0) or None,
    }
    print(
        f"wrk -t{settings['threads']} -c{settings['connections']}, {settings['seconds']} s a page; "
        f"gunicorn with DEBUG off on {os.cpu_count()} CPUs; "
        + ("wrk at nice -10" if WRK_PRIORITY else "wrk at the server's priority (not root)")
    )
    for posts in env_list("BENCH_POSTS", "10,10000"):
        run_for_posts(int(posts), settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
