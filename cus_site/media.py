"""Who may see an uploaded file, and where it lives because of that.

The rule: a file is public only while the site shows it. A photo is public while its page is
published (a scheduled post counts: nothing would move its photos at the scheduled minute, and
their unguessable addresses appear nowhere until then) and the photo itself may be shown
(consent, alt text: `images.Picture.is_public`); a document or a recording while its page is
published. Every other file is private: a photo without consent, everything of a draft, of a
deleted row, and the old file a new upload replaced. Private files are kept (a deleted post may
be brought back, an older version may show its photo) but only staff who may view the row's
model can open them, through `private_file` below, which also serves the admin's thumbnails.
Renditions (`images.Rendition`) follow their photo everywhere.

Where: every uploaded file's name starts with its visibility, `public/` or `private/`, followed by
the model's folder, the month and an unguessable name (`zdjecie-<24 hex digits>.jpg`), e.g.
`public/aktualnosci/2025/12/img-20251201-101500-3fa9….jpg`. A photo's renditions live under
`<visibility>/CACHE/<the photo's name without extension>/`. So the web server may serve
`/media/public/` to anyone and never `/media/private/`; with nginx, private files go out by
`X-Accel-Redirect` to an `internal` location (`PRIVATE_MEDIA_INTERNAL_URL`, see deploy/nginx).

When: a new upload goes straight to the place its row's state gives it. A change of state
(publishing, consent, a draft, a deletion, a replaced file) moves the files and their renditions
after the transaction commits, never in `save()`, and rewrites the stored name with an UPDATE
that sends no signals. `manage.py sync_media` applies the rule to every row (after bulk SQL
changes, and once for files stored before this rule, which it also renames).

Object storage (`cus_site.storage`): the two prefixes are in one bucket whose policy makes
`public/` readable and `private/` not; moving is a copy and a delete through the storage API,
and private files are streamed from the bucket by the same view.

A model takes part by `track(Model, children=[…])` and a `files_are_public` property; its file
fields use `UploadTo("folder/%Y/%m")`.
"""

import logging
import mimetypes
import os
import posixpath
import secrets
from functools import partial
from types import SimpleNamespace
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from imagekit.utils import suggest_extension

from cus_site.slugs import slugify_pl

logger = logging.getLogger(__name__)

PUBLIC = "public"
PRIVATE = "private"
RENDITIONS = "CACHE"
# Folders of imagekit's own default namer, used for names stored before this rule.
LEGACY_RENDITIONS = "CACHE/images"

# model -> the relations whose rows' visibility follows it (a post's gallery).
TRACKED = {}
# folder prefix -> the permission that lets a staff member open its private files.
FOLDER_PERMISSIONS = {}


def visibility_of(name):
    """PUBLIC, PRIVATE, or None for a name stored before this rule."""
    head, _, _ = name.partition("/")
    return head if head in (PUBLIC, PRIVATE) else None


def without_visibility(name):
    return name.partition("/")[2] if visibility_of(name) else name


def with_visibility(name, visibility):
    return f"{visibility}/{without_visibility(name)}"


def unguessable_name(filename):
    """A readable stem, cut short, and 96 random bits: `plan-osl-2025-<24 hex>.pdf`."""
    stem, extension = posixpath.splitext(posixpath.basename(filename))
    return f"{slugify_pl(stem, 60) or 'plik'}-{secrets.token_hex(12)}{extension.lower()}"


@deconstructible
class UploadTo:
    """`upload_to` of every tracked file field: the visibility the row's state gives the file
    now, the folder (strftime codes allowed) and an unguessable name."""

    def __init__(self, folder):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename):
        visibility = PUBLIC if instance.files_are_public else PRIVATE
        folder = timezone.localtime().strftime(self.folder)
        return f"{visibility}/{folder}/{unguessable_name(filename)}"

    @property
    def prefix(self):
        """The folder's fixed part, which says whose files these are (`aktualnosci/galeria/`)."""
        return self.folder.split("%", 1)[0].rstrip("/") + "/"

    def __eq__(self, other):
        return isinstance(other, UploadTo) and other.folder == self.folder


class VisibilityUrlsMixin:
    """A storage's addresses: public files at MEDIA_URL, private ones through the staff view.
    Mixed into the local storage below; an S3 storage class takes the same mixin."""

    def url(self, name):
        if visibility_of(name or "") == PRIVATE:
            return reverse("private-media", kwargs={"path": without_visibility(name)})
        return super().url(name)


class MediaStorage(VisibilityUrlsMixin, FileSystemStorage):
    """The local uploads folder (MEDIA_ROOT) with the two visibilities as subfolders."""


