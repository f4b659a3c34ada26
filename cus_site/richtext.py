"""The one rich-text field of the site, and its sanitiser.

Editors write in django-prose-editor, whose toolbar offers only what the allow-list below permits
(paragraphs, h2–h4, lists, links, bold and italic, blockquote, simple tables). The toolbar is the
site's own preset (static/js/prose-editor.js, `DJANGO_PROSE_EDITOR_PRESETS["cus"]`), which labels
its buttons with `MENU_LABELS`: the library writes them in English in its JavaScript.

The editor cleans its input in the admin form, but content also arrives by other roads (the demo
loader, the shell, an old import), so every page sanitises again on output with the same
allow-list: no script, event handler, `style` attribute, `javascript:` or `data:` URL reaches a
reader, whatever is stored.

What the sanitiser removes from a text an editor sent is said back to them in words
(`removed_in_words`): a save must not drop something silently.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import DEFAULT_MENU_GROUPS, allowlist_from_extensions
from django_prose_editor.fields import ProseEditorField

from cus_site.links import URL_SCHEMES

# Tooltips and menu entries of the toolbar, by the library's names of its items.
MENU_LABELS = {
    "paragraph": _("Akapit"),
    "heading2": _("Nagłówek 2. stopnia"),
    "heading3": _("Nagłówek 3. stopnia"),
    "heading4": _("Nagłówek 4. stopnia"),
    "bulletList": _("Lista wypunktowana"),
    "orderedList": _("Lista numerowana"),
    "blockquote": _("Cytat"),
    "bold": _("Pogrubienie"),
    "italic": _("Kursywa"),
    "link": _("Wstaw lub zmień odnośnik"),
    "unlink": _("Usuń odnośnik"),
    "table": _("Wstaw tabelę"),
    "table:addColumnAfter": _("Dodaj kolumnę"),
    "table:deleteColumn": _("Usuń kolumnę"),
    "table:addRowAfter": _("Dodaj wiersz"),
    "table:deleteRow": _("Usuń wiersz"),
    "table:mergeCells": _("Scal komórki"),
    "table:splitCell": _("Podziel komórkę"),
    "table:toggleHeaderCell": _("Komórka nagłówka: włącz lub wyłącz"),
    "table:deleteTable": _("Usuń tabelę"),
    "history:undo": _("Cofnij"),
    "history:redo": _("Ponów"),
    "tableDialog": {
        "title": _("Nowa tabela"),
        "rows": _("Liczba wierszy"),
        "cols": _("Liczba kolumn"),
        "withHeaderRow": _("Pierwszy wiersz to nagłówki kolumn"),
        "submit": _("Wstaw tabelę"),
    },
}

EXTENSIONS = {
    "Menu": {"groups": DEFAULT_MENU_GROUPS, "labels": MENU_LABELS},
    "Paragraph": True,
    "HardBreak": True,
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False, "protocols": sorted(URL_SCHEMES)},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
}

EMPTY_DOCUMENT = re.compile(r"\s*(<p>\s*(<br>)?\s*</p>\s*)*")
LINK_TAG = re.compile(r'<a\b([^>]*)\bhref="(https?://[^"]+)"([^>]*)>')
HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)


def _cleaner():
    allowlist = allowlist_from_extensions(EXTENSIONS)
    attributes = {tag: set(names) for tag, names in allowlist["attributes"].items()}
    # rel and target are ours to set, never the editor's.
    attributes["a"] = {"href", "title"}
    return nh3.Cleaner(
        tags=set(allowlist["tags"]),
        attributes=attributes,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


CLEANER = _cleaner()
ALLOWED_TAGS = allowlist_from_extensions(EXTENSIONS)["tags"]


def _mark_external(match):
    own_host = urlsplit(settings.SITE_URL).hostname
    if urlsplit(match[2]).hostname == own_host:
        return match[0]
    return f'<a{match[1]}href="{match[2]}"{match[3]} rel="noopener">'


def sanitise(html):
    """Return the stored HTML cut down to the allow-list, safe to put in a page."""
    if not html:
        return mark_safe("")
    cleaned = CLEANER.clean(html)
    return mark_safe(LINK_TAG.sub(_mark_external, cleaned))


def clean_for_storage(html):
    """What the admin form stores: the allow-list applied, an editor's empty paragraph as ""."""
    cleaned = CLEANER.clean(html or "")
    return "" if EMPTY_DOCUMENT.fullmatch(cleaned) else cleaned


