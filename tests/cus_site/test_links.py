"""Every address from an editor's data passes one allow-list of schemes on output
(cus_site.links), whichever road put it into the database."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from cus_site import cache
from cus_site.links import safe_url
from osl.models import Partner, Source
from pages.models import SiteSettings, TextPage
from tests.factories import (
    PartnerFactory,
    ProgrammeFactory,
    SiteSettingsFactory,
    SourceFactory,
    TextPageFactory,
)

DANGEROUS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/",
    "/\\evil.example/",
    "https:evil",
    "http://",
]


@pytest.mark.parametrize("address", DANGEROUS)
def test_other_schemes_and_tricks_become_empty(address):
    assert safe_url(address) == ""


@pytest.mark.parametrize(
    "address",
    [
        "https://bip.example.org/cus?a=1&b=2",
        "http://example.org/",
        "mailto:cus@example.org",
        "tel:+48146000000",
        "/aktualnosci/",
        "#przypis-1",
    ],
)
def test_web_mail_phone_and_own_addresses_are_kept(address):
    assert safe_url(address) == address


def main_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def assert_no_dangerous_link(page):
    for href in re.findall(r'(?:href|src)="([^"]*)"', page):
        assert safe_url(href.replace("&amp;", "&")) == href.replace("&amp;", "&"), href
    assert "javascript:" not in page.lower()
    assert "data:text" not in page


@pytest.mark.parametrize("address", ["javascript:alert(1)", "data:text/html,<b>x</b>"])
def test_site_settings_links_written_by_sql_are_left_out(client, db, address):
    SiteSettingsFactory()
    SiteSettings.objects.update(bip_url=address, map_url=address)
    cache.content_changed()
    page = main_of(client, reverse("pages:contact"))
    assert_no_dangerous_link(page)
    assert "Zobacz na mapie" not in page
    assert "Biuletyn Informacji Publicznej (BIP)</a>" not in page


def test_programme_partner_and_source_links_written_by_sql_are_left_out(client, db):
    programme = ProgrammeFactory()
    PartnerFactory(programme=programme, name_pl="Klub Senior+", url="https://example.org/")
    SourceFactory(programme=programme, text_pl="Raport o osiedlu", url="https://example.org/r")
    Partner.objects.update(url="javascript:alert(document.cookie)")
    Source.objects.update(url="data:text/html,<script>alert(1)</script>")
    page = main_of(client, programme.get_absolute_url())
    assert_no_dangerous_link(page)
    assert "Klub Senior+" in page and "Raport o osiedlu" in page


def test_linked_video_written_by_sql_is_not_offered(client, db):
    TextPageFactory(slug=TextPage.Slug.SIGN_LANGUAGE, video_url="https://video.example.org/1")
    TextPage.objects.update(video_url="javascript:alert(1)")
    page = main_of(client, reverse("pages:sign-language"))
    assert_no_dangerous_link(page)
    assert "Obejrzyj nagranie" not in page


def test_templates_send_every_editor_address_through_the_filter():
    """A new template that writes a model's URL field straight into href fails here."""
    unfiltered = []
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for value in re.findall(r'(?:href|src)="\{\{ ([^}]+?) \}\}"', template.read_text()):
            filtered = value.endswith(("|safe_url", "get_absolute_url"))
            if not (filtered or value in OWN_ADDRESSES or UPLOAD.match(value)):
                unfiltered.append(f"{template.name}: {value}")
    assert unfiltered == []


# An uploaded file's address comes from the storage, not from what an editor typed.
UPLOAD = re.compile(r"^[\w.]+\.(file|image|video|captions|cover)\.url$")
# Addresses the site makes itself (its own routes and media), not an editor's text.
OWN_ADDRESSES = {
    "result.url",
    "show_all_url",
    "link.path",
    "link.url",
    "default_language_url",
    "canonical_url",
    "picture.src",
    "options_url",
    "page_url",
    "news_url",
    "password_reset_url",
    "next_url",
    # The admin's history and comparison screens (templates/reversion*): admin routes.
    "action.url",
    "changelist_url",
    "history_url",
    "save_url",
    "prev_url",
    "QR_URL",
    "cancel_url",
    "site_address",
    "calendar_url",
    "edit_url",
    "item.url",
    "fixed_page.url",
    "unit.phone|tel_href",
}
