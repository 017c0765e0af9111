"""markdown.nesting: lists, quotes or admonitions nested deeper than the site and the
handouts can render.

Python-Markdown reads each level of a nested list or admonition by calling itself again,
and WeasyPrint lays out each level of the HTML it makes so too: a few hundred levels of a
list exhaust Python's stack in the first, about a hundred in the second (a quote or an
admonition a little more). The page, or the term page or handout a definition or protocol
text goes into, then ends the build in a traceback (DESIGN section 11). No handbook nests
so deep on purpose; a converted document or a script might. The check names the first
line too deep in each text, so the build stops before that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from ..documents import CheckedText, scan_handbook
from ..findings import Finding
from .base import CheckContext

RULE = "markdown.nesting"

# The deepest nesting reported as fine: a handout renders about 90 levels of a list (the
# site over 200), and a build's own calls take their share of the stack before it does.
MAX_DEPTH = 50

_MARKER = r"(?:[-*+]|\d{1,9}[.)])[ \t]"
# A line that may be nested deeper than MAX_DEPTH: each level takes at least one
# character of indentation or markers at its start (a tab, `>` or `- `), so it starts with
# more than MAX_DEPTH of them. Looked for after each line break, which the search finds at
# C speed, with one character class: alternatives cost twice as much at every line.
_LINE_START = rf"[ \t>*+\-.)0-9]{{{MAX_DEPTH + 1}}}"
_DEEP_FIRST_LINE = re.compile(_LINE_START)
_DEEP_LINE = re.compile(rf"\n{_LINE_START}")
# A line's indentation (a quote's `>` in it) and the list markers after it.
_PREFIX = re.compile(rf"([ \t>]*+)((?:{_MARKER}[ \t>]*+)*)")
_LIST_MARKER = re.compile(_MARKER)
_QUOTE_MARK = re.compile(r"> ?")  # a quote's `>`, and the one space it takes with it


def check(context: CheckContext) -> Iterator[Finding]:
    for document in scan_handbook(context):
        for line, column, found in document.located(lambda text, _: _too_deep(text)):
            yield context.finding(
                RULE,
                document.path,
                line,
                column,
                f"lists, quotes or admonitions nested more than {MAX_DEPTH} levels deep, "
                "more than the site and the handouts can render: flatten them",
                found=found,
            )


def _too_deep(text: CheckedText) -> Iterator[tuple[int, int]]:
    """(start, end) of where the markup of the first line of `text` nested deeper than
    MAX_DEPTH starts, if any: one finding a text is enough to say what to mend."""
    markdown = text.markdown
    if markdown is None:
        return
    first_line = [0] if _DEEP_FIRST_LINE.match(markdown) else []
    for line_start in chain(
        first_line, (found.start() + 1 for found in _DEEP_LINE.finditer(markdown))
    ):
        prefix = _PREFIX.match(markdown, line_start)
        assert prefix is not None  # it matches the empty string
        indent, markers = prefix.groups()
        # A level is an indent of four columns (a tab reaches the next multiple of four),
        # a quote's `>` or a list marker.
        quotes = indent.count(">") + markers.count(">")  # before and after list markers
        columns = len(_QUOTE_MARK.sub("", indent).expandtabs(4))
        if columns // 4 + quotes + len(_LIST_MARKER.findall(markers)) > MAX_DEPTH:
            # Where the line's markup starts: a list's marker, or its first `>`.
            first = line_start + len(indent) - len(indent.lstrip(" \t"))
            yield first, first + 1
            return
