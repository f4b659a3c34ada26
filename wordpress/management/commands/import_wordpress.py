import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils import timezone
from tqdm import tqdm

from cus_site import cache
from wordpress.importer import Run
from wordpress.wxr import WXRError

PLAIN_PROGRESS_STEPS = 20


class Command(BaseCommand):
    help = (
        "Imports a WordPress export (WXR 1.0–1.2: Tools → Export) with its media: posts, pages, "
        "categories, photos, documents, and a redirect from every old address. Safe to repeat."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="the WXR file WordPress exported")
        parser.add_argument(
            "--uploads",
            type=Path,
            help="a copy of wp-content/uploads; without it, files are downloaded from the old site",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="do everything and report, but save nothing"
        )
        parser.add_argument(
            "--photos-consented",
            action="store_true",
            help="the centre has the consent of the people in the imported photos",
        )
        parser.add_argument("--report", type=Path, help="where to write the report file")

    def handle(self, *args, export, uploads, dry_run, photos_consented, report, **options):
        self.check_paths(export, uploads)
        run = Run(export, uploads, photos_consented, dry_run, progress=self.progress)
        try:
            result = run.execute()
        except WXRError as error:
            raise CommandError(str(error)) from None
        except (DatabaseError, OSError) as error:
            raise CommandError(
                f"Import przerwany, nic nie zostało zapisane: {error}".rstrip(". \n") + "."
            ) from None
        # The import writes partly in bulk (redirects, records), without signals.
        cache.content_changed()
        report = report or Path(f"import-wordpress-{timezone.localtime():%Y%m%d-%H%M%S}.txt")
        report.write_text(result.text(), encoding="utf-8")
        for line in result.summary_lines():
            self.stdout.write(line)
        self.stdout.write(
            f"ostrzeżenia: {len(result.warnings)}, zdjęcia do potwierdzenia zgody: "
            f"{len(result.awaiting_consent)}, zmienione tutaj: {len(result.edited_here)}"
        )
        if dry_run:
            self.stdout.write("Próba (--dry-run): nic nie zostało zapisane.")
        self.stdout.write(f"Raport: {report}")

    @staticmethod
    def check_paths(export, uploads):
        if not export.is_file():
            raise CommandError(f"Nie ma pliku {export}: podaj ścieżkę do eksportu WordPressa.")
        if uploads is not None and not uploads.is_dir():
            raise CommandError(
                f"Nie ma folderu {uploads}: podaj kopię folderu wp-content/uploads albo pomiń "
                "--uploads, a pliki zostaną pobrane ze starej witryny."
            )

    def progress(self, total):
        """A bar on a terminal, a line every few per cent otherwise (logs, cron, CI)."""
        if sys.stderr.isatty():
            bar = tqdm(total=total, unit=" poz.", desc="Import", file=sys.stderr, disable=False)

            def advance(title):
                bar.update()
                if bar.n >= total:
                    bar.close()

            return advance
        step = max(1, total // PLAIN_PROGRESS_STEPS)
        done = 0

        def advance(title):
            nonlocal done
            done += 1
            if done % step == 0 or done == total:
                self.stdout.write(f"zaimportowano {done} z {total}: {title}")

        return advance