def validate_heading_order(html):
    """Reject a body whose headings skip a level (h2 then h4), or that starts below h2.

    The page title is the h1, so the body's outline starts at h2 and goes one level down at a
    time; screen-reader users move through a page by its headings. Use it on a field with
    `RichTextField(validators=[validate_heading_order])`.
    """
    previous = 1
    for level_text, inner in HEADING.findall(html or ""):
        level = int(level_text)
        if level > previous + 1:
            raise ValidationError(
                _(
                    "Nagłówki muszą iść po kolei: przed nagłówkiem „%(heading)s” "
                    "(poziom %(level)s) brakuje nagłówka poziomu %(missing)s. "
                    "Zmień jego poziom na %(missing)s albo dodaj nagłówek wyżej."
                ),
                code="heading_order",
                params={
                    "heading": strip_tags(inner).strip(),
                    "level": level,
                    "missing": previous + 1,
                },
            )
        previous = level


# What the allow-list removes, in an editor's words; any other element is named by its tag.
ELEMENTS_IN_WORDS = {
    "script": _("skrypt"),
    "style": _("arkusz stylów"),
    "iframe": _("osadzona strona"),
    "embed": _("osadzona treść"),
    "object": _("osadzona treść"),
    "img": _("obrazek"),
    "svg": _("obrazek"),
    "video": _("film"),
    "audio": _("nagranie"),
    "form": _("formularz"),
    "input": _("pole formularza"),
    "button": _("przycisk"),
}
# The editor's own table markup, its column widths (a colgroup, and a style on the table and
# its columns): dropping it changes nothing a reader sees.
EDITORS_OWN = {"colgroup", "col"}
SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
INVISIBLE = re.compile(r"[\x00-\x20]")


class _Unsafe(HTMLParser):
    """The parts of a text that the allow-list does not keep, in words, in order of appearance."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.found = {}
        self.feed(html or "")
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in EDITORS_OWN:
            return
        if tag not in ALLOWED_TAGS:
            self.add(ELEMENTS_IN_WORDS.get(tag) or _("element „%(tag)s”") % {"tag": tag})
        for name, value in attrs:
            self.attribute(tag, name, value or "")

    handle_startendtag = handle_starttag

    def attribute(self, tag, name, value):
        if name.startswith("on"):
            self.add(_("skrypt w atrybucie „%(name)s”") % {"name": name})
        elif name == "style" and tag != "table":
            self.add(_("wygląd ustawiony atrybutem „style”"))
        elif name in {"href", "src"}:
            scheme = SCHEME.match(INVISIBLE.sub("", value).lower())
            if scheme and scheme[1] not in URL_SCHEMES:
                self.add(_("link „%(scheme)s:”") % {"scheme": scheme[1]})

    def add(self, words):
        self.found.setdefault(str(words), None)


def removed_in_words(submitted, stored):
    """What of the text an editor sent is not in the stored text, in words ("skrypt",
    "link „javascript:”"); nothing for what changes no reader's page (whitespace, the order of
    attributes, a link's rel, the editor's own column widths)."""
    kept = _Unsafe(stored).found
    return [words for words in _Unsafe(submitted).found if words not in kept]


class RichTextField(ProseEditorField):
    """A text field edited with the prose editor, sanitised on save and again on output."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EXTENSIONS)
        kwargs.setdefault("sanitize", clean_for_storage)
        kwargs.setdefault("preset", "cus")
        super().__init__(*args, **kwargs)
