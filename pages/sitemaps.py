from cus_site.sitemaps import TranslatedSitemap, ViewSitemap
from news.sitemaps import CategorySitemap, NewsIndexSitemap, PostSitemap
from osl.sitemaps import OslIndexSitemap, ProgrammeSitemap

from .models import AccessibilityStatement, Page, TextPage


class StaticViewSitemap(ViewSitemap):
    changefreq = "monthly"
    views = ["pages:home", "hours:index", "pages:contact"]

    def items(self):
        if AccessibilityStatement.objects.exists():
            return [*self.views, "pages:accessibility-statement"]
        return self.views


class TextPageSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return TextPage.objects.published()

    def lastmod(self, page):
        return page.updated_at


class PageSitemap(TranslatedSitemap):
    """The tree's pages, each listed (and given hreflang alternates) only in the languages its
    title is translated into, besides Polish: an untranslated copy is not a page of its own."""

    changefreq = "monthly"

    def items(self):
        return Page.objects.published()

    def lastmod(self, page):
        return page.updated_at

    def get_languages_for_item(self, page):
        return [code for code in self._languages() if getattr(page, f"title_{code}", None)]


# Each content app adds its sitemap here; pages is the app that reads the others.
SITEMAPS = {
    "pages": StaticViewSitemap,
    "pages-text": TextPageSitemap,
    "pages-tree": PageSitemap,
    "news": NewsIndexSitemap,
    "news-posts": PostSitemap,
    "news-categories": CategorySitemap,
    "osl": OslIndexSitemap,
    "osl-programmes": ProgrammeSitemap,
}
