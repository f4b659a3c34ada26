"""What the content apps' admins share: the project's base admin classes (Polish counts and
the rest every screen has), empty slugs made from titles, links that default to https, the main
photo (`images.CoverImage`), and history with restoring (`VersionedAdmin`).

Every admin of the site inherits `EditorAdmin`, or `TranslatedEditorAdmin` for a model with
translated fields (modeltranslation's language tabs)."""

import re
from datetime import datetime
from difflib import SequenceMatcher

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.db import models, transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField
from modeltranslation.admin import TabbedTranslationAdmin
from reversion import RevertError
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin

from cus_site import images, revisions
from cus_site.date_input import PolishDatesMixin
from cus_site.kept_uploads import KeptUploadsMixin
from cus_site.richtext import removed_in_words
from cus_site.slugs import slugify_pl

THUMBNAIL_WIDTH = 160
# An address typed without "https://" gets it, not "http://".
SECURE_LINKS = {models.URLField: {"assume_scheme": "https"}}


class CountedChangeList(ChangeList):
    """The list that says how many rows it has in its model admin's words ("9 wpisów")."""

    @property
    def result_count_label(self):
        return self.model_admin.count_label(self.result_count)


class EditorAdminMixin(PolishDatesMixin, KeptUploadsMixin):
    """What every admin screen of the site does. Django names a model in its own sentences
    ("9 wpisy"): `counted` gives the count's Polish forms, as `ngettext_lazy(singular, plural,
    "counter")`; without it the list says "Wpisy: 9". The titles, buttons and messages Django
    builds from model names are phrased in cus_site/django_polish/. A chosen file survives a
    form with errors (cus_site.kept_uploads); inlines get that from `KeptUploadsMixin`. Dates
    are typed as on paper (cus_site.date_input). A save that did not keep something as the
    editor typed it says so (`changed_on_save`)."""

    counted = None
    change_form_template = "admin/editor_change_form.html"

    def state_in_words(self, obj):
        """The row's state as the top of its form says it ("Szkic", "Zaplanowany na …"), or
        None; an admin whose rows have states says how."""
        return None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["object_state"] = self.state_in_words(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def count_label(self, count):
        if self.counted is None:
            return _("%(name)s: %(counter)s") % {
                "name": capfirst(self.model._meta.verbose_name_plural),
                "counter": count,
            }
        return self.counted % {"counter": count}

    def get_changelist(self, request, **kwargs):
        return CountedChangeList

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for warning in changed_on_save(form, formsets):
            messages.warning(request, warning)

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        self.link_to_public_page(request, obj)
        return response

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        self.link_to_public_page(request, obj)
        return response

    def link_to_public_page(self, request, obj):
        """After saving: where residents see the row (or its preview, while it is hidden)."""
        url = self.get_view_on_site_url(obj)
        if url and "_popup" not in request.POST:
            messages.info(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("Tak to widzą mieszkańcy:"),
                    url,
                    _("otwórz stronę (lub jej podgląd)"),
                ),
            )


class EditorAdmin(EditorAdminMixin, admin.ModelAdmin):
    """The base of the site's admins of models without translated fields."""


class TranslatedEditorAdmin(EditorAdminMixin, TabbedTranslationAdmin):
    """The base of the site's admins of models with translated fields (a tab per language).
    The list says which rows have an English and a Ukrainian version; a translation's field
    shows the Polish text it translates."""

    # The field whose translation says that a row has a version in that language.
    LANGUAGE_MARKERS = ("title", "name", "text", "reason")

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if self.language_marker() and columns != ["__str__"]:
            columns += ["in_english", "in_ukrainian"]
        return columns

    def language_marker(self):
        translated = self.trans_opts.fields
        return next((name for name in self.LANGUAGE_MARKERS if name in translated), None)

    def has_version(self, obj, language):
        return _("tak") if getattr(obj, f"{self.language_marker()}_{language}", "") else "–"

    @admin.display(description="EN")
    def in_english(self, obj):
        return self.has_version(obj, "en")

    @admin.display(description="UK")
    def in_ukrainian(self, obj):
        return self.has_version(obj, "uk")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None:
            show_polish_originals(form, obj, self.trans_opts.fields)
        return form


def show_polish_originals(form, obj, translated):
    """Beside each translation's field (under it on a narrow screen: static/css/admin.css),
    the Polish text it translates, as plain text."""
    for name in translated:
        original = Truncator(strip_tags(str(getattr(obj, f"{name}_pl", "") or ""))).chars(400)
        if not original.strip():
            continue
        polish = _("Po polsku: %(text)s") % {"text": original}
        for language in ("en", "uk"):
            field = form.base_fields.get(f"{name}_{language}")
            if field is not None:
                field.help_text = format_html(
                    '<div class="cus-help">{}</div><div class="cus-original">{}</div>',
                    field.help_text,
                    polish,
                )


def changed_on_save(form, formsets):
    """A sentence for each thing that a save did not keep as the editor typed it: what the
    sanitiser removed from a rich text (per field and language), an address numbered because
    the one its title asks for is taken."""
    saved = [form, *(inline for formset in formsets for inline in formset.forms)]
    return [
        *(warning for each in saved for warning in removed_from_rich_texts(each)),
        *getattr(form, "changed_addresses", []),
    ]


def removed_from_rich_texts(form):
    for name, field in form.fields.items():
        if not isinstance(field, ProseEditorFormField) or name not in form.cleaned_data:
            continue
        submitted = form.data.get(form.add_prefix(name))
        removed = removed_in_words(submitted, getattr(form.instance, name))
        if removed:
            yield _(
                "Z pola „%(field)s” usunięto elementy, których strona nie pokazuje: %(removed)s."
            ) % {
                "field": form.instance._meta.get_field(name).verbose_name,
                "removed": ", ".join(removed),
            }


