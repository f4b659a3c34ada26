from django.urls import reverse

from cus_site.translated import TranslatedSitemap

from .models import Programme


class OslIndexSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return ["osl:index"]

    def location(self, item):
        return reverse(item)


class ProgrammeSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Programme.objects.published()

    def lastmod(self, programme):
        return programme.updated_on
