"""Dates in every editor admin, not only the hours screens, are typed as on paper
("2.01.2027", "2 stycznia 2027") with the example in the box and in the error, and times in a
plain box "np. 9:00" without the admin's clock and its "Teraz" link (cus_site.date_input)."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest

from news.models import Post
from pages.notices import Notice
from tests.cus_site.test_admin_bad_input import AddForm
from tests.factories import PostFactory
from tests.news.test_admin import post_form
from tests.pages.test_notices import admin_data

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
DATE_ERROR = "Wpisz datę, np. 2.01.2027 albo 2 stycznia 2027."
TIME_ERROR = "Wpisz godzinę, np. 9:00."

# The content editors' forms with dates, and the date and time boxes each shows.
FORMS_WITH_DATES = {
    "/admin/news/post/add/": ["published_at_0"],
    "/admin/events/event/add/": ["starts_on", "ends_on", "registration_deadline"],
    "/admin/pages/notice/add/": ["shown_from_0", "shown_until_0"],
    "/admin/osl/programme/add/": ["plan_from", "plan_to"],
}
FORMS_WITH_TIMES = {
    "/admin/news/post/add/": ["published_at_1"],
    "/admin/events/event/add/": ["starts_at", "ends_at"],
    "/admin/pages/notice/add/": ["shown_from_1", "shown_until_1"],
}


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def box(html, name):
    found = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert found, f"no box {name}"
    return found[0]


def errors_at(html, field):
    found = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return found[1] if found else ""


@pytest.mark.parametrize("url", FORMS_WITH_DATES)
def test_date_boxes_show_the_example(editor_client, url):
    html = editor_client.get(url).content.decode()
    for name in FORMS_WITH_DATES[url]:
        assert 'placeholder="np. 2.01.2027"' in box(html, name), name


@pytest.mark.parametrize("url", FORMS_WITH_TIMES)
def test_time_boxes_show_the_example_and_no_clock(editor_client, url):
    html = editor_client.get(url).content.decode()
    for name in FORMS_WITH_TIMES[url]:
        time_box = box(html, name)
        assert 'placeholder="np. 9:00"' in time_box, name
        # The admin's script puts its clock and "Teraz" beside every box of this class.
        assert "vTimeField" not in time_box, name


def test_a_date_and_its_time_are_one_paragraph(editor_client):
    # The admin's own date widget is a paragraph; inside the date-and-time one it would close
    # it, and the time box would fall out of line.
    html = editor_client.get("/admin/news/post/add/").content.decode()
    paragraph = re.search(r'<p class="datetime">(.*?)</p>', html, re.S)[1]
    assert 'name="published_at_0"' in paragraph and 'name="published_at_1"' in paragraph
    assert "<p" not in paragraph


@pytest.mark.parametrize("typed", ["2 stycznia 2027", "2.01.2027", "2 stycznia 2027 r."])
def test_a_post_dated_as_on_paper_is_saved_on_that_day(editor_client, typed):
    response = editor_client.post(
        "/admin/news/post/add/", post_form(published_at_0=typed, published_at_1="9:00")
    )
    assert response.status_code == 302
    assert Post.objects.get().published_at == datetime.datetime(2027, 1, 2, 9, tzinfo=WARSAW)


def test_a_posts_saved_date_is_shown_as_on_paper(editor_client):
    editor_client.post("/admin/news/post/add/", post_form(published_at_0="2 stycznia 2027"))
    post = Post.objects.get()
    html = editor_client.get(f"/admin/news/post/{post.pk}/change/").content.decode()
    assert 'value="02.01.2027"' in box(html, "published_at_0")
    assert 'value="12:00"' in box(html, "published_at_1")


def test_a_form_saved_as_it_was_shown_leaves_the_date_unset(editor_client):
    """The boxes show minutes; a date stored with seconds is not "changed" by saving it."""
    published_at = datetime.datetime(2026, 11, 26, 10, 15, 42, tzinfo=WARSAW)
    post = PostFactory(status="draft", published_at=published_at, published_at_set=False)
    url = f"/admin/news/post/{post.pk}/change/"
    shown = AddForm(editor_client.get(url).content.decode()).data
    response = editor_client.post(url, {**shown, "_save": "Zapisz"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.published_at_set is False


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"published_at_0": "31.02.2027"}, DATE_ERROR),
        ({"published_at_0": "2 stycznik 2027"}, DATE_ERROR),
        ({"published_at_1": "25:61"}, TIME_ERROR),
    ],
)
def test_a_wrong_post_date_or_time_says_how_to_write_it(editor_client, fields, message):
    response = editor_client.post("/admin/news/post/add/", post_form(**fields))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in errors_at(html, "published_at")
    assert all(f'value="{value}"' in html for value in fields.values())


def test_a_notice_shown_from_a_day_in_words_is_saved(editor_client):
    data = admin_data(
        shown_from_0="14 grudnia 2026", shown_until_0="18.12.2026", shown_until_1="16:00"
    )
    response = editor_client.post("/admin/pages/notice/add/", data)
    assert response.status_code == 302
    notice = Notice.objects.get()
    assert notice.shown_from == datetime.datetime(2026, 12, 14, 8, tzinfo=WARSAW)
    assert notice.shown_until == datetime.datetime(2026, 12, 18, 16, tzinfo=WARSAW)


def test_a_wrong_event_day_says_how_to_write_it(editor_client):
    response = editor_client.post(
        "/admin/events/event/add/", {"title_pl": "Piknik", "starts_on": "32.01.2027"}
    )
    assert DATE_ERROR in errors_at(response.content.decode(), "starts_on")
