"""The texts Django's admin builds from a model's name read as Polish: titles, buttons, the
messages after saving and deleting, and the count under a list ("9 wpisów")."""

import re

import pytest
from django.utils.html import strip_tags

from hours.models import Unit
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def text_of(response):
    return re.sub(r"\s+", " ", strip_tags(response.content.decode()))


def messages_of(response):
    return [strip_tags(str(message)) for message in response.context["messages"]]


@pytest.mark.parametrize(
    ("count", "words"), [(1, "1 wpis"), (3, "3 wpisy"), (9, "9 wpisów"), (22, "22 wpisy")]
)
def test_the_list_counts_posts_in_polish(admin_client, count, words):
    PostFactory.create_batch(count)
    assert re.search(rf"\b{words}\b", text_of(admin_client.get("/admin/news/post/")))


def test_a_list_without_its_count_forms_says_the_number_after_its_name(admin_client):
    assert "Grupy: 2" in text_of(admin_client.get("/admin/auth/group/"))


def test_titles_and_buttons_name_the_model_after_a_colon(admin_client):
    unit = Unit.objects.create(short_name="BOM", order=9)
    assert "Zmiana: jednostka" in text_of(admin_client.get(f"/admin/hours/unit/{unit.pk}/change/"))
    listing = text_of(admin_client.get("/admin/news/category/"))
    assert "Wybierz do zmiany: kategoria" in listing and "Dodaj: kategoria" in listing
    assert "Dodawanie: strona tekstowa" in text_of(admin_client.get("/admin/pages/textpage/add/"))


def test_messages_after_saving_and_deleting_need_no_declension(admin_client):
    response = admin_client.post(
        "/admin/news/category/add/",
        {"name_pl": "Klub Seniora", "name_en": "", "name_uk": "", "slug_pl": "klub-seniora"},
        follow=True,
    )
    assert messages_of(response)[0] == "Dodano: kategoria „Klub Seniora”."
    post = PostFactory(title_pl="Dzień Babci")
    response = admin_client.post(
        f"/admin/news/post/{post.pk}/delete/", {"post": "yes"}, follow=True
    )
    assert messages_of(response) == ["Usunięto: wpis „Dzień Babci”."]
    inline = text_of(admin_client.get("/admin/news/post/add/"))
    assert "(-" not in inline and "kolejne(go)" not in inline


def test_the_sign_in_libraries_screens_have_polish_names_in_the_menu(admin_client):
    text = text_of(admin_client.get("/admin/"))
    for english in ("Access failures", "Static devices", "TOTP devices", "Otp_", "Axes"):
        assert english.lower() not in text.lower(), english
    for polish in ("Blokady logowania", "Nieudane logowania", "Kody zapasowe"):
        assert polish in text
