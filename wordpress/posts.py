"""A WordPress post as a news post, with its photos.

- Status: `publish` and `future` are published (a future one at its date, so it appears then,
  as our scheduling does); `draft`, `pending`, `private` and any post with a password are
  drafts, never shown.
- Date: `wp:post_date_gmt` as UTC; when it is empty or all zeros (WordPress's drafts), the
  local `wp:post_date` in Europe/Warsaw.
- Slug: `wp:post_name` percent-decoded and transliterated (`cus_site.slugs.slugify_any`), else
  from the title, else "wpis-<date>-<ID>"; then our rules: a list path or a year gets a suffix,
  a taken slug a number (`Post.objects.unique_slug`).
- Photos: the featured image is the cover; every image of the body (captions kept, in reading
  order) and of its galleries becomes a photo of the post's gallery. Imported photos show
  people without a recorded consent unless the run was told otherwise.
"""

import datetime
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from django.db import models
from django.utils import formats, timezone, translation

from cus_site import media
from cus_site.slugs import slugify_any
from news.models import SLUG_LENGTH, Post, PostAttachment, PostImage

from . import content
from .documents import relinked, stored_documents
from .models import ImportRecord
from .records import digest
from .report import entry

PUBLISHED_STATUSES = {"publish", "future"}
WARSAW = ZoneInfo("Europe/Warsaw")
NO_DATE = "0000-00-00 00:00:00"
KIND = ImportRecord.Kind.POST


def published_at(item):
    """The moment the post was published, timezone-aware; None if WordPress gives none."""
    for value, zone in ((item.post_date_gmt, datetime.UTC), (item.post_date, WARSAW)):
        if value and value != NO_DATE:
            try:
                moment = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
            except ValueError:
                continue
            return moment.replace(tzinfo=zone)
    return None


def status(item):
    if item.status in PUBLISHED_STATUSES and not item.password:
        return Post.Status.PUBLISHED
    return Post.Status.DRAFT


def title(item, moment):
    text = item.plain_title[:250]
    if text:
        return text
    with translation.override("pl"):
        return f"Wpis z {formats.date_format(timezone.localtime(moment), 'DATE_FORMAT')}"


def base_slug(item, moment):
    return (
        slugify_any(unquote(item.post_name), SLUG_LENGTH - 4)
        or slugify_any(item.plain_title, SLUG_LENGTH - 4)
        or f"wpis-{timezone.localtime(moment):%Y-%m-%d}-{item.wp_id}"
    )


def row_hash(post):
    """The imported fields of a post as they are now (compared with the record's)."""
    return digest(
        post.title_pl,
        post.slug_pl,
        post.lead_pl,
        post.body_pl,
        post.status,
        post.published_at.isoformat(),
        media.without_visibility(post.cover.name or ""),  # the visibility may change
        sorted(post.categories.values_list("pk", flat=True)),
    )


def source_hash(run, item):
    """What WordPress says about the post, its attachments included."""
    attachments = run.export.attachments
    used = [item.thumbnail_id] + [int(n) for n in content.WP_IMAGE_CLASS.findall(item.content)]
    return digest(
        {name: value for name, value in vars(item).items() if name != "line"},
        [vars(attachments[n]) | {"line": 0} for n in used if n in attachments],
    )


def import_post(run, item):
    record = run.records.get(KIND, item.wp_id)
    if record and record.is_tombstone:
        run.report.skip("posts", "usunięte tutaj")
        return
    item_hash = source_hash(run, item)
    post = record.target if record and record.source_hash != item_hash else None
    if record and record.source_hash == item_hash:
        run.report.count("posts", "unchanged")
    elif post is not None and row_hash(post) != record.row_hash:
        run.report.edited_here.append(_edited_entry(item, post))
        run.report.count("posts", "unchanged")
    else:
        post = post or _demo_post(item)
        outcome = "updated" if post else "created"
        post = post or Post()
        made = _fill(run, item, post)
        record = run.records.save(
            KIND, item.wp_id, post, post.title_pl, item_hash, row_hash(post), made
        )
        run.report.count("posts", outcome)
    run.addresses.later(KIND, item, record.object_id)


