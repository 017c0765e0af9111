"""Addresses that run script in a reader's browser: `javascript:` and `vbscript:`, as a
browser reads them. A scheme spelt with character references (`&#106;avascript:`,
`javascript&colon;`) or broken by tabs and line breaks is the same scheme, and so is one
after the spaces and control characters a browser strips from the start of an address.

Used by the rule `link.unsafe` (in content) and by the reading of mkdocs.yml (its nav
and links). In content, `link.unsafe` also names a `data:` address that holds no picture
(`data:text/html,<script>...`: `LINK_SCHEME_PATTERN`), a whole document in the link:
browsers refuse to open most as a page now, but nothing a coalition publishes needs one,
and a picture's `data:image/...` is left alone. But for `data:image/svg+xml`: an SVG is a
document that may run script where it is opened as a page, so `LINK_SCHEME_PATTERN`
names it too, and `SVG_MEDIA_TYPE_PATTERN` tells it from the others where the rule must
know whether it is shown as a picture or opened by a link.

The three patterns are `LazyPattern`s, compiled where first used, not at import:
compiling them was a tenth of importing the plugin (23 ms of CPU), and a build whose pages
come from the cache and whose mkdocs.yml has no links uses none.
"""

from __future__ import annotations

import re

from .character_references import unescape
from .lazy_pattern import LazyPattern

__all__ = [
    "LINK_SCHEME_PATTERN",
    "SCRIPT_SCHEME_PATTERN",
    "SVG_MEDIA_TYPE_PATTERN",
    "link_scheme",
    "script_scheme",
]


def _written(char: str) -> str:
    """A pattern for `char` as itself or as a decimal or hexadecimal character reference
    (either case of a letter; `;` may be left out, as browsers allow). A reference's whole
    number is read (`&#470;` is no `/`), and its `;` taken where it is there (`;?+`): left
    for what follows, `data:image&#x2f;svg+xml` read as an `image/` before a `;svg`,
    which is no SVG."""
    codes = sorted({ord(char.lower()), ord(char.upper())})
    references = [rf"&\#0*{code}(?![0-9]);?+" for code in codes] + [
        rf"&\#x0*{code:x}(?![0-9a-f]);?+" for code in codes
    ]
    named = {":": [r"&colon;"], "/": [r"&sol;"]}.get(char, [])
    return "(?:" + "|".join([re.escape(char), *references, *named]) + ")"


# What a browser drops inside a URL: tabs and line breaks, written or as references.
_DROPPED = r"(?:[\t\n\r]|&Tab;|&NewLine;|&\#0*(?:9|10|13)(?![0-9]);?+|&\#x0*[9ad](?![0-9a-f]);?+)*"
# What a browser strips before a URL: a space or a C0 control but NUL (U+0001-U+0020),
# written or as a reference; a reference's whole number (`&#106;` is a `j`, not a line
# break and a 6).
_STRIPPED = (
    r"(?:[\x01-\x20]|&Tab;|&NewLine;"
    r"|&\#0*(?:[1-9]|[12][0-9]|3[0-2])(?![0-9]);?"
    r"|&\#x0*(?:[1-9a-f]|1[0-9a-f]|20)(?![0-9a-f]);?)"
)


def _scheme_pattern(first_letters: str, schemes: str) -> LazyPattern:
    """An address that starts with one of `schemes` (alternatives of a pattern, in a
    group `scheme`), as a browser reads it; `first_letters` are their first letters."""
    return LazyPattern(
        # First what can start a match at all, which passes over most of a text quickly.
        rf"(?=[\x01-\x20&{first_letters}])(?<![\w&#;])"
        # Stripped characters, read from the start of a run of them only and taken at once
        # (`++`): read again from each, a run of thousands would cost quadratic time.
        + r"(?:(?<![\x00-\x20])"
        + _STRIPPED
        + r"++)?(?P<scheme>"
        + schemes
        # Spaces and tabs before the colon, taken at once (`*+`): given back one by one to
        # the tabs `_DROPPED` also takes, thousands of them with no colon cost quadratic time.
        + r")[ \t]*+"
        + _DROPPED
        + _written(":"),
        re.IGNORECASE,
    )


def _scheme(name: str) -> str:
    return _DROPPED.join(map(_written, name))


# An address that starts with a script scheme (`script_scheme`).
SCRIPT_SCHEME_PATTERN = _scheme_pattern("jv", f"{_scheme('javascript')}|{_scheme('vbscript')}")
# What follows the colon of `data:image/svg+xml` (or `data:image/svg`, which browsers read
# as the same); a browser strips the spaces before the media type.
SVG_MEDIA_TYPE_PATTERN = LazyPattern(
    f"{_STRIPPED}*+{_scheme('image/')}{_DROPPED}{_scheme('svg')}", re.IGNORECASE
)
# As `SCRIPT_SCHEME_PATTERN`, and `data:` too, but for a picture's
# (`data:image/png;base64,...`) other than an SVG.
LINK_SCHEME_PATTERN = _scheme_pattern(
    "jvd",
    f"{_scheme('javascript')}|{_scheme('vbscript')}"
    + f"|{_scheme('data')}(?=[ \t]*+{_DROPPED}{_written(':')}"
    + f"(?!{_STRIPPED}*+{_scheme('image/')}(?!{_DROPPED}{_scheme('svg')})))",
)


def script_scheme(address: str) -> str | None:
    """The script scheme `address`, a link's whole value, starts with, as a browser reads
    it (`javascript`, however written), or None."""
    match = SCRIPT_SCHEME_PATTERN.match(address)
    return None if match is None else _as_read(match["scheme"])


def link_scheme(address: str) -> str | None:
    """As `script_scheme`, the scheme of `LINK_SCHEME_PATTERN` that `address` starts with
    (`javascript`, `vbscript` or `data`), or None."""
    match = LINK_SCHEME_PATTERN.match(address)
    return None if match is None else _as_read(match["scheme"])


def _as_read(scheme: str) -> str:
    return re.sub(r"[\t\n\r]", "", unescape(scheme)).lower()
