from django.db.models import Max

from cus_site.sitemaps import TranslatedSitemap, ViewSitemap
from events.sitemaps import EventsIndexSitemap, EventSitemap, EventYearSitemap
from hours.models import SpecialDay, Unit
from news.sitemaps import CategorySitemap, NewsIndexSitemap, PostSitemap, latest_post_change
from osl.sitemaps import OslIndexSitemap, ProgrammeSitemap

from .models import AccessibilityStatement, Page, SiteSettings, TextPage


def latest(*moments):
    return max((moment for moment in moments if moment), default=None)


def latest_hours_change():
    units = Unit.objects.visible().aggregate(last=Max("updated_at"))["last"]
    return latest(units, SpecialDay.objects.aggregate(last=Max("updated_at"))["last"])


class StaticViewSitemap(ViewSitemap):
    """The home, hours and contact pages and the statement; each is as new as the newest of what
    it shows (the home page: its news; the others: their units, special days or details)."""

    changefreq = "monthly"
    views = ["pages:home", "hours:index", "pages:contact"]

    def items(self):
        self.statement = AccessibilityStatement.objects.first()
        if self.statement:
            return [*self.views, "pages:accessibility-statement"]
        return self.views

    def lastmod(self, name):
        if name == "pages:home":
            return latest(latest_post_change(), latest_hours_change())
        if name == "hours:index":
            return latest_hours_change()
        if name == "pages:contact":
            return latest(latest_hours_change(), SiteSettings.objects.get_current().updated_at)
        return self.statement.updated_at


class TextPageSitemap(TranslatedSitemap):
    changefreq = "monthly"
    text_fields = ("title", "lead", "body")

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
    "events": EventsIndexSitemap,
    "events-pages": EventSitemap,
    "events-years": EventYearSitemap,
}
