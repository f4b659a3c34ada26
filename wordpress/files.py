"""Every file of the old site fetched and checked once, per run and across runs (an import record
per file, keyed by its old address), and kept as a private staged copy (`private/wordpress/…`).
Each use of it (a post's cover, a gallery photo, a page's document) gets a copy of its own,
private until its row is public: `cus_site.media` moves a copy with its row's visibility, so
rows that shared one old file never hide or show each other's. A file that could not be had is
not asked for twice in a run."""

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from cus_site import media

from .media import BadFile, MissingFile
from .models import ImportRecord
from .wxr import stop

STAGED = f"{media.PRIVATE}/wordpress/"


def public_name(name):
    """The name a use's copy has once its row is public: only its visibility changes, so the
    redirect from the old address and the links in bodies are known before that."""
    return media.with_visibility(name, media.PUBLIC)


@dataclass(frozen=True)
class Rules:
    """How a kind of file is checked (`cus_site.images` or `cus_site.documents`'s
    `cleaned_upload`) and which line of the summary counts it."""

    cleaned_upload: object
    kind: str


class Files:
    def __init__(self, run):
        self.run = run
        self.names = {}  # old path → stored name
        self.problems = {}  # old path → why it could not be had
        self.addressed = set()  # old paths whose redirect is made (to their first use)

    def stored(self, url, in_uploads, folder, item, rules):
        """The name of a new copy, for one use, of the file at an old address, fetched, checked
        and staged unless this or an earlier run did already; None, with a warning, if it
        cannot be. `in_uploads` is the path WordPress recorded under wp-content/uploads."""
        path = urlsplit(url).path
        if path in self.problems:
            self.run.report.warn(item, self.problems[path])
            return None
        if path not in self.names:
            record = self.run.records.get(ImportRecord.Kind.FILE, path)
            name = record.details.get("name") if record else None
            if name and default_storage.exists(name):
                self.run.report.count(rules.kind, "unchanged")
            else:
                name = self._store(url, in_uploads, folder, item, rules)
            if name is None:
                return None
            self.names[path] = name
        copy = self._copy(self.names[path], folder)
        if path not in self.addressed:
            self.addressed.add(path)
            self.run.addresses.file(url, public_name(copy), self.run.export.attachment_at(path))
        return copy

    def _copy(self, staged, folder):
        with default_storage.open(staged) as source:
            target = f"{media.PRIVATE}/{folder}{media.unguessable_name(PurePosixPath(staged).name)}"
            name = default_storage.save(target, ContentFile(source.read()))
        self.run.stored.add(name)
        return name

    def _store(self, url, in_uploads, folder, item, rules):
        path = urlsplit(url).path
        file_name = PurePosixPath(path).name
        try:
            content = self.run.media.fetch(url, in_uploads)
            upload = rules.cleaned_upload(SimpleUploadedFile(file_name, content))
        except MissingFile as problem:
            return self._problem(path, item, str(problem))
        except BadFile as problem:
            raise stop(item, f"{problem}, i uruchom import ponownie") from None
        except ValidationError as error:
            reason = " ".join(error.messages)
            return self._problem(path, item, f"Plik {file_name} pominięto: {reason}")
        upload.seek(0)
        name = default_storage.save(f"{STAGED}{folder}{upload.name}", ContentFile(upload.read()))
        self.run.stored.add(name)
        self.run.report.count(rules.kind, "created")
        self.run.records.save_file(path, name)
        return name

    def _problem(self, path, item, message):
        self.problems[path] = message
        self.run.report.warn(item, message)
        return None
