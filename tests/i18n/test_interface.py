"""The interface in English and Ukrainian: hours phrases, dates, plurals, catalogues."""

import ast
import datetime
import gettext
import html
import re
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.utils import translation
from django.utils.translation import ngettext

from hours.schedule import Span
from hours.status import opening_phrase
from tests.factories import CategoryFactory, PostFactory, UnitFactory, WeeklyHoursFactory
from tests.hours.helpers import at, statuses

LOCALE = Path(settings.BASE_DIR) / "locale"
# Monday 16 November 2026 onwards: the next opening `days` ahead falls on weekday `days`.
MONDAY = datetime.date(2026, 11, 16)
OPENS_ON = {
    "en": [
        "Closed – we open on Monday at 8:00",
        "Closed – we open on Tuesday at 8:00",
        "Closed – we open on Wednesday at 8:00",
        "Closed – we open on Thursday at 8:00",
        "Closed – we open on Friday at 8:00",
        "Closed – we open on Saturday at 8:00",
        "Closed – we open on Sunday at 8:00",
    ],
    "uk": [
        "Зачинено – відчиняємо в понеділок о 8:00",
        "Зачинено – відчиняємо у вівторок о 8:00",
        "Зачинено – відчиняємо в середу о 8:00",
        "Зачинено – відчиняємо в четвер о 8:00",
        "Зачинено – відчиняємо в п'ятницю о 8:00",
        "Зачинено – відчиняємо в суботу о 8:00",
        "Зачинено – відчиняємо в неділю о 8:00",
    ],
}


@pytest.mark.parametrize("language", ["en", "uk"])
@pytest.mark.parametrize("weekday", range(7))
def test_next_opening_on_each_weekday_in_each_language(language, weekday):
    date = MONDAY + datetime.timedelta(days=7 + weekday)
    with translation.override(language):
        phrase = opening_phrase(date, Span(datetime.time(8), datetime.time(16)), 3)
    assert phrase == OPENS_ON[language][weekday]


@pytest.mark.parametrize(
    ("language", "today", "tomorrow", "later"),
    [
        (
            "en",
            "Closed – we open today at 8:00",
            "Closed – we open tomorrow at 8:00",
            "Closed – we open on 1 December 2026 at 8:00",
        ),
        (
            "uk",
            "Зачинено – відчиняємо сьогодні о 8:00",
            "Зачинено – відчиняємо завтра о 8:00",
            "Зачинено – відчиняємо 1 грудня 2026 о 8:00",
        ),
    ],
)
def test_other_opening_phrases(language, today, tomorrow, later):
    span = Span(datetime.time(8), datetime.time(16))
    with translation.override(language):
        assert opening_phrase(MONDAY, span, 0) == today
        assert opening_phrase(MONDAY, span, 1) == tomorrow
        assert opening_phrase(datetime.date(2026, 12, 1), span, 15) == later


@pytest.fixture
def office(db):
    unit = UnitFactory(short_name="CUS", full_name_pl="Centrum Usług Społecznych w Tarnowie")
    for weekday in range(5):
        WeeklyHoursFactory(
            unit=unit, weekday=weekday, opens=datetime.time(7, 30), closes=datetime.time(15, 30)
        )
    return unit


@pytest.mark.parametrize(
    ("prefix", "open_now", "closed_now", "week", "row"),
    [
        (
            "/en",
            "Open until 15:30",
            "Closed – we open on Monday at 7:30",
            "Monday – Friday",
            "<dt>Saturday – Sunday</dt><dd>closed</dd>",
        ),
        (
            "/uk",
            "Відчинено до 15:30",
            "Зачинено – відчиняємо в понеділок о 7:30",
            "понеділок – п'ятниця",
            "<dt>субота – неділя</dt><dd>зачинено</dd>",
        ),
    ],
)
def test_hours_page_speaks_the_pages_language(
    client, office, prefix, open_now, closed_now, week, row
):
    url = f"{prefix}/godziny-otwarcia/"
    with time_machine.travel(at(2026, 11, 18, 10, 0), tick=False):
        assert statuses(client, url) == {"cus": open_now}
    with time_machine.travel(at(2026, 11, 20, 16, 0), tick=False):
        assert statuses(client, url) == {"cus": closed_now}
        page = html.unescape(client.get(url).content.decode())
    assert f'<dt>{week} <span class="week-hours__today">' in page
    assert "<dd>7:30–15:30</dd>" in page
    assert row in page


@pytest.mark.parametrize(
    ("prefix", "date"),
    [("", "12 września 2023"), ("/en", "12 September 2023"), ("/uk", "12 вересня 2023")],
)
def test_post_date_in_each_language(client, db, prefix, date):
    PostFactory(slug_pl="wrzesien", published_at=at(2023, 9, 12, 10, 0))
    page = client.get(f"{prefix}/aktualnosci/wrzesien/").content.decode()
    assert f'<time datetime="2023-09-12">{date}</time>' in page
    assert "р.</time>" not in page


