"""Staff work in the admin: writing, publishing, previewing; editors may do that and no more."""

import re

import pytest

from news.models import Post, PostAttachment
from tests.factories import (
    CategoryFactory,
    PostFactory,
    PostImageFactory,
    UserFactory,
    blank_pdf,
)
from tests.news import imagefiles as files

ADD_URL = "/admin/news/post/add/"
CHANGELIST_URL = "/admin/news/post/"


def post_form(**fields):
    data = {
        f"{name}_{language}": ""
        for name in ("title", "slug", "lead", "body", "cover_alt")
        for language in ("pl", "en", "uk")
    }
    data.update(
        {
            "title_pl": "Piknik w Łękawce",
            "lead_pl": "Zapraszamy całe rodziny.",
            "status": "published",
            "published_at_0": "2025-03-01",
            "published_at_1": "12:00:00",
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
            "images-MIN_NUM_FORMS": "0",
            "images-MAX_NUM_FORMS": "1000",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
            "attachments-MIN_NUM_FORMS": "0",
            "attachments-MAX_NUM_FORMS": "1000",
        }
    )
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def errors_of(response):
    html = response.content.decode()
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S))


def test_list_shows_title_status_date_and_categories(admin_client):
    category = CategoryFactory(name_pl="Klub Senior+")
    PostFactory(title_pl="Dzień Babci", categories=[category])
    html = admin_client.get(CHANGELIST_URL).content.decode()
    for text in ("Dzień Babci", "opublikowany", "Klub Senior+", "data publikacji", "kategorie"):
        assert text in html


def test_search_and_status_filter(admin_client):
    PostFactory(title_pl="Dzień Babci")
    PostFactory(title_pl="Dzień Dziadka", status="draft")
    assert "Dzień Dziadka" not in admin_client.get(CHANGELIST_URL + "?q=Babci").content.decode()
    html = admin_client.get(CHANGELIST_URL + "?status__exact=draft").content.decode()
    assert "Dzień Dziadka" in html and "Dzień Babci" not in html


def test_empty_slug_is_made_from_the_title_on_the_server(admin_client):
    response = admin_client.post(ADD_URL, post_form())
    assert response.status_code == 302, errors_of(response)
    post = Post.objects.get()
    assert post.slug_pl == "piknik-w-lekawce"
    assert post.slug_en is None and post.slug_uk is None


def test_slug_field_is_prepopulated_from_the_title(admin_client):
    html = admin_client.get(ADD_URL).content.decode()
    prepopulated = re.search(r'data-prepopulated-fields="([^"]*)"', html)[1]
    assert "#id_slug_pl" in prepopulated
    assert "#id_title_pl" in prepopulated


def test_reserved_slug_is_a_form_error(admin_client):
    response = admin_client.post(ADD_URL, post_form(slug_pl="2024"))
    assert response.status_code == 200
    assert "jest zajęty przez listę aktualności" in errors_of(response)
    assert not Post.objects.exists()


def test_taken_slug_is_a_form_error(admin_client):
    PostFactory(slug_pl="piknik")
    response = admin_client.post(ADD_URL, post_form(slug_pl="piknik"))
    assert response.status_code == 200
    assert "Inny wpis ma już ten adres" in errors_of(response)


def test_author_is_the_editor_who_wrote_it(admin_client, admin_user):
    admin_client.post(ADD_URL, post_form())
    assert Post.objects.get().author == admin_user


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("ulotka.jpg", files.pdf, "nie jest zdjęciem w formacie JPEG, PNG ani WebP"),
        ("logo.svg", files.svg, "nie jest zdjęciem w formacie JPEG, PNG ani WebP"),
        ("urwane.jpg", files.truncated_jpeg, "uszkodzony albo niekompletny"),
        ("bomba.png", files.bomb_png, "najwyżej 40 megapikseli"),
    ],
)
def test_bad_cover_upload_is_a_form_error_not_a_500(admin_client, name, make, message):
    cover = files.upload(name, make())
    response = admin_client.post(ADD_URL, post_form(cover=cover, cover_alt_pl="Opis"))
    assert response.status_code == 200
    assert message in errors_of(response)
    assert not Post.objects.exists()


