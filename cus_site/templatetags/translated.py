from django import template
from django.utils.html import format_html

from cus_site.translated import fallback_language, in_language, is_polish_only

register = template.Library()


@register.simple_tag
def lang_attr(instance, field_name):
    """` lang="pl"` on the element holding a field shown in Polish on a foreign-language page:
    `<h1{% lang_attr post "title" %}>{{ post.title }}</h1>`."""
    language = fallback_language(instance, field_name)
    return format_html(' lang="{}"', language) if language else ""


@register.simple_tag
def lang_span(instance, field_name):
    """A field's text inside a sentence of the page, in `<span lang="pl">` when it falls back:
    `{% lang_span category "name" as name %}{% blocktranslate %}…{{ name }}{% endblocktranslate %}`
    """
    return in_language(getattr(instance, field_name), fallback_language(instance, field_name))


@register.filter
def fallback_lang(instance, field_name):
    """ "pl" when the field falls back to Polish, else "": for tags taking a `lang` argument."""
    return fallback_language(instance, field_name)


@register.filter
def in_polish_only(instance, field_names):
    """Whether the "available in Polish only" notice is due: none of the fields (comma-separated)
    that have Polish text has a translation of its own. `{% if post|in_polish_only:"lead,body" %}`.
    """
    return is_polish_only(instance, [name.strip() for name in field_names.split(",")])
