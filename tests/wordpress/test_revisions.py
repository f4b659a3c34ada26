"""The import keeps versions like an editor's save: what WordPress gave can be restored."""

import pytest
from reversion.models import Revision, Version

from news.models import Post

from .wxr import export, item

pytestmark = pytest.mark.django_db


def test_import_records_one_revision_with_its_file_named(import_wxr):
    import_wxr(export(item(1, "Piknik", "Było wesoło."), item(2, "Warsztaty", "Zapisy trwają.")))

    revision = Revision.objects.get()
    assert revision.comment.startswith("Import z WordPressa (")
    assert revision.comment.endswith("eksport-1.xml)")
    assert Version.objects.get_for_model(Post).filter(revision=revision).count() == 2


def test_a_dry_run_keeps_no_revision(import_wxr):
    import_wxr(export(item(1, "Piknik", "Było wesoło.")), "--dry-run")

    assert not Revision.objects.exists()
