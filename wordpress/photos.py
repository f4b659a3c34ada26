"""The photos a post or page used, through our image rules.

An image is its attachment when WordPress says which (the featured image's `_thumbnail_id`, a
body image's `wp-image-N` class, a gallery's ids) or when its address is an attachment's, a
resized copy (`a-300x200.jpg`) included; then the original file is taken, with the
attachment's alt text (`_wp_attachment_image_alt`) and caption. The file goes through
`cus_site.images` (formats, size, upright, no metadata) and is fetched once; each use gets
its own copy (`files.Files`).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from cus_site import images

from .content import ImageUse, original_url, plain_text
from .files import Rules, public_name

IMAGES = Rules(images.cleaned_upload, "images")


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
    link: str

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
            link=item.link,
        )


@dataclass
class Photo:
    """A photo ready for a model: its stored file and what the attachment says about it."""

    name: str
    alt: str
    caption: str
    attachment_id: int | None


def old_path(url):
    return urlsplit(url).path


class Photos:
    """Finds the photos of one run's posts and pages; their files go through `run.files`."""

    def __init__(self, run):
        self.run = run
        self.attachments = run.export.attachments
        self.by_path = {
            old_path(original_url(a.url)): a for a in self.attachments.values() if a.url
        }

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
        name = self.run.files.stored(url, in_uploads, folder, item, IMAGES)
        if name is None:
            return None
        if use.url and old_path(use.url) != old_path(url):
            self.run.addresses.file(use.url, public_name(name))  # a resized copy in the body
        return Photo(
            name=name,
            alt=(attachment.alt if attachment else "") or use.alt,
            caption=use.caption or (attachment.caption if attachment else ""),
            attachment_id=attachment.wp_id if attachment else None,
        )

    def featured(self, item, folder):
        if item.thumbnail_id is None:
            return None
        return self.photo(ImageUse(attachment_id=item.thumbnail_id, url=""), item, folder)
