"""Editors write programmes in the admin, with every part inline and readable Polish errors."""

import re

import pytest

from osl.models import Introduction, Programme
from tests.factories import GoalFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/osl/programme/add/"
CHANGELIST_URL = "/admin/osl/programme/"
LANGUAGES = ("pl", "en", "uk")
TRANSLATED = ("title", "slug", "lead", "body", "cover_alt", "organiser_role")
INLINES = ("communities", "goals", "meeting_places", "partners", "documents", "sources")


def management_forms(**totals):
    data = {}
    for prefix in INLINES:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(totals.get(prefix, 0)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


def programme_form(totals=None, **fields):
    data = {f"{name}_{language}": "" for name in TRANSLATED for language in LANGUAGES}
    data.update(
        {
            "title_pl": "Seniorzy z Łękawki",
            "lead_pl": "Spotkania seniorów.",
            "body_pl": "<p>Opis programu.</p>",
            "updated_on": "2025-03-07",
            "order": "0",
            "is_published": "on",
            "cover_shows_people": "on",
        }
    )
    data.update(management_forms(**(totals or {})))
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def errors_of(response):
    html = response.content.decode()
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S))


def test_content_editors_may_do_everything_with_every_osl_model(editor):
    for model in ("introduction", "programme", "community", "goal", "partner"):
        for action in ("add", "change", "delete", "view"):
            assert editor.has_perm(f"osl.{action}_{model}")
    for model in ("meetingplace", "document", "source"):
        assert editor.has_perm(f"osl.change_{model}")


