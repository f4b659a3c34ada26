from modeltranslation.translator import TranslationOptions, register

from .models import SpecialDay, Unit


@register(Unit)
class UnitTranslationOptions(TranslationOptions):
    fields = ("full_name", "address")


@register(SpecialDay)
class SpecialDayTranslationOptions(TranslationOptions):
    fields = ("reason",)
    required_languages = ("pl",)
