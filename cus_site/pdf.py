"""What a PDF residents download may not contain: active content.

JavaScript (`/JS`, `/JavaScript`), actions that start programs or send or fetch data (`/Launch`,
`/SubmitForm`, `/ImportData`, …), actions run on events (`/AA`) and an `/OpenAction` that is an
action rather than the page to open at: a reader's PDF viewer would run them the moment a
resident opens the document. Printing the document to a new PDF removes them, and the shared
document rules (`cus_site/documents.py`) say so when they refuse such a file.
"""

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject


class TooManyObjects(Exception):
    """The document is too large to be a leaflet or a plan; treat it as damaged."""


# Action types that run code, start a program or send or fetch data, wherever they are. Links
# (/URI, /GoTo, /GoToR) are a reader's own choice, except when the document opens with them.
ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/ResetForm",
    "/Rendition",
    "/GoToE",
    "/Sound",
    "/Movie",
}
ACTIVE_ON_OPENING = {"/URI", "/GoToR"}
ACTIVE_KEYS = {"/JS": "JavaScript", "/JavaScript": "JavaScript", "/AA": "/AA"}
# A document with more objects than this is not a leaflet or a plan; it is refused as damaged
# rather than walked for ever.
MAX_OBJECTS = 200_000


def _children(node):
    if isinstance(node, DictionaryObject):
        return node.values()
    if isinstance(node, ArrayObject):
        return node
    return ()


def _active_in(node, key=None):
    """What makes one dictionary active, or ""."""
    if not isinstance(node, DictionaryObject):
        return ""
    for name, what in ACTIVE_KEYS.items():
        if name in node:
            return what
    action = node.get("/S")
    if action in ACTIVE_ACTIONS or (key == "/OpenAction" and action in ACTIVE_ON_OPENING):
        return str(action)
    return ""


def active_content(reader):
    """The first kind of active content found in a PDF (e.g. "JavaScript", "/Launch"), or "".

    Every object reachable from the trailer is looked at once (indirect references followed,
    visited ones skipped), so object streams and encoded names (`/J#53`) do not hide it."""
    seen, pending = set(), [(reader.trailer, None)]
    while pending:
        node, key = pending.pop()
        if isinstance(node, IndirectObject):
            reference = (node.idnum, node.generation)
            if reference in seen:
                continue
            seen.add(reference)
            if len(seen) > MAX_OBJECTS:
                raise TooManyObjects
            node = node.get_object()
        found = _active_in(node, key)
        if found:
            return found
        if isinstance(node, DictionaryObject):
            pending.extend((value, name) for name, value in node.items() if name != "/Parent")
        else:
            pending.extend((value, key) for value in _children(node))
    return ""
