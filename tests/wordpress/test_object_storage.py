"""The WordPress import when the uploads are objects in S3-compatible storage (moto's server):
photos from a local uploads folder become objects in the bucket, pages point at
MEDIA_PUBLIC_URL, and a dry run leaves no object behind."""

import io
import os
import re
import urllib.request

import pytest
from django.conf import settings
from PIL import Image

from news.models import Post, PostImage

from .test_media import piknik_export

pytestmark = pytest.mark.django_db


def test_imported_photos_are_objects_in_the_bucket_shown_from_its_public_address(
    import_wxr, uploads, object_storage, client
):
    import_wxr(piknik_export(), "--photos-consented", uploads=uploads)
    post = Post.objects.get()
    photo = PostImage.objects.get()
    keys = object_storage.keys()
    assert post.cover.name in keys and photo.image.name in keys
    assert post.cover.name.startswith("public/aktualnosci/")
    stored = Image.open(io.BytesIO(object_storage.read(post.cover.name)))
    assert not stored.getexif(), "the GPS of the phone photo is gone"
    assert any(key.startswith("public/CACHE/aktualnosci/") for key in keys)
    assert not os.path.exists(settings.MEDIA_ROOT), "nothing went to the local folder"

    page = client.get(post.get_absolute_url()).content.decode()
    assert 'alt="Seniorzy przy stole w ogrodzie"' in page
    assert 'alt="Plakat z programem pikniku"' in page
    sources = re.findall(r'<img src="([^"]+)"', page)
    assert sources
    for source in sources:
        assert source.startswith(f"{object_storage.public_url}/public/CACHE/"), source
    with urllib.request.urlopen(sources[0], timeout=5) as served:
        assert served.read() == object_storage.read(
            sources[0][len(object_storage.public_url) + 1 :]
        )


def test_a_dry_run_leaves_no_object_in_the_bucket(import_wxr, uploads, object_storage):
    trial = import_wxr(piknik_export(), "--dry-run", "--photos-consented", uploads=uploads)
    assert "PRÓBA (--dry-run)" in trial.report
    assert not Post.objects.exists()
    assert object_storage.keys() == []
    assert not os.path.exists(settings.MEDIA_ROOT)
