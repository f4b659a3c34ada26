from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from cus_site import media


class Command(BaseCommand):
    help = (
        "Puts every uploaded file where its row's state says (public/ or private/, "
        "cus_site/media.py), renaming files stored before that rule to unguessable names, and "
        "moves files no row refers to out of public reach. Safe to repeat."
    )

    def handle(self, *args, verbosity=1, **options):
        moved = 0
        for model in media.TRACKED:
            for instance in model._base_manager.order_by("pk").iterator():
                moved += len(media.place(instance))
        stray = media.hide_unlisted(default_storage)
        if verbosity and (moved or stray or verbosity > 1):
            self.stdout.write(f"sync_media: {moved} file(s) moved, {stray} stray file(s) hidden.")
