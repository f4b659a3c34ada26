"""Uploads in S3-compatible object storage (cus_site.storage), against moto's S3 server: what
is stored, where pages point, what moves, what a page asks of the storage (nothing), and what
an editor sees when the storage fails."""

import io
import json
import os
import re
import socket
import subprocess
import sys
import urllib.request

import pytest
from botocore.exceptions import ClientError
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import ExifTags, Image

from news.models import Post
from pages.models import TextPage
from tests.factories import DocumentFactory, PostFactory, ProgrammeFactory
from tests.news import imagefiles as files
from tests.news.test_admin import ADD_URL, errors_of, post_form
from tests.pages.test_admin import CAPTIONS, WEBM_START, add_text_page, upload
from tests.pages.test_admin import errors_of as errors_of_page
from tests.s3 import free_port, moto_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def storage_requests():
    """Every request the site's storage client sends from now on (botocore's own event)."""
    sent = []
    client = default_storage.connection.meta.client
    handler = lambda request, **kwargs: sent.append(request.url)  # noqa: E731
    client.meta.events.register("before-send.s3", handler)
    yield sent
    client.meta.events.unregister("before-send.s3", handler)


def metadata_of(content):
    """What an image file says besides its pixels: EXIF (GPS among it), XMP, ICC, comments."""
    image = Image.open(io.BytesIO(content))
    kept = {key for key in image.info if key.startswith(("exif", "icc", "xmp", "XML", "comment"))}
    return kept | set(image.getexif())


def upload_post(admin_client, **fields):
    cover = files.upload("IMG_20251201_101500.jpg", files.camera_jpeg(1600, 1200))
    data = post_form(
        slug_pl="piknik",
        cover=cover,
        cover_alt_pl="Stoły z jedzeniem na trawie",
        cover_shows_people="",
        **fields,
    )
    return admin_client.post(ADD_URL, data)


def test_a_photo_uploaded_in_the_admin_is_stored_without_metadata_and_so_is_every_rendition(
    admin_client, object_storage, on_commit
):
    gps = Image.open(io.BytesIO(files.camera_jpeg())).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert gps, "the upload has GPS coordinates"
    with on_commit():
        response = upload_post(admin_client)
    assert response.status_code == 302, errors_of(response)
    post = Post.objects.get()
    keys = object_storage.keys()
    assert post.cover.name in keys and post.cover.name.startswith("public/aktualnosci/")
    renditions = object_storage.keys("public/CACHE/")
    # 480, 800 and 1200 pixels wide, each as WebP and JPEG.
    assert len(renditions) == 6
    for key in [post.cover.name, *renditions]:
        assert metadata_of(object_storage.read(key)) == set(), key
    assert not os.path.exists(django_settings.MEDIA_ROOT)


def test_a_page_points_at_the_public_address_and_asks_the_storage_nothing(
    client, admin_client, object_storage, on_commit, storage_requests, django_assert_num_queries
):
    with on_commit():
        upload_post(admin_client)
    assert storage_requests, "the counter sees the upload's requests"
    storage_requests.clear()
    page = client.get("/aktualnosci/piknik/")
    html = page.content.decode()
    public = object_storage.public_url + "/public/"
    img = re.search(r'<img src="([^"]+)"', html)[1]
    assert img.startswith(public + "CACHE/")
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        for candidate in srcset.split(", "):
            assert candidate.startswith(public + "CACHE/"), candidate
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', html)[1]
    assert og_image.startswith(public + "CACHE/")
    assert "X-Amz-Signature" not in html and "Expires=" not in html
    assert object_storage.env["S3_ENDPOINT_URL"] in page["Content-Security-Policy"]
    assert storage_requests == []
    # The address serves the file, to anyone (the bucket's policy on public/).
    with urllib.request.urlopen(img, timeout=5) as served:
        assert served.read().startswith(b"\xff\xd8")


