"""Polish typesetting on output: no line ends with a one-letter word, and a number keeps its unit.

Polish typography does not leave "a", "i", "o", "u", "w", "z" (nor their capitals) at the end of
a line ("…Społecznych w / Tarnowie"), nor part a number from its unit or a day from its month
("20 / MB", "12 / września"), nor an abbreviation from its number ("art. / 6"). The space after
them becomes a non-breaking one when a page is rendered; what editors typed is stored unchanged.
In HTML only the text between tags is touched, never a tag or an attribute.
"""

import re

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

NBSP = "\u00a0"

# A one-letter word: at the start, or after a space, an opening bracket or quote, or a dash.
ONE_LETTER_WORD = re.compile(r"(?<![^\s(\[„\"«–—])([aiouwzAIOUWZ])\s+(?=\S)")
MONTHS = (
    "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|"
    "listopada|grudnia"
)
UNITS = (
    r"zł|gr|km|m|cm|mm|m²|kg|g|l|ml|KB|kB|MB|GB|%|proc\.|r\.|w\.|godz\.|min\.?|tys\.|mln|mld|os\."
)
NUMBER_AND_UNIT = re.compile(rf"(\d)\s+(?=(?:{UNITS}|{MONTHS})(?![\w]))")
ABBREVIATION_AND_NUMBER = re.compile(
    r"(?<![\w])(nr|art\.|ust\.|pkt|poz\.|s\.|str\.|tel\.)\s+(?=\d)"
)
TAG = re.compile(r"(<[^>]*>)")


def bind_text(text):
    """Plain text (already escaped for HTML, or not HTML at all) with the spaces bound."""
    text = ONE_LETTER_WORD.sub(rf"\1{NBSP}", text)
    text = NUMBER_AND_UNIT.sub(rf"\1{NBSP}", text)
    return ABBREVIATION_AND_NUMBER.sub(rf"\1{NBSP}", text)


def typeset(value):
    """Text for a page: escaped unless already safe, then bound. Safe for HTML."""
    return typeset_html(conditional_escape(value))


def typeset_html(html):
    """Safe HTML with the spaces of its text bound; tags pass through untouched."""
    parts = TAG.split(str(html))
    return mark_safe("".join(part if part.startswith("<") else bind_text(part) for part in parts))
