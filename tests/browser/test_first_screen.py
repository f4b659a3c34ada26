"""A resident's first screen on a phone: every unit's open/closed status is visible on the home
page without scrolling, before any notice, and the first unit's on /godziny-otwarcia/; the tools
and languages are one tap away.

Measured with the worst case the header carries: the main menu with five editor-chosen sections
beside the fixed ones (the demo's three and two more, with long names) and the suite's notice
at the top of <main> (`worst_case_layout`).
"""

import datetime
import zoneinfo

import pytest
import time_machine

from cus_site.slugs import slugify_pl
from pages.menu import FIXED_SECTIONS
from tests.factories import NoticeFactory, PageFactory

# No test transaction here: `worst_case_layout` commits its rows so that the live server's
# thread sees them, and deletes them afterwards.
pytestmark = pytest.mark.browser

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
PHONES = [(390, 844), (320, 640)]
TEXT_SIZES = {"normal": None, "largest": "bardzo-duzy.zwykly"}
# The statuses residents meet most often, the longest of them, and a holiday's.
MOMENTS = {
    "open": datetime.datetime(2026, 11, 17, 10, 0, tzinfo=WARSAW),
    "closed until Monday": datetime.datetime(2026, 11, 20, 18, 0, tzinfo=WARSAW),
    "Christmas Eve": datetime.datetime(2026, 12, 24, 10, 0, tzinfo=WARSAW),
}
EXTRA_SECTIONS = ["Projekty i programy unijne", "Dla seniorów i ich opiekunów"]
NOTICE = (
    "W piątek 19 grudnia Biuro Obsługi Mieszkańców pracuje do 12:00 z powodu szkolenia "
    "pracowników. Sprawy pilne załatwisz w siedzibie."
)

STATUS_BOXES = """() => [...document.querySelectorAll('main .unit-status')].map(status => {
  const box = status.getBoundingClientRect();
  return {top: box.top, bottom: box.bottom,
          firstLine: box.top + parseFloat(getComputedStyle(status).lineHeight),
          text: status.textContent.trim()};
})"""
STATUSES_BEFORE_NOTICE = """() => {
  const notice = document.querySelector('main .notices');
  return [...document.querySelectorAll('main .unit-status')].every(status =>
    status.compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING);
}"""


@pytest.fixture
def worst_case_layout(site, django_db_blocker):
    """Two more top-level pages in the main menu, beside the demo's three sections, and a
    notice of two lines shown on the moments the tests travel to."""
    with django_db_blocker.unblock():
        extra = [
            PageFactory(title_pl=name, slug_pl=slugify_pl(name), in_menu=True, position=10)
            for name in EXTRA_SECTIONS
        ]
        notice = NoticeFactory(
            text_pl=NOTICE,
            shown_from=datetime.datetime(2026, 1, 1, tzinfo=WARSAW),
            shown_until=datetime.datetime(2027, 1, 1, tzinfo=WARSAW),
        )
    yield
    with django_db_blocker.unblock():
        notice.delete()
        for page in extra:
            page.delete()


def open_phone(browser, site, size, text_size):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, locale="pl-PL")
    if TEXT_SIZES[text_size]:
        context.add_cookies(
            [{"name": "cus_reader", "value": TEXT_SIZES[text_size], "url": site.url}]
        )
    return context


@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("size", PHONES, ids=[f"{w}x{h}" for w, h in PHONES])
def test_every_units_status_is_on_the_first_screen_of_the_home_page(
    browser, site, worst_case_layout, size, text_size
):
    context = open_phone(browser, site, size, text_size)
    page = context.new_page()
    problems = []
    for moment_name, moment in MOMENTS.items():
        with time_machine.travel(moment, tick=True):
            page.goto(site.address("home"))
        assert page.locator("main .notices").count() == 1, "the notice is in place"
        assert page.locator(".main-nav a").count() == len(FIXED_SECTIONS) + 5
        assert page.evaluate(STATUSES_BEFORE_NOTICE), "the status comes before the notice"
        boxes = page.evaluate(STATUS_BOXES)
        assert len(boxes) == 2
        for box in boxes:
            # A holiday's status is a long sentence; on the smallest screen with the largest text
            # its first line ("Dziś nieczynne: Wigilia –") must be in sight, the rest may follow.
            seen = box["firstLine"] if moment_name == "Christmas Eve" else box["bottom"]
            if box["top"] < 0 or seen > size[1]:
                problems.append(f"{moment_name}: {box['text']!r} ends at {seen:.0f} px")
    context.close()
    assert not problems, problems


@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("size", PHONES, ids=[f"{w}x{h}" for w, h in PHONES])
def test_the_first_units_status_is_on_the_first_screen_of_the_hours_page(
    browser, site, worst_case_layout, size, text_size
):
    context = open_phone(browser, site, size, text_size)
    page = context.new_page()
    with time_machine.travel(MOMENTS["closed until Monday"], tick=True):
        page.goto(site.address("opening hours"))
    first = page.evaluate(STATUS_BOXES)[0]
    assert first["bottom"] <= size[1], first
    second_unit = page.locator("section.unit-hours").nth(1).bounding_box()
    assert second_unit["y"] < 2 * size[1], "a phone reaches the second unit within two screens"
    context.close()


def test_tools_and_languages_are_one_tap_away_without_javascript(browser, site):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site.address("home"))
    assert page.get_by_role("link", name="English").is_visible()
    assert page.get_by_role("link", name="Українська").is_visible()
    larger_text = page.get_by_role("link", name="Tekst większy")
    assert not larger_text.is_visible()
    page.locator("summary", has_text="Ułatwienia").click()
    assert larger_text.is_visible()
    assert page.get_by_role("link", name="Tekst łatwy do czytania").first.is_visible()
    page.locator("summary", has_text="Menu").click()
    assert page.get_by_role("link", name="Godziny otwarcia").first.is_visible()
    assert not larger_text.is_visible(), "one panel open at a time"
    page.locator("summary", has_text="Szukaj").click()
    page.get_by_label("Szukaj w serwisie").fill("warsztaty")
    page.get_by_role("button", name="Szukaj").click()
    assert "/szukaj/?q=warsztaty" in page.url
    context.close()


def test_wide_screens_show_menu_search_and_tools_without_a_tap(page, site):
    page.goto(site.address("home"))
    for name in ("Aktualności", "Kontakt", "Tekst większy", "English"):
        assert page.get_by_role("link", name=name).first.is_visible(), name
    assert page.get_by_label("Szukaj w serwisie").is_visible()
    assert not page.locator("summary", has_text="Ułatwienia").is_visible()


def test_a_portrait_photo_leaves_room_for_the_text(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site.url + site.made["portrait"].get_absolute_url())
    cover = page.locator(".post__cover img").bounding_box()
    assert cover["height"] <= 0.7 * 844 + 1
    assert cover["width"] < cover["height"], "still upright, not cropped or squashed"
    context.close()
