"""Every old address answers with a 301 to its new place, through the site's redirects."""

import urllib.error
import urllib.request

import pytest
from django.core.management.base import CommandError

from cus_site import media
from news.models import Post
from pages.models import Page
from pages.redirects import Redirect

from .wxr import SITE, attachment, category, export, item, tag

pytestmark = pytest.mark.django_db

CAPTIONED = (
    '[caption id="attachment_21"]<img class="wp-image-21" '
    f'src="{SITE}/wp-content/uploads/2023/09/plakat-300x200.png" alt="">Plakat[/caption]'
)


def old_site():
    posts = [
        item(n, f"Wpis {n}", "Treść.", categories=[("wydarzenia", "Wydarzenia")],
             link=f"{SITE}/category/wydarzenia/wpis-{n}/")
        for n in range(100, 112)
    ]  # fmt: skip
    return export(
        category(2, "wydarzenia", "Wydarzenia"),
        category(3, "dla-seniorow", "Dla seniorów", parent="wydarzenia"),
        tag(9, "piknik", "piknik rodzinny"),
        attachment(20, "2023/09/piknik.jpg", alt="Seniorzy"),
        attachment(21, "2023/09/plakat.png", alt="Plakat"),
        item(1, "Piknik", CAPTIONED, name="piknik", meta={"_thumbnail_id": "20"},
             categories=[("dla-seniorow", "Dla seniorów")]),
        item(2, "Bez daty w adresie", "Treść.", name="bez-daty", link=f"{SITE}/bez-daty/"),
        item(3, "Szkic", "Treść.", name="szkic", status="draft", link=f"{SITE}/?p=3"),
        item(4, "Ukraińskі", "Treść.", name="%d0%bd%d0%be%d0%b2%d0%b8%d0%bd%d0%b8",
             link=f"{SITE}/2023/09/12/%d0%bd%d0%be%d0%b2%d0%b8%d0%bd%d0%b8/"),
        item(10, "O nas", "Treść.", post_type="page", name="o-nas-stare",
             link=f"{SITE}/o-nas-stare/"),
        *posts,
    )  # fmt: skip


@pytest.fixture
def imported(import_wxr, uploads):
    return import_wxr(old_site(), uploads=uploads)


def lands(client, old):
    response = client.get(old)
    assert response.status_code == 301, old
    return response["Location"]


def test_permalinks_of_any_structure_lead_to_the_posts(imported, client):
    assert lands(client, "/2023/09/12/piknik/") == "/aktualnosci/piknik/"
    assert lands(client, "/bez-daty/") == "/aktualnosci/bez-daty/"
    assert lands(client, "/category/wydarzenia/wpis-105/") == "/aktualnosci/wpis-105/"
    assert lands(client, "/2023/09/12/новини/") == "/aktualnosci/novini/"
    assert client.get(lands(client, "/2023/09/12/piknik/")).status_code == 200


def test_wordpress_query_addresses_are_answered_on_the_root_before_the_home_page(imported, client):
    assert lands(client, "/?p=1") == "/aktualnosci/piknik/"
    assert lands(client, "/?page_id=10") == "/o-nas-stare/"
    assert lands(client, "/?p=10") == "/o-nas-stare/"
    photo = Post.objects.get(slug="piknik").cover
    assert lands(client, "/?attachment_id=20") == public_url(photo)
    assert client.get("/?p=99999").status_code == 200  # the home page, as for any query


def public_url(field_file):
    """Where a photo is served once its post may show it (only its visibility changes)."""
    return field_file.storage.url(media.with_visibility(field_file.name, media.PUBLIC))


