"""The status residents read on /godziny-otwarcia/, with the clock pinned (Warsaw time).

CUS works Monday to Friday 7:30–15:30; BOM Monday 8:00–17:00 and Tuesday to Friday 8:00–15:00.
"""

import datetime

import pytest
import time_machine

from hours.models import Weekday
from hours.schedule import Span
from hours.status import opening_phrase
from tests.factories import SpecialDayFactory, SpecialHoursFactory

from .helpers import WARSAW, at, statuses

UTC = datetime.UTC


def status_at(client, moment, path=None):
    with time_machine.travel(moment, tick=False):
        return statuses(client, path)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # A normal Tuesday.
        (
            at(2026, 11, 17, 10, 0),
            {"cus": "Otwarte do 15:30", "bom": "Otwarte do 15:00"},
        ),
        (
            at(2026, 11, 17, 6, 45),
            {
                "cus": "Zamknięte – otwieramy dziś o 7:30",
                "bom": "Zamknięte – otwieramy dziś o 8:00",
            },
        ),
        # Just before and just after closing.
        (at(2026, 11, 17, 15, 29, 59), {"cus": "Otwarte do 15:30"}),
        (at(2026, 11, 17, 15, 30), {"cus": "Zamknięte – otwieramy jutro o 7:30"}),
        # BOM works longer on Mondays.
        (
            at(2026, 11, 16, 16, 0),
            {"cus": "Zamknięte – otwieramy jutro o 7:30", "bom": "Otwarte do 17:00"},
        ),
        # Friday evening, Saturday and Sunday.
        (
            at(2026, 11, 20, 18, 0),
            {
                "cus": "Zamknięte – otwieramy w poniedziałek o 7:30",
                "bom": "Zamknięte – otwieramy w poniedziałek o 8:00",
            },
        ),
        (at(2026, 11, 21, 11, 0), {"cus": "Zamknięte – otwieramy w poniedziałek o 7:30"}),
        (at(2026, 11, 22, 11, 0), {"cus": "Zamknięte – otwieramy jutro o 7:30"}),
    ],
)
def test_status_on_ordinary_days(client, cus, bom, moment, expected):
    shown = status_at(client, moment)
    assert {anchor: shown[anchor] for anchor in expected} == expected


def test_public_holiday_on_a_weekday_closes_every_unit(client, cus, bom):
    assert status_at(client, at(2026, 11, 11, 10, 0)) == {
        "cus": "Dziś nieczynne: Narodowe Święto Niepodległości – otwieramy jutro o 7:30",
        "bom": "Dziś nieczynne: Narodowe Święto Niepodległości – otwieramy jutro o 8:00",
    }


def test_evening_before_a_holiday_names_the_day_after_it(client, cus):
    # Wednesday 11 November 2026 is a holiday: after Tuesday's closing the next opening is Thursday.
    assert status_at(client, at(2026, 11, 10, 16, 0))["cus"] == (
        "Zamknięte – otwieramy w czwartek o 7:30"
    )


@pytest.mark.parametrize("easter_monday", [datetime.date(2026, 4, 6), datetime.date(2027, 3, 29)])
def test_easter_monday_moves_with_easter(client, cus, easter_monday):
    moment = datetime.datetime.combine(easter_monday, datetime.time(10), tzinfo=WARSAW)
    assert status_at(client, moment)["cus"] == (
        "Dziś nieczynne: Poniedziałek Wielkanocny – otwieramy jutro o 7:30"
    )
    saturday_before = moment - datetime.timedelta(days=2)
    assert status_at(client, saturday_before)["cus"] == "Zamknięte – otwieramy we wtorek o 7:30"


def test_easter_monday_of_another_year_is_an_ordinary_monday(client, cus):
    # 6 April 2026 was Easter Monday; 6 April 2027 is a Tuesday with the usual hours.
    assert status_at(client, at(2027, 4, 6, 10, 0))["cus"] == "Otwarte do 15:30"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2026, 12, 23, 16, 0), "Zamknięte – otwieramy w poniedziałek o 7:30"),
        (
            at(2026, 12, 24, 10, 0),
            "Dziś nieczynne: Wigilia – otwieramy w poniedziałek 28 grudnia o 7:30",
        ),
        (
            at(2026, 12, 25, 10, 0),
            "Dziś nieczynne: Boże Narodzenie – otwieramy w poniedziałek 28 grudnia o 7:30",
        ),
        (
            at(2026, 12, 26, 10, 0),
            "Dziś nieczynne: drugi dzień Bożego Narodzenia – otwieramy w poniedziałek 28 grudnia "
            "o 7:30",
        ),
        (at(2026, 12, 27, 10, 0), "Zamknięte – otwieramy jutro o 7:30"),
        (at(2026, 12, 28, 10, 0), "Otwarte do 15:30"),
    ],
)
def test_christmas_with_christmas_eve_as_a_public_holiday(client, cus, moment, expected):
    assert status_at(client, moment)["cus"] == expected


