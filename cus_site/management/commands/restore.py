from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cus_site.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restores an archive of manage.py backup into a new or empty database (DATABASE_URL) "
        "and an empty storage; --force replaces them after a safety backup."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="the file manage.py backup wrote")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace an existing database and files (a safety backup is written first)",
        )
        parser.add_argument(
            "--safety-output",
            type=Path,
            help="where --force writes the safety backup (default: beside the archive)",
        )

    def handle(self, *args, archive, force, safety_output, **options):
        try:
            safety = restore(archive, force=force, safety_output=safety_output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if safety:
            self.stdout.write(f"Kopia bezpieczeństwa zastąpionej witryny: {safety}.")
        self.stdout.write(f"Przywrócono kopię {archive}: baza danych i pliki.")
