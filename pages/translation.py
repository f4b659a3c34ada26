from modeltranslation.translator import TranslationOptions, register

from .models import (
    AccessibilityStatement,
    BuildingAccessibility,
    ContactDetail,
    NonAccessibleContent,
    Notice,
    SiteSettings,
    TextPage,
)


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
    required_languages = {"pl": ("entity_name",)}


@register(NonAccessibleContent)
class NonAccessibleContentTranslationOptions(TranslationOptions):
    fields = ("content", "reason")
    required_languages = ("pl",)


@register(BuildingAccessibility)
class BuildingAccessibilityTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("pl",)


@register(Notice)
class NoticeTranslationOptions(TranslationOptions):
    fields = ("text", "link_text")
    required_languages = ("pl",)
