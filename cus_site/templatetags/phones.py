from django import template

from cus_site.phones import tel_href as phone_link

register = template.Library()


@register.filter
def tel_href(number):
    """`<a href="{{ unit.phone|tel_href }}">{{ unit.phone }}</a>` (see cus_site/phones.py)."""
    return phone_link(number)
