from django import template

from cus_site.links import safe_url as allowed_url

register = template.Library()


@register.filter
def safe_url(value):
    """`<a href="{{ partner.url|safe_url }}">`: every address from an editor's data goes
    through it (cus_site.links); a disallowed one comes out as ""."""
    return allowed_url(value)
