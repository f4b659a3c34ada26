"""Words as the search sees them: folded, stemmed, turned into safe query terms, highlighted.

One function, `fold`, decides what two spellings count as the same word (case and diacritics
off: "Tężni" and "tezni" are both "tezni"). It runs in Python on both sides, when an entry is
indexed and when a query arrives, and again when a snippet marks the matched words, so the three
can never disagree. PostgreSQL's `unaccent()` could do the first two but not the third, and it is
not IMMUTABLE, so it could not feed an index without a wrapper anyway.

Polish inflects: "seniorzy", "seniorów", "seniorami" are one word to a reader. The query's words
go through Stempel (pystempel, the stemmer Lucene and Elasticsearch ship for Polish), but a stem
is not used as it comes: Stempel's stems are sometimes not a prefix of the word at all
("warsztaty" → "warsztatć", "rączka" → "rączeka"), and its two tables disagree ("seniorami" is
"senior" in one and "seniora" in the other). What is searched is the common beginning of the
word and its stem, as a prefix ("senior:*", "warsztat:*", "tezn:*"), which every inflected form
shares, plus the stem itself as a whole word where it is not such a prefix. The documents are
therefore stored unstemmed. A query word that matches none of the site's words, a typo most
often ("senjorzy"), is compared by trigram similarity with the site's vocabulary (`SearchWord`
in models.py), and the nearest words are searched as well.
"""

import os
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib.resources import files

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

# A sane length for what a person types into a search box; longer input is cut, not refused.
MAX_QUERY_LENGTH = 200
# More words than this only make the query slower, never the results better.
MAX_TERMS = 8
MIN_WORD_LENGTH = 2
# A shorter prefix would match half the dictionary ("rodo" cut to "rod" finds "rodzina"):
# a word whose stem leaves less is searched whole.
MIN_PREFIX_LENGTH = 4
MIN_STEM_LENGTH = 3
# A word of the site this close (pg_trgm similarity) to a word that matches nothing is taken
# for what was meant: "senjorzy" → "seniorzy" (0.5); "tezy" is not "tezni" (0.375).
MIN_SIMILARITY = 0.4
MAX_CORRECTIONS = 3
WORD = re.compile(r"[^\W_]+")
# Letters that Unicode does not decompose into a base letter and a mark.
UNDECOMPOSED = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})
SNIPPET_WORDS_BEFORE = 12
SNIPPET_LENGTH = 40


def fold(text):
    """Lower case without diacritics: "Dzień Tężni" → "dzien tezni" (Cyrillic "й" → "и")."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(UNDECOMPOSED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def folded_words(text):
    """The text's words, folded: "Tężnia, w Tarnowie!" → ["teznia", "w", "tarnowie"]."""
    return [part for word in WORD.findall(text) for part in _folded_parts(word)]


@lru_cache(maxsize=100_000)
def _folded_parts(word):
    # Indexing folds the same few thousand words over and over; remembering them makes
    # rebuilding the index several times faster.
    return tuple(WORD.findall(fold(word)))


def clean_query(raw):
    """The query as typed, minus control characters (NUL included), cut to a sane length."""
    printable = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


@cache
def stemmer():
    # Loading the table takes a second or two and some 30 MB, so it waits for the first search
    # of the process; without DISABLE_TQDM the loader draws a progress bar on stderr.
    os.environ.setdefault("DISABLE_TQDM", "1")
    from pystempel import Stemmer

    # The original Stempel table (the one Lucene ships); Stemmer.default() loads the same file
    # through an importlib call that Python has deprecated.
    return Stemmer.from_file(files("pystempel.data.original") / "stemmer_20000.tbl.gz")


def common_prefix(first, second):
    same = next(
        (i for i, (left, right) in enumerate(zip(first, second, strict=False)) if left != right),
        min(len(first), len(second)),
    )
    return first[:same]


def folded_word(word):
    # Folding may turn a letter into a letter and a sign ("½" → "1⁄2"); the sign goes.
    return "".join(_folded_parts(word))


