from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, path, resolve, reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import (
    TranslationStackedInline,
    TranslationTabularInline,
)

from cus_site.admin import (
    SECURE_LINKS,
    CoverImageAdminMixin,
    DefaultSlugsForm,
    EditorAdmin,
    TranslatedEditorAdmin,
    VersionedAdmin,
    cover_fieldset,
)
from cus_site.kept_uploads import KeptUploadsMixin
from cus_site.slugs import slugify_pl

from . import redirects
from .models import (
    AccessibilityStatement,
    BuildingAccessibility,
    ContactDetail,
    Document,
    DocumentToBring,
    NonAccessibleContent,
    Notice,
    Page,
    Redirect,
    ServiceStep,
    SiteSettings,
    TextPage,
)
from .page_parts import page_context
from .tree import ANCESTORS, SLUG_LENGTH


class SingleRowAdmin(VersionedAdmin, TranslatedEditorAdmin):
    """A model with exactly one row: the list goes straight to it, and it cannot be deleted."""

    formfield_overrides = SECURE_LINKS

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        row = self.model.objects.first()
        opts = self.model._meta
        if row is None:
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk]))


@admin.register(TextPage)
class TextPageAdmin(VersionedAdmin, TranslatedEditorAdmin):
    counted = ngettext_lazy("%(counter)s strona tekstowa", "%(counter)s strony tekstowe", "counter")
    formfield_overrides = SECURE_LINKS
    list_display = ["title", "slug", "is_published", "updated_at"]
    list_filter = ["is_published"]
    fieldsets = [
        (None, {"fields": ["slug", "title", "lead", "body", "is_published"]}),
        (
            _("Nagranie (np. w polskim języku migowym)"),
            {"fields": ["video", "captions", "video_url"]},
        ),
    ]


class ContactDetailInline(TranslationTabularInline):
    model = ContactDetail
    extra = 0
    fields = ["kind", "label", "value", "position"]


@admin.register(SiteSettings)
class SiteSettingsAdmin(SingleRowAdmin):
    inlines = [ContactDetailInline]
    fieldsets = [
        (None, {"fields": ["name", "street_address", "postal_code", "city", "map_url"]}),
        (_("Adresy elektroniczne"), {"fields": ["e_delivery_address", "epuap_address", "bip_url"]}),
        (
            _("Ochrona danych osobowych"),
            {"fields": ["data_protection_officer", "data_protection_email"]},
        ),
        (_("Dane rejestrowe"), {"fields": ["nip", "regon"]}),
    ]


class NonAccessibleContentFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        status = self.instance.status
        kept = [
            form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if status and status != AccessibilityStatement.Status.COMPLIANT and not kept:
            raise ValidationError(
                _(
                    "Strona nie jest w pełni zgodna z ustawą: wymień treści niedostępne "
                    "i powody ich niedostępności."
                )
            )


class NonAccessibleContentInline(TranslationTabularInline):
    model = NonAccessibleContent
    formset = NonAccessibleContentFormSet
    extra = 0
    fields = ["content", "reason", "position"]


class BuildingAccessibilityInline(TranslationStackedInline):
    model = BuildingAccessibility
    extra = 0
    fields = ["name", "address", "description", "position"]


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(SingleRowAdmin):
    inlines = [NonAccessibleContentInline, BuildingAccessibilityInline]
    fieldsets = [
        (None, {"fields": ["entity_name", "published_on", "updated_on"]}),
        (_("Stan dostępności"), {"fields": ["status"]}),
        (
            _("Przygotowanie deklaracji"),
            {
                "fields": [
                    "prepared_on",
                    "reviewed_on",
                    "method",
                    "assessor",
                    "burden_assessment_url",
                    "keyboard_shortcuts",
                ]
            },
        ),
        (
            _("Informacje zwrotne i dane kontaktowe"),
            {"fields": ["contact_person", "contact_email", "contact_phone"]},
        ),
        (_("Aplikacje mobilne"), {"fields": ["mobile_apps"]}),
    ]


class NoticeShownFilter(admin.SimpleListFilter):
    title = _("widoczność")
    parameter_name = "widocznosc"

    def lookups(self, request, model_admin):
        return [
            ("teraz", _("widoczne teraz")),
            ("zaplanowane", _("zaplanowane")),
            ("zakonczone", _("zakończone")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "teraz":
            return queryset.published(now)
        if self.value() == "zaplanowane":
            return queryset.filter(shown_from__gt=now)
        if self.value() == "zakonczone":
            return queryset.filter(Q(shown_until__lte=now))
        return queryset


@admin.register(Notice)
class NoticeAdmin(VersionedAdmin, TranslatedEditorAdmin):
    counted = ngettext_lazy("%(counter)s komunikat", "%(counter)s komunikaty", "counter")
    list_display = ["text", "kind", "placement", "shown_from", "shown_until", "is_shown"]
    list_filter = [NoticeShownFilter, "kind", "placement"]
    search_fields = ["text_pl", "text_en", "text_uk"]
    date_hierarchy = "shown_from"
    formfield_overrides = SECURE_LINKS
    fields = ["text", "link_url", "link_text", "kind", "placement", "shown_from", "shown_until"]

    @admin.display(description=_("widoczny teraz"), boolean=True)
    def is_shown(self, notice):
        return notice.is_shown

    def view_on_site(self, notice):
        return reverse("pages:notice-preview", kwargs={"pk": notice.pk})


class ServiceStepInline(TranslationTabularInline):
    model = ServiceStep
    extra = 0
    fields = ["text", "position"]


class DocumentToBringInline(TranslationTabularInline):
    model = DocumentToBring
    extra = 0
    fields = ["text", "position"]


class DocumentInline(KeptUploadsMixin, TranslationStackedInline):
    model = Document
    extra = 0
    fields = ["title", "file", "accessibility_note", "position"]


def tree_label(page):
    """A page's title indented by its depth, so a list in the tree's order reads as a tree."""
    return f"{'— ' * (page.depth - 1)}{page.title}"


class PageAdminForm(DefaultSlugsForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "parent" in self.fields:
            self.fields["parent"].label_from_instance = tree_label

    def slug_from(self, title, language):
        return slugify_pl(title, SLUG_LENGTH)


ROLES_IN_LIST = {
    Page.Role.PAGE: _("zwykła strona"),
    Page.Role.SERVICES: _("dział usług"),
    Page.Role.DOCUMENTS: _("druki do pobrania"),
}


@admin.register(Page)
class PageAdmin(VersionedAdmin, CoverImageAdminMixin, TranslatedEditorAdmin):
    counted = ngettext_lazy("%(counter)s strona", "%(counter)s strony", "counter")
    form = PageAdminForm
    list_display = [
        "tree_title",
        "is_published",
        "in_menu",
        "role_in_list",
        "updated_at",
    ]
    list_filter = ["is_published", "in_menu", "role"]
    search_fields = ["title_pl", "lead_pl", "title_en", "title_uk"]
    list_per_page = 100
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["parent", "title", "slug", "lead", "body"]}),
        (
            _("Publikacja i miejsce w serwisie"),
            {"fields": ["is_published", "position", "in_menu", "role"]},
        ),
        (
            _("Opis usługi – tylko na stronie, która opisuje usługę"),
            {
                "fields": [
                    "audience",
                    "benefits",
                    "fee",
                    "fee_note",
                    "unit",
                    "place_note",
                    "legal_basis",
                ],
                "description": _(
                    "Wypełnij to, co dotyczy usługi; puste części się nie pokażą. Kroki, "
                    "dokumenty do przygotowania i druki do pobrania dodasz niżej."
                ),
            },
        ),
        cover_fieldset(),
    ]
    inlines = [ServiceStepInline, DocumentToBringInline, DocumentInline]
    # Plain-text parts of a few sentences: a short box each, not the default ten lines.
    short_texts = ("lead", "audience", "benefits", "fee_note", "place_note", "legal_basis")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # A language's copy of a field (audience_en) knows the field it translates.
        name = getattr(db_field, "translated_field", db_field).name
        if field and name in self.short_texts:
            field.widget.attrs["rows"] = 4
        return field

    @admin.display(description=_("tytuł i adres"), ordering="sort_key")
    def tree_title(self, page):
        # The address under the title, not in a column of its own: the list of nine columns
        # then fits beside the menu and the filters at 1280 px.
        return format_html(
            '{}<br><span class="cus-address">{}</span>', tree_label(page), page.get_absolute_url()
        )

    @admin.display(description=_("rola strony"), ordering="role")
    def role_in_list(self, page):
        # The choices' full sentences would make the list wider than a 1280 px screen.
        return ROLES_IN_LIST[page.role]

    def view_on_site(self, page):
        if Page.objects.published().filter(pk=page.pk).exists():
            return page.get_absolute_url()
        return reverse("admin:pages_page_preview", args=[page.pk])

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("<int:object_id>/podglad/", preview, name="pages_page_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id):
        """The page as residents will see it, published or not, under a banner saying which."""
        page = get_object_or_404(Page.objects.select_related(ANCESTORS), pk=object_id)
        if not self.has_view_permission(request, page):
            raise PermissionDenied
        is_public = Page.objects.published().filter(pk=page.pk).exists()
        context = {"page": page, "preview": True, "is_public": is_public, **page_context(page)}
        return TemplateResponse(request, "pages/page_detail.html", context)


def answered_by_the_site(address):
    """Whether an old address is a fixed page of the site or a page of the tree, which come
    before redirects, so a redirect from it would never be used. Detail pages of the sections
    (a post that is gone) answer 404 and are redirected; the root with a query string is
    redirected before the home page."""
    path, _sep, query = address.partition("?")
    if query and path == "/":
        return False
    with translation.override(translation.get_language_from_path(path) or "pl"):
        try:
            match = resolve(path)
        except Resolver404:
            return False
        if match.view_name == "pages:page":
            return Page.objects.published().at_address(match.kwargs["path"]) is not None
    return not match.kwargs and not match.args


class RedirectForm(forms.ModelForm):
    class Meta:
        model = Redirect
        fields = ["old_address", "target"]
        widgets = {
            "old_address": forms.TextInput(attrs={"class": "vLargeTextField", "size": 80}),
            "target": forms.TextInput(attrs={"class": "vLargeTextField", "size": 80}),
        }

    def clean_old_address(self):
        address = redirects.old_address(self.cleaned_data["old_address"])
        if answered_by_the_site(address):
            raise ValidationError(
                _(
                    "Pod tym adresem jest strona serwisu, a ona ma pierwszeństwo, więc "
                    "przekierowanie nigdy by nie zadziałało. Jeśli ta strona ma zniknąć, zmień "
                    "jej adres albo ją usuń, a potem dodaj przekierowanie."
                ),
                code="answered",
            )
        return address

    def clean_target(self):
        return redirects.target_address(self.cleaned_data["target"])

    def clean(self):
        cleaned_data = super().clean()
        old, target = cleaned_data.get("old_address"), cleaned_data.get("target")
        if old and target:
            try:
                Redirect.objects.final_target(old, target)
            except redirects.RedirectLoop as loop:
                self.add_error("target", loop)
        return cleaned_data


@admin.register(Redirect)
class RedirectAdmin(VersionedAdmin, EditorAdmin):
    counted = ngettext_lazy("%(counter)s przekierowanie", "%(counter)s przekierowania", "counter")
    form = RedirectForm
    list_display = ["old_address", "target_link", "origin", "created_at"]
    list_filter = ["origin"]
    search_fields = ["old_address", "target"]
    readonly_fields = ["origin", "created_at"]

    @admin.display(description=_("nowy adres"), ordering="target")
    def target_link(self, redirect_row):
        return format_html('<a href="{}">{}</a>', redirect_row.target, redirect_row.target)

    def save_model(self, request, obj, form, change):
        """Saved as every redirect is, so that chains through it collapse (A → B → C becomes
        A → C); a changed old address is a new redirect in place of the old one."""
        with transaction.atomic():
            if change and "old_address" in form.changed_data:
                Redirect.objects.filter(pk=obj.pk).delete()
            [saved] = Redirect.objects.record([(obj.old_address, obj.target)], origin=obj.origin)
        obj.pk = saved.pk
