"""Reading a WordPress export (WXR), safely and a piece at a time.

The rules:

- A WXR file is RSS 2.0 with WordPress's namespaces. WordPress writes `wp:` as
  `http://wordpress.org/export/1.2/` (1.0 and 1.1 before it) and WordPress.com as
  `http://wordpress.com/export/1.2/`; both forms, with or without the trailing slash, over http
  or https, are read, and `excerpt:` likewise. `wp:wxr_version` must be 1.0, 1.1 or 1.2.
- The file is never read whole: lxml's iterparse hands over one `<item>` at a time and what was
  read is freed, so an export of any size needs the memory of its largest post. Files above
  MAX_BYTES are refused before parsing: an export that size is not one site's.
- No DTD, no entities, no network: WordPress never writes a DOCTYPE, so a file that has one is
  refused (entity expansion, "billion laughs", and external entities reading local files or
  addresses all need one), and the parser is told not to resolve or fetch anything anyway.
- Every error is a WXRError with one Polish sentence, naming the line where there is one.
"""

import re
from dataclasses import dataclass, field

from django.utils.formats import number_format
from lxml import etree

from .content import plain_text

MAX_BYTES = 1024**3
VERSIONS = ("1.0", "1.1", "1.2")
WP_NAMESPACE = re.compile(r"^https?://wordpress\.(?:org|com)/export/(\d+\.\d+)/?$")
EXCERPT_NAMESPACE = re.compile(r"^https?://wordpress\.(?:org|com)/export/\d+\.\d+/excerpt/?$")
OTHER_NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}


class WXRError(Exception):
    """The file cannot be imported; the message says why, in one sentence."""


def stop(item, problem):
    """A WXRError about one item of the file: its ID, title and line, then the problem."""
    return WXRError(
        f"Import przerwany, nic nie zostało zapisane: pozycja #{item.wp_id} "
        f"„{item.plain_title}” (wiersz {item.line}): {problem}."
    )


@dataclass
class Term:
    """A category or tag of the export (`<wp:category>`, `<wp:tag>`, `<wp:term>`)."""

    taxonomy: str
    term_id: int
    slug: str
    name: str
    parent_slug: str = ""


@dataclass
class Item:
    """One `<item>`: a post, page, attachment, menu entry or anything else WordPress stores."""

    wp_id: int
    post_type: str
    status: str
    title: str
    link: str
    content: str
    excerpt: str
    post_name: str
    post_date: str
    post_date_gmt: str
    parent: int
    menu_order: int
    password: str
    attachment_url: str
    line: int
    terms: list = field(default_factory=list)  # (taxonomy, slug, name)
    meta: dict = field(default_factory=dict)
    comments: int = 0

    @property
    def plain_title(self):
        return plain_text(self.title)

    @property
    def thumbnail_id(self):
        value = self.meta.get("_thumbnail_id", "")
        return int(value) if value.isdigit() else None


@dataclass
class Channel:
    """What the export says about its site."""

    version: str = ""
    site_url: str = ""
    blog_url: str = ""
    link: str = ""

    @property
    def site(self):
        """The address that names the site in the import record."""
        return (self.blog_url or self.site_url or self.link).rstrip("/")


def _namespace_kind(uri):
    if not uri:
        return ""
    if WP_NAMESPACE.match(uri):
        return "wp"
    if EXCERPT_NAMESPACE.match(uri):
        return "excerpt"
    return OTHER_NAMESPACES.get(uri, "?")


def _name(element):
    """`("wp", "post_id")` for `<wp:post_id>` in any of the accepted namespace forms."""
    qname = etree.QName(element)
    return _namespace_kind(qname.namespace), qname.localname


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def _number(value):
    return int(value) if value.strip().lstrip("-").isdigit() else 0


def _children(element):
    """The item's fields by name; repeated ones (category, postmeta, comment) in lists."""
    fields, repeated = {}, {}
    for child in element:
        if not isinstance(child.tag, str):
            continue  # a comment or processing instruction
        name = _name(child)
        repeated.setdefault(name, []).append(child)
        fields.setdefault(name, child)
    return fields, repeated


def _meta(postmeta_elements):
    meta = {}
    for element in postmeta_elements:
        fields, _ = _children(element)
        key = _text(fields.get(("wp", "meta_key")))
        value = fields.get(("wp", "meta_value"))
        if key:
            meta[key] = (value.text or "") if value is not None else ""
    return meta


def _item(element):
    fields, repeated = _children(element)

    def text(kind, name):
        node = fields.get((kind, name))
        return (node.text or "") if node is not None else ""

    terms = [
        (node.get("domain", ""), node.get("nicename", ""), (node.text or "").strip())
        for node in repeated.get(("", "category"), [])
    ]
    return Item(
        wp_id=_number(text("wp", "post_id")),
        post_type=text("wp", "post_type").strip(),
        status=text("wp", "status").strip(),
        title=text("", "title"),
        link=text("", "link").strip(),
        content=text("content", "encoded"),
        excerpt=text("excerpt", "encoded"),
        post_name=text("wp", "post_name").strip(),
        post_date=text("wp", "post_date").strip(),
        post_date_gmt=text("wp", "post_date_gmt").strip(),
        parent=_number(text("wp", "post_parent")),
        menu_order=_number(text("wp", "menu_order")),
        password=text("wp", "post_password").strip(),
        attachment_url=text("wp", "attachment_url").strip(),
        line=element.sourceline or 0,
        terms=terms,
        meta=_meta(repeated.get(("wp", "postmeta"), [])),
        comments=len(repeated.get(("wp", "comment"), [])),
    )


