"""The author's HTML as a handout prints it: without the tags that act on the whole
document rather than on their place in it.

A module's Markdown may hold raw HTML, which its site page shows as written. In a PDF,
a `<style>` element (or a `<link>` to a stylesheet) in the module's body would restyle
the whole handout: an `@page { size: A6 }` overrode the configured paper size, and
`ol { display: none }` took the protocols' steps out of it (found in an audit). `<link>`
also attaches files to a PDF in WeasyPrint, `<meta>` sets its metadata and `<base>`
moves where its images are read from. The handout's own stylesheet and head decide
those; the author's HTML keeps every other tag.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Tags that act on the whole document: `style` with its content, the others alone.
_DOCUMENT_TAGS = frozenset({"style", "link", "meta", "base"})
# Where a `<style>` element ends, as an HTML5 parser reads its raw text.
_STYLE_END = re.compile(r"</style(?=[\t\n\f\r />])[^>]*>?", re.IGNORECASE)


def without_document_tags(html: str) -> str:
    """`html` without its `<style>` elements and `<link>`, `<meta>` and `<base>` tags."""
    if "<" not in html or not any(f"<{tag}" in html.lower() for tag in _DOCUMENT_TAGS):
        return html
    finder = _DocumentTagFinder(html)
    finder.feed(html)
    finder.close()
    if not finder.spans:
        return html
    pieces: list[str] = []
    previous = 0
    for start, end in finder.spans:
        if start < previous:  # inside a cut already (a tag in a `<style/>`'s text)
            previous = max(previous, end)
            continue
        pieces.append(html[previous:start])
        previous = end
    pieces.append(html[previous:])
    return "".join(pieces)


class _DocumentTagFinder(HTMLParser):
    """Finds the (start, end) offsets of the document tags in the HTML it is fed: tags
    as Python's HTML tokenizer reads them, so that none in a comment or an attribute's
    value counts."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.spans: list[tuple[int, int]] = []
        self._line_starts = [0, *(match.end() for match in re.finditer("\n", html))]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _DOCUMENT_TAGS:
            return
        start = self._offset()
        if tag == "style":
            # `<style/>` too: HTML5 reads it as a start tag, its text up to `</style>`.
            found = _STYLE_END.search(self.html, start)
            end = found.end() if found is not None else len(self.html)
        else:
            end = start + len(self.get_starttag_text() or "")
        self.spans.append((start, end))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column
