from django.urls import reverse

from tests.factories import UserFactory


def test_content_pages_may_be_kept_by_browsers_and_proxies_for_five_minutes(client, db):
    response = client.get(reverse("news:index"))
    assert response.status_code == 200
    assert "public" in response.headers["Cache-Control"]
    assert "max-age=300" in response.headers["Cache-Control"]


def test_a_page_seen_before_costs_a_304(client, db):
    first = client.get(reverse("news:index"))
    again = client.get(reverse("news:index"), headers={"if-none-match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_pages_with_the_hours_status_stay_uncached(client, db):
    for name in ("pages:home", "hours:index", "pages:contact"):
        control = client.get(reverse(name)).headers["Cache-Control"]
        assert "no-cache" in control
        assert "public" not in control


def test_signed_in_staff_pages_are_not_marked_public(client, db):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(reverse("news:index"))
    assert "public" not in response.headers.get("Cache-Control", "")


def test_not_found_pages_are_not_cached(client, db):
    response = client.get("/aktualnosci/nie-ma-takiego-wpisu/")
    assert response.status_code == 404
    assert "public" not in response.headers.get("Cache-Control", "")
