"""The compact Polish form of a week, in the footer of every page and on /godziny-otwarcia/."""

import datetime
import re

from django.template import Context, Template

from cus_site import cache
from hours.models import Weekday
from hours.schedule import Span
from hours.week import compact_week
from tests.factories import UnitFactory

from .helpers import add_hours, text_of

MORNING = (Span(datetime.time(8), datetime.time(12)),)
DAY = (Span(datetime.time(8), datetime.time(15)),)
LONG_DAY = (Span(datetime.time(8), datetime.time(17)),)
WITH_BREAK = (
    Span(datetime.time(8), datetime.time(12)),
    Span(datetime.time(12, 30), datetime.time(16)),
)
CLOSED = ()


def rows(week):
    return [(row.days, row.hours) for row in compact_week(week)]


def footer(client):
    page = client.get("/strona-ktorej-nie-ma/").content.decode()
    return text_of(re.search(r'<div class="site-footer__hours">.*?</p>\s*</div>', page, re.S)[0])


def test_working_week_collapses_into_one_range():
    assert rows([DAY] * 5 + [CLOSED] * 2) == [("poniedziałek – piątek", "8:00–15:00")]


def test_bom_week_reads_as_on_the_old_site():
    assert rows([LONG_DAY] + [DAY] * 4 + [CLOSED] * 2) == [
        ("poniedziałek", "8:00–17:00"),
        ("wtorek – piątek", "8:00–15:00"),
    ]


def test_equal_days_apart_are_listed_together_in_order():
    week = [DAY, LONG_DAY, DAY, DAY, DAY, CLOSED, CLOSED]
    assert rows(week) == [
        ("poniedziałek, środa – piątek", "8:00–15:00"),
        ("wtorek", "8:00–17:00"),
    ]


def test_a_break_shows_both_intervals():
    week = [WITH_BREAK] * 4 + [MORNING, CLOSED, CLOSED]
    assert rows(week) == [
        ("poniedziałek – czwartek", "8:00–12:00, 12:30–16:00"),
        ("piątek", "8:00–12:00"),
    ]


def test_weekend_and_single_days_keep_their_names():
    week = [DAY, CLOSED, DAY, CLOSED, DAY, MORNING, MORNING]
    assert rows(week) == [
        ("poniedziałek, środa, piątek", "8:00–15:00"),
        ("sobota – niedziela", "8:00–12:00"),
    ]


def test_closed_week_has_no_rows():
    assert rows([CLOSED] * 7) == []


def test_footer_of_every_page_shows_the_seed_hours(client, cus, bom):
    assert footer(client) == (
        "Godziny otwarcia "
        "CUS poniedziałek – piątek 7:30–15:30 "
        "BOM poniedziałek 8:00–17:00 wtorek – piątek 8:00–15:00 "
        "Święta i dni specjalne · Adresy i telefony"
    )


def test_footer_shows_a_break_and_hides_invisible_units(client, db):
    unit = UnitFactory(short_name="PCPR")
    add_hours(unit, [Weekday.MONDAY], datetime.time(8), datetime.time(12))
    add_hours(unit, [Weekday.MONDAY], datetime.time(12, 30), datetime.time(16))
    UnitFactory(short_name="UKRYTA", is_visible=False)
    text = footer(client)
    assert "PCPR poniedziałek 8:00–12:00, 12:30–16:00" in text
    assert "UKRYTA" not in text


def test_footer_reads_two_queries_for_many_units(db, django_assert_num_queries):
    for number in range(30):
        unit = UnitFactory(short_name=f"U{number}")
        add_hours(unit, range(5), datetime.time(8), datetime.time(12))
        add_hours(unit, range(5), datetime.time(13), datetime.time(16))
    cache.timed_changes(cache.generation())  # how long the footer may be kept
    footer = Template("{% load hours %}{% weekly_hours_footer %}")
    with django_assert_num_queries(2):
        html = footer.render(Context())
    assert text_of(html).count("poniedziałek – piątek 8:00–12:00, 13:00–16:00") == 30
    # Worked out once per change (cus_site/cache.py), then read from the shared cache.
    with django_assert_num_queries(0):
        assert footer.render(Context()) == html
