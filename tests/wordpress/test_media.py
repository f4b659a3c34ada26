"""Photos of posts: from a local uploads folder or downloaded, through our image rules."""

import functools
import http.server
import threading

import pytest
from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from PIL import Image

from news.models import Post, PostImage
from tests.documentfiles import docx
from tests.factories import blank_pdf

from .conftest import media_files
from .wxr import SITE, attachment, export, item

pytestmark = pytest.mark.django_db

CAPTIONED = (
    '[caption id="attachment_21" width="300"]'
    '<a href="{site}/wp-content/uploads/2023/09/plakat.png">'
    '<img class="size-medium wp-image-21" '
    'src="{site}/wp-content/uploads/2023/09/plakat-300x200.png" alt="" /></a>'
    " Plakat pikniku[/caption]"
)


def piknik_export(site=SITE, body=None):
    return export(
        attachment(20, "2023/09/piknik.jpg", alt="Seniorzy przy stole w ogrodzie", site=site),
        attachment(21, "2023/09/plakat.png", alt="Plakat z programem pikniku", site=site),
        item(
            1,
            "Piknik rodzinny",
            body if body is not None else f"Było wesoło.\n\n{CAPTIONED.format(site=site)}",
            meta={"_thumbnail_id": "20"},
        ),
        site=site,
    )


def test_featured_image_is_upright_stripped_of_gps_and_awaits_consent(import_wxr, uploads, client):
    result = import_wxr(piknik_export(), uploads=uploads)
    post = Post.objects.get()
    assert post.cover_alt == "Seniorzy przy stole w ogrodzie"
    assert (post.cover_width, post.cover_height) == (300, 400)  # EXIF said "rotate 90°"
    with default_storage.open(post.cover.name) as stored:
        photo = Image.open(stored)
        assert not photo.getexif() and "exif" not in photo.info and "comment" not in photo.info
    assert post.cover_shows_people and not post.cover_consent
    assert not post.cover_picture.is_public
    assert "Seniorzy przy stole" not in client.get(post.get_absolute_url()).content.decode()
    assert "bez potwierdzonej zgody" in result.report
    assert post.cover.name in result.report


def test_body_image_becomes_a_gallery_photo_with_its_caption(import_wxr, uploads):
    import_wxr(piknik_export(), uploads=uploads)
    post = Post.objects.get()
    assert "<img" not in post.body and "Plakat pikniku" not in post.body
    assert post.body == "<p>Było wesoło.</p>"
    photo = PostImage.objects.get()
    assert (photo.caption, photo.alt) == ("Plakat pikniku", "Plakat z programem pikniku")
    # No consent given for the imported photos: kept, but private until an editor consents.
    assert photo.image.name.startswith("private/aktualnosci/galeria/") and photo.width == 300


def test_consented_photos_are_shown_with_renditions(import_wxr, uploads, client, media_root):
    import_wxr(piknik_export(), "--photos-consented", uploads=uploads)
    post = Post.objects.get()
    page = client.get(post.get_absolute_url()).content.decode()
    assert 'alt="Seniorzy przy stole w ogrodzie"' in page
    assert 'alt="Plakat z programem pikniku"' in page
    assert any(name.startswith("public/CACHE/aktualnosci/") for name in media_files(media_root))


def test_gallery_shortcode_takes_the_photos_it_names(import_wxr, uploads):
    body = 'Zdjęcia:\n\n[gallery ids="21,20" columns="2"]'
    import_wxr(piknik_export(body=body), uploads=uploads)
    post = Post.objects.get()
    assert post.body == "<p>Zdjęcia:</p>"
    # 20 is the featured image: it is the cover, not a second time in the gallery.
    assert list(PostImage.objects.values_list("alt", flat=True)) == ["Plakat z programem pikniku"]


def test_gallery_without_ids_takes_the_posts_own_attachments(import_wxr, uploads):
    xml = export(
        attachment(21, "2023/09/plakat.png", alt="Plakat", parent=1),
        item(1, "Galeria", "[gallery]"),
    )
    import_wxr(xml, uploads=uploads)
    assert list(PostImage.objects.values_list("alt", flat=True)) == ["Plakat"]


def test_a_missing_image_is_a_warning_not_a_stop(import_wxr, uploads):
    xml = export(
        attachment(30, "2023/09/nie-ma.jpg", alt="Brak"),
        item(1, "Wpis z brakami", "Tekst", meta={"_thumbnail_id": "30"}),
        item(2, "Drugi", "Tekst", meta={"_thumbnail_id": "30"}),
    )
    result = import_wxr(xml, uploads=uploads)
    assert Post.objects.count() == 2
    assert not Post.objects.get(title="Wpis z brakami").cover
    assert "#1 „Wpis z brakami” (wiersz" in result.report
    assert "Brak pliku 2023/09/nie-ma.jpg w folderze --uploads" in result.report
    assert result.report.count("nie-ma.jpg") == 2  # said for each post, looked for once


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("2023/09/strona.jpg", "jest strona HTML, a nie plik"),
        ("2023/09/../../../../etc/passwd", "zawiera „..”"),
    ],
)
def test_an_image_that_is_an_html_page_or_leads_out_stops_the_import(
    import_wxr, uploads, media_root, path, message
):
    xml = export(
        attachment(20, "2023/09/piknik.jpg", alt="Seniorzy"),
        item(1, "Dobry", "Tekst", meta={"_thumbnail_id": "20"}),
        attachment(31, path, alt="Zły"),
        item(2, "Zły wpis", "Tekst", meta={"_thumbnail_id": "31"}),
    )
    with pytest.raises(CommandError) as error:
        import_wxr(xml, uploads=uploads)
    assert message in str(error.value)
    assert "#2 „Zły wpis” (wiersz" in str(error.value)
    assert "nic nie zostało zapisane" in str(error.value)
    assert not Post.objects.exists() and not PostImage.objects.exists()
    assert media_files(media_root) == []


