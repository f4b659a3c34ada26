"""What the search finds: one line per kind of content.

A source names a model whose QuerySet has `published()`, the label residents see next to a
result, the fields that are indexed (through modeltranslation, so in each language, with the
Polish text where a translation is empty) and the field that dates a result. Adding a kind of
content is adding a line to SOURCES; signals, the rebuild command and the page follow from it.
"""

import datetime
import html
import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from . import words

# Block-level tags end a word: "<p>Senior</p><p>Klub</p>" is "Senior Klub", not "SeniorKlub".
BLOCK_TAG = re.compile(r"</?(?:p|br|h[1-6]|li|ul|ol|td|th|tr|table|blockquote|div)\b[^>]*>", re.I)


def plain_text(value):
    """The words of a plain or rich-text field, tags and entities gone, spaces tidied."""
    text = html.unescape(strip_tags(BLOCK_TAG.sub(" ", str(value or ""))))
    return " ".join(text.split())


@dataclass(frozen=True)
class Source:
    model_label: str
    kind: str
    date_field: str | None = None
    title_field: str = "title"
    text_fields: tuple = ("lead", "body")

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def published(self):
        return self.model._default_manager.published()

    def title(self, obj):
        return plain_text(getattr(obj, self.title_field))

    def text(self, obj):
        return " ".join(filter(None, (plain_text(getattr(obj, name)) for name in self.text_fields)))

    def polish_in_place_of(self, obj, fields, language):
        """ "pl" when none of these fields has a `language` version, so the Polish text stands
        in (and the page must say lang="pl"); "" when the text is the language's own."""
        if language == settings.LANGUAGE_CODE:
            return ""
        own = (getattr(obj, build_localized_fieldname(name, language), None) for name in fields)
        return "" if any(own) else settings.LANGUAGE_CODE

    def date(self, obj):
        """The day a result is dated by, in the site's time zone."""
        value = getattr(obj, self.date_field) if self.date_field else None
        return timezone.localdate(value) if isinstance(value, datetime.datetime) else value


SOURCES = (
    Source("news.Post", _("Aktualność"), date_field="published_at"),
    Source("osl.Programme", _("Program OSL"), date_field="updated_on"),
    Source("pages.TextPage", _("Strona"), date_field="updated_at"),
    Source(
        "pages.Page",
        _("Strona"),
        date_field="updated_at",
        text_fields=("lead", "body", "audience", "benefits"),
    ),
    Source("pages.Document", _("Dokument do pobrania"), date_field="updated_at", text_fields=()),
)


@dataclass(frozen=True)
class FixedPage:
    """A page of the site with no row of content behind it to index (the opening hours, the
    contact page, the statement). It is offered above the results when every word of the query
    is a form of one of its words: its title and others that lead there, in each language."""

    url_name: str
    title: str
    words: str
    # The page exists only once a row of this model does (the statement), if given.
    requires: str | None = None

    @property
    def url(self):
        return reverse(self.url_name)

    def matches(self, terms):
        folded = words.folded_words(f"{self.title} {self.words}")
        return bool(terms) and all(any(term.matches(word) for word in folded) for term in terms)

    def exists(self):
        return self.requires is None or apps.get_model(self.requires).objects.exists()


FIXED_PAGES = (
    FixedPage(
        "hours:index",
        _("Godziny otwarcia"),
        _("godziny otwarcia czynne otwarte zamknięte kiedy święta dni wolne jednostki"),
    ),
    FixedPage(
        "pages:contact",
        _("Kontakt"),
        _("kontakt adres telefon e-mail poczta ePUAP e-Doręczenia mapa dojazd siedziba"),
    ),
    FixedPage(
        "pages:accessibility-statement",
        _("Deklaracja dostępności"),
        _("deklaracja dostępności dostępność niepełnosprawność architektoniczna"),
        requires="pages.AccessibilityStatement",
    ),
    FixedPage("news:index", _("Aktualności"), _("aktualności wiadomości nowości wpisy")),
    FixedPage(
        "osl:index",
        _("Organizowanie społeczności lokalnej"),
        _("OSL organizowanie społeczności lokalnej programy"),
    ),
)


def fixed_pages_for(terms):
    return [page for page in FIXED_PAGES if page.matches(terms) and page.exists()]


def source_for(model):
    """The source of a model (or of its proxy), or None if the search does not index it."""
    label = model._meta.concrete_model._meta.label
    return next((source for source in SOURCES if source.model_label == label), None)
