from django.core.management.base import BaseCommand

from cus_site import cache
from search.models import SearchEntry


class Command(BaseCommand):
    help = (
        "Rewrites the search index from the published and unpublished content of every source. "
        "Run it after bulk changes that send no signals (QuerySet.update, raw SQL, loaddata)."
    )

    def handle(self, *args, **options):
        written = SearchEntry.objects.rebuild()
        cache.content_changed()
        self.stdout.write(f"Zapisano pozycje indeksu: {written}.")
