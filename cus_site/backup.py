"""Backup and restore: one archive holds everything the site would lose with its server.

The rule: an archive is a tar file whose first member, `cus-site-backup.json`, says whose it is
(the project and the archive's format), followed by `database.dump` (pg_dump's custom format),
every file of the default storage under `media/` (`public/`, `private/` and the `CACHE/`
renditions: kept, so that a restored site shows its photos at once and imagekit's records of
existing renditions stay true), and last `manifest.json` with every member's SHA-256 and size,
the applied migrations and the server's version. A restore trusts nothing before it has read the
whole archive and checked every checksum; an archive that ends before its manifest was cut short.

Nothing is left half-done. A backup is written under a temporary name beside its target and
renamed only when complete, so a full disk leaves no partial archive. A restore goes into a
fresh database: the dump is restored in one transaction into a new database, which takes the
target's name only when everything else worked. An existing database with tables, or a storage
with files, is refused unless `--force`, which first writes a safety backup of what it replaces.

The client tools and the databases are `pgclient.py`'s.
"""

import errno
import hashlib
import io
import json
import os
import posixpath
import tarfile
import tempfile
from pathlib import Path

import psycopg
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from cus_site import cache
from cus_site.media import RENDITIONS, forget_renditions, listed
from cus_site.pgclient import (
    BackupError,
    checked_tool,
    create_database,
    database_has_tables,
    drop_database,
    first_line,
    run_tool,
    server_major,
    take_name,
)

PROJECT = "cus-site"
FORMAT = 1
IDENTITY = "cus-site-backup.json"
DUMP = "database.dump"
MEDIA = "media/"
MANIFEST = "manifest.json"
DISK_FULL = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)


def after_restore():
    """Called once a restore has finished, so that no visitor gets a page cached before it.

    Only the pages' generation is replaced (`cus_site.cache`), never `cache.clear()`: the
    cache also holds imagekit's records of existing renditions, which the restored files keep
    true, and the sign-in lockouts.
    """
    cache.content_changed()


# Writing an archive.


class Hashing:
    """A file object that hashes what is read through it."""

    def __init__(self, stream):
        self.stream = stream
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        chunk = self.stream.read(size)
        self.digest.update(chunk)
        return chunk


def add_member(archive, name, stream, size):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(timezone.now().timestamp())
    hashing = Hashing(stream)
    archive.addfile(info, hashing)
    return {"sha256": hashing.digest.hexdigest(), "size": size}


def add_json(archive, name, content):
    data = json.dumps(content, ensure_ascii=False, indent=1).encode()
    add_member(archive, name, io.BytesIO(data), len(data))


def default_name(prefix="cus-backup"):
    return f"{prefix}-{timezone.localtime():%Y%m%d-%H%M%S}.tar"


def write_backup(output, storage=default_storage):
    """Write the archive of the site's database and files to `output`; its manifest."""
    params = connection.settings_dict
    server = server_major(params)
    pg_dump = checked_tool("pg_dump", server)
    output = Path(output).absolute()
    if not output.parent.is_dir():
        raise BackupError(f"Nie ma folderu {output.parent}: utwórz go albo podaj inne --output.")
    partial = output.with_name(f".{output.name}.partial")
    try:
        with tempfile.TemporaryDirectory(dir=output.parent, prefix=".cus-backup-") as work:
            dump = Path(work) / DUMP
            run_tool([pg_dump, "--format=custom", "--file", str(dump)], params, params["NAME"])
            manifest = write_archive(partial, dump, storage, server)
            with open(partial, "rb+") as written:
                os.fsync(written.fileno())
        os.replace(partial, output)
    except OSError as error:
        partial.unlink(missing_ok=True)
        if error.errno in DISK_FULL:
            raise BackupError(
                f"Brak miejsca na dysku na kopię {output}: zwolnij miejsce albo podaj inne "
                "--output; nic nie zostało zapisane."
            ) from None
        raise BackupError(
            f"Nie udało się zapisać kopii {output} ({error.strerror or error}); nic nie zostało "
            "zapisane."
        ) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


