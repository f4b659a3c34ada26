from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from news.sitemaps import CategorySitemap, NewsIndexSitemap, PostSitemap
from osl.sitemaps import OslIndexSitemap, ProgrammeSitemap


class StaticViewSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["pages:home", "hours:index"]

    def location(self, item):
        return reverse(item)


# Each content app adds its sitemap here; pages is the app that reads the others.
SITEMAPS = {
    "pages": StaticViewSitemap,
    "news": NewsIndexSitemap,
    "news-posts": PostSitemap,
    "news-categories": CategorySitemap,
    "osl": OslIndexSitemap,
    "osl-programmes": ProgrammeSitemap,
}
