from django import template
from django.db.models import Q

from cus_site import cache
from pages.menu import fixed_sections, menu_items
from pages.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu's entries as (item, aria-current) pairs for the page being shown. The 500
    page, rendered while the site is failing, asks the database nothing: it has the fixed
    sections only."""
    if context.get("error_page"):
        return [(item, "") for item in fixed_sections()]
    request = context.get("request")
    path = request.path if request else ""
    return [(item, item.current_for(path)) for item in cache.fragment("menu", menu_items)]


@register.inclusion_tag("includes/services_section.html")
def services_section(limit=8):
    """The home page's link to "Jak możemy pomóc" with its first services, in one query; nothing
    while the site has no published services section."""
    section_or_service = Q(role=Page.Role.SERVICES) | Q(parent__role=Page.Role.SERVICES)
    found = list(
        Page.objects.published()
        .filter(section_or_service)
        .order_by("depth", "sort_key")[: limit + 1]
    )
    if not found or found[0].role != Page.Role.SERVICES:
        return {"section": None}
    return {"section": found[0], "services": found[1:]}