def related_filter(empty_label):
    """A list filter of a relation whose empty choice says what no relation means ("wszystkie
    jednostki", "bez kategorii") instead of Django's dash."""

    class RelatedFilter(admin.RelatedFieldListFilter):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.empty_value_display = empty_label

    return RelatedFilter


class DefaultSlugsForm(forms.ModelForm):
    """An empty slug is made from the title in each language (the admin's script does it only
    with JavaScript on). A title with no Latin letters (Ukrainian) leaves it empty: the Polish
    slug serves. A slug numbered ("x-2") because the title's own is taken is said after saving
    (`changed_addresses`)."""

    def clean(self):
        cleaned_data = super().clean()
        self.changed_addresses = []
        for language, _name in settings.LANGUAGES:
            title = cleaned_data.get(f"title_{language}") or ""
            if not cleaned_data.get(f"slug_{language}") and slugify_pl(title):
                slug = self.slug_from(title, language)
                cleaned_data[f"slug_{language}"] = slug
                self.note_changed_address(title, slug)
        return cleaned_data

    def note_changed_address(self, title, slug):
        # A slug cut at a word boundary for length is still the title's own.
        if not slugify_pl(title).startswith(slug):
            self.changed_addresses.append(
                _("Adres zmieniono na „%(slug)s”, bo „%(taken)s” jest już zajęty.")
                % {"slug": slug, "taken": slug.rsplit("-", 1)[0]}
            )

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


def with_photo_state(text, picture):
    """A row's state in words, with why its main photo is hidden when it is."""
    if picture.file and not picture.is_public:
        return _("%(state)s; zdjęcie ukryte: %(reason)s") % {
            "state": text,
            "reason": picture.why_hidden,
        }
    return text


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

    def get_list_display(self, request):
        return ["cover_thumbnail", *super().get_list_display(request)]

    @admin.display(description=_("zdjęcie"))
    def cover_thumbnail(self, obj):
        url = obj.cover_picture.file and images.thumbnail_url(obj.cover_picture)
        if not url:
            return "–"
        return format_html('<img src="{}" alt="" width="80" class="cus-thumbnail">', url)

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


class TriedOnly(Exception):
    """Undoes a trial restoring (VersionedAdmin.restorable)."""


class VersionedAdmin(CompareVersionAdmin):
    """History, comparison of two versions, restoring one, and "Przywróć usunięte" on the list
    (cus_site.revisions says what is kept). Put it first among an admin's bases."""

    history_latest_first = True

    @property
    def compare_exclude(self):
        """Each language's field is compared (the untranslated name would repeat one of them);
        the time of the last change is the version's own."""
        stamps = [
            field.name
            for field in self.model._meta.concrete_fields
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        ]
        return (*revisions.translated_originals(self.model), *stamps)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not self.restorable(request, version_id):
            return self.back_to_list()
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.restorable(request, version_id):
            return self.back_to_list()
        return super().recover_view(request, version_id, extra_context)

    def restorable(self, request, version_id):
        """Whether a version can be written back, tried and undone first: it may clash with a
        row made since (the same address) or need one deleted since (its parent page).
        django-reversion would say so only in English."""
        version = Version.objects.filter(pk=version_id).first()
        if version is None:
            return True  # the library's own 404
        try:
            with transaction.atomic():
                version.revision.revert(delete=True)
                raise TriedOnly
        except TriedOnly:
            return True
        except RevertError:
            messages.error(request, CONFLICT_MESSAGE)
            return False

    def back_to_list(self):
        opts = self.model._meta
        return redirect(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")

    def recoverlist_view(self, request, extra_context=None):
        title = _("Przywróć usunięte: %(items)s") % {"items": self.model._meta.verbose_name_plural}
        return super().recoverlist_view(request, {"title": title, **(extra_context or {})})

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

    def compare_DateTimeField(self, obj_compare):
        """None for times equal to the minute, which is all the admin shows and edits."""
        first, second = to_the_minute(obj_compare.value1), to_the_minute(obj_compare.value2)
        if first is not None and first == second:
            return None
        return super().compare_DateTimeField(obj_compare)

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


def to_the_minute(value):
    return value.replace(second=0, microsecond=0) if isinstance(value, datetime) else None


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


CONFLICT_MESSAGE = _(
    "Tej wersji nie da się przywrócić: inny element ma już ten sam adres albo nazwę, albo nie "
    "ma już elementu, do którego ona należy (np. strony nadrzędnej). Zmień tamten element albo "
    "najpierw przywróć brakujący i spróbuj ponownie."
)
EMPTY = (None, "")
WORDS = re.compile(r"\w+|\s+|[^\w\s]")


def text_diff(before, after):
    """Two values with the words added and removed marked, escaped (the library's own diff
    marks letters, and puts longer values into the page as HTML)."""
    old, new = words(before), words(after)
    changes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    marked = [
        marked_change(operation, "".join(old[i1:i2]), "".join(new[j1:j2]))
        for operation, i1, i2, j1, j2 in changes
    ]
    return format_html('<pre class="highlight">{}</pre>', mark_safe("".join(marked)))


def words(value):
    return WORDS.findall("" if value is None else str(value))


def marked_change(operation, removed, added):
    if operation == "equal":
        return format_html("{}", removed)
    deleted = format_html("<del>{}</del>", removed) if removed else ""
    inserted = format_html("<ins>{}</ins>", added) if added else ""
    return format_html("{}{}", deleted, inserted)