def test_publishing_and_hiding_move_the_objects_and_their_renditions(
    admin_client, object_storage, on_commit
):
    with on_commit():
        upload_post(admin_client, status="draft")
    post = Post.objects.get()
    assert post.cover.name.startswith("private/")
    assert object_storage.keys("public/") == []
    private = object_storage.keys("private/")
    assert len(private) == 7

    changelist = reverse("admin:news_post_changelist")
    with on_commit():
        admin_client.post(changelist, {"action": "publish", "_selected_action": [post.pk]})
    post.refresh_from_db()
    assert post.cover.name.startswith("public/")
    assert object_storage.keys("private/") == []
    assert object_storage.keys("public/") == sorted(
        "public/" + key.removeprefix("private/") for key in private
    )

    with on_commit():
        admin_client.post(changelist, {"action": "unpublish", "_selected_action": [post.pk]})
    assert object_storage.keys("public/") == []
    assert object_storage.keys("private/") == private


def test_a_deleted_post_keeps_its_photo_privately_streamed_to_staff_only(
    client, admin_client, object_storage, on_commit
):
    with on_commit():
        upload_post(admin_client)
    post = Post.objects.get()
    name = post.cover.name
    with on_commit():
        admin_client.post(f"/admin/news/post/{post.pk}/delete/", {"post": "yes"})
    assert not Post.objects.exists()
    assert object_storage.keys("public/") == []
    hidden = "private/" + name.removeprefix("public/")
    assert hidden in object_storage.keys("private/")
    url = reverse("private-media", kwargs={"path": hidden.removeprefix("private/")})
    assert client.get(url).status_code == 302
    response = admin_client.get(url)
    assert response.status_code == 200 and response.streaming
    assert b"".join(response.streaming_content) == object_storage.read(hidden)


def test_no_object_is_overwritten_by_an_upload_of_the_same_name(object_storage):
    first = default_storage.save("private/proba/plik.txt", io.BytesIO(b"pierwszy"))
    second = default_storage.save("private/proba/plik.txt", io.BytesIO(b"drugi"))
    assert first != second
    assert object_storage.read(first) == b"pierwszy"


