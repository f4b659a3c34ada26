"""A programme's documents (the Plan OSL, reports) are PDF files and nothing else: the shared
document rules of `cus_site/documents.py`, narrowed to PDF."""

from cus_site import documents


class PdfField(documents.DocumentField):
    """A file field that takes only real PDF files of at most 20 MB."""

    default_formats = (documents.PDF,)
