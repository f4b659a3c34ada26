"""`make bench` adds up a page's rounds from wrk's histograms (cus_site/bench.py): its req/s and
percentiles are those of all its requests, not of one round."""

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cus_site import bench


def wrk_output(requests, microseconds, failed, latencies):
    """What wrk prints with the bench's Lua hook, after its own summary."""
    lines = ["Running 2s test @ http://127.0.0.1/", "", "Requests/sec:   123.45"]
    lines.append(f"bench-total {requests} {microseconds} {failed}")
    lines += [f"bench-latency {value} {count}" for value, count in latencies.items()]
    return "\n".join(lines)


def test_rounds_add_up_to_the_requests_and_latencies_of_them_all():
    run = bench.Run()
    # A fast round and a slow one: 98 requests at 1 ms, then 2 at 80 ms.
    run.add(wrk_output(98, 1_000_000, 0, {1000: 98}))
    run.add(wrk_output(2, 1_000_000, 1, {80_000: 2}))

    assert run.requests == 100
    assert run.rps == 50.0
    assert run.failed == 1
    assert run.percentile(50) == 1.0
    # 98 of 100 took 1 ms: the 99th percentile is one of the slow ones, which neither round's
    # own p99 alone would say of the two (the first round's is 1 ms).
    assert run.percentile(98) == 1.0
    assert run.percentile(99) == 80.0
    assert bench.Run().add(wrk_output(98, 1_000_000, 0, {1000: 98})).percentile(99) == 1.0


def test_the_static_files_row_adds_up_every_pages_rounds_beside_it():
    beside_one = bench.Run().add(wrk_output(300, 1_000_000, 0, {500: 300}))
    beside_two = bench.Run().add(wrk_output(100, 1_000_000, 0, {2500: 100}))
    every = bench.Run()
    every.add_run(beside_one)
    every.add_run(beside_two)

    assert every.rps == 200.0
    assert every.percentile(50) == 0.5
    assert every.percentile(90) == 2.5


class Quick(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (make wrk)")
def test_wrk_reports_every_request_through_the_benchs_hook(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Quick)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    script = tmp_path / "histogram.lua"
    script.write_text(bench.HISTOGRAM_SCRIPT)
    settings = {"threads": 1, "connections": 2, "script": str(script)}
    try:
        run = bench.wrk(f"http://127.0.0.1:{server.server_port}/", 1, settings)
    finally:
        server.shutdown()
        server.server_close()

    assert run.requests > 0
    assert run.failed == 0
    assert 0.9 < run.seconds < 2
    # A latency for each response (wrk's count and its histogram's differ by the few responses
    # that come in as the run ends).
    assert abs(sum(run.latencies.values()) - run.requests) <= run.requests // 10 + 16
    assert 0 < run.percentile(50) <= run.percentile(99)
