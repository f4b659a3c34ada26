from django import template
from django.conf import settings
from django.utils.html import format_html

from cus_site.translated import is_fallback

register = template.Library()


@register.simple_tag
def lang_attr(instance, field_name):
    """` lang="pl"` on the element holding a field shown in Polish on a foreign-language page:
    `<h1{% lang_attr post "title" %}>{{ post.title }}</h1>`."""
    if is_fallback(instance, field_name):
        return format_html(' lang="{}"', settings.LANGUAGE_CODE)
    return ""


@register.filter
def in_polish_only(instance, field_name):
    """`{% if post|in_polish_only:"body" %}` shows the "available in Polish only" notice."""
    return is_fallback(instance, field_name)
