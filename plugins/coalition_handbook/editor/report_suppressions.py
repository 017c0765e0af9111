"""The suppression comments a change adds, for the report of `handbook diff`.

A `<!-- handbook-disable -->` that names no rule switches every check off (DESIGN
section 5), `privacy.pii` and `link.unsafe` too, and `handbook check` then says nothing
of what follows it: the report names each comment a change adds, so that a reviewer
sees what it silences (security audit). Taking out a `<!-- handbook-enable -->`, or
narrowing it to fewer rules, switches off as much: what it switched on again stays off
to the end of the page (audit); the report names that too (`taken_out_enables`), after
what a change to the plugin's settings in mkdocs.yml switches off (`check_settings`). It
is information, and fails no diff.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..model.types import Handbook, Page, Protocol, RejectedRecord, Term, TextFile
from ..rules.base import RULES
from ..suppression import ACTIONS, Directive, Suppressions, handbook_suppressions
from .bounded_matcher import BoundedSequenceMatcher
from .changes_layout import file_lines
from .check_settings import SettingsChange, settings_lines
from .report_markdown import inline_code

# The comments that switch checks off; `handbook-enable` switches them on again.
_SWITCHING_OFF = tuple(action for action in ACTIONS if action != "enable")


# What a comment says: its action and the rules it names.
Said = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class HandbookComments:
    """The suppression comments of one side of a diff (`handbook_suppressions`) and the
    texts they are read in, by path: read once for both `added_suppressions` and
    `taken_out_enables` (every page, term and protocol is parsed)."""

    suppressions: Mapping[str, Suppressions]
    texts: Mapping[str, str]

    @classmethod
    def of(cls, handbook: Handbook, *, definition_lists: bool = True) -> HandbookComments:
        """`handbook`'s comments, its Markdown read with def_list or without
        (`definition_lists`: whether the site runs def_list, `HandbookConfig`)."""
        suppressions = handbook_suppressions(handbook, definition_lists=definition_lists)
        return cls(suppressions, _file_texts(handbook))


def switched_off_by_change(
    before: Handbook,
    after: Handbook,
    renamed: Mapping[str, str] = MappingProxyType({}),
    *,
    definition_lists: bool = True,
) -> list[SwitchedOff]:
    """The comments that switch checks off which `after` adds to `before`, and the
    `handbook-enable` comments it takes out or narrows (`renamed`: a file's path in
    `after` -> in `before`); Markdown read with def_list or without (`definition_lists`),
    as the check does: a comment in a definition's indented code switches nothing off."""
    old = HandbookComments.of(before, definition_lists=definition_lists)
    new = HandbookComments.of(after, definition_lists=definition_lists)
    return [*added_suppressions(old, new, renamed), *taken_out_enables(old, new, renamed)]


@dataclass(frozen=True)
class AddedSuppression:
    """One suppression comment that the head has and the base had not."""

    path: str
    line: int
    action: str  # "disable", "disable-next-line" or "disable-line"
    rules: tuple[str, ...]  # as written; empty: every rule


def added_suppressions(
    before: HandbookComments,
    after: HandbookComments,
    renamed: Mapping[str, str] = MappingProxyType({}),
) -> list[AddedSuppression]:
    """The comments that switch checks off in `after` and not in `before`, by file and
    line. A file renamed (`renamed`: its path in `after` -> in `before`) is compared
    with the file it was: the comments it carries over are not added. A file's comments
    are told apart by what they say and the lines they stand on and switch off
    (`_context`), not by their line number: text added above a comment moves it, and
    adds none. Of several alike, those beyond the number the base had are the added
    ones: those whose lines are least like those of the base's comments (a second
    comment like one the page had, added above it, was named at the line of the base's
    one), the last of them where that does not tell."""
    added: list[AddedSuppression] = []
    for path, suppressions in sorted(after.suppressions.items()):
        was = renamed.get(path, path)
        had = _switching_off(before.suppressions.get(was))
        now = _switching_off(suppressions)
        extra = Counter(map(_said, now)) - Counter(map(_said, had))
        if not extra:
            continue
        old_lines, new_lines = (
            file_lines(before.texts.get(was, "")),
            file_lines(after.texts.get(path, "")),
        )
        had_saying, now_saying = _by_said(had), _by_said(now)
        for said in extra:
            saying = now_saying[said]
            old_contexts = [_context(old_lines, directive) for directive in had_saying[said]]
            # By identity: a list's `in` compared every comment with every kept one, a
            # page of thousands of alike comments took a minute (review 2, finding 3).
            kept = {id(directive) for directive in _kept(old_contexts, saying, new_lines)}
            added += [
                AddedSuppression(path, directive.line, *said)
                for directive in saying
                if id(directive) not in kept
            ]
    return sorted(added, key=lambda comment: (comment.path, comment.line))


