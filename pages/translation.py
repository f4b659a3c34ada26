from modeltranslation.translator import TranslationOptions, register

from .models import (
    AccessibilityStatement,
    BuildingAccessibility,
    ContactDetail,
    Document,
    DocumentToBring,
    NonAccessibleContent,
    Page,
    ServiceStep,
    SiteSettings,
    TextPage,
)

# An empty slug of another language is stored as NULL, not ""; the page then uses the Polish one.
NULL_SLUGS = {"slug": None}


@register(TextPage)
class TextPageTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "body")
    required_languages = {"pl": ("title",)}


@register(SiteSettings)
class SiteSettingsTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("pl",)


@register(ContactDetail)
class ContactDetailTranslationOptions(TranslationOptions):
    fields = ("label",)


@register(AccessibilityStatement)
class AccessibilityStatementTranslationOptions(TranslationOptions):
    fields = ("entity_name", "keyboard_shortcuts", "mobile_apps")
    required_languages = {"pl": ("entity_name", "mobile_apps")}


@register(NonAccessibleContent)
class NonAccessibleContentTranslationOptions(TranslationOptions):
    fields = ("content", "reason")
    required_languages = ("pl",)


@register(BuildingAccessibility)
class BuildingAccessibilityTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("pl",)


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "lead",
        "body",
        "cover_alt",
        "audience",
        "benefits",
        "fee_note",
        "place_note",
        "legal_basis",
    )
    empty_values = NULL_SLUGS
    required_languages = {"pl": ("title",)}


@register(ServiceStep)
class ServiceStepTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("pl",)


@register(DocumentToBring)
class DocumentToBringTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("pl",)


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title", "accessibility_note")
    required_languages = {"pl": ("title",)}
