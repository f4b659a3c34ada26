"""Editing hours in the admin: readable Polish errors, never a 500, and the hours editors' group."""

import datetime
import re
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from cus_site.permissions import HOURS_EDITORS
from hours.models import SpecialDay, WeeklyHours
from tests.factories import SpecialDayFactory, UnitFactory, UserFactory, WeeklyHoursFactory

from .helpers import text_of

OVERLAP = "Godziny 11:00–16:00 nakładają się na 8:00–12:00 tego samego dnia."
REVERSED = "Godzina zamknięcia musi być późniejsza niż godzina otwarcia."


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def hours_editors(db):
    """The group hours' data migration makes. A transactional test (run last) empties every
    table, and a reused test database keeps it so; then the group is made again by the
    migration's own function."""
    if not Group.objects.filter(name=HOURS_EDITORS).exists():
        migration = import_module("hours.migrations.0002_hours_editors")
        migration.create_hours_editors(apps, schema_editor=None)
    return Group.objects.get(name=HOURS_EDITORS)


@pytest.fixture
def editor_client(client, hours_editors):
    editor = UserFactory(is_staff=True)
    editor.groups.add(hours_editors)
    client.force_login(editor)
    return client


def unit_form(unit, rows):
    """The unit's change form as the admin posts it; rows: (id, weekday, opens, closes, delete)."""
    data = {
        "short_name": unit.short_name,
        "full_name_pl": unit.full_name,
        "city": unit.city,
        "order": unit.order,
        "is_visible": "on",
        "weekly_hours-TOTAL_FORMS": len(rows),
        "weekly_hours-INITIAL_FORMS": sum(1 for row in rows if row[0]),
        "weekly_hours-MIN_NUM_FORMS": 0,
        "weekly_hours-MAX_NUM_FORMS": 1000,
    }
    for number, (pk, weekday, opens, closes, delete) in enumerate(rows):
        prefix = f"weekly_hours-{number}-"
        data.update(
            {
                prefix + "id": pk or "",
                prefix + "unit": unit.pk,
                prefix + "weekday": weekday,
                prefix + "opens": opens,
                prefix + "closes": closes,
            }
        )
        if delete:
            data[prefix + "DELETE"] = "on"
    return data


def save_unit(client, unit, rows):
    return client.post(reverse("admin:hours_unit_change", args=[unit.pk]), unit_form(unit, rows))


def hours_of(unit):
    return sorted(
        (row.weekday, f"{row.opens:%H:%M}", f"{row.closes:%H:%M}")
        for row in WeeklyHours.objects.filter(unit=unit)
    )


def special_day_form(**fields):
    data = {
        "unit": "",
        "date_from": "2026-12-31",
        "date_to": "",
        "is_closed": "on",
        "reason_pl": "Inwentaryzacja",
        # Test units often have no weekly hours: closed anyway, which the form asks about
        # (tests/hours/test_admin_aids.py); these tests confirm it.
        "confirm_closed_anyway": "on",
        "intervals-TOTAL_FORMS": 0,
        "intervals-INITIAL_FORMS": 0,
        "intervals-MIN_NUM_FORMS": 0,
        "intervals-MAX_NUM_FORMS": 1000,
    }
    intervals = fields.pop("intervals", [])
    data["intervals-TOTAL_FORMS"] = len(intervals)
    for number, (opens, closes) in enumerate(intervals):
        data[f"intervals-{number}-opens"] = opens
        data[f"intervals-{number}-closes"] = closes
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def add_special_day(client, **fields):
    return client.post(reverse("admin:hours_specialday_add"), special_day_form(**fields))


def test_unit_page_adds_a_day_with_a_break(admin_client):
    unit = UnitFactory(short_name="CUS")
    response = save_unit(
        admin_client,
        unit,
        [(None, 0, "8:00", "12:00", False), (None, 0, "12:30", "16:00", False)],
    )
    assert response.status_code == 302
    assert hours_of(unit) == [(0, "08:00", "12:00"), (0, "12:30", "16:00")]


