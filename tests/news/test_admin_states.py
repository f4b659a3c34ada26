"""A post's state said in words in the list and above its form, and publishing a draft
dating it now unless an editor set its date."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db.models.signals import post_save
from django.utils.html import strip_tags

from events.models import Event
from news.models import Post
from tests.factories import EventFactory, PostFactory
from tests.news.test_admin import post_form

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
NOW = datetime.datetime(2026, 12, 1, 14, 30, tzinfo=WARSAW)
STARTED = datetime.datetime(2026, 11, 26, 10, 0, tzinfo=WARSAW)


@pytest.fixture(autouse=True)
def pinned_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def text_of(response):
    return re.sub(r"\s+", " ", strip_tags(response.content.decode()))


def test_the_list_says_each_posts_state_in_words(admin_client):
    PostFactory(title_pl="Szkic wpisu", status="draft")
    PostFactory(title_pl="Zapowiedź", published_at=datetime.datetime(2026, 12, 2, 9, tzinfo=WARSAW))
    PostFactory(title_pl="Relacja", published_at=datetime.datetime(2026, 12, 1, 8, tzinfo=WARSAW))
    text = text_of(admin_client.get("/admin/news/post/"))
    assert "Szkic" in text
    assert "Zaplanowany na 2 grudnia 2026, 9:00" in text
    assert "Opublikowany 1 grudnia 2026" in text


def test_the_form_says_the_state_above_the_fields(admin_client):
    post = PostFactory(published_at=datetime.datetime(2026, 12, 2, 9, tzinfo=WARSAW))
    text = text_of(admin_client.get(f"/admin/news/post/{post.pk}/change/"))
    assert "Stan: Zaplanowany na 2 grudnia 2026, 9:00" in text


def test_a_hidden_cover_photo_is_part_of_the_state(admin_client):
    post = PostFactory(with_cover=True, cover_shows_people=True, cover_consent=False)
    text = text_of(admin_client.get("/admin/news/post/"))
    assert "zdjęcie ukryte: brak potwierdzenia zgody" in text
    assert post.title in text


def publish_action(admin_client, model, *rows):
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    return admin_client.post(
        url, {"action": "publish", "_selected_action": [row.pk for row in rows]}, follow=True
    )


def test_publishing_a_draft_whose_date_nobody_set_dates_it_now(admin_client):
    draft = PostFactory(status="draft", published_at=STARTED)
    publish_action(admin_client, Post, draft)
    draft.refresh_from_db()
    assert draft.status == "published" and draft.published_at == NOW


def test_publishing_a_draft_keeps_the_date_an_editor_set(admin_client):
    draft = PostFactory(status="draft", published_at=STARTED, published_at_set=True)
    publish_action(admin_client, Post, draft)
    draft.refresh_from_db()
    assert draft.status == "published" and draft.published_at == STARTED


def test_the_list_actions_save_each_row(admin_client):
    saved = []

    def remember(sender, instance, **kwargs):
        saved.append(instance.pk)

    post_save.connect(remember, sender=Post)
    post_save.connect(remember, sender=Event)
    try:
        drafts = PostFactory.create_batch(2, status="draft")
        event = EventFactory(status="draft")
        saved.clear()
        publish_action(admin_client, Post, *drafts)
        publish_action(admin_client, Event, event)
    finally:
        post_save.disconnect(remember, sender=Post)
        post_save.disconnect(remember, sender=Event)
    assert sorted(saved) == sorted([drafts[0].pk, drafts[1].pk, event.pk])
    event.refresh_from_db()
    assert event.status == "published"


def test_publishing_in_the_form_without_touching_the_date_dates_it_now(admin_client):
    draft = PostFactory(status="draft", published_at=STARTED)
    started = {"published_at_0": "2026-11-26", "published_at_1": "10:00:00"}
    data = post_form(
        title_pl=draft.title_pl,
        slug_pl=draft.slug_pl,
        **started,
        **{f"initial-{name}": value for name, value in started.items()},
    )
    response = admin_client.post(f"/admin/news/post/{draft.pk}/change/", data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published" and draft.published_at == NOW


def test_a_date_typed_in_the_form_is_kept_and_remembered(admin_client):
    draft = PostFactory(status="draft", published_at=STARTED)
    data = post_form(
        title_pl=draft.title_pl,
        slug_pl=draft.slug_pl,
        status="draft",
        published_at_0="2026-12-24",
        published_at_1="8:00",
    )
    admin_client.post(f"/admin/news/post/{draft.pk}/change/", data)
    draft.refresh_from_db()
    assert draft.published_at_set
    publish_action(admin_client, Post, draft)
    draft.refresh_from_db()
    assert draft.published_at == datetime.datetime(2026, 12, 24, 8, tzinfo=WARSAW)


def test_the_events_list_and_form_say_the_state_in_words(admin_client):
    EventFactory(title_pl="Koncert", state="cancelled")
    draft = EventFactory(title_pl="Warsztaty", status="draft")
    assert "Opublikowane: odwołane" in text_of(admin_client.get("/admin/events/event/"))
    form = text_of(admin_client.get(f"/admin/events/event/{draft.pk}/change/"))
    assert "Stan: Szkic" in form
