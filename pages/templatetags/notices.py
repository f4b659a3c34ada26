from django import template

from cus_site import cache
from pages import notices

register = template.Library()


@register.inclusion_tag("includes/notices.html", takes_context=True)
def site_notices(context):
    """`{% site_notices %}`: the notices of the page being shown (its URL name decides which:
    see `pages.notices`). The error page of a failing site shows none."""
    request = context.get("request")
    if request is None or context.get("error_page"):
        return {"notices": []}
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    # Once per change and per timed change (a notice starting or ending), per kind of page.
    return {
        "notices": cache.fragment(f"notices:{view_name}", lambda: notices.notices_for(view_name))
    }


@register.inclusion_tag("includes/notices.html")
def notice_preview(notice):
    """One notice as the site will show it, for its preview."""
    return {"notices": [notices.shown(notice)]}
