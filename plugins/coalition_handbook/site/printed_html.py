"""HTML as paper shows it, for a handout's edition: two fragments that print the same
read the same here.

A handout's edition is a digest of what it prints (`HandoutContent.edition`). Its
Markdown, rendered, still holds what no printout shows: an editor's `<!-- note -->`, and
the line breaks and spaces of the source, which differ with how a line was wrapped
(audit: the same paragraph, rewrapped, or with a comment at its end, stamped the same
printout with another edition). Here comments are taken out and white space reads as
a browser lays it out: a run of it is one space, and none at the edge of a block (a
paragraph, a list item, a cell) or of a line break. What keeps its white space when laid
out (`<pre>`, and the raw text of `<textarea>`, `<script>`, `<style>`) keeps it here
too, and so does a drawing (`<svg>`, whose text may keep its spaces by its own style);
elsewhere a `style` attribute cannot change that (the handout drops the author's inline
styles: `print_only`).
"""

from __future__ import annotations

import re

from .html_comments import without_comments

# What keeps its white space: a code block, elements whose content is raw text, a drawing.
_KEPT_AS_WRITTEN = re.compile(
    r"<(pre|textarea|script|style|svg)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL
)
# HTML's white space (not a no-break space, which prints).
_WHITE_SPACE = re.compile(r"[ \t\n\r\f]+")
# The tags of block elements and line breaks: the spaces beside them are not laid out.
_BLOCK_TAG = re.compile(
    r" ?(</?(?:address|article|aside|blockquote|br|caption|col|colgroup|dd|details|div|dl|dt"
    r"|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table"
    r"|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>) ?",
    re.IGNORECASE,
)


def as_printed(html: str) -> str:
    """`html` without its comments, its white space as paper lays it out (see above)."""
    html = without_comments(html)
    parts: list[str] = []
    position = 0
    for kept in _KEPT_AS_WRITTEN.finditer(html):
        parts.append(_laid_out(html[position : kept.start()]))
        parts.append(kept.group())
        position = kept.end()
    parts.append(_laid_out(html[position:]))
    return "".join(parts)


def _laid_out(html: str) -> str:
    """White space in flowing text as it is laid out: one space, none beside a block."""
    return _BLOCK_TAG.sub(r"\1", _WHITE_SPACE.sub(" ", html)).strip(" ")
