"""An editor undoes mistakes in the browser: a post's text back from its history, a deleted
programme back from "Przywróć usunięte", and residents see the old text and the page again."""

import re

import pytest
from django.contrib.auth.models import Group, User

from cus_site.permissions import CONTENT_EDITORS
from cus_site.revisions import recorded
from tests.browser.signing import sign_in
from tests.browser.test_admin_signin import watch_policy
from tests.factories import PartnerFactory, PostFactory, ProgrammeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "hasło-redaktora-wersji-2025"
OLD_LEAD = "Zapraszamy seniorów na warsztaty w czwartek o 10:00."
WRONG_LEAD = "Zapraszamy seniorów na warsztaty w piątek o 18:00."


@pytest.fixture(scope="module")
def content(site, django_db_blocker):
    """An editor, a post and a programme with a partner, each with its first version, all
    committed so the live server sees them."""
    with django_db_blocker.unblock():
        user = User.objects.create_user("redaktor.wersje", password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=CONTENT_EDITORS))
        with recorded("Pierwsza wersja"):
            post = PostFactory(title_pl="Warsztaty dla seniorów", lead_pl=OLD_LEAD)
            programme = ProgrammeFactory(title_pl="Osiedle Zielone")
            PartnerFactory(programme=programme, name_pl="Klub Mieszkańców Osiedla Zielonego")
        yield {"post": post, "programme": programme}
        user.delete()


def as_resident(browser, url):
    """The page as a resident sees it: a new browser, no session, nothing cached."""
    context = browser.new_context(locale="pl-PL")
    try:
        resident = context.new_page()
        response = resident.goto(url)
        # The site's typography binds one-letter words to the next with a no-break space.
        return response.status, resident.locator("main").inner_text().replace("\xa0", " ")
    finally:
        context.close()


def save(page):
    page.locator('input[name="_save"]').click()
    page.locator(".messagelist .success").wait_for()


def test_editor_restores_the_previous_text_of_a_post(page, site, content, browser):
    post = content["post"]
    refused = watch_policy(page)
    sign_in(page, site, "redaktor.wersje", PASSWORD)
    page.goto(f"{site.url}/admin/news/post/{post.pk}/change/")
    page.locator("#id_lead_pl").fill(WRONG_LEAD)
    save(page)
    assert WRONG_LEAD in as_resident(browser, site.url + post.get_absolute_url())[1]

    page.goto(f"{site.url}/admin/news/post/{post.pk}/change/")
    page.get_by_role("link", name="Historia").click()
    page.get_by_role("heading", name=re.compile("Historia zmian")).wait_for()
    history = page.locator("#change-history tbody tr")
    assert history.count() == 2
    assert "Pierwsza wersja" in history.nth(1).inner_text()

    page.get_by_role("button", name="Porównaj wersje").click()

    assert page.locator("ins").all_inner_texts()[1:3] == ["piątek", "18"]
    page.get_by_role("link", name=re.compile("^Przywróć wersję z")).click()
    page.get_by_text("Tak wyglądała ta wersja.").wait_for()
    assert page.locator("#id_lead_pl").input_value() == OLD_LEAD
    save(page)

    status, text = as_resident(browser, site.url + post.get_absolute_url())
    assert status == 200
    assert OLD_LEAD in text and WRONG_LEAD not in text
    assert refused == []  # the history, comparison and restoring screens under the admin's CSP


def test_editor_recovers_a_deleted_programme_with_its_partner(page, site, content, browser):
    programme = content["programme"]
    address = site.url + programme.get_absolute_url()
    sign_in(page, site, "redaktor.wersje", PASSWORD)
    page.goto(f"{site.url}/admin/osl/programme/{programme.pk}/delete/")
    page.get_by_role("button", name=re.compile("Tak")).click()
    page.locator(".messagelist .success").wait_for()
    assert as_resident(browser, address)[0] == 404

    page.goto(f"{site.url}/admin/osl/programme/")
    page.get_by_role("link", name="Przywróć usunięte").click()
    page.get_by_role("link", name="Osiedle Zielone").click()
    page.get_by_text("Tak wyglądał ten element przed usunięciem.").wait_for()
    save(page)

    status, text = as_resident(browser, address)
    assert status == 200
    assert "Osiedle Zielone" in text
    assert "Klub Mieszkańców Osiedla Zielonego" in text
