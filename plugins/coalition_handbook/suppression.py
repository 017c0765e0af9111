"""Suppression comments in Markdown pages, in markdownlint's shape (DESIGN section 5),
and in the HTML, XML and SVG files of docs_dir that are no pages.

    <!-- handbook-disable RULE... -->            from this line on, until enabled again
    <!-- handbook-enable RULE... -->             from this line on
    <!-- handbook-disable-next-line RULE... -->  only the next line
    <!-- handbook-disable-line RULE... -->       only this line (as markdownlint has it)

No rule named means every rule. A rule is named by its id (`term.avoid`) or by its family
(`term`, `term.*`). Comments and names are read in any case (`<!-- Handbook-Disable
Term.Avoid -->`), as markdownlint reads its own, and a comment may go on over the next
lines (`<!-- handbook-disable-next-line` and `term.avoid -->` below it; its keyword too,
below a bare `<!--`; in a quote, each line's `>` is the quote's), as markdownlint's
may: it is at the line it opens on, and the line after it is the one
after the line it closes on. Comments inside fenced or indented code do not count: they
are shown to readers, not obeyed.

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
from itertools import accumulate
from typing import TYPE_CHECKING

from .documents import ScalarOffsets, yaml_values
from .lazy_pattern import LazyPattern
from .markdown import LONE_CARRIAGE_RETURN, LineIndex, lines_outside_code
from .markdown.syntax import QUOTE_MARKS
from .model.term_facts import term_facts
from .model.types import Handbook, Protocol, RejectedRecord, Term

if TYPE_CHECKING:
    from .rules.base import CheckContext

# A comment's opening, up to its action. The rest is read by `_suppression_comments`, not
# by the regular expression `<!--\s*handbook-ACTION\b([^>]*?)\s*-->`, which read to the
# end of the line again from each unclosed opening and each space: quadratic work.
# Any `handbook-` keyword is read, a misspelt one too (`handbook-disabled`,
# `handbook-disable_next_line`), which is obeyed as none (`ACTIONS`) and reported where
# it is near one (`rules.suppression_unknown_rule`).
_OPENING = LazyPattern(r"<!--\s*(handbook-([a-z0-9_]+(?:-[a-z0-9_]+)*))\b", re.IGNORECASE)
ACTIONS = ("disable", "enable", "disable-next-line", "disable-line")
_RULE_NAME = LazyPattern(r"[^\s,]+")
_BACKTICKS = LazyPattern(r"`+")

ALL_RULES = "*"


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment, at its line in the file."""

    line: int
    # "disable" | "enable" | "disable-next-line" | "disable-line" (`ACTIONS`), or a
    # misspelt keyword, which does nothing; its `rules` then hold it, as written, first.
    action: str
    rules: tuple[str, ...]  # empty: every rule
    places: tuple[tuple[int, int], ...] = ()  # (line, column) in the file of each rule
    # The file's lines a disable-line or disable-next-line comment switches off, first
    # and last: one Markdown line of a YAML string may span several (a folded string).
    covers: tuple[int, int] | None = None
    # An enable no one wrote: the end of a YAML string, where what its comments switched
    # off is switched on again (`parse_value_suppressions`).
    implied: bool = False


