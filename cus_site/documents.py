"""The rules for a file residents download (a form, a plan, a report), for every app that has
such files: what may be uploaded, how it is stored and how it is shown.

- Formats: PDF, DOCX, ODT, XLSX, ODS, RTF and plain text (UTF-8), each told by its content and
  never by its name: a PDF starts with `%PDF-` and pypdf reads its pages; DOCX and XLSX are zip
  containers whose `[Content_Types].xml` names a Word or Excel main part; ODT and ODS are zip
  containers whose first member `mimetype` says so; RTF starts with `{\\rtf`; text is valid
  UTF-8 without control characters. A field may narrow the list (OSL documents are PDF only).
- Refused with a Polish form error, never a 500: anything else (a program, a photo or an
  archive under a document's name), a damaged or truncated file, a password-protected one (PDF,
  OpenDocument, or Office's encrypted container, which is also the old .doc/.xls format), a PDF
  with active content (`cus_site/pdf.py`), and anything over 20 MB.
- Stored under a transliterated name with the extension of what the file really is, so the
  name an editor's computer gave it never reaches a URL.
- Shown as "PDF, 245 KB": the format's name and a size rounded as people read it.

Only new uploads are checked (in the form field), so saving a page does not re-read every
stored file. The container checks read the zip's directory and one or two small members, never
the whole archive, so a zip bomb is not unpacked.
"""

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

from cus_site import pdf
from cus_site.slugs import slugify_pl
from cus_site.storage import ensure_storage_takes_uploads

MAX_BYTES = 20 * 1024 * 1024
# The members read to tell a container apart are a few kilobytes; anything bigger is not one.
MAX_MEMBER_BYTES = 1024 * 1024
PDF_SIGNATURE = b"%PDF-"
ZIP_SIGNATURE = b"PK\x03\x04"
# Microsoft's Compound File: the old .doc/.xls format, and how Office wraps an encrypted DOCX.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_SIGNATURE = b"{\\rtf"
# Control characters that plain text does not contain (tab, line breaks and form feed it may).
BINARY_BYTES = frozenset(range(32)) - {9, 10, 12, 13}
# How much of a file decides whether it is text at all.
TEXT_SAMPLE_BYTES = 8192


@dataclass(frozen=True)
class Format:
    name: str  # what residents read: "PDF"
    extension: str
    content_type: str
    # Browsers show these themselves; the others are offered as a download.
    inline: bool = False

    def __str__(self):
        return self.name

    @property
    def media_type(self):
        """The content type without its parameters, for a link's `type`."""
        return self.content_type.split(";", 1)[0]