def test_photo_without_alt_text_is_imported_hidden_with_a_warning(import_wxr, uploads):
    xml = export(
        attachment(20, "2023/09/piknik.jpg"),
        item(1, "Bez opisu", "Tekst", meta={"_thumbnail_id": "20"}),
    )
    result = import_wxr(xml, "--photos-consented", uploads=uploads)
    post = Post.objects.get()
    assert post.cover and not post.cover_picture.is_public
    assert "nie ma tekstu alternatywnego" in result.report


def test_one_file_used_by_two_posts_is_fetched_once_and_each_post_has_its_copy(
    import_wxr, uploads, media_root
):
    xml = export(
        attachment(20, "2023/09/piknik.jpg", alt="Seniorzy"),
        item(1, "Pierwszy", "a", meta={"_thumbnail_id": "20"}),
        item(2, "Drugi", "b", meta={"_thumbnail_id": "20"}),
    )
    import_wxr(xml, uploads=uploads)
    # One fetch and one staged copy; each post its own copy, which follows that post's
    # visibility without moving the other's.
    assert len({post.cover.name for post in Post.objects.all()}) == 2
    assert len([n for n in media_files(media_root) if n.startswith("private/wordpress/")]) == 1


class UploadsHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(uploads):
    """The old site on 127.0.0.1, serving wp-content/uploads from the test's folder."""
    root = uploads.parent / "www"
    (root / "wp-content").mkdir(parents=True)
    (root / "wp-content" / "uploads").symlink_to(uploads)
    handler = functools.partial(UploadsHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_without_uploads_folder_images_are_downloaded_from_the_old_site(import_wxr, old_site):
    result = import_wxr(piknik_export(site=old_site))
    post = Post.objects.get()
    assert (post.cover_width, post.cover_height) == (300, 400)
    assert PostImage.objects.get().caption == "Plakat pikniku"
    assert "Ostrzeżenia" not in result.report


def test_downloads_come_only_from_the_old_site(import_wxr, old_site):
    xml = export(
        item(1, "Obcy obraz", '<img src="http://192.0.2.1/obraz.jpg" alt="x">Tekst'),
        site=old_site,
    )
    result = import_wxr(xml)
    assert not PostImage.objects.exists()
    assert "import pobiera pliki tylko z niej" in result.report


def test_a_downloaded_error_page_instead_of_a_photo_stops_the_import(import_wxr, old_site):
    xml = export(
        attachment(20, "2023/09/strona.jpg", alt="x", site=old_site),
        item(1, "Wpis", "a", meta={"_thumbnail_id": "20"}),
        site=old_site,
    )
    with pytest.raises(CommandError, match="jest strona HTML, a nie plik"):
        import_wxr(xml)
    assert not Post.objects.exists()


def test_download_of_a_missing_file_is_a_warning(import_wxr, old_site):
    xml = export(
        attachment(20, "2023/09/zgubione.jpg", alt="x", site=old_site),
        item(1, "Wpis", "a", meta={"_thumbnail_id": "20"}),
        site=old_site,
    )
    result = import_wxr(xml)
    assert Post.objects.get().cover.name == ""
    assert "serwer odpowiedział 404" in result.report


@pytest.fixture
def documents_folder(uploads):
    (uploads / "2023" / "09" / "regulamin-konkursu.pdf").write_bytes(blank_pdf())
    (uploads / "2023" / "09" / "wniosek.docx").write_bytes(docx())
    (uploads / "2023" / "09" / "program.pdf").write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    return uploads


def test_linked_pdf_and_office_files_become_attachments_with_links_to_our_copy(
    import_wxr, documents_folder, client
):
    body = (
        f'Zobacz <a href="{SITE}/wp-content/uploads/2023/09/regulamin-konkursu.pdf">Regulamin '
        'konkursu</a> i <a href="/wp-content/uploads/2023/09/wniosek.docx">tutaj</a>.'
    )
    result = import_wxr(export(item(1, "Konkurs", body)), uploads=documents_folder)
    post = Post.objects.get()
    attachments = list(post.attachments.all())
    assert [(a.title, str(a.file_format)) for a in attachments] == [
        ("Regulamin konkursu", "PDF"),
        ("wniosek", "DOCX"),
    ]
    for document in attachments:
        assert f'href="{document.file.url}"' in post.body
    assert "wp-content" not in post.body
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Załączniki" in page and "(PDF, 1\xa0KB)" in page
    assert "dokumenty: utworzone 2" in result.output


def test_a_program_named_pdf_is_refused_with_a_warning(import_wxr, documents_folder):
    body = f'<a href="{SITE}/wp-content/uploads/2023/09/program.pdf">program</a>'
    result = import_wxr(export(item(1, "Program", body)), uploads=documents_folder)
    post = Post.objects.get()
    assert not post.attachments.exists()
    assert "Plik program.pdf pominięto: Tego pliku nie można dodać" in result.report
