"""The sitemap classes the apps' sitemaps (collected in `pages/sitemaps.py`) are made of."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class TranslatedSitemap(Sitemap):
    """A sitemap listing each item's address in every language, with hreflang alternates and
    x-default (the Polish address); an object's `get_absolute_url()` runs in each language, so
    translated slugs are used where they exist."""

    i18n = True
    alternates = True
    x_default = True


class ViewSitemap(TranslatedSitemap):
    """Pages with no object behind them (an app's index, the contact page), given by the names
    of their URLs in `views`."""

    views = ()

    def items(self):
        return self.views

    def location(self, name):
        return reverse(name)
