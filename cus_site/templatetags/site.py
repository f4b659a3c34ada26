import hashlib

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe

from cus_site import cache

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


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, keys):
        self.nodelist = nodelist
        self.name = name
        self.keys = keys

    def render(self, context):
        if context.get("error_page") or cache.PREFETCHED.get() is None:
            # The error pages are made from nothing shared (the database may be what failed),
            # and only the addresses the page cache knows (its routes, their query parameters
            # and nothing else) are kept: a flood of odd addresses cannot fill the cache.
            return self.made(context)
        values = "\n".join(str(key.resolve(context)) for key in self.keys)
        digest = hashlib.sha256(values.encode()).hexdigest()[:32]
        return cache.fragment(f"{self.name}:{digest}", lambda: self.made(context))

    def made(self, context):
        rendering = cache.Rendering()
        token = cache.RENDERING.set(rendering)
        try:
            html = self.nodelist.render(context)
        finally:
            cache.RENDERING.reset(token)
        if rendering.shows_status:
            raise template.TemplateSyntaxError(
                f"{{% fragment {self.name} %}} shows an open/closed status: keep it outside."
            )
        return mark_safe(html)


@register.tag
def fragment(parser, token):
    """`{% fragment "post-list" request.path page_obj.number %}…{% endfragment %}`: the HTML
    inside, made once per change of the content (and language, and the values given) and kept
    until the next timed change of pages without a status (cus_site.cache.fragment). Only for
    what depends on nothing else: no open/closed status (refused), no request or cookie but
    those given. On the error pages, and for requests the page cache does not address, it is
    simply rendered."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('Usage: {% fragment "name" [value …] %}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])
