"""Addresses that run script in a reader's browser: `javascript:` and `vbscript:`, as a
browser reads them. A scheme spelt with character references (`&#106;avascript:`,
`javascript&colon;`) or broken by tabs and line breaks is the same scheme, and so is one
after the spaces and control characters a browser strips from the start of an address.

Used by the rule `link.unsafe` (in content) and by the reading of mkdocs.yml (its nav
and links).
"""

from __future__ import annotations

import html
import re

__all__ = ["SCRIPT_SCHEME", "script_scheme"]


def _written(char: str) -> str:
    """A pattern for `char` as itself or as a decimal or hexadecimal character reference
    (either case of a letter; `;` may be left out, as browsers allow)."""
    codes = sorted({ord(char.lower()), ord(char.upper())})
    references = [rf"&\#0*{code};?" for code in codes] + [rf"&\#x0*{code:x};?" for code in codes]
    named = [r"&colon;"] if char == ":" else []
    return "(?:" + "|".join([re.escape(char), *references, *named]) + ")"


# What a browser drops inside a URL: tabs and line breaks, written or as references.
_DROPPED = r"(?:[\t\n\r]|&Tab;|&NewLine;|&\#0*(?:9|10|13);?|&\#x0*[9ad];?)*"
# What a browser strips before a URL: a space or a C0 control but NUL (U+0001-U+0020),
# written or as a reference; a reference's whole number (`&#106;` is a `j`, not a line
# break and a 6).
_STRIPPED = (
    r"(?:[\x01-\x20]|&Tab;|&NewLine;"
    r"|&\#0*(?:[1-9]|[12][0-9]|3[0-2])(?![0-9]);?"
    r"|&\#x0*(?:[1-9a-f]|1[0-9a-f]|20)(?![0-9a-f]);?)"
)
SCRIPT_SCHEME = re.compile(
    # First what can start a match at all, which passes over most of a text quickly.
    r"(?=[\x01-\x20&jv])(?<![\w&#;])"
    # Stripped characters, read from the start of a run of them only and taken at once
    # (`++`): read again from each, a run of thousands would cost quadratic time.
    + r"(?:(?<![\x00-\x20])"
    + _STRIPPED
    + r"++)?(?P<scheme>"
    + "|".join(_DROPPED.join(map(_written, scheme)) for scheme in ("javascript", "vbscript"))
    # Spaces and tabs before the colon, taken at once (`*+`): given back one by one to the
    # tabs `_DROPPED` also takes, thousands of them with no colon cost quadratic time.
    + r")[ \t]*+"
    + _DROPPED
    + _written(":"),
    re.IGNORECASE,
)


def script_scheme(address: str) -> str | None:
    """The script scheme `address`, a link's whole value, starts with, as a browser reads
    it (`javascript`, however written), or None."""
    match = SCRIPT_SCHEME.match(address)
    if match is None:
        return None
    return re.sub(r"[\t\n\r]", "", html.unescape(match["scheme"])).lower()
