"""Editors' HTML comments, left out of what the site publishes.

A `<!-- note -->` in a page, in a protocol's summary or steps, or in a history entry is
a note to other editors (propose-a-change.md has them write suppressions so), not
something for readers: Python-Markdown keeps it in the HTML, where anyone who views the
page's source reads it. A term's definition loses its comments before it is rendered
(`markdown.raw_html.tags_as_text`); a page loses them here, from its HTML, once every
Markdown extension has run: a marker a plugin reads in the Markdown (Material's blog
reads `<!-- more -->`) still works, and the checks, which read the source, still see
suppression comments.

What is no comment stays: a comment written in code (Python-Markdown writes it as text,
`&lt;!--`), the raw text of a `<script>` or `<style>` (a `<!--` there is part of it), a
CDATA section and attribute values. The tokens are `markup.MARKUP`'s.
"""

from __future__ import annotations

import re

from ..lazy_pattern import LazyPattern
from ..markup import CLOSED_COMMENT, MARKUP, RAW_TEXT_ELEMENTS, end_tag

# A comment closed as a browser closes it (the shared rule).
_CLOSED_COMMENT = LazyPattern(CLOSED_COMMENT, re.DOTALL)


def without_comments(html: str) -> str:
    """`html` (a page's content) with its comments taken out."""
    if "<!--" not in html:  # most pages
        return html
    kept: list[str] = []
    copied_to = position = 0
    while (found := MARKUP.search(html, position)) is not None:
        position = found.end()
        if found.group("comment") is not None:
            before = html[copied_to : found.start()]
            # A `<` just before a comment is text to a browser; without the comment
            # between them, it would start a tag or another comment with what follows.
            kept.append(before[:-1] + "&lt;" if before.endswith("<") else before)
            copied_to = position
        elif not found.group("end") and (found.group("name") or "").lower() in RAW_TEXT_ELEMENTS:
            end = end_tag(found.group("name").lower()).search(html, position)
            position = end.start() if end is not None else len(html)
    kept.append(html[copied_to:])
    return "".join(kept)


def text_without_comments(text: str) -> str:
    """Plain text (a history entry's summary, shown as typed) without the comments typed
    in it: there, no tag or code holds one, and one left open is shown, as Markdown
    shows it in a paragraph."""
    # Past the last end, no comment closes: not read from each `<!--` left open there.
    last_end = max(text.rfind("-->") + 3, text.rfind("--!>") + 4)
    return _CLOSED_COMMENT.sub("", text[:last_end]) + text[last_end:]
