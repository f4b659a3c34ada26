from django.db.models import Max

from cus_site.sitemaps import TranslatedSitemap, ViewSitemap

from .models import Introduction, Programme


class OslIndexSitemap(ViewSitemap):
    changefreq = "monthly"
    views = ["osl:index"]

    def lastmod(self, name):
        introduction = Introduction.objects.get_current()
        programmes = Programme.objects.published().aggregate(last=Max("updated_on"))["last"]
        dates = [introduction.updated_at.date() if introduction else None, programmes]
        return max((date for date in dates if date), default=None)


class ProgrammeSitemap(TranslatedSitemap):
    changefreq = "monthly"
    text_fields = ("title", "lead", "body")

    def items(self):
        return Programme.objects.published()

    def lastmod(self, programme):
        return programme.updated_on
