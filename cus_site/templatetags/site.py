from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe

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


class CaptureNode(template.Node):
    # Blocks inside stay overridable by child templates: inheritance looks through these.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Rendered (and escaped) once here, so kept as safe text with its outer spaces trimmed.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as page_title %}{% block title %}{% endblock %}{% endcapture %}`: a block's
    text in a variable, for a page that needs it twice (<title> and og:title)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as NAME %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
