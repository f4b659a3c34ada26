"""The shared document rules: each format told by its content, everything else refused in
Polish, a safe stored name, and sizes shown as people read them."""

import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfWriter

from cus_site import documents
from tests import documentfiles as files
from tests.news import imagefiles as images


def encrypted_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("tajne-haslo")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("wniosek.pdf", files.blank_pdf(), documents.PDF),
        ("wniosek.docx", files.docx(), documents.DOCX),
        ("wniosek.odt", files.odt(), documents.ODT),
        ("zestawienie.xlsx", files.xlsx(), documents.XLSX),
        ("zestawienie.ods", files.ods(), documents.ODS),
        ("wniosek.rtf", files.rtf(), documents.RTF),
        ("informacja.txt", files.txt(), documents.TXT),
        # The name says nothing: a DOCX sent as "wniosek.pdf" is a DOCX.
        ("wniosek.pdf", files.docx(), documents.DOCX),
        ("bez-rozszerzenia", files.ods(), documents.ODS),
    ],
)
def test_each_format_is_told_by_its_content(name, content, expected):
    assert documents.identify(files.upload(name, content)) == expected


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("wniosek.pdf", images.camera_jpeg(), "Tego pliku nie można dodać jako dokumentu"),
        ("wniosek.docx", images.encoded(images.Image.new("RGB", (8, 8)), "PNG"), "zdjęcie"),
        ("program.pdf", files.executable(), "program"),
        ("archiwum.docx", files.zipped([("zdjecie.jpg", b"x" * 10)]), "PDF, DOCX, ODT"),
        ("makra.docx", files.docm(), "Tego pliku nie można dodać jako dokumentu"),
        ("uciety.docx", files.docx()[:-40], "jest uszkodzony albo niekompletny"),
        ("uciety.pdf", files.blank_pdf()[:-200], "Nie da się otworzyć tego pliku PDF"),
        ("haslo.pdf", encrypted_pdf(), "zabezpieczony hasłem"),
        ("haslo.odt", files.opendocument(encrypted=True), "zabezpieczony hasłem"),
        ("stary.doc", files.old_word(), "starym formacie Worda"),
        ("stary.txt", files.windows_1250_text(), "UTF-8"),
        ("pusty.txt", b"", "Tego pliku nie można dodać"),
    ],
)
def test_anything_else_is_refused_with_a_polish_message(name, content, message):
    with pytest.raises(ValidationError) as refused:
        documents.cleaned_upload(files.upload(name, content))
    assert message in " ".join(refused.value.messages)


def test_a_file_over_20_megabytes_is_refused_before_it_is_read():
    content = files.blank_pdf() + b"%" * (20 * 1024 * 1024)
    with pytest.raises(ValidationError) as refused:
        documents.cleaned_upload(files.upload("duzy.pdf", content))
    assert refused.value.messages == [
        "Plik ma 20,0 MB, a można wgrać najwyżej 20 MB. "
        "Zmniejsz go (np. zapisując PDF w mniejszej jakości) i wgraj ponownie."
    ]


def test_a_pdf_only_field_says_this_is_not_a_pdf_of_any_other_document():
    with pytest.raises(ValidationError) as refused:
        documents.check(files.upload("plan.pdf", files.docx()), formats=(documents.PDF,))
    assert "Ten plik nie jest dokumentem PDF" in refused.value.messages[0]


def test_the_stored_name_is_transliterated_with_the_real_extension():
    upload = documents.cleaned_upload(files.upload("Wniosek o usługi (ŁÓDŹ).PDF", files.docx()))
    assert upload.name == "wniosek-o-uslugi-lodz.docx"
    nameless = documents.cleaned_upload(files.upload("€€€.txt", files.txt()))
    assert nameless.name == "dokument.txt"


@pytest.mark.parametrize(
    ("size", "label"),
    [
        (200, "1\xa0KB"),
        (250_880, "245\xa0KB"),
        (1_250_000, "1,2\xa0MB"),
        (20 * 1024 * 1024, "20,0\xa0MB"),
    ],
)
def test_sizes_read_as_people_read_them(size, label):
    assert documents.size_label(size) == label


def test_the_file_input_offers_the_formats_by_type_and_extension():
    field = documents.DocumentFormField()
    accept = field.widget_attrs(field.widget)["accept"].split(",")
    assert "application/pdf" in accept
    assert ".odt" in accept
    assert "text/plain" in accept
    pdf_only = documents.DocumentFormField(formats=("pdf",))
    assert pdf_only.widget_attrs(pdf_only.widget)["accept"] == "application/pdf"
