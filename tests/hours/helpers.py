"""What the tests read off the pages, and moments on the Warsaw clock."""

import datetime
import re
import zoneinfo

from django.urls import reverse

from tests.factories import WeeklyHoursFactory

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


def at(*args):
    """A moment on the Warsaw wall clock: at(2026, 11, 17, 10, 0)."""
    return datetime.datetime(*args, tzinfo=WARSAW)


def add_hours(unit, weekdays, opens, closes):
    for weekday in weekdays:
        WeeklyHoursFactory(unit=unit, weekday=weekday, opens=opens, closes=closes)


def statuses(client, path=None):
    """{unit anchor: status text} as /godziny-otwarcia/ shows them."""
    page = client.get(path or reverse("hours:index")).content.decode()
    sections = re.finditer(r'<section class="unit-hours" id="([^"]+)"(.*?)</section>', page, re.S)
    status = re.compile(r'<p class="unit-status[^"]*">(.*?)</p>', re.S)
    return {section[1]: text_of(status.search(section[2])[1]) for section in sections}


def text_of(html):
    """The words of an HTML fragment, as a person reads them."""
    inline_removed = re.sub(r"</?(time|a|abbr|strong)\b[^>]*>", "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", inline_removed).split())  # NBSP too: str.split()
