"""The search index: one denormalised row per piece of content and language.

Why a table of its own, and why it looks like this:

- PostgreSQL ships no Polish (and no Ukrainian) text-search configuration, and a dictionary
  installed into the server would be one more thing every machine must set up. So the index uses
  the built-in `simple` configuration over text that Python has already folded (lower case, no
  diacritics, see words.py), and Polish inflection is handled on the query side: each word
  becomes a prefix of its Stempel stem ("seniorzy" → "senior:*").
- The words are folded in Python, not with `unaccent()`, because the same folding must also mark
  the matches in the snippet; the folded text is what gets indexed, so no index depends on a
  function that is not IMMUTABLE.
- `document` (tsvector, GIN index with the language) answers "which entries contain every
  word, in some form". Typos are left to `SearchWord`, the site's vocabulary under a trigram
  GIN index: when a query finds nothing, its words that match no word of the site are replaced
  by the nearest real ones ("senjorzy" → "seniorzy") and the search runs again. Trigram
  similarity over whole documents was tried first and measured: rechecking kilobytes of text
  per candidate row took 50–350 ms with 10,000 posts, against a few milliseconds this way.
- Ranking is ts_rank (title words weigh more) plus the trigram word similarity of the query to
  the title, so the post whose title says what was typed comes first.
- One row per language (pl, en, uk) with that language's text, or the Polish text where the
  translation is empty, so an untranslated post is still found from /en/ and /uk/; the row
  says when its title or text is that Polish stand-in, for the page's lang="pl".
- The row keeps the title, URL, date and plain text a result shows, so a page of results is one
  query however many there are.
- Whether a row may be shown is NOT stored: the query keeps only the rows whose object is in its
  model's `published()` queryset, so there is one visibility rule, and a scheduled post is
  found from the minute it is due without anything being reindexed.

Rows are written by the signals connected in apps.py when content is saved or deleted; the
`rebuild_search_index` command rewrites them all (after bulk updates, which send no signals).
"""

from collections import defaultdict
from itertools import chain, islice

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramSimilarity,
    TrigramWordSimilarity,
)
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q, Value
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cus_site import listing

from . import words
from .sources import SOURCES, source_for

CONFIG = "simple"
# How many of the vocabulary's words nearest to a query word are looked at.
NEAREST_WORDS = 5


def document(title, text):
    """The tsvector of an entry: title words weigh most (A), the rest less (B)."""
    folded_title = " ".join(words.folded_words(title))
    folded_text = " ".join(words.folded_words(text))
    return SearchVector(Value(folded_title), config=CONFIG, weight="A") + SearchVector(
        Value(folded_text), config=CONFIG, weight="B"
    )


class SearchEntryQuerySet(models.QuerySet):
    def published(self):
        """Entries whose object its own model's `published()` shows right now."""
        content_types = ContentType.objects.get_for_models(*(s.model for s in SOURCES))
        visible = Q()
        for source in SOURCES:
            # EXISTS looks each candidate up by primary key; `IN (subquery)` would read every
            # published post to build a hash first.
            shown = source.published().filter(pk=OuterRef("object_id"))
            visible |= Q(content_type=content_types[source.model]) & Q(Exists(shown))
        return self.filter(visible)

    def search(self, terms, language):
        """Published entries of the language with every term, the best first.

        The rank is ts_rank (title words count more) plus how close the title is to what was
        typed, so a title that says just that comes first.
        """
        query = SearchQuery(words.tsquery(terms), search_type="raw", config=CONFIG)
        typed = words.similarity_text(terms)
        return (
            self.published()
            .filter(language=language, document=query)
            .annotate(
                rank=SearchRank(F("document"), query)
                + TrigramWordSimilarity(Value(typed), F("title"))
            )
            .order_by("-rank", F("date").desc(nulls_last=True), "pk")
        )

    def for_object(self, obj):
        content_type = ContentType.objects.get_for_model(obj)
        return self.filter(content_type=content_type, object_id=obj.pk)

    @transaction.atomic
    def index(self, obj):
        """(Re)write the entries of one object, one per language."""
        self.for_object(obj).delete()
        entries = self.bulk_create(self.entries(obj))
        SearchWord.objects.add(entries)

    def entries(self, obj):
        source = source_for(type(obj))
        content_type = ContentType.objects.get_for_model(obj)
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                title, text = source.title(obj), source.text(obj)
                yield self.model(
                    content_type=content_type,
                    object_id=obj.pk,
                    language=language,
                    title=title,
                    title_language=source.polish_in_place_of(obj, [source.title_field], language),
                    url=obj.get_absolute_url(),
                    date=source.date(obj),
                    text=text,
                    text_language=source.polish_in_place_of(obj, source.text_fields, language),
                    document=document(title, text),
                )

    @transaction.atomic
    def rebuild(self, batch_size=500):
        """Rewrite the whole index from the sources; returns how many entries it wrote."""
        self.all().delete()
        SearchWord.objects.all().delete()
        written = 0
        for source in SOURCES:
            objects = source.model._default_manager.iterator(chunk_size=batch_size)
            objects = filter(listing.has_address, objects)
            entries = chain.from_iterable(self.entries(obj) for obj in objects)
            while batch := list(islice(entries, batch_size)):
                SearchWord.objects.add(self.bulk_create(batch))
                written += len(batch)
        return written


