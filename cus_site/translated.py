"""Content in the reader's language, falling back to Polish, marked so nobody is misled.

modeltranslation stores each translatable field once per language (`title_pl`, `title_en`, …)
and, with Polish as the fallback language, shows the Polish text where a translation is empty.
Two things it leaves to us: telling the reader (and screen readers, through `lang="pl"`) that
the text is Polish, and finding an object by its Polish slug on /en/ and /uk/ pages, since its
lookups use the current language's slug column only.
"""

from django.conf import settings
from django.db.models import Case, Q, When
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe


def current_language():
    return (translation.get_language() or settings.LANGUAGE_CODE).replace("-", "_")


def is_fallback(instance, field_name):
    """True when the page's language has no text of its own for this field, so the Polish text
    is shown (a field empty in Polish too shows nothing and is no fallback). A "translation"
    equal to the Polish text is Polish too: modeltranslation copies a field's default, such as
    the centre's Polish name, into every language."""
    language = current_language()
    if language == settings.LANGUAGE_CODE:
        return False
    polish = getattr(instance, f"{field_name}_{settings.LANGUAGE_CODE}", None)
    own = getattr(instance, f"{field_name}_{language}", None)
    return bool(polish) and own in (None, "", polish)


def fallback_language(instance, field_name):
    """The `lang` of a field's text when it differs from the page's ("pl"), else ""."""
    return settings.LANGUAGE_CODE if is_fallback(instance, field_name) else ""


def in_language(text, language):
    """Text inside a sentence of the page, wrapped in `<span lang>` when written in another
    language; unchanged when `language` is ""."""
    if not language:
        return text
    return format_html('<span lang="{}">{}</span>', language, text)


def interpolate(message, **values):
    """A translated %-style message filled with values that may be marked-up text (from
    `in_language`), escaped as `format_html` escapes."""
    escaped = {name: conditional_escape(value) for name, value in values.items()}
    return mark_safe(conditional_escape(message) % escaped)


def slug_lookup(slug, field_name="slug"):
    """Match the current language's slug or, failing that, the Polish one."""
    return Q(**{f"{field_name}_{current_language()}": slug}) | Q(
        **{f"{field_name}_{settings.LANGUAGE_CODE}": slug}
    )


def find_by_slug(queryset, slug, field_name="slug"):
    """The object of `slug_lookup`, or None. Should one object's English slug be another's
    Polish slug, the page's own language wins: that is where the first one's links point."""
    own_slug = Q(**{f"{field_name}_{current_language()}": slug})
    first = Case(When(own_slug, then=0), default=1)
    return queryset.filter(slug_lookup(slug, field_name)).order_by(first).first()


LANGUAGE_NAMES = {"pl": "Polski", "en": "English", "uk": "Українська"}
# What the header's compact row shows; "УКР" rather than "UK", which readers take for Britain.
LANGUAGE_SHORT_NAMES = {"pl": "PL", "en": "EN", "uk": "УКР"}


def language_links(path_in):
    """Links to a page in each language, for the switcher and the hreflang links; `path_in`
    gives the page's path for a language code."""
    current = translation.get_language()
    links = [
        {
            "code": code,
            "name": LANGUAGE_NAMES[code],
            "short": LANGUAGE_SHORT_NAMES[code],
            "path": path_in(code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    for link in links:
        link["url"] = settings.SITE_URL + link["path"]
    return {"language_links": links, "default_language_url": links[0]["url"]}


def object_language_links(instance):
    """Language links of an object's page whose address has a translated slug: each language's
    own address (the English slug under /en/, the Polish one where a language has none), which
    the same slug under another prefix could miss."""

    def path_in(code):
        with translation.override(code):
            return instance.get_absolute_url()

    return language_links(path_in)


def is_polish_only(instance, field_names):
    """Whether none of the fields that have Polish text has a translation of its own in the
    page's language: the page then shows only Polish text."""
    shown = [
        name for name in field_names if getattr(instance, f"{name}_{settings.LANGUAGE_CODE}", None)
    ]
    return bool(shown) and all(is_fallback(instance, name) for name in shown)


def canonical_meta(instance, field_names):
    """The canonical address of an object's page, and whether it is Polish only. A page whose
    text is only in Polish is a copy of the Polish page, so its canonical address is that one
    (and it offers search engines no other language)."""
    polish_only = is_polish_only(instance, field_names)
    language = settings.LANGUAGE_CODE if polish_only else translation.get_language()
    with translation.override(language):
        path = instance.get_absolute_url()
    return {"canonical_url": settings.SITE_URL + path, "polish_only": polish_only}


def translated_into(language, field_names):
    """A filter for objects with a text of their own in `language` in any of the fields: what
    the English or Ukrainian feed may list as written in its language."""
    own = Q()
    for name in field_names:
        own |= Q(**{f"{name}_{language}__gt": ""})
    return own
