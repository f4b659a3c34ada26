from django import template

from cus_site.richtext import sanitise
from cus_site.typography import typeset_html

register = template.Library()


@register.filter
def rich_text(html):
    """`{{ post.body|rich_text }}`: the only way editors' HTML reaches a page (sanitised, then
    set as Polish typography wants it)."""
    return typeset_html(sanitise(html))
