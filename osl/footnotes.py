"""Footnote markers in a programme's text, linked to the notes below it and back.

An editor types a marker as the source's number in square brackets, "[1]". On the page each
marker of an existing source becomes `<sup><a href="#przypis-1" id="odwolanie-1">[1]</a></sup>`,
and the note links back to its first marker. Markers are looked for in the text between the
tags of HTML that was already sanitised, never inside a tag or inside the editor's own link.
"""

import re
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

# A tag, its attribute values quoted (the sanitiser always writes them in double quotes).
TAG = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")
LINK_START = re.compile(r"<a\b", re.IGNORECASE)
LINK_END = re.compile(r"</a\s*>", re.IGNORECASE)
MARKER = re.compile(r"\[(\d{1,3})\]")


@dataclass(frozen=True)
class FootnotedText:
    html: SafeString
    # The numbers of the notes that have a marker in the text, so a note links back only then.
    cited: frozenset[int]


def link_markers(sanitised_html, count):
    """Link the markers [1]…[count] of sanitised HTML; other numbers stay plain text."""
    cited = set()

    def link(match):
        number = int(match[1])
        if not 1 <= number <= count:
            return match[0]
        anchor = "" if number in cited else f' id="odwolanie-{number}"'
        cited.add(number)
        return f'<sup><a href="#przypis-{number}"{anchor}>[{number}]</a></sup>'

    parts, in_link = [], False
    for index, part in enumerate(TAG.split(str(sanitised_html))):
        if index % 2:
            in_link = bool(LINK_START.match(part)) or (in_link and not LINK_END.match(part))
            parts.append(part)
        else:
            parts.append(part if in_link else MARKER.sub(link, part))
    # Only digits and fixed markup were added to HTML that had passed the sanitiser.
    return FootnotedText(mark_safe("".join(parts)), frozenset(cited))