PLURALS = {
    "pl": {
        1: "1 wpis",
        2: "2 wpisy",
        4: "4 wpisy",
        5: "5 wpisów",
        12: "12 wpisów",
        21: "21 wpisów",
        22: "22 wpisy",
        112: "112 wpisów",
        0: "0 wpisów",
    },
    "en": {1: "1 post", 2: "2 posts", 21: "21 posts", 0: "0 posts"},
    "uk": {
        1: "1 допис",
        2: "2 дописи",
        4: "4 дописи",
        5: "5 дописів",
        11: "11 дописів",
        12: "12 дописів",
        21: "21 допис",
        22: "22 дописи",
        0: "0 дописів",
    },
}


@pytest.mark.parametrize("language", PLURALS)
def test_counts_take_each_languages_plural_forms(language):
    with translation.override(language):
        for number, expected in PLURALS[language].items():
            text = ngettext("%(counter)s wpis", "%(counter)s wpisy", number) % {"counter": number}
            assert text == expected


@pytest.mark.parametrize(
    ("number", "polish", "ukrainian"),
    [
        (1, "Znaleziono 1 wynik", "Знайдено 1 результат "),
        (3, "Znaleziono 3 wyniki", "Знайдено 3 результати "),
        (5, "Znaleziono 5 wyników", "Знайдено 5 результатів "),
        (22, "Znaleziono 22 wyniki", "Знайдено 22 результати "),
    ],
)
def test_search_result_count_plurals(number, polish, ukrainian):
    singular = "Znaleziono %(counter)s wynik dla „%(query)s”."
    plural = "Znaleziono %(counter)s wyniki dla „%(query)s”."
    values = {"counter": number, "query": "x"}
    with translation.override("pl"):
        assert (ngettext(singular, plural, number) % values).startswith(polish + " dla")
    with translation.override("uk"):
        assert (ngettext(singular, plural, number) % values).startswith(ukrainian)


@pytest.mark.parametrize(
    ("prefix", "count"), [("", "5 wpisów"), ("/en", "5 posts"), ("/uk", "5 дописів")]
)
def test_category_page_counts_its_posts(client, db, prefix, count):
    category = CategoryFactory(slug_pl="seniorzy")
    PostFactory.create_batch(5, categories=[category])
    page = client.get(f"{prefix}/aktualnosci/kategoria/seniorzy/").content.decode()
    assert f'<p class="muted">{count}</p>' in page


# The catalogues: compiled files in step with their sources, nothing left untranslated.


def read_po(path):
    """The entries of a .po file: {"ctx\\x04msgid": (msgid_plural or None, [msgstr…], flags)}."""
    entries = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, current, flags = {}, None, set()
        for line in block.splitlines():
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif match := re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (".*")$', line):
                current = match[1]
                fields[current] = ast.literal_eval(match[2])
            elif line.startswith('"'):
                fields[current] += ast.literal_eval(line)
        if "msgid" not in fields:
            continue
        key = fields["msgid"]
        if "msgctxt" in fields:
            key = f"{fields['msgctxt']}\x04{key}"
        strings = [value for name, value in sorted(fields.items()) if name.startswith("msgstr")]
        entries[key] = (fields.get("msgid_plural"), strings, flags)
    return entries


def catalogue(language):
    return read_po(LOCALE / language / "LC_MESSAGES" / "django.po")


def compiled(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as mo:
        return gettext.GNUTranslations(mo)


def plural_count(entries):
    header = entries[""][1][0]
    return int(re.search(r"nplurals=(\d+)", header)[1])


@pytest.mark.parametrize("language", ["en", "uk"])
def test_catalogue_is_complete_without_fuzzy_entries(language):
    entries = catalogue(language)
    forms = plural_count(entries)
    assert forms == {"en": 2, "uk": 3}[language]
    assert len(entries) > 400
    for msgid, (plural, strings, flags) in entries.items():
        assert "fuzzy" not in flags, msgid
        if msgid:
            assert all(strings), f"untranslated: {msgid}"
            assert len(strings) == (forms if plural else 1), msgid
            placeholders = sorted(re.findall(r"%\(\w+\)[sd]", msgid.split("\x04")[-1]))
            for string in strings:
                assert sorted(re.findall(r"%\(\w+\)[sd]", string)) == placeholders, msgid


def test_polish_catalogue_gives_three_plural_forms():
    entries = catalogue("pl")
    assert plural_count(entries) == 3
    plurals = {msgid: strings for msgid, (plural, strings, _f) in entries.items() if plural}
    assert plurals and all(len(strings) == 3 and all(strings) for strings in plurals.values())


@pytest.mark.parametrize("language", ["pl", "en", "uk"])
def test_compiled_catalogue_matches_its_source(language):
    """The committed .mo says what the .po says: run `manage.py compilemessages` after an edit."""
    mo = compiled(language)
    entries = catalogue(language)
    for msgid, (plural, strings, _flags) in entries.items():
        if not msgid:
            continue
        if plural:
            for number, expected in zip((1, 2, 5), plural_examples(strings), strict=False):
                assert mo.ngettext(msgid, plural, number) == expected, msgid
        elif strings[0]:
            assert mo.gettext(msgid) == strings[0], msgid
    compiled_ids = {key[0] if isinstance(key, tuple) else key for key in mo._catalog} - {""}
    assert compiled_ids == {msgid for msgid in entries if msgid}


def plural_examples(strings):
    """The forms 1, 2 and 5 select: the first, the second, and the last (Polish and Ukrainian
    have three forms, English two)."""
    return [strings[0], strings[1], strings[-1]]
