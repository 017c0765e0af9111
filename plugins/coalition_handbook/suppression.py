"""Suppression comments in Markdown pages, in markdownlint's shape (DESIGN section 5).

    <!-- handbook-disable RULE... -->            from this line on, until enabled again
    <!-- handbook-enable RULE... -->             from this line on
    <!-- handbook-disable-next-line RULE... -->  only the next line
    <!-- handbook-disable-line RULE... -->       only this line (as markdownlint has it)

No rule named means every rule. A rule is named by its id (`term.avoid`) or by its family
(`term`, `term.*`). Comments inside fenced or indented code do not count: they are shown
to readers, not obeyed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .markdown import lines_outside_code

COMMENT = re.compile(
    r"<!--\s*handbook-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->"
)
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")

ALL_RULES = "*"


@dataclass(frozen=True, slots=True)
class _Directive:
    line: int
    action: str  # "disable" | "enable" | "disable-next-line" | "disable-line"
    rules: tuple[str, ...]  # empty: every rule


@dataclass
class Suppressions:
    """The suppression comments of one page; ask `suppresses(rule, line)`."""

    directives: tuple[_Directive, ...] = ()
    _ranges: dict[str, tuple[list[int], list[bool]]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.directives)

    def suppresses(self, rule: str, line: int) -> bool:
        """True when findings of `rule` on 1-based `line` are switched off by a comment."""
        if not self.directives:
            return False
        ranges = self._ranges.get(rule)
        if ranges is None:
            ranges = self._ranges[rule] = self._state_changes(rule)
        starts, disabled = ranges
        index = bisect.bisect_right(starts, line) - 1
        if index >= 0 and disabled[index]:
            return True
        return any(
            _names(directive.rules, rule)
            and (
                (directive.action == "disable-next-line" and directive.line + 1 == line)
                or (directive.action == "disable-line" and directive.line == line)
            )
            for directive in self.directives
        )

    def _state_changes(self, rule: str) -> tuple[list[int], list[bool]]:
        starts: list[int] = []
        disabled: list[bool] = []
        for directive in self.directives:
            if directive.action not in ("disable", "enable") or not _names(directive.rules, rule):
                continue
            state = directive.action == "disable"
            if starts and starts[-1] == directive.line:
                disabled[-1] = state
            else:
                starts.append(directive.line)
                disabled.append(state)
        return starts, disabled


def _names(rules: tuple[str, ...], rule: str) -> bool:
    if not rules:
        return True
    family = rule.partition(".")[0]
    return any(name in (rule, family, f"{family}.*", ALL_RULES) for name in rules)


def parse_suppressions(text: str, body_line: int = 1) -> Suppressions:
    """Find the suppression comments of a page's text, from `body_line` (after front
    matter) on; line numbers are the file's. Linear in the size of the text."""
    if "handbook-" not in text:
        return Suppressions()
    directives: list[_Directive] = []
    for number, line in lines_outside_code(text, body_line):
        if "handbook-" not in line:
            continue
        visible = INLINE_CODE.sub(lambda code: " " * len(code.group(0)), line)
        for comment in COMMENT.finditer(visible):
            rules = tuple(comment.group(2).replace(",", " ").split())
            directives.append(_Directive(number, comment.group(1), rules))
    return Suppressions(tuple(directives))
