from modeltranslation.translator import TranslationOptions, register

from .models import Category, Post, PostAttachment, PostImage

# An empty slug of another language is stored as NULL, not "", so unique slugs never collide;
# the page then falls back to the Polish slug.
NULL_SLUGS = {"slug": None}


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "slug")
    empty_values = NULL_SLUGS
    required_languages = ("pl",)


@register(Post)
class PostTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "lead", "body", "cover_alt")
    empty_values = NULL_SLUGS
    required_languages = {"pl": ("title", "lead")}


@register(PostImage)
class PostImageTranslationOptions(TranslationOptions):
    fields = ("alt", "caption")


@register(PostAttachment)
class PostAttachmentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("pl",)
