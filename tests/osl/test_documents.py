"""A programme's documents are real PDF files: anything else gets a Polish error, never a 500."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from osl.models import Document
from tests.factories import ProgrammeFactory, blank_pdf
from tests.news import imagefiles as images
from tests.osl.test_admin import errors_of, programme_form

pytestmark = pytest.mark.django_db


def post_document(client, programme, upload):
    data = programme_form(
        {"documents": 1},
        title_pl=programme.title_pl,
        slug_pl=programme.slug_pl,
        **{
            "documents-0-programme": str(programme.pk),
            "documents-0-title_pl": "Plan OSL na 2025 r.",
            "documents-0-file": upload,
            "documents-0-order": "0",
        },
    )
    return client.post(f"/admin/osl/programme/{programme.pk}/change/", data)


def pdf_upload(content, name="Plan OSL 2025.pdf"):
    return SimpleUploadedFile(name, content, "application/pdf")


def encrypted_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("tajne-haslo")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def test_real_pdf_is_stored_with_its_size_and_shown_as_pdf_with_megabytes(admin_client):
    programme = ProgrammeFactory(slug_pl="seniorzy")
    content = blank_pdf(padding=1_250_000)
    response = post_document(admin_client, programme, pdf_upload(content))
    assert response.status_code == 302, errors_of(response)
    document = Document.objects.get()
    assert document.size == len(content)
    name = r"public/osl/dokumenty/\d{4}/plan-osl-2025-[0-9a-f]{24}\.pdf"
    assert re.fullmatch(name, document.file.name)
    html = admin_client.get("/osl/seniorzy/").content.decode()
    assert "(PDF, 1,2\xa0MB)" in html


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("zdjecie.pdf", images.camera_jpeg(), "Ten plik nie jest dokumentem PDF"),
        ("plan.pdf", b"To jest zwykly tekst.", "Ten plik nie jest dokumentem PDF"),
        ("plan.pdf", b"%PDF-1.7\nuciety plik", "Nie da się otworzyć tego pliku PDF"),
        ("plan.pdf", blank_pdf()[:-200], "Nie da się otworzyć tego pliku PDF"),
        ("plan.pdf", encrypted_pdf(), "zabezpieczony hasłem"),
    ],
)
def test_upload_that_is_not_a_readable_pdf_is_refused_in_polish(
    admin_client, name, content, message
):
    programme = ProgrammeFactory()
    response = post_document(admin_client, programme, pdf_upload(content, name))
    assert response.status_code == 200
    assert message in errors_of(response)
    assert not Document.objects.exists()


def test_pdf_over_20_megabytes_is_refused(admin_client):
    programme = ProgrammeFactory()
    content = blank_pdf() + b"%" * (20 * 1024 * 1024)
    response = post_document(admin_client, programme, pdf_upload(content))
    assert response.status_code == 200
    assert "można wgrać najwyżej 20 MB" in errors_of(response)
    assert not Document.objects.exists()


def test_file_input_offers_only_pdf_files(admin_client):
    programme = ProgrammeFactory()
    html = admin_client.get(f"/admin/osl/programme/{programme.pk}/change/").content.decode()
    assert 'accept="application/pdf"' in html


def pdf_with(**catalog_or_page):
    """A one-page PDF whose catalog (or first page, for `page_aa`) carries the given entries,
    built with pypdf's own objects as an attacker's tool would write them."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        NameObject,
        TextStringObject,
    )

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)

    def action(kind, **extra):
        entries = {NameObject("/S"): NameObject(kind)}
        for name, value in extra.items():
            entries[NameObject(f"/{name}")] = TextStringObject(value)
        return writer._add_object(DictionaryObject(entries))

    made = {
        "open_javascript": ("/OpenAction", lambda: action("/JavaScript", JS="app.alert(1)")),
        "open_launch": ("/OpenAction", lambda: action("/Launch", F="cmd.exe")),
        "open_uri": ("/OpenAction", lambda: action("/URI", URI="https://evil.example/")),
        "open_page": (
            "/OpenAction",
            lambda: ArrayObject([page.indirect_reference, NameObject("/Fit")]),
        ),
        "catalog_aa": (
            "/AA",
            lambda: DictionaryObject({NameObject("/WC"): action("/JavaScript", JS="x()")}),
        ),
    }
    for key in catalog_or_page:
        if key == "page_aa":
            page[NameObject("/AA")] = DictionaryObject(
                {NameObject("/O"): action("/Launch", F="calc.exe")}
            )
        elif key == "names_javascript":
            scripts = ArrayObject([TextStringObject("x"), action("/JavaScript", JS="alert(1)")])
            tree = DictionaryObject({NameObject("/Names"): scripts})
            writer._root_object[NameObject("/Names")] = DictionaryObject(
                {NameObject("/JavaScript"): writer._add_object(tree)}
            )
        elif key == "link_uri":
            from pypdf.annotations import Link

            writer.add_annotation(0, Link(rect=(50, 50, 200, 80), url="https://cus.example/"))
        else:
            name, build = made[key]
            writer._root_object[NameObject(name)] = build()
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


@pytest.mark.parametrize(
    ("kind", "what"),
    [
        ("open_javascript", "JavaScript"),
        ("open_launch", "/Launch"),
        ("open_uri", "/URI"),
        ("catalog_aa", "/AA"),
        ("page_aa", "/AA"),
        ("names_javascript", "JavaScript"),
    ],
)
def test_pdf_with_active_content_is_refused_with_a_polish_message(admin_client, kind, what):
    programme = ProgrammeFactory()
    response = post_document(admin_client, programme, pdf_upload(pdf_with(**{kind: True})))
    assert response.status_code == 200
    message = errors_of(response)
    assert "zawiera aktywną zawartość" in message and what in message
    assert "Zapisz jako PDF" in message
    assert not Document.objects.exists()


def test_pdf_that_opens_at_a_page_and_has_web_links_is_accepted(admin_client):
    programme = ProgrammeFactory()
    content = pdf_with(open_page=True, link_uri=True)
    response = post_document(admin_client, programme, pdf_upload(content))
    assert response.status_code == 302, errors_of(response)
    assert Document.objects.count() == 1
