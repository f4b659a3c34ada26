"""The image rules every app's photos follow: what may be uploaded, what is kept of it, when it
is shown, and the resized renditions pages serve.

- Upload: JPEG, PNG or WebP only, at most 20 MB and 40 megapixels. The pixel count is read from
  the file's header before any decoding, so a decompression bomb never reaches memory. Anything
  else gets a Polish form error, never a 500.
- Kept: the pixels, turned upright by the EXIF orientation and converted to sRGB, re-encoded with
  no metadata at all (EXIF, GPS, XMP, ICC, comments): these are photos of seniors and children.
- Shown: only when the editor confirmed the consent of the people in it (or said there are none),
  and only with alt text, unless the image is marked decorative (then `alt=""`).
- Renditions: django-imagekit specs in several widths, WebP with a JPEG or PNG fallback, made on
  first request into files in the photo's visibility (`public/CACHE/…`; `cus_site.media` says
  who may see a photo's file); whether a rendition exists is answered by the cache and the
  storage, never the database, so a page's query count does not grow with its images.
  `templates/includes/picture.html` (tag `{% picture %}`) writes the `<picture>`.
"""

import io
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from imagekit import ImageSpec, hashers, register
from imagekit.cachefiles import ImageCacheFile
from imagekit.processors import ResizeToFit
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from cus_site.media import UploadTo, on_local_disk, without_visibility
from cus_site.slugs import slugify_pl
from cus_site.storage import ensure_storage_takes_uploads

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
RENDITION_WIDTHS = (480, 800, 1200)
QUALITY = 85

MESSAGES = {
    "too_big": _(
        "Plik ma %(megabytes)s MB, a można wgrać najwyżej 20 MB. "
        "Zmniejsz zdjęcie i wgraj je ponownie."
    ),
    "not_image": _(
        "Ten plik nie jest zdjęciem w formacie JPEG, PNG ani WebP (na przykład PDF, SVG albo plik "
        "ze zmienionym rozszerzeniem). Zapisz zdjęcie w jednym z tych formatów i wgraj je ponownie."
    ),
    "too_many_pixels": _(
        "Zdjęcie ma za dużą rozdzielczość: można wgrać najwyżej 40 megapikseli "
        "(np. 8000 × 5000 punktów). Zmniejsz je i wgraj ponownie."
    ),
    "damaged": _(
        "Plik zdjęcia jest uszkodzony albo niekompletny. Zapisz je ponownie i wgraj jeszcze raz."
    ),
    "alt_missing": _(
        "Opisz, co przedstawia zdjęcie (tekst alternatywny), albo zaznacz, że jest ozdobne."
    ),
}


def _error(code, **params):
    return ValidationError(MESSAGES[code], code=code, params=params)


def open_checked(upload):
    """The uploaded image, decoded, or a ValidationError saying in Polish what is wrong."""
    if upload.size > MAX_BYTES:
        raise _error("too_big", megabytes=number_format(upload.size / 1024 / 1024, 1))
    upload.seek(0)
    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice that; here every bomb is an error.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)  # reads the header only
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _error("too_many_pixels") from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise _error("not_image") from None
        if image.format not in FORMATS:
            raise _error("not_image")
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise _error("too_many_pixels")
        try:
            image.load()
        except (OSError, ValueError, SyntaxError, EOFError):
            raise _error("damaged") from None
    return image


def _to_srgb(image):
    """Colours as the browser would show them, so the colour profile can be dropped."""
    profile = image.info.get("icc_profile")
    if not profile:
        return image
    mode = "RGBA" if image.mode in ("RGBA", "LA", "PA") else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        srgb = ImageCms.createProfile("sRGB")
        return ImageCms.profileToProfile(image, source, srgb, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _pixels_only(image, image_format):
    """A new image with the same pixels and nothing else: no EXIF, GPS, XMP, ICC or comments."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if image_format == "JPEG" or not has_alpha:
        mode = "L" if image.mode in ("1", "L", "I;16") and image_format != "WEBP" else "RGB"
    else:
        mode = "RGBA"
    converted = image.convert(mode) if image.mode != mode else image
    return Image.frombytes(mode, converted.size, converted.tobytes())


def cleaned_bytes(image):
    """The image upright, in sRGB, re-encoded in its own format without any metadata."""
    image_format = image.format
    upright = ImageOps.exif_transpose(image)
    clean = _pixels_only(_to_srgb(upright), image_format)
    output = io.BytesIO()
    options = {"quality": QUALITY} if image_format in ("JPEG", "WEBP") else {}
    clean.save(output, image_format, **options)
    return output.getvalue()


def cleaned_upload(upload):
    """What is stored of an upload: checked, upright, stripped, named by its real format."""
    image = open_checked(upload)
    name = f"{slugify_pl(Path(upload.name).stem, 80) or 'zdjecie'}{FORMATS[image.format]}"
    return SimpleUploadedFile(name, cleaned_bytes(image), CONTENT_TYPES[image.format])


class ImageFormField(forms.ImageField):
    """Checks an upload against the rules and hands on the cleaned copy instead of the original."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        cleaned = cleaned_upload(upload)
        ensure_storage_takes_uploads()
        return cleaned

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput):
            attrs["accept"] = ",".join(CONTENT_TYPES.values())
        return attrs


