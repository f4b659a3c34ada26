"""The image rules: what may be uploaded, what is kept of it, and when and how it is shown."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from PIL import Image, ImageCms

from cus_site import images
from tests.factories import PostFactory, PostImageFactory
from tests.news import imagefiles as files


def clean(name, content):
    return images.ImageFormField().clean(files.upload(name, content))


def messages_of(name, content):
    with pytest.raises(ValidationError) as error:
        clean(name, content)
    return " ".join(error.value.messages)


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("ulotka.jpg", files.pdf, "nie jest zdjęciem w formacie JPEG, PNG ani WebP"),
        ("logo.svg", files.svg, "nie jest zdjęciem w formacie JPEG, PNG ani WebP"),
        ("logo.jpg", files.svg, "nie jest zdjęciem w formacie JPEG, PNG ani WebP"),
        ("animacja.gif", files.gif, "nie jest zdjęciem w formacie JPEG, PNG ani WebP"),
        ("urwane.jpg", files.truncated_jpeg, "uszkodzony albo niekompletny"),
        ("bomba.png", files.bomb_png, "najwyżej 40 megapikseli"),
        ("panorama.png", lambda: files.bomb_png(8000, 6000), "najwyżej 40 megapikseli"),
    ],
)
def test_upload_that_is_not_an_allowed_photo_gets_a_polish_error(name, make, message):
    assert message in messages_of(name, make())


def test_upload_over_20_megabytes_is_refused_before_it_is_opened():
    content = files.camera_jpeg() + b"\0" * (20 * 1024 * 1024)
    assert "najwyżej 20 MB" in messages_of("duze.jpg", content)


def test_forty_megapixels_is_still_accepted():
    image = Image.open(clean("plakat.png", files.bomb_png(8000, 5000)))
    assert image.size == (8000, 5000)


def test_photo_is_turned_upright_by_its_exif_orientation():
    image = Image.open(clean("IMG_0001.JPG", files.camera_jpeg(400, 300)))
    assert image.size == (300, 400)
    # The red band of the stored (sideways) pixels' left edge is now at the top.
    red, green, _blue = image.getpixel((150, 20))
    assert red > 150 and green < 100
    assert image.getpixel((150, 380)) == pytest.approx((255, 255, 255), abs=8)


def test_gps_and_all_other_metadata_are_stripped():
    original = files.camera_jpeg()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # GPS is there before
    cleaned = clean("IMG_0001.JPG", original)
    content = cleaned.read()
    image = Image.open(io.BytesIO(content))
    assert not image.getexif()
    assert not image.getexif().get_ifd(0x8825)
    assert not {"exif", "comment", "icc_profile", "xmp"} & set(image.info)
    assert b"Exif" not in content
    assert b"Dom Seniora" not in content


def test_colour_profile_is_applied_and_dropped():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    content = files.encoded(Image.new("RGB", (50, 50), "orange"), "JPEG", icc_profile=srgb)
    assert "icc_profile" in Image.open(io.BytesIO(content)).info
    image = Image.open(clean("profil.jpg", content))
    assert "icc_profile" not in image.info
    assert image.getpixel((25, 25)) == pytest.approx((255, 165, 0), abs=10)


@pytest.mark.parametrize(
    ("name", "make", "stored_as", "mode"),
    [
        ("przezroczysty.png", files.png, "przezroczysty.png", "RGBA"),
        ("kwiaty.webp", files.webp, "kwiaty.webp", "RGB"),
        # The name follows what the file really is, not what it was called.
        ("Łąka w słońcu.png", files.camera_jpeg, "laka-w-sloncu.jpg", "RGB"),
    ],
)
def test_allowed_formats_are_kept_in_their_own_format(name, make, stored_as, mode):
    cleaned = clean(name, make())
    assert cleaned.name == stored_as
    assert Image.open(cleaned).mode == mode


def test_form_field_offers_only_the_allowed_types():
    widget_attrs = images.ImageFormField().widget.attrs
    assert widget_attrs["accept"] == "image/jpeg,image/png,image/webp"


@pytest.fixture
def post_with_gallery(db):
    post = PostFactory(with_cover=True, slug_pl="piknik", cover_alt_pl="Scena pikniku")
    PostImageFactory(post=post, alt_pl="Seniorzy przy stole", consent=True)
    PostImageFactory(post=post, alt_pl="Dzieci na placu zabaw", consent=False)
    PostImageFactory(post=post, alt_pl="Pusta sala", shows_people=False, consent=False)
    PostImageFactory(post=post, alt_pl="Ozdobnik", decorative=True, caption_pl="Ozdoba")
    PostImageFactory(post=post, alt_pl="", caption_pl="Bez opisu")
    return post


def test_photo_of_people_without_confirmed_consent_is_not_published(client, post_with_gallery):
    page = client.get("/aktualnosci/piknik/").content.decode()
    assert 'alt="Seniorzy przy stole"' in page
    assert "Dzieci na placu zabaw" not in page
    hidden = post_with_gallery.images.get(alt_pl="Dzieci na placu zabaw")
    assert hidden.image.url not in page


def test_photo_without_people_needs_no_consent(client, post_with_gallery):
    page = client.get("/aktualnosci/piknik/").content.decode()
    assert 'alt="Pusta sala"' in page


def test_decorative_photo_has_empty_alt(client, post_with_gallery):
    page = client.get("/aktualnosci/piknik/").content.decode()
    assert "Ozdoba" in page  # its caption
    assert 'alt="Ozdobnik"' not in page
    assert 'alt=""' in page


def test_photo_without_alt_text_is_not_published_whatever_the_database_holds(
    client, post_with_gallery
):
    page = client.get("/aktualnosci/piknik/").content.decode()
    assert "Bez opisu" not in page


def test_cover_without_consent_is_not_shown_anywhere(client, db):
    PostFactory(with_cover=True, slug_pl="bez-zgody", cover_shows_people=True, cover_consent=False)
    for url in ("/aktualnosci/bez-zgody/", "/aktualnosci/", "/"):
        page = client.get(url).content.decode()
        assert "<picture" not in page
    page = client.get("/aktualnosci/bez-zgody/").content.decode()
    assert (
        '<meta property="og:image" content="http://testserver/static/img/og-default.png">' in page
    )
    assert "/media/" not in page


def test_picture_has_renditions_in_webp_and_jpeg_with_sizes_and_dimensions(
    client, post_with_gallery
):
    page = client.get("/aktualnosci/piknik/").content.decode()
    cover = re.search(r'<div class="post__cover"><picture>(.*?)</picture>', page, re.S)[1]
    webp = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', cover)
    assert re.fullmatch(
        r"/media/public/CACHE/\S+\.webp 480w, /media/public/CACHE/\S+\.webp 640w", webp[1]
    )
    assert webp[2] == "(min-width: 48rem) 42rem, 100vw"
    assert re.search(r'<source type="image/jpeg" srcset="\S+\.jpg 480w, \S+\.jpg 640w"', cover)
    image = re.search(r"<img [^>]+>", cover)[0]
    assert 'width="640" height="480"' in image
    assert 'alt="Scena pikniku"' in image
    assert 'loading="lazy"' not in image  # the cover is above the fold


def test_gallery_photos_load_lazily_and_link_to_the_full_size_photo(client, post_with_gallery):
    page = client.get("/aktualnosci/piknik/").content.decode()
    gallery = re.search(r'<section class="gallery".*?</section>', page, re.S)[0]
    image = post_with_gallery.images.get(alt_pl="Seniorzy przy stole")
    assert f'<a class="gallery__link" href="{image.image.url}">' in gallery
    assert gallery.count("<figure") == 3
    assert gallery.count('loading="lazy"') == 3
    assert "<figcaption>Podpis zdjęcia" in gallery


def test_renditions_are_real_resized_files(client, post_with_gallery, media_root):
    client.get("/aktualnosci/piknik/")
    renditions = list((media_root / "public" / "CACHE").rglob("*.webp"))
    assert renditions
    widths = {Image.open(path).size[0] for path in renditions}
    assert widths == {480, 640}


def test_png_keeps_a_png_fallback(db):
    post = PostImageFactory(image__format="PNG", image__filename="schemat.png")
    context = images.picture_context(post.picture, "100vw")
    assert context["fallback_type"] == "image/png"
    assert ".png 480w" in context["fallback_srcset"]


def test_a_lost_photo_file_leaves_the_pages_working_without_it(client, db):
    post = PostFactory(with_cover=True, slug_pl="zgubione-zdjecie", title_pl="Zgubione zdjęcie")
    post.cover.storage.delete(post.cover.name)
    for path in ("/", "/aktualnosci/", "/aktualnosci/zgubione-zdjecie/"):
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        assert "Zgubione zdjęcie" in page.replace("\u00a0", " ")
        assert "<picture" not in page
    page = client.get("/aktualnosci/zgubione-zdjecie/").content.decode()
    assert (
        '<meta property="og:image" content="http://testserver/static/img/og-default.png">' in page
    )
