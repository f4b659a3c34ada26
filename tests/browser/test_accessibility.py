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
