"""Running the import again: nothing twice, newer items updated, editors' work kept; one
transaction per file; --dry-run."""

import datetime

import pytest
from django.core.management.base import CommandError

from news.models import Category, Post, PostImage
from search.models import SearchEntry
from wordpress import posts
from wordpress.models import ImportRecord

from .conftest import media_files
from .wxr import attachment, category, export, item

pytestmark = pytest.mark.django_db


def first_export():
    return export(
        category(2, "wydarzenia", "Wydarzenia"),
        attachment(20, "2023/09/piknik.jpg", alt="Seniorzy przy stole"),
        item(1, "Piknik", "Było wesoło.", categories=[("wydarzenia", "Wydarzenia")],
             meta={"_thumbnail_id": "20"}),
        item(2, "Warsztaty", "Zapisy trwają."),
    )  # fmt: skip


def snapshot():
    return {
        "posts": list(Post.objects.values().order_by("pk")),
        "categories": list(Category.objects.values().order_by("pk")),
        "photos": list(PostImage.objects.values().order_by("pk")),
        "records": list(ImportRecord.objects.values("pk", "source_hash", "row_hash", "updated_at")),
    }


def test_second_run_with_the_same_file_creates_and_changes_nothing(import_wxr, uploads, media_root):
    import_wxr(first_export(), uploads=uploads)
    before, files = snapshot(), media_files(media_root)
    result = import_wxr(first_export(), uploads=uploads)
    assert snapshot() == before
    assert media_files(media_root) == files
    assert "wpisy: utworzone 0, zaktualizowane 0, bez zmian 2" in result.output
    assert "kategorie: utworzone 0, zaktualizowane 0, bez zmian 1" in result.output


def test_newer_export_adds_new_items_and_updates_untouched_ones(import_wxr, uploads):
    import_wxr(first_export(), uploads=uploads)
    newer = export(
        category(2, "wydarzenia", "Wydarzenia"),
        attachment(20, "2023/09/piknik.jpg", alt="Seniorzy przy stole"),
        item(1, "Piknik rodzinny", "Było bardzo wesoło.", categories=[("wydarzenia", "W")],
             meta={"_thumbnail_id": "20"}),
        item(2, "Warsztaty", "Zapisy trwają."),
        item(3, "Nowy wpis", "Nowość."),
    )  # fmt: skip
    result = import_wxr(newer, uploads=uploads)
    assert "wpisy: utworzone 1, zaktualizowane 1, bez zmian 1" in result.output
    updated = Post.objects.get(title="Piknik rodzinny")
    assert updated.body == "<p>Było bardzo wesoło.</p>"
    assert updated.slug == "wpis-1"  # the address stays
    assert updated.cover and Post.objects.count() == 3
    indexed = SearchEntry.objects.get(object_id=updated.pk, language="pl")
    assert "bardzo wesoło" in indexed.text


def test_a_post_edited_here_is_listed_not_overwritten(import_wxr):
    import_wxr(first_export())
    post = Post.objects.get(title="Warsztaty")
    post.lead = "Poprawione przez redakcję."
    post.save()
    newer = first_export().replace("Zapisy trwają.", "Zapisy zakończone.")
    result = import_wxr(newer)
    post.refresh_from_db()
    assert post.lead == "Poprawione przez redakcję."
    assert post.body == "<p>Zapisy trwają.</p>"
    assert "Zmienione tutaj, nie nadpisane" in result.report
    assert f"/admin/news/post/{post.pk}/change/" in result.report


def test_a_post_deleted_here_stays_deleted(import_wxr):
    import_wxr(first_export())
    Post.objects.get(title="Warsztaty").delete()
    result = import_wxr(first_export().replace("Zapisy trwają.", "Zmiana w WordPressie."))
    assert not Post.objects.filter(title="Warsztaty").exists()
    record = ImportRecord.objects.get(kind="post", wp_id=2)
    assert record.is_tombstone
    assert "usunięte tutaj: 1" in result.output


def test_dry_run_reports_the_same_and_writes_nothing(import_wxr, uploads, media_root):
    trial = import_wxr(first_export(), "--dry-run", uploads=uploads)
    assert not Post.objects.exists() and not ImportRecord.objects.exists()
    assert media_files(media_root) == []
    assert "PRÓBA (--dry-run)" in trial.report
    real = import_wxr(first_export(), uploads=uploads)
    assert trial.output.replace("Próba (--dry-run): nic nie zostało zapisane.\n", "").replace(
        trial.output.rsplit("Raport: ", 1)[1], ""
    ) == real.output.replace(real.output.rsplit("Raport: ", 1)[1], "")


def test_a_fatal_error_midway_leaves_nothing_of_the_run(
    import_wxr, uploads, media_root, monkeypatch
):
    original = posts.import_post

    def fail_on_second(run, wp_item):
        if wp_item.wp_id == 2:
            raise OSError(28, "No space left on device")
        original(run, wp_item)

    monkeypatch.setattr("wordpress.importer.import_post", fail_on_second)
    with pytest.raises(CommandError, match="nic nie zostało zapisane"):
        import_wxr(first_export(), uploads=uploads)
    assert not Post.objects.exists() and not Category.objects.exists()
    assert not ImportRecord.objects.exists()
    assert media_files(media_root) == []


def test_the_demo_post_of_the_same_item_is_completed_not_duplicated(import_wxr):
    demo = Post.objects.create(
        title="Warsztaty",
        slug="warsztaty",
        lead="Zajawka ze starej strony.",
        status=Post.Status.PUBLISHED,
        published_at=datetime.datetime(2023, 9, 12, 10, 0, tzinfo=datetime.UTC),
    )
    import_wxr(export(item(2, "Warsztaty", "Zapisy trwają.", name="warsztaty")))
    assert list(Post.objects.values_list("pk", "slug", "body")) == [
        (demo.pk, "warsztaty", "<p>Zapisy trwają.</p>")
    ]