def test_cover_upload_is_stored_upright_without_gps(admin_client):
    cover = files.upload("IMG_0001.JPG", files.camera_jpeg(400, 300))
    response = admin_client.post(ADD_URL, post_form(cover=cover, cover_alt_pl="Uczestnicy"))
    assert response.status_code == 302, errors_of(response)
    post = Post.objects.get()
    assert (post.cover_width, post.cover_height) == (300, 400)
    assert post.cover.name.endswith(".jpg")
    assert b"Exif" not in post.cover.read()


def test_saving_in_the_admin_makes_the_renditions(admin_client, media_root):
    cover = files.upload("sala.jpg", files.camera_jpeg(900, 600))
    data = post_form(cover=cover, cover_alt_pl="Sala", cover_shows_people="")
    admin_client.post(ADD_URL, data)
    renditions = sorted(path.suffix for path in (media_root / "public" / "CACHE").rglob("*.*"))
    # 480 and 600 (the upright width) pixels wide, each as WebP and JPEG.
    assert renditions == [".jpg", ".jpg", ".webp", ".webp"]


def test_cover_without_alt_text_is_a_form_error_unless_decorative(admin_client):
    cover = files.upload("sala.jpg", files.camera_jpeg())
    response = admin_client.post(ADD_URL, post_form(cover=cover))
    assert "Opisz, co przedstawia zdjęcie" in errors_of(response)
    cover = files.upload("sala.jpg", files.camera_jpeg())
    response = admin_client.post(ADD_URL, post_form(cover=cover, cover_decorative="on"))
    assert response.status_code == 302, errors_of(response)


def test_gallery_photo_without_alt_text_is_a_form_error(admin_client):
    data = post_form(
        **{
            "images-TOTAL_FORMS": "1",
            "images-0-image": files.upload("sala.jpg", files.camera_jpeg()),
            "images-0-alt_pl": "",
            "images-0-shows_people": "on",
            "images-0-position": "0",
        }
    )
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "Opisz, co przedstawia zdjęcie" in errors_of(response)


def test_admin_warns_that_a_photo_without_consent_will_not_be_published(admin_client):
    data = post_form(
        **{
            "images-TOTAL_FORMS": "1",
            "images-0-image": files.upload("dzieci.jpg", files.camera_jpeg()),
            "images-0-alt_pl": "Dzieci przy choince",
            "images-0-shows_people": "on",
            "images-0-position": "0",
        }
    )
    response = admin_client.post(ADD_URL, data, follow=True)
    html = response.content.decode()
    assert "nie pojawią się na stronie: 1" in html
    assert "brak potwierdzenia zgody na publikację wizerunku" in html
    post = Post.objects.get()
    change = admin_client.get(f"/admin/news/post/{post.pk}/change/").content.decode()
    assert "nie: brak potwierdzenia zgody" in change


def test_publish_and_unpublish_actions(admin_client):
    drafts = PostFactory.create_batch(2, status="draft")
    response = admin_client.post(
        CHANGELIST_URL,
        {"action": "publish", "_selected_action": [post.pk for post in drafts]},
        follow=True,
    )
    assert "Opublikowane wpisy: 2" in response.content.decode()
    assert set(Post.objects.values_list("status", flat=True)) == {"published"}
    admin_client.post(CHANGELIST_URL, {"action": "unpublish", "_selected_action": [drafts[0].pk]})
    assert Post.objects.get(pk=drafts[0].pk).status == "draft"


def test_preview_of_a_draft_is_for_staff_only(client, admin_client, editor, db):
    draft = PostFactory(title_pl="Szkic wpisu", status="draft")
    PostImageFactory(post=draft)
    url = f"/aktualnosci/podglad/{draft.pk}/"
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    client.force_login(UserFactory(username="mieszkaniec"))
    assert client.get(url).status_code == 302
    client.force_login(editor)
    html = client.get(url).content.decode()
    assert "Podgląd – ten wpis nie jest publiczny" in html
    assert "Szkic wpisu" in html
    assert '<meta name="robots" content="noindex">' in html
    assert client.get(f"/aktualnosci/{draft.slug_pl}/").status_code == 404
    assert admin_client.get("/aktualnosci/podglad/999999/").status_code == 404