def _demo_post(item):
    """The post `load_demo` made of this item from the scraped old site (same slug, same day),
    which the import completes rather than duplicates; None if there is none."""
    moment = published_at(item)
    if moment is None:
        return None
    imported = ImportRecord.objects.filter(kind=KIND, object_id=models.OuterRef("pk"))
    return (
        Post.objects.filter(
            slug_pl=base_slug(item, moment),
            published_at__date=timezone.localdate(moment),
        )
        .exclude(models.Exists(imported))
        .first()
    )


def _edited_entry(item, post):
    return entry(item, f"wpis „{post.title_pl}” (/admin/news/post/{post.pk}/change/)")


def _fill(run, item, post):
    moment = published_at(item)
    if moment is None:
        moment = timezone.now()
        run.report.warn(item, "WordPress nie podał daty: wpis dostał datę importu.")
    body = content.convert(item.content, run.export.channel.site)
    _count_removed(run, item, body)
    post.title_pl = title(item, moment)
    if not post.slug_pl or slugify_any(post.slug_pl) != base_slug(item, moment):
        post.slug_pl = Post.objects.unique_slug(base_slug(item, moment), exclude_pk=post.pk)
    linked = stored_documents(run, item, body.documents, _folder("aktualnosci/dokumenty/"))
    post.body_pl = relinked(body.html, linked)
    post.lead_pl = content.lead(item.excerpt, body.html) or post.title_pl
    post.status = status(item)
    post.published_at = moment
    _set_cover(run, item, post)
    post.save()
    post.categories.set(run.categories.ids_for(item))
    return {
        "photos": _set_gallery(run, item, post, body),
        "attachments": _set_attachments(run, item, post, linked),
    }


def _count_removed(run, item, body):
    if body.removed_shortcodes:
        run.report.removed_shortcodes.update(body.removed_shortcodes)
        names = ", ".join(f"[{name}]" for name in sorted(body.removed_shortcodes))
        run.report.warn(item, f"usunięto nieznane skróty (shortcodes): {names}")


def _remove_earlier(run, item, rows, name):
    """The photos or attachments an earlier run gave this post (an update replaces them)."""
    record = run.records.get(KIND, item.wp_id)
    if record:
        rows.filter(pk__in=record.details.get(name, [])).delete()


def _set_attachments(run, item, post, linked):
    _remove_earlier(run, item, PostAttachment.objects.filter(post=post), "attachments")
    made = []
    for position, (title_text, name, _old) in enumerate(linked):
        attachment = PostAttachment(post=post, title_pl=title_text, file=name, position=position)
        attachment.save()
        made.append(attachment.pk)
    return made


def _folder(prefix):
    return f"{prefix}{timezone.now():%Y/%m}/"


def _set_cover(run, item, post):
    photo = run.photos.featured(item, _folder("aktualnosci/"))
    if photo is None:
        return
    post.cover = photo.name
    post.cover_alt_pl = photo.alt
    post.cover_shows_people = True
    post.cover_consent = run.photos_consented
    run.note_photo(item, post.cover_picture, photo)


def _set_gallery(run, item, post, body):
    """The body's images as the post's gallery; the photos imported before are replaced."""
    _remove_earlier(run, item, PostImage.objects.filter(post=post), "photos")
    uses = list(body.images)
    if body.whole_gallery:
        children = [a for a in run.export.attachments.values() if a.parent == item.wp_id]
        uses += [content.ImageUse(attachment_id=a.wp_id, url="") for a in children]
    seen = {item.thumbnail_id} - {None}
    created = []
    for use in uses:
        photo = run.photos.photo(use, item, _folder("aktualnosci/galeria/"))
        if photo is None or (photo.attachment_id or photo.name) in seen:
            continue
        seen.add(photo.attachment_id or photo.name)
        image = PostImage(
            post=post,
            image=photo.name,
            alt_pl=photo.alt,
            caption_pl=photo.caption[:300],
            position=len(created),
            shows_people=True,
            consent=run.photos_consented,
        )
        image.save()
        run.note_photo(item, image.picture, photo)
        created.append(image.pk)
    return created
