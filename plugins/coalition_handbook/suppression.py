"""Suppression comments in Markdown pages, in markdownlint's shape (DESIGN section 5).

    <!-- handbook-disable RULE... -->            from this line on, until enabled again
    <!-- handbook-enable RULE... -->             from this line on
    <!-- handbook-disable-next-line RULE... -->  only the next line
    <!-- handbook-disable-line RULE... -->       only this line (as markdownlint has it)

No rule named means every rule. A rule is named by its id (`term.avoid`) or by its family
(`term`, `term.*`). Comments inside fenced or indented code do not count: they are shown
to readers, not obeyed.

The Markdown strings of YAML files (a term's definition, a protocol's summary and steps)
take the same comments, with the file's line numbers; each comment governs only the
string it is written in (`parse_value_suppressions`). A comment naming no rule switches
nothing off, and is reported (`rules.suppression_unknown_rule`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .documents import yaml_values
from .markdown import LineIndex, lines_outside_code
from .model.types import Handbook

if TYPE_CHECKING:
    from .rules.base import CheckContext

COMMENT = re.compile(
    r"<!--\s*handbook-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->"
)
_RULE_NAME = re.compile(r"[^\s,]+")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")

ALL_RULES = "*"


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment, at its line in the file."""

    line: int
    action: str  # "disable" | "enable" | "disable-next-line" | "disable-line"
    rules: tuple[str, ...]  # empty: every rule
    places: tuple[tuple[int, int], ...] = ()  # (line, column) in the file of each rule
    # The file's lines a disable-line or disable-next-line comment switches off, first
    # and last: one Markdown line of a YAML string may span several (a folded string).
    covers: tuple[int, int] | None = None


@dataclass
class Suppressions:
    """The suppression comments of one file; ask `suppresses(rule, line)`."""

    directives: tuple[Directive, ...] = ()
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
            directive.covers is not None
            and directive.covers[0] <= line <= directive.covers[1]
            and _names(directive.rules, rule)
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
    directives = [
        Directive(
            number,
            action,
            rules,
            tuple((number, column) for column in columns),
            _one_line_covered(action, number),
        )
        for number, line in lines_outside_code(text, body_line)
        for action, rules, columns, _ in _comments(line)
    ]
    return Suppressions(tuple(directives))


def _one_line_covered(action: str, line: int) -> tuple[int, int] | None:
    """The `covers` of a page's comment on `line`: that line, or the next one."""
    if action == "disable-line":
        return line, line
    if action == "disable-next-line":
        return line + 1, line + 1
    return None


def parse_value_suppressions(
    source: str, values: Iterable[tuple[str, Sequence[int]]]
) -> Suppressions:
    """Find the suppression comments in the Markdown strings of a YAML file, `source`;
    `values` gives each string with the offset in `source` of each of its code points
    (and one past its end). A comment governs its own string only: what it disables is
    enabled again after the string's last line, so that a comment in one step of a
    protocol cannot switch the checks off in the next one, or in the file's other fields."""
    if "handbook-" not in source:
        return Suppressions()
    file_lines = LineIndex.of(source)
    directives: list[Directive] = []
    for value, offsets in values:
        found = _value_directives(value, offsets, file_lines) if "handbook-" in value else []
        if found:
            last_line = file_lines.position(offsets[max(len(value) - 1, 0)])[0]
            directives += [*found, Directive(last_line + 1, "enable", ())]
    return Suppressions(tuple(sorted(directives, key=lambda directive: directive.line)))


def _value_directives(value: str, offsets: Sequence[int], file_lines: LineIndex) -> list[Directive]:
    """The comments in one string of a YAML file, placed in the file. In a folded
    string (`>`) or a quoted one, one Markdown line is written over several lines of the
    file: a disable-line comment covers all of them, and a disable-next-line comment
    the file's next line up to the end of the next Markdown line, as far as the string
    goes (an editor may mean either)."""
    value_lines = LineIndex.of(value)
    lengths = [len(line) for line in value.split("\n")]
    string_end = file_lines.position(offsets[max(len(value) - 1, 0)])[0]

    def place(number: int, column: int) -> tuple[int, int]:
        return file_lines.position(offsets[value_lines.offset(number, column)])

    def last_file_line(number: int) -> int:
        return place(number, max(lengths[number - 1], 1))[0]

    directives: list[Directive] = []
    for number, line in lines_outside_code(value):
        for action, rules, columns, start in _comments(line):
            covers: tuple[int, int] | None = None
            if action == "disable-line":
                covers = place(number, 1)[0], last_file_line(number)
            elif action == "disable-next-line":
                first = place(number, start)[0] + 1
                last = last_file_line(number + 1) if number < len(lengths) else first
                # Within the string: a folded one (`>`) ends with a line break, whose
                # "next line" would be the file's next field.
                last = min(max(first, last), string_end)
                covers = (first, last) if first <= string_end else None
            places = tuple(place(number, column) for column in columns)
            directives.append(Directive(place(number, 1)[0], action, rules, places, covers))
    return directives


def shared_suppressions(context: CheckContext) -> dict[str, Suppressions]:
    """`handbook_suppressions` of the context's handbook, read once per run: the rule that
    reports unknown names and the runner that applies the comments share them."""
    return context.shared("suppressions", lambda: handbook_suppressions(context.handbook))


def handbook_suppressions(handbook: Handbook) -> dict[str, Suppressions]:
    """The suppression comments of every page, and of the Markdown strings of terms and
    protocols (with problems or not), by path."""
    found = {
        page.path: parse_suppressions(page.origin.text, page.origin.body_line)
        for page in handbook.pages
    }
    rejected = (record for record in handbook.rejected_records if record.kind != "module")
    for record in (*handbook.terms.values(), *handbook.protocols.values(), *rejected):
        origin = record.origin
        if "handbook-" in origin.text:  # most files have none: their strings are not read
            found[origin.path] = parse_value_suppressions(origin.text, yaml_values(record))
    return found


def _comments(line: str) -> Iterator[tuple[str, tuple[str, ...], tuple[int, ...], int]]:
    """(action, rules, 1-based column of each rule, 1-based column of the comment) of
    each suppression comment on `line`; a comment shown in inline code does not count."""
    if "handbook-" not in line:
        return
    visible = INLINE_CODE.sub(lambda code: " " * len(code.group(0)), line)
    for comment in COMMENT.finditer(visible):
        names = list(_RULE_NAME.finditer(comment.group(2)))
        yield (
            comment.group(1),
            tuple(name.group() for name in names),
            tuple(comment.start(2) + name.start() + 1 for name in names),
            comment.start() + 1,
        )
