"""Formatters: findings in, text out. They never decide exit codes."""

from __future__ import annotations

from collections.abc import Callable

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

__all__ = ["FORMATTERS", "Formatter"]
