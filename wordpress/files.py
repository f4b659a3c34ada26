"""Every file of the old site stored once: per run and across runs (an import record per file,
keyed by its old address), so the posts that used it, and the redirect from that address,
share one copy. A file that could not be had is not asked for twice in a run."""

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from .media import BadFile, MissingFile
from .models import ImportRecord
from .wxr import stop


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

    def stored(self, url, in_uploads, folder, item, rules):
        """The stored name of the file at an old address, fetched, checked and stored unless
        this or an earlier run did already; None, with a warning, if it cannot be.
        `in_uploads` is the path WordPress recorded under wp-content/uploads, if known."""
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
            self.run.addresses.file(url, name, self.run.export.attachment_at(path))
        return self.names[path]

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
        name = default_storage.save(f"{folder}{upload.name}", ContentFile(upload.read()))
        self.run.stored.add(name)
        self.run.report.count(rules.kind, "created")
        self.run.records.save_file(path, name)
        return name

    def _problem(self, path, item, message):
        self.problems[path] = message
        self.run.report.warn(item, message)
        return None
