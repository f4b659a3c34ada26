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

Each page's ratio is to the static file measured beside it: the page's seconds are cut into
rounds (BENCH_ROUNDS, 2), each running the page and the static file one after the other, the
order swapped every round, so that a drift of the machine's speed weighs on both alike. On
this shared machine the CPU a request costs moved by a quarter from one 10 s window to the
next, for the same code (measured with /proc's CPU times), so a ratio to a static file
measured a minute later carried that swing. A page's rounds are added up request by request
from wrk's histograms (a Lua `done` hook): its p50 and p99 are those of all its requests; the
static file's row is that of all its rounds. Rounds of 2 s gave higher p99s than rounds of
5 s: each run opens its 16 connections anew, and their first requests are slower.

Nothing else may be busy when the figures are taken: the database is vacuumed and analysed
once its posts are made (else autovacuum starts in the middle of a run), and each gunicorn is
left to settle until its workers are idle (each loads the search's stemming table, a second
of a core, after the first has answered).

A command, never a test. Environment: BENCH_POSTS ("10,10000"), BENCH_SECONDS per page (10),
BENCH_ROUNDS (2), BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_PAGE_CACHE ("1,0"),
BENCH_CACHES ("embedded,redis"), BENCH_WORKERS (gunicorn's, default from gunicorn.conf.py),
BENCH_TIMEOUT (30 s: a slower request counts as failed).
"""

import json
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

from cus_site import stack

FIXED_PAGES = ["/", "/aktualnosci/", "/szukaj/?q=senior"]
# wrk's own default, 2 s, counts a slow page on a busy machine as a failure and not its time.
TIMEOUT_SECONDS = int(os.environ.get("BENCH_TIMEOUT", 30))
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


# wrk's Lua hook at the end of a run: the totals and every latency (µs) with its count.
HISTOGRAM_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("bench-total %d %d %d\\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.status + e.timeout))
  for i = 1, #latency do
    local value, count = latency(i)
    io.write(string.format("bench-latency %d %d\\n", value, count))
  end
end
"""


class Run:
    """What one or more wrk runs measured of one address: requests, seconds, failures and the
    latencies (µs: count)."""

    def __init__(self):
        self.requests = 0
        self.seconds = 0.0
        self.failed = 0
        self.latencies = Counter()

    def add(self, output):
        for line in output.splitlines():
            name, *numbers = line.split() or [""]
            if name == "bench-total":
                requests, microseconds, failed = map(int, numbers)
                self.requests += requests
                self.seconds += microseconds / 1e6
                self.failed += failed
            elif name == "bench-latency":
                value, count = map(int, numbers)
                self.latencies[value] += count
        return self

    def add_run(self, other):
        self.requests += other.requests
        self.seconds += other.seconds
        self.failed += other.failed
        self.latencies += other.latencies

    @property
    def rps(self):
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, share):
        """The latency (ms) that `share` percent of the requests took at most."""
        total = sum(self.latencies.values())
        if not total:
            return 0.0
        wanted = math.ceil(total * share / 100)
        seen = 0
        for value in sorted(self.latencies):
            seen += self.latencies[value]
            if seen >= wanted:
                return value / 1000
        return max(self.latencies) / 1000


def wrk(url, seconds, settings, into=None):
    """One wrk run against `url`, added to `into` (a new Run by default)."""
    output = subprocess.run(
        [
            *WRK_PRIORITY,
            *("wrk", f"-t{settings['threads']}", f"-c{settings['connections']}"),
            *(f"-d{seconds}s", "--timeout", f"{TIMEOUT_SECONDS}s"),
            *("-s", settings["script"], "-H", "Accept-Encoding: gzip", url),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return (into or Run()).add(output)


def cpu_seconds(pid):
    """User and system CPU time of a process and its children (gunicorn's workers)."""
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    total = 0
    for each in [pid, *map(int, children.split())]:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # a worker just replaced
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def settle(gunicorn, longest=30):
    """Wait until gunicorn's workers are idle: under 5% of a core over half a second."""
    deadline = time.monotonic() + longest
    while time.monotonic() < deadline:
        before = cpu_seconds(gunicorn.process.pid)
        time.sleep(0.5)
        if cpu_seconds(gunicorn.process.pid) - before < 0.025:
            return


def measure(gunicorn, settings):
    counts = pages_and_queries(gunicorn.environment)
    settle(gunicorn)
    static = stylesheet(gunicorn.base)
    rounds = settings["rounds"]
    seconds = max(1, round(settings["seconds"] / rounds))
    rows = {}
    all_static = Run()
    for path in counts:
        url = gunicorn.base + path
        # The first 2 s warm every worker; their p99 is the page's on a cold cache.
        cold = wrk(url, 2, settings)
        page, beside = Run(), Run()
        for number in range(rounds):
            order = [(url, page), (gunicorn.base + static, beside)]
            for address, run in order if number % 2 == 0 else reversed(order):
                wrk(address, seconds, settings, into=run)
        all_static.add_run(beside)
        rows[path] = page, beside.rps, cold.percentile(99)
    print(
        f"{'page':<44}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'static':>8}{'ratio':>7}{'SQL':>5}"
        f"{'bytes':>7}{'cold p99':>10}"
    )
    base = gunicorn.base
    for path, (page, static_rps, cold) in rows.items():
        print_row(path, page, static_rps, counts[path], bytes_on_the_wire(base, path), cold)
    print_row("static file", all_static, all_static.rps, 0, bytes_on_the_wire(base, static))


def print_row(name, run, static_rps, queries, size, cold=None):
    failed = f"  ({run.failed} failed)" if run.failed else ""
    cold = f"{cold:>10.1f}" if cold is not None else f"{'':>10}"
    print(
        f"{name[:43]:<44}{run.rps:>8.0f}{run.percentile(50):>8.1f}{run.percentile(99):>8.1f}"
        f"{static_rps:>8.0f}{run.rps / static_rps:>7.3f}{queries:>5}{size:>7}{cold}{failed}"
    )


def run_for_posts(posts, settings):
    with ExitStack() as running:
        folder = running.enter_context(tempfile.TemporaryDirectory(prefix="cus-bench-"))
        postgres = running.enter_context(stack.TemporaryPostgres(folder))
        environment = stack.production_environment(postgres.url, folder)
        print(f"\n== demo content + {posts} generated posts: preparing the database…", flush=True)
        stack.prepare_database(environment, demo=True, posts=posts)
        stack.manage(environment, "collectstatic", "--noinput", "-v0")
        postgres.psql("cus", "VACUUM ANALYZE;")
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
        "rounds": max(1, int(os.environ.get("BENCH_ROUNDS", 2))),
        "connections": int(os.environ.get("BENCH_CONNECTIONS", 16)),
        "threads": int(os.environ.get("BENCH_THREADS", 2)),
        "page_cache": env_list("BENCH_PAGE_CACHE", "1,0"),
        "caches": env_list("BENCH_CACHES", "embedded,redis"),
        "workers": int(os.environ.get("BENCH_WORKERS") or 0) or None,
    }
    print(
        f"wrk -t{settings['threads']} -c{settings['connections']}, {settings['seconds']} s a page "
        f"in {settings['rounds']} rounds, each beside as long a run of the static file; "
        f"gunicorn with DEBUG off on {os.cpu_count()} CPUs; "
        + ("wrk at nice -10" if WRK_PRIORITY else "wrk at the server's priority (not root)")
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="cus-bench-") as script:
        script.write(HISTOGRAM_SCRIPT)
        script.flush()
        settings["script"] = script.name
        for posts in env_list("BENCH_POSTS", "10,10000"):
            run_for_posts(int(posts), settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
