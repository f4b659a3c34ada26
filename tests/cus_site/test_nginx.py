"""deploy/nginx/cus-site.conf: nginx parses it (`nginx -t`, where nginx is installed: the
Makefile installs Debian's package as root) and it says what the Django side expects."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from cus_site.middleware import MEGABYTE, body_limit

EXAMPLE = Path(settings.BASE_DIR, "deploy", "nginx", "cus-site.conf")


def located(config, prefix):
    """The body of `location <prefix> { … }` (no nested blocks in the example)."""
    return re.search(rf"location {re.escape(prefix)} \{{(.*?)\n    \}}", config, re.S)[1]


NO_NGINX = "nginx is not installed (the Makefile installs it as root)"
CERTIFICATES = "/etc/letsencrypt/live/cus.tarnow.pl/"


@pytest.mark.skipif(not shutil.which("nginx"), reason=NO_NGINX)
def test_nginx_accepts_the_example(tmp_path):
    certificate, key = tmp_path / "fullchain.pem", tmp_path / "privkey.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=cus.tarnow.pl", "-keyout", key, "-out", certificate),
        ],
        check=True,
        capture_output=True,
    )
    site = EXAMPLE.read_text().replace(CERTIFICATES, f"{tmp_path}/")
    site = site.replace("/var/cache/nginx/cus-site", str(tmp_path / "cache"))
    (tmp_path / "cus-site.conf").write_text(site)
    (tmp_path / "logs").mkdir()
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\n"
        f"error_log {tmp_path}/logs/error.log;\n"
        "events {}\n"
        "http {\n"
        f"  access_log {tmp_path}/logs/access.log;\n"
        f"  client_body_temp_path {tmp_path}/body;\n"
        f"  proxy_temp_path {tmp_path}/proxy;\n"
        f"  include {tmp_path}/cus-site.conf;\n"
        "}\n"
    )
    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr


def megabytes(block):
    return int(re.search(r"client_max_body_size (\d+)m;", block)[1])


def https_server():
    return EXAMPLE.read_text().split("listen 443", 1)[1]


def test_body_limits_match_the_sites_own():
    config = https_server()
    everywhere = re.search(r"\n    client_max_body_size (\d+)m;", config)[1]
    assert int(everywhere) * MEGABYTE == body_limit("/szukaj/")
    admin = located(config, "/admin/")
    assert megabytes(admin) * MEGABYTE == body_limit("/admin/news/post/add/")
    video = located(config, "/admin/pages/textpage/")
    assert megabytes(video) * MEGABYTE == body_limit("/admin/pages/textpage/3/change/")


def test_private_files_are_reachable_only_through_the_internal_location():
    config = EXAMPLE.read_text()
    internal = located(config, "/media-internal/")
    assert "internal;" in internal
    assert "alias /srv/cus-site/media/private/;" in internal
    assert settings.PRIVATE_MEDIA_INTERNAL_URL in ("", "/media-internal/")
    aliases = re.findall(r"alias (\S+);", config)
    assert aliases == [
        "/srv/cus-site/staticfiles/",
        "/srv/cus-site/media/public/",
        "/srv/cus-site/media/private/",
    ]
    assert "return 404;" in located(config, "/media/")


def test_public_pages_are_cached_as_their_headers_say_and_never_for_editors():
    page = located(https_server(), "/")
    assert "proxy_cache cus_site;" in page
    assert "proxy_cache_valid" not in page  # the lifetime is our Cache-Control's
    assert "proxy_no_cache $cus_signed_in;" in page
    assert "proxy_cache_bypass $cus_signed_in;" in page
    assert "$cookie_cus_reader" in page