def write_archive(path, dump, storage, server):
    members = {}
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as archive:
        add_json(archive, IDENTITY, {"project": PROJECT, "format": FORMAT})
        with open(dump, "rb") as content:
            members[DUMP] = add_member(archive, DUMP, content, dump.stat().st_size)
        for name in listed(storage, ""):
            try:
                with storage.open(name, "rb") as content:
                    members[MEDIA + name] = add_member(
                        archive, MEDIA + name, content, storage.size(name)
                    )
            except FileNotFoundError:
                continue  # deleted since it was listed: the dump no longer names it either
        manifest = {
            "project": PROJECT,
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "postgresql": server,
            "migrations": sorted(
                f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
            ),
            "members": members,
        }
        add_json(archive, MANIFEST, manifest)
    return manifest


# Reading an archive.


def not_ours(path):
    return BackupError(
        f"{path} nie jest kopią witryny CUS (innego projektu albo inny plik): wskaż plik "
        "zapisany przez manage.py backup; nic nie zostało zmienione."
    )


def cut_short(path):
    return BackupError(
        f"Kopia {path} jest ucięta lub uszkodzona (sumy kontrolne się nie zgadzają): użyj innej "
        "kopii; nic nie zostało zmienione."
    )


def read_json(archive, member):
    try:
        return json.load(archive.extractfile(member))
    except (ValueError, AttributeError):
        return None


def member_digest(archive, member):
    digest = hashlib.sha256()
    stream = archive.extractfile(member)
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        digest.update(chunk)
    return {"sha256": digest.hexdigest(), "size": member.size}


def verified_manifest(path):
    """The manifest of a complete archive of this project, every checksum checked."""
    try:
        with tarfile.open(path, "r:") as archive:
            try:
                return checked_members(path, archive)
            except (tarfile.TarError, EOFError, OSError):
                raise cut_short(path) from None
    except FileNotFoundError:
        raise BackupError(f"Nie ma pliku {path}: podaj ścieżkę do kopii.") from None
    except (tarfile.TarError, OSError):
        raise not_ours(path) from None


def checked_members(path, archive):
    members = iter(archive)
    first = next(members, None)
    identity = read_json(archive, first) if first and first.name == IDENTITY else None
    if not isinstance(identity, dict) or identity.get("project") != PROJECT:
        raise not_ours(path)
    if identity.get("format") != FORMAT:
        raise BackupError(
            f"Kopia {path} ma format {identity.get('format')}, a ta wersja witryny czyta format "
            f"{FORMAT}: przywróć ją wersją, która ją zapisała."
        )
    found, manifest = {}, None
    for member in members:
        if member.name == MANIFEST:
            manifest = read_json(archive, member)
        elif member.isfile() and is_ours(member.name):
            found[member.name] = member_digest(archive, member)
        else:
            raise not_ours(path)
    if not isinstance(manifest, dict) or manifest.get("members") != found:
        raise cut_short(path)
    return manifest


def is_ours(name):
    """The dump, or a file under media/ with a plain relative name (no `..`, nothing absolute)."""
    if name == DUMP:
        return True
    relative = name[len(MEDIA) :]
    return (
        name.startswith(MEDIA)
        and posixpath.normpath(relative) == relative
        and not relative.startswith("/")
        and ".." not in relative.split("/")
    )


def check_migrations_known(manifest, path):
    known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
    unknown = sorted(set(manifest["migrations"]) - known)
    if unknown:
        raise BackupError(
            f"Kopia {path} pochodzi z nowszej wersji witryny (nieznane migracje: "
            f"{', '.join(unknown[:3])}): zaktualizuj kod witryny i przywróć ją ponownie; nic nie "
            "zostało zmienione."
        )


