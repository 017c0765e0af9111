"""HTML blocks as Python-Markdown and md_in_html read them: which lines open raw HTML
or a block of md_in_html's Markdown, which tag ends one, and how a tag's `markdown`
attribute has its content read. `Blocks` (blocks.py) keeps the HTML block open."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazy_pattern import LazyPattern
from .syntax import BLOCK_TAGS

# script, pre, style: up to the closing tag, raw HTML with no prose. (A textarea's text
# is shown, a form's to read and copy: its block is read as a div's.)
RAW_HTML = LazyPattern(r"<(script|pre|style)\b", re.IGNORECASE)
# Any tag that starts a line: its text is prose, joined with the lines around it.
HTML_BLOCK = LazyPattern(r"</?[A-Za-z][\w-]*(?:[\s/>]|$)")
# A line of nothing but the end of an HTML block: what follows starts a new block.
BLOCK_END_TAG = LazyPattern(r"</([A-Za-z][\w-]*)[ \t]*>[ \t]*\r?$")
# A block-level tag that starts a line at the margin, without md_in_html's `markdown`
# attribute: Python-Markdown shows what follows up to its closing tag as raw HTML.
RAW_BLOCK_START = LazyPattern(r"<([A-Za-z][\w-]*)(?![\w-])(?![^>]*\bmarkdown\b)")
TAG_START = LazyPattern(r"<([A-Za-z][\w-]*)(?![\w-])")

# An opening tag (alone on its line), and md_in_html's `markdown` attribute in it.
_TAG_START_WITH_ATTRIBUTES = LazyPattern(
    r"""<([A-Za-z][\w-]*)(?![\w-])((?:\s(?:[^<>"']|"[^"]*"|'[^']*')*?)?)/?>"""
)
_TAG_LINE = LazyPattern(_TAG_START_WITH_ATTRIBUTES.pattern + r"[ \t]*\r?$")
_MARKDOWN_ATTRIBUTE = LazyPattern(
    r"""(?<![\w-])markdown(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?(?![\w-])"""
)
# md_in_html's block-level tags whose Markdown is a span unless `markdown="block"` says
# otherwise, and those whose text it never reads.
_SPAN_TAGS = frozenset(
    {"address", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "li", "p", "summary"}
    | {"td", "th"}
)
_RAW_TAGS = frozenset({"canvas", "math", "option", "pre", "script", "style", "textarea"})


def takes_html_block(text: str) -> bool:
    """Whether a line starting with `<` opens raw HTML that Python-Markdown reads before
    any definition: a script, pre or style, or a block-level tag (a textarea too)."""
    if RAW_HTML.match(text):
        return True
    tag = RAW_BLOCK_START.match(text)
    return tag is not None and tag.group(1).lower() in BLOCK_TAGS


@lru_cache(maxsize=64)
def tag_pattern(tag: str) -> re.Pattern[str]:
    """An opening or (group 1: `/`) closing tag named `tag`, in any case."""
    return re.compile(rf"<(/?){re.escape(tag)}(?![\w-])[^>]*>?", re.IGNORECASE)


def opens_markdown_blocks(text: str) -> bool:
    """Whether `text` is an opening tag alone whose content md_in_html reads as Markdown
    blocks (`<div markdown>`, `<p markdown="block">`), not as a span or raw text."""
    tag = _TAG_LINE.match(text)
    return tag is not None and _markdown_state(tag.group(1), tag.group(2)) == "block"


def markdown_span(text: str) -> str | None:
    """The name of the tag that starts `text` if md_in_html reads its content as a span
    of Markdown (`<p markdown>`, `<div markdown="span">`); else None."""
    tag = _TAG_START_WITH_ATTRIBUTES.match(text)
    if tag is None or _markdown_state(tag.group(1), tag.group(2)) != "span":
        return None
    return tag.group(1).lower()


def _markdown_state(name: str, attributes: str) -> str | None:
    """How md_in_html reads the content of a block-level tag `name` with `attributes`
    (`MarkdownInHtmlProcessor.get_state`): "block", "span", or None (raw HTML)."""
    name = name.lower()
    attribute = _MARKDOWN_ATTRIBUTE.search(attributes)
    if attribute is None or name not in BLOCK_TAGS or name in _RAW_TAGS:
        return None
    value = next((value for value in attribute.groups() if value is not None), "1")
    if value == "block" or (value in ("1", "markdown") and name not in _SPAN_TAGS):
        return "block"
    if value == "span" or value in ("1", "markdown"):
        return "span"
    return None
