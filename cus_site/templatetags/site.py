from django import template
from django.conf import settings
from django.urls import reverse

register = template.Library()


@register.filter
def absolute(path):
    """A path of this site as the address other sites and search engines keep:
    `{{ post.get_absolute_url|absolute }}`."""
    return f"{settings.SITE_URL}{path}"


@register.simple_tag
def absolute_url(name, *args, **kwargs):
    """`{% absolute_url "pages:accessibility-statement" %}`: `{% url %}` with SITE_URL before it."""
    return absolute(reverse(name, args=args, kwargs=kwargs))