@dataclass
class Suppressions:
    """The suppression comments of one file; ask `suppresses(rule, line)`."""

    directives: tuple[Directive, ...] = ()
    # By rule: the lines where it is switched off or on, whether off from each, and how
    # many of those ranges before each are on (`switched_off_throughout`).
    _ranges: dict[str, tuple[list[int], list[bool], list[int]]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.directives)

    def suppresses(self, rule: str, line: int) -> bool:
        """True when findings of `rule` on 1-based `line` are switched off by a comment."""
        if not self.directives:
            return False
        if self.switched_off(rule, line):
            return True
        return any(
            directive.covers is not None
            and directive.covers[0] <= line <= directive.covers[1]
            and _names(directive.rules, rule)
            for directive in self.directives
        )

    def switched_off(self, rule: str, line: int) -> bool:
        """True when a `handbook-disable` switches `rule` off on `line` and no
        `handbook-enable` on it again (comments for one line aside)."""
        if not self.directives:
            return False
        starts, disabled, _ = self._state_changes(rule)
        index = bisect.bisect_right(starts, line) - 1
        return index >= 0 and disabled[index]

    def switched_off_throughout(self, rule: str, first: int, last: int) -> bool:
        """True when `rule` is switched off (`switched_off`) on every line from `first`
        to `last`: no `handbook-enable` between them switches it on again."""
        if not self.switched_off(rule, first):
            return False
        starts, _, on_before = self._state_changes(rule)
        after_first = bisect.bisect_right(starts, first)
        return on_before[bisect.bisect_right(starts, last)] == on_before[after_first]

    def enables_ending(self, rules: Iterable[str]) -> list[tuple[Directive, list[str]]]:
        """Each `handbook-enable` of this file (implied ones aside) that switches some of
        `rules` on again, a `handbook-disable` before it having switched them off, with
        those rules, in `rules`' order; in the file's order. One walk over the comments
        per rule, as `_switches` reads them (not one per enable: a page of
        thousands of them took minutes)."""
        ended: dict[int, list[str]] = {}
        for rule in rules:
            off = False
            for index, directive in self._switching(rule):
                if directive.action == "enable" and off and not directive.implied:
                    ended.setdefault(index, []).append(rule)
                off = directive.action == "disable"
        return [(self.directives[index], ended[index]) for index in sorted(ended)]

    def _switching(self, rule: str) -> Iterator[tuple[int, Directive]]:
        """(index, directive) of each `handbook-disable` and `handbook-enable` that names
        `rule` (or every rule), in the file's order."""
        for index, directive in enumerate(self.directives):
            if directive.action in ("disable", "enable") and _names(directive.rules, rule):
                yield index, directive

    def _state_changes(self, rule: str) -> tuple[list[int], list[bool], list[int]]:
        ranges = self._ranges.get(rule)
        if ranges is None:
            starts, disabled = self._switches(rule)
            on_before = list(accumulate((0 if off else 1 for off in disabled), initial=0))
            ranges = self._ranges[rule] = starts, disabled, on_before
        return ranges

    def _switches(self, rule: str) -> tuple[list[int], list[bool]]:
        starts: list[int] = []
        disabled: list[bool] = []
        for _, directive in self._switching(rule):
            state = directive.action == "disable"
            if starts and starts[-1] == directive.line:
                disabled[-1] = state
            else:
                starts.append(directive.line)
                disabled.append(state)
        return starts, disabled


def may_hold_comments(text: str) -> bool:
    """Whether `text` may hold a suppression comment, written in any case, as markdownlint
    reads its own (`<!-- Handbook-Disable -->`): told at C speed (lowering a page costs
    less than searching it twice)."""
    return "handbook-" in text.lower()


def _names(rules: tuple[str, ...], rule: str) -> bool:
    if not rules:
        return True
    family = rule.partition(".")[0]
    return any(name.lower() in (rule, family, f"{family}.*", ALL_RULES) for name in rules)


def parse_suppressions(
    text: str, body_line: int = 1, *, definition_lists: bool = True
) -> Suppressions:
    """Find the suppression comments of a page's text, from `body_line` (after front
    matter) on; line numbers are the file's. Linear in the size of the text. A comment in
    code is shown, no comment: code read with def_list or without (`definition_lists`)."""
    if not may_hold_comments(text):
        return Suppressions()
    return _suppressions(lines_outside_code(text, body_line, definition_lists=definition_lists))


def parse_markup_suppressions(text: str) -> Suppressions:
    """Find the suppression comments of an HTML, XML or SVG file (`model.files`), as
    `parse_suppressions` finds a page's: there, an indented line is no code."""
    if not may_hold_comments(text):
        return Suppressions()
    # A lone carriage return ends a line, as findings count lines.
    return _suppressions(enumerate(LONE_CARRIAGE_RETURN.sub("\n", text).split("\n"), 1))


