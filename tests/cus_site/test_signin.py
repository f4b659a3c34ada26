"""Signing in to the admin: lockouts, the client's address, two-factor enrolment and codes,
sessions, and the password reset (cus_site/signin.py, cus_site/passwords.py)."""

import datetime
import re
from base64 import b32decode

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "hasło-redaktorki-2025"
NOON = datetime.datetime(2026, 3, 2, 12, 0, 7, tzinfo=datetime.UTC)


@pytest.fixture
def staff(db):
    user = UserFactory(username="kierowniczka", is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, username, password, address="203.0.113.5", **headers):
    return client.post(
        LOGIN + "?next=/admin/",
        {
            "login_view-current_step": "auth",
            "auth-username": username,
            "auth-password": password,
        },
        REMOTE_ADDR=address,
        **headers,
    )


def send_code(client, code, step="token"):
    return client.post(
        LOGIN + "?next=/admin/",
        {"login_view-current_step": step, f"{step}-otp_token": code},
        REMOTE_ADDR="203.0.113.5",
    )


def code_at(key, moment):
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = moment.timestamp()
    return f"{totp.token():06d}"


def signed_in(client):
    return client.get("/admin/").status_code == 200


# Lockout.


def test_five_wrong_passwords_lock_the_name_and_address_for_fifteen_minutes(client, staff):
    with time_machine.travel(NOON, tick=False):
        for _attempt in range(4):
            assert sign_in(client, "kierowniczka", "zle-haslo-0000").status_code == 200
        assert sign_in(client, "kierowniczka", "zle-haslo-0000").status_code == 429
        locked = sign_in(client, "kierowniczka", PASSWORD)
        assert locked.status_code == 429
        page = locked.content.decode()
        assert "Logowanie wstrzymane" in page
        assert "Spróbuj ponownie o 13:15" in page  # 12:00 UTC is 13:00 in Warsaw
        assert locked["Retry-After"] == "900"
        assert not signed_in(client)
        # Another address is not locked out by this one.
        other = Client()
        assert sign_in(other, "kierowniczka", PASSWORD, address="198.51.100.9").status_code == 302
    with time_machine.travel(NOON + datetime.timedelta(minutes=16), tick=False):
        assert sign_in(client, "kierowniczka", PASSWORD).status_code == 302
        assert signed_in(client)


def test_the_message_is_the_same_whether_or_not_the_account_exists(client, staff):
    with time_machine.travel(NOON, tick=False):
        pages = {}
        for name in ("kierowniczka", "nie-ma-takiej-osoby"):
            for _attempt in range(5):
                sign_in(client, name, "zle-haslo-0000")
            response = sign_in(client, name, "zle-haslo-0000")
            assert response.status_code == 429
            pages[name] = re.sub(
                r"csrfmiddlewaretoken\" value=\"[^\"]+", "", response.content.decode()
            )
        assert pages["kierowniczka"] == pages["nie-ma-takiej-osoby"]


def test_an_address_trying_many_user_names_is_stopped(client, staff):
    with time_machine.travel(NOON, tick=False):
        for number in range(19):
            assert sign_in(client, f"osoba{number}", "zle-haslo-0000").status_code == 200
        assert sign_in(client, "osoba19", "zle-haslo-0000").status_code == 429
        assert sign_in(client, "kierowniczka", PASSWORD).status_code == 429
        assert (
            sign_in(Client(), "kierowniczka", PASSWORD, address="198.51.100.9").status_code == 302
        )


def test_a_form_posted_many_times_stays_refused(client, staff):
    with time_machine.travel(NOON, tick=False):
        statuses = [
            sign_in(client, "kierowniczka", f"proba-{n:04d}").status_code for n in range(40)
        ]
    assert statuses[:4] == [200] * 4
    assert set(statuses[4:]) == {429}
    assert AccessAttempt.objects.count() == 1


