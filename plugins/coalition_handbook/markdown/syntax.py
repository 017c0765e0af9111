"""What the block pass and the inline pass share: the characters of the checks' view that
are not the page's own, Python-Markdown's block-level elements, and a splice of texts."""

from __future__ import annotations

import re
import unicodedata

from ..lazy_pattern import LazyPattern

# Where words must never join across: code, URLs, front matter, the ends of blocks.
HARD = "\x00"
# Markup inside a word ("**victim**hood", "[survivor](url)s"): no gap to the reader, who
# sees one word. The matcher reads the word as if the markup were not there.
GLUE = "\x01"

# Python-Markdown's block-level elements: a tag of one ends the prose before it.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "canvas",
        "center",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "group",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "main",
        "map",
        "math",
        "menu",
        "nav",
        "noscript",
        "object",
        "ol",
        "option",
        "output",
        "p",
        "pre",
        "progress",
        "script",
        "section",
        "style",
        "summary",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "video",
    ]
)


def is_mark(char: str) -> bool:
    """A combining mark: an accent NFC could not compose, a vowel sign."""
    return unicodedata.category(char)[0] == "M"


def hard(match: re.Match[str]) -> str:
    """The matched text made `HARD`, for `re.sub`."""
    return HARD * (match.end() - match.start())


# The `>` marks of a quote at the start of a line (of each line of a text).
QUOTE_MARKS = LazyPattern(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)


def replaced(text: str, cuts: list[tuple[int, int, str]]) -> str:
    """`text` with each (start, end) span, in order and apart, replaced by its text."""
    if not cuts:
        return text
    pieces: list[str] = []
    previous = 0
    for start, end, replacement in cuts:
        pieces += (text[previous:start], replacement)
        previous = end
    pieces.append(text[previous:])
    return "".join(pieces)
