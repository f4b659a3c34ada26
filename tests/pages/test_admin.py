"""What the admin refuses, with messages an editor can act on."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cus_site.permissions import CONTENT_EDITORS
from pages import validators
from pages.models import AccessibilityStatement, SiteSettings, TextPage
from tests.factories import AccessibilityStatementFactory, SiteSettingsFactory

MP4_START = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
WEBM_START = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01webm" + b"\x00" * 64
CAPTIONS = "\ufeffWEBVTT\n\n00:00.000 --> 00:04.000\nDzień dobry.\n".encode()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def add_text_page(admin_client, **fields):
    data = {
        "slug": TextPage.Slug.SIGN_LANGUAGE,
        "title_pl": "Polski język migowy",
        "lead_pl": "",
        "body_pl": "",
        "video_url": "",
        "is_published": "on",
        **fields,
    }
    return admin_client.post(reverse("admin:pages_textpage_add"), data)


def errors_of(response):
    assert response.status_code == 200, "the form was accepted"
    return response.content.decode()


def test_video_with_captions_is_accepted(admin_client, db):
    response = add_text_page(
        admin_client, video=upload("film.webm", WEBM_START), captions=upload("film.vtt", CAPTIONS)
    )
    assert response.status_code == 302
    page = TextPage.objects.get()
    assert page.video.name.endswith(".webm")
    assert page.video_mime_type == "video/webm"


@pytest.mark.parametrize(
    ("video", "message"),
    [
        (upload("film.avi", MP4_START), "Nagranie musi być plikiem MP4 albo WebM"),
        (upload("film.mp4", b"To nie jest film, tylko tekst." * 4), "Ten plik nie jest nagraniem"),
    ],
)
def test_a_file_that_is_not_an_mp4_or_webm_video_is_refused(admin_client, db, video, message):
    page = errors_of(add_text_page(admin_client, video=video, captions=upload("a.vtt", CAPTIONS)))
    assert message in page
    assert not TextPage.objects.exists()


def test_a_video_over_the_size_limit_is_refused(admin_client, db, monkeypatch):
    monkeypatch.setattr(validators, "VIDEO_MAX_BYTES", 50)
    page = errors_of(
        add_text_page(
            admin_client, video=upload("film.mp4", MP4_START), captions=upload("a.vtt", CAPTIONS)
        )
    )
    assert "Nagranie może mieć najwyżej 50\xa0bajtów" in page


@pytest.mark.parametrize(
    ("captions", "message"),
    [
        (upload("napisy.srt", b"1\n00:00:00,000 --> 00:00:04,000\nTekst\n"), "plikiem WebVTT"),
        (upload("napisy.vtt", b"1\n00:00:00.000 --> 00:00:04.000\nTekst\n"), "„WEBVTT”"),
        (upload("napisy.vtt", "WEBVTT\n\nZażółć".encode("cp1250")), "kodowaniu UTF-8"),
    ],
)
def test_captions_that_are_not_webvtt_are_refused(admin_client, db, captions, message):
    page = errors_of(
        add_text_page(admin_client, video=upload("film.mp4", MP4_START), captions=captions)
    )
    assert message in page


def test_an_uploaded_video_needs_captions(admin_client, db):
    page = errors_of(add_text_page(admin_client, video=upload("film.mp4", MP4_START)))
    assert "Przesłane nagranie musi mieć napisy" in page


def test_a_video_is_either_uploaded_or_linked_not_both(admin_client, db):
    page = errors_of(
        add_text_page(
            admin_client,
            video=upload("film.mp4", MP4_START),
            captions=upload("a.vtt", CAPTIONS),
            video_url="https://wideo.example.org/film",
        )
    )
    assert "albo plik nagrania, albo link do nagrania" in page


def test_body_whose_headings_skip_a_level_is_refused(admin_client, db):
    page = errors_of(
        add_text_page(admin_client, body_pl="<h2>Kim jesteśmy</h2><h4>Szczegóły</h4><p>x</p>")
    )
    assert "Nagłówki muszą iść po kolei" in page
    assert "„Szczegóły”" in page


def test_each_fixed_page_exists_once(admin_client, db):
    assert add_text_page(admin_client).status_code == 302
    page = errors_of(add_text_page(admin_client))
    assert "Ta strona już istnieje: otwórz ją z listy stron i zmień." in page


def statement_data(**fields):
    return {
        "entity_name_pl": "Centrum Usług Społecznych w Tarnowie",
        "published_on": "2024-03-01",
        "updated_on": "2025-09-12",
        "status": AccessibilityStatement.Status.PARTIALLY_COMPLIANT,
        "prepared_on": "2025-03-28",
        "method": AccessibilityStatement.Method.SELF_ASSESSMENT,
        "assessor": "",
        "contact_person": "Jan Kowalski",
        "contact_email": "dostepnosc@example.org",
        "contact_phone": "14 600 00 00",
        "mobile_apps_pl": "Brak aplikacji mobilnych.",
        "non_accessible_items-TOTAL_FORMS": "0",
        "non_accessible_items-INITIAL_FORMS": "0",
        "buildings-TOTAL_FORMS": "0",
        "buildings-INITIAL_FORMS": "0",
        **fields,
    }


def test_a_not_fully_compliant_statement_must_list_what_is_not_accessible(admin_client, db):
    response = admin_client.post(
        reverse("admin:pages_accessibilitystatement_add"), statement_data()
    )
    assert "wymień treści niedostępne" in errors_of(response)
    response = admin_client.post(
        reverse("admin:pages_accessibilitystatement_add"),
        statement_data(
            **{
                "non_accessible_items-TOTAL_FORMS": "1",
                "non_accessible_items-0-content_pl": "Filmy bez napisów",
                "non_accessible_items-0-reason_pl": "Nagrane przed 2020 r.",
                "non_accessible_items-0-position": "0",
            }
        ),
    )
    assert response.status_code == 302
    assert AccessibilityStatement.objects.get().non_accessible_items.count() == 1


def test_statement_dates_and_contact_are_required_of_editors(admin_client, db):
    response = admin_client.post(
        reverse("admin:pages_accessibilitystatement_add"),
        statement_data(status="zgodna", published_on="", contact_email=""),
    )
    assert errors_of(response).count("To pole jest wymagane") >= 2


def test_an_external_assessment_names_who_did_it(admin_client, db):
    response = admin_client.post(
        reverse("admin:pages_accessibilitystatement_add"),
        statement_data(status="zgodna", method="podmiot-zewnetrzny"),
    )
    assert "Przy badaniu zewnętrznym podaj nazwę podmiotu." in errors_of(response)


def test_single_row_models_cannot_be_added_twice_or_deleted(admin_client, db):
    site_settings = SiteSettingsFactory()
    AccessibilityStatementFactory()
    assert admin_client.get(reverse("admin:pages_sitesettings_add")).status_code == 403
    assert admin_client.get(reverse("admin:pages_accessibilitystatement_add")).status_code == 403
    delete = reverse("admin:pages_sitesettings_delete", args=[site_settings.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    changelist = admin_client.get(reverse("admin:pages_sitesettings_changelist"))
    assert changelist.headers["Location"] == reverse(
        "admin:pages_sitesettings_change", args=[site_settings.pk]
    )


def site_settings_data(**fields):
    return {
        "name_pl": "Centrum Usług Społecznych w Tarnowie",
        "city": "Tarnów",
        "contact_details-TOTAL_FORMS": "0",
        "contact_details-INITIAL_FORMS": "0",
        **fields,
    }


def test_electronic_addresses_and_numbers_are_checked(admin_client, db):
    response = admin_client.post(
        reverse("admin:pages_sitesettings_add"),
        site_settings_data(
            e_delivery_address="AE:PL-1234", postal_code="33100", nip="123", epuap_address="x"
        ),
    )
    page = errors_of(response)
    assert "Adres do e-Doręczeń ma postać AE:PL-12345-67890-ABCDE-12." in page
    assert "Kod pocztowy ma postać 33-100." in page
    assert "NIP to 10 cyfr" in page
    assert "Adres skrytki ePUAP ma postać" in page


def test_a_phone_row_must_hold_a_phone_number(admin_client, db):
    response = admin_client.post(
        reverse("admin:pages_sitesettings_add"),
        site_settings_data(
            **{
                "contact_details-TOTAL_FORMS": "2",
                "contact_details-0-kind": "telefon",
                "contact_details-0-value": "zadzwoń do nas",
                "contact_details-0-position": "0",
                "contact_details-1-kind": "e-mail",
                "contact_details-1-value": "nie-email",
                "contact_details-1-position": "1",
            }
        ),
    )
    page = errors_of(response)
    assert "Wpisz numer telefonu cyframi" in page
    assert "Wprowadź poprawny adres email." in page


def test_saving_the_centres_details_shows_at_once_on_the_site(admin_client, client, db):
    site_settings = SiteSettingsFactory(bip_url="https://bip.example.org/stary")
    assert "https://bip.example.org/stary" in client.get("/").content.decode()
    data = site_settings_data(bip_url="https://bip.example.org/nowy")
    response = admin_client.post(
        reverse("admin:pages_sitesettings_change", args=[site_settings.pk]), data
    )
    assert response.status_code == 302
    assert "https://bip.example.org/nowy" in client.get("/").content.decode()


def test_content_editors_may_edit_the_pages_models(db):
    codenames = set(
        Group.objects.get(name=CONTENT_EDITORS).permissions.values_list("codename", flat=True)
    )
    for model in (
        "textpage",
        "sitesettings",
        "contactdetail",
        "accessibilitystatement",
        "nonaccessiblecontent",
        "buildingaccessibility",
    ):
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= codenames
    assert Permission.objects.filter(codename="change_sitesettings").exists()
    assert SiteSettings.objects.count() == 0
