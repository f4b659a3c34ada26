"""Uploaded files: unguessable names, public only while the site shows them, otherwise only
for staff through the permission-checked view (cus_site.media)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from cus_site import images
from news.models import Post, PostImage
from osl.models import Document
from pages.models import TextPage
from tests.factories import (
    DocumentFactory,
    PostFactory,
    PostImageFactory,
    ProgrammeFactory,
    TextPageFactory,
    UserFactory,
    blank_pdf,
)
from tests.news import imagefiles as files

pytestmark = pytest.mark.django_db

HEX_NAME = r"[\w-]+-[0-9a-f]{24}"


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what the site does after a transaction commits (tests never commit)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def fetch(client, url):
    response = client.get(url)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, content


def renditions(media_root, visibility):
    return sorted(path.name for path in (media_root / visibility / "CACHE").rglob("*.*"))


def camera_photo():
    return SimpleUploadedFile("IMG_20251201_101500.jpg", files.camera_jpeg(640, 480))


def test_an_upload_gets_an_unguessable_name_not_the_cameras(db):
    first = PostFactory(cover=camera_photo(), cover_alt_pl="Sala", cover_shows_people=False)
    second = PostFactory(cover=camera_photo(), cover_alt_pl="Sala", cover_shows_people=False)
    pattern = r"public/aktualnosci/\d{4}/\d{2}/img_20251201_101500-[0-9a-f]{24}\.jpg"
    assert re.fullmatch(pattern, first.cover.name)
    assert first.cover.name != second.cover.name
    assert "IMG_20251201_101500" not in first.cover.url


def test_a_photo_without_consent_on_a_published_post_is_not_public(client, admin_client, db):
    post = PostFactory(slug_pl="piknik")
    hidden = PostImageFactory(post=post, consent=False)
    shown = PostImageFactory(post=post)
    assert hidden.image.name.startswith("private/aktualnosci/galeria/")
    assert shown.image.name.startswith("public/aktualnosci/galeria/")
    assert hidden.image.url.startswith("/admin/pliki/aktualnosci/galeria/")
    page = client.get("/aktualnosci/piknik/").content.decode()
    assert hidden.image.url not in page and "/admin/pliki/" not in page
    # Not at /media/ under any name, and the staff view is closed to visitors.
    assert fetch(client, "/media/" + hidden.image.name)[0] == 404
    public_twin = "/media/public/" + hidden.image.name.removeprefix("private/")
    assert fetch(client, public_twin)[0] == 404
    status, _ = fetch(client, hidden.image.url)
    assert status == 302 and "/admin/login/" in client.get(hidden.image.url)["Location"]
    status, content = fetch(admin_client, hidden.image.url)
    assert status == 200 and content.startswith(b"\xff\xd8")
    assert fetch(client, shown.image.url)[0] == 200


def test_only_staff_who_may_view_the_model_open_a_private_file(client, editor, db):
    image = PostImageFactory(post=PostFactory(status="draft"))
    client.force_login(UserFactory(username="godziny", is_staff=True))
    assert client.get(image.image.url).status_code == 403
    client.force_login(UserFactory(username="mieszkaniec"))
    assert client.get(image.image.url).status_code == 302
    client.force_login(editor)
    response = client.get(image.image.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "sandbox" in response["Content-Security-Policy"]
    assert client.get("/admin/pliki/aktualnosci/../../settings.py").status_code == 404
    assert client.get("/admin/pliki/nieznane/plik.jpg").status_code == 404


def test_behind_nginx_a_private_file_is_handed_to_nginx(admin_client, settings, db):
    settings.PRIVATE_MEDIA_INTERNAL_URL = "/media-internal/"
    image = PostImageFactory(post=PostFactory(status="draft"))
    response = admin_client.get(image.image.url)
    assert response.status_code == 200
    path = image.image.name.removeprefix("private/")
    assert response["X-Accel-Redirect"] == f"/media-internal/{path}"
    assert response.content == b""
    assert response["Content-Type"] == "image/jpeg"


def test_every_photo_of_a_draft_is_private_until_it_is_published(
    client, admin_client, media_root, on_commit
):
    post = PostFactory(status="draft", slug_pl="szkic", with_cover=True)
    image = PostImageFactory(post=post)
    assert post.cover.name.startswith("private/") and image.image.name.startswith("private/")
    images.make_renditions(image.picture)
    assert renditions(media_root, "private") and not renditions(media_root, "public")

    with on_commit():
        admin_client.post(
            reverse("admin:news_post_changelist"),
            {"action": "publish", "_selected_action": [post.pk]},
        )
    post.refresh_from_db()
    image.refresh_from_db()
    assert post.cover.name.startswith("public/") and image.image.name.startswith("public/")
    assert renditions(media_root, "public") and not renditions(media_root, "private")
    page = client.get("/aktualnosci/szkic/").content.decode()
    rendition = re.search(r'<img src="(/media/public/CACHE/[^"]+)"', page)[1]
    status, content = fetch(client, rendition)
    assert status == 200 and content.startswith(b"\xff\xd8")
    assert fetch(client, image.image.url)[0] == 200

    public_url = image.image.url
    with on_commit():
        admin_client.post(
            reverse("admin:news_post_changelist"),
            {"action": "unpublish", "_selected_action": [post.pk]},
        )
    image.refresh_from_db()
    assert image.image.name.startswith("private/")
    assert fetch(client, public_url)[0] == 404
    assert fetch(client, rendition)[0] == 404
    assert not renditions(media_root, "public")


def test_saving_a_post_as_draft_in_the_admin_hides_its_files(admin_client, on_commit):
    post = PostFactory(with_cover=True, slug_pl="wpis")
    url = post.cover.url
    assert fetch(admin_client, url)[0] == 200
    data = {
        "title_pl": post.title_pl,
        "slug_pl": "wpis",
        "lead_pl": post.lead_pl,
        "status": "draft",
        "published_at_0": "2025-03-01",
        "published_at_1": "12:00:00",
        "cover_alt_pl": post.cover_alt_pl,
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    with on_commit():
        response = admin_client.post(f"/admin/news/post/{post.pk}/change/", data)
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.cover.name.startswith("private/")
    assert fetch(admin_client, url)[0] == 404


def test_giving_consent_makes_a_photo_public(client, on_commit):
    image = PostImageFactory(consent=False)
    assert image.image.name.startswith("private/")
    image.consent = True
    with on_commit():
        image.save()
    image.refresh_from_db()
    assert image.image.name.startswith("public/")
    assert fetch(client, image.image.url)[0] == 200


def test_a_deleted_post_keeps_its_files_but_only_privately(client, admin_client, on_commit):
    post = PostFactory(with_cover=True)
    image = PostImageFactory(post=post)
    cover_url, image_url = post.cover.url, image.image.url
    name = image.image.name
    with on_commit():
        post.delete()
    assert fetch(client, cover_url)[0] == 404 and fetch(client, image_url)[0] == 404
    private_url = "/admin/pliki/" + name.removeprefix("public/")
    assert fetch(admin_client, private_url)[0] == 200


def test_a_restored_row_finds_its_hidden_file_and_shows_it_again(client, on_commit):
    post = PostFactory(with_cover=True)
    fields = ("title_pl", "cover", "cover_width", "cover_height", "cover_alt_pl")
    saved = {field: getattr(post, field) for field in fields}
    with on_commit():
        post.delete()
    # As a revisions library restores a deleted row: the same values, the old file name.
    with on_commit():
        restored = PostFactory(cover_shows_people=False, **{**saved, "cover": saved["cover"].name})
    restored.refresh_from_db()
    assert restored.cover.name.startswith("public/")
    assert fetch(client, restored.cover.url)[0] == 200


def test_a_replaced_cover_is_hidden_and_the_new_one_is_public(client, admin_client, on_commit):
    post = PostFactory(with_cover=True)
    old_url, old_name = post.cover.url, post.cover.name
    post.cover = SimpleUploadedFile("nowe.jpg", files.camera_jpeg(500, 400))
    with on_commit():
        post.save()
    assert post.cover.name.startswith("public/") and post.cover.name != old_name
    assert fetch(client, post.cover.url)[0] == 200
    assert fetch(client, old_url)[0] == 404
    old_private = "/admin/pliki/" + old_name.removeprefix("public/")
    assert fetch(admin_client, old_private)[0] == 200


def test_documents_and_recordings_follow_their_page(client, on_commit):
    programme = ProgrammeFactory(is_published=False)
    document = DocumentFactory(programme=programme)
    assert document.file.name.startswith("private/osl/dokumenty/")
    assert fetch(client, document.file.url)[0] == 302
    programme.is_published = True
    with on_commit():
        programme.save()
    document.refresh_from_db()
    assert re.fullmatch(rf"public/osl/dokumenty/\d{{4}}/{HEX_NAME}\.pdf", document.file.name)
    assert fetch(client, document.file.url)[0] == 200

    page = TextPageFactory(
        slug=TextPage.Slug.SIGN_LANGUAGE,
        is_published=False,
        video=SimpleUploadedFile("film.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64),
        captions=SimpleUploadedFile("film.vtt", b"WEBVTT\n"),
    )
    assert page.video.name.startswith("private/nagrania/")
    assert page.captions.name.startswith("private/nagrania/")


def test_admin_shows_a_thumbnail_of_a_hidden_photo_through_the_staff_view(admin_client):
    post = PostFactory(status="draft")
    image = PostImageFactory(post=post, consent=False)
    html = admin_client.get(f"/admin/news/post/{post.pk}/change/").content.decode()
    thumbnail = re.search(r'<img src="(/admin/pliki/CACHE/aktualnosci/[^"]+)"', html)[1]
    assert "nie: brak potwierdzenia zgody" in html
    status, content = fetch(admin_client, thumbnail)
    assert status == 200
    assert Image.open(__import__("io").BytesIO(content)).size[0] == 480
    assert image.image.name.startswith("private/")


def test_sync_media_moves_files_stored_before_the_rule_and_renames_them(
    client, media_root, settings
):
    old_name = "aktualnosci/2023/05/img_20230501_120000.jpg"
    (media_root / "aktualnosci/2023/05").mkdir(parents=True)
    (media_root / old_name).write_bytes(files.camera_jpeg(640, 480))
    legacy_rendition = media_root / "CACHE/images/aktualnosci/2023/05/img_20230501_120000/ab.webp"
    legacy_rendition.parent.mkdir(parents=True)
    legacy_rendition.write_bytes(b"old")
    stray = media_root / "aktualnosci/2023/05/zastapione.jpg"
    stray.write_bytes(b"replaced long ago")
    draft_pdf = media_root / "osl/dokumenty/2023/plan.pdf"
    draft_pdf.parent.mkdir(parents=True)
    draft_pdf.write_bytes(blank_pdf())
    post = PostFactory(cover_alt_pl="Sala", cover_shows_people=False)
    Post.objects.filter(pk=post.pk).update(cover=old_name, cover_width=640, cover_height=480)
    document = DocumentFactory(programme=ProgrammeFactory(is_published=False))
    Document.objects.filter(pk=document.pk).update(file="osl/dokumenty/2023/plan.pdf")

    call_command("sync_media", verbosity=0)

    post.refresh_from_db()
    document.refresh_from_db()
    assert re.fullmatch(
        r"public/aktualnosci/2023/05/img_20230501_120000-[0-9a-f]{24}\.jpg", post.cover.name
    )
    assert fetch(client, post.cover.url)[0] == 200
    assert re.fullmatch(r"private/osl/dokumenty/2023/plan-[0-9a-f]{24}\.pdf", document.file.name)
    assert not legacy_rendition.exists()
    assert (media_root / "private/aktualnosci/2023/05/zastapione.jpg").exists()
    assert sorted(path.name for path in media_root.iterdir()) == ["private", "public"]
    call_command("sync_media", verbosity=0)  # a second run changes nothing
    assert Post.objects.get(pk=post.pk).cover.name == post.cover.name


def test_gallery_photo_models_are_tracked_with_their_post():
    from cus_site import media

    assert media.TRACKED[Post] == ("images", "attachments")
    assert PostImage in media.TRACKED
    assert media.permission_for("aktualnosci/galeria/2025/01/x.jpg") == "news.view_postimage"
    assert media.permission_for("CACHE/aktualnosci/2025/01/x/a.webp") == "news.view_post"
    assert media.permission_for("osl/dokumenty/2025/x.pdf") == "osl.view_document"
