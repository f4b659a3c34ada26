from django import template

from cus_site.typography import typeset as bind

register = template.Library()


@register.filter
def typeset(value):
    """`{{ post.title|typeset }}`: escaped, with the spaces Polish typography binds made
    non-breaking (cus_site/typography.py)."""
    return bind(value)
