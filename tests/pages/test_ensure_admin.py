"""`manage.py ensure_admin`, which `make run` calls: the first run prints a login that works,
later runs never change a password unless told to."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from pages.management.commands import ensure_admin


@pytest.fixture(autouse=True)
def password_file(tmp_path, monkeypatch):
    path = tmp_path / ".admin-password"
    monkeypatch.setattr(ensure_admin, "PASSWORD_FILE", path)
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.delenv("ADMIN_USERNAME", raising=False)
    return path


def run(*args):
    output = StringIO()
    call_command("ensure_admin", *args, stdout=output)
    return output.getvalue()


def password_works(username, password):
    # Not authenticate(): the sign-in lockout (django-axes) needs the request of a sign-in.
    return get_user_model().objects.get(username=username).check_password(password)


def printed_password(output):
    return output.rsplit("password: ", 1)[1].strip()


def test_first_run_creates_the_admin_and_prints_a_password_that_works(db):
    output = run()
    password = printed_password(output)
    assert len(password) >= 12
    assert password_works("admin", password)
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff
    assert printed_password(run()) == password  # the second run prints the same, still working


def test_a_password_changed_in_the_admin_is_left_alone_and_said_to_be_unchanged(db):
    run()
    user = get_user_model().objects.get(username="admin")
    user.set_password("hasło-wybrane-przez-siebie")
    user.save()
    output = run()
    assert "password: unchanged" in output
    assert password_works("admin", "hasło-wybrane-przez-siebie")


def test_admin_password_from_the_environment_does_not_overwrite_an_existing_account(
    db, monkeypatch
):
    get_user_model().objects.create_superuser("admin", password="stare-hasło-administratora")
    monkeypatch.setenv("ADMIN_PASSWORD", "nowe-hasło-z-otoczenia")
    assert "unchanged" in run()
    assert password_works("admin", "stare-hasło-administratora")
    output = run("--reset-password")
    assert printed_password(output) == "nowe-hasło-z-otoczenia"
    assert password_works("admin", "nowe-hasło-z-otoczenia")


def test_a_too_short_admin_password_is_refused_in_one_sentence(db, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "krotkie")
    with pytest.raises(CommandError, match=r"ADMIN_PASSWORD: .*12"):
        run()
    assert not get_user_model().objects.exists()
