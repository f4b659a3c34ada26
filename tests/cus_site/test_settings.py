"""The settings refuse to start production without what it needs, in one clear line."""

import os
import subprocess
import sys

from django.conf import settings

CHECK = [sys.executable, "manage.py", "check"]


def run_manage(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    environment.update(env)
    return subprocess.run(
        CHECK, cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage(DEBUG="0")
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_empty_environment_gets_the_one_line_too():
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=settings.BASE_DIR,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert result.stderr.strip() == result.stderr.strip().splitlines()[0]
    assert "SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_refuses_to_start_without_site_url():
    result = run_manage(DEBUG="0", SECRET_KEY="x" * 50, SITE_URL="")
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "SITE_URL is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_site_url_that_is_no_address_is_explained():
    result = run_manage(DEBUG="0", SECRET_KEY="x" * 50, SITE_URL="cus.tarnow.pl")
    assert result.returncode != 0
    assert "SITE_URL must be an address such as https://cus.tarnow.pl" in result.stderr
    assert "Traceback" not in result.stderr


def test_development_has_a_local_site_url():
    result = subprocess.run(
        [sys.executable, "-c", "import cus_site.settings as s; print(s.SITE_URL)"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DEBUG": "1", "SITE_URL": "", "SECRET_KEY": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "http://127.0.0.1:8000"


def test_production_refuses_to_start_without_database_url():
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        CHECK,
        cwd=settings.BASE_DIR,
        env={**environment, "DEBUG": "0", "SECRET_KEY": "x" * 50},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "DATABASE_URL is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_database_url_of_another_kind_is_explained():
    result = run_manage(DEBUG="0", SECRET_KEY="x" * 50, DATABASE_URL="mysql://root@localhost/cus")
    assert result.returncode != 0
    assert "DATABASE_URL must point to PostgreSQL" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreachable_database_is_one_line():
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": "x" * 50,
            "DATABASE_URL": "postgresql://postgres@127.0.0.1:1/nothing",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert result.stderr.startswith("cus-site: cannot reach the database")
    assert "Traceback" not in result.stderr


def test_debug_is_off_unless_asked_for():
    result = subprocess.run(
        [sys.executable, "-c", "import cus_site.settings as s; print(s.DEBUG)"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DEBUG": "yes please", "SECRET_KEY": "x" * 50},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "False"


def test_timezone_and_language_are_polish():
    assert settings.TIME_ZONE == "Europe/Warsaw"
    assert settings.USE_TZ is True
    assert settings.LANGUAGE_CODE == "pl"
