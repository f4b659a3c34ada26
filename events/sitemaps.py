"""The events in the sitemap: each event's page in Polish, and in English or Ukrainian only
where it has a title of its own there (a Polish-only event's copies are the same text)."""

from django.db.models import Max
from django.db.models.functions import ExtractYear
from django.urls import reverse

from cus_site.sitemaps import TranslatedSitemap, ViewSitemap

from .models import Event


class EventsIndexSitemap(ViewSitemap):
    changefreq = "daily"
    views = ["events:index"]

    def lastmod(self, name):
        return Event.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class EventSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("pk")

    def lastmod(self, event):
        return event.updated_at

    def get_languages_for_item(self, event):
        return [code for code in self._languages() if event.is_translated_into(code)]


class EventYearSitemap(TranslatedSitemap):
    """The archive's years, each with the latest change of its events."""

    changefreq = "monthly"

    def items(self):
        years = (
            Event.objects.past()
            .annotate(year=ExtractYear("starts_on"))
            .order_by("year")
            .values("year")
            .annotate(latest=Max("updated_at"))
        )
        return list(years)

    def location(self, year):
        return reverse("events:archive-year", kwargs={"year": year["year"]})

    def lastmod(self, year):
        return year["latest"]