class SearchEntry(models.Model):
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("rodzaj treści"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("numer treści"))
    language = models.CharField(_("język"), max_length=7)
    title = models.TextField(_("tytuł"))
    title_language = models.CharField(
        _("język tytułu"),
        max_length=7,
        blank=True,
        help_text=_("„pl”, gdy tytuł nie ma tłumaczenia i stoi tu polski; inaczej puste."),
    )
    url = models.CharField(_("adres"), max_length=500)
    date = models.DateField(_("data"), null=True)
    text = models.TextField(_("tekst"), help_text=_("Treść bez znaczników, do wycinka w wynikach."))
    text_language = models.CharField(
        _("język tekstu"),
        max_length=7,
        blank=True,
        help_text=_("„pl”, gdy tekst nie ma tłumaczenia i stoi tu polski; inaczej puste."),
    )
    document = SearchVectorField(_("słowa do wyszukiwania"))

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("pozycja indeksu wyszukiwarki")
        verbose_name_plural = _("indeks wyszukiwarki")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="search_entry_unique"
            )
        ]
        indexes = [
            # btree_gin lets one GIN index take the language too: the three languages' rows
            # do not have to be fetched and then two thirds thrown away.
            GinIndex(fields=["language", "document"], name="search_entry_document"),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"

    def get_absolute_url(self):
        return self.url

    @property
    def kind(self):
        # get_for_id is cached, so a page of results costs no query per row.
        source = source_for(ContentType.objects.get_for_id(self.content_type_id).model_class())
        return source.kind if source else ""


class SearchWordQuerySet(models.QuerySet):
    def add(self, entries):
        """Put the entries' words into the vocabulary (words already there stay as they are)."""
        found = set()
        for entry in entries:
            found.update(words.folded_words(f"{entry.title} {entry.text}"))
        known = [SearchWord(word=word) for word in found if len(word) <= SearchWord.MAX_LENGTH]
        self.bulk_create(known, ignore_conflicts=True, batch_size=1000)

    def nearest(self, term):
        return (
            self.filter(word__trigram_similar=term.word)
            .annotate(similarity=TrigramSimilarity("word", term.word), typed=Value(term.word))
            .order_by("-similarity", "word")
            .values_list("typed", "word", "similarity")[:NEAREST_WORDS]
        )

    def correct(self, terms):
        """The terms, those that match no word of the site given the nearest words it has.

        One query, whatever the number of terms: the nearest words of each, in a UNION.
        """
        if not terms:
            return []
        first, *others = (self.nearest(term) for term in terms)
        nearest = defaultdict(list)
        for typed, word, similarity in first.union(*others, all=True):
            nearest[typed].append((word, similarity))
        return [term.corrected(nearest[term.word]) for term in terms]


class SearchWord(models.Model):
    """A word that occurs somewhere in the index, folded: the vocabulary for typos.

    Trigram similarity over whole documents would have to recheck kilobytes of text per
    candidate row; over this list of short words it takes a millisecond. This is the
    approach the pg_trgm documentation itself gives for text search ("Text Search
    Integration"). Words are added as content is indexed and cleared by a rebuild; a word
    whose content is gone only leads to a term that finds nothing.
    """

    MAX_LENGTH = 60

    word = models.CharField(_("słowo"), max_length=MAX_LENGTH, unique=True)

    objects = SearchWordQuerySet.as_manager()

    class Meta:
        ordering = ["word"]
        verbose_name = _("słowo wyszukiwarki")
        verbose_name_plural = _("słowa wyszukiwarki")
        indexes = [GinIndex(fields=["word"], opclasses=["gin_trgm_ops"], name="search_word_trgm")]

    def __str__(self):
        return self.word