def rendition_name(generator):
    """imagekit's namer (IMAGEKIT_SPEC_CACHEFILE_NAMER): a rendition sits in its photo's
    visibility, in a folder named after the photo, so the folder moves with it."""
    source = generator.source.name
    extension = suggest_extension(source, generator.format)
    visibility = visibility_of(source)
    if visibility is None:
        folder = posixpath.join(LEGACY_RENDITIONS, posixpath.splitext(source)[0])
    else:
        folder = rendition_folder(source)
    return f"{folder}/{generator.get_hash()}{extension}"


def rendition_folder(name):
    stem = posixpath.splitext(without_visibility(name))[0]
    return f"{visibility_of(name)}/{RENDITIONS}/{stem}"


# Moving files.


def on_local_disk(storage):
    """Whether files are on this machine's disk (then asking about one costs nothing)."""
    try:
        storage.path("")
    except NotImplementedError:
        return False
    return True


def move(storage, old, new):
    """Move one stored file; on a local disk an atomic rename, elsewhere copy and delete."""
    if old == new:
        return
    try:
        source, target = storage.path(old), storage.path(new)
    except NotImplementedError:
        with storage.open(old, "rb") as content:
            storage.save(new, content)
        storage.delete(old)
        return
    os.makedirs(os.path.dirname(target), exist_ok=True)
    os.replace(source, target)


def listed(storage, folder):
    """Every file under a folder, with its full name ([] when the folder does not exist)."""
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    names = [posixpath.join(folder, name) for name in files]
    for sub in folders:
        names += listed(storage, posixpath.join(folder, sub))
    return names


def forget_renditions(names):
    """Drop imagekit's cached 'this rendition exists' for names that no longer do."""
    from imagekit.cachefiles.backends import get_default_cachefile_backend

    backend = get_default_cachefile_backend()
    for name in names:
        backend.cache.delete(backend.get_key(SimpleNamespace(name=name)))


def move_renditions(storage, old, new):
    old_folder, new_folder = rendition_folder(old), rendition_folder(new)
    moved = listed(storage, old_folder)
    for name in moved:
        move(storage, name, new_folder + name[len(old_folder) :])
    forget_renditions(moved)


def drop_legacy_renditions(storage, name):
    """Renditions of a name stored before this rule are named by a formula from the photo's
    old, guessable name, so they are deleted; new ones are made when a page asks."""
    folder = posixpath.join(LEGACY_RENDITIONS, posixpath.splitext(name)[0])
    stale = listed(storage, folder)
    for rendition in stale:
        storage.delete(rendition)
    forget_renditions(stale)


def locate(storage, name):
    """Where the file of a stored name is now: the name itself, the same name in the other
    visibility (a row restored after its file was hidden), or None when it is gone."""
    if storage.exists(name):
        return name
    if visibility_of(name):
        other = with_visibility(name, PRIVATE if visibility_of(name) == PUBLIC else PUBLIC)
        if storage.exists(other):
            return other
    return None


def placed(storage, name, visibility):
    """Put one file (and its renditions) in a visibility; its name there, or None if lost."""
    current = locate(storage, name)
    if current is None:
        logger.warning("Uploaded file %s is missing from the storage.", name)
        return None
    if visibility_of(current) == visibility:
        return current
    if visibility_of(current) is None:
        folder, filename = posixpath.split(current)
        target = f"{visibility}/{folder}/{unguessable_name(filename)}"
        move(storage, current, target)
        drop_legacy_renditions(storage, current)
        return target
    target = with_visibility(current, visibility)
    move(storage, current, target)
    move_renditions(storage, current, target)
    return target


# Applying the rule to rows.


def file_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]


def place(instance):
    """Move the files of one row to where its state says and record their new names; the
    names that changed."""
    visibility = PUBLIC if instance.files_are_public else PRIVATE
    changed = []
    for field in file_fields(type(instance)):
        name = getattr(instance, field.attname).name
        if not name:
            continue
        target = placed(field.storage, name, visibility)
        if target and target != name:
            rows = type(instance)._base_manager.filter(pk=instance.pk, **{field.attname: name})
            rows.update(**{field.attname: target})
            setattr(instance, field.attname, target)
            changed.append(target)
    return changed


def hide_unlisted(storage):
    """Files outside public/ and private/ that no row names any more (a replaced upload of
    before this rule) go to private/ under the same name; old renditions are deleted. How many."""
    try:
        folders, _files = storage.listdir("")
    except FileNotFoundError:
        return 0
    count = 0
    for folder in set(folders) - {PUBLIC, PRIVATE}:
        for name in listed(storage, folder):
            if name.startswith(LEGACY_RENDITIONS + "/"):
                storage.delete(name)
            else:
                move(storage, name, with_visibility(name, PRIVATE))
            count += 1
        remove_empty_folders(storage, folder)
    return count