def test_behind_trusted_proxies_each_editor_has_their_own_address(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    with time_machine.travel(NOON, tick=False):
        for _attempt in range(5):
            sign_in(client, "kierowniczka", "zle", HTTP_X_FORWARDED_FOR="1.1.1.1, 10.0.0.7")
        # The same proxy address, another editor's machine: not locked.
        other = sign_in(Client(), "kierowniczka", PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.8")
        assert other.status_code == 302
        # The client cannot escape by forging the left part of the header.
        forged = sign_in(client, "kierowniczka", PASSWORD, HTTP_X_FORWARDED_FOR="9.9.9.9, 10.0.0.7")
        assert forged.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "10.0.0.7"


def test_without_trusted_proxies_the_forwarded_header_is_ignored(client, staff):
    with time_machine.travel(NOON, tick=False):
        sign_in(client, "kierowniczka", "zle", HTTP_X_FORWARDED_FOR="10.0.0.7")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.5"


def test_a_superuser_unlocks_in_the_admin_and_editors_cannot(client, staff, editor):
    with time_machine.travel(NOON, tick=False):
        for _attempt in range(5):
            sign_in(Client(), "kierowniczka", "zle")
        attempt = AccessAttempt.objects.get()
        client.force_login(editor)
        assert client.get("/admin/axes/accessattempt/").status_code == 403
        admin = Client()
        admin.force_login(UserFactory(username="kierownik", is_staff=True, is_superuser=True))
        page = admin.get("/admin/axes/accessattempt/").content.decode()
        assert "kierowniczka" in page
        response = admin.post(
            f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"}, follow=True
        )
        assert response.status_code == 200
        assert sign_in(Client(), "kierowniczka", PASSWORD).status_code == 302


# Two-factor sign-in.


def enrol(client):
    """The first sign-in with REQUIRE_2FA on, as the pages lead: password, welcome, QR code
    and the first code; returns the TOTP key the page showed."""
    response = sign_in(client, "kierowniczka", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/weryfikacja/"
    welcome = client.get("/admin/weryfikacja/").content.decode()
    assert "Włącz weryfikację dwuetapową" in welcome
    generator = client.post("/admin/weryfikacja/", {"setup_view-current_step": "welcome"})
    page = generator.content.decode()
    assert '<img src="/admin/weryfikacja/kod-qr/"' in page
    qr = client.get("/admin/weryfikacja/kod-qr/")
    assert qr["Content-Type"].startswith("image/svg+xml") and b"<svg" in qr.content
    secret = re.search(r'<code class="signin__secret">([A-Z2-7]+)</code>', page)[1]
    key = b32decode(secret)
    done = client.post(
        "/admin/weryfikacja/",
        {"setup_view-current_step": "generator", "generator-token": code_at(key, NOON)},
    )
    assert done.status_code == 302 and done["Location"] == "/admin/weryfikacja/gotowe/"
    return key


def test_first_sign_in_enrols_with_a_qr_code_and_shows_recovery_codes(client, staff, settings):
    settings.REQUIRE_2FA = True
    with time_machine.travel(NOON, tick=False):
        assert not signed_in(client)
        enrol(client)
        page = client.get("/admin/weryfikacja/gotowe/").content.decode()
        codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", page)
        assert len(codes) == 10
        assert "Każdy kod działa tylko raz" in page
        assert 'href="/admin/"' in page
        assert signed_in(client)
        device = TOTPDevice.objects.get(user=staff)
        assert device.confirmed


def test_a_code_is_accepted_one_step_late_but_not_two_and_never_twice(staff, settings):
    settings.REQUIRE_2FA = True
    device = TOTPDevice.objects.create(user=staff, name="default", confirmed=True)
    key = device.bin_key
    with time_machine.travel(NOON, tick=False):
        client = Client()
        assert sign_in(client, "kierowniczka", PASSWORD).status_code == 200  # the code step
        stale = send_code(client, code_at(key, NOON - datetime.timedelta(seconds=60)))
        assert "Ten kod jest nieprawidłowy albo został już użyty" in stale.content.decode()
        assert not signed_in(client)
    with time_machine.travel(NOON + datetime.timedelta(seconds=5), tick=False):
        # Throttling after the failure has passed; a code from the previous step still works.
        late = code_at(key, NOON - datetime.timedelta(seconds=30))
        client = Client()
        sign_in(client, "kierowniczka", PASSWORD)
        assert send_code(client, late).status_code == 302
        assert signed_in(client)
    with time_machine.travel(NOON + datetime.timedelta(seconds=15), tick=False):
        replay = Client()
        sign_in(replay, "kierowniczka", PASSWORD)
        response = send_code(replay, late)
        assert response.status_code == 200
        assert not signed_in(replay)


def test_the_code_that_set_up_the_app_cannot_sign_in_again(client, staff, settings):
    settings.REQUIRE_2FA = True
    with time_machine.travel(NOON, tick=False):
        key = enrol(client)
        second = Client()
        sign_in(second, "kierowniczka", PASSWORD)
        assert send_code(second, code_at(key, NOON)).status_code == 200
        assert not signed_in(second)


def test_a_recovery_code_signs_in_once(client, staff, settings):
    settings.REQUIRE_2FA = True
    with time_machine.travel(NOON, tick=False):
        enrol(client)
        page = client.get("/admin/weryfikacja/gotowe/").content.decode()
        code = re.findall(r"<li><code>([a-z0-9]+)</code></li>", page)[0]
        for attempt in ("first", "second"):
            other = Client()
            sign_in(other, "kierowniczka", PASSWORD)
            response = send_code(other, code, step="backup")
            if attempt == "first":
                assert response.status_code == 302 and signed_in(other)
            else:
                assert response.status_code == 200 and not signed_in(other)


def test_a_staff_member_signed_in_without_a_second_factor_must_enrol(client, staff, settings):
    settings.REQUIRE_2FA = True
    client.force_login(staff)
    response = client.get("/admin/news/post/")
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert follow.status_code == 302 and follow["Location"] == "/admin/weryfikacja/"


def test_without_require_2fa_a_password_alone_signs_in(client, staff, settings):
    settings.REQUIRE_2FA = False
    assert sign_in(client, "kierowniczka", PASSWORD).status_code == 302
    assert signed_in(client)


def test_two_factor_pages_are_in_polish(client, staff, settings):
    settings.REQUIRE_2FA = True
    device = TOTPDevice.objects.create(user=staff, name="default", confirmed=True)
    page = sign_in(client, "kierowniczka", PASSWORD).content.decode()
    assert "Kod z aplikacji" in page and "Potwierdź" in page
    assert "Token" not in page and "Porzuć" not in page
    assert device.user == staff


# Sessions, caching, indexing.


def test_staff_sessions_end_after_eight_hours_without_a_request(client, staff):
    sign_in(client, "kierowniczka", PASSWORD)
    response = client.get("/admin/")
    assert response.cookies["sessionid"]["max-age"] == 8 * 60 * 60
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=7), tick=False):
        assert signed_in(client)  # each request renews the eight hours
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=15, minutes=1)):
        assert not signed_in(client)