def _suppressions(lines: Iterable[tuple[int, str]]) -> Suppressions:
    """The suppression comments among (number, line) `lines`."""
    directives = [
        Directive(
            comment.start[0],
            comment.action,
            comment.rules,
            comment.places,
            _lines_covered(comment.action, comment.start[0], comment.end[0]),
        )
        for joined in _comment_lines(lines)
        for comment in _comments(joined)
    ]
    return Suppressions(tuple(directives))


def _lines_covered(action: str, first: int, last: int) -> tuple[int, int] | None:
    """The `covers` of a page's comment on lines `first` to `last`: those lines, or the
    line after them."""
    if action == "disable-line":
        return first, last
    if action == "disable-next-line":
        return last + 1, last + 1
    return None


def parse_value_suppressions(
    source: str,
    values: Iterable[tuple[str, Sequence[int] | ScalarOffsets]],
    *,
    definition_lists: bool = True,
) -> Suppressions:
    """Find the suppression comments in the Markdown strings of a YAML file, `source`;
    `values` gives each string with the offset in `source` of each of its code points
    (and one past its end). A comment governs its own string only: what it disables is
    enabled again after the string's last line, so that a comment in one step of a
    protocol cannot switch the checks off in the next one, or in the file's other fields.
    `definition_lists`: whether the site runs def_list (`parse_suppressions`)."""
    if not may_hold_comments(source):
        return Suppressions()
    file_lines = LineIndex.of(source)
    directives: list[Directive] = []
    for value, offsets in values:
        found = (
            _value_directives(value, offsets, file_lines, definition_lists)
            if may_hold_comments(value)
            else []
        )
        if found:
            last_line = file_lines.position(offsets[max(len(value) - 1, 0)])[0]
            directives += [*found, Directive(last_line + 1, "enable", (), implied=True)]
    return Suppressions(tuple(sorted(directives, key=lambda directive: directive.line)))


def _value_directives(
    value: str,
    offsets: Sequence[int] | ScalarOffsets,
    file_lines: LineIndex,
    definition_lists: bool = True,
) -> list[Directive]:
    """The comments in one string of a YAML file, placed in the file. In a folded
    string (`>`) or a quoted one, one Markdown line is written over several lines of the
    file: a disable-line comment covers all of them, and a disable-next-line comment
    the file's next line up to the end of the next Markdown line, as far as the string
    goes (an editor may mean either)."""
    # The value's lines as `lines_outside_code` reads them: ended by line feeds alone (a
    # carriage return from an escape, "\r", stays inside its line).
    value_lines = LineIndex.of(value.replace("\r", " "))
    lengths = [len(line) for line in value.split("\n")]
    string_end = file_lines.position(offsets[max(len(value) - 1, 0)])[0]

    def place(number: int, column: int) -> tuple[int, int]:
        return file_lines.position(offsets[value_lines.offset(number, column)])

    def last_file_line(number: int) -> int:
        return place(number, max(lengths[number - 1], 1))[0]

    directives: list[Directive] = []
    outside_code = lines_outside_code(value, definition_lists=definition_lists)
    for lines in _comment_lines(outside_code):
        for comment in _comments(lines):
            (number, _), (end_number, end_column) = comment.start, comment.end
            covers: tuple[int, int] | None = None
            if comment.action == "disable-line":
                covers = place(number, 1)[0], last_file_line(end_number)
            elif comment.action == "disable-next-line":
                first = place(end_number, end_column)[0] + 1
                last = last_file_line(end_number + 1) if end_number < len(lengths) else first
                # Within the string: a folded one (`>`) ends with a line break, whose
                # "next line" would be the file's next field.
                last = min(max(first, last), string_end)
                covers = (first, last) if first <= string_end else None
            places = tuple(place(line, column) for line, column in comment.places)
            directives.append(
                Directive(place(number, 1)[0], comment.action, comment.rules, places, covers)
            )
    return directives


