"""The rules for a programme's documents (the Plan OSL, reports): PDF files and nothing else.

An upload is checked for what it is, not for what it is called: it must start with the PDF
signature `%PDF-` and pypdf must be able to read its pages, so a renamed photo or a damaged
download gets a Polish form error instead of reaching residents. Only new uploads are checked
(in the form field), so saving a programme does not re-read every stored file.
"""

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

from cus_site.slugs import slugify_pl

MAX_BYTES = 20 * 1024 * 1024
SIGNATURE = b"%PDF-"
CONTENT_TYPE = "application/pdf"

MESSAGES = {
    "too_big": _(
        "Plik ma %(megabytes)s MB, a można wgrać najwyżej 20 MB. "
        "Zmniejsz go (np. zapisując PDF w mniejszej jakości) i wgraj ponownie."
    ),
    "not_pdf": _(
        "Ten plik nie jest dokumentem PDF (na przykład zdjęcie, dokument Worda albo plik ze "
        "zmienionym rozszerzeniem). Zapisz dokument jako PDF i wgraj go ponownie."
    ),
    "damaged": _(
        "Nie da się otworzyć tego pliku PDF: jest uszkodzony albo niekompletny. "
        "Zapisz go ponownie jako PDF i wgraj jeszcze raz."
    ),
    "password": _(
        "Ten plik PDF jest zabezpieczony hasłem, więc mieszkańcy go nie otworzą. "
        "Zapisz go bez hasła i wgraj ponownie."
    ),
}


def _error(code, **params):
    return ValidationError(MESSAGES[code], code=code, params=params)


def _count_pages(upload):
    reader = PdfReader(upload)
    if reader.is_encrypted and not reader.decrypt(""):
        raise _error("password")
    return len(reader.pages)


def check_pdf(upload):
    """Raise a ValidationError in Polish unless the upload is a readable PDF within the limit."""
    if upload.size > MAX_BYTES:
        raise _error("too_big", megabytes=number_format(upload.size / 1024 / 1024, 1))
    upload.seek(0)
    if upload.read(len(SIGNATURE)) != SIGNATURE:
        raise _error("not_pdf")
    upload.seek(0)
    try:
        pages = _count_pages(upload)
    except ValidationError:
        raise
    except Exception:
        # pypdf raises many kinds of error on a broken file; each means the same to an editor.
        raise _error("damaged") from None
    if not pages:
        raise _error("damaged")


def cleaned_upload(upload):
    """The checked upload, renamed to a transliterated name ending in `.pdf`."""
    check_pdf(upload)
    upload.seek(0)
    upload.name = f"{slugify_pl(Path(upload.name).stem, 80) or 'dokument'}.pdf"
    return upload


class PdfFormField(forms.FileField):
    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        return cleaned_upload(upload)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput):
            attrs["accept"] = CONTENT_TYPE
        return attrs


class PdfField(models.FileField):
    """A file field that takes only real PDF files of at most 20 MB."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PdfFormField, **kwargs})
