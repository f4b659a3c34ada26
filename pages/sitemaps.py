from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StaticViewSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["pages:home"]

    def location(self, item):
        return reverse(item)


# Each content app adds its sitemap here; pages is the app that reads the others.
SITEMAPS = {"pages": StaticViewSitemap}
