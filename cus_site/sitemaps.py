"""The sitemap classes the apps' sitemaps (collected in `pages/sitemaps.py`) are made of."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation

from cus_site import listing
from cus_site.translated import is_polish_only


class TranslatedSitemap(Sitemap):
    """A sitemap listing each item's address in every language, with hreflang alternates and
    x-default (the Polish address); an object's `get_absolute_url()` runs in each language, so
    translated slugs are used where they exist.

    An object whose text (`text_fields`) is only in Polish is listed once, in Polish: its English
    and Ukrainian pages are copies that point to the Polish one as canonical.
    """

    i18n = True
    alternates = True
    x_default = True
    text_fields = ()

    def get_languages_for_item(self, item):
        # An item without an address in a language (a bad row, cus_site/listing.py) is left
        # out in it; one without any is not listed at all.
        languages = super().get_languages_for_item(item)
        if self.text_fields:
            languages = [code for code in languages if self.has_own_text(item, code)]
        return [code for code in languages if self.has_address(item, code)]

    def has_address(self, item, code):
        with translation.override(code):
            return listing.has_address(item, self.location)

    def has_own_text(self, item, code):
        if code == settings.LANGUAGE_CODE:
            return True
        with translation.override(code):
            return not is_polish_only(item, self.text_fields)


class ViewSitemap(TranslatedSitemap):
    """Pages with no object behind them (an app's index, the contact page), given by the names
    of their URLs in `views`; `lastmod(name)` says when what each shows last changed."""

    views = ()

    def items(self):
        return self.views

    def location(self, name):
        return reverse(name)
