"""The admin's front page says what needs doing, each item linking to where it is fixed."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import formats, timezone
from django.utils.html import strip_tags

from cus_site.permissions import CONTENT_EDITORS, HOURS_EDITORS
from hours.models import Unit
from tests.factories import (
    AccessibilityStatementFactory,
    GoalFactory,
    PostFactory,
    ProgrammeFactory,
    SiteSettingsFactory,
    SpecialDayFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def text_of(response):
    return re.sub(r"\s+", " ", strip_tags(response.content.decode()))


def test_the_front_page_lists_missing_facts_drafts_and_coming_days(admin_client):
    SiteSettingsFactory(street_address="")
    AccessibilityStatementFactory(contact_person="")
    unit = Unit.objects.create(short_name="BOM", order=5)
    draft = PostFactory(title_pl="Zaproszenie na Wigilię", status="draft")
    soon = timezone.localdate() + datetime.timedelta(days=5)
    SpecialDayFactory(date_from=soon, reason="Inwentaryzacja")
    response = admin_client.get("/admin/")
    html, text = response.content.decode(), text_of(response)
    assert "Do uzupełnienia" in text
    assert "Strona „Kontakt”: brak ulicy lub kodu pocztowego Centrum" in text
    assert f'href="/admin/hours/unit/{unit.pk}/change/">Jednostka BOM: brak pełnej nazwy' in html
    assert f'href="/admin/news/post/{draft.pk}/change/">Zaproszenie na Wigilię – Szkic' in html
    assert f"{formats.date_format(soon, 'j E')}: Inwentaryzacja (wszystkie jednostki)" in text
    assert "Deklaracja dostępności: brak osoby do kontaktu, e-maila lub telefonu" in text
    assert "Strona „Kontakt”: brak telefonu lub adresu e-mail" in text


def test_an_editor_sees_only_what_their_group_may_fix(client):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=CONTENT_EDITORS))
    client.force_login(editor)
    Unit.objects.create(short_name="BOM", order=5)
    text = text_of(client.get("/admin/"))
    assert "Jednostka BOM" not in text


def test_published_posts_without_a_translation_are_counted_and_listed(admin_client):
    PostFactory(title_pl="Dzień otwarty", title_en="Open day", title_uk="День відкритих дверей")
    PostFactory(title_pl="Nowe godziny", title_en="New hours")
    PostFactory(title_pl="Zbiórka darów")
    PostFactory(title_pl="Szkic bez tłumaczeń", status="draft")
    html = admin_client.get("/admin/").content.decode()
    link = re.search(
        r'href="([^"]+)">Opublikowane wpisy bez wersji angielskiej lub ukraińskiej: 2<', html
    )
    assert link, html
    listed = text_of(admin_client.get(link.group(1).replace("&amp;", "&")))
    assert "Nowe godziny" in listed and "Zbiórka darów" in listed
    assert "Dzień otwarty" not in listed and "Szkic bez tłumaczeń" not in listed


def test_hours_editors_are_not_told_about_untranslated_posts(client):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=HOURS_EDITORS))
    client.force_login(editor)
    PostFactory(title_pl="Zbiórka darów")
    assert "bez wersji angielskiej" not in text_of(client.get("/admin/"))


def test_a_programme_without_its_goals_is_listed_for_content_editors(admin_client):
    without = ProgrammeFactory(title_pl="Osiedle Westerplatte")
    with_goals = ProgrammeFactory(title_pl="Osiedle Jasna")
    GoalFactory(programme=with_goals, text_pl="Wspólne podwórko")
    html = admin_client.get("/admin/").content.decode()
    assert (
        f'href="/admin/osl/programme/{without.pk}/change/">Program Osiedle Westerplatte: '
        "brak listy celów"
    ) in html
    assert "Program Osiedle Jasna: brak listy celów" not in html
