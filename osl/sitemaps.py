from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Programme


class OslIndexSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["osl:index"]

    def location(self, item):
        return reverse(item)


class ProgrammeSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Programme.objects.published()

    def lastmod(self, programme):
        return programme.updated_on
