"""Where uploads live: the local folder, or S3-compatible object storage when it is configured.

The rule: with `S3_BUCKET` set, every upload (photos, their renditions, documents, recordings,
captions) is an object in that bucket through django-storages, under the same names as on a
disk (`public/…`, `private/…`, see `cus_site.media`), so several app servers share them and
none keeps a file of its own. Without it, `MEDIA_ROOT` on the local disk stays the default.
A half-given configuration stops the start with one sentence naming what is missing.

- Public: no object is public by itself (no ACL is sent; buckets with ACLs switched off, as
  AWS makes them now, and MinIO, which has none, take the same requests). The bucket's policy
  lets anyone read `public/*` and nothing else (`bucket_policy`, `manage.py
  storage_policy`); moving a file between visibilities is a copy and a delete, so the policy
  follows the name. Pages link to `MEDIA_PUBLIC_URL` (the bucket's public address or a CDN in
  front of it), never to a signed, expiring URL that a cached page would keep after it expired.
- Private: served to staff by `cus_site.media.private_file`, which streams the object.
- Nothing is overwritten: names are unguessable and the backend would rename a clash.
- No request while a page renders: an address is computed, never asked for, and the renditions
  are made when a photo is saved (imagekit's Optimistic strategy instead of JustInTime, which
  would ask the storage whether each rendition exists).
- Unreachable or refusing storage (wrong key, no bucket, timeout): an upload gets
  `UNAVAILABLE_MESSAGE` and nothing of the row is saved; pages do not notice.
"""

import json
from functools import cached_property

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from storages.backends.s3 import S3Storage

from cus_site.media import PUBLIC, VisibilityUrlsMixin

UNAVAILABLE_MESSAGE = _(
    "Nie udało się zapisać pliku: magazyn plików jest teraz niedostępny. Nic nie zostało "
    "zapisane. Spróbuj ponownie za kilka minut, a jeśli błąd się powtarza, powiadom "
    "administratora strony."
)


class StorageUnavailable(Exception):
    """The object storage did not take or give a file (unreachable, refusing, timed out)."""


def bucket_policy(bucket):
    """The one policy that makes `public/` readable by anyone and nothing else."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicFilesOfTheSite",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{bucket}/{PUBLIC}/*",
                }
            ],
        },
        indent=2,
    )


# A refusing or absent storage should answer an editor within seconds, not minutes: short
# timeouts (the read timeout is per read of the socket, so large uploads still go through) and
# one retry. botocore's defaults are 60 s each and up to 5 attempts.
CLIENT_CONFIG = Config(
    connect_timeout=3, read_timeout=10, retries={"total_max_attempts": 2, "mode": "standard"}
)
# The check before an upload asks once, and gives up sooner still: a storage that does not
# answer a HEAD of the bucket in 3 seconds will not take a photo either.
PROBE_CONFIG = Config(connect_timeout=2, read_timeout=3, retries={"total_max_attempts": 1})


class ObjectStorage(VisibilityUrlsMixin, S3Storage):
    """The bucket, with public files at MEDIA_PUBLIC_URL and private ones through the staff
    view. Failures of the service come out as StorageUnavailable."""

    def __init__(self, **settings):
        settings.setdefault("client_config", CLIENT_CONFIG)
        super().__init__(**settings)

    def save(self, name, content, max_length=None):
        try:
            return super().save(name, content, max_length)
        except (BotoCoreError, ClientError) as error:
            raise StorageUnavailable(str(error)) from error

    @cached_property
    def probe(self):
        """A client of its own for check_writable, with PROBE_CONFIG's shorter patience."""
        return self._create_session().client(
            "s3",
            region_name=self.region_name,
            use_ssl=self.use_ssl,
            endpoint_url=self.endpoint_url,
            config=self.client_config.merge(PROBE_CONFIG),
            verify=self.verify,
        )

    def check_writable(self):
        """Raise StorageUnavailable unless the bucket is there and these keys reach it."""
        try:
            self.probe.head_bucket(Bucket=self.bucket_name)
        except (BotoCoreError, ClientError) as error:
            raise StorageUnavailable(str(error)) from error

    def stream(self, name):
        """The object's content in chunks, without reading it whole first."""
        body = self.bucket.Object(self._normalize_name(name)).get()["Body"]
        return body.iter_chunks(64 * 1024)


def ensure_storage_takes_uploads():
    """Before a form takes an upload: a form error, not a failed save, when the object storage
    does not answer, so the editor keeps everything typed in the form. A local disk always
    answers."""
    if not hasattr(default_storage, "check_writable"):
        return
    try:
        default_storage.check_writable()
    except StorageUnavailable:
        raise ValidationError(UNAVAILABLE_MESSAGE, code="storage_unavailable") from None


def storage_takes_uploads(file):
    """The same check as a model validator, for file fields whose form field is Django's own
    (recordings, captions): only a new upload is checked."""
    if not getattr(file, "_committed", True):
        ensure_storage_takes_uploads()
