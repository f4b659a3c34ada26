"""Real document files of each kind the document rules take (and some they refuse), made here
the way office programs write them: zip containers with the members that name their type."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import blank_pdf

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
WORD_MACROS = "application/vnd.ms-word.document.macroEnabled.main+xml"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"


def zipped(members):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=method)
    return output.getvalue()


def office_open_xml(main_type=WORD_MAIN, part="word/document.xml"):
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{main_type}"/>'
        "</Types>"
    )
    return zipped([("[Content_Types].xml", content_types), (part, "<document/>")])


def docx():
    return office_open_xml()


def xlsx():
    return office_open_xml(EXCEL_MAIN, "xl/workbook.xml")


def docm():
    return office_open_xml(WORD_MACROS)


def opendocument(mimetype=ODT, encrypted=False):
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    )
    if encrypted:
        manifest += (
            '<manifest:file-entry manifest:full-path="content.xml">'
            "<manifest:encryption-data/></manifest:file-entry>"
        )
    manifest += "</manifest:manifest>"
    return zipped(
        [("mimetype", mimetype), ("content.xml", "<office/>"), ("META-INF/manifest.xml", manifest)]
    )


def odt():
    return opendocument()


def ods():
    return opendocument(ODS)


def rtf():
    return b"{\\rtf1\\ansi Wniosek o us\\'b3ugi opieku\\'f1cze\\par}"


def txt():
    return "Godziny przyjęć: poniedziałek–piątek 8:00–15:00.\r\n".encode()


def old_word():
    """The start of a binary .doc (Office's Compound File), as an encrypted DOCX also starts."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def executable():
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def windows_1250_text():
    return "Zażółć gęślą jaźń".encode("cp1250")


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type)


__all__ = ["blank_pdf"]
