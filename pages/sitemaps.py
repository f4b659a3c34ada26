from django.urls import reverse

from cus_site.translated import TranslatedSitemap
from news.sitemaps import CategorySitemap, NewsIndexSitemap, PostSitemap
from osl.sitemaps import OslIndexSitemap, ProgrammeSitemap

from .models import AccessibilityStatement, TextPage


class StaticViewSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        names = ["pages:home", "hours:index", "pages:contact"]
        if AccessibilityStatement.objects.exists():
            names.append("pages:accessibility-statement")
        return names

    def location(self, item):
        return reverse(item)


class TextPageSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return TextPage.objects.published()

    def lastmod(self, page):
        return page.updated_at


# Each content app adds its sitemap here; pages is the app that reads the others.
SITEMAPS = {
    "pages": StaticViewSitemap,
    "pages-text": TextPageSitemap,
    "news": NewsIndexSitemap,
    "news-posts": PostSitemap,
    "news-categories": CategorySitemap,
    "osl": OslIndexSitemap,
    "osl-programmes": ProgrammeSitemap,
}
