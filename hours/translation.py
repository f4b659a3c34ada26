from modeltranslation.translator import TranslationOptions, register

from .models import SpecialDay, Unit


@register(Unit)
class UnitTranslationOptions(TranslationOptions):
    fields = ("full_name", "entrance", "accessibility", "interpreter_booking")


@register(SpecialDay)
class SpecialDayTranslationOptions(TranslationOptions):
    fields = ("reason",)
    required_languages = ("pl",)
