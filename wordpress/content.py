"""A WordPress post's body turned into our rich text.

The rules, in the order they are applied:

1. HTML comments go, the block editor's `<!-- wp:… -->` markers and `<!--more-->` with them.
2. Shortcodes: `[caption]` becomes a figure with its caption; `[gallery ids="…"]` (or without
   ids: the post's own attachments) a place for those photos; `[embed]`, `[video]`, `[audio]`
   and embedded `<iframe>`s a plain link to what they showed (nothing is embedded from other
   sites); any other shortcode is removed, its enclosed text kept, and counted. `[[x]]` is
   WordPress's way to write a literal `[x]` and stays as text.
3. Paragraphs: WordPress stores them as blank lines and adds `<p>` only when it shows a post
   (its `wpautop`), so runs of text and inline markup between blocks become paragraphs, split
   at blank lines, with single line breaks kept as `<br>`.
4. Images never stay in the text: our sanitiser would drop a raw `<img>`, and it would escape
   the consent and alt-text rules. Each one (with the link around it and its figure) is taken
   out and listed, in reading order with its caption, for the importer to turn into the post's
   photos.
5. Headings are moved into h2–h4 keeping their relative order, so that the heading-order rule
   of our editor holds (the page title is the h1).
6. Finally our sanitiser, unchanged (`cus_site.richtext.clean_for_storage`).

Links to PDF and office files are listed too, so the importer can store them as documents and
point the link at our copy (`relink`).
"""

import html as html_module
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html
from django.utils.html import strip_tags
from lxml import etree

from cus_site.richtext import clean_for_storage

COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
SHORTCODE = re.compile(
    r"\[(?P<open>\[?)(?P<close>/?)(?P<name>[A-Za-z][\w-]*)"
    r"(?P<attrs>(?:[^\[\]\"']|\"[^\"]*\"|'[^']*')*?)/?\](?P<end>\]?)"
)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))|(\S+)""")
CAPTION = re.compile(r"\[caption(?P<attrs>[^\]]*)\](?P<inner>.*?)\[/caption\]", re.DOTALL)
ENCLOSING_MEDIA = re.compile(
    r"\[(?P<name>embed|video|audio)(?P<attrs>[^\]]*)\](?P<inner>.*?)\[/(?P=name)\]", re.DOTALL
)
MEDIA_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "ogg", "m4a", "wav")
BLANK_LINE = re.compile(r"\n[ \t\r]*\n\s*")
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
DOCUMENT_EXTENSIONS = (".pdf", ".docx", ".doc", ".odt", ".xlsx", ".xls", ".ods", ".rtf", ".txt")
BLOCKS = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "iframe", "script",
    "style", "video", "audio", "object", "embed",
}  # fmt: skip
# Blocks whose own text WordPress also turns into paragraphs.
CONTAINERS = {"div", "blockquote", "section", "article", "main", "aside", "header", "footer"}
LEAD_LENGTH = 300


@dataclass
class ImageUse:
    """An image the body showed: an attachment's ID when WordPress says it, its address."""

    attachment_id: int | None
    url: str
    alt: str = ""
    caption: str = ""


@dataclass
class DocumentLink:
    url: str
    text: str


@dataclass
class Body:
    html: str
    images: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    removed_shortcodes: Counter = field(default_factory=Counter)
    whole_gallery: bool = False  # a [gallery] without ids: the post's own attachments


def plain_text(value):
    """Text with tags and entities gone and spaces tidied (titles, excerpts, captions)."""
    text = html_module.unescape(strip_tags(html_module.unescape(value or "")))
    return " ".join(text.split())


def cut_at_word(text, length=LEAD_LENGTH):
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return f"{cut}…"


def lead(excerpt, body_html):
    """The excerpt as plain text, else the body's first paragraph, cut at a word with "…"."""
    text = plain_text(excerpt)
    if not text:
        first = re.search(r"<p>(.*?)</p>", body_html, re.DOTALL)
        paragraph = first[1] if first else body_html
        text = plain_text(re.sub(r"<br\s*/?>", " ", paragraph))
    return cut_at_word(text)


def attributes(text):
    """A shortcode's attributes: `ids="1,2" link=file` → {"ids": "1,2", "link": "file"}."""
    found = {}
    for match in ATTRIBUTE.finditer(html_module.unescape(text or "")):
        name, *values = match.groups()
        if name:
            found[name.lower()] = next((v for v in values[:3] if v is not None), "")
    return found


