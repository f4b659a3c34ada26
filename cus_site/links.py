"""Which addresses an editor's data may put into a page's `href` or `src`.

The rule: only `http`, `https`, `mailto` and `tel` addresses, and addresses on this site (a path
starting with one `/`, or a `#fragment`). Anything else (`javascript:`, `data:`, `vbscript:`,
`file:`, a scheme hidden behind control characters or entities) becomes "" and the template
leaves the link out. It applies on output, whatever the database holds: a URL field's form
validation is one road in, but rows also arrive by the shell, imports and SQL. The strict CSP
would block a live `javascript:` link too; a page does not rely on that.

`local_path()` is the stricter rule for a return address (`?next=`): a path on this site only.

Templates use `{{ value|safe_url }}` (`{% load links %}`) for every such address; the rich-text
sanitiser (`cus_site.richtext`) allows the same schemes inside an editor's text.
"""

from urllib.parse import urlsplit

from django.utils.http import url_has_allowed_host_and_scheme

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Browsers drop these anywhere in a URL before reading its scheme ("java\tscript:").
IGNORED_BY_BROWSERS = dict.fromkeys(map(ord, "\t\n\r"))


def safe_url(value):
    """The address if the rule above allows it, otherwise ""."""
    address = str(value or "").translate(IGNORED_BY_BROWSERS).strip(" \x00-\x1f")
    if not address or any(ord(char) < 0x20 for char in address):
        return ""
    if address.startswith("#") or (address.startswith("/") and not address.startswith("//")):
        return address if "\\" not in address else ""
    try:
        parts = urlsplit(address)
    except ValueError:
        return ""
    if parts.scheme.lower() not in URL_SCHEMES:
        return ""
    if parts.scheme.lower() in {"http", "https"} and not parts.hostname:
        return ""
    return address


def local_path(value):
    """The value if it is a path on this site ("/kontakt/?a=1"), otherwise "": never another
    host, a scheme, a bare word or a control character (which would break the header)."""
    path = str(value or "")
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return ""
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in path):
        return ""
    return path if url_has_allowed_host_and_scheme(path, allowed_hosts=set()) else ""
