"""How the admin looks to an editor: a translator sees the Polish text beside the box they
translate it in on a wide screen and under it on a phone, the form never scrolls sideways, a
long title fits its box and is not covered by the buttons above the form, and the page tree's
list shows all its columns at 1280 px."""

import pytest
from django.contrib.auth.models import Group, User

from cus_site.permissions import CONTENT_EDITORS
from tests.browser.signing import sign_in
from tests.factories import PostFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "hasło-tłumaczki-2025"
TITLE = "Spotkanie przedstawicieli Młodzieżowej Rady Miejskiej w Tarnowie z Seniorami"
# The field's row, and what an editor types into in it.
BOXES = {"title_en": "#id_title_en", "lead_en": "#id_lead_en", "body_en": ".prose-editor"}


@pytest.fixture(scope="module")
def translation_to_do(site, django_db_blocker):
    """A content editor and a post with a Polish title, lead and body, committed for the live
    server."""
    with django_db_blocker.unblock():
        user = User.objects.create_user("tlumaczka", password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=CONTENT_EDITORS))
        post = PostFactory(
            title_pl=TITLE,
            lead_pl="Zapraszamy seniorów na spotkanie z muzyką i poczęstunkiem.",
            body_pl="<p>Spotkanie odbędzie się w sali na parterze. Wstęp wolny.</p>",
        )
        yield post
        post.delete()
        user.delete()


def open_in_english(page, site, post):
    sign_in(page, site, "tlumaczka", PASSWORD)
    page.goto(f"{site.url}/admin/news/post/{post.pk}/change/")
    page.select_option("#modeltranslation-main-switch", label="en")


def boxes(page, field):
    row = page.locator(f".form-row.field-{field}")
    original = row.locator(".cus-original")
    assert original.inner_text().startswith("Po polsku:")
    return row.locator(BOXES[field]).first.bounding_box(), original.bounding_box()


def scrolls_sideways(page):
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def test_the_polish_original_is_beside_each_field_on_a_wide_screen(page, site, translation_to_do):
    open_in_english(page, site, translation_to_do)
    for field in BOXES:
        box, original = boxes(page, field)
        assert original["x"] >= box["x"] + box["width"], field
        assert original["y"] < box["y"] + box["height"], field  # beside, not below
    assert not scrolls_sideways(page)


def test_the_polish_original_is_under_each_field_on_a_phone(page, site, translation_to_do):
    page.set_viewport_size({"width": 390, "height": 844})
    open_in_english(page, site, translation_to_do)
    for field in BOXES:
        box, original = boxes(page, field)
        assert original["y"] >= box["y"] + box["height"], field
        assert original["x"] + original["width"] <= 390, field
    assert not scrolls_sideways(page)


def overlap(first, second):
    return not (
        first["x"] + first["width"] <= second["x"]
        or second["x"] + second["width"] <= first["x"]
        or first["y"] + first["height"] <= second["y"]
        or second["y"] + second["height"] <= first["y"]
    )


def test_a_long_title_fits_its_box_and_no_button_covers_it(page, site, translation_to_do):
    open_in_english(page, site, translation_to_do)
    page.select_option("#modeltranslation-main-switch", label="pl")
    title_box = page.locator("#id_title_pl")
    assert title_box.evaluate("box => box.scrollWidth <= box.clientWidth")
    heading = page.locator("#content h2", has_text=TITLE).bounding_box()
    for button in page.locator(".object-tools a").all():
        assert not overlap(heading, button.bounding_box()), button.inner_text()


def test_the_page_tree_list_shows_all_its_columns(page, site, translation_to_do):
    sign_in(page, site, "tlumaczka", PASSWORD)
    page.goto(site.url + "/admin/pages/page/")
    results = page.locator("#changelist .results")
    assert results.evaluate("list => list.scrollWidth <= list.clientWidth")
    assert page.locator("#result_list thead th", has_text="UK").is_visible()
