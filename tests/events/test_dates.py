"""An event's dates read the Polish way, and right in English and Ukrainian."""

import datetime

import pytest
from django.utils import translation

from events.dates import when
from tests.factories import EventFactory

D = datetime.date
T = datetime.time


def when_in(language, **fields):
    event = EventFactory(**fields)
    with translation.override(language):
        return when(event)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "sobota, 6 czerwca 2026, 10:00–12:00"),
        ("en", "Saturday, 6 June 2026, 10:00–12:00"),
        ("uk", "субота, 6 червня 2026, 10:00–12:00"),
    ],
)
def test_one_day_with_hours(db, language, expected):
    day = D(2026, 6, 6)
    fields = {"starts_on": day, "ends_on": day, "starts_at": T(10), "ends_at": T(12)}
    assert when_in(language, **fields) == expected


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (D(2026, 6, 3), D(2026, 6, 5), "3–5 czerwca 2026"),
        (D(2026, 6, 30), D(2026, 7, 2), "30 czerwca – 2 lipca 2026"),
        (D(2026, 12, 30), D(2027, 1, 2), "30 grudnia 2026 – 2 stycznia 2027"),
        (D(2026, 6, 3), D(2026, 6, 3), "środa, 3 czerwca 2026"),
    ],
)
def test_whole_days_in_polish(db, first, last, expected):
    assert when_in("pl", starts_on=first, ends_on=last) == expected


def test_whole_days_in_english_and_ukrainian(db):
    fields = {"starts_on": D(2026, 6, 30), "ends_on": D(2026, 7, 2)}
    assert when_in("en", **fields) == "30 June – 2 July 2026"
    assert when_in("uk", **fields) == "30 червня – 2 липня 2026"


def test_several_days_with_hours_give_each_end_its_hour(db):
    fields = {"starts_on": D(2026, 6, 3), "ends_on": D(2026, 6, 5), "starts_at": T(10)}
    assert when_in("pl", ends_at=T(16), **fields) == "3 czerwca 2026, 10:00 – 5 czerwca 2026, 16:00"


def test_repeat_dates_are_listed_not_described_as_a_rule(db):
    """Every Tuesday of March 2026: the dates themselves, the hours once."""
    fields = {
        "starts_on": D(2026, 3, 3),
        "ends_on": D(2026, 3, 31),
        "starts_at": T(10),
        "ends_at": T(12),
        "repeats": [D(2026, 3, 10), D(2026, 3, 17), D(2026, 3, 24)],
    }
    assert when_in("pl", **fields) == "3, 10, 17, 24 i 31 marca 2026, 10:00–12:00"
    assert when_in("en", **fields) == "3, 10, 17, 24 and 31 March 2026, 10:00–12:00"
    assert when_in("uk", **fields) == "3, 10, 17, 24 і 31 березня 2026, 10:00–12:00"


def test_repeat_dates_over_months_and_years_name_each_once(db):
    fields = {"starts_on": D(2026, 12, 22), "ends_on": D(2027, 1, 5), "repeats": [D(2026, 12, 29)]}
    assert when_in("pl", **fields) == "22 i 29 grudnia 2026, 5 stycznia 2027"
    months = {"starts_on": D(2026, 3, 24), "ends_on": D(2026, 4, 7), "repeats": [D(2026, 3, 31)]}
    assert when_in("pl", **months) == "24 i 31 marca, 7 kwietnia 2026"
