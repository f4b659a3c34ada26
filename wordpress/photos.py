"""The photos a post or page used, through our image rules, each file stored once.

An image is its attachment when WordPress says which (the featured image's `_thumbnail_id`, a
body image's `wp-image-N` class, a gallery's ids) or when its address is an attachment's, a
resized copy (`a-300x200.jpg`) included; then the original file is taken, with the
attachment's alt text (`_wp_attachment_image_alt`) and caption. The file goes through
`cus_site.images` (formats, size, upright, no metadata) and is stored once per run and across
runs (an import record per file), so every post that showed it, and the redirect from its old
address, share one copy.
"""

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from cus_site import images

from .content import ImageUse, original_url, plain_text
from .media import MissingFile
from .models import ImportRecord


@dataclass
class Attachment:
    wp_id: int
    url: str
    file: str
    alt: str
    caption: str
    title: str
    parent: int
    line: int

    @classmethod
    def from_item(cls, item):
        return cls(
            wp_id=item.wp_id,
            url=item.attachment_url or item.link,
            file=item.meta.get("_wp_attached_file", ""),
            alt=plain_text(item.meta.get("_wp_attachment_image_alt", "")),
            caption=plain_text(item.excerpt),
            title=item.plain_title,
            parent=item.parent,
            line=item.line,
        )


@dataclass
class Photo:
    """A photo ready for a model: its stored file and what the attachment says about it."""

    name: str
    old_path: str
    alt: str
    caption: str
    attachment_id: int | None


def old_path(url):
    return urlsplit(url).path


class Photos:
    """Finds, checks and stores the photos of one run; `stored` learns every new file."""

    def __init__(self, run):
        self.run = run
        self.attachments = run.export.attachments
        self.by_path = {
            old_path(original_url(a.url)): a for a in self.attachments.values() if a.url
        }
        self.files = {}  # old path → (stored name, width, height)

    def attachment_for(self, use):
        if use.attachment_id in self.attachments:
            return self.attachments[use.attachment_id]
        return self.by_path.get(old_path(original_url(use.url))) if use.url else None

    def photo(self, use, item, folder):
        """The Photo for an ImageUse, or None (with a warning in the report) if it cannot be."""
        attachment = self.attachment_for(use)
        if attachment is None and not use.url:
            self.run.report.warn(item, f"Brak załącznika nr {use.attachment_id} w eksporcie.")
            return None
        url = attachment.url if attachment else original_url(use.url)
        in_uploads = attachment.file if attachment else ""
        name = self.stored_name(url, in_uploads, folder, item)
        if name is None:
            return None
        return Photo(
            name=name,
            old_path=old_path(url),
            alt=(attachment.alt if attachment else "") or use.alt,
            caption=use.caption or (attachment.caption if attachment else ""),
            attachment_id=attachment.wp_id if attachment else None,
        )

    def featured(self, item, folder):
        if item.thumbnail_id is None:
            return None
        return self.photo(ImageUse(attachment_id=item.thumbnail_id, url=""), item, folder)

    def stored_name(self, url, in_uploads, folder, item):
        """The stored file of an address, fetched and stored unless this or an earlier run
        did already (`in_uploads`: the path WordPress recorded under wp-content/uploads)."""
        path = old_path(url)
        if path in self.files:
            return self.files[path]
        record = self.run.records.get(ImportRecord.Kind.FILE, path)
        name = record.details.get("name") if record else None
        if not (name and default_storage.exists(name)):
            name = self._store(url, in_uploads, folder, item)
        if name:
            self.files[path] = name
        return name

    def _store(self, url, in_uploads, folder, item):
        path = old_path(url)
        try:
            content = self.run.media.fetch(url, in_uploads)
            upload = images.cleaned_upload(SimpleUploadedFile(PurePosixPath(path).name, content))
        except MissingFile as problem:
            self.run.report.warn(item, str(problem))
            return None
        except ValidationError as error:
            reason = " ".join(error.messages)
            self.run.report.warn(item, f"Plik {PurePosixPath(path).name} pominięto: {reason}")
            return None
        name = default_storage.save(f"{folder}{upload.name}", ContentFile(upload.read()))
        self.run.stored.add(name)
        self.run.report.count("images", "created")
        self.run.records.save_file(path, name)
        return name
