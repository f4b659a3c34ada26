"""WordPress pages as pages of our tree.

- Parents first: a page goes under the page its `wp:post_parent` became, in the place its
  `wp:menu_order` gives it among its siblings. A parent missing from the export (or deleted
  here) leaves the page at the top; our tree has four levels, so a page deeper than that goes
  under its nearest ancestor on the fourth level's parent, with a warning.
- Published when WordPress published it (`publish`, without a password); anything else,
  `future` included (our pages have no date to wait for), is imported unpublished.
- Slug as for posts (`slugify_any`), then our tree's rules: a top-level slug that a route of
  the site answers gets "-strona", an address taken by another page a number.
- The lead is the excerpt only (a page's first paragraph is its text, not a summary); the body
  is converted like a post's; the featured image, else the body's first image, is the cover.
  Our pages have no gallery, so further body images are listed in the report for an editor.
- Linked PDF and office files become the page's documents.
"""

from urllib.parse import unquote

from django.db.models import Q

from cus_site import media
from cus_site.slugs import slugify_any
from pages.models import Document, Page
from pages.tree import MAX_DEPTH, SLUG_LENGTH, reserved_slugs

from . import content
from .documents import relinked, stored_documents
from .models import ImportRecord
from .posts import source_hash
from .records import digest
from .report import entry

KIND = ImportRecord.Kind.PAGE
FOLDER = "strony/"


def ancestors(item, by_id):
    """The item's WordPress ancestors in the export, nearest first (a loop is cut)."""
    chain, seen = [], {item.wp_id}
    parent = by_id.get(item.parent)
    while parent is not None and parent.wp_id not in seen:
        chain.append(parent)
        seen.add(parent.wp_id)
        parent = by_id.get(parent.parent)
    return chain


def import_pages(run, items, advance):
    by_id = {item.wp_id: item for item in items}
    for item in sorted(items, key=lambda i: (len(ancestors(i, by_id)), i.menu_order, i.wp_id)):
        import_page(run, item)
        advance(item.plain_title)


def row_hash(page):
    return digest(
        page.title_pl,
        page.slug_pl,
        page.lead_pl,
        page.body_pl,
        page.is_published,
        page.position,
        page.parent_id,
        media.without_visibility(page.cover.name or ""),  # the visibility may change
    )


def import_page(run, item):
    record = run.records.get(KIND, item.wp_id)
    if record and record.is_tombstone:
        run.report.skip("pages", "usunięte tutaj")
        return
    item_hash = source_hash(run, item)
    page = record.target if record else None
    if record and record.source_hash == item_hash:
        run.report.count("pages", "unchanged")
    elif page is not None and row_hash(page) != record.row_hash:
        run.report.edited_here.append(
            entry(item, f"strona „{page.title_pl}” (/admin/pages/page/{page.pk}/change/)")
        )
        run.report.count("pages", "unchanged")
    else:
        outcome = "updated" if page else "created"
        page = page or Page()
        made = _fill(run, item, page)
        run.records.save(KIND, item.wp_id, page, page.title_pl, item_hash, row_hash(page), made)
        run.report.count("pages", outcome)
    run.addresses.later(KIND, item, page.pk)


def _parent(run, item):
    record = run.records.get(KIND, item.parent) if item.parent else None
    parent = record.target if record and not record.is_tombstone else None
    if item.parent and parent is None:
        run.report.warn(item, "strona nadrzędna nie została zaimportowana: strona jest na górze")
    if parent is not None and parent.depth >= MAX_DEPTH:
        run.report.warn(item, "drzewo stron ma 4 poziomy: stronę przeniesiono wyżej")
        while parent.depth >= MAX_DEPTH:
            parent = parent.parent
    return parent


def _free_slug(page, parent, base):
    if parent is None and base in reserved_slugs():
        base = f"{base}-strona"
    prefix = parent.url_path_pl if parent else ""
    slug, number = base, 2
    while True:
        path = f"{prefix}{slug}/"
        taken = Q(url_path_pl=path) | Q(url_path_en=path) | Q(url_path_uk=path)
        if not Page.objects.filter(taken).exclude(pk=page.pk).exists():
            return slug
        slug, number = f"{base}-{number}", number + 1


def _fill(run, item, page):
    body = content.convert(item.content, run.export.channel.site)
    if body.removed_shortcodes:
        run.report.removed_shortcodes.update(body.removed_shortcodes)
        names = ", ".join(f"[{name}]" for name in sorted(body.removed_shortcodes))
        run.report.warn(item, f"usunięto nieznane skróty (shortcodes): {names}")
    parent = _parent(run, item)
    base = (
        slugify_any(unquote(item.post_name), SLUG_LENGTH - 8)
        or slugify_any(item.plain_title, SLUG_LENGTH - 8)
        or f"strona-{item.wp_id}"
    )
    page.parent = parent
    page.slug_pl = _free_slug(page, parent, base)
    page.title_pl = item.plain_title[:200] or page.slug_pl
    page.lead_pl = content.cut_at_word(content.plain_text(item.excerpt))
    linked = stored_documents(run, item, body.documents, "dokumenty/")
    page.body_pl = relinked(body.html, linked)
    page.is_published = item.status == "publish" and not item.password
    page.position = max(0, min(item.menu_order, 32767))
    _set_cover(run, item, page, body)
    page.save()
    return {"documents": _set_documents(run, item, page, linked)}


def _set_cover(run, item, page, body):
    photo = run.photos.featured(item, FOLDER)
    uses = list(body.images)
    if photo is None and uses:
        photo = run.photos.photo(uses.pop(0), item, FOLDER)
    for use in uses:
        run.report.warn(
            item,
            f"strony nie mają galerii: zdjęcie {use.url or use.attachment_id} z treści nie "
            "zostało przeniesione (dodaj je ręcznie, jeśli jest potrzebne)",
        )
    if photo is None:
        return
    page.cover = photo.name
    page.cover_alt_pl = photo.alt
    page.cover_shows_people = True
    page.cover_consent = run.photos_consented
    run.note_photo(item, page.cover_picture, photo)


def _set_documents(run, item, page, linked):
    record = run.records.get(KIND, item.wp_id)
    if record:
        page.documents.filter(pk__in=record.details.get("documents", [])).delete()
    made = []
    for position, (title_text, name, _old) in enumerate(linked):
        document = Document(page=page, title_pl=title_text, file=name, position=position)
        document.size = document.file.size
        document.save()
        made.append(document.pk)
    return made