def shared_suppressions(context: CheckContext) -> dict[str, Suppressions]:
    """`handbook_suppressions` of the context's handbook, read once per run: the rule that
    reports unknown names and the runner that applies the comments share them."""
    return context.shared(
        "suppressions",
        lambda: handbook_suppressions(
            context.handbook, definition_lists=context.config.definition_lists
        ),
    )


def handbook_suppressions(
    handbook: Handbook, *, definition_lists: bool = True
) -> dict[str, Suppressions]:
    """The suppression comments of every page, of the Markdown strings of terms and
    protocols (with problems or not), and of the HTML, XML and SVG files that are no
    pages, by path; Markdown read with def_list or without (`definition_lists`)."""
    found = {
        page.path: parse_suppressions(
            page.origin.text, page.origin.body_line, definition_lists=definition_lists
        )
        for page in handbook.checked_pages
    }
    for text_file in handbook.text_files:
        if text_file.markup:
            found[text_file.path] = parse_markup_suppressions(text_file.origin.text)
    rejected = (record for record in handbook.rejected_records if record.kind != "module")
    # A term is looked at (loaded) only if its file may hold a comment (its facts say).
    terms = (
        handbook.terms[term_id]
        for term_id, facts in term_facts(handbook.terms).items()
        if facts.may_hold_comments
    )
    records: tuple[Term | Protocol | RejectedRecord, ...] = (
        *terms,
        *handbook.protocols.values(),
        *rejected,
    )
    for record in records:
        origin = record.origin
        if may_hold_comments(origin.text):  # most files have none: their strings are not read
            found[origin.path] = parse_value_suppressions(
                origin.text, yaml_values(record), definition_lists=definition_lists
            )
    return found


@dataclass(frozen=True, slots=True)
class _Lines:
    """Lines of a text read as one, joined by their line feeds: `first` is the number of
    the first, `lines` where each begins in `text`."""

    first: int
    text: str
    lines: LineIndex

    def place(self, offset: int) -> tuple[int, int]:
        """(line, 1-based column) of `offset` into `text`."""
        line, column = self.lines.position(offset)
        return self.first + line - 1, column


_ONE_LINE = LineIndex((0,))


def _comment_lines(lines: Iterable[tuple[int, str]]) -> Iterator[_Lines]:
    """Each of the numbered `lines`, but that a line on which a suppression comment opens
    and does not close is read with the lines after it, up to the one that closes it, as
    CommonMark reads an HTML comment: within its paragraph (a blank line ends it), or, on
    a line that starts with it, blank lines and all; never into code. Each line is read
    once, however long the comment."""
    joined: list[str] = []
    first = last = 0
    for number, line in lines:
        # A blank line ends a comment in a paragraph, not one that starts its line.
        goes_on = bool(line.strip()) or (bool(joined) and joined[0].lstrip().startswith("<!--"))
        if joined and number == last + 1 and goes_on:
            # A quote's `>` marks at the start of the comment's next line: the quote's,
            # not the `>` that closes the comment (blanked, one space for one).
            line = QUOTE_MARKS.sub(_marks_blanked, line)
            joined.append(line)
            last = number
            if ">" in line and not _left_open(line):
                yield _joined(first, joined)
                joined = []
            continue
        if joined:
            yield _joined(first, joined)
            joined = []
        if (may_hold_comments(line) and _left_open(line)) or _ends_opening(line):
            joined, first, last = [line], number, number
        else:
            yield _Lines(number, line, _ONE_LINE)
    if joined:
        yield _joined(first, joined)


def _ends_opening(line: str) -> bool:
    """Whether `line` ends in a bare `<!--`: its keyword may be on the next line, as a
    formatter such as Prettier lays a long comment out."""
    return line.rstrip().endswith("<!--")


def _marks_blanked(found: re.Match[str]) -> str:
    return found.group().replace(">", " ")


def _left_open(line: str) -> bool:
    """Whether a `handbook-` comment opens on `line` after its last `>`: none closes it."""
    return _OPENING.search(line, line.rfind(">") + 1) is not None


