"""`make loadtest`: the production stack under 64 connections, then the same while its
PostgreSQL is stopped for 15 s and started again.

Prints req/s, errors, timeouts and latency percentiles of the first run; of the second, what
visitors got second by second (statuses) and the seconds from the database's return to the
first normal page. The targets (issue 12): 0 errors and 0 timeouts at 64 connections; only
cached pages (200) and 503s while the database is down; recovery within 5 s.

The load generator is plain Python on gevent (one greenlet per connection, each keeping its
connection alive); it needs far less CPU than the pages it asks for. A command, never a test.
Environment: LOADTEST_SECONDS (60), LOADTEST_CONNECTIONS (64), LOADTEST_DOWN_SECONDS (15),
LOADTEST_WORKERS (gunicorn's, default from gunicorn.conf.py), LOADTEST_TIMEOUT (30 s, after
which a request counts as a timeout).
"""

from gevent import monkey

monkey.patch_all()

import http.client  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402

import gevent  # noqa: E402

from cus_site.stack import production_stack  # noqa: E402

PAGES = ["/", "/aktualnosci/", "/godziny-otwarcia/", "/osl/", "/szukaj/?q=senior", "/kontakt/"]
# A visitor gives up after this long; an answer later than that counts as a timeout.
TIMEOUT_SECONDS = float(os.environ.get("LOADTEST_TIMEOUT", 30))


class Load:
    """Connections asking for the pages in turn; every answer is kept as (started, finished,
    status), status "error" for a broken connection and "timeout" for none in time."""

    def __init__(self, base, connections):
        self.host, self.port = base.removeprefix("http://").split(":")
        self.connections = connections
        self.answers = []
        self.running = False

    def run_for(self, seconds):
        self.start()
        gevent.sleep(seconds)
        self.stop()

    def start(self):
        self.running = True
        self.started = time.monotonic()
        self.greenlets = [gevent.spawn(self.visitor, n) for n in range(self.connections)]

    def stop(self):
        self.running = False
        gevent.joinall(self.greenlets, timeout=TIMEOUT_SECONDS + 5)
        self.finished = time.monotonic()

    def visitor(self, number):
        connection = self.connect()
        turn = number
        while self.running:
            path = PAGES[turn % len(PAGES)]
            turn += 1
            started = time.monotonic()
            try:
                connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
                response = connection.getresponse()
                response.read()
                status = response.status
            except TimeoutError:
                status = "timeout"
            except (OSError, http.client.HTTPException):
                status = "error"
            if status in ("timeout", "error") or response.will_close:
                connection.close()
                connection = self.connect()
            self.answers.append((started, time.monotonic(), status))

    def connect(self):
        return http.client.HTTPConnection(self.host, int(self.port), timeout=TIMEOUT_SECONDS)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0


def summary(load):
    seconds = load.finished - load.started
    statuses = Counter(status for _, _, status in load.answers)
    latencies = [finished - started for started, finished, _ in load.answers]
    count = len(load.answers)
    print(f"  {count} requests in {seconds:.1f} s: {count / seconds:.0f} req/s")
    print(f"  statuses: {dict(sorted(statuses.items(), key=str))}")
    errors = sum(n for status, n in statuses.items() if status == "error" or str(status)[0] == "5")
    print(f"  errors: {errors}, timeouts: {statuses['timeout']}")
    print(
        "  latency: p50 {:.0f} ms, p99 {:.0f} ms, max {:.0f} ms".format(
            *(1000 * percentile(latencies, share) for share in (0.5, 0.99, 1))
        )
    )


def by_second(load, marks):
    per_second = defaultdict(Counter)
    for _, finished, status in load.answers:
        per_second[int(finished - load.started)][status] += 1
    print("  second  answers that arrived in it")
    for second in sorted(per_second):
        note = " ".join(text for at, text in marks if int(at - load.started) == second)
        counts = ", ".join(f"{status}: {n}" for status, n in sorted(per_second[second].items()))
        print(f"  {second:>6}  {counts}{'   <- ' + note if note else ''}")


def outage_run(postgres, base, connections, down_seconds):
    load = Load(base, connections)
    load.start()
    gevent.sleep(5)
    stopped = time.monotonic()
    postgres.stop()
    gevent.sleep(down_seconds)
    restarting = time.monotonic()
    postgres.start()
    ready = time.monotonic()
    gevent.sleep(10)
    load.stop()
    marks = [(stopped, "PostgreSQL stopped"), (restarting, "started"), (ready, "accepting")]
    by_second(load, marks)
    down = [status for _, finished, status in load.answers if stopped + 1 < finished < restarting]
    print(f"  answers that arrived while it was down: {dict(Counter(down))}")
    normal = [end for start, end, status in load.answers if status == 200 and start > ready]
    first_normal = min(normal, default=None)
    if first_normal is None:
        print("  no normal page after the restart")
    else:
        print(
            f"  first normal page {first_normal - ready:.2f} s after PostgreSQL accepted "
            f"connections again ({first_normal - restarting:.2f} s after its start began)"
        )


def main():
    seconds = float(os.environ.get("LOADTEST_SECONDS", 60))
    connections = int(os.environ.get("LOADTEST_CONNECTIONS", 64))
    down_seconds = float(os.environ.get("LOADTEST_DOWN_SECONDS", 15))
    extra = {}
    if os.environ.get("LOADTEST_WORKERS"):
        extra["workers"] = int(os.environ["LOADTEST_WORKERS"])
    print(f"Load average before: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    print("Starting the stack (temporary PostgreSQL, demo content, gunicorn with DEBUG off)…")
    with production_stack(demo=True, **extra) as (postgres, gunicorn):
        warm_up = Load(gunicorn.base, connections)  # each worker's first pages load templates
        warm_up.run_for(3)
        print(f"\n1. {connections} connections for {seconds:.0f} s against {', '.join(PAGES)}")
        load = Load(gunicorn.base, connections)
        load.run_for(seconds)
        summary(load)
        print(f"\n2. The same while PostgreSQL is stopped for {down_seconds:.0f} s, then started")
        outage_run(postgres, gunicorn.base, connections, down_seconds)
        print("\nThe site's log about the database (cus_site/outage.py):")
        for line in gunicorn.log.read_text().splitlines():
            if "Database unavailable" in line or "Traceback" in line:
                print(f"  {line[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