def remove_empty_folders(storage, folder):
    """On a local disk, the folders a move left empty (object storage has none)."""
    try:
        root = storage.path(folder)
    except NotImplementedError:
        return
    for path, _folders, _files in sorted(os.walk(root), key=lambda entry: -len(entry[0])):
        if not os.listdir(path):
            os.rmdir(path)


def sync(instance):
    """The rule applied to a row and to the rows whose visibility follows it."""
    place(instance)
    for relation in TRACKED[type(instance)]:
        for child in getattr(instance, relation).all():
            # A child may have children of its own (a page's subpages); a child of an untracked
            # model (a post's gallery photo) has its files placed alone.
            if type(child) in TRACKED:
                sync(child)
            else:
                place(child)


def sync_later(model, pk):
    """After the transaction commits: the row as it was committed, not as it is in memory."""

    def run():
        instance = model._base_manager.filter(pk=pk).first()
        if instance is not None:
            sync(instance)

    transaction.on_commit(run)


def sync_queryset(queryset):
    """After a bulk UPDATE (the admin's publish action), which sends no signals."""
    for pk in queryset.values_list("pk", flat=True):
        sync_later(queryset.model, pk)


def hide(storage, names):
    for name in names:
        placed(storage, name, PRIVATE)


def hide_later(storage, names):
    if names:
        transaction.on_commit(partial(hide, storage, names))


# Signals: what a save or a deletion of a tracked row does.


def remember_stored_names(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._stored_file_names = {}
        return
    fields = [field.attname for field in file_fields(sender)]
    instance._stored_file_names = (
        sender._base_manager.filter(pk=instance.pk).values(*fields).first() or {}
    )


def after_save(sender, instance, raw=False, **kwargs):
    if raw:
        # A row written as stored (a restored version, cus_site.revisions) names its files
        # where they were then; the admin's form that saves it next must find them.
        follow_hidden_files(instance)
        return
    for field in file_fields(sender):
        # A hand-sent post_save (the tree's bulk move) has no pre_save before it.
        old = getattr(instance, "_stored_file_names", {}).get(field.attname)
        if old and old != getattr(instance, field.attname).name:
            hide_later(field.storage, [old])
    sync_later(sender, instance.pk)


def follow_hidden_files(instance):
    """Point a row's stored names at where their files are now (hidden or shown since)."""
    for field in file_fields(type(instance)):
        name = getattr(instance, field.attname).name
        current = locate(field.storage, name) if name else None
        if current and current != name:
            rows = type(instance)._base_manager.filter(pk=instance.pk)
            rows.update(**{field.attname: current})
            setattr(instance, field.attname, current)


def after_delete(sender, instance, **kwargs):
    for field in file_fields(sender):
        name = getattr(instance, field.attname).name
        hide_later(field.storage, [name] if name else [])


def track(model, children=()):
    """Let the rule govern a model's files; `children` name the relations (a post's
    `images`) whose files change visibility with it."""
    TRACKED[model] = tuple(children)
    permission = f"{model._meta.app_label}.view_{model._meta.model_name}"
    for field in file_fields(model):
        FOLDER_PERMISSIONS[field.upload_to.prefix] = permission
    uid = f"cus_site.media:{model._meta.label}"
    pre_save.connect(remember_stored_names, sender=model, dispatch_uid=uid)
    post_save.connect(after_save, sender=model, dispatch_uid=uid)
    post_delete.connect(after_delete, sender=model, dispatch_uid=uid)


# The staff-only view of private files.


def permission_for(path):
    """The permission of the longest folder prefix a private path (or its rendition) is in."""
    if path.startswith(RENDITIONS + "/"):
        path = path[len(RENDITIONS) + 1 :]
    matching = [prefix for prefix in FOLDER_PERMISSIONS if path.startswith(prefix)]
    return FOLDER_PERMISSIONS[max(matching, key=len)] if matching else None


def private_file(request, path):
    """A private file for a staff member who may view its model; for anyone else a login page,
    a 403 or a 404, never the file. Behind nginx the file itself is sent by nginx."""
    if not (request.user.is_active and request.user.is_staff):
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    permission = permission_for(path)
    normalised = posixpath.normpath(path)
    if permission is None or normalised != path or path.startswith(("/", "..")):
        raise Http404
    if not request.user.has_perm(permission):
        raise PermissionDenied
    name = f"{PRIVATE}/{path}"
    if not default_storage.exists(name):
        raise Http404
    response = private_response(name, path)
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def private_response(name, path):
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if hasattr(default_storage, "stream"):
        # Object storage (cus_site.storage): streamed from the bucket, never read whole.
        return StreamingHttpResponse(default_storage.stream(name), content_type=content_type)
    internal = settings.PRIVATE_MEDIA_INTERNAL_URL
    if internal:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = internal.rstrip("/") + "/" + quote(path)
        return response
    return FileResponse(default_storage.open(name, "rb"), content_type=content_type)
