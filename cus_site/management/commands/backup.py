from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cus_site.backup import BackupError, default_name, write_backup


class Command(BaseCommand):
    help = (
        "Writes one archive of the site: the database (pg_dump, custom format), every uploaded "
        "file with its renditions, and a manifest with checksums. See cus_site/backup.py."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, help="the archive to write (default: cus-backup-<date>.tar)"
        )

    def handle(self, *args, output, **options):
        output = output or Path(default_name())
        try:
            manifest = write_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        files = len(manifest["members"]) - 1
        size = output.stat().st_size / 1024 / 1024
        self.stdout.write(
            f"Kopia zapisana: {output} (baza danych i pliki: {files}; {size:.1f} MB)."
        )
