"""Formatters: findings in, text out. They never decide exit codes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace

from ..findings import Finding
from .github import render_github
from .json import render_json
from .sarif import render_sarif
from .text import render_text

Formatter = Callable[[list[Finding]], str]

FORMATTERS: dict[str, Formatter] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}

_TEXT_FIELDS = tuple(
    field.name for field in fields(Finding) if field.name not in ("line", "column")
)


def in_utf8(findings: list[Finding]) -> list[Finding]:
    """`findings` with every text valid UTF-8, as JSON, SARIF and a terminal need it. A
    file name that is not UTF-8 (written in Latin-1 by another system, say) comes from
    the file system with its bad bytes as lone surrogates: each is shown as an escape,
    as Python shows a byte (`glossary/caf\\xe9.yml`)."""
    return [_in_utf8(finding) for finding in findings]


def _in_utf8(finding: Finding) -> Finding:
    changed = {
        name: value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        for name in _TEXT_FIELDS
        if isinstance(value := getattr(finding, name), str) and not _is_utf8(value)
    }
    return replace(finding, **changed) if changed else finding


def _is_utf8(text: str) -> bool:
    if text.isascii():  # nearly every text: at C speed
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


__all__ = ["FORMATTERS", "Formatter", "in_utf8"]
