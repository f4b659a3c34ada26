"""What the content apps' admins share: the project's base admin classes (Polish counts and
the rest every screen has), empty slugs made from titles, links that default to https, and the
main photo (`images.CoverImage`).

Every admin of the site inherits `EditorAdmin`, or `TranslatedEditorAdmin` for a model with
translated fields (modeltranslation's language tabs)."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.db import models
from django.utils.html import format_html, strip_tags
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from cus_site import images
from cus_site.kept_uploads import KeptUploadsMixin
from cus_site.slugs import slugify_pl

THUMBNAIL_WIDTH = 160
# An address typed without "https://" gets it, not "http://".
SECURE_LINKS = {models.URLField: {"assume_scheme": "https"}}


class CountedChangeList(ChangeList):
    """The list that says how many rows it has in its model admin's words ("9 wpisów")."""

    @property
    def result_count_label(self):
        return self.model_admin.count_label(self.result_count)


class EditorAdminMixin(KeptUploadsMixin):
    """What every admin screen of the site does. Django names a model in its own sentences
    ("9 wpisy"): `counted` gives the count's Polish forms, as `ngettext_lazy(singular, plural,
    "counter")`; without it the list says "Wpisy: 9". The titles, buttons and messages Django
    builds from model names are phrased in cus_site/django_polish/. A chosen file survives a
    form with errors (cus_site.kept_uploads); inlines get that from `KeptUploadsMixin`."""

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
    """Under each translation's field, the Polish text it translates (as plain text)."""
    for name in translated:
        original = Truncator(strip_tags(str(getattr(obj, f"{name}_pl", "") or ""))).chars(400)
        if not original.strip():
            continue
        for language in ("en", "uk"):
            field = form.base_fields.get(f"{name}_{language}")
            if field is not None:
                polish = _("Po polsku: %(text)s") % {"text": original}
                field.help_text = format_html("{}<br>{}", field.help_text, polish)


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
