"""Reports that any output can carry: findings whose every text is valid UTF-8, and
JSON in ASCII where the output's encoding holds less than Unicode."""

from __future__ import annotations

import json
import re
from dataclasses import fields, replace

from ..findings import Finding
from ..lazy_pattern import LazyPattern
from ..utf8 import LONE_SURROGATE

_TEXT_FIELDS = tuple(
    field.name for field in fields(Finding) if field.name not in ("line", "column")
)


def in_utf8(findings: list[Finding]) -> list[Finding]:
    """`findings` with every lone surrogate in their texts written as an escape: a file
    name written in Latin-1 by another system shows its byte as Python shows one
    (`glossary/caf\\xe9.yml`), half a character its code (`\\ud83d`)."""
    return [_in_utf8(finding) for finding in findings]


def in_utf8_text(text: str) -> str:
    """`text` with every lone surrogate written as an escape (see `in_utf8`)."""
    if text.isascii() or LONE_SURROGATE.search(text) is None:  # nearly every text
        return text
    return LONE_SURROGATE.sub(_escape, text)


def _in_utf8(finding: Finding) -> Finding:
    changed = {
        name: escaped
        for name in _TEXT_FIELDS
        if isinstance(value := getattr(finding, name), str)
        and (escaped := in_utf8_text(value)) is not value
    }
    return replace(finding, **changed) if changed else finding


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


_NON_ASCII = LazyPattern(r"[^\x00-\x7f]+")


def json_in_ascii(text: str) -> str:
    """The JSON `text` with every character beyond ASCII written as JSON's escape
    (`\\u2192`), for an output that cannot hold it (a Windows code page): all such
    characters are in strings, where the escape means the same."""
    return _NON_ASCII.sub(lambda run: json.dumps(run.group())[1:-1], text)
