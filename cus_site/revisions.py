"""What the site keeps of every change, so that nothing an editor wrote is lost.

The rule: every save of a content row through the admin or an importer records a version of the
row and of its parts (a post's gallery and documents, a programme's partners and sources, a
unit's weekly hours…) in one revision, with who, when and a comment. Every language is part of
it: modeltranslation's `title_pl`, `title_en`, `title_uk` are fields of the version like any
other, so they are compared and restored. From an item's history an editor compares two
versions field by field and restores one; a deleted item is restored with its parts from
"Przywróć usunięte" on its list.

Files: a version names its files, so a file is never deleted when its row changes or goes
(cus_site.media only hides it); `manage.py remove_unused_media` deletes the files that no row
and no version names any more (`unused_files` below).

django-reversion keeps the versions and django-reversion-compare shows the differences; this
module says which models take part and what each version follows (`VERSIONED`).
"""

import json
import posixpath
from contextlib import contextmanager

import reversion
from django.apps import apps
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Version

from cus_site import media

# model -> the relations whose rows are saved and restored with it.
VERSIONED = {
    "news.Category": (),
    "news.Post": ("images", "attachments"),
    "news.PostImage": (),
    "news.PostAttachment": (),
    "osl.Introduction": (),
    "osl.Programme": (
        "communities",
        "goals",
        "meeting_places",
        "partners",
        "documents",
        "sources",
    ),
    "osl.Community": (),
    "osl.Goal": (),
    "osl.MeetingPlace": (),
    "osl.Partner": (),
    "osl.Document": (),
    "osl.Source": (),
    "pages.Page": ("steps", "documents_to_bring", "documents"),
    "pages.ServiceStep": (),
    "pages.DocumentToBring": (),
    "pages.Document": (),
    "pages.TextPage": (),
    "pages.SiteSettings": ("contact_details",),
    "pages.ContactDetail": (),
    "pages.AccessibilityStatement": ("non_accessible_items", "buildings"),
    "pages.NonAccessibleContent": (),
    "pages.BuildingAccessibility": (),
    "pages.Notice": (),
    "pages.Redirect": (),
    "events.Audience": (),
    "events.Event": ("dates",),
    "events.EventDate": (),
    "hours.Unit": ("weekly_hours",),
    "hours.WeeklyHours": (),
    "hours.SpecialDay": ("intervals",),
    "hours.SpecialHours": (),
}


def register_all():
    """Register the models before the admin is loaded: an admin of an unregistered model would
    register it by guessing what it follows."""
    for label, follow in VERSIONED.items():
        model = apps.get_model(label)
        if not reversion.is_registered(model):
            reversion.register(model, follow=follow)


def translated_originals(model):
    """The names modeltranslation keeps for the active language (`title` besides `title_pl`,
    `title_en`, `title_uk`): the same text twice in a comparison, so it shows only the latter."""
    try:
        return tuple(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return ()


@contextmanager
def recorded(comment):
    """A revision of everything saved inside, signed by a comment (the importers' name)."""
    with reversion.create_revision():
        reversion.set_comment(comment)
        yield


@contextmanager
def by_action(request, comment):
    """A revision of what an admin list action saves ("Opublikuj zaznaczone"), signed by the
    editor who ran it: the form's saves are recorded by VersionAdmin, an action's are not."""
    with reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment(comment)
        yield


# Files that nothing names any more.


def file_fields_by_model():
    return {
        model: media.file_fields(model) for model in apps.get_models() if media.file_fields(model)
    }


def names_in_rows(model, fields):
    names = set()
    for row in model._base_manager.values_list(*[field.attname for field in fields]):
        names.update(name for name in row if name)
    return names


def names_in_versions(model, fields):
    """The file names the versions of a model hold, read from their JSON without building
    rows: a version of before a migration still counts."""
    names = set()
    attnames = [field.attname for field in fields]
    for data in Version.objects.get_for_model(model).values_list("serialized_data", flat=True):
        try:
            stored = json.loads(data)[0]["fields"]
        except (ValueError, LookupError, TypeError):
            continue
        names.update(stored[attname] for attname in attnames if stored.get(attname))
    return names


def named_files():
    """Every stored name a row or a version refers to, in both visibilities (a hidden file
    comes back public when its version is restored)."""
    names = set()
    for model, fields in file_fields_by_model().items():
        names |= names_in_rows(model, fields) | names_in_versions(model, fields)
    return {
        media.with_visibility(name, visibility)
        for name in names
        if media.visibility_of(name)
        for visibility in (media.PUBLIC, media.PRIVATE)
    } | names


def unused_files(storage):
    """The uploaded files (under public/ and private/) that no row and no version names, and
    the renditions of photos nothing names (a rendition sits in a folder named after its photo,
    cus_site.media.rendition_folder)."""
    named = named_files()
    kept_renditions = {media.rendition_folder(name) for name in named if media.visibility_of(name)}
    stored = media.listed(storage, media.PUBLIC) + media.listed(storage, media.PRIVATE)
    return sorted(
        name
        for name in stored
        if name not in named and posixpath.dirname(name) not in kept_renditions
    )
