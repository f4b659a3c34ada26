"""Demo content: the units and weekly hours of the old site's hours block, as the seed has them.

Only what the seed says: CUS is the centre itself, so its full name is known (and given in English
and Ukrainian too); "BOM" is not expanded anywhere, so it keeps an empty full name. No addresses or
phone numbers are made up.
"""

import datetime

from django.utils import translation

from cus_site import cache

from .models import Unit, Weekday, WeeklyHours

# The full names in each language; the English and Ukrainian ones are faithful translations.
FULL_NAMES = {
    "CUS": {
        "full_name_pl": "Centrum Usług Społecznych w Tarnowie",
        "full_name_en": "Social Services Centre in Tarnów",
        "full_name_uk": "Центр соціальних послуг у Тарнові",
    }
}


def load(seed):
    created = []
    with translation.override("pl"):
        for order, seed_unit in enumerate(seed.units, start=1):
            unit, is_new = Unit.objects.get_or_create(
                short_name=seed_unit.short_name,
                defaults={**FULL_NAMES.get(seed_unit.short_name, {}), "order": order},
            )
            # An existing unit is the editors' now: its hours are never reset.
            if is_new:
                WeeklyHours.objects.bulk_create(weekly_hours(unit, seed_unit.rows))
                cache.content_changed()
                created.append(unit.short_name)
    return f"dodano jednostki: {', '.join(created)}" if created else "bez zmian"


def weekly_hours(unit, rows):
    """Rows such as ("wtorek - piątek", "8:00 - 15:00") as one WeeklyHours per day."""
    for days, hours in rows:
        opens, closes = (parse_time(part) for part in hours.split(" - "))
        for weekday in parse_days(days):
            yield WeeklyHours(unit=unit, weekday=weekday, opens=opens, closes=closes)


def parse_days(days):
    names = {str(label): value for value, label in Weekday.choices}
    first, _, last = days.partition(" - ")
    return range(names[first], names[last or first] + 1)


def parse_time(text):
    hour, minute = text.split(":")
    return datetime.time(int(hour), int(minute))
