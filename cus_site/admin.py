"""What the content apps' admins share: empty slugs made from titles, links that default to
https, the main photo (`images.CoverImage`), and history with restoring (`VersionedAdmin`)."""

from diff_match_patch import diff_match_patch
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from reversion_compare.admin import CompareVersionAdmin

from cus_site import images, revisions
from cus_site.slugs import slugify_pl

THUMBNAIL_WIDTH = 160
# An address typed without "https://" gets it, not "http://".
SECURE_LINKS = {models.URLField: {"assume_scheme": "https"}}


class DefaultSlugsForm(forms.ModelForm):
    """An empty slug is made from the title in each language (the admin's script does it only
    with JavaScript on). A title with no Latin letters (Ukrainian) leaves it empty: the Polish
    slug serves."""

    def clean(self):
        cleaned_data = super().clean()
        for language, _name in settings.LANGUAGES:
            title = cleaned_data.get(f"title_{language}") or ""
            if not cleaned_data.get(f"slug_{language}") and slugify_pl(title):
                cleaned_data[f"slug_{language}"] = self.slug_from(title, language)
        return cleaned_data

    def slug_from(self, title, language):
        """The slug for a title in a language; each model's admin says how it is made."""
        raise NotImplementedError


def cover_fieldset():
    """The main photo's fieldset, new for each admin: modeltranslation's admin rewrites the
    field lists of its fieldsets in place."""
    fields = [
        "cover",
        "cover_on_site",
        "cover_alt",
        "cover_decorative",
        "cover_shows_people",
        "cover_consent",
    ]
    return (_("Zdjęcie główne"), {"fields": fields})


def visibility(picture):
    """For the admin: a thumbnail of the photo and whether the public sees it, and if not,
    why. A hidden photo's thumbnail comes through the staff-only view (cus_site.media)."""
    if not picture.file:
        return "–"
    shown = _("tak") if picture.is_public else _("nie: %(reason)s") % {"reason": picture.why_hidden}
    url = images.thumbnail_url(picture)
    if not url:
        return shown
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" class="cus-thumbnail"><br>{}',
        url,
        THUMBNAIL_WIDTH,
        round(picture.height * THUMBNAIL_WIDTH / picture.width),
        shown,
    )


class CoverImageAdminMixin:
    """Shows whether the main photo is on the site, makes its renditions on saving (so the first
    resident to open the page does not wait) and warns when a photo will stay hidden. Put
    `cover_fieldset()` in the admin's fieldsets."""

    readonly_fields = ["cover_on_site"]

    @admin.display(description=_("widoczne na stronie"))
    def cover_on_site(self, obj):
        return visibility(obj.cover_picture)

    def pictures(self, obj):
        """The photos to make renditions of and warn about; an admin with a gallery adds its."""
        return [obj.cover_picture]

    def hidden_warning(self, hidden):
        return _("Zdjęcie główne nie pojawi się na stronie: %(reason)s.") % {
            "reason": hidden[0].why_hidden
        }

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        pictures = self.pictures(form.instance)
        for picture in pictures:
            images.make_renditions(picture)
        hidden = [picture for picture in pictures if picture.file and not picture.is_public]
        if hidden:
            messages.warning(request, self.hidden_warning(hidden))


class VersionedAdmin(CompareVersionAdmin):
    """History, comparison of two versions, restoring one, and "Przywróć usunięte" on the list
    (cus_site.revisions says what is kept). Put it first among an admin's bases."""

    history_latest_first = True

    @property
    def compare_exclude(self):
        """Each language's field is compared; the untranslated name would repeat one of them."""
        return revisions.translated_originals(self.model)

    def compare(self, obj, version1, version2):
        differences, has_unfollowed_fields = super().compare(obj, version1, version2)
        differences = [difference for difference in differences if difference["diff"] is not None]
        for difference in differences:
            difference["label"] = field_label(difference["field"])
        return differences, has_unfollowed_fields

    def fallback_compare(self, obj_compare):
        """None for a field empty in both versions (NULL in one, "" in the other)."""
        if obj_compare.value1 in EMPTY and obj_compare.value2 in EMPTY:
            return None
        return text_diff(*obj_compare.to_string())

    def generic_add_remove(self, raw_value1, raw_value2, value1, value2):
        if raw_value1 is None or raw_value2 is None:
            return super().generic_add_remove(raw_value1, raw_value2, value1, value2)
        return text_diff(value1, value2)

    def compare_ManyToOneRel(self, obj_compare):
        """The parts (a gallery's photos, a programme's partners): which were added or removed,
        and of each changed one every field that changed, not only its name."""
        change_info = obj_compare.get_m2o_change_info()
        changed = [
            {"part": newer, "fields": part_differences(older, newer)}
            for older, newer in change_info["changed_items"]
        ]
        context = {"change_info": change_info, "changed": changed}
        return render_to_string("reversion-compare/compare_parts.html", context)


def field_label(field):
    """A field's name for editors; a relation to parts (`images`) is named by the parts' model."""
    return getattr(field, "verbose_name", None) or field.related_model._meta.verbose_name_plural


def part_differences(older, newer):
    """(field name, diff) of each field two versions of one part differ in."""
    model = newer._model
    skipped = set(revisions.translated_originals(model))
    before, after = older.field_dict, newer.field_dict
    return [
        (
            field.verbose_name,
            text_diff(before.get(field.attname, ""), after.get(field.attname, "")),
        )
        for field in model._meta.concrete_fields
        if field.name not in skipped and before.get(field.attname) != after.get(field.attname)
    ]


EMPTY = (None, "")
DIFF_MARKS = {
    diff_match_patch.DIFF_INSERT: "<ins>{}</ins>",
    diff_match_patch.DIFF_DELETE: "<del>{}</del>",
    diff_match_patch.DIFF_EQUAL: "{}",
}


def text_diff(before, after):
    """Two values with what was added and removed marked, escaped: the library's own diff of
    longer values puts their text into the page as HTML."""
    matcher = diff_match_patch()
    changes = matcher.diff_main(
        "" if before is None else str(before), "" if after is None else str(after)
    )
    matcher.diff_cleanupSemantic(changes)
    marked = "".join(format_html(DIFF_MARKS[operation], text) for operation, text in changes)
    return format_html('<pre class="highlight">{}</pre>', mark_safe(marked))