class ImageField(models.ImageField):
    """A photo field whose uploads follow the rules above."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageFormField, **kwargs})


# The fields that go with every published photo. Apps add them to their own models by the
# abstract models below: `AccessibleImage` for a gallery's photos, `CoverImage` for a page's
# main photo, which is one field among others.
ALT_LABEL = _("tekst alternatywny")
ALT_HELP = _(
    "Co widać na zdjęciu, w jednym–dwóch zdaniach, dla osób, które go nie widzą. "
    "Wymagany, chyba że zdjęcie jest tylko ozdobą."
)
DECORATIVE_LABEL = _("zdjęcie ozdobne")
DECORATIVE_HELP = _(
    'Zaznacz, jeśli zdjęcie nic nie wnosi do treści. Czytniki ekranu je pominą (alt="").'
)
SHOWS_PEOPLE_LABEL = _("na zdjęciu są osoby")
SHOWS_PEOPLE_HELP = _(
    "Odznacz tylko wtedy, gdy na zdjęciu nie widać żadnej osoby, którą można rozpoznać."
)
CONSENT_LABEL = _("mamy zgodę na publikację wizerunku")
CONSENT_HELP = _(
    "Potwierdzam, że Centrum ma zgodę osób na zdjęciu (albo ich opiekunów prawnych) na "
    "publikację ich wizerunku. Bez tej zgody zdjęcie z osobami nie pojawi się na stronie."
)


def check_alt(instance, image, alt, decorative, alt_field="alt"):
    """Alt text is required of a photo unless it is marked decorative. The error goes to the
    Polish field when the alt text is translated (the form has `alt_pl`, not `alt`)."""
    if image and not decorative and not (alt or "").strip():
        polish = f"{alt_field}_{settings.LANGUAGE_CODE}"
        names = {field.name for field in instance._meta.get_fields()}
        raise ValidationError({polish if polish in names else alt_field: _error("alt_missing")})


@dataclass(frozen=True)
class Picture:
    """One photo as a page shows it: the file, its stored size, its text and its consent."""

    file: models.fields.files.FieldFile
    width: int | None
    height: int | None
    alt: str
    decorative: bool
    shows_people: bool
    consent: bool

    @property
    def is_public(self):
        """Published only with consent (or nobody in it) and with alt text (or decorative)."""
        if not self.file or not self.width:
            return False
        consented = self.consent or not self.shows_people
        return consented and (self.decorative or bool(self.alt.strip()))

    @property
    def alt_text(self):
        return "" if self.decorative else self.alt

    @property
    def why_hidden(self):
        """For the admin: the reason this photo is not on the public page, or ""."""
        if not self.file or self.is_public:
            return ""
        if self.shows_people and not self.consent:
            return _("brak potwierdzenia zgody na publikację wizerunku")
        return _("brak tekstu alternatywnego")


class AccessibleImage(models.Model):
    """A photo with its alt text and consent, for galleries and other lists of photos."""

    image = ImageField(
        _("zdjęcie"),
        upload_to=UploadTo("zdjecia/%Y/%m"),
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(_("szerokość"), null=True, editable=False)
    height = models.PositiveIntegerField(_("wysokość"), null=True, editable=False)
    alt = models.CharField(ALT_LABEL, max_length=250, blank=True, help_text=ALT_HELP)
    decorative = models.BooleanField(DECORATIVE_LABEL, default=False, help_text=DECORATIVE_HELP)
    shows_people = models.BooleanField(
        SHOWS_PEOPLE_LABEL, default=True, help_text=SHOWS_PEOPLE_HELP
    )
    consent = models.BooleanField(CONSENT_LABEL, default=False, help_text=CONSENT_HELP)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        check_alt(self, self.image, self.alt, self.decorative)

    @property
    def picture(self):
        return Picture(
            self.image,
            self.width,
            self.height,
            self.alt,
            self.decorative,
            self.shows_people,
            self.consent,
        )


def cover_field(folder):
    """The main photo's file. A model that inherits `CoverImage` redefines `cover` with this
    only to keep its photos in a folder of its own (`cus_site.media.UploadTo`)."""
    return ImageField(
        _("zdjęcie główne"),
        upload_to=UploadTo(folder),
        width_field="cover_width",
        height_field="cover_height",
        blank=True,
    )


class CoverImage(models.Model):
    """A page's main photo (a post's, a programme's) with its alt text and consent, all optional:
    a page may have no photo."""

    cover = cover_field("zdjecia/%Y/%m")
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_alt = models.CharField(ALT_LABEL, max_length=250, blank=True, help_text=ALT_HELP)
    cover_decorative = models.BooleanField(
        DECORATIVE_LABEL, default=False, help_text=DECORATIVE_HELP
    )
    cover_shows_people = models.BooleanField(
        SHOWS_PEOPLE_LABEL, default=True, help_text=SHOWS_PEOPLE_HELP
    )
    cover_consent = models.BooleanField(CONSENT_LABEL, default=False, help_text=CONSENT_HELP)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        check_alt(self, self.cover, self.cover_alt, self.cover_decorative, "cover_alt")

    @property
    def cover_picture(self):
        return Picture(
            self.cover,
            self.cover_width,
            self.cover_height,
            self.cover_alt,
            self.cover_decorative,
            self.cover_shows_people,
            self.cover_consent,
        )


class Rendition(ImageSpec):
    """One resized copy of a photo: a width and a format (imagekit names and caches the file)."""

    def __init__(self, source, width, image_format):
        self.width = width
        self.processors = [ResizeToFit(width=width, upscale=False)]
        self.format = image_format
        self.options = {"quality": QUALITY}
        # Read now, not when imagekit's class was defined: object storage changes it.
        self.cachefile_strategy = settings.IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY
        super().__init__(source=source)

    def get_hash(self):
        # Without the photo's visibility, so a rendition keeps its name when the photo moves
        # between public and private (cus_site.media) and its folder moves with it.
        return hashers.pickle(
            [without_visibility(self.source.name), self.width, self.format, QUALITY]
        )


# Registered, so imagekit's cache file strategy (JustInTime) makes the file when a page asks.
register.generator("cus_site:rendition", Rendition)


def fallback_format(file):
    """JPEG for photos, PNG for images that came as PNG (they may be transparent)."""
    return "PNG" if file.name.lower().endswith(".png") else "JPEG"


def rendition_widths(width):
    """The spec widths below the original's width, and the original's width as the largest."""
    widths = [size for size in RENDITION_WIDTHS if size < width]
    return [*widths, min(width, RENDITION_WIDTHS[-1])]


def srcset(file, widths, image_format):
    return ", ".join(
        f"{ImageCacheFile(Rendition(file, size, image_format)).url} {size}w" for size in widths
    )


def og_image_url(picture):
    """The full address of a photo's largest rendition in the fallback format, for Open Graph's
    og:image and a post's JSON-LD; "" when the public may not see the photo."""
    if not picture.is_public:
        return ""
    # On a local disk a lost file is noticed here; object storage is never asked while a page
    # renders (cus_site.storage), so there a lost file shows in sync_media's log instead.
    storage = picture.file.storage
    if on_local_disk(storage) and not storage.exists(picture.file.name):
        log_missing(picture)
        return ""
    size = rendition_widths(picture.width)[-1]
    url = ImageCacheFile(Rendition(picture.file, size, fallback_format(picture.file))).url
    # On object storage the address is already absolute (MEDIA_PUBLIC_URL).
    return url if url.startswith(("http://", "https://")) else f"{settings.SITE_URL}{url}"


