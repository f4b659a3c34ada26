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
    assert re.fullmatch(r"osl/dokumenty/\d{4}/plan-osl-2025(_\w+)?\.pdf", document.file.name)
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
