"""manage.py backup and restore when the uploads are objects in S3-compatible storage (moto's
server): the backup reads every object through the site's storage, the restore writes them back
into another, empty bucket, and the restored site shows its photos from there."""

import hashlib
import json
import os
import re
import subprocess
import sys
import urllib.request

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from cus_site import images
from tests.cus_site.test_backup import (
    SCRIPT_RENDERING_PAGES,
    database_url,
    main_of,
    restored,  # noqa: F401 (fixture)
    table_contents,
)
from tests.factories import PostFactory, PostImageFactory
from tests.s3 import Bucket, environment, new_bucket, s3_client

pytestmark = pytest.mark.django_db(transaction=True)


def checksums(bucket):
    names = bucket.keys()
    return {name: hashlib.sha256(bucket.read(name)).hexdigest() for name in names}


def python(*args, database, bucket):
    """A manage.py-like process of another server: its own database, the given bucket."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("S3_") and name not in ("MEDIA_PUBLIC_URL", "MEDIA_ROOT")
    }
    env.update(bucket.env, DATABASE_URL=database_url(database))
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_round_trip_through_object_storage_brings_back_every_object_and_the_photos(
    object_storage,
    s3_endpoint,
    restored,  # noqa: F811
    tmp_path,
    client,
):
    post = PostFactory(with_cover=True, title_pl="Dzień otwarty w Centrum")
    photo = PostImageFactory(post=post)
    # As the admin does after saving: on object storage a page never makes renditions.
    images.make_renditions(post.cover_picture)
    images.make_renditions(photo.picture)
    default_storage.save("private/dokumenty/2025/12/losowy.bin", ContentFile(os.urandom(300_000)))
    url = post.get_absolute_url()
    assert client.get(url).status_code == 200
    before = checksums(object_storage)
    assert post.cover.name in before
    assert any(key.startswith("public/CACHE/") for key in before)
    assert "private/dokumenty/2025/12/losowy.bin" in before

    archive = tmp_path / "kopia.tar"
    call_command("backup", output=archive)

    name = new_bucket(s3_endpoint)
    target = Bucket(s3_client(s3_endpoint), name, environment(s3_endpoint, name))
    policy = python("manage.py", "storage_policy", "--apply", database=restored, bucket=target)
    assert policy.returncode == 0, policy.stderr
    finished = python("manage.py", "restore", str(archive), database=restored, bucket=target)
    assert finished.returncode == 0, finished.stderr
    assert "Przywrócono kopię" in finished.stdout

    assert checksums(target) == before
    assert table_contents(restored) == table_contents(connection.settings_dict["NAME"])

    pages = python("-c", SCRIPT_RENDERING_PAGES, url, database=restored, bucket=target)
    assert pages.returncode == 0, pages.stderr
    status, content = json.loads(pages.stdout)[url]
    assert status == 200
    assert "Dzień otwarty w Centrum" in content
    main = main_of(content)
    photo = re.search(r'<img src="([^"]+)"', main)[1]
    assert photo.startswith(f"{target.public_url}/public/CACHE/")
    # The same page as the original site's, but for the bucket's address.
    original = main_of(client.get(url).content.decode())
    assert main == original.replace(object_storage.public_url, target.public_url)
    with urllib.request.urlopen(photo, timeout=5) as served:
        assert served.read() == target.read(photo[len(target.public_url) + 1 :])