@pytest.mark.parametrize("path", [LOGIN, "/admin/haslo/", "/admin/haslo/wyslano/"])
def test_sign_in_and_password_pages_are_not_indexed_or_cached(client, db, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert '<html lang="pl"' in response.content.decode()


def test_password_reset_sends_a_link_that_sets_a_new_password(client, staff):
    staff.email = "redaktorka@cus.example"
    staff.save()
    response = client.post("/admin/haslo/", {"email": "redaktorka@cus.example"})
    assert response.status_code == 302 and response["Location"] == "/admin/haslo/wyslano/"
    message = mail.outbox[0]
    assert message.to == ["redaktorka@cus.example"]
    link = re.search(r"http://testserver(/admin/haslo/nowe/\S+/)", message.body)[1]
    form_page = client.get(link, follow=True)
    form_url = form_page.redirect_chain[-1][0]
    short = client.post(form_url, {"new_password1": "krotkie", "new_password2": "krotkie"})
    assert "co najmniej 12 znaków" in short.content.decode()
    new = "nowe-dlugie-haslo-2026"
    done = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302 and done["Location"] == "/admin/haslo/zmienione/"
    assert sign_in(Client(), "kierowniczka", new).status_code == 302


def test_password_reset_says_the_same_for_an_unknown_address(client, staff):
    response = client.post("/admin/haslo/", {"email": "nikt@example.org"})
    assert response.status_code == 302 and response["Location"] == "/admin/haslo/wyslano/"
    assert mail.outbox == []


def test_password_reset_pauses_after_five_requests_an_hour_from_one_address(client, staff):
    staff.email = "redaktorka@cus.example"
    staff.save()
    for _ in range(5):
        asked = client.post("/admin/haslo/", {"email": "redaktorka@cus.example"})
        assert asked.status_code == 302
    paused = client.post("/admin/haslo/", {"email": "redaktorka@cus.example"})
    assert paused.status_code == 429 and paused["Retry-After"] == "3600"
    assert "Ustawianie hasła wstrzymane" in paused.content.decode()
    assert len(mail.outbox) == 5
    # Another address is not held up by this one.
    other = client.post(
        "/admin/haslo/", {"email": "redaktorka@cus.example"}, REMOTE_ADDR="203.0.113.9"
    )
    assert other.status_code == 302
