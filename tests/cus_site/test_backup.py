"""manage.py backup and restore against the real PostgreSQL and real files.

pg_dump reads committed rows only, so these tests commit (transactional_db). A restore always
goes into a database of its own, named per test and dropped afterwards, in a manage.py
subprocess pointed at it by DATABASE_URL; the test database itself is only ever read.
"""

import hashlib
import io
import json
import os
import re
import resource
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from cus_site import backup, pgclient
from tests.factories import PageFactory, PostFactory, PostImageFactory

pytestmark = pytest.mark.django_db(transaction=True)

SCRIPT_RENDERING_PAGES = """
import json, os, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cus_site.settings")
django.setup()
from django.conf import settings
from django.test import Client
# As tests/conftest.py: no manifest of hashed static files without collectstatic.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
client = Client()
pages = {}
for url in sys.argv[1:]:
    response = client.get(url)
    pages[url] = [response.status_code, response.content.decode()]
print(json.dumps(pages))
"""


def database_url(name):
    params = connection.settings_dict
    host = params["HOST"] or params["OPTIONS"].get("host", "")
    user = quote(params["USER"] or "postgres")
    password = quote(params["PASSWORD"] or "")
    if host.startswith("/"):
        return f"postgresql://{user}:{password}@/{name}?host={host}"
    return f"postgresql://{user}:{password}@{host}:{params['PORT'] or 5432}/{name}"


def manage(*args, database, media, limit=None):
    """manage.py in a subprocess with its own database and uploads folder."""
    return python("manage.py", *args, database=database, media=media, limit=limit)


def python(*args, database, media, limit=None):
    environment = {**os.environ, "DATABASE_URL": database_url(database), "MEDIA_ROOT": str(media)}

    def limit_file_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        preexec_fn=limit_file_size if limit else None,
    )


def database_exists(name):
    with pgclient.connect(connection.settings_dict) as server:
        row = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return row is not None


def table_contents(name):
    """Every table's row count and a digest of all its rows, in a given database."""
    with pgclient.connect(connection.settings_dict, name) as database:
        tables = database.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
        return {
            table: database.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"  # noqa: E501
            ).fetchone()
            for (table,) in tables
        }


def file_checksums(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def main_of(page):
    """The page's main content, without the per-request CSRF token."""
    main = re.search(r"<main.*</main>", page, re.S).group(0)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)


@pytest.fixture
def restored(request):
    """The name of a fresh database for this test's restore; dropped afterwards."""
    name = f"test_restore_{uuid.uuid4().hex[:10]}"
    yield name
    pgclient.drop_database(connection.settings_dict, name)
    pgclient.drop_database(connection.settings_dict, f"{name}__restoring")


@pytest.fixture
def site(client):
    """A post with a cover and a gallery photo (their renditions made by showing the page), a
    page of the tree, and a large private file; the addresses to compare."""
    post = PostFactory(with_cover=True, title_pl="Dzień otwarty w Centrum")
    PostImageFactory(post=post)
    page = PageFactory(title_pl="Usługi opiekuńcze")
    default_storage.save("private/dokumenty/2025/12/losowy.bin", ContentFile(os.urandom(300_000)))
    urls = ["/", post.get_absolute_url(), "/aktualnosci/", page.get_absolute_url()]
    for url in urls:
        assert client.get(url).status_code == 200
    return urls


@pytest.fixture
def archive(site, tmp_path):
    path = tmp_path / "kopia.tar"
    call_command("backup", output=path)
    return path


def test_round_trip_restores_every_row_every_file_and_the_same_pages(
    site, archive, restored, media_root, tmp_path, client
):
    media = tmp_path / "przywrocone"
    finished = manage("restore", str(archive), database=restored, media=media)
    assert finished.returncode == 0, finished.stderr
    assert "Przywrócono kopię" in finished.stdout

    original = table_contents(connection.settings_dict["NAME"])
    assert original["news_post"][0] == 1
    assert table_contents(restored) == original

    files = file_checksums(media_root)
    assert any("/CACHE/" in name for name in files)
    assert file_checksums(media) == files

    pages = python("-c", SCRIPT_RENDERING_PAGES, *site, database=restored, media=media)
    assert pages.returncode == 0, pages.stderr
    rendered = json.loads(pages.stdout)
    for url in site:
        status, content = rendered[url]
        assert status == 200
        assert main_of(content) == main_of(client.get(url).content.decode())
    assert "Dzień otwarty w Centrum" in rendered[site[1]][1]