@pytest.fixture
def silent_endpoint():
    """An address that takes connections and never answers (a hung storage server): the
    kernel completes the handshakes of a listening socket nobody reads from."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


@pytest.fixture(scope="module")
def strict_endpoint():
    """A second S3 server that checks signatures, as real ones do: the session's moto takes any
    key, this one knows none, so every key is a wrong key to it."""
    with moto_server(INITIAL_NO_AUTH_ACTION_COUNT="0") as url:
        yield url


@pytest.mark.parametrize("failure", ["unreachable", "no bucket", "timeout", "wrong key"])
def test_a_storage_that_fails_gives_the_editor_a_polish_error_and_saves_nothing(
    admin_client, object_storage, settings, silent_endpoint, request, failure
):
    options = dict(settings.STORAGES["default"]["OPTIONS"])
    if failure == "unreachable":
        options["endpoint_url"] = f"http://127.0.0.1:{free_port()}"
    elif failure == "timeout":
        options["endpoint_url"] = silent_endpoint
    elif failure == "wrong key":
        options["endpoint_url"] = request.getfixturevalue("strict_endpoint")
    else:
        options["bucket_name"] = "nie-ma-takiego"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": options},
    }
    response = upload_post(admin_client)
    assert response.status_code == 200
    assert "magazyn plików jest teraz niedostępny. Nic nie zostało zapisane." in errors_of(response)
    # What the editor typed is still in the form.
    assert "Stoły z jedzeniem na trawie" in response.content.decode()
    assert not Post.objects.exists()
    assert object_storage.keys() == []
    if failure == "wrong key":
        with pytest.raises(ClientError) as refused:
            default_storage.probe.head_bucket(Bucket=options["bucket_name"])
        assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_an_editor_waits_seconds_not_minutes_for_a_storage_that_does_not_answer(object_storage):
    # botocore's defaults would be 60 s to connect, 60 s per read and up to 5 attempts.
    probe = default_storage.probe.meta.config
    assert (probe.connect_timeout, probe.read_timeout) == (2, 3)
    assert probe.retries["total_max_attempts"] == 1
    client = default_storage.connection.meta.client.meta.config
    assert (client.connect_timeout, client.read_timeout) == (3, 10)
    assert client.retries["total_max_attempts"] == 2


def test_public_pages_still_render_when_the_storage_is_down(client, object_storage, settings):
    post = PostFactory(slug_pl="bez-magazynu", with_cover=True)
    options = {
        **settings.STORAGES["default"]["OPTIONS"],
        "endpoint_url": f"http://127.0.0.1:{free_port()}",
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": options},
    }
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert object_storage.public_url in response.content.decode()


def run_check(**env):
    names = ("S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "MEDIA_PUBLIC_URL")
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("S3_") and k not in names
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_half_set_storage_configuration_stops_the_start_naming_what_is_missing():
    result = run_check(
        S3_BUCKET="cus-media", S3_ACCESS_KEY_ID="klucz", MEDIA_PUBLIC_URL="https://pliki.example"
    )
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "S3_SECRET_ACCESS_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr
    result = run_check(S3_ENDPOINT_URL="https://s3.example")
    assert "S3_BUCKET is not set" in result.stderr
    result = run_check(
        S3_BUCKET="b", S3_ACCESS_KEY_ID="k", S3_SECRET_ACCESS_KEY="s", MEDIA_PUBLIC_URL="pliki"
    )
    assert "MEDIA_PUBLIC_URL must be the address" in result.stderr


def test_the_bucket_policy_lets_anyone_read_public_files_and_nothing_else(object_storage):
    policy = json.loads(
        object_storage.client.get_bucket_policy(Bucket=object_storage.name)["Policy"]
    )
    (statement,) = policy["Statement"]
    assert statement["Principal"] == "*" and statement["Action"] == "s3:GetObject"
    assert statement["Resource"] == f"arn:aws:s3:::{object_storage.name}/public/*"
    default_storage.save("private/proba/plik.txt", io.BytesIO(b"tajne"))
    acl = object_storage.client.get_object_acl(
        Bucket=object_storage.name, Key=object_storage.keys()[0]
    )
    assert all("AllUsers" not in str(grant["Grantee"]) for grant in acl["Grants"])


def test_a_restored_post_finds_its_hidden_photo_in_the_bucket_and_shows_it_again(
    admin_client, object_storage, on_commit
):
    with on_commit():
        upload_post(admin_client)
    post = Post.objects.get()
    fields = ("title_pl", "slug_pl", "cover", "cover_width", "cover_height", "cover_alt_pl")
    saved = {field: getattr(post, field) for field in fields}
    with on_commit():
        post.delete()
    assert object_storage.keys("public/") == []
    # As a revisions library restores a deleted row: the same values, the old file name.
    with on_commit():
        restored = PostFactory(cover_shows_people=False, **{**saved, "cover": saved["cover"].name})
    restored.refresh_from_db()
    assert restored.cover.name == saved["cover"].name
    assert len(object_storage.keys("public/")) == 7
    assert object_storage.keys("private/") == []


def test_a_document_of_a_draft_is_a_private_object_and_public_once_published(
    client, object_storage, on_commit
):
    programme = ProgrammeFactory(is_published=False)
    document = DocumentFactory(programme=programme)
    assert object_storage.keys() == [document.file.name]
    assert document.file.name.startswith("private/osl/dokumenty/")
    programme.is_published = True
    with on_commit():
        programme.save()
    document.refresh_from_db()
    assert object_storage.keys() == [document.file.name]
    assert document.file.url == f"{object_storage.public_url}/{document.file.name}"


def test_a_recording_is_refused_with_the_same_message_when_the_storage_is_down(
    admin_client, object_storage, settings
):
    options = {
        **settings.STORAGES["default"]["OPTIONS"],
        "endpoint_url": f"http://127.0.0.1:{free_port()}",
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": options},
    }
    response = add_text_page(
        admin_client, video=upload("film.webm", WEBM_START), captions=upload("film.vtt", CAPTIONS)
    )
    assert "magazyn plików jest teraz niedostępny" in errors_of_page(response)
    assert not TextPage.objects.exists()
