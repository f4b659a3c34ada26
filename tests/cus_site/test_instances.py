"""Two app servers behave as one site: two gunicorn instances (gunicorn.conf.py, as in
deploy/README.md) on different ports, sharing the test's PostgreSQL and one bucket of the S3
server. Nothing of this test depends on a shared cache: pages are read from the database."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings

from news.models import Post
from tests.cus_site.test_production import session_database_url
from tests.factories import PostFactory, UserFactory
from tests.news import imagefiles as files
from tests.news.test_admin import post_form
from tests.s3 import free_port

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "hasło-redaktorki-2025"
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def start_instance(port, storage_env, static_root, log):
    environment = {
        **os.environ,
        **storage_env,
        "DATABASE_URL": session_database_url(),
        "STATIC_ROOT": str(static_root),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "SECURE_COOKIES": "0",
    }
    return subprocess.Popen(
        [GUNICORN, "-c", "gunicorn.conf.py", "cus_site.wsgi"],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_for(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "a gunicorn instance stopped as it started"
        try:
            requests.get(url + "/robots.txt", timeout=10)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.3)
    raise AssertionError(f"gunicorn did not answer at {url}")


@pytest.fixture
def two_instances(object_storage, tmp_path):
    ports = [free_port(), free_port()]
    logs = [open(tmp_path / f"gunicorn-{port}.log", "wb") for port in ports]  # noqa: SIM115
    static_root = tmp_path / "static"
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "STATIC_ROOT": str(static_root)},
        check=True,
        timeout=180,
    )
    processes = [
        start_instance(port, object_storage.env, static_root, log)
        for port, log in zip(ports, logs, strict=True)
    ]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url, process in zip(urls, processes, strict=True):
            wait_for(url, process)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        for log in logs:
            log.close()
            print(Path(log.name).read_text()[-3000:])


def csrf_token(browser, url):
    page = browser.get(url, timeout=10).text
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]


def sign_in(browser, one, other, password=PASSWORD):
    """The form from one instance, sent to the other."""
    token = csrf_token(browser, one + "/admin/login/")
    return browser.post(
        other + "/admin/login/?next=/admin/",
        data={
            "csrfmiddlewaretoken": token,
            "login_view-current_step": "auth",
            "auth-username": "redaktorka",
            "auth-password": password,
        },
        headers={"Referer": other + "/admin/login/"},
        timeout=10,
        allow_redirects=False,
    )


@pytest.fixture
def staff(transactional_db):
    user = UserFactory(username="redaktorka", is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def test_two_instances_share_sessions_edits_and_uploads(two_instances, staff):
    one, other = two_instances
    browser = requests.Session()
    signed = sign_in(browser, one, other)
    assert signed.status_code == 302, signed.text[:2000]
    assert browser.get(one + "/admin/", timeout=10).status_code == 200

    post = PostFactory(title_pl="Dzień otwarty", slug_pl="dzien-otwarty")
    # A resident's copy of the page in the shared page cache (Redis under `make test`).
    assert "Dzień otwarty" in requests.get(other + "/aktualnosci/dzien-otwarty/", timeout=10).text
    change = f"/admin/news/post/{post.pk}/change/"
    token = csrf_token(browser, other + change)
    data = post_form(title_pl="Dzień otwarty – nowy termin", slug_pl="dzien-otwarty")
    data["csrfmiddlewaretoken"] = token
    edited = browser.post(one + change, data=data, headers={"Referer": one + change}, timeout=10)
    assert edited.ok and edited.url.endswith("/admin/news/post/"), edited.text[:2000]
    page = browser.get(other + "/aktualnosci/dzien-otwarty/", timeout=10).text
    assert "Dzień otwarty – nowy termin" in page
    # And at once for a resident of the other instance, whose copy was cached before the edit.
    anonymous = requests.get(other + "/aktualnosci/dzien-otwarty/", timeout=10)
    assert "Dzień otwarty – nowy termin" in anonymous.text
    assert "public" in anonymous.headers["Cache-Control"]

    token = csrf_token(browser, one + "/admin/news/post/add/")
    data = post_form(
        title_pl="Piknik",
        slug_pl="piknik",
        cover_alt_pl="Stoły na trawie",
        csrfmiddlewaretoken=token,
    )
    data.pop("cover_shows_people", None)
    photo = {"cover": ("sala.jpg", files.camera_jpeg(1000, 800), "image/jpeg")}
    added = browser.post(
        other + "/admin/news/post/add/",
        data=data,
        files=photo,
        headers={"Referer": other + "/admin/news/post/add/"},
        timeout=30,
    )
    assert added.ok and Post.objects.filter(slug_pl="piknik").exists(), added.text[:2000]
    page = requests.get(one + "/aktualnosci/piknik/", timeout=10).text
    src = re.search(r'<img src="([^"]+)"', page)[1]
    assert src.startswith(settings.MEDIA_URL)
    served = requests.get(src, timeout=10)
    assert served.status_code == 200 and served.content.startswith(b"\xff\xd8")


def test_sign_in_lockouts_count_across_instances(two_instances, staff):
    one, other = two_instances
    # Five wrong passwords, alternating between the instances: the fifth locks the name out.
    for attempt in range(5):
        instance = (one, other)[attempt % 2]
        refused = sign_in(requests.Session(), instance, instance, password="złe-hasło-0000")
        assert refused.status_code == (429 if attempt == 4 else 200)
    # Then the right password is refused by both.
    for instance in (one, other):
        assert sign_in(requests.Session(), instance, instance).status_code == 429