def test_restore_refuses_a_database_with_data_and_force_keeps_a_safety_backup(
    archive, restored, tmp_path
):
    media = tmp_path / "przywrocone"
    assert manage("restore", str(archive), database=restored, media=media).returncode == 0
    with pgclient.connect(connection.settings_dict, restored) as database:
        database.execute("UPDATE news_post SET title_pl = 'Zmienione po kopii'")
    (media / "public" / "nowy-po-kopii.jpg").write_bytes(b"wgrany po kopii")

    refused = manage("restore", str(archive), database=restored, media=media)
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    assert "ma już dane" in refused.stderr and "--force" in refused.stderr
    assert titles(restored) == ["Zmienione po kopii"]

    safety = tmp_path / "bezpieczenstwa.tar"
    forced = manage(
        "restore", str(archive), "--force", "--safety-output", str(safety),
        database=restored, media=media,
    )  # fmt: skip
    assert forced.returncode == 0, forced.stderr
    assert f"Kopia bezpieczeństwa zastąpionej witryny: {safety}" in forced.stdout
    assert titles(restored) == ["Dzień otwarty w Centrum"]
    assert not (media / "public" / "nowy-po-kopii.jpg").exists()
    assert "media/public/nowy-po-kopii.jpg" in backup.verified_manifest(safety)["members"]

    # The safety backup holds what was replaced: restored elsewhere, it has the changed title.
    elsewhere = f"{restored}_bezp"
    try:
        again = manage("restore", str(safety), database=elsewhere, media=tmp_path / "bezp")
        assert again.returncode == 0, again.stderr
        assert titles(elsewhere) == ["Zmienione po kopii"]
    finally:
        pgclient.drop_database(connection.settings_dict, elsewhere)


def titles(name):
    with pgclient.connect(connection.settings_dict, name) as database:
        return [row[0] for row in database.execute("SELECT title_pl FROM news_post")]


def test_restore_refuses_a_folder_with_files(archive, restored, tmp_path):
    media = tmp_path / "przywrocone"
    (media / "public").mkdir(parents=True)
    (media / "public" / "stary.jpg").write_bytes(b"stary plik")
    refused = manage("restore", str(archive), database=restored, media=media)
    assert refused.returncode == 1
    assert "Folder plików" in refused.stderr
    assert not database_exists(restored)
    assert file_checksums(media) == {"public/stary.jpg": hashlib.sha256(b"stary plik").hexdigest()}


def assert_nothing_restored(finished, restored, media, message):
    assert finished.returncode == 1
    assert "Traceback" not in finished.stderr
    assert message in finished.stderr
    assert len(finished.stderr.strip().splitlines()) == 1
    assert "nic nie zostało zmienione" in finished.stderr
    assert not database_exists(restored)
    assert not database_exists(f"{restored}__restoring")
    assert not media.exists() or file_checksums(media) == {}


def cut_points(archive):
    """Where to cut an archive: inside the dump, inside a file, before and inside the manifest."""
    with tarfile.open(archive) as members:
        offsets = {member.name: member.offset_data for member in members}
    photo = next(name for name in offsets if name.startswith("media/"))
    manifest = offsets[backup.MANIFEST]
    return {
        "in_the_dump": offsets[backup.DUMP] + 1000,
        "in_a_file": offsets[photo] + 10,
        "before_the_manifest": manifest - 512,
        "in_the_manifest": manifest + 100,
    }


@pytest.mark.parametrize(
    "where", ["in_the_dump", "in_a_file", "before_the_manifest", "in_the_manifest"]
)
def test_truncated_archive_is_refused_before_anything_changes(archive, restored, tmp_path, where):
    cut = tmp_path / "ucieta.tar"
    cut.write_bytes(archive.read_bytes()[: cut_points(archive)[where]])
    media = tmp_path / "przywrocone"
    finished = manage("restore", str(cut), database=restored, media=media)
    assert_nothing_restored(finished, restored, media, "jest ucięta lub uszkodzona")


def tar_with(members):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


