"""Larger text and high contrast work with JavaScript switched off, and the system's contrast
and colour-scheme settings are followed. (The largest text at 320 px: test_reflow.py.)"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PAGE_TYPES
from .test_accessibility import AXE_OPTIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ROOT_FONT_SIZE = "parseFloat(getComputedStyle(document.documentElement).fontSize)"
BACKGROUND = "getComputedStyle(document.body).backgroundColor"
BLACK, WHITE = "rgb(0, 0, 0)", "rgb(255, 255, 255)"


@pytest.fixture
def page_without_javascript(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    yield context.new_page()
    context.close()


def choose(page, option):
    """Click a reader option as on a phone: it is in the header's "Ułatwienia" panel."""
    page.locator("summary", has_text="Ułatwienia").click()
    page.get_by_role("link", name=option).click()


def html_classes(page):
    return page.locator("html").get_attribute("class") or ""


def test_reader_options_switch_and_stay_without_javascript(page_without_javascript, site):
    page = page_without_javascript
    page.goto(site.address("contact"))
    normal_size = page.evaluate(ROOT_FONT_SIZE)
    assert page.evaluate(BACKGROUND) == WHITE

    choose(page, "Tekst większy")
    assert page.url == site.address("contact")
    assert html_classes(page) == "text-large"
    assert page.evaluate(ROOT_FONT_SIZE) == pytest.approx(normal_size * 1.2)

    choose(page, "Tekst największy")
    choose(page, "Kontrast wysoki")
    assert html_classes(page) == "text-larger contrast-high"
    assert page.evaluate(ROOT_FONT_SIZE) == pytest.approx(normal_size * 1.4)
    assert page.evaluate(BACKGROUND) == BLACK

    page.goto(site.address("easy-to-read"))
    assert html_classes(page) == "text-larger contrast-high", "the choice is remembered"
    cookie = next(c for c in page.context.cookies() if c["name"] == "cus_reader")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"

    choose(page, "Tekst zwykły")
    choose(page, "Kontrast zwykły")
    assert html_classes(page) == ""
    assert not [c for c in page.context.cookies() if c["name"] == "cus_reader"]


def test_system_setting_for_more_contrast_gives_the_high_contrast_colours(page, site):
    page.emulate_media(contrast="more")
    page.goto(site.address("home"))
    assert page.evaluate(BACKGROUND) == BLACK


def test_dark_colour_scheme_is_followed_and_high_contrast_wins_over_it(page, site):
    page.emulate_media(color_scheme="dark")
    page.goto(site.address("home"))
    assert page.evaluate(BACKGROUND) == "rgb(18, 20, 22)"
    page.context.add_cookies([{"name": "cus_reader", "value": "zwykly.wysoki", "url": site.url}])
    page.reload()
    assert page.evaluate(BACKGROUND) == BLACK


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_passes_axe_in_the_dark_colour_scheme(page, site, page_type):
    page.emulate_media(color_scheme="dark")
    page.goto(site.address(page_type))
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, [
        (v["id"], [node["target"] for node in v["nodes"][:5]]) for v in violations
    ]
