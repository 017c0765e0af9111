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
from collections.abc import Callable, Iterable, Sequence
from html import unescape

from ..cache import RunCache
from ..lazy_pattern import LazyPattern
from .short_text import ShortRenderer
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
_HEADING_ID = LazyPattern(r'^<h1 id="([^"]*)"', re.MULTILINE)
_NUMBERED = LazyPattern(r"_[0-9]+\Z")
_QUOTES = LazyPattern("[\"']")
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


# Kept beside mkdocs.yml: .cache/handbook/site-earlier-anchors.pickle {key: found}
NAMESPACE = "site-earlier-anchors"


def cached_earlier_anchors(
    names: Sequence[str], renderer: ShortRenderer, cache: RunCache
) -> dict[str, str]:
    """`earlier_anchors` of `names` with the site's Markdown (`renderer`), as an earlier
    build found them with the same extensions and options, from `cache` (a thousand
    names cost seconds to render, every build)."""
    if not cache.enabled:
        return earlier_anchors(names, renderer.convert)
    key = cache.key(NAMESPACE, renderer.settings_text(), *names)
    kept = cache.load_alone(NAMESPACE, key)
    if isinstance(kept, dict):
        return kept
    found = earlier_anchors(names, renderer.convert)
    cache.store_alone(NAMESPACE, key, found)
    return found


def earlier_anchors(names: Iterable[str], render: Callable[[str], str]) -> dict[str, str]:
    """Name -> the id its page's heading had before session 60, where it is not the id
    it has now, nor a section's; `render` is the site's Markdown (Markdown text -> HTML).
    Only a name that `markdown_text` writes otherwise now is rendered, as it was written
    then and now, in a document each (one by one, 1,000 names with an apostrophe took
    11 s with Material's usual extensions)."""
    written = {}
    for name in dict.fromkeys(names):
        then, now = _earlier_markdown_text(name), markdown_text(name)
        if then != now:
            written[name] = (then, now)
    # Most such names differ only by a quote (`survivor's plan`), which the site's
    # slugify drops, shown curly or straight: their id never changed, and a cold build
    # (every CI run) rendered them all (review rv62d: 1,000 such names, 1.9 s).
    quoted = [name for name in written if _differs_by_quotes_only(name)]
    if quoted and _quotes_leave_ids_alike(render):
        for name in quoted:
            del written[name]
    if not written:
        return {}
    # The sections first: a name's id alike with one is made unique, and read alone. The
    # names as written then and as written now in two documents: most are alike.
    then_ids = _heading_ids([*SECTION_HEADINGS, *(then for then, _ in written.values())], render)
    now_ids = _heading_ids([now for _, now in written.values()], render)
    sections = set(then_ids[: len(SECTION_HEADINGS)])
    found: dict[str, str] = {}
    for (name, pair), *ids in zip(
        written.items(), then_ids[len(SECTION_HEADINGS) :], now_ids, strict=True
    ):
        then_id, now_id = (
            _alone_id(line, render) if found_id is None else found_id
            for line, found_id in zip(pair, ids, strict=True)
        )
        if then_id and then_id != now_id and then_id not in sections:
            found[name] = then_id
    return found


def _heading_ids(lines: list[str], render: Callable[[str], str]) -> list[str | None]:
    """The id of each of `lines` as a heading, rendered in one document; None for one
    that may have been made unique (`x_1`: the toc extension's id for a second `x`),
    or for each where the document cannot be read so."""
    try:
        html = render("\n\n".join(f"# {line}" for line in lines))
    except Exception:  # an extension failing on a name fails the page's own render
        return [None] * len(lines)
    ids = [unescape(found[1]) for found in _HEADING_ID.finditer(html)]
    if len(ids) != len(lines):
        return [None] * len(lines)
    return [None if _NUMBERED.search(found) else found for found in ids]


def _differs_by_quotes_only(name: str) -> bool:
    """Whether `markdown_text` writes `name` as it did before session 60 but for its
    quotes (smarty's, written as references now)."""
    bare = _QUOTES.sub("", name)
    return _earlier_markdown_text(bare) == markdown_text(bare)


# Quotes in each of the places smarty curls them: an apostrophe, a year's, a quote opened
# and closed, single and double, after a space and at the line's end.
_QUOTES_PROBE = "Survivor's '80s \"safe\" 'home' survivors'"


def _quotes_leave_ids_alike(render: Callable[[str], str]) -> bool:
    """Whether the site's Markdown (`render`) makes the same heading id of a name whose
    quotes are written as then (curled by smarty), as now (references), and as none."""
    bare = _QUOTES.sub("", _QUOTES_PROBE)
    ids = {
        _alone_id(line, render)
        for line in (
            _earlier_markdown_text(_QUOTES_PROBE),
            markdown_text(_QUOTES_PROBE),
            markdown_text(bare),
        )
    }
    return len(ids) == 1 and "" not in ids


def _alone_id(line: str, render: Callable[[str], str]) -> str:
    """The id of `line` as the heading of a document of its own ("" where it has none)."""
    try:
        found = _HEADING_ID.search(render(f"# {line}"))
    except Exception:
        return ""
    return "" if found is None else unescape(found[1])


def _earlier_markdown_text(value: str) -> str:
    """`markdown_text` as it was before session 60 (a5dac725's parent)."""
    text = _WHITESPACE.sub(" ", value).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "&#124;")
    return _EARLIER_SYNTAX.sub(_references, _EARLIER_SPECIALS.sub(r"\\\1", text))


def _references(found: re.Match[str]) -> str:
    return "".join(f"&#{ord(char)};" for char in found.group())
