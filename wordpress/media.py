"""The export's uploaded files: found in a copy of `wp-content/uploads`, or downloaded.

The rules:

- With `--uploads DIR`, a file is looked up by the path in its address after
  `/wp-content/uploads/` (WordPress.com's addresses have the path right after the host). A path
  with `..`, a NUL or a backslash, or one that leads out of DIR, is refused and nothing is read.
- Without it, the file is downloaded from the old site only (the hosts the export names for
  itself: a post cannot make the import fetch from anywhere else), over http or https, within
  TIMEOUT seconds and at most MAX_BYTES, following at most a few redirects on those hosts.
- A missing or unreachable file is a MissingFile with a Polish sentence: the report lists it
  and the import goes on; a missing file never stops it.
- A file that is not what the export says it is, is a BadFile, which stops the import (nothing
  of the run stays): an HTML page where an image or document should be (a server's error page,
  a login wall, a damaged copy of the uploads folder), or a path with `..` (an export that
  tries to read outside the uploads). Both mean the source needs looking at before importing.
"""

import urllib.error
import urllib.request
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files.storage import default_storage

from cus_site import images

TIMEOUT = 15
MAX_BYTES = images.MAX_BYTES
UPLOADS_MARKER = "/wp-content/uploads/"
HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")


class MissingFile(Exception):
    """A file the export uses that cannot be had; the message says why."""


class BadFile(Exception):
    """A file that is not what the export says; the message says why."""


def relative_path(url):
    """The file's path inside `wp-content/uploads`, decoded, or MissingFile if it is unsafe."""
    path = unquote(urlsplit(url).path)
    if UPLOADS_MARKER in path:
        path = path.split(UPLOADS_MARKER, 1)[1]
    parts = PurePosixPath(path.lstrip("/")).parts
    if not parts or ".." in parts or "\x00" in path or "\\" in path:
        raise BadFile(
            f"adres pliku {url} zawiera „..” albo niedozwolone znaki, więc mógłby prowadzić "
            "poza folder z mediami; popraw ten załącznik w WordPressie"
        )
    return PurePosixPath(*parts)


def _looks_like_html(content):
    return content[:512].lstrip().lower().startswith(HTML_STARTS)


class OwnHostsRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 3

    def __init__(self, hosts):
        self.hosts = hosts

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).hostname not in self.hosts:
            raise MissingFile(f"{req.full_url} przekierowuje do innej witryny ({newurl}).")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Media:
    """Gets the bytes of the export's files, from `uploads` or from the old site's `hosts`."""

    def __init__(self, uploads=None, hosts=(), timeout=TIMEOUT, max_bytes=MAX_BYTES):
        self.uploads = Path(uploads).resolve() if uploads else None
        self.hosts = {host for host in hosts if host}
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.opener = urllib.request.build_opener(OwnHostsRedirects(self.hosts))

    def fetch(self, url, in_uploads=""):
        """The file's bytes; `in_uploads` is its path under wp-content/uploads if known."""
        if self.uploads:
            content = self._from_uploads(f"{UPLOADS_MARKER}{in_uploads}" if in_uploads else url)
        else:
            content = self._download(url)
        if _looks_like_html(content):
            raise BadFile(
                f"pod adresem {url} jest strona HTML, a nie plik (np. strona błędu serwera "
                "albo uszkodzona kopia folderu uploads); sprawdź ten plik"
            )
        return content

    def _from_uploads(self, url):
        relative = relative_path(url)
        path = (self.uploads / relative).resolve()
        if not path.is_relative_to(self.uploads):
            raise BadFile(f"plik {relative} prowadzi poza folder --uploads")
        if not path.is_file():
            raise MissingFile(f"Brak pliku {relative} w folderze --uploads ({self.uploads}).")
        if path.stat().st_size > self.max_bytes:
            raise MissingFile(f"Plik {relative} ma ponad {self.max_bytes // 1024**2} MB.")
        return path.read_bytes()

    def _download(self, url):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.hostname not in self.hosts:
            raise MissingFile(
                f"Plik {url} jest poza starą witryną ({', '.join(sorted(self.hosts))}): "
                "import pobiera pliki tylko z niej."
            )
        relative_path(url)
        try:
            with self.opener.open(url, timeout=self.timeout) as response:
                content = response.read(self.max_bytes + 1)
        except MissingFile:
            raise
        except urllib.error.HTTPError as error:
            raise MissingFile(
                f"Nie udało się pobrać {url}: serwer odpowiedział {error.code}."
            ) from None
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            raise MissingFile(f"Nie udało się pobrać {url}: {reason}.") from None
        if len(content) > self.max_bytes:
            raise MissingFile(f"Plik {url} ma ponad {self.max_bytes // 1024**2} MB.")
        return content


class StoredFiles:
    """The files one run put into storage, so a failed or trial run can take them away."""

    def __init__(self):
        self.names = []

    def add(self, name):
        self.names.append(name)

    def delete_all(self):
        for name in reversed(self.names):
            default_storage.delete(name)
        self.names.clear()
