"""`path:line:column: severity rule message`, one finding a line."""

from __future__ import annotations

import re

from ..findings import Finding
from ..lazy_pattern import LazyPattern
from .encoding import in_utf8


def format_finding(finding: Finding) -> str:
    return one_line(f"{finding.location()}: {finding.severity} {finding.rule} {finding.message}")


# Control characters, the line breaks of Unicode that some terminals and editors honour
# (NEL, U+2028, U+2029), and the marks and controls of writing direction, which would
# show a line in another order than it holds (U+061C, U+200E, U+200F, U+202A-U+202E,
# U+2066-U+2069); and the invisible characters pasted from word processors (soft hyphen,
# zero-width space and joiners, word joiner, BOM), which would make two texts a message
# sets side by side look alike ('Respond' and 'Respond\u200b').
_CONTROL = LazyPattern(
    r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]"
)
_NAMED = {"\r": "\\r", "\n": "\\n", "\t": "\\t"}


def one_line(message: str) -> str:
    """`message` on one line: a found text, or a file's name, may hold a line break, and
    every format that writes a finding a line (this one, the build's log) promises one
    line each (a line of its own could pass for a CI annotation, `::error ...`). A tab
    is escaped as they are (`\\t`): the line shows what the source holds, not a gap. Any
    other control character too (`\\x1b`): a file's name could hold a terminal's escape
    sequence, which would redraw the editor's screen rather than show; and the marks of
    writing direction, which would reorder what the line shows."""
    return _CONTROL.sub(_escaped, message)


def _escaped(found: re.Match[str]) -> str:
    char = found.group()
    return _NAMED.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    )


def render_text(findings: list[Finding]) -> str:
    return "".join(f"{format_finding(finding)}\n" for finding in in_utf8(findings))