def _link(url):
    url = html_module.escape(url.strip(), quote=True)
    return f'<p><a href="{url}">{url}</a></p>'


def _caption(match):
    inner = match["inner"]
    caption = attributes(match["attrs"]).get("caption", "")
    # The caption is the text after the image (and the link around it).
    media = re.match(r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)", inner, re.DOTALL)
    if media:
        inner, caption = media[1], caption or media[2]
    caption = html_module.escape(plain_text(caption))
    return f"<figure>{inner}<figcaption>{caption}</figcaption></figure>"


def _media_link(name, attrs, inner=""):
    values = attributes(attrs)
    url = next((values[key] for key in MEDIA_SOURCES if values.get(key)), "")
    url = url or (plain_text(inner) if name == "embed" else "")
    if not url:
        found = re.search(r"href=[\"']([^\"']+)", inner or "")
        url = found[1] if found else ""
    return _link(url) if url.startswith(("http://", "https://", "/")) else ""


def _gallery(attrs):
    ids = ",".join(re.findall(r"\d+", attributes(attrs).get("ids", "")))
    return f'<figure data-wp-gallery="{ids}"></figure>'


def shortcodes(text, removed):
    """Replace the shortcodes we understand, remove the rest (counted in `removed`)."""
    text = CAPTION.sub(_caption, text)
    text = ENCLOSING_MEDIA.sub(lambda m: _media_link(m["name"], m["attrs"], m["inner"]), text)

    def replace(match):
        if match["open"] and match["end"]:
            return match[0][1:-1]  # [[x]] is the literal text [x]
        name = match["name"].lower()
        if match["close"]:
            return ""  # the opening tag was replaced or counted already
        if name == "gallery":
            return _gallery(match["attrs"])
        if name in ("embed", "video", "audio"):
            return _media_link(name, match["attrs"])
        return _removed(removed, name)

    return SHORTCODE.sub(replace, text)


def _removed(removed, name):
    removed[name] += 1
    return ""


def _pieces(element):
    """The element's content as a list of texts and child elements, taken out of it."""
    pieces = [element.text] if element.text else []
    element.text = None
    for child in list(element):
        tail, child.tail = child.tail, None
        element.remove(child)
        pieces.append(child)
        if tail:
            pieces.append(tail)
    return pieces


def _append_text(parent, text):
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _append_lines(paragraph, text):
    """Text into a paragraph, WordPress's single line breaks as <br>."""
    for number, line in enumerate(text.split("\n")):
        if number:
            etree.SubElement(paragraph, "br")
        _append_text(paragraph, line)


def _trim_breaks(paragraph):
    """No <br> at the start or the end of a paragraph (the line breaks around a block)."""
    while len(paragraph) and paragraph[0].tag == "br" and not (paragraph.text or "").strip():
        paragraph.text = (paragraph[0].tail or "").lstrip()
        paragraph.remove(paragraph[0])
    while len(paragraph) and paragraph[-1].tag == "br" and not (paragraph[-1].tail or "").strip():
        paragraph.remove(paragraph[-1])


def autop(element):
    """WordPress's wpautop on a tree: paragraphs from blank lines, in `element` and in the
    containers it holds."""
    paragraph = None
    for piece in _pieces(element):
        if isinstance(piece, str):
            for number, part in enumerate(BLANK_LINE.split(piece)):
                if number:
                    paragraph = None
                if not part.strip():
                    if paragraph is not None and "\n" not in part:
                        _append_text(paragraph, part)
                    continue
                if paragraph is None:
                    paragraph = etree.SubElement(element, "p")
                _append_lines(paragraph, part)
        elif piece.tag in BLOCKS or not isinstance(piece.tag, str):
            paragraph = None
            element.append(piece)
            if piece.tag in CONTAINERS:
                autop(piece)
        else:
            if paragraph is None:
                paragraph = etree.SubElement(element, "p")
            paragraph.append(piece)
    for child in element:
        if child.tag == "p":
            _trim_breaks(child)


# Tags the sanitiser would drop whose meaning our editor has under another name.
SYNONYMS = {"b": "strong", "i": "em"}


def rename_synonyms(root):
    for element in root.iter(*SYNONYMS):
        element.tag = SYNONYMS[element.tag]


def _caption_of(image):
    figure = next(image.iterancestors("figure"), None)
    if figure is None:
        return ""
    captions = [child for child in figure if child.tag == "figcaption"]
    return plain_text(captions[0].text_content()) if captions else ""


