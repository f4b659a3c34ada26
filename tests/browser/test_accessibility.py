"""axe-core finds no WCAG 2.1 A/AA violation on any page type, in every language, in normal and
high contrast, at 1280 px and 320 px; and at 320 px (1280 px at 400 % zoom) nothing scrolls
sideways."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import LANGUAGE_PREFIXES, PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
MODES = {"normal": None, "high contrast": "zwykly.wysoki"}
WIDTHS = [1280, 320]
SIDEWAYS_SCROLL = "document.documentElement.scrollWidth > document.documentElement.clientWidth"
AXE = Axe()


def violations(page):
    results = AXE.run(page, options=AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


def set_reader_cookie(page, site, value):
    page.context.clear_cookies()
    if value:
        page.context.add_cookies([{"name": "cus_reader", "value": value, "url": site.url}])


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_passes_axe_and_reflows(page, site, page_type, language):
    problems = []
    for mode, cookie in MODES.items():
        set_reader_cookie(page, site, cookie)
        page.set_viewport_size({"width": 1280, "height": 900})
        response = page.goto(site.address(page_type, language))
        assert response.status == (404 if page_type == "404" else 200)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            problems += [f"{mode}, {width} px: {found}" for found in violations(page)]
            if width == 320 and page.evaluate(SIDEWAYS_SCROLL):
                problems.append(f"{mode}, 320 px: the page scrolls sideways")
    assert not problems, "\n".join(problems)


def test_example_pages_show_what_they_are_examples_of(page, site):
    """The table's pages are checked as residents see them: photos served and loaded, the
    captioned video in place, search results found."""
    page.goto(site.address("post with cover and gallery"))
    images = page.locator("main img")
    assert images.count() == 4, "the cover and three gallery photos"
    for image in images.all():
        image.scroll_into_view_if_needed()  # the gallery's photos load lazily
        assert image.evaluate("i => i.decode().then(() => i.naturalWidth > 0)")
    page.goto(site.address("sign language"))
    assert page.locator('video track[kind="captions"][srclang="pl"]').count() == 1
    response = page.request.get(site.url + page.locator("video track").get_attribute("src"))
    assert response.ok and response.text().startswith("WEBVTT")
    page.goto(site.address("search results"))
    assert page.locator("main").get_by_role("link", name="Warsztaty", exact=False).count() > 0
