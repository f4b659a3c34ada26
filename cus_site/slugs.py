"""Web addresses made from Polish titles.

Django's `slugify` drops letters it cannot decompose to ASCII, and "ł" is one of them
("Młodzieżowa" would become "modziezowa"), so the Polish letters are transliterated first.
"""

from django.utils.text import slugify

POLISH_LETTERS = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def slugify_pl(text, max_length=None):
    """`slugify` with every Polish letter kept as its Latin twin, cut at a word boundary."""
    slug = slugify(str(text).translate(POLISH_LETTERS))
    if max_length and len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug.strip("-")
