"""gunicorn's settings for production: `gunicorn cus_site.wsgi` reads this file from the
project folder (or `-c gunicorn.conf.py`). Each value can be changed by the environment.

Workers are gevent's: one greenlet per connection, so idle or slow clients (a phone on a bad
line, 200 half-sent requests) cost a little memory each and never a worker, whether or not a
proxy buffers in front. The sync workers' two idle connections were enough to make every
visitor wait 30 s. A connection that sends no complete request head within `keepalive`
seconds is closed.

Restarts are graceful: `kill -HUP <master pid>` starts new workers and lets the old ones
finish their requests (`graceful_timeout`), and each worker is replaced after about
`max_requests` requests, so a slow leak never grows for long. Replacing one costs a Django
start (about a second of a core) and its kept-alive connections: at 2,000 requests that
happened every few seconds during a spike, and was the slowest 1 % of `make bench`.
"""

import gc
import multiprocessing
import os

import gevent

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

worker_class = "gevent"
# gevent workers wait on the network, not the CPU: one per core is enough, plus one so that a
# worker being replaced does not halve a two-core machine.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
# Connections one worker holds open at once, idle ones included.
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", 1000))

# A request may take this long before its worker is restarted; a page takes milliseconds.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
# Seconds a connection may wait for (the rest of) its next request's head.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))

max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 100_000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 10_000))

# Request heads are short; anything longer is refused before Django sees it.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Each greenlet is a thread to Django, and a database connection per greenlet would outlive
# its request, so connections close at the end of each request (settings.CONN_MAX_AGE).
raw_env = ["CONN_MAX_AGE=0"]

# The proxy's address, whose X-Forwarded-Proto gunicorn may trust (the nginx example: local).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# gunicorn's control socket (`gunicornc`) has one default path per user, which a second
# instance on the same machine would take over; it is off unless a path is given.
control_socket_disable = "GUNICORN_CONTROL_SOCKET" not in os.environ
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]


def post_request(worker, req, environ, resp):
    # gevent changes greenlets only when one has to wait. A client that sends its next request
    # at once (keep-alive) finds it already read, so its greenlet went on serving it while the
    # worker's other connections waited: p50 under 1 ms, p90 half a second. One turn each, and
    # after the connections whose requests have just arrived: `sleep(0)` only went round the
    # greenlets that were already running, and a connection that had to wait for its request
    # could wait behind them for half a second (the slowest 1 % of the news list, without the
    # page cache: 450–500 ms with `sleep(0)`, 90–150 ms with `idle()`).
    gevent.idle()


def post_worker_init(worker):
    # The search's stemming table takes a second of a core to load (search/words.py). A worker
    # loads it before it takes connections, not during its first search, which would stall
    # every visitor the worker holds: after each start and renewal, the first searches of a
    # spike waited 1–3 s.
    from search.words import stemmer

    stemmer()
    # What the worker has loaded by now (Django, the apps, the stemming table: about 400,000
    # objects) lives as long as the worker. Each of Python's full garbage collections went
    # through all of it again and stopped the worker's visitors for 100–230 ms (each worker had
    # one within 5 s of load; the slowest requests, 250 ms, were those). Frozen, it is left out
    # of every collection: the slowest request took 22 ms.
    gc.freeze()
