"""Posts, categories, statuses, dates, slugs and titles from the export."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from news.models import Category, Post
from tests.factories import ProgrammeFactory
from wordpress.models import ImportRecord

from .wxr import category, export, item, tag

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("host", "version", "trailing_slash"),
    [
        ("wordpress.org", "1.2", True),
        ("wordpress.com", "1.2", True),
        ("wordpress.org", "1.1", True),
        ("wordpress.org", "1.0", True),
        ("wordpress.com", "1.1", False),
    ],
)
def test_both_namespace_forms_and_every_version_import_the_post(
    import_wxr, host, version, trailing_slash
):
    xml = export(
        item(7, "Dzień Seniora", "Spotkanie w klubie.", excerpt="Zapraszamy seniorów."),
        version=version,
        host=host,
        trailing_slash=trailing_slash,
    )
    import_wxr(xml)
    post = Post.objects.get()
    assert post.title == "Dzień Seniora"
    assert post.lead == "Zapraszamy seniorów."
    assert post.body == "<p>Spotkanie w klubie.</p>"
    assert ImportRecord.objects.get(kind="post").wp_id == 7


@time_machine.travel(datetime.datetime(2024, 1, 1, 12, tzinfo=UTC), tick=False)
def test_each_status_maps_to_ours_and_only_published_ones_are_public(import_wxr, client):
    xml = export(
        item(1, "Opublikowany", "a", name="opublikowany"),
        item(2, "Zaplanowany", "a", name="zaplanowany", status="future",
             date="2024-02-01 09:00:00", date_gmt="2024-02-01 08:00:00"),
        item(3, "Szkic", "a", name="szkic", status="draft"),
        item(4, "Oczekujący", "a", name="oczekujacy", status="pending"),
        item(5, "Prywatny", "a", name="prywatny", status="private"),
        item(6, "Z hasłem", "a", name="z-haslem", password="tajne"),
        item(8, "W koszu", "a", name="w-koszu", status="trash"),
    )  # fmt: skip
    result = import_wxr(xml)
    statuses = dict(Post.objects.values_list("slug", "status"))
    assert statuses == {
        "opublikowany": "published",
        "zaplanowany": "published",
        "szkic": "draft",
        "oczekujacy": "draft",
        "prywatny": "draft",
        "z-haslem": "draft",
    }
    assert list(Post.objects.published().values_list("slug", flat=True)) == ["opublikowany"]
    assert client.get("/aktualnosci/z-haslem/").status_code == 404
    assert "w koszu: 1" in result.report
    with time_machine.travel(datetime.datetime(2024, 2, 1, 8, 1, tzinfo=UTC)):
        assert client.get("/aktualnosci/zaplanowany/").status_code == 200


def test_dates_come_from_gmt_or_from_warsaw_time_when_gmt_is_empty(import_wxr):
    xml = export(
        item(1, "GMT", name="gmt", date="2023-07-01 14:30:00", date_gmt="2023-07-01 12:30:00"),
        item(2, "Lokalny", name="lokalny", status="draft",
             date="2023-07-01 14:30:00", date_gmt="0000-00-00 00:00:00"),
        item(3, "Zima", name="zima", date="2023-12-01 09:00:00", date_gmt=""),
    )  # fmt: skip
    import_wxr(xml)
    dates = dict(Post.objects.values_list("slug", "published_at"))
    assert dates["gmt"] == datetime.datetime(2023, 7, 1, 12, 30, tzinfo=UTC)
    assert dates["lokalny"] == datetime.datetime(2023, 7, 1, 12, 30, tzinfo=UTC)  # CEST +2
    assert dates["zima"] == datetime.datetime(2023, 12, 1, 8, 0, tzinfo=UTC)  # CET +1


def test_slugs_are_decoded_transliterated_and_numbered(import_wxr):
    xml = export(
        item(1, "Zażółć gęślą jaźń", name="za%c5%bc%c3%b3%c5%82%c4%87-g%c4%99%c5%9bl%c4%85"),
        item(2, "Νέα από την Ελλάδα", name="%ce%bd%ce%ad%ce%b1-%ce%b1%cf%80%cf%8c"),
        item(3, "Свято 🎉 у Тарнові", name=""),
        item(4, "🎉🎈", name="", date="2023-05-04 10:00:00", date_gmt="2023-05-04 08:00:00"),
        item(5, "Inny wpis", name="zazolc-gesla"),
        item(6, "Kanał", name="rss"),
        item(7, "Rok", name="2023"),
        item(8, "", name="", date="2022-03-02 10:00:00", date_gmt="2022-03-02 09:00:00"),
    )
    import_wxr(xml)
    slugs = dict(ImportRecord.objects.filter(kind="post").values_list("wp_id", "object_id"))
    slug_of = {wp_id: Post.objects.get(pk=pk).slug for wp_id, pk in slugs.items()}
    assert slug_of == {
        1: "zazolc-gesla",
        2: "nea-apo",
        3: "svyato-u-tarnovi",
        4: "wpis-2023-05-04-4",
        5: "zazolc-gesla-2",
        6: "rss-wpis",
        7: "2023-wpis",
        8: "wpis-2022-03-02-8",
    }
    assert Post.objects.get(slug="wpis-2022-03-02-8").title == "Wpis z 2 marca 2022"
    assert Post.objects.get(slug="svyato-u-tarnovi").title == "Свято 🎉 у Тарнові"


def test_titles_with_entities_and_html_become_plain_text(import_wxr):
    xml = export(item(1, "Tom &amp; Jerry w <em>CUS</em> &#8211; „bajki”&nbsp;dla dzieci"))
    import_wxr(xml)
    assert Post.objects.get().title == "Tom & Jerry w CUS – „bajki” dla dzieci"


def test_categories_are_imported_tags_and_the_default_category_are_not(import_wxr):
    xml = export(
        category(2, "wydarzenia", "Wydarzenia"),
        category(3, "dla-senior%c3%b3w", "Dla seniorów", parent="wydarzenia"),
        category(1, "bez-kategorii", "Bez kategorii"),
        tag(9, "piknik", "piknik"),
        item(1, "Piknik", categories=[("wydarzenia", "Wydarzenia"), ("bez-kategorii", "Bez")],
             tags=[("piknik", "piknik")]),
        item(2, "Senior", categories=[("dla-senior%c3%b3w", "Dla seniorów")]),
    )  # fmt: skip
    result = import_wxr(xml)
    assert dict(Category.objects.values_list("slug", "name")) == {
        "wydarzenia": "Wydarzenia",
        "dla-seniorow": "Dla seniorów",
    }
    assert list(Post.objects.get(title="Piknik").categories.values_list("slug", flat=True)) == [
        "wydarzenia"
    ]
    assert "tagi (z założenia, zob. README): 1" in result.report


def test_the_osl_programme_keeps_its_category_and_lists_the_imported_posts(import_wxr, client):
    ours = Category.objects.create(
        name="Organizowanie społeczności lokalnej", slug="organizowanie-spolecznosci-lokalnej"
    )
    programme = ProgrammeFactory(news_category=ours)
    xml = export(
        category(5, "osl", "Organizowanie Społeczności Lokalnej"),
        item(1, "Spotkanie sąsiedzkie", "Treść.", categories=[("osl", "OSL")]),
    )
    import_wxr(xml)
    assert Category.objects.count() == 1
    assert list(Post.objects.get().categories.all()) == [ours]
    page = client.get(programme.get_absolute_url())
    assert "Spotkanie sąsiedzkie" in page.content.decode()


def test_menus_comments_revisions_and_custom_types_are_skipped_and_counted(import_wxr):
    xml = export(
        item(1, "Wpis", "Treść", comments=2),
        item(2, "Menu", post_type="nav_menu_item"),
        item(3, "Wersja", post_type="revision", status="inherit"),
        item(4, "Produkt", post_type="product"),
    )
    result = import_wxr(xml)
    assert Post.objects.count() == 1
    assert "komentarze: 2" in result.report
    assert "pozycje menu: 1" in result.report
    assert "wersje robocze WordPressa (revision): 1" in result.report
    assert "inne typy treści (product): 1" in result.report


@time_machine.travel(datetime.datetime(2024, 1, 1, 12, tzinfo=UTC), tick=False)
def test_a_post_without_any_date_is_dated_now_with_a_warning(import_wxr):
    import_wxr(export(item(1, "Bez daty", date="", date_gmt="")))
    assert Post.objects.get().published_at == timezone.now()