OTHER_FILES = {
    "another_project": tar_with(
        [(backup.IDENTITY, b'{"project": "bip-tarnow", "format": 1}'), (backup.DUMP, b"PGDMP")]
    ),
    "ours_with_a_name_outside_media": tar_with(
        [(backup.IDENTITY, b'{"project": "cus-site", "format": 1}'), ("media/../../x.py", b"1")]
    ),
    "a_plain_tar": tar_with([("manifest.json", b"{}"), ("database.dump", b"PGDMP")]),
    "a_bare_pg_dump": b"PGDMP" + os.urandom(5000),
    "empty": b"",
}


@pytest.mark.parametrize("case", OTHER_FILES)
def test_file_of_another_project_is_refused(case, restored, tmp_path, db):
    path = tmp_path / "obca.tar"
    path.write_bytes(OTHER_FILES[case])
    media = tmp_path / "przywrocone"
    finished = manage("restore", str(path), database=restored, media=media)
    assert_nothing_restored(finished, restored, media, "nie jest kopią witryny CUS")


def test_archive_with_a_changed_file_is_refused(archive, restored, tmp_path):
    data = bytearray(archive.read_bytes())
    position = data.index(b"PGDMP") + 2000
    data[position] ^= 0xFF
    changed = tmp_path / "zmieniona.tar"
    changed.write_bytes(bytes(data))
    media = tmp_path / "przywrocone"
    finished = manage("restore", str(changed), database=restored, media=media)
    assert_nothing_restored(finished, restored, media, "sumy kontrolne się nie zgadzają")


@pytest.mark.parametrize("where", ["while_dumping", "while_writing_the_archive"])
def test_backup_into_a_full_disk_says_so_and_leaves_nothing(site, archive, tmp_path, where):
    manifest = backup.verified_manifest(archive)
    dump_size = manifest["members"][backup.DUMP]["size"]
    # RLIMIT_FSIZE caps each file: below the dump, pg_dump fails; above it, the archive does.
    limit = dump_size // 2 if where == "while_dumping" else dump_size + 100_000
    assert limit < archive.stat().st_size
    target = tmp_path / "pelny-dysk"
    target.mkdir()
    finished = manage(
        "backup", "--output", str(target / "kopia.tar"),
        database=connection.settings_dict["NAME"], media=settings.MEDIA_ROOT, limit=limit,
    )  # fmt: skip
    assert finished.returncode == 1
    assert "Traceback" not in finished.stderr
    assert "Brak miejsca na dysku" in finished.stderr
    assert "nic nie zostało zapisane" in finished.stderr
    assert list(target.iterdir()) == []


def test_client_older_than_the_server_is_refused(tmp_path, monkeypatch, db):
    fake = tmp_path / "pg_dump"
    fake.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 15.8 (Debian 15.8-0+deb12u1)'\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PG_BIN_DIR", str(tmp_path))
    with pytest.raises(
        CommandError, match=r"^pg_dump 15 jest starszy niż serwer PostgreSQL 1[0-9]"
    ):
        call_command("backup", output=tmp_path / "kopia.tar")
    assert not (tmp_path / "kopia.tar").exists()


def test_missing_client_in_pg_bin_dir_is_said(tmp_path, monkeypatch, db):
    monkeypatch.setenv("PG_BIN_DIR", str(tmp_path))
    with pytest.raises(CommandError, match=r"W PG_BIN_DIR=.* nie ma programu pg_dump"):
        call_command("backup", output=tmp_path / "kopia.tar")


def test_archive_of_a_newer_version_of_the_site_is_refused(archive, restored, tmp_path):
    newer = tmp_path / "nowsza.tar"
    with tarfile.open(archive) as source, tarfile.open(newer, "w") as target:
        for member in source:
            data = source.extractfile(member).read()
            if member.name == backup.MANIFEST:
                manifest = json.loads(data)
                manifest["migrations"].append("news.9999_z_przyszlosci")
                data = json.dumps(manifest).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    media = tmp_path / "przywrocone"
    finished = manage("restore", str(newer), database=restored, media=media)
    assert finished.returncode == 1
    assert "pochodzi z nowszej wersji witryny" in finished.stderr
    assert "news.9999_z_przyszlosci" in finished.stderr
    assert not database_exists(restored)
