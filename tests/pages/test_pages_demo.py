"""The pages app's demo content: the three fixed pages, the centre and its statement, with
nothing invented."""

import itertools
import re

from django.urls import reverse

from cus_site.seed import read_seed
from pages import demo
from pages.models import AccessibilityStatement, ContactDetail, SiteSettings, TextPage


def test_demo_creates_the_fixed_pages_the_centre_and_its_statement(db):
    assert demo.load(read_seed()).startswith("dodano")
    assert set(TextPage.objects.published().values_list("slug", flat=True)) == set(TextPage.Slug)
    assert SiteSettings.objects.get().name == "Centrum Usług Społecznych w Tarnowie"
    assert AccessibilityStatement.objects.get().non_accessible_items.count() == 1


def test_second_demo_run_changes_nothing(db):
    demo.load(read_seed())
    assert demo.load(read_seed()) == "bez zmian"


def test_demo_invents_no_address_phone_email_or_officer(db):
    demo.load(read_seed())
    site_settings = SiteSettings.objects.get()
    assert site_settings.city == "Tarnów"
    for unknown in (
        "street_address",
        "postal_code",
        "e_delivery_address",
        "epuap_address",
        "bip_url",
        "data_protection_officer",
        "data_protection_email",
    ):
        assert getattr(site_settings, unknown) == "", unknown
    assert not ContactDetail.objects.exists()
    statement = AccessibilityStatement.objects.get()
    assert (statement.contact_person, statement.contact_email, statement.contact_phone) == (
        "",
        "",
        "",
    )
    assert statement.published_on is None


def test_demo_pages_render_with_headings_in_order(client, db):
    demo.load(read_seed())
    for name in (
        "pages:easy-read",
        "pages:sign-language",
        "pages:privacy",
        "pages:accessibility-statement",
        "pages:contact",
    ):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        main = re.search(r"<main.*</main>", response.content.decode(), re.S)[0]
        levels = [int(level) for level in re.findall(r"<h([1-6])\b", main)]
        assert levels[0] == 1 and levels.count(1) == 1, name
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), name
