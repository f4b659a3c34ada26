"""Web addresses made from Polish titles.

Django's `slugify` drops letters it cannot decompose to ASCII, and "ł" is one of them
("Młodzieżowa" would become "modziezowa"), so the Polish letters are transliterated first.
"""

import unicodedata

from anyascii import anyascii
from django.utils.text import slugify

POLISH_LETTERS = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def slugify_pl(text, max_length=None):
    """`slugify` with every Polish letter kept as its Latin twin, cut at a word boundary."""
    slug = slugify(str(text).translate(POLISH_LETTERS))
    if max_length and len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug.strip("-")


def slugify_any(text, max_length=None):
    """`slugify_pl` for text in any script: Polish letters by our table, every other letter by
    anyascii's transliteration (Greek "Νέα" → "nea", Ukrainian "Київ" → "kiiv"). Emoji and
    other symbols are dropped rather than spelt out (anyascii would make "🎉" ":tada:")."""
    letters = "".join(
        char for char in str(text).translate(POLISH_LETTERS) if unicodedata.category(char) != "So"
    )
    return slugify_pl(anyascii(letters), max_length)