def make_renditions(picture):
    """Make every rendition of a photo now (the admin does it after saving), so that the first
    resident to open the page does not wait for the resizing."""
    if not picture.is_public:
        return
    for size in rendition_widths(picture.width):
        for image_format in ("WEBP", fallback_format(picture.file)):
            ImageCacheFile(Rendition(picture.file, size, image_format)).generate()


def thumbnail_url(picture):
    """The smallest rendition's address, for the admin's preview; "" when the file is gone."""
    if not picture.file or not picture.width:
        return ""
    rendition = ImageCacheFile(
        Rendition(picture.file, RENDITION_WIDTHS[0], fallback_format(picture.file))
    )
    try:
        # Made now if need be: on object storage pages never make renditions (cus_site.storage).
        rendition.generate()
        return rendition.url
    except FileNotFoundError:
        log_missing(picture)
        return ""


def log_missing(picture):
    logger.warning("Photo file %s is missing from the storage; the page shows none.", picture.file)


def picture_context(picture, sizes, lazy=True, max_width=None):
    """What `includes/picture.html` needs; the rendered size comes from the stored width and
    height, so no rendition is opened to measure it.

    None when the original file is gone (a database restored without its media folder, say):
    the page then goes without the photo rather than failing for every reader."""
    try:
        return _picture_context(picture, sizes, lazy, max_width)
    except FileNotFoundError:
        log_missing(picture)
        return None


def _picture_context(picture, sizes, lazy, max_width):
    widths = rendition_widths(picture.width)
    if max_width:
        widths = [size for size in widths if size <= max_width] or widths[:1]
    fallback = fallback_format(picture.file)
    largest = widths[-1]
    return {
        "webp_srcset": srcset(picture.file, widths, "WEBP"),
        "fallback_srcset": srcset(picture.file, widths, fallback),
        "fallback_type": CONTENT_TYPES[fallback],
        "src": ImageCacheFile(Rendition(picture.file, largest, fallback)).url,
        "width": largest,
        "height": round(picture.height * largest / picture.width),
        "sizes": sizes,
        "alt": picture.alt_text,
        "lazy": lazy,
    }
