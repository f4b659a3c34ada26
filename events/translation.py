from modeltranslation.translator import TranslationOptions, register

from .models import Audience, Event

# As in the news: an empty slug of another language is NULL, so unique slugs never collide.
NULL_SLUGS = {"slug": None}


@register(Audience)
class AudienceTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("pl",)


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "lead",
        "body",
        "cover_alt",
        "change_note",
        "place_name",
        "price_note",
        "accessibility_note",
        "organiser",
        "partners",
    )
    empty_values = NULL_SLUGS
    required_languages = {"pl": ("title",)}
