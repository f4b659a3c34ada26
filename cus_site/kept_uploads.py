"""A file an editor chose survives a form that comes back with errors.

A browser never sends a chosen file twice: when a form with an upload fails validation (the alt
text forgotten, a slug taken), the page it comes back on has an empty file field, and the next
save, which succeeds, silently saves no file. So every upload that reaches an admin form is kept
on the server for a day, and the form's file field says "Wybrany plik: …" and carries a signed
token for it in a hidden field; when the next submission brings no new file, the kept one is
used. The token is signed, so nobody can make the form pick up another file of the server.
"""

import secrets
import tempfile
import time
from pathlib import Path

from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

FOLDER = Path(tempfile.gettempdir()) / "cus-kept-uploads"
LIFETIME = 24 * 3600
SALT = "cus_site.kept_uploads"


def keep(upload):
    """Store an upload for later; returns the token that brings it back."""
    FOLDER.mkdir(mode=0o700, exist_ok=True)
    forget_old()
    key = secrets.token_hex(16)
    upload.seek(0)
    (FOLDER / key).write_bytes(upload.read())
    upload.seek(0)
    content_type = getattr(upload, "content_type", None) or "application/octet-stream"
    return signing.dumps({"key": key, "name": upload.name, "type": content_type}, salt=SALT)


def restore(token):
    """The upload a token stands for, or None when it is forged, expired or gone."""
    try:
        kept = signing.loads(token, salt=SALT, max_age=LIFETIME)
        content = (FOLDER / kept["key"]).read_bytes()
    except (signing.BadSignature, KeyError, TypeError, OSError):
        return None
    return SimpleUploadedFile(kept["name"], content, kept["type"])


def forget_old():
    limit = time.time() - LIFETIME
    for path in FOLDER.iterdir():
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


class KeptFileInput(AdminFileWidget):
    """The admin's file field, which keeps a chosen file across a form with errors."""

    kept = None  # (token, file name) of the upload this field holds

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        if isinstance(upload, UploadedFile):
            if self.kept is None or self.kept[1] != upload.name:
                self.kept = (keep(upload), upload.name)
            return upload
        token = data.get(self.token_name(name))
        if upload is None and token and (restored := restore(token)):
            self.kept = (token, restored.name)
            return restored
        return upload

    @staticmethod
    def token_name(name):
        return f"{name}-kept"

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if self.kept is None:
            return html
        token, file_name = self.kept
        return format_html(
            '{}<p class="cus-kept-file">{}</p><input type="hidden" name="{}" value="{}">',
            html,
            _("Wybrany plik: %(name)s – zostanie zapisany razem z formularzem.")
            % {"name": file_name},
            self.token_name(name),
            token,
        )


class KeptUploadsMixin:
    """For a ModelAdmin or an inline: every file field keeps its chosen file (KeptFileInput)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.FileField):
            kwargs.setdefault("widget", KeptFileInput)
        return super().formfield_for_dbfield(db_field, request, **kwargs)
