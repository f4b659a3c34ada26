from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from cus_site import revisions


class Command(BaseCommand):
    help = (
        "Deletes the uploaded files that no row and no kept version refers to (replaced and "
        "deleted uploads whose versions are gone, cus_site/revisions.py), with the renditions "
        "of such photos. Files stored in the last --keep-hours are kept: their row may still be "
        "being saved. Run `manage.py deleterevisions` first to drop old versions."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list the files, delete nothing")
        parser.add_argument(
            "--keep-hours",
            type=int,
            default=24,
            help="keep files stored less than this many hours ago (default 24)",
        )

    def handle(self, *args, dry_run, keep_hours, verbosity=1, **options):
        newest = timezone.now() - timedelta(hours=keep_hours)
        unused = [
            name
            for name in revisions.unused_files(default_storage)
            if default_storage.get_modified_time(name) < newest
        ]
        for name in unused:
            if verbosity > 1 or dry_run:
                self.stdout.write(name)
            if not dry_run:
                default_storage.delete(name)
        verb = "would be deleted (--dry-run)" if dry_run else "deleted"
        self.stdout.write(f"remove_unused_media: {len(unused)} unused file(s) {verb}.")
