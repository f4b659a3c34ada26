"""`load_demo`'s hours part: CUS and BOM with exactly the seed's hours."""

from cus_site.seed import read_seed
from hours import demo
from hours.models import Unit
from hours.schedule import week_of
from hours.week import compact_week


def seed_rows(seed_unit):
    """The old site's rows in the site's typography: en dashes, spaced between days only."""
    return [
        (days.replace(" - ", " – "), hours.replace(" - ", "–")) for days, hours in seed_unit.rows
    ]


def test_demo_units_have_exactly_the_seeds_hours(db):
    seed = read_seed()
    assert demo.load(seed) == "dodano jednostki: CUS, BOM"
    units = list(Unit.objects.visible().with_weekly_hours())
    assert [unit.short_name for unit in units] == ["CUS", "BOM"]
    for unit, seed_unit in zip(units, seed.units, strict=True):
        rows = [(row.days, row.hours) for row in compact_week(week_of(unit))]
        assert rows == seed_rows(seed_unit)
    assert [row.weekday for row in units[1].weekly_hours.all()] == [0, 1, 2, 3, 4]


def test_demo_invents_nothing_the_seed_does_not_say(db):
    demo.load(read_seed())
    cus, bom = Unit.objects.order_by("order")
    assert cus.full_name == "Centrum Usług Społecznych w Tarnowie"
    assert bom.full_name == ""
    for unit in (cus, bom):
        assert (unit.street_address, unit.phone, unit.email, unit.entrance) == ("", "", "", "")


def test_demo_runs_twice_without_changes(db):
    demo.load(read_seed())
    assert demo.load(read_seed()) == "bez zmian"
    assert Unit.objects.count() == 2
    assert sum(unit.weekly_hours.count() for unit in Unit.objects.all()) == 10
