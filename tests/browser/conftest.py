"""The browser suite: Debian's Chromium driven by Playwright against a live server.

The site's content is made once for the whole suite (the demo content, plus what the demo leaves
empty: the centre's full details, a complete accessibility statement, a captioned sign-language
video, a post with a cover photo and a gallery), committed, and served by a live server thread.
The tests only read it, so they share it. pytest-django's `live_server` fixture would instead
empty every table after each test, which costs time and also wipes the rows the data migrations
made (the editor groups). Each test carries the `django_db` mark only so that the test database
is set up; afterwards the content apps' tables are emptied again.
"""

import datetime
import os
import shutil
from dataclasses import dataclass
from importlib import import_module
from io import StringIO
from pathlib import Path

import factory
import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, connections
from django.test.utils import modify_settings, override_settings
from django.urls import reverse
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from cus_site import cache
from events.models import Audience, Event
from news.models import Category
from osl.models import Programme
from pages.models import AccessibilityStatement, SiteSettings, TextPage
from tests.factories import (
    BuildingAccessibilityFactory,
    ContactDetailFactory,
    EventFactory,
    NoticeFactory,
    PostFactory,
    PostImageFactory,
)
from tests.tree_content import add_tree_content

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CONTENT_APPS = ["hours", "news", "events", "osl", "pages", "search", "reversion"]
MP4_START = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:04.000\nDzień dobry.\n".encode()

# Every public page type, by the Polish path of one example; /en/ and /uk/ prefix the same path.
# A new page type is one line here: a name and how to find its path in the content `made` below.
PAGE_TYPES = {
    "home": lambda made: reverse("pages:home"),
    "news list": lambda made: reverse("news:index"),
    "post with cover and gallery": lambda made: made["post"].get_absolute_url(),
    "category": lambda made: made["category"].get_absolute_url(),
    "OSL index": lambda made: reverse("osl:index"),
    "programme": lambda made: made["programme"].get_absolute_url(),
    "opening hours": lambda made: reverse("hours:index"),
    "search results": lambda made: reverse("search:index") + "?q=warsztaty",
    "contact": lambda made: reverse("pages:contact"),
    "accessibility statement": lambda made: reverse("pages:accessibility-statement"),
    "easy-to-read": lambda made: reverse("pages:easy-read"),
    "sign language": lambda made: reverse("pages:sign-language"),
    "privacy": lambda made: reverse("pages:privacy"),
    "events list": lambda made: reverse("events:index"),
    "event page": lambda made: made["event"].get_absolute_url(),
    "past events": lambda made: made["past_event"].get_absolute_url(),
    "page with subpages": lambda made: made["about"].get_absolute_url(),
    "service": lambda made: made["service"].get_absolute_url(),
    "forms to download": lambda made: made["forms"].get_absolute_url(),
    "404": lambda made: "/nie-ma-takiej-strony/",
}
LANGUAGE_PREFIXES = {"pl": "", "en": "/en", "uk": "/uk"}


def empty_content_tables():
    # Only ever the test database: a browser test without the django_db mark would reach here
    # with the settings still naming the real one.
    assert connection.settings_dict["NAME"].startswith("test_"), "not the test database"
    models = [model for label in CONTENT_APPS for model in apps.get_app_config(label).get_models()]
    tables = [model._meta.db_table for model in models]
    statements = connection.ops.sql_flush(no_style(), tables, allow_cascade=True)
    connection.ops.execute_sql_flush(statements)


def complete_the_demo():
    """Fill in what the demo content leaves empty, so every part of every page is shown."""
    SiteSettings.objects.filter(singleton=True).update(
        street_address="ul. Testowa 1",
        postal_code="33-100",
        e_delivery_address="AE:PL-12345-67890-ABCDE-12",
        epuap_address="/CUSTarnow/SkrytkaESP",
        bip_url="https://bip.example.org/cus",
        nip="1234567890",
        data_protection_officer="Anna Przykładowa",
        data_protection_email="iod@example.org",
    )
    site_settings = SiteSettings.objects.get()
    ContactDetailFactory(site_settings=site_settings, label_pl="Sekretariat")
    ContactDetailFactory(site_settings=site_settings, kind="e-mail", value="cus@example.org")
    cache.content_changed()

    statement = AccessibilityStatement.objects.get()
    AccessibilityStatement.objects.filter(pk=statement.pk).update(
        published_on="2024-03-01",
        updated_on="2025-09-12",
        prepared_on="2025-03-28",
        contact_person="Jan Kowalski",
        contact_email="dostepnosc@example.org",
        contact_phone="14 600 00 00",
        keyboard_shortcuts_pl="Strona używa standardowych skrótów przeglądarki.",
        mobile_apps_pl="Centrum nie udostępnia aplikacji mobilnych.",
    )
    BuildingAccessibilityFactory(statement=statement, name_pl="Siedziba Centrum")

    sign_language = TextPage.objects.get(slug=TextPage.Slug.SIGN_LANGUAGE)
    sign_language.video = SimpleUploadedFile("informacja.mp4", MP4_START)
    sign_language.captions = SimpleUploadedFile("informacja.vtt", CAPTIONS)
    sign_language.save()


