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


def free_slug(queryset, title, *, max_length, reserved, suffix, exclude_pk=None):
    """A free slug for a title among `queryset`'s rows: transliterated, never a list's own path
    (`reserved`, or digits only, which read as a year) — those get `-{suffix}` — and numbered
    if taken ("dzien-otwarty-2")."""
    base = slugify_pl(title, max_length - 4) or suffix
    if base in reserved or base.isdigit():
        base = f"{base}-{suffix}"
    taken = set(
        queryset.exclude(pk=exclude_pk).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
