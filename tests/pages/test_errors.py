from django.core.exceptions import SuspiciousOperation
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory


def test_unknown_address_gets_polish_404_in_site_layout(client, db):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Nie znaleziono strony" in page
    assert '<html lang="pl"' in page
    assert 'class="skip-link"' in page


def test_500_page_renders_without_touching_the_database(rf, django_assert_num_queries, db):
    from pages.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Przepraszamy, wystąpił błąd" in page
    assert "Centrum Usług Społecznych w Tarnowie" in page


def test_an_exception_in_a_view_shows_the_polish_500_page(db, settings, monkeypatch):
    def broken(request):
        raise RuntimeError("boom")

    monkeypatch.setattr("pages.views.render", lambda *a, **k: broken(None))
    client = Client(raise_request_exception=False)
    response = client.get(reverse("pages:home"))
    assert response.status_code == 500
    assert "Przepraszamy, wystąpił błąd" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_404_offers_the_main_sections_and_search(client, db):
    page = client.get("/nie-ma-takiej-strony/").content.decode()
    main = page.split('<main id="tresc"')[1].split("</main>")[0]
    for href in ("/", "/aktualnosci/", "/osl/", "/godziny-otwarcia/", "/kontakt/"):
        assert f'<a href="{href}">' in main, href
    assert '<form class="search-form search-form--page" action="/szukaj/"' in main
    assert '<meta name="robots" content="noindex">' in page


def test_404_in_english_offers_the_english_sections(client, db):
    main = client.get("/en/nie-ma-takiej-strony/").content.decode().split("<main")[1]
    assert '<a href="/en/aktualnosci/">' in main
    assert 'action="/en/szukaj/"' in main


def test_a_bad_request_gets_the_polish_400_page_without_the_database(
    rf, django_assert_num_queries, db
):
    # Rendered without the request, so no context processor runs (cus_site.urls.handler400).
    from pages.views import bad_request

    with django_assert_num_queries(0):
        response = bad_request(rf.get("/"), SuspiciousOperation("bad"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nieprawidłowe zapytanie" in page
    assert '<html lang="pl"' in page


def test_a_host_the_site_does_not_serve_gets_the_polish_400_page(db):
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Nieprawidłowe zapytanie" in response.content.decode()


def test_a_staff_member_without_the_right_gets_the_polish_403_page(client, db):
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/admin/auth/user/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Brak dostępu" in page and "Nie masz uprawnień do tej strony." in page
    assert "Forbidden" not in page


def test_a_form_without_its_csrf_token_gets_the_polish_page(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post("/admin/news/category/add/", {"name_pl": "Nowa"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Formularz wygasł" in page and "wyślij go ponownie" in page
    assert "CSRF verification failed" not in page
