from cus_site.sitemaps import TranslatedSitemap, ViewSitemap
from events.sitemaps import EventsIndexSitemap, EventSitemap, EventYearSitemap
from news.sitemaps import CategorySitemap, NewsIndexSitemap, PostSitemap
from osl.sitemaps import OslIndexSitemap, ProgrammeSitemap

from .models import AccessibilityStatement, TextPage


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


# Each content app adds its sitemap here; pages is the app that reads the others.
SITEMAPS = {
    "pages": StaticViewSitemap,
    "pages-text": TextPageSitemap,
    "news": NewsIndexSitemap,
    "news-posts": PostSitemap,
    "news-categories": CategorySitemap,
    "osl": OslIndexSitemap,
    "osl-programmes": ProgrammeSitemap,
    "events": EventsIndexSitemap,
    "events-pages": EventSitemap,
    "events-years": EventYearSitemap,
}
