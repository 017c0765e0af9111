"""The inline scripts of a page that a browser runs, each named by the hash of its text
(a CSP `'sha256-...'` source): the content policy lets these run, and no other inline
script or event handler (site/content_policy.py).

A page is read with one fast scan for `<script` and comments, not with a whole tokenizer:
a page of a large site carries the whole navigation, and the scan runs on every page
written. A `<script>` written inside an attribute's value or a `<textarea>` reads as a
script here, though a browser runs none: its hash only lets run what the page's author
wrote there, which raw HTML in a page could run anyway. A script a browser would read
otherwise (its end tag in a `<!--` of its own) is refused, never let through.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re

from ..lazy_pattern import LazyPattern
from ..markup import COMMENT

# A comment, which hides any script in it (as a browser ends it: markup.py), and a
# script element from its start tag. Read with re.ASCII: letters match in either case
# and `\s` is a space only as a browser reads HTML (no U+00A0, no long s for an s).
# Possessive: linear in a page of unclosed quotes. A script's text is read a run of
# characters other than `<` at a time, up to its end tag (or the page's end): as the
# shortest text before one (`.*?`), ten times faster than trying the end tag at every
# character of it.
_FLAGS = re.IGNORECASE | re.DOTALL | re.ASCII
_COMMENT = LazyPattern(COMMENT, _FLAGS)
_SCRIPT = LazyPattern(
    r"<script(?=[\s/>])(?P<attributes>(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>"
    r"(?P<text>(?:[^<]++|<(?!/script(?=[\s/>])))*+)(?:</script(?=[\s/>])|\Z)",
    _FLAGS,
)
# Where a comment or a script may start: its letters spelt out, as a regex that starts
# with a literal `<` is searched for far faster than a case-insensitive one (most of a
# long page is the navigation, which neither holds).
_COMMENT_OR_SCRIPT = LazyPattern(r"<(?:!--|[sS][cC][rR][iI][pP][tT])")
# An attribute, with its value if it has one: read in order, so a value is never taken
# for a name.
_ATTRIBUTE = LazyPattern(
    r"(?P<name>[^\s\"'>/=]++)(?:\s*+=\s*+(?:\"(?P<double>[^\"]*+)\"|'(?P<single>[^']*+)'"
    r"|(?P<bare>[^\s>]++)))?"
)
# The `type` values a browser runs as script (the HTML Standard's JavaScript MIME type
# essences, a module), or reads as script under the policy (an import map).
_SCRIPT_TYPES = frozenset(
    {"", "module", "importmap"}
    | {f"application/{name}" for name in ("ecmascript", "javascript")}
    | {f"application/x-{name}" for name in ("ecmascript", "javascript")}
    | {f"text/{name}" for name in ("ecmascript", "javascript", "jscript", "livescript")}
    | {f"text/x-{name}" for name in ("ecmascript", "javascript")}
    | {f"text/javascript1.{minor}" for minor in range(6)}
)
# What a browser reads every page's text as before it tokenizes it (the HTML Standard's
# input stream preprocessing) and a script's text as: its hash is of that.
_LINE_BREAK = LazyPattern(rb"\r\n?")


def inline_script_hashes(html: str, start: int = 0, end: int | None = None) -> frozenset[str]:
    """The `'sha256-...'` sources of the inline scripts of `html` that a browser runs
    (not a JSON one, nor one with a `src`), in `html[start:end]`."""
    end = len(html) if end is None else end
    hashes = set()
    position = start
    while (mark := _COMMENT_OR_SCRIPT.search(html, position, end)) is not None:
        if mark.group() == "<!--":  # hides the scripts in it; one left open, the rest
            closed = _COMMENT.match(html, mark.start(), end)  # always
            position = closed.end() if closed else end
            continue
        found = _SCRIPT.match(html, mark.start(), end)
        position = found.end() if found else mark.start() + 1  # `<scripts>`: no script
        if found and _runs_inline(found.group("attributes")):
            hashes.add(_source(found.group("text").encode("utf-8", "surrogatepass")))
    return frozenset(hashes)


# Every page of a site holds the theme's same few scripts: each is read and hashed once.
@functools.lru_cache(maxsize=256)
def _runs_inline(attributes: str) -> bool:
    """Whether a `<script>` with `attributes` runs its own text as script."""
    values: dict[str, str] = {}
    for attribute in _ATTRIBUTE.finditer(attributes):
        value = next((v for v in attribute.group("double", "single", "bare") if v), "")
        values.setdefault(attribute.group("name").lower(), value)  # the first one counts
    if "src" in values:
        return False
    if "type" in values:
        kind = values["type"]
    elif values.get("language"):
        kind = f"text/{values['language']}"
    else:
        kind = ""
    return kind.strip(" \t\n\f\r").lower() in _SCRIPT_TYPES


@functools.lru_cache(maxsize=256)
def _source(text: bytes) -> str:
    text = _LINE_BREAK.sub(b"\n", text).replace(b"\0", "\ufffd".encode())
    digest = hashlib.sha256(text).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
