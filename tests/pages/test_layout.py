import re

from django.urls import reverse


def home(client):
    response = client.get(reverse("pages:home"))
    assert response.status_code == 200
    return response.content.decode()


def test_home_renders_with_debug_off_in_polish(client, db, settings):
    assert settings.DEBUG is False
    page = home(client)
    assert '<html lang="pl"' in page
    assert "Centrum Usług Społecznych w Tarnowie" in page


def test_layout_has_landmarks_and_skip_link_first(client, db):
    page = home(client)
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in page
    first_link = re.search(r"<a\b[^>]*>", page)[0]
    assert 'class="skip-link"' in first_link
    assert 'href="#tresc"' in first_link
    assert 'id="tresc"' in page


def test_main_menu_names_the_four_sections(client, db):
    nav = re.search(r'<nav class="[^"]*main-nav".*?</nav>', home(client), re.S)[0]
    for label in (
        "Aktualności",
        "Organizowanie społeczności lokalnej",
        "Godziny otwarcia",
        "Kontakt",
    ):
        assert label in nav


def test_public_pages_carry_no_inline_script_or_style(client, db):
    page = home(client)
    assert not re.search(r"<script(?![^>]*application/ld\+json)", page)
    assert "<style" not in page
    assert not re.search(r"\sstyle=", page)
    assert not re.search(r"\son[a-z]+=", page)


def test_public_pages_are_served_with_a_strict_content_security_policy(client, db):
    response = client.get(reverse("pages:home"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: " in response.content.decode()
    assert "/sitemap.xml" in response.content.decode()


def test_robots_txt_answers_a_head_request(client, db):
    # Uptime monitors and some crawlers ask with HEAD first.
    assert client.head("/robots.txt").status_code == 200


def test_sitemap_lists_the_home_page(client, db):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "<loc>" in response.content.decode()