def make_content():
    """The demo content, completed; returns the objects the page table refers to."""
    call_command("load_demo", stdout=StringIO())
    complete_the_demo()
    category = Category.objects.first()
    post = PostFactory(with_cover=True, categories=[category])
    PostImageFactory.create_batch(3, post=post)
    portrait = PostFactory(
        with_cover=True, cover=factory.django.ImageField(width=600, height=900, color="teal")
    )
    return {
        "post": post,
        "category": category,
        "programme": Programme.objects.published().first(),
        "portrait": portrait,
        **add_events_and_a_notice(post),
        **add_tree_content(),
    }


def add_events_and_a_notice(post):
    """An upcoming event with every part filled in, a cancelled one, and a notice on every
    page (the demo has no upcoming events and no notices)."""
    # The audiences come from a data migration, whose rows the tables' emptying removed.
    import_module("events.migrations.0002_audiences_and_editors").add_audiences(apps, None)
    today = datetime.date.today()
    event = EventFactory(
        title_pl="Warsztaty plastyczne dla seniorów",
        lead_pl="Malujemy akwarelą; materiały zapewniamy.",
        starts_on=today + datetime.timedelta(days=3),
        ends_on=today + datetime.timedelta(days=17),
        starts_at=datetime.time(10),
        ends_at=datetime.time(12),
        repeats=[today + datetime.timedelta(days=10)],
        audiences=list(Audience.objects.filter(slug__in=["seniorzy", "rodziny"])),
        posts=[post],
        admission="paid",
        price="10.00",
        registration="phone",
        registration_phone="14 600 00 00",
        registration_deadline=today + datetime.timedelta(days=2),
        step_free=True,
        accessibility_note_pl="Sala na parterze.",
        partners_pl="Stowarzyszenie Miejmy Siebie",
        map_url="https://www.openstreetmap.org/",
    )
    EventFactory(
        title_pl="Koncert kolęd",
        starts_on=today + datetime.timedelta(days=5),
        state="cancelled",
        change_note_pl="Odwołany z powodu choroby wykonawców.",
    )
    NoticeFactory(
        text_pl="W piątek kasa CUS będzie czynna do 12:00.",
        kind="warning",
        link_url="https://example.org/",
        link_text_pl="Szczegóły",
    )
    return {"event": event, "past_event": Event.objects.past().first()}


@dataclass(frozen=True)
class Site:
    url: str
    paths: dict  # page type → Polish path
    made: dict  # the objects `make_content` made

    def address(self, page_type, language="pl"):
        return self.url + LANGUAGE_PREFIXES[language] + self.paths[page_type]


@pytest.fixture(scope="session")
def browser_media(tmp_path_factory):
    return tmp_path_factory.mktemp("browser-media")


@pytest.fixture(autouse=True)
def media_root(settings, browser_media):
    """The uploads the live server shows are the suite's, made once (see `site`)."""
    settings.MEDIA_ROOT = browser_media
    return browser_media


@pytest.fixture(scope="package")
def site(django_db_setup, django_db_blocker, browser_media):
    """A live server over the shared content. The database stays unblocked while it runs,
    since the server thread reads it; the content apps' tables are emptied before and after."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=browser_media),
        modify_settings(ALLOWED_HOSTS={"append": "localhost"}),
    ):
        empty_content_tables()
        made = make_content()
        paths = {name: path_of(made) for name, path_of in PAGE_TYPES.items()}
        server = LiveServer("localhost")
        try:
            yield Site(url=server.url, paths=paths, made=made)
        finally:
            server.stop()
            empty_content_tables()
            cache.content_changed()
    shutil.rmtree(browser_media, ignore_errors=True)


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the whole suite.

    Playwright's synchronous API keeps an event loop running in this thread, which Django takes
    for async code: while the browser runs, the database calls made here (each test's empty
    transaction) are allowed explicitly, and they get a connection of their own, which is
    closed before the loop stops so that nothing holds the test database open."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (Debian package chromium).")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        connections.close_all()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(site, browser):
    """A fresh browser tab (its own cookies) at 1280 px; `site` is made before the browser
    starts, so its database work runs outside Playwright's event loop."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    tab = context.new_page()
    yield tab
    context.close()