def test_admin_view_on_site_goes_to_preview_until_the_post_is_public(admin_client):
    draft = PostFactory(status="draft")
    public = PostFactory(slug_pl="publiczny")
    html = admin_client.get(f"/admin/news/post/{draft.pk}/change/").content.decode()
    assert f'href="/aktualnosci/podglad/{draft.pk}/"' in html
    html = admin_client.get(f"/admin/news/post/{public.pk}/change/").content.decode()
    assert 'href="/aktualnosci/publiczny/"' in html


def test_content_editor_can_add_a_post_with_a_category(client, editor):
    category = CategoryFactory(name_pl="Klub Senior+")
    client.force_login(editor)
    assert client.get(ADD_URL).status_code == 200
    response = client.post(ADD_URL, post_form(categories=[category.pk]))
    assert response.status_code == 302, errors_of(response)
    assert list(Post.objects.get().categories.all()) == [category]
    assert client.get("/admin/news/category/add/").status_code == 200


def test_content_editor_cannot_touch_users_or_opening_hours(client, editor):
    client.force_login(editor)
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403
    permissions = editor.get_all_permissions()
    news = {perm for perm in permissions if perm.startswith("news.")}
    assert news == {
        f"news.{action}_{model}"
        for action in ("add", "change", "delete", "view")
        for model in ("post", "category", "postimage")
    }
    assert not any(perm.startswith(("auth.", "hours.")) for perm in permissions)


def test_a_post_carries_attachments_under_the_document_rules(admin_client):
    data = post_form(
        **{
            "attachments-TOTAL_FORMS": "2",
            "attachments-0-title_pl": "Regulamin konkursu",
            "attachments-0-file": files.upload("Regulamin.PDF", blank_pdf(), "application/pdf"),
            "attachments-0-position": "0",
            "attachments-1-title_pl": "Plakat",
            "attachments-1-file": files.upload("plakat.pdf", files.camera_jpeg()),
            "attachments-1-position": "1",
        }
    )
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "Tego pliku nie można dodać jako dokumentu" in errors_of(response)
    data["attachments-TOTAL_FORMS"] = "1"
    data["attachments-0-file"] = files.upload("Regulamin.PDF", blank_pdf(), "application/pdf")
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 302, errors_of(response)
    attachment = PostAttachment.objects.get()
    # Stored under the file's own words plus a random part nobody can guess (cus_site.media).
    assert re.fullmatch(
        r"public/aktualnosci/dokumenty/\d{4}/regulamin-[0-9a-f]{24}\.pdf", attachment.file.name
    )
    assert attachment.size == attachment.file.size > 0


def author_choices(html):
    select = re.search(r'<select name="author".*?</select>', html, re.S)[0]
    return set(re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select))


def test_author_list_offers_content_editors_only(client, editor):
    UserFactory(username="admin", is_staff=True, is_superuser=True)
    UserFactory(username="godziny", is_staff=True)
    client.force_login(editor)
    assert author_choices(client.get(ADD_URL).content.decode()) == {"redaktorka"}


def test_an_older_post_keeps_its_author_who_left_the_editors(client, editor):
    former = UserFactory(username="dawna-redaktorka", is_staff=True)
    post = PostFactory(author=former)
    client.force_login(editor)
    url = f"/admin/news/post/{post.pk}/change/"
    assert author_choices(client.get(url).content.decode()) == {"redaktorka", "dawna-redaktorka"}
    data = post_form(title_pl=post.title_pl, slug_pl=post.slug_pl, author=str(former.pk))
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    assert Post.objects.get(pk=post.pk).author == former
    # A new post cannot be signed by them.
    response = client.post(ADD_URL, post_form(title_pl="Inny", author=str(former.pk)))
    assert response.status_code == 200
    assert "Wybierz poprawną wartość" in errors_of(response)
    assert not Post.objects.filter(title_pl="Inny").exists()
