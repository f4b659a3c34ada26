"""Every admin screen an editor of either group opens reads as Polish: no model name forced
into a sentence Django declines ("Zmień jednostka", "został(a)(-ło)"), no English of the text
editor's toolbar, and the editor itself usable (Polish tooltips, no blank icon, 15 lines)."""

import re

import pytest
from django.contrib.auth.models import Group, User

from cus_site.permissions import CONTENT_EDITORS, HOURS_EDITORS
from tests.browser.signing import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "hasło-redaktorki-2025"

# Forms Django's Polish catalogue builds from a model's name, seen on the admin before.
BROKEN_FORMS = re.compile(
    r"\(a\)|\(-\w+\)|\(go\)|\(i\)|kolejne\(|wybrane\(|wybraną\(|"
    r"\b(Zmień|Dodaj|Zobacz|Wybierz) (jednostka|kategoria|strona|wpis|dzień|komunikat|program"
    r"|wydarzenie|odbiorcy|dane|deklaracja|wprowadzenie|przekierowanie)\b|"
    r"\bWybierz \w+( \w+)? do (zmiany|obejrzenia)\b"
)
# The prose editor's English, as django-prose-editor writes it in its JavaScript.
EDITOR_ENGLISH = re.compile(
    r"\b(Heading \d|heading \d|Paragraph|paragraph|bold|italic|insert link|remove link|"
    r"Insert table|Merge cells|Split cell|Add column|Delete column|Add row|Delete row|"
    r"Delete table|Toggle header cell|undo|redo|unordered list|ordered list|blockquote|"
    r"Table Properties|Include header row)\b"
)
# What a person reads or hears: the text, titles, labels and options. An icon's ligature name
# ("undo") is drawn as an icon, not read, so it is left out.
READ_TEXTS = """() => {
    const icons = new Set(
        [...document.querySelectorAll(".material-icons")].map(icon => icon.textContent)
    );
    const words = document.body.innerText.split(/\\s+/).filter(word => !icons.has(word));
    const texts = [document.title, words.join(" ")];
    const named = "[title], [aria-label], option, input[type=submit]";
    for (const element of document.querySelectorAll(named)) {
        texts.push(element.title, element.getAttribute("aria-label") || "", element.value || "");
        if (!icons.has(element.textContent)) texts.push(element.textContent);
    }
    return texts.join("\\n");
}"""


@pytest.fixture(scope="module")
def editors(site, django_db_blocker):
    """One account in each editors' group, committed so that the live server sees them."""
    with django_db_blocker.unblock():
        accounts = {}
        for group in (CONTENT_EDITORS, HOURS_EDITORS):
            user = User.objects.create_user(
                f"redakcja.{len(accounts)}", password=PASSWORD, is_staff=True
            )
            user.groups.add(Group.objects.get(name=group))
            accounts[group] = user
        yield accounts
        for user in accounts.values():
            user.delete()


def admin_pages(page, site):
    """The lists the editor may open from the admin's front page, each list's first item and
    its form for a new one, and the deletion page of that item."""
    page.goto(site.url + "/admin/")
    lists = page.eval_on_selector_all(
        "#content-main th[scope=row] a", "links => links.map(link => link.href)"
    )
    addresses = []
    for address in lists:
        page.goto(address)
        addresses.append(page.url)
        first = page.locator("#result_list tbody th a, #result_list tbody td.field-__str__ a")
        if first.count():
            change = first.first.get_attribute("href")
            addresses.append(site.url + change)
            addresses.append(site.url + change.replace("/change/", "/delete/"))
        add = page.locator(".object-tools a.addlink")
        if add.count():
            addresses.append(site.url + add.first.get_attribute("href"))
    return addresses


def problems_on(page):
    page.wait_for_load_state("load")
    if page.locator("[data-django-prose-editor-cus]").count():
        page.locator(".prose-menubar").first.wait_for()
    text = page.evaluate(READ_TEXTS)
    patterns = (BROKEN_FORMS, EDITOR_ENGLISH)
    return [match[0] for pattern in patterns for match in pattern.finditer(text)]


@pytest.mark.parametrize("group", [CONTENT_EDITORS, HOURS_EDITORS])
def test_every_admin_page_of_an_editors_group_reads_as_polish(page, site, editors, group):
    sign_in(page, site, editors[group].username, PASSWORD)
    addresses = admin_pages(page, site)
    assert len(addresses) > 5
    found = {}
    for address in addresses:
        response = page.goto(address)
        assert response.status == 200, address
        if problems := problems_on(page):
            found[address] = sorted(set(problems))
    assert found == {}


def test_the_text_editor_speaks_polish_shows_every_icon_and_is_15_lines_high(page, site, editors):
    sign_in(page, site, editors[CONTENT_EDITORS].username, PASSWORD)
    page.goto(site.url + "/admin/news/post/add/")
    menubar = page.locator(".prose-menubar >> visible=true").first
    menubar.wait_for()
    arrow = menubar.locator(".prose-menubar__selected").first
    assert arrow.evaluate("e => getComputedStyle(e, '::after').content") == '""'
    # An icon whose ligature the font lacks shows as its name ("format_bold"), far wider.
    widths = menubar.locator(".material-icons").evaluate_all(
        "buttons => buttons.map(button => button.getBoundingClientRect().width)"
    )
    assert widths and max(widths) < 48
    assert menubar.get_by_role("button", name="Pogrubienie").count() == 1
    assert menubar.get_by_role("button", name="Wstaw tabelę").count() == 1
    assert menubar.get_by_role("button", name="Cofnij").count() == 1
    editor = page.locator(".ProseMirror >> visible=true").first
    line_height = editor.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 20")
    assert editor.bounding_box()["height"] >= 15 * min(line_height, 18)


def test_the_accessibility_statement_form_fits_1280_pixels(page, site, editors):
    sign_in(page, site, editors[CONTENT_EDITORS].username, PASSWORD)
    page.goto(site.url + "/admin/pages/accessibilitystatement/")
    page.locator("#accessibilitystatement_form").wait_for()
    widest = page.evaluate(
        """() => [...document.querySelectorAll("#content *")]
            .filter(e => e.getBoundingClientRect().right > 1280)
            .slice(0, 5).map(e => e.tagName + "." + e.className + "#" + e.id)"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280, widest
