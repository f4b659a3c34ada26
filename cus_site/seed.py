"""The current site's content, read from the seed file kept in the repository.

The file is a plain-text copy of the old site's pages: the opening-hours block (twice, as the old
page showed it in its header and footer), the OSL introduction dated 7 marca 2025 with its
footnote, and the news list (date, title, lead ending in "[…]" where the old list cut it).
`load_demo` and its tests both read it through `read_seed()`, so the demo content is the file's,
word for word.
"""

import datetime
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

SEED_FILE = Path(__file__).resolve().parent / "seed" / "000_58a82024e70c6d23.txt"

POLISH_MONTHS_GENITIVE = [
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
]
DATE_LINE = re.compile(r"^(\d{1,2}) (" + "|".join(POLISH_MONTHS_GENITIVE) + r") (\d{4})$")
HOURS_LINE = re.compile(r"^(?P<label>[^|]+?) \| (?P<value>[^|]*?) ?\|$")
FOOTNOTE_LINE = re.compile(r"^\[(\d+)\] (.+)$")
ELLIPSIS_TAIL = " […]"


@dataclass(frozen=True)
class SeedUnit:
    short_name: str
    # (days, hours) as the old site wrote them: ("wtorek - piątek", "8:00 - 15:00").
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SeedPost:
    date: datetime.date
    title: str
    lead: str
    # The old list cut the lead short and marked it with "[…]" (kept off `lead`).
    lead_is_cut: bool = False


@dataclass(frozen=True)
class SeedIntroduction:
    date: datetime.date
    paragraphs: tuple[str, ...]
    footnotes: tuple[str, ...]


@dataclass
class Seed:
    units: list[SeedUnit] = field(default_factory=list)
    introduction: SeedIntroduction | None = None
    posts: list[SeedPost] = field(default_factory=list)


def parse_date(line):
    match = DATE_LINE.match(line)
    if not match:
        return None
    day, month, year = match.groups()
    return datetime.date(int(year), POLISH_MONTHS_GENITIVE.index(month) + 1, int(day))


def parse_units(lines):
    """The hours block, once: the old page repeated it, so a unit seen again ends the block."""
    units, seen = [], set()
    for line in lines:
        match = HOURS_LINE.match(line)
        label, value = match["label"], match["value"]
        if not value:
            if label in seen:
                break
            seen.add(label)
            units.append((label, []))
        else:
            units[-1][1].append((label, value))
    return [SeedUnit(name, tuple(rows)) for name, rows in units]


def join_paragraphs(lines):
    """Lines of one paragraph were broken by hand (to keep "z" and "a" off a line's end):
    a line that does not end a sentence continues on the next one."""
    paragraphs, current = [], []
    for line in lines:
        current.append(line)
        if line.endswith((".", ":", "!", "?")):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return tuple(paragraphs)


def parse_introduction(date, lines):
    body = [line for line in lines if not FOOTNOTE_LINE.match(line)]
    notes = [FOOTNOTE_LINE.match(line)[2] for line in lines if FOOTNOTE_LINE.match(line)]
    return SeedIntroduction(date, join_paragraphs(body), tuple(notes))


def parse_posts(lines):
    posts = []
    for start in range(0, len(lines), 3):
        date_line, title, lead = lines[start : start + 3]
        is_cut = lead.endswith(ELLIPSIS_TAIL)
        posts.append(
            SeedPost(parse_date(date_line), title, lead.removesuffix(ELLIPSIS_TAIL), is_cut)
        )
    return posts


def parse(text):
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    hours_end = next(i for i, line in enumerate(lines) if not HOURS_LINE.match(line))
    dated = [i for i, line in enumerate(lines) if parse_date(line)]
    intro_start, news_start = dated[0], dated[1]
    return Seed(
        units=parse_units(lines[:hours_end]),
        introduction=parse_introduction(
            parse_date(lines[intro_start]), lines[intro_start + 1 : news_start]
        ),
        posts=parse_posts(lines[news_start:]),
    )


@cache
def read_seed():
    return parse(SEED_FILE.read_text(encoding="utf-8"))