def test_editor_changes_a_programme_and_adds_a_goal(client, editor):
    programme = ProgrammeFactory(title_pl="Seniorzy", slug_pl="seniorzy")
    GoalFactory(programme=programme, text_pl="Stary cel")
    client.force_login(editor)
    url = f"/admin/osl/programme/{programme.pk}/change/"
    form = client.get(url)
    assert form.status_code == 200
    assert "Stary cel" in form.content.decode()
    goal = programme.goals.get()
    data = programme_form(
        {"goals": 2},
        title_pl="Seniorzy z Gumnisk",
        slug_pl="seniorzy",
        **{
            "goals-INITIAL_FORMS": "1",
            "goals-0-id": str(goal.pk),
            "goals-0-programme": str(programme.pk),
            "goals-0-text_pl": "Stary cel",
            "goals-0-order": "1",
            "goals-1-programme": str(programme.pk),
            "goals-1-text_pl": "Nowy cel",
            "goals-1-order": "2",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 302, errors_of(response)
    programme.refresh_from_db()
    assert programme.title_pl == "Seniorzy z Gumnisk"
    assert [goal.text for goal in programme.goals.all()] == ["Stary cel", "Nowy cel"]
    assert "Nowy cel" in client.get("/osl/seniorzy/").content.decode()


def test_editor_adds_a_programme_with_every_part(client, editor):
    client.force_login(editor)
    data = programme_form(
        {part: 1 for part in INLINES if part != "documents"},
        **{
            "communities-0-name_pl": "Seniorzy z Łękawki",
            "communities-0-kind": "kategorialna",
            "communities-0-order": "0",
            "goals-0-text_pl": "Wspólne wyjścia",
            "goals-0-order": "0",
            "meeting_places-0-place_pl": "Klub Senior+, ul. Gumniska 25",
            "meeting_places-0-times_pl": "czwartki 15:30–17:00",
            "meeting_places-0-order": "0",
            "partners-0-name_pl": "Rada Osiedla",
            "partners-0-order": "0",
            "sources-0-text_pl": "Model środowiskowej pracy socjalnej; Warszawa 2014",
            "sources-0-order": "0",
            "organiser_name": "Anna Nowak",
            "organiser_email": "osl@example.org",
        },
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, errors_of(response)
    programme = Programme.objects.get()
    assert programme.communities.get().kind == "kategorialna"
    assert programme.meeting_places.get().times == "czwartki 15:30–17:00"
    html = client.get(programme.get_absolute_url()).content.decode()
    for text in ("Wspólne wyjścia", "Rada Osiedla", "Anna Nowak", "Warszawa 2014"):
        assert text in html


def test_empty_slug_is_made_from_the_title_with_polish_letters(admin_client):
    response = admin_client.post(ADD_URL, programme_form())
    assert response.status_code == 302, errors_of(response)
    programme = Programme.objects.get()
    assert programme.slug_pl == "seniorzy-z-lekawki"
    assert programme.slug_en is None and programme.slug_uk is None


def test_slug_field_is_prepopulated_from_the_title(admin_client):
    html = admin_client.get(ADD_URL).content.decode()
    prepopulated = re.search(r'data-prepopulated-fields="([^"]*)"', html)[1]
    assert "#id_slug_pl" in prepopulated and "#id_title_pl" in prepopulated


def test_taken_slug_gets_a_polish_message(admin_client):
    ProgrammeFactory(slug_pl="seniorzy-z-lekawki")
    response = admin_client.post(ADD_URL, programme_form())
    assert response.status_code == 200
    assert "Inny program ma już ten adres." in errors_of(response)


def test_plan_ending_before_it_starts_is_refused_in_polish(admin_client):
    response = admin_client.post(
        ADD_URL, programme_form(plan_from="2025-06-01", plan_to="2025-05-31")
    )
    assert response.status_code == 200
    assert "Plan nie może się kończyć przed swoim początkiem" in errors_of(response)
    assert not Programme.objects.exists()


def test_plan_constraint_is_in_the_database(db):
    from django.db import IntegrityError

    programme = ProgrammeFactory()
    programme.plan_from, programme.plan_to = "2025-06-01", "2025-05-31"
    with pytest.raises(IntegrityError):
        programme.save()


def test_cover_without_alt_text_is_refused(admin_client):
    from tests.news import imagefiles as files

    response = admin_client.post(
        ADD_URL, programme_form(cover=files.upload("osiedle.png", files.png(), "image/png"))
    )
    assert response.status_code == 200
    assert "tekst alternatywny" in errors_of(response)


def test_cover_without_consent_is_saved_with_a_warning_and_its_renditions(
    admin_client, media_root, django_capture_on_commit_callbacks
):
    from tests.news import imagefiles as files

    cover = files.upload("osiedle.jpg", files.camera_jpeg(900, 600))
    data = programme_form(cover=cover, cover_alt_pl="Sąsiedzi przy ławce")
    html = admin_client.post(ADD_URL, data, follow=True).content.decode()
    assert "Zdjęcie główne nie pojawi się na stronie: brak potwierdzenia zgody" in html
    programme = Programme.objects.get()
    change = admin_client.get(f"{CHANGELIST_URL}{programme.pk}/change/").content.decode()
    assert "nie: brak potwierdzenia zgody" in change
    assert not (media_root / "public").exists()  # the admin's thumbnail is private
    assert programme.cover.name.startswith("private/")
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            f"{CHANGELIST_URL}{programme.pk}/change/",
            programme_form(cover_alt_pl="Sąsiedzi przy ławce", cover_consent="on"),
        )
    programme.refresh_from_db()
    assert programme.cover.name.startswith("public/osl/")
    assert len(list((media_root / "public" / "CACHE").rglob("*.webp"))) == 2
    assert not list((media_root / "private").rglob("*.*"))


def test_list_shows_title_state_and_date_and_searches(admin_client):
    ProgrammeFactory(title_pl="Seniorzy z Gumnisk")
    ProgrammeFactory(title_pl="Młodzież z Mościc", is_published=False)
    html = admin_client.get(CHANGELIST_URL).content.decode().lower()
    for text in ("seniorzy z gumnisk", "młodzież z mościc", "data aktualizacji", "opublikowany"):
        assert text in html
    found = admin_client.get(CHANGELIST_URL + "?q=Gumnisk").content.decode()
    assert "Młodzież z Mościc" not in found
    drafts = admin_client.get(CHANGELIST_URL + "?is_published__exact=0").content.decode()
    assert "Młodzież z Mościc" in drafts and "Seniorzy z Gumnisk" not in drafts


def test_introduction_can_be_added_once(admin_client):
    assert admin_client.get("/admin/osl/introduction/add/").status_code == 200
    Introduction.objects.create(body_pl="<p>OSL</p>")
    assert admin_client.get("/admin/osl/introduction/add/").status_code == 403


def test_body_headings_that_skip_a_level_are_refused(admin_client):
    response = admin_client.post(
        ADD_URL, programme_form(body_pl="<h2>Cele</h2><h4>Dla seniorów</h4><p>Tekst.</p>")
    )
    assert response.status_code == 200
    assert "Nagłówki muszą iść po kolei" in errors_of(response)
