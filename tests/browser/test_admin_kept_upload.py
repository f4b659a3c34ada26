"""An editor chooses a photo, forgets its alt text and saves: the form comes back with the error
and still holds the photo; with the alt text added the post is saved with it."""

import io

import pytest
from django.contrib.auth.models import Group, User
from PIL import Image

from cus_site.permissions import CONTENT_EDITORS
from news.models import Post

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "hasło-redaktorki-2025"
TITLE = "Piknik rodzinny w parku Strzeleckim"


@pytest.fixture(scope="module")
def editor_account(site, django_db_blocker):
    with django_db_blocker.unblock():
        user = User.objects.create_user("redaktorka.zdjecia", password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=CONTENT_EDITORS))
        yield user
        Post.objects.filter(title_pl=TITLE).delete()
        user.delete()


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "teal").save(buffer, "JPEG")
    return {"name": "piknik.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def test_a_chosen_photo_survives_the_missing_alt_text_error(page, site, editor_account):
    page.goto(site.url + "/admin/login/")
    page.get_by_label("Nazwa użytkownika").fill(editor_account.username)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.get_by_role("heading", name="Zarządzanie treścią").wait_for()
    page.goto(site.url + "/admin/news/post/add/")
    page.locator("#id_title_pl").fill(TITLE)
    page.locator("#id_lead_pl").fill("Zapraszamy całe rodziny na sobotnie popołudnie.")
    page.locator("#id_cover").set_input_files(photo())
    page.get_by_role("button", name="Zapisz", exact=True).click()

    page.get_by_text("Opisz, co przedstawia zdjęcie").first.wait_for()
    assert page.get_by_text("Wybrany plik: piknik.jpg").is_visible()
    page.locator("#id_cover_alt_pl").fill("Rodziny przy stołach w parku")
    page.get_by_role("button", name="Zapisz", exact=True).click()

    page.locator(".messagelist .success").wait_for()
    post = Post.objects.get(title_pl=TITLE)  # committed by the live server's request
    assert post.cover.name.endswith(".jpg") and post.cover_width == 640
