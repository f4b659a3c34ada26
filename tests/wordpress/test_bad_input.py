"""Files that are not an export to import: one sentence, a non-zero exit, nothing changed."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from news.models import Post
from tests.cus_site.test_production import session_database_url
from wordpress.models import ImportRecord

from .conftest import media_files
from .wxr import export, item

pytestmark = pytest.mark.django_db

GOOD = export(item(1, "Wpis", "Treść"))
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>""" + GOOD.split("?>", 1)[1].replace("<title>Centrum", "<title>&lol3; Centrum")
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY sekret SYSTEM "file:///etc/passwd">]>""" + GOOD.split("?>", 1)[1].replace(
    "Treść", "&sekret;"
)

CASES = {
    "not_xml": ("To nie jest XML, tylko notatka.", "nie jest plikiem XML (wiersz 1"),
    "truncated": (GOOD[: len(GOOD) // 2], "urywa się w wierszu"),
    "broken_in_the_middle": (
        GOOD.replace("<wp:post_id>1</wp:post_id>", "<wp:post_id>1</wp:post_idx>"),
        "nie jest poprawnym plikiem XML (wiersz",
    ),
    "html": ("<html><body><p>Strona</p></body></html>", "zaczyna się od <html>"),
    "plain_rss": (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title>'
        "<item><title>Wpis</title></item></channel></rss>",
        "nie ma wersji wp:wxr_version",
    ),
    "unsupported_version": (
        GOOD.replace(
            "<wp:wxr_version>1.2</wp:wxr_version>", "<wp:wxr_version>2.0</wp:wxr_version>"
        ),
        "w wersji 2.0, a import czyta wersje 1.0, 1.1, 1.2",
    ),
    "entity_expansion": (BILLION_LAUGHS, "zawiera deklarację DOCTYPE"),
    "external_entity": (EXTERNAL_ENTITY, "zawiera deklarację DOCTYPE"),
    "empty": ("", "jest pusty"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_file_is_one_sentence_and_changes_nothing(case, tmp_path, media_root):
    content, message = CASES[case]
    path = tmp_path / "eksport.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_wordpress", str(path), "--report", str(tmp_path / "r.txt"))
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert not Post.objects.exists() and not ImportRecord.objects.exists()
    assert media_files(media_root) == []
    assert not (tmp_path / "r.txt").exists()


def test_a_2_gb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "ogromny.xml"
    with path.open("wb") as file:
        file.truncate(2 * 1024**3)  # sparse: no disk space is used
    with pytest.raises(CommandError, match=r"ma 2,0 GB, a import przyjmuje najwyżej 1 GB"):
        call_command("import_wordpress", str(path))


def test_missing_file_and_uploads_folder_are_said_in_polish(tmp_path):
    with pytest.raises(CommandError, match="Nie ma pliku"):
        call_command("import_wordpress", str(tmp_path / "brak.xml"))
    path = tmp_path / "eksport.xml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(CommandError, match="Nie ma folderu"):
        call_command("import_wordpress", str(path), "--uploads", str(tmp_path / "brak"))


@pytest.mark.parametrize("case", ["not_xml", "truncated", "entity_expansion"])
def test_manage_py_exits_non_zero_without_a_traceback(case, tmp_path):
    path = tmp_path / "eksport.xml"
    path.write_text(CASES[case][0], encoding="utf-8")
    environment = {**os.environ, "DATABASE_URL": session_database_url()}
    finished = subprocess.run(
        [sys.executable, "manage.py", "import_wordpress", str(path)],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 1
    assert "Traceback" not in finished.stderr
    assert CASES[case][1] in finished.stderr
    assert len(finished.stderr.strip().splitlines()) == 1
