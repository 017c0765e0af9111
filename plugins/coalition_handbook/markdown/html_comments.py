"""The comments of a page as Python-Markdown's reading of its HTML finds them (its
`HTMLExtractor`, an `html.parser` over the whole page, fenced code set aside): from each
`<!--` it meets to the first `-->` or `--!>` after it, every `<!--` in between being part
of that comment. A `<!--` that starts a line starts a hidden block of HTML only if the
reader meets it, not inside a comment an earlier `<!--` opened (a `<!--` shown in a code
span, say): else it is text in its paragraph (review of rv41)."""

from __future__ import annotations

import bisect
import re

from ..lazy_pattern import LazyPattern

# What ends a comment, to that reader as to a browser.
COMMENT_END = LazyPattern(r"--!?>")


# The last start tag's `<` before a `<!--`: `.*` runs to the end, then gives back.
_LAST_TAG_START = LazyPattern(r".*(<[a-zA-Z])", re.DOTALL)
# A start tag as html.parser reads one, quoted attribute values whole (`>` and `<!--`
# in them included).
_START_TAG = LazyPattern(r"""<[a-zA-Z](?:[^>"'\x00]|"[^"\x00]*"|'[^'\x00]*')*>""")
# How far past a `<!--` the end of a tag around it is looked for: an attribute value
# holding one is short, and no `<!--` makes the reading slower than linear.
_LONGEST_TAG_TAIL = 2_000


def _end_of_tag_around(read: str, after: int, opener: int) -> int | None:
    """The end of the start tag that the `<!--` at `opener` is inside, in an attribute
    value (`<a title="<!-- x">`, `<a title=<!--x>`), or None: html.parser reads it as the tag's,
    no comment (review rv42c). Only the last tag opened since `after` is looked at."""
    last = _LAST_TAG_START.match(read, after, opener)
    if last is None:
        return None
    tag = _START_TAG.match(read, last.start(1), min(len(read), opener + _LONGEST_TAG_TAIL))
    return tag.end() if tag is not None and tag.end() > opener + 4 else None


class ReadComments:
    """The (start, end) of the comments that reader finds in one text, found once, in
    one pass: a close is looked for from each comment's `<!--` on, and none is looked for
    again once none is left."""

    def __init__(self, read: str) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        opener = read.find("<!--")
        after = 0  # where the last comment or tag that held a `<!--` ended
        while opener >= 0:
            tag_end = _end_of_tag_around(read, after, opener)
            if tag_end is not None:  # in a quoted attribute value: part of the tag
                after = tag_end
                opener = read.find("<!--", tag_end)
                continue
            # Looked for from after the `<!--`, as html.parser does: `<!-->` ends no
            # comment there, the next `-->` does.
            close = COMMENT_END.search(read, opener + 4)
            if close is None:  # the rest is text: no `<!--` left closes
                break
            self._starts.append(opener)
            self._ends.append(close.end())
            after = close.end()
            opener = read.find("<!--", after)

    def inside(self, position: int) -> bool:
        """Whether `position` is inside a comment an earlier `<!--` opened."""
        index = bisect.bisect_left(self._starts, position) - 1
        return index >= 0 and position < self._ends[index]


def raw_html_comments(
    view: str, raw_spans: list[tuple[int, int]], in_tags: list[int] | None = None
) -> list[tuple[int, int]]:
    """(start, end) of each comment that opens in raw HTML (`raw_spans`, sorted, of the
    block pass's `view`): Python-Markdown keeps it raw to its end, over blank lines and
    out of the block too, and a browser hides it all. Each `<!--` is read from past the
    last comment's end, and none once no end is left: linear. The offset of each `<!--`
    that is a tag's, in an attribute value, is added to `in_tags`, if given: all of one
    tag's (`<div title=<!--x lang=<!--y>`)."""
    comments: list[tuple[int, int]] = []
    after = 0
    for start, end in raw_spans:
        opener = view.find("<!--", max(start, after), end)
        while opener >= 0:
            tag_end = _end_of_tag_around(view, max(start, after), opener)
            if tag_end is not None:  # in an attribute value: part of the tag
                if in_tags is not None:  # each of the tag's, not its first only (rv44)
                    found = opener
                    while 0 <= found < tag_end:
                        in_tags.append(found)
                        found = view.find("<!--", found + 4, tag_end)
                after = tag_end
                opener = view.find("<!--", after, end) if after < end else -1
                continue
            # A browser ends `<!-->` and `<!--->` at once (`markup.CLOSED_COMMENT`).
            at_once = view.startswith("<!-->", opener) or view.startswith("<!--->", opener)
            close = COMMENT_END.search(view, opener + 2 if at_once else opener + 4)
            if close is None:
                return comments
            comments.append((opener, close.end()))
            after = close.end()
            opener = view.find("<!--", after, end) if after < end else -1
    return comments