TERM_FIELDS = {
    "category": ("category", "term_id", "category_nicename", "cat_name", "category_parent"),
    "tag": ("post_tag", "term_id", "tag_slug", "tag_name", None),
}


def _term(element, localname):
    fields, _ = _children(element)

    def text(name):
        return _text(fields.get(("wp", name))) if name else ""

    if localname == "term":
        taxonomy, id_name, slug_name, name_name, parent_name = (
            text("term_taxonomy"),
            "term_id",
            "term_slug",
            "term_name",
            "term_parent",
        )
    else:
        taxonomy, id_name, slug_name, name_name, parent_name = TERM_FIELDS[localname]
    return Term(
        taxonomy=taxonomy,
        term_id=_number(text(id_name)),
        slug=text(slug_name),
        name=text(name_name),
        parent_slug=text(parent_name),
    )


def _check_size(path):
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise WXRError(
            f"Plik {path.name} ma {number_format(size / 1024**3, 1)} GB, a import przyjmuje "
            "najwyżej 1 GB: to nie jest eksport jednej witryny. Wyeksportuj treści w częściach "
            "(Narzędzia → Eksport w WordPressie, osobno wpisy, strony i media) i zaimportuj "
            "każdą z nich."
        )
    if size == 0:
        raise WXRError(f"Plik {path.name} jest pusty: to nie jest eksport WordPressa.")


def _check_start(element, path):
    """The first element decides: the root must be <rss>, and there must be no DOCTYPE."""
    if element.getroottree().docinfo.doctype:
        raise WXRError(
            f"Plik {path.name} zawiera deklarację DOCTYPE (wiersz 1), której eksport WordPressa "
            "nigdy nie ma; mogłaby wczytać cudze pliki albo rozdmuchać dokument, więc import "
            "go odrzuca."
        )
    if etree.QName(element).localname != "rss":
        raise WXRError(
            f"Plik {path.name} jest dokumentem XML, ale nie eksportem WordPressa "
            f"(zaczyna się od <{etree.QName(element).localname}>, a nie od <rss>)."
        )


def _check_version(channel, path, where):
    if not channel.version:
        raise WXRError(
            f"Plik {path.name} jest kanałem RSS, ale nie eksportem WordPressa: {where} nie ma "
            "wersji wp:wxr_version. Wyeksportuj treści w WordPressie: Narzędzia → Eksport."
        )
    if channel.version not in VERSIONS:
        raise WXRError(
            f"Plik {path.name} jest eksportem WXR w wersji {channel.version}, a import czyta "
            f"wersje {', '.join(VERSIONS)}."
        )


def _last_line(path):
    """The number of the file's last line, counted without reading it into memory."""
    lines = 1
    with path.open("rb") as file:
        while chunk := file.read(1024 * 1024):
            lines += chunk.count(b"\n")
    return lines


def _syntax_error(error, path, started):
    """A parse error in words; one on the last line of a document begun well means the file
    was cut short."""
    line = error.lineno or 1
    if not started:
        return WXRError(
            f"Plik {path.name} nie jest plikiem XML (wiersz {line}: {error.msg}), więc nie jest "
            "eksportem WordPressa. Wyeksportuj treści w WordPressie: Narzędzia → Eksport."
        )
    if line >= _last_line(path) - 1:
        return WXRError(
            f"Plik {path.name} urywa się w wierszu {line}: to niepełny eksport. "
            "Pobierz eksport z WordPressa jeszcze raz."
        )
    return WXRError(
        f"Plik {path.name} nie jest poprawnym plikiem XML (wiersz {line}: {error.msg}). "
        "Pobierz eksport z WordPressa jeszcze raz, bez zmieniania go."
    )


CHANNEL_FIELDS = {
    ("wp", "wxr_version"): "version",
    ("wp", "base_site_url"): "site_url",
    ("wp", "base_blog_url"): "blog_url",
}


def read(path):
    """Yield the export's Channel (once, before the first item), its Terms and Items, in the
    file's order. Raises WXRError when the file is not a WXR export that can be imported."""
    _check_size(path)
    channel = Channel()
    announced = False
    parser = etree.iterparse(
        str(path),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )
    depth = 0
    try:
        for event, element in parser:
            if event == "start":
                if depth == 0:
                    _check_start(element, path)
                depth += 1
                continue
            depth -= 1
            name = _name(element)
            if name in CHANNEL_FIELDS:
                setattr(channel, CHANNEL_FIELDS[name], _text(element))
            elif name == ("", "link") and depth == 2:
                channel.link = _text(element)
            elif name[0] == "wp" and name[1] in ("category", "tag", "term") and depth == 2:
                yield _term(element, name[1])
                _free(element)
            elif name == ("", "item"):
                if not announced:
                    where = f"przed pierwszą pozycją (wiersz {element.sourceline})"
                    _check_version(channel, path, where)
                    announced = True
                    yield channel
                yield _item(element)
                _free(element)
    except etree.XMLSyntaxError as error:
        raise _syntax_error(error, path, announced or depth > 0) from None
    except OSError as error:
        raise WXRError(f"Nie da się przeczytać pliku {path.name}: {error.strerror}.") from None
    if not announced:
        _check_version(channel, path, "w całym pliku")
        yield channel


def _free(element):
    """Drop what was read, so the tree never holds more than the current item."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