def test_overlapping_new_rows_get_a_polish_error(admin_client):
    unit = UnitFactory(short_name="CUS")
    response = save_unit(
        admin_client,
        unit,
        [(None, 1, "8:00", "12:00", False), (None, 1, "11:00", "16:00", False)],
    )
    assert response.status_code == 200
    assert OVERLAP in text_of(response.content.decode())
    assert hours_of(unit) == []


def test_new_row_overlapping_a_saved_row_gets_a_polish_error(admin_client):
    unit = UnitFactory(short_name="CUS")
    saved = WeeklyHoursFactory(
        unit=unit, weekday=1, opens=datetime.time(8), closes=datetime.time(12)
    )
    response = save_unit(
        admin_client,
        unit,
        [(saved.pk, 1, "8:00", "12:00", False), (None, 1, "11:00", "16:00", False)],
    )
    assert response.status_code == 200
    assert OVERLAP in text_of(response.content.decode())


def test_same_hours_on_different_days_do_not_overlap(admin_client):
    unit = UnitFactory(short_name="CUS")
    rows = [(None, day, "8:00", "16:00", False) for day in range(5)]
    assert save_unit(admin_client, unit, rows).status_code == 302
    assert len(hours_of(unit)) == 5


def test_reversed_interval_gets_a_polish_error(admin_client):
    unit = UnitFactory(short_name="CUS")
    response = save_unit(admin_client, unit, [(None, 2, "15:30", "7:30", False)])
    assert response.status_code == 200
    assert REVERSED in text_of(response.content.decode())
    assert hours_of(unit) == []


def test_swapping_and_replacing_intervals_in_one_save_works(admin_client):
    """Saved one row at a time these pass through overlapping states; the final state is fine."""
    unit = UnitFactory(short_name="CUS")
    morning = WeeklyHoursFactory(
        unit=unit, weekday=0, opens=datetime.time(8), closes=datetime.time(12)
    )
    afternoon = WeeklyHoursFactory(
        unit=unit, weekday=0, opens=datetime.time(13), closes=datetime.time(16)
    )
    whole_day = WeeklyHoursFactory(
        unit=unit, weekday=1, opens=datetime.time(8), closes=datetime.time(16)
    )
    response = save_unit(
        admin_client,
        unit,
        [
            (morning.pk, 0, "13:00", "16:00", False),
            (afternoon.pk, 0, "8:00", "12:00", False),
            (whole_day.pk, 1, "8:00", "16:00", True),
            (None, 1, "8:00", "12:00", False),
            (None, 1, "12:30", "16:00", False),
        ],
    )
    assert response.status_code == 302
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    assert hours_of(unit) == [
        (0, "08:00", "12:00"),
        (0, "13:00", "16:00"),
        (1, "08:00", "12:00"),
        (1, "12:30", "16:00"),
    ]


def test_special_day_without_end_date_is_one_day(admin_client):
    response = add_special_day(admin_client, date_from="2026-12-31")
    assert response.status_code == 302
    special = SpecialDay.objects.get()
    assert special.date_to == datetime.date(2026, 12, 31)


def test_special_day_ending_before_it_starts_gets_a_polish_error(admin_client):
    response = add_special_day(admin_client, date_from="2026-12-31", date_to="2026-12-30")
    assert response.status_code == 200
    page = text_of(response.content.decode())
    assert "Data końcowa nie może być wcześniejsza niż data początkowa." in page
    assert not SpecialDay.objects.exists()


def test_overlapping_special_days_of_one_scope_get_a_polish_error(admin_client):
    SpecialDayFactory(date_from=datetime.date(2026, 12, 28), date_to=datetime.date(2026, 12, 31))
    response = add_special_day(admin_client, date_from="2026-12-31")
    assert response.status_code == 200
    assert "W tych dniach jest już inny dzień specjalny" in text_of(response.content.decode())
    unit = UnitFactory()
    assert add_special_day(admin_client, unit=unit.pk, date_from="2026-12-31").status_code == 302