def media_names(manifest):
    return [name[len(MEDIA) :] for name in manifest["members"] if name.startswith(MEDIA)]


# Restoring.


def restore(path, force=False, safety_output=None, storage=default_storage):
    """Bring back the database and the files of an archive; the safety backup's path or None."""
    manifest = verified_manifest(path)
    check_migrations_known(manifest, path)
    params = connection.settings_dict
    name = params["NAME"]
    pg_restore = checked_tool("pg_restore", server_major(params))
    connection.close()
    try:
        has_tables = database_has_tables(params, name)
    except psycopg.Error as error:
        raise BackupError(
            f"Nie można sprawdzić bazy danych {name} ({first_line(error).rstrip('. ')}): sprawdź "
            "DATABASE_URL i uprawnienia użytkownika; nic nie zostało zmienione."
        ) from None
    has_files = bool(listed(storage, ""))
    if has_tables and not force:
        raise BackupError(
            f"Baza danych {name} ma już dane: przywracam tylko do nowej, pustej bazy; dodaj "
            "--force, aby ją zastąpić (najpierw zapiszę kopię bezpieczeństwa); nic nie zostało "
            "zmienione."
        )
    if has_files and not force:
        raise BackupError(
            "Folder plików (MEDIA_ROOT albo magazyn plików) nie jest pusty: przywracam tylko do "
            "pustego; dodaj --force, aby go zastąpić (najpierw zapiszę kopię bezpieczeństwa); "
            "nic nie zostało zmienione."
        )
    safety = None
    if has_tables or has_files:
        safety = Path(
            safety_output
            or Path(path).absolute().parent / default_name("cus-backup-before-restore")
        )
        write_backup(safety, storage)
        connection.close()
    restore_everything(path, manifest, params, pg_restore, storage, safety)
    after_restore()
    return safety


def restore_everything(path, manifest, params, pg_restore, storage, safety):
    name = params["NAME"]
    staging = f"{name}__restoring"
    with tempfile.TemporaryDirectory(prefix="cus-restore-") as work:
        try:
            with tarfile.open(path, "r:") as archive:
                archive.extract(DUMP, work, filter="data")
                create_database(params, staging)
                command = [pg_restore, "--no-owner", "--no-acl", "--single-transaction"]
                run_tool(
                    [*command, "--exit-on-error", "--dbname", staging, Path(work) / DUMP],
                    params,
                    staging,
                )
                put_files(archive, manifest, storage, safety)
        except (OSError, BackupError, psycopg.Error) as error:
            drop_database(params, staging)
            undo = f" Przywróć kopię bezpieczeństwa {safety}." if safety else ""
            raise BackupError(
                f"Przywracanie przerwane, baza danych nie została zmieniona: {reason(error)}."
                + undo
            ) from None
    take_name(params, staging, name)
    remove_stale_files(manifest, storage)


def reason(error):
    if isinstance(error, OSError) and error.errno in DISK_FULL:
        return "brak miejsca na dysku"
    if isinstance(error, psycopg.Error):
        return first_line(error).rstrip(". ")
    return (getattr(error, "strerror", None) or str(error)).rstrip(". ")


def put_files(archive, manifest, storage, safety):
    written = []
    try:
        for name in media_names(manifest):
            if storage.exists(name):
                storage.delete(name)
            with archive.extractfile(MEDIA + name) as content:
                saved = storage.save(name, File(content, name=name))
            written.append(saved)
            if saved != name:
                raise BackupError(f"plik {name} zapisał się jako {saved}")
    except BaseException:
        if safety is None:
            for saved in written:
                storage.delete(saved)
        raise


def remove_stale_files(manifest, storage):
    """With --force: files of the replaced site that the archive does not have."""
    kept = set(media_names(manifest))
    stale = [name for name in listed(storage, "") if name not in kept]
    for name in stale:
        storage.delete(name)
    forget_renditions(name for name in stale if f"/{RENDITIONS}/" in f"/{name}")
