"""Where the text of an HTML file shows each line as a line: a `<pre>` (or the like),
which a browser shows as written, line breaks and runs of spaces kept, as a Markdown
code block is shown. privacy.pii reads such text line by line (`soft_breaks`): a
fixed-width table or a column of numbers in a `<pre>` is no phone number.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cache

from ..markup import end_tag, start_tags
from ..model.files import XML_SUFFIXES
from ..source_map import PositionMap

# The HTML elements a browser shows as written, line breaks and spaces kept.
_PREFORMATTED_ELEMENTS = frozenset({"pre", "textarea", "listing", "xmp"})


def preformatted_spans(markup: str, xml: bool) -> list[tuple[int, int]]:
    """(start, end) of the content of each preformatted element of `markup` (an HTML or
    XHTML file: `xml`), in order: as `markup.start_tags` reads them, none in a comment."""
    if "<" not in markup:
        return []
    spans: list[tuple[int, int]] = []
    for tag in start_tags(markup, xml=xml):
        name = tag.group("name").lower()
        if name not in _PREFORMATTED_ELEMENTS or (spans and tag.start() < spans[-1][1]):
            continue
        end = end_tag(name).search(markup, tag.end())
        spans.append((tag.end(), end.start() if end is not None else len(markup)))
    return spans


def preformatted_lines(
    path: str, markup: str, read: str, to_source: PositionMap
) -> Callable[[str], list[tuple[int, int]]]:
    """Where `read`, the text read of `markup`, the file at `path` (`to_source` says
    where each place of it is there), shows each line as a line: a `lines_of` for
    privacy.pii. Given another text (a link that a redirect carries read out of it:
    `wrapped_links`), whose places these are not, nowhere: it is read in paragraphs, as
    a browser's other text is. Found when first asked: privacy.pii asks only where it
    found something across a line break or spaces, or a line starts with a count's noun
    (`privacy_streets.COUNT_STARTS_A_LINE`), in few files."""

    @cache
    def spans() -> list[tuple[int, int]]:
        xml = path.lower().endswith(XML_SUFFIXES)
        return [
            (_read_position(start, read, to_source), _read_position(end, read, to_source))
            for start, end in preformatted_spans(markup, xml)
        ]

    def lines_of(text: str) -> list[tuple[int, int]]:
        return spans() if text == read else []

    return lines_of


def _read_position(source_position: int, read: str, to_source: PositionMap) -> int:
    """The first place of `read` that is at `source_position` of its source or after it."""
    return bisect_left(range(len(read) + 1), source_position, key=to_source.start)