def _joined(first: int, lines: list[str]) -> _Lines:
    starts = tuple(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    return _Lines(first, "\n".join(lines), LineIndex(starts))


@dataclass(frozen=True, slots=True)
class _Comment:
    """One suppression comment as written: `places` holds the (line, column) of each of
    its `rules`; `start` is where it opens, `end` where it closes (its `>`)."""

    action: str
    rules: tuple[str, ...]
    places: tuple[tuple[int, int], ...]
    start: tuple[int, int]
    end: tuple[int, int]


def _comments(lines: _Lines) -> Iterator[_Comment]:
    """Each suppression comment in `lines`; a comment shown in inline code does not
    count."""
    if not may_hold_comments(lines.text):
        return
    visible = _without_inline_code(lines.text)
    for start, keyword_start, action, rules_start, rules in _suppression_comments(visible):
        names = list(_RULE_NAME.finditer(rules))
        named = tuple(name.group() for name in names)
        offsets = tuple(rules_start + name.start() for name in names)
        if action not in ACTIONS:
            # The keyword as written first, then what it names (for telling a wrong
            # keyword from an author's own note); it ends where the rule list starts.
            named = (visible[keyword_start:rules_start], *named)
            offsets = (keyword_start, *offsets)
        end = visible.index(">", rules_start)  # the first after the action closes it
        yield _Comment(
            action,
            named,
            tuple(map(lines.place, offsets)),
            lines.place(start),
            lines.place(end),
        )


def _suppression_comments(line: str) -> Iterator[tuple[int, int, str, int, str]]:
    """(start, start of its `handbook-` keyword, action, start of the rule list, rule
    list) of each comment on `line`, the matches of
    `<!--\\s*handbook-ACTION\\b([^>]*?)\\s*-->`, in one pass: a comment ends
    at the first `>` after its action, which closes it only as `-->`. That `>` is looked
    for once for all the openings before it, not again from each."""
    position = 0
    close = -1  # the first ">" after the last action read; len(line) when there is none
    while opening := _OPENING.search(line, position):
        rules_start = opening.end()
        if close < rules_start:
            found = line.find(">", rules_start)
            close = found if found >= 0 else len(line)
        if close < len(line) and close - 2 >= rules_start and line[close - 2 : close] == "--":
            rules = line[rules_start : close - 2].rstrip()  # as `\s*` leaves it
            yield opening.start(), opening.start(1), opening.group(2).lower(), rules_start, rules
            position = close + 1
        else:  # not closed: the next opening may start inside this one
            position = opening.start() + 1


def _without_inline_code(line: str) -> str:
    """`line` with its inline code blanked out. Code spans are read as the regular
    expression ``(`+)(?:(?!\\1).)+?\\1`` reads them, in one pass over the runs of backticks,
    which that expression read to the end of the line again from each backtick it tried:
    a line of thousands took cubic time.

    An opening takes as many backticks as the expression's greedy `+` keeps: more than
    half of what is left of its run (else the rest of the run would close it at once, which
    `(?!\\1)` forbids), and no more than the longest run after it holds. The span closes
    at the first later run holding that many, just after them."""
    runs = [(run.start(), run.end()) for run in _BACKTICKS.finditer(line)]
    if len(runs) < 2:
        return line
    longest_after = [0] * len(runs)
    for index in range(len(runs) - 2, -1, -1):
        after = runs[index + 1]
        longest_after[index] = max(longest_after[index + 1], after[1] - after[0])
    pieces: list[str] = []
    copied = 0  # how much of `line` is in `pieces`
    position = 0  # where the expression would try next
    index = 0
    while index < len(runs):
        run_start, run_end = runs[index]
        longest = longest_after[index]
        # The expression tries the run's backticks one by one, while too many are left.
        position = max(position, run_start, run_end - 2 * longest + 1)
        if position >= run_end:
            index += 1
            continue
        ticks = min(run_end - position, longest)
        index += 1
        while runs[index][1] - runs[index][0] < ticks:
            index += 1
        end = runs[index][0] + ticks
        pieces += [line[copied:position], " " * (end - position)]
        copied = position = end
    return "".join(pieces) + line[copied:]
