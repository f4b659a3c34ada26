"""What helps the hours editors: dates typed as on paper, examples in the boxes, no "Teraz"
link by opening times, "wszystkie jednostki" instead of dashes, an overlap that names the
special day it clashes with, and a note when a closure falls on a day closed anyway."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from hours.models import SpecialDay
from tests.factories import SpecialDayFactory, UnitFactory, WeeklyHoursFactory
from tests.hours.test_admin import add_special_day, special_day_form, text_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed", ["2.01.2027", "02.01.2027", "2 stycznia 2027", "2 stycznia 2027 r.", "2027-01-02"]
)
def test_a_date_is_accepted_as_editors_write_it(admin_client, typed):
    response = add_special_day(admin_client, date_from=typed)
    assert response.status_code == 302
    assert SpecialDay.objects.get().date_from == datetime.date(2027, 1, 2)


def test_a_wrong_date_gets_an_example(admin_client):
    response = add_special_day(admin_client, date_from="31 lutego 2027")
    assert "Wpisz datę, np. 2.01.2027 albo 2 stycznia 2027." in text_of(response.content.decode())


def test_the_forms_give_examples_and_no_now_link(admin_client):
    html = admin_client.get(reverse("admin:hours_specialday_add")).content.decode()
    assert 'placeholder="np. 2.01.2027"' in html and 'placeholder="np. 7:30"' in html
    assert "vTimeField" not in html
    assert re.search(r'<option value="" selected>wszystkie jednostki</option>', html)
    unit = UnitFactory()
    unit_page = admin_client.get(reverse("admin:hours_unit_change", args=[unit.pk]))
    assert "przerwę wpisz jako dwa przedziały" in text_of(unit_page.content.decode())
    assert "vTimeField" not in unit_page.content.decode()


def test_an_overlap_names_the_special_day_it_clashes_with(admin_client):
    SpecialDayFactory(
        date_from=datetime.date(2026, 12, 24), date_to=datetime.date(2026, 12, 24), reason="Wigilia"
    )
    response = add_special_day(admin_client, date_from="24.12.2026")
    page = text_of(response.content.decode())
    assert "„24.12.2026 Wigilia” (wszystkie jednostki)" in page


def test_a_closure_on_a_day_closed_anyway_asks_first_and_keeps_what_was_typed(admin_client):
    unit = UnitFactory()  # no weekly hours: closed every day
    form = special_day_form(unit=unit.pk, date_from="1.01.2027", reason_pl="Remont kotłowni")
    del form["confirm_closed_anyway"]
    response = admin_client.post(reverse("admin:hours_specialday_add"), form)
    html = response.content.decode()
    assert response.status_code == 200 and not SpecialDay.objects.exists()
    assert (
        "Te dni i tak są nieczynne: 1 stycznia 2027 (Nowy Rok). Dzień specjalny nic dla nich "
        "nie zmieni." in text_of(html)
    )
    assert re.search(r'<input type="checkbox" name="confirm_closed_anyway"[^>]*>', html)
    assert "Tak, dodaj mimo to" in text_of(html)
    assert 'value="Remont kotłowni"' in html and 'value="1.01.2027"' in html

    confirmed = admin_client.post(
        reverse("admin:hours_specialday_add"), {**form, "confirm_closed_anyway": "on"}, follow=True
    )
    assert SpecialDay.objects.get().reason == "Remont kotłowni"
    messages = [str(message) for message in confirmed.context["messages"]]
    assert any("1 stycznia 2027 (Nowy Rok)" in message for message in messages), messages


def test_the_question_is_not_asked_before_it_is_needed(admin_client):
    html = admin_client.get(reverse("admin:hours_specialday_add")).content.decode()
    assert 'type="hidden" name="confirm_closed_anyway"' in html
    assert "Te dni i tak są nieczynne" not in text_of(html)


def add_unconfirmed(client, **fields):
    form = special_day_form(**fields)
    del form["confirm_closed_anyway"]
    return client.post(reverse("admin:hours_specialday_add"), form)


def test_a_closure_of_a_working_day_or_a_week_with_a_weekend_saves_at_once(admin_client):
    unit = UnitFactory()
    for weekday in range(5):
        WeeklyHoursFactory(unit=unit, weekday=weekday)
    monday = add_unconfirmed(admin_client, unit=unit.pk, date_from="4.01.2027")
    week = add_unconfirmed(
        admin_client, unit=unit.pk, date_from="11.01.2027", date_to="17.01.2027", reason_pl="Remont"
    )
    assert monday.status_code == 302 and week.status_code == 302
    assert SpecialDay.objects.count() == 2


def test_the_special_days_list_shows_the_coming_public_holidays(admin_client):
    with time_machine.travel(datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC), tick=False):
        page = text_of(
            admin_client.get(reverse("admin:hours_specialday_changelist")).content.decode()
        )
    assert "Święta w najbliższych 60 dniach" in page
    assert "piątek, 25 grudnia 2026 – Boże Narodzenie" in page
    assert "piątek, 1 stycznia 2027 – Nowy Rok" in page
