from django.test import Client
from django.urls import reverse


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
