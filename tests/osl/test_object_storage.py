"""A programme's PDF uploaded through the admin when the uploads are objects in S3-compatible
storage (moto's server): the same rules as on a disk, the file an object in the bucket."""

import pytest

from cus_site import documents
from osl.models import Document
from tests.factories import ProgrammeFactory, blank_pdf
from tests.osl.test_admin import errors_of
from tests.osl.test_documents import pdf_upload, pdf_with, post_document

pytestmark = pytest.mark.django_db


def test_a_pdf_uploaded_in_the_admin_is_an_object_in_the_bucket_linked_from_the_page(
    admin_client, client, object_storage
):
    programme = ProgrammeFactory(slug_pl="seniorzy")
    content = blank_pdf(padding=300_000)
    response = post_document(admin_client, programme, pdf_upload(content))
    assert response.status_code == 302, errors_of(response)
    document = Document.objects.get()
    assert document.size == len(content)
    assert object_storage.keys() == [document.file.name]
    assert document.file.name.startswith("public/osl/dokumenty/")
    assert object_storage.read(document.file.name) == content
    html = client.get("/osl/seniorzy/").content.decode()
    assert f'href="{object_storage.public_url}/{document.file.name}"' in html
    assert f"(PDF, {documents.size_label(len(content))})" in html


def test_an_active_pdf_is_refused_in_polish_and_nothing_reaches_the_bucket(
    admin_client, object_storage
):
    programme = ProgrammeFactory()
    upload = pdf_upload(pdf_with(open_javascript=True))
    response = post_document(admin_client, programme, upload)
    assert response.status_code == 200
    message = errors_of(response)
    assert "zawiera aktywną zawartość" in message and "JavaScript" in message
    assert not Document.objects.exists()
    assert object_storage.keys() == []
