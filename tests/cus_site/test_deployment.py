"""What production adds: the deployment check, the security headers, the admin's policy and
the request body limits."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

from cus_site.middleware import MEGABYTE
from tests.factories import TextPageFactory

# The production settings the README documents (a local database is enough for the check).
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k2#r9Vq-production-like-secret-key-with-enough-characters-x1",
    "ALLOWED_HOSTS": "cus.tarnow.pl",
    "CSRF_TRUSTED_ORIGINS": "https://cus.tarnow.pl",
    "SITE_URL": "https://cus.tarnow.pl",
    "BEHIND_HTTPS_PROXY": "1",
    "TRUSTED_PROXY_COUNT": "1",
    "REQUIRE_2FA": "1",
    "SERVE_MEDIA": "0",
    "PRIVATE_MEDIA_INTERNAL_URL": "/media-internal/",
}


def test_check_deploy_reports_nothing_with_the_readme_production_settings():
    environment = {**os.environ, **PRODUCTION}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_public_pages_keep_the_strict_policy_and_switch_off_device_features(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    # The directives' order is not fixed (django-csp builds them from a dict of sets).
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'" and directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and "unsafe-inline" not in policy
    features = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in features
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_admin_has_a_policy_of_its_own_without_inline_scripts(admin_client):
    response = admin_client.get("/admin/news/post/add/")
    policy = response["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if "script-src" in part)
    assert script_src.split()[:2] == ["script-src", "'self'"]
    assert "'sha256-" in script_src and "unsafe" not in script_src
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_behind_the_proxy_https_is_required_and_remembered(settings, db):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    client = Client()
    plain = client.get("/kontakt/")
    assert plain.status_code == 301 and plain["Location"] == "https://testserver/kontakt/"
    secure = client.get("/kontakt/", HTTP_X_FORWARDED_PROTO="https")
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def post_declaring(client, path, megabytes):
    """A POST that says its body is this large and sends a few bytes: reading the declared
    body would fail, so a response other than an error means nothing was read."""
    return client.post(
        path,
        data=b"x" * 10,
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(int(megabytes * MEGABYTE)),
    )


@pytest.mark.parametrize(
    ("path", "megabytes", "limit"),
    [
        ("/szukaj/", 1.5, 1),
        ("/admin/news/post/add/", 26, 25),
        ("/admin/pages/textpage/add/", 201, 200),
        ("/admin/login/", 26, 25),
    ],
)
def test_a_body_over_its_paths_limit_gets_the_polish_413_before_it_is_read(
    admin_client, path, megabytes, limit
):
    response = post_declaring(admin_client, path, megabytes)
    assert response.status_code == 413
    page = response.content.decode()
    assert "Przesłane dane są za duże" in page
    assert f"najwyżej {limit} MB" in page
    assert '<html lang="pl"' in page


def test_the_sign_language_video_form_takes_a_large_upload(admin_client):
    page = TextPageFactory(slug="polski-jezyk-migowy")
    url = f"/admin/pages/textpage/{page.pk}/change/"
    assert body_allowed(url, 150) and not body_allowed(url, 201)
    assert not body_allowed("/admin/news/post/add/", 150)
    assert body_allowed("/admin/news/post/add/", 20)
    assert not body_allowed("/", 2) and body_allowed("/", 0.5)


def body_allowed(path, megabytes):
    from cus_site.middleware import body_limit

    return megabytes * MEGABYTE <= body_limit(path)
