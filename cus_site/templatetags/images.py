from django import template

from cus_site.images import picture_context

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(picture, sizes="100vw", lazy=True, max_width=None, css_class="", lang=""):
    """`{% picture post.cover_picture sizes="(min-width: 66rem) 42rem, 100vw" lazy=False %}`:
    a `<picture>` of renditions, or nothing when the photo may not be published. `lang` is the
    language of the alt text when it differs from the page's (`post|fallback_lang:"cover_alt"`).
    """
    if not picture.is_public:
        return {"picture": None}
    return {
        "picture": picture_context(picture, sizes, lazy, max_width),
        "css_class": css_class,
        "lang": lang,
    }
