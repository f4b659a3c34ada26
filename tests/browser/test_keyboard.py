"""Everything works from the keyboard, and the keyboard focus is always visible."""

import pytest

from .conftest import PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Marks every element a keyboard user can reach, in document order, and notes how it looks
# unfocused, to compare with how it looks when Tab lands on it.
MARK_FOCUSABLE = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + 'video[controls], audio[controls], [tabindex]:not([tabindex="-1"])';
  const shown = element => element.getClientRects().length > 0
    && getComputedStyle(element).visibility !== 'hidden' && !element.closest('[inert]');
  return [...document.querySelectorAll(selector)].filter(shown).map((element, index) => {
    element.dataset.keyboardIndex = index;
    const style = getComputedStyle(element);
    const label = element.textContent || element.getAttribute('href') || '';
    return {
      name: element.tagName + ' ' + label.trim().slice(0, 40),
      outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor,
      shadow: style.boxShadow,
    };
  });
}"""
FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body || !element.dataset.keyboardIndex) return null;
  const style = getComputedStyle(element);
  return {
    index: Number(element.dataset.keyboardIndex),
    outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor,
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    shadow: style.boxShadow,
  };
}"""


def shows_focus(unfocused, focused):
    outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2
    shadow = focused["shadow"] != "none" and focused["shadow"] != unfocused["shadow"]
    return (outline and focused["outline"] != unfocused["outline"]) or shadow


def test_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_the_content(page, site):
    page.goto(site.address("home"))
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    box = skip_link.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0, "the focused skip link is on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "tresc"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_link_and_control_is_reached_by_tab_and_shows_focus(page, site, page_type):
    page.goto(site.address(page_type))
    elements = page.evaluate(MARK_FOCUSABLE)
    reached, unseen_focus = set(), []
    for _ in range(len(elements) * 3 + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            if reached:
                break
            continue
        if focused["index"] not in reached and not shows_focus(elements[focused["index"]], focused):
            unseen_focus.append(elements[focused["index"]]["name"])
        reached.add(focused["index"])
    missed = [element["name"] for index, element in enumerate(elements) if index not in reached]
    assert not missed, f"not reachable with Tab: {missed}"
    assert not unseen_focus, f"no visible focus: {unseen_focus}"