def test_special_day_with_hours_must_not_be_closed(admin_client):
    response = add_special_day(admin_client, intervals=[("8:00", "12:00")])
    assert response.status_code == 200
    assert "Dzień nieczynny nie może mieć godzin." in text_of(response.content.decode())


def test_open_special_day_needs_hours(admin_client):
    response = add_special_day(admin_client, is_closed=None)
    assert response.status_code == 200
    assert "Podaj godziny otwarcia tego dnia" in text_of(response.content.decode())


def test_special_day_with_its_own_hours_is_saved(admin_client):
    response = add_special_day(
        admin_client, is_closed=None, intervals=[("8:00", "12:00"), ("12:00", "13:00")]
    )
    assert response.status_code == 302
    assert SpecialDay.objects.get().intervals.count() == 2


def test_special_day_intervals_must_not_overlap(admin_client):
    response = add_special_day(
        admin_client, is_closed=None, intervals=[("8:00", "12:00"), ("11:00", "16:00")]
    )
    assert response.status_code == 200
    assert OVERLAP in text_of(response.content.decode())


def test_database_refuses_overlapping_and_reversed_intervals(db):
    unit = UnitFactory()
    WeeklyHoursFactory(unit=unit, weekday=0, opens=datetime.time(8), closes=datetime.time(12))
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    with pytest.raises(IntegrityError), transaction.atomic():
        WeeklyHoursFactory(unit=unit, weekday=0, opens=datetime.time(11), closes=datetime.time(13))
    with pytest.raises(IntegrityError), transaction.atomic():
        WeeklyHoursFactory(unit=unit, weekday=1, opens=datetime.time(12), closes=datetime.time(8))
    with pytest.raises(IntegrityError), transaction.atomic():
        WeeklyHoursFactory(unit=unit, weekday=7)
    # Touching intervals and other days are fine.
    WeeklyHoursFactory(unit=unit, weekday=0, opens=datetime.time(12), closes=datetime.time(16))
    WeeklyHoursFactory(unit=unit, weekday=1, opens=datetime.time(8), closes=datetime.time(12))


def test_database_refuses_a_special_day_ending_before_it_starts(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        SpecialDayFactory(date_from=datetime.date(2026, 12, 31), date_to=datetime.date(2026, 12, 1))


def test_hours_editors_group_has_only_the_hours_models(hours_editors):
    granted = set(hours_editors.permissions.values_list("content_type__app_label", "codename"))
    assert granted == {
        ("hours", f"{action}_{model}")
        for action in ("add", "change", "delete", "view")
        for model in ("unit", "weeklyhours", "specialday", "specialhours")
    }
    assert Permission.objects.filter(group=hours_editors).count() == 16


def test_hours_editor_changes_a_units_hours(editor_client):
    unit = UnitFactory(short_name="BOM")
    change_page = editor_client.get(reverse("admin:hours_unit_change", args=[unit.pk]))
    assert change_page.status_code == 200
    response = save_unit(editor_client, unit, [(None, 0, "8:00", "17:00", False)])
    assert response.status_code == 302
    assert hours_of(unit) == [(0, "08:00", "17:00")]
    assert editor_client.get(reverse("admin:hours_specialday_add")).status_code == 200


def test_hours_editor_cannot_manage_users(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_the_hours_editors_switch_a_special_days_notice_off(editor_client):
    special = SpecialDayFactory(reason_pl="Inwentaryzacja")
    form = editor_client.get(f"/admin/hours/specialday/{special.pk}/change/").content.decode()
    assert "Komunikat na stronie" in form
    assert re.search(r'<input type="checkbox" name="announce"[^>]*checked', form)
    listing = editor_client.get("/admin/hours/specialday/?announce__exact=0").content.decode()
    assert "Inwentaryzacja" not in listing
