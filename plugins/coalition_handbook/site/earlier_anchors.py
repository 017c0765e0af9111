"""The heading id a term's or protocol's page had before its name was shown as typed,
where it differs from the one it has now: kept on the page, so that links made to it
still lead to the name.

Before session 60, a site running smarty, smartsymbols, emoji or arithmatex showed a
name's `(c)`, `--` or `:smile:` as ©, a dash or an image, and its heading's id was the
slug of what was shown: `(c) clause` was `#clause`. The id is now the slug of the name as
typed (`#c-clause`), as every site without those extensions made it and makes it; a
member's saved link to `#clause` led to the page's top, not the name. Which id the name
had is known: the site's own Markdown makes it of the name as `markdown_text` wrote it
then, and the page keeps it on an empty element before the heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import unescape

from ..lazy_pattern import LazyPattern
from .templates import markdown_text

# The extensions whose syntax `markdown_text` writes as references since session 60
# (smarty's and smartsymbols', emoji's `:name:`, arithmatex's `$`, magiclink's links):
# without any of them on, the id made then is the id made now.
SHOWN_OTHERWISE_BEFORE = frozenset({"smarty", "smartsymbols", "emoji", "arithmatex", "magiclink"})
# What `markdown_text` wrote as references before (pymdownx's marks and the closing
# hashes of a heading's line), as `_EARLIER_SPECIALS` the syntax a backslash escaped.
_EARLIER_SYNTAX = LazyPattern(r"[~^]|={2,}|\+{2,}|#+$")
_EARLIER_SPECIALS = LazyPattern(r"([\\`*_\[\]{}])")
_WHITESPACE = LazyPattern(r"\s+")
_HEADING_ID = LazyPattern(r'^<h1 id="([^"]*)"')
# The sections of a term's and a protocol's page (term.md.j2, protocol.md.j2): an earlier
# id that is one of theirs now (`(c) sources` was `#sources`) is left to the section, as
# one id is one element's.
SECTION_HEADINGS = (
    *("Forms to avoid", "Related terms", "Sources", "Translations", "Used on"),
    *("Version and history", "Steps", "Contacts", "Training"),
)


def shows_names_otherwise_before(extensions: Iterable[object]) -> bool:
    """Whether among the site's `extensions` (names, or extension objects) is one that
    made a name's heading id of what it showed before session 60."""
    for extension in extensions:
        name = extension if isinstance(extension, str) else type(extension).__module__
        if name.rsplit(".", 1)[-1] in SHOWN_OTHERWISE_BEFORE:
            return True
    return False


def earlier_anchors(names: Iterable[str], render: Callable[[str], str]) -> dict[str, str]:
    """Name -> the id its page's heading had before session 60, where it is not the id
    it has now; `render` is the site's Markdown (Markdown text -> HTML). Only a name
    that `markdown_text` writes otherwise now is rendered (two one-line documents)."""
    found: dict[str, str] = {}
    sections: set[str] | None = None  # their ids, made for the first name rendered
    for name in dict.fromkeys(names):
        then, now = _earlier_markdown_text(name), markdown_text(name)
        if then == now:
            continue
        try:
            then_id, now_id = _heading_id(render(f"# {then}")), _heading_id(render(f"# {now}"))
            if sections is None:
                sections = {_heading_id(render(f"# {label}")) for label in SECTION_HEADINGS}
        except Exception:  # an extension failing on it fails the page's own render
            continue
        if then_id and then_id != now_id and then_id not in sections:
            found[name] = then_id
    return found


def _earlier_markdown_text(value: str) -> str:
    """`markdown_text` as it was before session 60 (a5dac725's parent)."""
    text = _WHITESPACE.sub(" ", value).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "&#124;")
    return _EARLIER_SYNTAX.sub(_references, _EARLIER_SPECIALS.sub(r"\\\1", text))


def _references(found: re.Match[str]) -> str:
    return "".join(f"&#{ord(char)};" for char in found.group())


def _heading_id(html: str) -> str:
    found = _HEADING_ID.search(html)
    return "" if found is None else unescape(found[1])