@dataclass(frozen=True)
class TakenOutEnable:
    """A `handbook-enable` of the base that the head has not, or names fewer rules in:
    `rules`, which it switched on again, stay switched off from `line` of the head on."""

    path: str
    line: int
    rules: tuple[str, ...]  # rule ids, every one of `RULES` for all rules


def taken_out_enables(
    before: HandbookComments,
    after: HandbookComments,
    renamed: Mapping[str, str] = MappingProxyType({}),
) -> list[TakenOutEnable]:
    """The `handbook-enable` comments of `before` that switched rules on again, where
    those rules are still off in `after`, at the place the comment was (its line mapped
    through the lines the change kept; in lines the change rewrote, over all of what
    replaced them and the line after): the comment was taken out, narrowed, or moved
    down. A file renamed (`renamed`: its path in `after` -> in `before`) is compared with
    the file it was."""
    taken_out: list[TakenOutEnable] = []
    for path, suppressions in sorted(after.suppressions.items()):
        was = renamed.get(path, path)
        had = before.suppressions.get(was)
        old_text, new_text = before.texts.get(was), after.texts.get(path)
        # A file as it was keeps every comment it had: most files of most changes.
        if had is None or old_text == new_text:
            continue
        ended = had.enables_ending(sorted(RULES))
        if not ended:
            continue
        lines_now = _line_mapping(file_lines(old_text or ""), file_lines(new_text or ""))
        for directive, rules in ended:
            first, last = lines_now(directive.line)
            # An enable in lines the change rewrote may stand anywhere in what replaced
            # them (text above it edited, it widened): only rules off over all of them,
            # and the line after, stay off.
            still_off = tuple(
                rule for rule in rules if suppressions.switched_off_throughout(rule, first, last)
            )
            if still_off:
                taken_out.append(TakenOutEnable(path, first, still_off))
    return taken_out


def _line_mapping(
    old_lines: Sequence[str], new_lines: Sequence[str]
) -> Callable[[int], tuple[int, int]]:
    """The lines of `new_lines` where a line of `old_lines` is, or where it was, first
    and last: a line the change kept is at its one line; one the change replaced or
    removed is at what stands in its place and the line after that (difflib does not
    tell which of a rewritten block's lines was which)."""
    blocks = _line_blocks(old_lines, new_lines)
    # The blocks that hold old lines, by their first (a block found by halving, not
    # walked to for each enable: a page of thousands of them and of edits).
    holding = [block for block in blocks if block[1] < block[2]]
    firsts = [old_start for _, old_start, *_ in holding]

    def lines_now(line: int) -> tuple[int, int]:
        index = line - 1
        found = bisect.bisect_right(firsts, index) - 1
        if found >= 0 and index < holding[found][2]:
            tag, old_start, _, new_start, new_end = holding[found]
            if tag == "equal":
                kept = new_start + index - old_start + 1
                return kept, kept
            return new_start + 1, new_end + 1
        end = len(new_lines) + 1  # after the file's end (a YAML string's last line)
        return end, end

    return lines_now


Opcode = tuple[str, int, int, int, int]


def _line_blocks(old_lines: Sequence[str], new_lines: Sequence[str]) -> list[Opcode]:
    """difflib's opcodes of the two files' lines, the lines they begin and end with
    alike left out of the matching: difflib takes time in the square of a line written
    many times (a page of a thousand alike comments took a second), and most changes
    edit a few lines of a page."""
    most = min(len(old_lines), len(new_lines))
    head = next((i for i in range(most) if old_lines[i] != new_lines[i]), most)
    most -= head
    tail = next((i for i in range(most) if old_lines[-1 - i] != new_lines[-1 - i]), most)
    old_middle = old_lines[head : len(old_lines) - tail]
    new_middle = new_lines[head : len(new_lines) - tail]
    matcher = BoundedSequenceMatcher(old_middle, new_middle)
    blocks: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    blocks += [
        (tag, head + old_start, head + old_end, head + new_start, head + new_end)
        for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes()
    ]
    if tail:
        old_end, new_end = len(old_lines), len(new_lines)
        blocks.append(("equal", old_end - tail, old_end, new_end - tail, new_end))
    return blocks


def _file_texts(handbook: Handbook) -> dict[str, str]:
    """The text of each file that `handbook_suppressions` reads comments in, by path."""
    records: tuple[Page | TextFile | Term | Protocol | RejectedRecord, ...] = (
        *handbook.checked_pages,
        *handbook.text_files,
        *handbook.terms.values(),
        *handbook.protocols.values(),
        # A module's text is its page's (one that is no UTF-8 has an empty page, which
        # holds no comment: `handbook_suppressions` reads it so).
        *(record for record in handbook.rejected_records if record.kind != "module"),
    )
    return {record.origin.path: record.origin.text for record in records}


# The lines of a comment's context, at the most (a folded YAML string's may be many).
_CONTEXT_LINES = 4
# Pairs of comments compared by how alike their contexts are, at the most: beyond, those
# left are paired in order (a page of hundreds of like comments, all of their lines edited).
_MOST_COMPARED = 2_500