def test_christmas_eve_was_a_working_day_before_2025(client, cus):
    assert status_at(client, at(2024, 12, 24, 10, 0))["cus"] == "Otwarte do 15:30"


def test_special_day_of_a_unit_overrides_a_public_holiday(client, cus, bom):
    duty = SpecialHoursFactory(
        special_day__unit=cus,
        special_day__date_from=datetime.date(2026, 11, 11),
        special_day__reason="Dyżur w święto",
        opens=datetime.time(9),
        closes=datetime.time(13),
    )
    assert duty.special_day.date_to == datetime.date(2026, 11, 11)
    shown = status_at(client, at(2026, 11, 11, 10, 0))
    assert shown["cus"] == "Otwarte do 13:00 Dziś: Dyżur w święto"
    assert shown["bom"] == (
        "Dziś nieczynne: Narodowe Święto Niepodległości – otwieramy jutro o 8:00"
    )


def test_special_day_of_all_units_overrides_a_public_holiday(client, cus, bom):
    SpecialHoursFactory(
        special_day__date_from=datetime.date(2026, 11, 11),
        special_day__reason="Dyżur w święto",
        opens=datetime.time(9),
        closes=datetime.time(13),
    )
    assert status_at(client, at(2026, 11, 11, 14, 0)) == {
        "cus": "Zamknięte – otwieramy jutro o 7:30",
        "bom": "Zamknięte – otwieramy jutro o 8:00",
    }
    assert status_at(client, at(2026, 11, 11, 8, 0))["bom"] == (
        "Zamknięte – otwieramy dziś o 9:00 Dziś: Dyżur w święto"
    )


def test_special_day_of_a_unit_overrides_one_of_all_units(client, cus, bom):
    SpecialDayFactory(date_from=datetime.date(2026, 11, 18), reason="Szkolenie pracowników")
    SpecialHoursFactory(
        special_day__unit=bom,
        special_day__date_from=datetime.date(2026, 11, 18),
        special_day__reason="Dyżur",
        opens=datetime.time(8),
        closes=datetime.time(12),
    )
    assert status_at(client, at(2026, 11, 18, 9, 0)) == {
        "cus": "Dziś nieczynne: Szkolenie pracowników – otwieramy jutro o 7:30",
        "bom": "Otwarte do 12:00 Dziś: Dyżur",
    }


def test_special_day_of_all_units_overrides_weekly_hours_for_a_range(client, cus):
    SpecialDayFactory(
        date_from=datetime.date(2026, 11, 16),
        date_to=datetime.date(2026, 11, 18),
        reason="Przeprowadzka",
    )
    assert status_at(client, at(2026, 11, 17, 10, 0))["cus"] == (
        "Dziś nieczynne: Przeprowadzka – otwieramy w czwartek 19 listopada o 7:30"
    )
    assert status_at(client, at(2026, 11, 13, 16, 0))["cus"] == (
        "Zamknięte – otwieramy w czwartek o 7:30"
    )


def test_a_closed_day_with_no_opening_in_sight_names_only_its_reason(client, cus):
    SpecialDayFactory(
        date_from=datetime.date(2026, 11, 16),
        date_to=datetime.date(2027, 1, 31),
        reason="Remont",
    )
    assert status_at(client, at(2026, 11, 17, 10, 0))["cus"] == "Dziś nieczynne: Remont"


def test_reopening_after_a_holiday_is_said_in_english_and_ukrainian(client, cus):
    moment = at(2026, 12, 24, 10, 0)
    assert status_at(client, moment, "/en/godziny-otwarcia/")["cus"] == (
        "Closed today: Christmas Eve – we open on Monday 28 December at 7:30"
    )
    assert status_at(client, moment, "/uk/godziny-otwarcia/")["cus"] == (
        "Сьогодні зачинено: Святий вечір – відчиняємо в понеділок 28 грудня о 7:30"
    )


