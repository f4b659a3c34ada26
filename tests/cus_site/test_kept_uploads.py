"""A file an editor chose survives a form that comes back with errors (cus_site.kept_uploads)."""

import re

import pytest

from news.models import Post
from tests.news import imagefiles as files
from tests.news.test_admin import ADD_URL, errors_of, post_form

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="cover-kept" value="([^"]+)"')


def test_a_cover_chosen_with_the_alt_text_missing_is_saved_once_the_text_is_added(admin_client):
    cover = files.upload("piknik.png", files.png(), "image/png")
    response = admin_client.post(ADD_URL, post_form(cover=cover))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Opisz, co przedstawia zdjęcie" in errors_of(response)
    assert "Wybrany plik: piknik.png – zostanie zapisany razem z formularzem." in html
    token = TOKEN.search(html)[1]

    response = admin_client.post(
        ADD_URL, post_form(cover_alt_pl="Rodziny na pikniku", **{"cover-kept": token})
    )
    assert response.status_code == 302, errors_of(response)
    post = Post.objects.get()
    assert post.cover.name and (post.cover_width, post.cover_height) == (300, 200)


def test_a_forged_token_brings_no_file(admin_client):
    response = admin_client.post(
        ADD_URL, post_form(cover_alt_pl="Opis", **{"cover-kept": "../../etc/passwd:sig"})
    )
    assert response.status_code == 302
    assert not Post.objects.get().cover


def test_a_new_choice_replaces_the_kept_file(admin_client):
    first = files.upload("pierwsze.png", files.png(), "image/png")
    html = admin_client.post(ADD_URL, post_form(cover=first)).content.decode()
    token = TOKEN.search(html)[1]
    second = files.upload("drugie.png", files.png(120, 80), "image/png")
    response = admin_client.post(
        ADD_URL, post_form(cover=second, cover_alt_pl="Opis", **{"cover-kept": token})
    )
    assert response.status_code == 302, errors_of(response)
    assert Post.objects.get().cover_width == 120