def _context(lines: Sequence[str], directive: Directive) -> str:
    """The lines a comment stands on and switches off: a disable-next-line comment's
    and the next; a disable-line comment's own; a disable comment's and the line after
    it (where its block starts)."""
    last = directive.covers[1] if directive.covers else directive.line + 1
    last = min(last, directive.line + _CONTEXT_LINES - 1)
    return "\n".join(lines[directive.line - 1 : last])


def _kept(
    old_contexts: Sequence[str], now: Sequence[Directive], new_lines: Sequence[str]
) -> list[Directive]:
    """Which comments of `now` (that say the same) are the base's (`old_contexts`, one
    each): first those whose lines are as they were, then the most alike of the others."""
    # Counted, not a list searched and shortened for each comment (in the square of them).
    unmatched = Counter(old_contexts)
    kept: list[Directive] = []
    others: list[tuple[str, Directive]] = []
    for directive in now:
        context = _context(new_lines, directive)
        if unmatched[context]:
            unmatched[context] -= 1
            kept.append(directive)
        else:
            others.append((context, directive))
    # Those left in the base's order: of alike ones, the first were kept.
    taken = Counter(old_contexts) - unmatched
    old_left: list[str] = []
    for context in old_contexts:
        if taken[context]:
            taken[context] -= 1
        else:
            old_left.append(context)
    return kept + _most_alike(old_left, others)


def _most_alike(
    old_contexts: Sequence[str], new: Sequence[tuple[str, Directive]]
) -> list[Directive]:
    """Of the comments `new` (each with its context), one for each of `old_contexts`:
    the pair most alike first, then the next most alike of those left; of pairs as alike,
    the first comment. Where that is more pairs than `_MOST_COMPARED`, the first ones."""
    if len(old_contexts) * len(new) > _MOST_COMPARED:
        return [directive for _, directive in new[: len(old_contexts)]]
    pairs = sorted(
        (-_alike(old_context, new_context), new_index, old_index)
        for old_index, old_context in enumerate(old_contexts)
        for new_index, (new_context, _) in enumerate(new)
    )
    paired_old: set[int] = set()
    paired_new: set[int] = set()
    for _, new_index, old_index in pairs:
        if new_index not in paired_new and old_index not in paired_old:
            paired_new.add(new_index)
            paired_old.add(old_index)
    return [new[index][1] for index in sorted(paired_new)]


def _alike(old_context: str, new_context: str) -> float:
    return BoundedSequenceMatcher(old_context, new_context).ratio()


def _switching_off(suppressions: Suppressions | None) -> list[Directive]:
    if suppressions is None:
        return []
    return [
        directive for directive in suppressions.directives if directive.action in _SWITCHING_OFF
    ]


def _by_said(directives: Sequence[Directive]) -> defaultdict[Said, list[Directive]]:
    """The comments by what they say, each in its order."""
    saying: defaultdict[Said, list[Directive]] = defaultdict(list)
    for directive in directives:
        saying[_said(directive)].append(directive)
    return saying


def _said(directive: Directive) -> Said:
    """What a comment says: its action and the rules it names, in any case."""
    return directive.action, tuple(rule.lower() for rule in directive.rules)


SwitchedOff = AddedSuppression | TakenOutEnable


def suppressions_section(
    switched_off: Sequence[SwitchedOff], settings: SettingsChange | None = None
) -> list[str]:
    """The report's lines for what the change to the plugin's settings switches off
    (`check_settings`), the comments added, and the `handbook-enable` comments taken
    out: none if there are none."""
    settings_shown = settings_lines(settings) if settings else []
    if not switched_off and not settings_shown:
        return []
    lines = ["### Checks switched off", "", *settings_shown]
    if not switched_off:
        return lines
    lines += [
        "This change adds these suppression comments, or takes out a `handbook-enable` that "
        "switched checks on again: `handbook check` reports nothing that they switch off. "
        "One that names no rule switches off every rule, `privacy.pii` and `link.unsafe` "
        "among them.",
        "",
    ]
    for comment in sorted(switched_off, key=lambda comment: (comment.path, comment.line)):
        where = inline_code(f"{comment.path}:{comment.line}")
        if isinstance(comment, TakenOutEnable):
            every_rule = len(comment.rules) == len(RULES)
            named = "**all rules**" if every_rule else ", ".join(map(inline_code, comment.rules))
            verb = "stays" if len(comment.rules) == 1 else "stay"
            lines.append(
                f"- {where}: `handbook-enable` taken out or narrowed: {named} {verb} switched "
                "off from here on"
            )
            continue
        named = ", ".join(map(inline_code, comment.rules)) if comment.rules else "**all rules**"
        lines.append(f"- {where}: `handbook-{comment.action}`, {named}")
    return [*lines, ""]
