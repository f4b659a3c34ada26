"""Bad input from the reader's side: the smallest phone with the largest text, on every public
page type in every language. Nothing scrolls sideways, no text lies over other text, and no
hours status is hidden or covered."""

import pytest

from .conftest import LANGUAGE_PREFIXES, PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Only what is drawn: the header's closed panels are not.
WIDER_THAN_SCREEN = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.checkVisibility())
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .map(e => e.tagName + '.' + e.className).slice(0, 5)"""

# Every line of visible text as a box; two boxes of different text that share more than a few
# pixels both ways are text written over text.
OVERLAPPING_TEXT = """() => {
  // Text clipped to nothing for screen readers only (.visually-hidden and the like) is not seen.
  const clipped = element => {
    for (let each = element; each; each = each.parentElement) {
      const style = getComputedStyle(each);
      if (style.position === 'absolute' && style.clip !== 'auto') return true;
    }
    return false;
  };
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const hidden = element.closest('script') || !element.checkVisibility() || clipped(element);
    if (!node.textContent.trim() || hidden) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) {
      if (box.width > 2 && box.height > 2) boxes.push({box, node});
    }
  }
  const found = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].box, b = boxes[j].box;
      if (boxes[i].node === boxes[j].node) continue;
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (across > 3 && down > 3) {
        found.push(boxes[i].node.textContent.trim().slice(0, 30) + ' / '
          + boxes[j].node.textContent.trim().slice(0, 30));
      }
    }
  }
  return found.slice(0, 5);
}"""

HIDDEN_STATUSES = """() => [...document.querySelectorAll('.unit-status')].filter(status => {
  status.scrollIntoView({block: 'center'});
  const box = status.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + 10, box.top + box.height / 2);
  return !status.checkVisibility() || !(top && status.contains(top));
}).map(status => status.textContent.trim())"""


@pytest.fixture
def largest_text_phone(site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    context.add_cookies([{"name": "cus_reader", "value": "bardzo-duzy.zwykly", "url": site.url}])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", LANGUAGE_PREFIXES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_largest_text_at_320_px_keeps_every_page_readable(
    largest_text_phone, site, page_type, language
):
    page = largest_text_phone
    page.goto(site.address(page_type, language))
    assert not page.evaluate(WIDER_THAN_SCREEN), "nothing wider than the screen"
    assert not page.evaluate(OVERLAPPING_TEXT), "no text over other text"
    assert not page.evaluate(HIDDEN_STATUSES), "every status seen, none covered"
