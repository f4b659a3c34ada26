"""Signing in to the admin as an editor does, for the browser tests."""


def sign_in(page, site, username, password):
    """Fill in the Polish sign-in form and wait for the admin's front page."""
    page.goto(site.url + "/admin/login/")
    page.get_by_label("Nazwa użytkownika").fill(username)
    page.get_by_label("Hasło").fill(password)
    page.get_by_role("button", name="Zaloguj się").click()
    page.get_by_role("heading", name="Zarządzanie treścią").wait_for()