def test_uploads_addresses_lead_to_the_stored_files(
    imported, client, django_capture_on_commit_callbacks
):
    post = Post.objects.get(slug="piknik")
    cover, gallery_photo = post.cover, post.images.get().image
    assert lands(client, "/wp-content/uploads/2023/09/piknik.jpg") == public_url(cover)
    assert lands(client, "/wp-content/uploads/2023/09/plakat.png") == public_url(gallery_photo)
    assert lands(client, "/wp-content/uploads/2023/09/plakat-300x200.png") == (
        public_url(gallery_photo)
    )
    # Imported without consent for the people in it: hidden until an editor gives it.
    assert client.get(public_url(cover)).status_code == 404
    post.cover_consent = True
    with django_capture_on_commit_callbacks(execute=True):
        post.save()
    assert client.get(lands(client, "/wp-content/uploads/2023/09/piknik.jpg")).status_code == 200


def test_archives_feeds_and_tags_lead_to_ours(imported, client):
    assert lands(client, "/category/wydarzenia/") == "/aktualnosci/kategoria/wydarzenia/"
    assert lands(client, "/category/wydarzenia/page/2/") == (
        "/aktualnosci/kategoria/wydarzenia/?page=2"
    )
    assert lands(client, "/category/wydarzenia/dla-seniorow/") == (
        "/aktualnosci/kategoria/dla-seniorow/"
    )
    assert lands(client, "/category/dla-seniorow/feed/") == "/aktualnosci/rss/"
    assert lands(client, "/feed/") == "/aktualnosci/rss/"
    assert lands(client, "/?feed=rss2") == "/aktualnosci/rss/"
    assert lands(client, "/page/2/") == "/aktualnosci/?page=2"
    assert lands(client, "/2023/09/") == "/aktualnosci/2023/"
    assert lands(client, "/tag/piknik/") == "/szukaj/?q=piknik+rodzinny"
    assert client.get("/aktualnosci/kategoria/wydarzenia/?page=2").status_code == 200


def test_never_to_a_draft_and_unknown_addresses_stay_404(imported, client):
    assert client.get("/?p=3").status_code == 200  # no redirect: the home page
    assert not Redirect.objects.filter(old_address="/?p=3").exists()
    assert client.get("/2023/09/12/szkic/").status_code == 404
    assert client.get("/nie-bylo-takiej-strony/").status_code == 404


def test_redirects_are_real_http_301s(imported, live_server):
    class Stop(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    opener = urllib.request.build_opener(Stop)
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(f"{live_server.url}/?p=1", timeout=10)
    assert answer.value.code == 301
    assert answer.value.headers["Location"] == "/aktualnosci/piknik/"


def test_second_run_keeps_every_redirect_and_an_editors_change(import_wxr, uploads, imported):
    Redirect.objects.filter(old_address="/feed/").update(target="/aktualnosci/")
    count = Redirect.objects.count()
    result = import_wxr(old_site(), uploads=uploads)
    assert Redirect.objects.count() == count
    assert Redirect.objects.get(old_address="/feed/").target == "/aktualnosci/"
    assert "przekierowania: utworzone 0" in result.output
    assert "przekierowanie /feed/ → /aktualnosci/" in result.report


def test_a_redirect_that_would_close_a_loop_stops_the_import(import_wxr):
    Redirect.objects.create(old_address="/aktualnosci/piknik/", target="/2023/09/12/piknik/")
    with pytest.raises(CommandError) as error:
        import_wxr(export(item(1, "Piknik", "Treść.", name="piknik")))
    assert "#1 „Piknik” (wiersz" in str(error.value)
    assert "prowadziłoby z powrotem pod" in str(error.value)
    assert not Post.objects.exists()
    assert list(Redirect.objects.values_list("old_address", flat=True)) == ["/aktualnosci/piknik/"]


def test_a_page_keeps_answering_at_an_address_it_shares_with_the_old_site(import_wxr, client):
    import_wxr(export(item(10, "O nas", "Treść.", post_type="page", name="o-nas",
                           link=f"{SITE}/o-nas/")))  # fmt: skip
    assert Page.objects.get().url_path_pl == "o-nas/"
    assert not Redirect.objects.filter(old_address="/o-nas/").exists()
    assert client.get("/o-nas/").status_code == 200
