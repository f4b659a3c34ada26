"""The main menu: the top-level pages editors put in it, in their order, then the site's fixed
sections.

`menu_items()` builds it for the current language in one query; the page cache's fragments keep
it until a change (`templatetags/pages.py`). Which entry is current depends on the request, so it
is marked afterwards, outside the kept part (`MenuItem.current_for`).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cus_site.translated import fallback_language

from .tree import Page

FIXED_SECTIONS = (
    ("news:index", _("Aktualności")),
    ("events:index", _("Wydarzenia")),
    ("osl:index", _("Organizowanie społeczności lokalnej")),
    ("hours:index", _("Godziny otwarcia")),
    ("pages:contact", _("Kontakt")),
)


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str
    lang: str = ""  # "pl" when the label is the Polish stand-in for a missing translation

    def current_for(self, path):
        """The item's `aria-current`: "page" on its own address, "true" anywhere below it."""
        if path == self.url:
            return "page"
        return "true" if path.startswith(self.url) else ""


def fixed_sections():
    return [MenuItem(str(label), reverse(name)) for name, label in FIXED_SECTIONS]


def menu_items():
    pages = [
        MenuItem(page.title, page.get_absolute_url(), fallback_language(page, "title"))
        for page in Page.objects.for_menu()
    ]
    return [*pages, *fixed_sections()]
