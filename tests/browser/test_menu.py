"""The main menu with the tree's sections: whole and readable at 320 px without JavaScript,
and used from the keyboard; a page's breadcrumbs lead back up the tree."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def narrow_page(site, browser):
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, java_script_enabled=False, locale="pl-PL"
    )
    yield context.new_page()
    context.close()


def test_the_menu_fits_320_px_without_javascript_and_works_from_the_keyboard(narrow_page, site):
    page = narrow_page
    page.goto(site.address("home"))
    links = page.locator(".main-nav a")
    assert links.all_inner_texts()[:3] == ["O nas", "Jak możemy pomóc", "Druki do pobrania"]
    for link in links.all():
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, link.inner_text()
        assert box["height"] >= 24, link.inner_text()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Jak możemy pomóc":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/jak-mozemy-pomoc/")
    assert page.locator("h1").inner_text() == "Jak możemy pomóc"
    current = page.locator('.main-nav a[aria-current="page"]')
    assert current.inner_text() == "Jak możemy pomóc"


def test_breadcrumbs_lead_back_up_the_tree(page, site):
    page.goto(site.address("service"))
    crumbs = page.locator(".breadcrumbs li")
    assert crumbs.all_inner_texts() == ["Strona główna", "Jak możemy pomóc", "Usługi opiekuńcze"]
    page.locator(".breadcrumbs").get_by_role("link", name="Jak możemy pomóc").click()
    page.wait_for_url("**/jak-mozemy-pomoc/")
    services = page.locator(".subpages__link")
    assert services.all_inner_texts() == ["Usługi opiekuńcze"]


def test_a_document_downloads_from_its_page(page, site):
    page.goto(site.address("forms to download"))
    link = page.locator(".documents__link").first
    assert link.inner_text() == "Wniosek o usługi opiekuńcze (PDF, 1\xa0KB)"
    response = page.request.get(site.url + link.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