@dataclass(frozen=True)
class Term:
    """One word of the query: folded, the prefix its forms share, its stem, and (for a word
    the site does not have, a typo perhaps) the site's words nearest to it."""

    word: str
    prefix: str
    stem: str
    nearest: tuple = ()

    @classmethod
    def from_word(cls, word):
        folded = folded_word(word)
        stem = folded_word(stemmer()(word) or word)
        prefix = common_prefix(folded, stem)
        if len(prefix) < min(MIN_PREFIX_LENGTH, len(folded)):
            prefix = folded
        return cls(folded, prefix, stem)

    @property
    def other_form(self):
        """The stem as a word of its own, when the prefix does not already cover it."""
        if len(self.stem) >= MIN_STEM_LENGTH and not self.stem.startswith(self.prefix):
            return self.stem
        return None

    def corrected(self, nearest):
        """This term, or if none of the site's words `nearest` to it (word, similarity) is one
        of its forms, this term with the closest of them as alternatives."""
        if any(self.matches(word) for word, _similarity in nearest):
            return self
        close = tuple(word for word, similarity in nearest if similarity >= MIN_SIMILARITY)
        return replace(self, nearest=close[:MAX_CORRECTIONS])

    def tsquery(self):
        alternatives = [f"{self.prefix}:*", self.other_form, *self.nearest]
        # Terms are made of letters and digits only (see `folded_word`), so they cannot carry
        # any tsquery syntax; this check keeps it so whatever changes above.
        words = [text.removesuffix(":*") for text in alternatives if text]
        if not all(WORD.fullmatch(word) for word in words):
            raise ValueError(f"Unsafe search term: {alternatives!r}")
        return f"({' | '.join(filter(None, alternatives))})"

    def matches(self, folded):
        return folded.startswith(self.prefix) or folded in (self.other_form, *self.nearest)


def query_terms(query):
    """The query's distinct words of two or more letters or digits, at most MAX_TERMS."""
    terms = []
    for word in WORD.findall(query.lower()):
        if len(folded_word(word)) < MIN_WORD_LENGTH:
            continue
        term = Term.from_word(word)
        if term not in terms:
            terms.append(term)
        if len(terms) == MAX_TERMS:
            break
    return terms


def tsquery(terms):
    """A `to_tsquery` text where every word must be found, in one of its forms."""
    return " & ".join(term.tsquery() for term in terms)


def similarity_text(terms):
    """What the ranking compares with a title: the query's words, folded and clean."""
    return " ".join(term.word for term in terms)


def highlight(text, terms):
    """The text, escaped, with the words that match the terms in `<mark>`."""
    return _marked(text, WORD.finditer(text), terms)


def snippet(text, terms):
    """About SNIPPET_LENGTH words of the text around its first match, matches in `<mark>`."""
    words = list(WORD.finditer(text))
    first = next((i for i, word in enumerate(words) if _matches(word[0], terms)), 0)
    start = max(first - SNIPPET_WORDS_BEFORE, 0)
    chosen = words[start : start + SNIPPET_LENGTH]
    if not chosen:
        return ""
    begin = chosen[0].start() if start else 0
    end = chosen[-1].end() if start + SNIPPET_LENGTH < len(words) else len(text)
    marked = _marked(text[begin:end], WORD.finditer(text, begin, end), terms, offset=begin)
    before = "… " if begin else ""
    after = " …" if end < len(text) else ""
    return format_html("{}{}{}", before, marked, after)


def _matches(word, terms):
    folded = folded_word(word)
    return any(term.matches(folded) for term in terms)


def _marked(text, words, terms, offset=0):
    pieces, position = [], 0
    for word in words:
        if not _matches(word[0], terms):
            continue
        start, end = word.start() - offset, word.end() - offset
        pieces.append(conditional_escape(text[position:start]))
        pieces.append(format_html("<mark>{}</mark>", word[0]))
        position = end
    pieces.append(conditional_escape(text[position:]))
    # Every piece above went through conditional_escape or format_html.
    return mark_safe("".join(pieces))
