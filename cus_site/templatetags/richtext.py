from django import template

from cus_site.richtext import sanitise

register = template.Library()


@register.filter
def rich_text(html):
    """`{{ post.body|rich_text }}`: the only way editors' HTML reaches a page."""
    return sanitise(html)
