from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from cus_site.admin import SECURE_LINKS

from .models import (
    AccessibilityStatement,
    BuildingAccessibility,
    ContactDetail,
    NonAccessibleContent,
    Notice,
    SiteSettings,
    TextPage,
)


class SingleRowAdmin(TabbedTranslationAdmin):
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
class TextPageAdmin(TabbedTranslationAdmin):
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
class NoticeAdmin(TabbedTranslationAdmin):
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