def _drop(element):
    """Take an element out; its tail text stays where it was."""
    element.drop_tree()


def _take_image(image):
    """Remove an image, the link around it and its figure once that has no other image."""
    match = WP_IMAGE_CLASS.search(image.get("class", ""))
    use = ImageUse(
        attachment_id=int(match[1]) if match else None,
        url=(image.get("src") or "").strip(),
        alt=(image.get("alt") or "").strip(),
        caption=_caption_of(image),
    )
    figure = next(image.iterancestors("figure"), None)
    parent = image.getparent()
    alone_in_link = parent is not None and parent.tag == "a" and len(parent) == 1
    if alone_in_link and not parent.text_content().strip():
        image = parent
    _drop(image)
    if figure is not None and figure.getparent() is not None and not figure.xpath(".//img"):
        _drop(figure)
    return use


def take_images(root):
    """Every image and gallery of the body, in reading order, taken out of it."""
    uses, whole_gallery = [], False
    for element in list(root.iter("img", "figure")):
        if element.getparent() is None and element is not root:
            continue
        if element.tag == "img":
            uses.append(_take_image(element))
        elif element.get("data-wp-gallery") is not None:
            ids = [int(value) for value in element.get("data-wp-gallery").split(",") if value]
            whole_gallery = whole_gallery or not ids
            uses.extend(ImageUse(attachment_id=value, url="") for value in ids)
            _drop(element)
    return uses, whole_gallery


def iframes_to_links(root):
    for frame in list(root.iter("iframe")):
        src = (frame.get("src") or "").strip()
        if src.startswith("//"):
            src = f"https:{src}"
        if src.startswith(("http://", "https://")):
            link = lxml.html.fragment_fromstring(_link(src))
            frame.addprevious(link)
        _drop(frame)


def shift_headings(root):
    """h1–h6 into h2–h4, relative order kept and no level skipped."""
    headings = [element for element in root.iter() if element.tag in HEADING_TAGS]
    if not headings:
        return
    offset = 2 - min(int(heading.tag[1]) for heading in headings)
    previous = 1
    for heading in headings:
        level = max(2, min(int(heading.tag[1]) + offset, previous + 1, 4))
        heading.tag = f"h{level}"
        previous = level


HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def drop_empty(root):
    for element in list(root.iter("p", "div", "figure", "a")):
        if element is root or element.getparent() is None:
            continue
        empty = not element.text_content().strip() and not element.xpath(".//img|.//br[2]")
        if empty and not (element.tag == "a" and len(element)):
            _drop(element)


def document_links(root, site):
    """Links to PDF and office files of the site itself, in reading order."""
    own_host = urlsplit(site).hostname
    found = []
    for link in root.iter("a"):
        url = urljoin(f"{site}/", (link.get("href") or "").strip())
        parts = urlsplit(url)
        if parts.hostname == own_host and parts.path.lower().endswith(DOCUMENT_EXTENSIONS):
            found.append(DocumentLink(url=url, text=plain_text(link.text_content())))
    return found


def _serialise(root):
    inner = html_module.escape(root.text or "", quote=False)
    return inner + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def convert(content, site):
    """The body of an item as our rich text, with the images and documents it used."""
    removed = Counter()
    text = shortcodes(COMMENT.sub("", content or ""), removed)
    root = lxml.html.fragment_fromstring(text, create_parent="div") if text.strip() else None
    if root is None:
        return Body(html="", removed_shortcodes=removed)
    iframes_to_links(root)
    rename_synonyms(root)
    images, whole_gallery = take_images(root)
    autop(root)
    drop_empty(root)
    shift_headings(root)
    return Body(
        html=clean_for_storage(_serialise(root)),
        images=images,
        documents=document_links(root, site),
        removed_shortcodes=removed,
        whole_gallery=whole_gallery,
    )


def original_url(url):
    """The address of the uploaded original behind a resized copy (`a-300x200.jpg` → `a.jpg`)."""
    parts = urlsplit(url)
    return parts._replace(path=SIZE_SUFFIX.sub("", parts.path), query="", fragment="").geturl()


def relink(body_html, new_addresses):
    """Point the links of `new_addresses` (old address → new) at the new ones."""
    if not new_addresses or not body_html:
        return body_html
    root = lxml.html.fragment_fromstring(body_html, create_parent="div")
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        for old, new in new_addresses.items():
            if href == old or urlsplit(href).path == urlsplit(old).path:
                link.set("href", new)
    return clean_for_storage(_serialise(root))
