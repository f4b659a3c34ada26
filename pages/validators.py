"""Rules for the sign-language video and its captions, checked when an editor uploads them.

The extension says what an editor meant to upload; the first bytes say what the file is. A video
is an MP4 (ISO media, "ftyp" box at byte 4) or a WebM (EBML header); captions are WebVTT, the
only caption format `<track>` plays.
"""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

VIDEO_EXTENSIONS = ["mp4", "webm"]
VIDEO_MAX_BYTES = 200 * 1024 * 1024
CAPTIONS_MAX_BYTES = 512 * 1024
EBML_MAGIC = b"\x1a\x45\xdf\xa3"

validate_video_extension = FileExtensionValidator(
    VIDEO_EXTENSIONS,
    message=_(
        "Nagranie musi być plikiem MP4 albo WebM (rozszerzenie .mp4 lub .webm), "
        "a nie „.%(extension)s”."
    ),
)
validate_captions_extension = FileExtensionValidator(
    ["vtt"],
    message=_("Napisy muszą być plikiem WebVTT (rozszerzenie .vtt), a nie „.%(extension)s”."),
)


def is_new_upload(file):
    # A stored file was checked when it was uploaded; reading it again on every save of the
    # page would only cost time.
    return not getattr(file, "_committed", True)


def first_bytes(file, count=64):
    file.seek(0)
    start = file.read(count)
    file.seek(0)
    return start


def check_size(file, limit, message):
    if file.size > limit:
        raise ValidationError(
            message,
            code="file_too_large",
            params={"limit": filesizeformat(limit), "size": filesizeformat(file.size)},
        )


def looks_like_video(start):
    return start[4:8] == b"ftyp" or start.startswith(EBML_MAGIC)


def validate_video_file(file):
    if not is_new_upload(file):
        return
    check_size(
        file,
        VIDEO_MAX_BYTES,
        _("Nagranie może mieć najwyżej %(limit)s, a ten plik ma %(size)s."),
    )
    if not looks_like_video(first_bytes(file)):
        raise ValidationError(
            _("Ten plik nie jest nagraniem MP4 ani WebM. Zapisz film w jednym z tych formatów."),
            code="not_a_video",
        )


def validate_captions_file(file):
    if not is_new_upload(file):
        return
    check_size(
        file,
        CAPTIONS_MAX_BYTES,
        _("Plik napisów może mieć najwyżej %(limit)s, a ten ma %(size)s."),
    )
    try:
        text = first_bytes(file, CAPTIONS_MAX_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Plik napisów musi być zapisany w kodowaniu UTF-8."), code="captions_encoding"
        ) from None
    if not text.startswith("WEBVTT"):
        raise ValidationError(
            _("To nie jest plik napisów WebVTT: jego pierwszy wiersz musi brzmieć „WEBVTT”."),
            code="not_webvtt",
        )
