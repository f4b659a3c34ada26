"""Django's file cache, with an `add` that is atomic between processes, as Redis's is: the page
cache gives a page's turn to whichever request adds its key first (cus_site/cache.py), and
Django's own `add` (look, then write) lets two workers both win."""

import os
import tempfile

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # `has_key` removes an expired file, so that the link below can take its place.
        if self.has_key(key, version):
            return False
        self._createdir()
        descriptor, written = tempfile.mkstemp(dir=self._dir)
        try:
            with open(descriptor, "wb") as file:
                self._write_content(file, timeout, value)
            # A link is made whole or not at all, and never over a file that is there.
            os.link(written, self._key_to_file(key, version))
        except FileExistsError:
            return False
        finally:
            os.remove(written)
        return True
