from django import template

from cus_site.richtext import sanitise
from cus_site.typography import typeset_html
from osl.footnotes import link_markers

register = template.Library()


@register.simple_tag
def footnoted(html, sources):
    """`{% footnoted programme.body sources as text %}`: the body sanitised as `rich_text`
    does it, then its markers [1], [2]… linked to the notes; `text.cited` holds their numbers."""
    return link_markers(typeset_html(sanitise(html)), len(sources))
