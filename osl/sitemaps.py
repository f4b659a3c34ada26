from cus_site.sitemaps import TranslatedSitemap, ViewSitemap

from .models import Programme


class OslIndexSitemap(ViewSitemap):
    changefreq = "monthly"
    views = ["osl:index"]


class ProgrammeSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Programme.objects.published()

    def lastmod(self, programme):
        return programme.updated_on
