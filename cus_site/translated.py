"""Content in the reader's language, falling back to Polish, marked so nobody is misled.

modeltranslation stores each translatable field once per language (`title_pl`, `title_en`, …)
and, with Polish as the fallback language, shows the Polish text where a translation is empty.
Two things it leaves to us: telling the reader (and screen readers, through `lang="pl"`) that
the text is Polish, and finding an object by its Polish slug on /en/ and /uk/ pages, since its
lookups use the current language's slug column only.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import translation


def is_fallback(instance, field_name):
    """True when the page's language has no text of its own for this field."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return False
    return not getattr(instance, f"{field_name}_{language.replace('-', '_')}", None)


def slug_lookup(slug, field_name="slug"):
    """Match the current language's slug or, failing that, the Polish one."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).replace("-", "_")
    return Q(**{f"{field_name}_{language}": slug}) | Q(
        **{f"{field_name}_{settings.LANGUAGE_CODE}": slug}
    )
