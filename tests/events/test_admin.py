"""Editors in the admin: Polish errors for bad dates and links, nothing lost, the calendar
version raised on edits, list filters and previews; the content editors' group may do it."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group

from cus_site.permissions import CONTENT_EDITORS
from events.models import Event
from tests.factories import EventFactory, PostFactory

ADD_URL = "/admin/events/event/add/"
TRANSLATED = (
    "title",
    "slug",
    "lead",
    "body",
    "cover_alt",
    "change_note",
    "place_name",
    "price_note",
    "accessibility_note",
    "organiser",
    "partners",
)


def event_form(event=None, **fields):
    """The admin form's data: an event's values (or a new event's), changed by `fields`; the
    repeat dates as `repeats` (a list of ISO dates)."""
    data = {f"{name}_{code}": "" for name in TRANSLATED for code in ("pl", "en", "uk")}
    data.update(
        {
            "title_pl": "Warsztaty plastyczne",
            "starts_on": "2026-06-06",
            "ends_on": "",
            "starts_at": "",
            "ends_at": "",
            "state": "planned",
            "attendance": "offline",
            "place_name_pl": "Klub Senior+",
            "city": "Tarnów",
            "status": "published",
            "by_centre": "on",
        }
    )
    if event is not None:
        data.update(
            title_pl=event.title_pl,
            slug_pl=event.slug_pl,
            starts_on=event.starts_on.isoformat(),
            ends_on=event.ends_on.isoformat(),
            place_name_pl=event.place_name_pl,
            street_address=event.street_address,
            postal_code=event.postal_code,
            lead_pl=event.lead_pl,
        )
    repeats = fields.pop("repeats", [])
    data.update(
        {
            "dates-TOTAL_FORMS": str(len(repeats)),
            "dates-INITIAL_FORMS": "0",
            "dates-MIN_NUM_FORMS": "0",
            "dates-MAX_NUM_FORMS": "1000",
        }
    )
    for number, day in enumerate(repeats):
        data[f"dates-{number}-date"] = day
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def errors_of(response):
    html = response.content.decode()
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S))


def test_an_editor_adds_an_event_and_its_slug_is_made_from_the_title(admin_client, clock):
    response = admin_client.post(ADD_URL, event_form(starts_at="10:00", ends_at="12:00"))
    assert response.status_code == 302, errors_of(response)
    event = Event.objects.get()
    assert event.slug_pl == "warsztaty-plastyczne"
    assert event.ends_on == datetime.date(2026, 6, 6)
    assert event.sequence == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"starts_on": "2026-06-06", "ends_on": "2026-06-05"},
            "Ostatni dzień nie może być wcześniejszy niż pierwszy dzień wydarzenia.",
        ),
        (
            {"starts_at": "12:00", "ends_at": "10:00"},
            "Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia.",
        ),
        ({"ends_at": "10:00"}, "Podaj godzinę rozpoczęcia albo usuń godzinę zakończenia."),
        (
            {"registration": "email", "registration_deadline": "2026-06-07"},
            "Zapisy muszą się kończyć najpóźniej w pierwszym dniu wydarzenia.",
        ),
        ({"registration": "phone"}, "Przy zapisach telefonicznych podaj numer telefonu."),
        ({"map_url": "javascript:alert(1)"}, "Wpisz poprawny URL."),
        ({"place_name_pl": ""}, "Podaj miejsce: wybierz jednostkę albo wpisz nazwę miejsca."),
        ({"state": "moved"}, "Napisz, co się zmieniło"),
        ({"slug_pl": "kalendarz"}, "jest zajęty przez strony wydarzeń"),
        (
            {"ends_on": "2026-06-20", "repeats": ["2026-06-27"]},
            "Powtórzenie musi wypadać między pierwszym a ostatnim dniem wydarzenia "
            "(06.06.2026 – 20.06.2026).",
        ),
    ],
)
def test_bad_input_gets_a_polish_error_and_keeps_what_was_typed(
    admin_client, clock, fields, message
):
    data = event_form(lead_pl="Tekst, którego nie wolno zgubić.", **fields)
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert message in errors_of(response) + response.content.decode()
    assert "Tekst, którego nie wolno zgubić." in response.content.decode()
    assert Event.objects.count() == 0


def test_an_edit_that_moves_nothing_keeps_the_calendar_version(admin_client, clock):
    event = EventFactory(starts_on=datetime.date(2026, 6, 6), ends_on=datetime.date(2026, 6, 6))
    url = f"/admin/events/event/{event.pk}/change/"
    response = admin_client.post(url, event_form(event, lead_pl="Nowa zajawka."))
    assert response.status_code == 302, errors_of(response)
    event.refresh_from_db()
    assert (event.lead_pl, event.sequence) == ("Nowa zajawka.", 0)
    response = admin_client.post(
        url, event_form(event, state="cancelled", change_note_pl="Choroba prowadzącej.")
    )
    assert response.status_code == 302, errors_of(response)
    event.refresh_from_db()
    assert event.sequence == 1


def test_list_filters_upcoming_past_and_cancelled(admin_client, clock):
    EventFactory(title_pl="Przyszłe zajęcia")
    EventFactory(title_pl="Zeszłoroczny piknik", starts_on=datetime.date(2025, 6, 1))
    EventFactory(title_pl="Odwołany koncert", state="cancelled")
    titles = {
        value: admin_client.get(f"/admin/events/event/?termin={value}").content.decode()
        for value in ("nadchodzace", "minione", "odwolane")
    }
    assert "Przyszłe zajęcia" in titles["nadchodzace"]
    assert "Zeszłoroczny piknik" not in titles["nadchodzace"]
    assert "Zeszłoroczny piknik" in titles["minione"]
    assert "Przyszłe zajęcia" not in titles["minione"]
    assert "Odwołany koncert" in titles["odwolane"]
    assert "Przyszłe zajęcia" not in titles["odwolane"]
    assert "poniedziałek, 8 czerwca 2026" in titles["nadchodzace"]


def test_a_draft_is_previewed_by_staff_only(client, admin_client, editor, clock):
    event = EventFactory(title_pl="Szkic wydarzenia", status="draft")
    assert client.get(f"/wydarzenia/{event.slug}/").status_code == 404
    preview = f"/wydarzenia/podglad/{event.pk}/"
    assert client.get(preview).status_code == 302  # to the admin's login
    client.force_login(editor)
    html = client.get(preview).content.decode()
    assert "Podgląd – to wydarzenie nie jest publiczne" in html
    assert '<meta name="robots" content="noindex">' in html
    change = admin_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert preview in change


def test_content_editors_may_edit_events_and_notices(db):
    codenames = set(
        Group.objects.get(name=CONTENT_EDITORS).permissions.values_list("codename", flat=True)
    )
    for model in ("event", "eventdate", "audience", "notice"):
        assert {f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}"} <= codenames


def test_an_editor_links_posts_and_the_post_page_points_to_the_event(client, editor, clock):
    post = PostFactory(title_pl="Relacja z pikniku")
    client.force_login(editor)
    response = client.post(ADD_URL, event_form(title_pl="Piknik", posts=[str(post.pk)]))
    assert response.status_code == 302, errors_of(response)
    event = Event.objects.get()
    assert list(event.posts.all()) == [post]
    client.logout()
    html = client.get(post.get_absolute_url()).content.decode()
    assert f'href="{event.get_absolute_url()}"' in html
    assert "Wydarzenie, o którym jest ten wpis" in html