def test_a_break_at_noon_is_closed_until_the_afternoon(client, cus):
    cus.weekly_hours.filter(weekday=Weekday.TUESDAY).update(closes=datetime.time(12))
    cus.weekly_hours.create(
        weekday=Weekday.TUESDAY, opens=datetime.time(12, 30), closes=datetime.time(15, 30)
    )
    assert status_at(client, at(2026, 11, 17, 11, 0))["cus"] == "Otwarte do 12:00"
    assert status_at(client, at(2026, 11, 17, 12, 10))["cus"] == (
        "Zamknięte – otwieramy dziś o 12:30"
    )


def test_opening_a_week_or_more_ahead_is_named_by_its_date(client, cus):
    SpecialDayFactory(
        date_from=datetime.date(2026, 12, 28),
        date_to=datetime.date(2026, 12, 31),
        reason="Przerwa świąteczna",
    )
    assert status_at(client, at(2026, 12, 23, 16, 0))["cus"] == (
        "Zamknięte – otwieramy 4 stycznia 2027 o 7:30"
    )


def test_no_opening_within_two_weeks_says_closed(client, cus):
    SpecialDayFactory(
        date_from=datetime.date(2026, 11, 16),
        date_to=datetime.date(2026, 12, 31),
        reason="Remont",
    )
    assert status_at(client, at(2026, 11, 13, 16, 0))["cus"] == "Zamknięte"


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (datetime.date(2026, 11, 16), "Zamknięte – otwieramy w poniedziałek o 8:00"),
        (datetime.date(2026, 11, 17), "Zamknięte – otwieramy we wtorek o 8:00"),
        (datetime.date(2026, 11, 18), "Zamknięte – otwieramy w środę o 8:00"),
        (datetime.date(2026, 11, 19), "Zamknięte – otwieramy w czwartek o 8:00"),
        (datetime.date(2026, 11, 20), "Zamknięte – otwieramy w piątek o 8:00"),
        (datetime.date(2026, 11, 21), "Zamknięte – otwieramy w sobotę o 8:00"),
        (datetime.date(2026, 11, 22), "Zamknięte – otwieramy w niedzielę o 8:00"),
    ],
)
def test_each_weekday_takes_its_own_preposition_and_case(date, expected):
    span = Span(datetime.time(8), datetime.time(12))
    assert opening_phrase(date, span, days_ahead=3) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Spring forward: the night of 28/29 March 2026 skips 2:00–3:00.
        (datetime.datetime(2026, 3, 29, 0, 30, tzinfo=UTC), "Zamknięte – otwieramy jutro o 7:30"),
        (datetime.datetime(2026, 3, 29, 1, 30, tzinfo=UTC), "Zamknięte – otwieramy jutro o 7:30"),
        # 0:30 on Monday in Warsaw is still Sunday in UTC.
        (datetime.datetime(2026, 3, 29, 22, 30, tzinfo=UTC), "Zamknięte – otwieramy dziś o 7:30"),
        # 7:29 and 7:30 summer time.
        (datetime.datetime(2026, 3, 30, 5, 29, tzinfo=UTC), "Zamknięte – otwieramy dziś o 7:30"),
        (datetime.datetime(2026, 3, 30, 5, 30, tzinfo=UTC), "Otwarte do 15:30"),
        # Fall back: 2:30 happens twice in the night of 24/25 October 2026.
        (datetime.datetime(2026, 10, 25, 0, 30, tzinfo=UTC), "Zamknięte – otwieramy jutro o 7:30"),
        (datetime.datetime(2026, 10, 25, 1, 30, tzinfo=UTC), "Zamknięte – otwieramy jutro o 7:30"),
        (datetime.datetime(2026, 10, 25, 23, 30, tzinfo=UTC), "Zamknięte – otwieramy dziś o 7:30"),
        # 7:29 and 7:30 winter time.
        (datetime.datetime(2026, 10, 26, 6, 29, tzinfo=UTC), "Zamknięte – otwieramy dziś o 7:30"),
        (datetime.datetime(2026, 10, 26, 6, 30, tzinfo=UTC), "Otwarte do 15:30"),
        (datetime.datetime(2026, 10, 26, 14, 29, tzinfo=UTC), "Otwarte do 15:30"),
        (datetime.datetime(2026, 10, 26, 14, 30, tzinfo=UTC), "Zamknięte – otwieramy jutro o 7:30"),
    ],
)
def test_status_follows_warsaw_time_across_daylight_saving_changes(client, cus, moment, expected):
    assert status_at(client, moment)["cus"] == expected
