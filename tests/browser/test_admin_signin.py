"""An editor signs in as they would: the first time with the two-factor enrolment (QR code,
the first code, recovery codes), then with a password and a code. The admin's pages run under
their own CSP with nothing refused and the prose editor working."""

import re
import time
from base64 import b32decode

import pytest
from django.contrib.auth.models import Group, User
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from cus_site.permissions import CONTENT_EDITORS
from news.models import Post

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "hasło-redaktorki-2025"


@pytest.fixture(scope="module")
def editor_account(site, django_db_blocker):
    """A content editor the live server can see (committed, outside the test's transaction)."""
    with django_db_blocker.unblock():
        user = User.objects.create_user("redaktorka.przegladarka", password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=CONTENT_EDITORS))
        yield user
        user.delete()


def code_for(key, seconds_ahead=0):
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = time.time() + seconds_ahead
    return f"{totp.token():06d}"


def watch_policy(page):
    """Every Content-Security-Policy refusal the page reports in its console."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def sign_in_with_password(page, site):
    page.goto(site.url + "/admin/")
    page.get_by_label("Nazwa użytkownika").fill("redaktorka.przegladarka")
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()


def test_editor_enrols_at_first_sign_in_then_signs_in_with_a_code(
    page, site, editor_account, settings
):
    settings.REQUIRE_2FA = True
    refused = watch_policy(page)
    sign_in_with_password(page, site)

    page.get_by_role("heading", name="Włącz weryfikację dwuetapową").wait_for()
    page.get_by_role("button", name="Zaczynam").click()
    qr = page.get_by_role("img", name="Kod QR do zeskanowania aplikacją uwierzytelniającą")
    qr.wait_for()
    # The QR code really loaded (decode() waits for it).
    assert qr.evaluate("image => image.decode().then(() => image.naturalWidth)") > 100
    key = b32decode(page.locator(".signin__secret").inner_text())
    page.get_by_label("Kod z aplikacji").fill(code_for(key))
    page.get_by_role("button", name="Włącz weryfikację").click()

    page.get_by_role("heading", name="Weryfikacja dwuetapowa jest włączona").wait_for()
    codes = page.locator(".signin__codes code").all_inner_texts()
    assert len(codes) == 10 and len(set(codes)) == 10
    page.get_by_role("link", name=re.compile("przejdź dalej")).click()
    page.get_by_role("heading", name="Zarządzanie treścią").wait_for()

    # Signing out and in again: the password, then a code; the set-up code was used up, so
    # the app's next code is typed (django-otp accepts one step either side).
    page.context.clear_cookies()
    sign_in_with_password(page, site)
    page.get_by_label("Kod z aplikacji").fill(code_for(key, seconds_ahead=30))
    page.get_by_role("button", name="Potwierdź").click()
    page.get_by_role("heading", name="Zarządzanie treścią").wait_for()
    assert TOTPDevice.objects.filter(user=editor_account, confirmed=True).count() == 1
    assert refused == []


@pytest.fixture(scope="module")
def admin_account(site, django_db_blocker):
    with django_db_blocker.unblock():
        admin = User.objects.create_superuser("kierownik.przegladarka", password=PASSWORD)
        yield admin
        admin.delete()


@pytest.fixture
def signed_in_admin(page, site, admin_account):
    page.goto(site.url + "/admin/login/")
    page.get_by_label("Nazwa użytkownika").fill("kierownik.przegladarka")
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.get_by_role("heading", name="Zarządzanie treścią").wait_for()
    return page


ADMIN_PAGES = [
    "/admin/",
    "/admin/news/post/add/",
    "/admin/news/post/{post}/change/",
    "/admin/osl/programme/add/",
    "/admin/pages/textpage/",
    "/admin/pages/sitesettings/",
    "/admin/hours/unit/add/",
    "/admin/hours/specialday/add/",
    "/admin/weryfikacja/konto/",
]


def test_admin_pages_run_under_their_policy_with_nothing_refused(signed_in_admin, site):
    page = signed_in_admin
    refused = watch_policy(page)
    post = Post.objects.filter(images__isnull=False).first()
    for path in ADMIN_PAGES:
        response = page.goto(site.url + path.format(post=post.pk))
        assert response.status == 200, path
        assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
    assert refused == []


def test_the_prose_editor_and_language_tabs_work_under_the_policy(signed_in_admin, site):
    page = signed_in_admin
    page.goto(site.url + "/admin/news/post/add/")
    editor = page.locator(".ProseMirror >> visible=true").first
    editor.wait_for()
    editor.click()
    page.keyboard.type("Zaproszenie na spotkanie")
    assert "Zaproszenie na spotkanie" in editor.inner_text()
    # modeltranslation's tabs (jQuery UI from static/): the second tab shows the English title.
    assert not page.locator("#id_title_en").is_visible()
    page.locator(".ui-tabs-nav a").nth(1).click()
    assert page.locator("#id_title_en").is_visible()
