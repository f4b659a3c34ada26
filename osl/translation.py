from modeltranslation.translator import TranslationOptions, register

from .models import (
    Community,
    Document,
    Goal,
    Introduction,
    MeetingPlace,
    Partner,
    Programme,
    Source,
)

# An empty slug of another language is stored as NULL, not "", so unique slugs never collide;
# the page then falls back to the Polish slug.
NULL_SLUGS = {"slug": None}


@register(Introduction)
class IntroductionTranslationOptions(TranslationOptions):
    fields = ("body",)


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "lead", "body", "cover_alt", "organiser_role")
    empty_values = NULL_SLUGS
    required_languages = {"pl": ("title", "lead")}


@register(Community)
class CommunityTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"pl": ("name",)}


@register(Goal)
class GoalTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("pl",)


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("pl",)


@register(MeetingPlace)
class MeetingPlaceTranslationOptions(TranslationOptions):
    fields = ("place", "times")
    required_languages = {"pl": ("place",)}


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("pl",)


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("pl",)
