"""One run of the WordPress import: the whole file in one transaction.

The file is read twice, never held whole: the first pass (`scan`) checks it and keeps what
the second needs to look up (categories, tags, attachments, pages, which are few); the second
imports the posts one at a time; then come the pages (parents first) and, last, the redirects
from every old address (`redirects.py`), written in one go. A fatal error anywhere rolls the
transaction back and deletes the files the run stored, so nothing of it stays; `--dry-run`
takes the same road on purpose after the report is complete. Photo renditions are made only
after the commit: a rolled-back run must not leave them, nor imagekit's cache believing in them.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

from django.db import transaction

from cus_site import images
from cus_site.revisions import recorded

from . import wxr
from .categories import Categories
from .files import Files
from .media import Media, StoredFiles
from .pages import import_pages
from .photos import Attachment, Photos
from .posts import import_post
from .records import Records
from .redirects import OldAddresses
from .report import Report, entry

IMPORTED_TYPES = ("post", "page", "attachment")
SKIPPED_TYPES = {
    "nav_menu_item": "pozycje menu",
    "revision": "wersje robocze WordPressa (revision)",
    "wp_block": "bloki wielokrotnego użytku",
    "wp_navigation": "menu (nawigacja bloków)",
    "wp_template": "szablony motywu",
    "wp_template_part": "szablony motywu",
    "wp_global_styles": "style motywu",
    "custom_css": "style motywu",
    "customize_changeset": "zmiany wyglądu",
    "oembed_cache": "pamięć osadzeń",
    "user_request": "prośby o dane osobowe",
}
SKIPPED_STATUSES = {"trash": "w koszu", "auto-draft": "automatyczne szkice"}


@dataclass
class Export:
    """What the first pass learns about the file."""

    channel: wxr.Channel
    categories: list = field(default_factory=list)
    attachments: dict = field(default_factory=dict)
    tags: list = field(default_factory=list)
    pages: list = field(default_factory=list)
    posts: int = 0

    @cached_property
    def attachments_by_path(self):
        return {urlsplit(a.url).path: a for a in self.attachments.values() if a.url}

    def attachment_at(self, path):
        """The attachment whose file is at this old path, or None."""
        return self.attachments_by_path.get(path)

    @property
    def hosts(self):
        urls = (self.channel.site_url, self.channel.blog_url, self.channel.link)
        return {urlsplit(url).hostname for url in urls if url}


def _skip_reason(item):
    if item.post_type not in IMPORTED_TYPES:
        return SKIPPED_TYPES.get(item.post_type, f"inne typy treści ({item.post_type})")
    return SKIPPED_STATUSES.get(item.status)


class Rollback(Exception):
    """Raised inside the transaction to undo a trial run."""


class Run:
    """One import of one file; `execute()` returns the Report."""

    def __init__(self, path, uploads=None, photos_consented=False, dry_run=False, progress=None):
        self.path = path
        self.uploads = uploads
        self.photos_consented = photos_consented
        self.dry_run = dry_run
        self.progress = progress or (lambda total: lambda title: None)
        self.report = Report(source=str(path), dry_run=dry_run)
        self.stored = StoredFiles()
        self.pictures = []  # photos to make renditions of after the commit

    def scan(self):
        export, terms, skipped = None, [], Counter()
        for part in wxr.read(self.path):
            if isinstance(part, wxr.Channel):
                export = Export(channel=part)
            elif isinstance(part, wxr.Term):
                terms.append(part)
            else:
                self._scan_item(part, export, skipped)
        for term in terms:
            if term.taxonomy == "category":
                export.categories.append(term)
            elif term.taxonomy == "post_tag":
                export.tags.append(term)
                skipped["tagi (z założenia, zob. README)"] += 1
            else:
                skipped[f"inne taksonomie ({term.taxonomy})"] += 1
        for reason, number in skipped.items():
            if number:
                self.report.skip("other", reason, number)
        return export

    @staticmethod
    def _scan_item(item, export, skipped):
        skipped["komentarze"] += item.comments
        reason = _skip_reason(item)
        if reason:
            skipped[reason] += 1
        elif item.post_type == "attachment":
            export.attachments[item.wp_id] = Attachment.from_item(item)
        elif item.post_type == "page":
            export.pages.append(item)
        else:
            export.posts += 1

    def execute(self):
        self.export = self.scan()
        self.report.site = self.export.channel.site
        self.media = Media(self.uploads, self.export.hosts)
        try:
            with transaction.atomic(), recorded(f"Import z WordPressa ({self.report.source})"):
                self.import_all()
                if self.dry_run:
                    raise Rollback
        except Rollback:
            self.stored.delete_all()
        except BaseException:
            self.stored.delete_all()
            raise
        else:
            self.make_renditions()
        return self.report

    def import_all(self):
        self.records = Records(self.export.channel.site)
        self.categories = Categories(self)
        self.categories.import_all(self.export.categories)
        self.addresses = OldAddresses(self)
        self.files = Files(self)
        self.photos = Photos(self)
        advance = self.progress(self.export.posts + len(self.export.pages))
        for item in wxr.read(self.path):
            if isinstance(item, wxr.Item) and item.post_type == "post" and not _skip_reason(item):
                import_post(self, item)
                advance(item.plain_title)
        import_pages(self, self.export.pages, advance)
        imported = {slug: row for slug, row in self.categories.by_slug.items() if row}
        self.addresses.write(self.export.categories, imported, self.export.tags)

    def note_photo(self, item, picture, photo):
        """Remember a photo for its renditions, and tell the editors what it still needs."""
        if not photo.alt:
            self.report.warn(
                item,
                f"zdjęcie {photo.name} nie ma tekstu alternatywnego w WordPressie: nie będzie "
                "widoczne, dopóki ktoś go nie opisze.",
            )
        if not picture.consent:
            self.report.awaiting_consent.append(entry(item, photo.name))
        self.pictures.append(picture)

    def make_renditions(self):
        for picture in self.pictures:
            images.make_renditions(picture)
