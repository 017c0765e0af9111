"""A page's HTML as Material's search reads it, without the autolinks (site/autolink.py).

Material's search parses every page's HTML with Python's HTMLParser, which is slow per
tag: a page's autolinks (an `<a>` with a long tooltip each) made it take about twice as
long to parse. The search keeps no `<a>` of a page's text, only the text in it, so the
index is the same without them: each autolink is replaced by its text here, where that
is sure to give the index the same text, and is left where it might not (see
`_merges_alike`).
"""

from __future__ import annotations

import re

# An autolink exactly as site/autolink.py writes it, with text only in it: no attribute
# the search reads (`data-search-exclude`, a `class` of its own), no tag for it to nest.
_AUTOLINK = re.compile(
    r'<a class="hb-term" data-term="[^"<>]*" href="[^"<>]*" title="[^"<>]*">'
    r"(?P<text>[^<]+)</a>"
)
# A run of white space the search writes as it is, when it is part of other text: one
# space or line break (the search writes a line break in text as a space).
_ONE_SPACE = (" ", "\n")
# The tags, comments and text after a run of white space, up to the first text that is
# not empty: text of white space alone there is written as nothing after white space
# alone, as a space after other text (`_next_text_is_space`).
_TAGS_THEN_TEXT = re.compile(r"""(?:<[a-zA-Z/](?:[^<>"']|"[^"<>]*"|'[^'<>]*')*>)*(?P<text>[^<]*)""")


def without_autolinks(html: str) -> str:
    """`html` with its autolinks replaced by their text, where the search index of the
    page is the same either way."""
    if 'class="hb-term"' not in html:
        return html
    parts: list[str] = []
    position = 0  # what is copied of `html` so far
    after_autolink = -1  # where the last autolink replaced ended
    for link in _AUTOLINK.finditer(html):
        # From the tag before (a `>` in text instead ends it early: less taken for white
        # space alone, never more).
        before = html[html.rfind(">", 0, link.start()) + 1 : link.start()]
        after_end = html.find("<", link.end())
        after = html[link.end() : len(html) if after_end < 0 else after_end]
        if "<" in before:  # text's `<` (a raw HTML block's): without the link, a tag's
            continue
        follows_autolink = after_autolink == link.start() - len(before)
        if not _merges_alike(before, follows_autolink) or not _merges_alike(after, True):
            continue
        if after.isspace() and _next_text_is_space(html, link.end() + len(after)):
            continue
        parts.append(html[position : link.start()])
        parts.append(link.group("text"))
        position = after_autolink = link.end()
    parts.append(html[position:])
    return "".join(parts)


def _merges_alike(text: str, next_to_text: bool) -> bool:
    """Whether the search writes `text`, the text between an autolink and the tag next to
    it, the same joined to the autolink's text as it does apart. Apart, it writes text of
    white space alone as one space, or as nothing after other white space (which only
    text `next_to_text`, an autolink's, is sure not to be); joined, as it is written."""
    if not text or not text.isspace():
        return True
    return next_to_text and text in _ONE_SPACE


def _next_text_is_space(html: str, position: int) -> bool:
    """Whether the first text after the tags at `position` may be white space alone (or
    is not sure to be read as text: a comment, a `<` not starting a tag). Apart from an
    autolink's text, white space alone before it makes the search write that as nothing;
    joined to the text, as a space."""
    text = _TAGS_THEN_TEXT.match(html, position)
    assert text is not None  # the pattern matches an empty text
    rest = text.group("text")
    if text.end() < len(html) and not rest:  # stopped at something not a plain tag
        return True
    return rest.isspace()
