import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.news.imagefiles import camera_jpeg, png


@dataclass
class Result:
    output: str
    report: str


@pytest.fixture
def import_wxr(tmp_path, django_capture_on_commit_callbacks):
    """`import_wxr(xml, "--dry-run", …)`: writes the export and runs the command on it, with
    what runs when its transaction commits (the files take their rows' visibility then)."""
    counter = iter(range(1, 1000))

    def run(xml, *options, uploads=None):
        number = next(counter)
        export = tmp_path / f"eksport-{number}.xml"
        export.write_text(xml, encoding="utf-8")
        report = tmp_path / f"raport-{number}.txt"
        extra = ["--uploads", str(uploads)] if uploads else []
        output = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command(
                "import_wordpress", str(export), "--report", str(report), *extra, *options,
                stdout=output,
            )  # fmt: skip
        return Result(output.getvalue(), report.read_text(encoding="utf-8"))

    return run


@pytest.fixture
def uploads(tmp_path):
    """A copy of wp-content/uploads with a phone photo (GPS in its EXIF) and a PNG."""
    folder = tmp_path / "uploads"
    (folder / "2023" / "09").mkdir(parents=True)
    (folder / "2023" / "09" / "piknik.jpg").write_bytes(camera_jpeg())
    (folder / "2023" / "09" / "plakat.png").write_bytes(png())
    (folder / "2023" / "09" / "strona.jpg").write_bytes(
        b"<!DOCTYPE html><html><body>Nie znaleziono</body></html>"
    )
    return folder


def media_files(media_root):
    root = Path(media_root)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())
