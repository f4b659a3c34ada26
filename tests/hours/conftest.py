"""The two units of the seed, with the seed's hours: the cases residents know."""

import datetime

import pytest

from tests.factories import UnitFactory

from .helpers import add_hours


@pytest.fixture
def cus(db):
    unit = UnitFactory(short_name="CUS", full_name="Centrum Usług Społecznych w Tarnowie", order=1)
    add_hours(unit, range(5), datetime.time(7, 30), datetime.time(15, 30))
    return unit


@pytest.fixture
def bom(db):
    unit = UnitFactory(short_name="BOM", order=2)
    add_hours(unit, [0], datetime.time(8), datetime.time(17))
    add_hours(unit, range(1, 5), datetime.time(8), datetime.time(15))
    return unit
