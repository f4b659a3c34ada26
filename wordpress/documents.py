"""Files a post or page links to (PDF and office files of the old site) as its documents, under
the site's document rules (`cus_site/documents.py`), the body's links pointing at our copy.

A link's text names the document ("Regulamin konkursu"); a text that says nothing ("tutaj",
"pobierz") gives way to the attachment's title in the export, or the file's name.
"""

from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files.storage import default_storage

from cus_site import documents

from . import content
from .files import Rules, public_name

DOCUMENTS = Rules(documents.cleaned_upload, "documents")
VAGUE_TEXTS = {"tutaj", "tu", "pobierz", "kliknij", "link", "plik", "więcej", "here", "download"}


def title_for(link, attachment):
    text = link.text.strip()
    if len(text) >= 4 and text.lower().strip(".:!") not in VAGUE_TEXTS:
        return text[:250]
    if attachment is not None and attachment.title:
        return attachment.title[:250]
    stem = PurePosixPath(unquote(urlsplit(link.url).path)).stem
    return stem.replace("-", " ").replace("_", " ").strip()[:250] or "Dokument"


def stored_documents(run, item, links, folder):
    """(title, stored name, old address) of each linked document that could be had, once."""
    found, seen = [], set()
    for link in links:
        path = urlsplit(link.url).path
        if path in seen:
            continue
        seen.add(path)
        attachment = run.export.attachment_at(path)
        in_uploads = attachment.file if attachment else ""
        name = run.files.stored(link.url, in_uploads, folder, item, DOCUMENTS)
        if name:
            found.append((title_for(link, attachment), name, link.url))
    return found


def new_addresses(stored):
    """Old address → our copy's, for `content.relink`."""
    return {old: default_storage.url(public_name(name)) for _title, name, old in stored}


def relinked(body_html, stored):
    return content.relink(body_html, new_addresses(stored))