PDF = Format("PDF", "pdf", "application/pdf", inline=True)
DOCX = Format(
    "DOCX", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
XLSX = Format("XLSX", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ODT = Format("ODT", "odt", "application/vnd.oasis.opendocument.text")
ODS = Format("ODS", "ods", "application/vnd.oasis.opendocument.spreadsheet")
RTF = Format("RTF", "rtf", "application/rtf")
TXT = Format("TXT", "txt", "text/plain; charset=utf-8", inline=True)
FORMATS = (PDF, DOCX, ODT, XLSX, ODS, RTF, TXT)
BY_EXTENSION = {document_format.extension: document_format for document_format in FORMATS}

# The main part of a Word or Excel document, as [Content_Types].xml names it. Macro-enabled
# files (.docm, .xlsm) name other types and are refused.
OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}
ODF_MIMETYPES = {ODT.content_type: ODT, ODS.content_type: ODS}
CONTENT_TYPES_NAMESPACE = "{http://schemas.openxmlformats.org/package/2006/content-types}"

MESSAGES = {
    "too_big": _(
        "Plik ma %(megabytes)s MB, a można wgrać najwyżej 20 MB. "
        "Zmniejsz go (np. zapisując PDF w mniejszej jakości) i wgraj ponownie."
    ),
    "not_pdf": _(
        "Ten plik nie jest dokumentem PDF (na przykład zdjęcie, dokument Worda albo plik ze "
        "zmienionym rozszerzeniem). Zapisz dokument jako PDF i wgraj go ponownie."
    ),
    "not_document": _(
        "Tego pliku nie można dodać jako dokumentu. Przyjmujemy pliki PDF, DOCX, ODT, XLSX, ODS, "
        "RTF i TXT, rozpoznawane po zawartości, więc na przykład zdjęcie, program czy archiwum "
        "ze zmienioną nazwą nie przejdą. Zapisz dokument w jednym z tych formatów i wgraj go "
        "ponownie."
    ),
    "active": _(
        "Ten plik PDF zawiera aktywną zawartość (%(what)s), która uruchamia się po otwarciu "
        "dokumentu, więc nie opublikujemy go. Wydrukuj dokument do nowego pliku PDF "
        "(„Drukuj” → „Zapisz jako PDF”) i wgraj ponownie."
    ),
    "damaged": _(
        "Nie da się otworzyć tego pliku PDF: jest uszkodzony albo niekompletny. "
        "Zapisz go ponownie jako PDF i wgraj jeszcze raz."
    ),
    "damaged_document": _(
        "Nie da się otworzyć tego pliku: jest uszkodzony albo niekompletny. "
        "Zapisz go ponownie i wgraj jeszcze raz."
    ),
    "password": _(
        "Ten plik PDF jest zabezpieczony hasłem, więc mieszkańcy go nie otworzą. "
        "Zapisz go bez hasła i wgraj ponownie."
    ),
    "password_document": _(
        "Ten plik jest zabezpieczony hasłem, więc mieszkańcy go nie otworzą. "
        "Zapisz go bez hasła i wgraj ponownie."
    ),
    "old_office": _(
        "To plik w starym formacie Worda lub Excela (.doc, .xls) albo plik zabezpieczony hasłem. "
        "Zapisz go bez hasła jako DOCX, XLSX albo PDF i wgraj ponownie."
    ),
    "text_encoding": _(
        "Ten plik tekstowy nie jest zapisany w kodowaniu UTF-8 albo zawiera znaki, które nie są "
        "tekstem. Zapisz go w Notatniku jako „UTF-8” albo jako PDF i wgraj ponownie."
    ),
}


def _error(code, **params):
    return ValidationError(MESSAGES[code], code=code, params=params)


def _read_member(archive, name):
    info = archive.getinfo(name)
    if info.file_size > MAX_MEMBER_BYTES:
        raise _error("not_document")
    with archive.open(info) as member:
        return member.read(MAX_MEMBER_BYTES)


def _opendocument(archive, names):
    mimetype = _read_member(archive, "mimetype").decode("ascii", "replace").strip()
    found = ODF_MIMETYPES.get(mimetype)
    if found is None:
        raise _error("not_document")
    manifest = "META-INF/manifest.xml"
    if manifest in names and b"encryption-data" in _read_member(archive, manifest):
        raise _error("password_document")
    return found


def _office_open_xml(archive):
    root = ElementTree.fromstring(_read_member(archive, "[Content_Types].xml"))
    for override in root.iter(f"{CONTENT_TYPES_NAMESPACE}Override"):
        found = OOXML_MAIN_PARTS.get(override.get("ContentType", ""))
        if found is not None:
            return found
    raise _error("not_document")


def _zip_container(upload):
    """ODT, ODS, DOCX or XLSX, told by the names their zip container holds."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return _opendocument(archive, names)
            if "[Content_Types].xml" in names:
                return _office_open_xml(archive)
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ElementTree.ParseError, OSError, EOFError):
        raise _error("damaged_document") from None
    except (NotImplementedError, RuntimeError):
        # An unsupported compression method, or members encrypted with the zip's own password.
        raise _error("password_document") from None
    raise _error("not_document")


def _count_pages(upload):
    reader = PdfReader(upload)
    if reader.is_encrypted and not reader.decrypt(""):
        raise _error("password")
    what = pdf.active_content(reader)
    if what:
        raise _error("active", what=what)
    return len(reader.pages)


def _pdf(upload):
    try:
        pages = _count_pages(upload)
    except ValidationError:
        raise
    except Exception:
        # pypdf raises many kinds of error on a broken file; each means the same to an editor.
        raise _error("damaged") from None
    if not pages:
        raise _error("damaged")
    return PDF


def _looks_binary(block):
    return any(byte in BINARY_BYTES for byte in block)


def _plain_text(upload):
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _error("text_encoding") from None
    if not text.strip() or any(ord(char) in BINARY_BYTES for char in text):
        raise _error("text_encoding")
    return TXT


def identify(upload):
    """The format of the upload's content, or a ValidationError saying in Polish what is wrong.
    The caller checks that the format is one its field takes."""
    if upload.size > MAX_BYTES:
        raise _error("too_big", megabytes=number_format(round(upload.size / 1024 / 1024, 1), 1))
    upload.seek(0)
    block = upload.read(TEXT_SAMPLE_BYTES)
    upload.seek(0)
    if block.startswith(PDF_SIGNATURE):
        return _pdf(upload)
    if block.startswith(ZIP_SIGNATURE):
        return _zip_container(upload)
    if block.startswith(OLE_SIGNATURE):
        raise _error("old_office")
    if block.startswith(RTF_SIGNATURE):
        return RTF
    if not block or _looks_binary(block):
        # A program, a photo, an archive: bytes no text has.
        raise _error("not_document")
    return _plain_text(upload)


def check(upload, formats=FORMATS):
    """The upload's format if it is one of `formats`; otherwise a Polish ValidationError. A
    field for PDF files only says "this is not a PDF" of anything else."""
    pdf_only = tuple(formats) == (PDF,)
    if pdf_only and upload.size <= MAX_BYTES:
        upload.seek(0)
        if upload.read(len(PDF_SIGNATURE)) != PDF_SIGNATURE:
            raise _error("not_pdf")
    found = identify(upload)
    if found not in formats:
        raise _error("not_pdf" if pdf_only else "not_document")
    return found


def cleaned_upload(upload, formats=FORMATS):
    """The checked upload, renamed to a transliterated name with its real extension."""
    found = check(upload, formats)
    upload.seek(0)
    upload.name = f"{slugify_pl(Path(upload.name).stem, 80) or 'dokument'}.{found.extension}"
    return upload


def format_of(file):
    """The format of a stored file, from the extension its checked upload was given."""
    return BY_EXTENSION.get(Path(file.name).suffix.lower().lstrip("."))


def size_label(size):
    """A size as people read it: "245 KB", "1,2 MB" (the space is a non-breaking one)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))}\xa0KB"
    return f"{number_format(round(size / 1024 / 1024, 1), 1)}\xa0MB"


def formats_named(formats):
    """Formats given as themselves or by their extensions ("pdf"), as migrations store them."""
    return tuple(BY_EXTENSION[item] if isinstance(item, str) else item for item in formats)


class DocumentFormField(forms.FileField):
    def __init__(self, *args, formats=FORMATS, **kwargs):
        self.formats = formats_named(formats)
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        cleaned = cleaned_upload(upload, self.formats)
        ensure_storage_takes_uploads()
        return cleaned

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput):
            types = [document_format.media_type for document_format in self.formats]
            if len(types) > 1:
                types += [f".{document_format.extension}" for document_format in self.formats]
            attrs["accept"] = ",".join(types)
        return attrs


class DocumentField(models.FileField):
    """A file field that takes only documents of the given formats (all of them by default),
    at most 20 MB, checked by their content when uploaded through a form."""

    default_formats = FORMATS

    def __init__(self, *args, formats=None, **kwargs):
        self.formats = formats_named(formats or self.default_formats)
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.formats != self.default_formats:
            kwargs["formats"] = [document_format.extension for document_format in self.formats]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": DocumentFormField, "formats": self.formats, **kwargs}
        )
