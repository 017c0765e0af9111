"""A term's or protocol's YAML as privacy.pii reads it (`privacy_pii`): with the escapes
of its double-quoted strings decoded, as the site publishes their values (task priv9):
`"jo\\x40gmail.com"`, `"402\\u2011555\\u20110199"`, and a line break escaped inside a
number, as PyYAML writes a long line (`"...402\\` then `\\ 555-0199"` on the next line).
Each place read is mapped back to the file (`yaml_escapes_decoded`), so a finding names the
line that writes it. In a plain, single-quoted or block scalar a backslash is itself.
"""

from __future__ import annotations

import yaml

from ..lazy_pattern import LazyPattern
from ..source_map import UNCHANGED, SourceMap, rewritten

# A double-quoted string that holds a backslash (found fast: from each `"` to the next):
# only a file with one is scanned as YAML.
_QUOTED_BACKSLASH = LazyPattern(r'"[^"\\]*+\\')
# A YAML escape (YAML 1.1, as PyYAML reads it): a character's code in hex, a named
# character, or a line break escaped with the indentation after it (read as nothing).
_ESCAPE = LazyPattern(
    r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}"
    r"|(?:\r\n|[\r\n\x85\u2028\u2029])[ \t]*+|[0abt\tnvfre \"/\\N_LP])"
)
_LAST_CODE_POINT = 0x10FFFF
_NAMED = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}


def may_hold_escapes(text: str) -> bool:
    """Whether `text` may hold a double-quoted string with an escape in it."""
    return "\\" in text and _QUOTED_BACKSLASH.search(text) is not None


def yaml_escapes_decoded(text: str) -> tuple[str, SourceMap]:
    """`text`, a YAML file, with each escape of its double-quoted strings read as the
    character it stands for (an escaped line break as nothing), and where each place read
    is in `text`. A file that is no YAML is read as far as PyYAML's scanner reads it."""
    if not may_hold_escapes(text):
        return text, UNCHANGED
    spans: list[tuple[int, int, str]] = []
    for start, end in _double_quoted(text):
        for found in _ESCAPE.finditer(text, start, end):
            code = found.group()[1:]
            if code[0] in "xuU":
                if int(code[1:], 16) > _LAST_CODE_POINT:  # no character: YAML refuses it
                    continue
                read = chr(int(code[1:], 16))
            else:
                read = _NAMED.get(code, "")  # an escaped line break: nothing
            spans.append((found.start(), found.end(), read))
    return rewritten(text, spans)


def _double_quoted(text: str) -> list[tuple[int, int]]:
    """The spans of `text` inside the quotes of its double-quoted scalars (keys too)."""
    spans: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style == '"':
                spans.append((token.start_mark.index + 1, token.end_mark.index - 1))
    except (yaml.YAMLError, ValueError):
        # A file with problems: its strings scanned before them. PyYAML's scanner raises
        # ValueError, no YAMLError, at an escape past Unicode's last character
        # (`"\\U00110000"`), which the loader reports at its line (tests/test_bad_input.py).
        pass
    return spans
