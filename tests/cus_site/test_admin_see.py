"""Editors see what they edit: a thumbnail in the list, which rows have an English and a
Ukrainian version, the Polish original under each translation, a link to the public page (or
its preview) after saving, and a way back from the preview to the form."""

import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from tests.factories import PostFactory
from tests.news.test_admin import post_form

pytestmark = pytest.mark.django_db


def text_of(response):
    return re.sub(r"\s+", " ", strip_tags(response.content.decode()))


def test_the_list_shows_thumbnails_and_which_languages_a_post_has(admin_client):
    PostFactory(with_cover=True, title_pl="Dzień Babci", title_en="Grandmother's Day")
    html = admin_client.get("/admin/news/post/").content.decode()
    assert re.search(r'<img src="[^"]+" alt="" width="80" class="cus-thumbnail">', html)
    row = re.search(r"<tr>.*?Dzień Babci.*?</tr>", html, re.S)[0]
    cells = [strip_tags(cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert cells[-2:] == ["tak", "–"]  # the EN and UK columns


def test_a_translation_shows_the_polish_text_it_translates(admin_client):
    post = PostFactory(title_pl="Dzień Babci", lead_pl="Zapraszamy <b>wnuki</b>.")
    text = text_of(admin_client.get(f"/admin/news/post/{post.pk}/change/"))
    assert text.count("Po polsku: Dzień Babci") == 2  # under the English and the Ukrainian title
    assert "Po polsku: Zapraszamy wnuki." in text


def test_after_saving_a_draft_the_message_links_to_its_preview(admin_client):
    post = PostFactory(status="draft")
    data = post_form(title_pl=post.title_pl, slug_pl=post.slug_pl, status="draft")
    response = admin_client.post(f"/admin/news/post/{post.pk}/change/", data, follow=True)
    preview = reverse("news:preview", kwargs={"pk": post.pk})
    assert f'Tak to widzą mieszkańcy: <a href="{preview}">' in response.content.decode()


def test_the_preview_links_back_to_the_form(admin_client):
    post = PostFactory(status="draft")
    html = admin_client.get(reverse("news:preview", kwargs={"pk": post.pk})).content.decode()
    assert f'href="/admin/news/post/{post.pk}/change/"' in html
    assert "Wróć do edycji" in html
