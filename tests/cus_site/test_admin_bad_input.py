"""Bad input in the editors' main add forms: hostile text (a script, a `javascript:` link, a
NUL character, 10,000 characters) and wrong formats (dates, times, numbers, addresses, e-mails)
in every box at once. Never a 500; a refused value gets a Polish message at its field; every
value typed is shown again in the form, so nothing has to be typed twice. Sent by the
superuser and by a member of each editors' group on the forms that group may use."""

import re
from html import escape
from html.parser import HTMLParser

import pytest
from django.utils.html import strip_tags

from cus_site.permissions import CONTENT_EDITORS, HOURS_EDITORS

pytestmark = pytest.mark.django_db

FORMS_OF = {
    CONTENT_EDITORS: [
        "/admin/news/post/add/",
        "/admin/news/category/add/",
        "/admin/osl/programme/add/",
        "/admin/pages/page/add/",
        "/admin/events/event/add/",
        "/admin/events/audience/add/",
        "/admin/pages/notice/add/",
        "/admin/pages/textpage/add/",
        "/admin/pages/redirect/add/",
        "/admin/pages/sitesettings/add/",
        "/admin/pages/accessibilitystatement/add/",
    ],
    HOURS_EDITORS: [
        "/admin/hours/unit/add/",
        "/admin/hours/specialday/add/",
    ],
}
# (who sends, the form): the superuser every form, each group's member the group's own.
SENDERS = [
    *(("superuser", url) for urls in FORMS_OF.values() for url in urls),
    *((group, url) for group, urls in FORMS_OF.items() for url in urls),
]

HOSTILE = {
    "script": "<script>alert(1)</script>",
    "javascript-link": "javascript:alert(1)",
    "nul": "Tekst\x00z NUL",
    "10000-characters": "ż" * 10_000,
}

# A wrong value of each kind of box, the others given plain text.
WRONG_FORMAT = {
    "date": "31.02.2027",
    "time": "25:61",
    "number": "dużo",
    "url": "to nie adres",
    "email": "nie-e-mail",
}

TEXT_BOXES = {"text", "url", "email", "number", "date", "time", "search", "tel"}
# Words of Django's English messages that no Polish message has.
ENGLISH = re.compile(
    r"\b(the|this|enter|ensure|valid|characters|field|allowed|value|required|must)\b", re.I
)


class AddForm(HTMLParser):
    """What a browser would send from the page's main form: every box with its value, and
    which boxes an editor types into (with their type)."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.data, self.boxes = {}, {}
        self.in_form = False
        self.select = self.textarea = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id", "").endswith("_form"):
            self.in_form = True
        name = attrs.get("name", "")
        if not self.in_form or "__prefix__" in name:
            return
        if tag == "input":
            self.input(name, attrs)
        elif tag == "select":
            self.select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select] = attrs.get("value", "")
        elif tag == "textarea":
            self.textarea = name
            self.data[name] = ""
            self.boxes[name] = "text"

    def input(self, name, attrs):
        kind = attrs.get("type", "text")
        if not name or kind in {"submit", "button", "file", "reset", "image"}:
            return
        if kind in {"checkbox", "radio"}:
            if "checked" in attrs:
                self.data[name] = attrs.get("value", "on")
            return
        self.data[name] = attrs.get("value", "")
        if kind in TEXT_BOXES:
            self.boxes[name] = kind_of(name, attrs, kind)

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data


def kind_of(name, attrs, kind):
    """The box's kind as an editor sees it: the admin types dates and times as text boxes."""
    css = attrs.get("class", "") + " " + attrs.get("placeholder", "")
    if "vDateField" in css or "2.01.2027" in css or name.endswith("_0"):
        return "date"
    if "vTimeField" in css or "7:30" in css or "9:00" in css or name.endswith("_1"):
        return "time"
    if "vIntegerField" in css or "vBigIntegerField" in css:
        return "number"
    return kind


def errors_of(html):
    """(field id or None, message) for every error on the page."""
    found = []
    for attrs, body in re.findall(r'<ul class="errorlist([^>]*)>(.*?)</ul>', html, re.S):
        field = re.search(r'id="(id_[^"]+)_error"', attrs)
        for message in re.findall(r"<li>(.*?)</li>", body, re.S):
            found.append((field and field.group(1), strip_tags(message).strip()))
    return found


def post(client, url, value_for):
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    form = AddForm(page.content.decode())
    assert form.boxes, f"{url}: no boxes found"
    data = {**form.data, "_save": "Zapisz"}
    typed = {name: value_for(kind) for name, kind in form.boxes.items()}
    data.update(typed)
    response = client.post(url, data)
    assert response.status_code in (200, 302), (url, response.status_code)
    return response, typed


def assert_polish_errors_at_fields_and_nothing_lost(url, response, typed):
    if response.status_code == 302:
        return
    html = response.content.decode()
    errors = errors_of(html)
    assert errors, f"{url}: shown again without a message"
    for field, message in errors:
        assert message and not ENGLISH.search(message), (url, field, message)
    assert any(field for field, _message in errors), (url, errors)
    for name, value in typed.items():
        assert escape(value, quote=False) in html or escape(value) in html, (url, name)


@pytest.fixture
def sender(request, client, admin_user, editor, hours_editor):
    """A client signed in as the superuser or as a member of the named group."""
    users = {"superuser": admin_user, CONTENT_EDITORS: editor, HOURS_EDITORS: hours_editor}
    client.force_login(users[request.param])
    return client


@pytest.mark.parametrize(("sender", "url"), SENDERS, indirect=["sender"])
@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_in_every_box_is_refused_in_polish_or_kept_as_text(sender, url, value):
    response, typed = post(sender, url, lambda kind: value)
    assert_polish_errors_at_fields_and_nothing_lost(url, response, typed)


@pytest.mark.parametrize(("sender", "url"), SENDERS, indirect=["sender"])
def test_wrong_formats_get_polish_messages_at_their_fields(sender, url):
    response, typed = post(sender, url, lambda kind: WRONG_FORMAT.get(kind, "Zwykły tekst"))
    assert_polish_errors_at_fields_and_nothing_lost(url, response, typed)


def test_a_nul_character_is_refused_in_polish(admin_client):
    response, _typed = post(
        admin_client, "/admin/news/category/add/", lambda kind: "Klub\x00Seniora"
    )
    messages = [message for _field, message in errors_of(response.content.decode())]
    assert "Znaki null są niedozwolone." in messages, messages
