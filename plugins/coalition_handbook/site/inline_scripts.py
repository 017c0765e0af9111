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
import hashlib
import re

from ..markup import COMMENT

# A comment, which hides any script in it (as a browser ends it: markup.py), and a
# script element from its start tag, in a page's UTF-8 bytes (what a hash is of).
# Possessive: linear in a page of unclosed quotes.
_COMMENT = re.compile(COMMENT.encode("ascii"), re.DOTALL)
_SCRIPT = re.compile(
    rb"<script(?=[\s/>])(?P<attributes>(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>"
    rb"(?P<text>.*?)(?:</script(?=[\s/>])|\Z)",
    re.IGNORECASE | re.DOTALL,
)
# An attribute, with its value if it has one: read in order, so a value is never taken
# for a name.
_ATTRIBUTE = re.compile(
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
_LINE_BREAK = re.compile(rb"\r\n?")


def inline_script_hashes(html: str, start: int = 0, end: int | None = None) -> frozenset[str]:
    """The `'sha256-...'` sources of the inline scripts of `html` that a browser runs
    (not a JSON one, nor one with a `src`), in `html[start:end]`."""
    page = html[start:end].encode("utf-8", "surrogatepass")
    # Searched for in the page with its ASCII letters in lower case (at the same offsets):
    # a byte search, far faster in a long page than a case-insensitive regex.
    lower = page.lower()
    hashes = set()
    position = 0
    script = lower.find(b"<script")
    while script != -1:
        comment = lower.find(b"<!--", position, script)
        if comment != -1:
            closed = _COMMENT.match(page, comment)  # always: one left open hides the rest
            position = closed.end() if closed else len(page)
            if position > script:  # that script is in the comment
                script = lower.find(b"<script", position)
            continue
        found = _SCRIPT.match(page, script)
        position = found.end() if found else script + 1  # `<scripts>`: no script
        if found and _runs_inline(found.group("attributes").decode("utf-8", "replace")):
            hashes.add(_source(found.group("text")))
        script = lower.find(b"<script", position)
    return frozenset(hashes)


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


def _source(text: bytes) -> str:
    text = _LINE_BREAK.sub(b"\n", text).replace(b"\0", "\ufffd".encode())
    digest = hashlib.sha256(text).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
