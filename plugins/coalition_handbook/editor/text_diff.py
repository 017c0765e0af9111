"""Diffs of a field's text as the report shows them: a word diff, block by block, of
short prose; a unified line diff of long Markdown; a diff of a protocol's numbered steps.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import Literal

from .bounded_matcher import BoundedSequenceMatcher
from .changes_layout import paragraph_blocks
from .report_markdown import escape


def text_diff(old: str, new: str) -> list[str]:
    """What changed in a Markdown text, block by block (a paragraph or a list item): each
    changed block as a word diff against the text it replaces (`_ChangedBlocks`), new
    blocks in bold, removed ones struck through, and `…` where unchanged blocks are left
    out."""
    old_blocks, new_blocks = _blocks(old), _blocks(new)
    opcodes = BoundedSequenceMatcher(old_blocks, new_blocks).get_opcodes()
    shown: list[str] = []
    for operation, a_start, a_end, b_start, b_end in opcodes:
        if operation == "equal":
            if shown and shown[-1] != "…":
                shown.append("…")
            continue
        shown += _ChangedBlocks(old_blocks[a_start:a_end], new_blocks[b_start:b_end]).shown()
    if shown and opcodes[0][0] == "equal":
        shown.insert(0, "…")
    return shown


def _blocks(text: str) -> list[str]:
    """The blocks of a Markdown text, in order, each with its words joined by single
    spaces: its paragraphs, and in them each list item, heading or quote."""
    return [block for paragraph in paragraph_blocks(text) for block in paragraph if block]


def word_diff(old: str, new: str) -> str:
    """`new` with the words removed since `old` as ~~struck~~ and the added ones **bold**."""
    old_words, new_words = old.split(), new.split()
    runs: list[Run] = []
    matcher = BoundedSequenceMatcher(old_words, new_words)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            runs.append(("equal", new_words[b_start:b_end]))
            continue
        runs += [("removed", old_words[a_start:a_end]), ("added", new_words[b_start:b_end])]
    return _shown_runs(runs)


# Words of a word diff that are alike, in a row: kept, removed or added.
RunKind = Literal["equal", "removed", "added"]
Run = tuple[RunKind, list[str]]
_RUN_MARKS: dict[RunKind, str] = {"equal": "", "removed": "~~", "added": "**"}


def _shown_runs(runs: Sequence[Run]) -> str:
    """Runs of words as the report shows them: removed ones ~~struck~~, added ones **bold**."""
    return " ".join(
        _RUN_MARKS[kind] + " ".join(escape(word) for word in words) + _RUN_MARKS[kind]
        for kind, words in runs
        if words
    )


# What a changed stretch of blocks shows under them when only its paragraph breaks moved.
BREAKS_MOVED = "*(paragraphs split or joined here; no word changed)*"


class _ChangedBlocks:
    """How the blocks `removed` became the blocks `added`, each new block shown as a word
    diff. The words are aligned across all the blocks, not block by block: a paragraph
    split in two (or two joined) with one sentence edited shows that edit alone, not an
    unchanged sentence struck in one block and bold in the next. A removed word stands
    where it was: in the block it was in, or, in a block removed whole between two
    others, as a block of its own, struck through."""

    def __init__(self, removed: Sequence[str], added: Sequence[str]) -> None:
        self.removed, self.added = removed, added
        self.old_words, self.old_block_of = _words_by_block(removed)
        self.new_words, self.new_block_of = _words_by_block(added)
        self.runs: list[list[Run]] = [[] for _ in added]  # of each new block
        # Old blocks removed whole, by the index of the new block they come before.
        self.struck: dict[int, list[str]] = {}

    def shown(self) -> list[str]:
        """The blocks as the report shows them (call once: it fills `runs` and `struck`)."""
        if not self.removed or not self.added:  # nothing to align: each block whole
            return [word_diff(block, "") for block in self.removed] + [
                word_diff("", block) for block in self.added
            ]
        if self.old_words == self.new_words:  # no word marked would leave the change unseen
            return [
                *(_shown_runs([("equal", block.split())]) for block in self.added),
                BREAKS_MOVED,
            ]
        matcher = BoundedSequenceMatcher(self.old_words, self.new_words)
        for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
            if operation == "delete":
                self._place_deleted(a_start, a_end, b_start)
            elif operation == "replace":
                self._place_replaced(a_start, a_end, b_start, b_end)
            kind: RunKind = "equal" if operation == "equal" else "added"
            for index in range(b_start, b_end):
                self._add(self.new_block_of[index], kind, [self.new_words[index]])
        shown: list[str] = []
        for index, runs in enumerate(self.runs):
            shown += self.struck.get(index, [])
            shown.append(_shown_runs(runs))
        return shown + self.struck.get(len(self.runs), [])

    def _add(self, block: int, kind: RunKind, words: list[str]) -> None:
        runs = self.runs[block]
        if runs and runs[-1][0] == kind:
            runs[-1][1].extend(words)
        else:
            runs.append((kind, list(words)))

    def _place_replaced(self, start: int, end: int, new_start: int, new_end: int) -> None:
        """Place the old words `start` to `end`, replaced by the new words `new_start` to
        `new_end`: struck just before them, each old block's words in the new block its
        replacement runs through, in order (an edit on both sides of a paragraph break
        stays on its side), the rest in the last. Where the new words end their last
        block, the old blocks removed whole that end the old words (beyond those paired)
        come after it, on their own: what follows in the new text comes from later old
        words."""
        blocks = list(dict.fromkeys(self.new_block_of[new_start:new_end]))
        groups = list(self._by_old_block(start, end))
        inline = len(groups)
        if new_end == len(self.new_words) or self.new_block_of[new_end] != blocks[-1]:
            while inline > len(blocks) and groups[inline - 1][0]:
                inline -= 1
        for number, (_, words) in enumerate(groups[:inline]):
            self._add(blocks[min(number, len(blocks) - 1)], "removed", words)
        for _, words in groups[inline:]:
            self._struck_block(blocks[-1] + 1, words)

    def _place_deleted(self, start: int, end: int, at: int) -> None:
        """Place the old words `start` to `end`, deleted just before new word `at`: inside
        a new block, in it; between two, each old block's words with the new block they
        belong to (a tail with the one before, a head with the one after), and an old
        block removed whole as a block of its own."""
        before = self.new_block_of[at - 1] if at > 0 else None
        after = self.new_block_of[at] if at < len(self.new_words) else None
        if before is not None and before == after:
            self._add(before, "removed", self.old_words[start:end])
            return
        for number, (whole, words) in enumerate(self._by_old_block(start, end)):
            if whole:
                self._struck_block(len(self.runs) if after is None else after, words)
            elif before is not None and (number == 0 or after is None):
                self._add(before, "removed", words)
            else:
                assert after is not None  # a new block follows, or one came before
                self._add(after, "removed", words)

    def _by_old_block(self, start: int, end: int) -> Iterator[tuple[bool, list[str]]]:
        """The old words `start` to `end` by the old block they are in, each with whether
        they are all of its words."""
        for old_block, indexes in itertools.groupby(
            range(start, end), self.old_block_of.__getitem__
        ):
            words = [self.old_words[index] for index in indexes]
            yield len(words) == len(self.removed[old_block].split()), words

    def _struck_block(self, before: int, words: list[str]) -> None:
        """Show `words`, an old block removed whole, struck, before new block `before`."""
        self.struck.setdefault(before, []).append(_shown_runs([("removed", words)]))


def _words_by_block(blocks: Sequence[str]) -> tuple[list[str], list[int]]:
    """The words of `blocks`, in order, and the index of the block of each."""
    words = [block.split() for block in blocks]
    return (
        [word for block in words for word in block],
        [index for index, block in enumerate(words) for _ in block],
    )


def line_diff(
    old: Sequence[str], new: Sequence[str], starts: tuple[int, int] = (1, 1)
) -> list[str]:
    """A unified diff of two texts' lines, without the file header; its hunks numbered
    from `starts`, the lines the old and new texts start at in their files."""
    lines = _unified_hunks(old, new)
    if starts == (1, 1):
        return lines
    return [_HUNK.sub(lambda hunk: _moved_hunk(hunk, starts), line, count=1) for line in lines]


def _unified_hunks(old: Sequence[str], new: Sequence[str]) -> list[str]:
    """`difflib.unified_diff(old, new, lineterm="", n=1)` without its file header, with
    the work of its matching bounded (`BoundedSequenceMatcher`, autojunk on as there)."""
    lines: list[str] = []
    for group in BoundedSequenceMatcher(old, new, autojunk=True).get_grouped_opcodes(1):
        first, last = group[0], group[-1]
        old_range, new_range = _range(first[1], last[2]), _range(first[3], last[4])
        lines.append(f"@@ -{old_range} +{new_range} @@")
        for tag, old_start, old_end, new_start, new_end in group:
            if tag == "equal":
                lines += [f" {line}" for line in old[old_start:old_end]]
                continue
            lines += [f"-{line}" for line in old[old_start:old_end]]
            lines += [f"+{line}" for line in new[new_start:new_end]]
    return lines


def _range(start: int, stop: int) -> str:
    """A hunk's range as `unified_diff` writes it: its first line, and its length unless
    1; an empty range starts at the line before it."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")
# A step's title line as `report_fields.value_lines` writes it: its number at the line's
# start, then the title (its detail's lines are indented).
_STEP_NUMBER = re.compile(r"\A\d+\. ")


def steps_diff(old: Sequence[str], new: Sequence[str]) -> list[str]:
    """A diff of two protocols' numbered steps (`report_fields.value_lines`), their titles
    compared without their numbers: a step added or removed is that step, not every step
    after it renumbered (audit). Each line is shown with its number on its side, and an
    unchanged step whose number changed with its old number too (`(was 2)`). No line
    of a file is theirs to number: each stretch that changed is headed by the title of the
    step it starts in, where it does not start at one."""
    old_keys, new_keys = ([_STEP_NUMBER.sub("", line) for line in lines] for lines in (old, new))
    matcher = BoundedSequenceMatcher(old_keys, new_keys)
    moved = _moved_steps(old, new, old_keys, new_keys, matcher.get_opcodes())
    lines: list[str] = []
    for group in matcher.get_grouped_opcodes(1):
        first = group[0][3]  # the stretch's first line, on the new side
        title = next(
            (line for line in reversed(new[: first + 1]) if _STEP_NUMBER.match(line)), None
        )
        if title is not None and first < len(new) and new[first] != title:
            lines.append(f"@@ {title} @@")
        elif lines:
            lines.append("…")
        for tag, old_start, old_end, new_start, new_end in group:
            if tag == "equal":
                unchanged = zip(old[old_start:old_end], new[new_start:new_end], strict=True)
                lines += [f" {now}{_was_numbered(was, now)}" for was, now in unchanged]
                continue
            lines += [f"-{line}{moved.get(('-', line), '')}" for line in old[old_start:old_end]]
            lines += [f"+{line}{moved.get(('+', line), '')}" for line in new[new_start:new_end]]
    return lines


def _moved_steps(
    old: Sequence[str],
    new: Sequence[str],
    old_keys: Sequence[str],
    new_keys: Sequence[str],
    opcodes: Sequence[tuple[str, int, int, int, int]],
) -> dict[tuple[str, str], str]:
    """`  (moved from 3)` after an added step's title, `  (moved to 2)` after a removed
    one's, where one step of that title is removed and one added: a step put elsewhere
    read as a step removed and another added, whose texts a reviewer compared line by
    line to see they are one (audit edit57); `  (the same step, 2 before too)` where its number
    is the same on both sides. By side ("-" or "+") and numbered line."""
    removed: dict[str, list[str]] = {}
    added: dict[str, list[str]] = {}
    for tag, old_start, old_end, new_start, new_end in opcodes:
        if tag == "equal":
            continue
        for position in range(old_start, old_end):
            if _STEP_NUMBER.match(old[position]):
                removed.setdefault(old_keys[position], []).append(old[position])
        for position in range(new_start, new_end):
            if _STEP_NUMBER.match(new[position]):
                added.setdefault(new_keys[position], []).append(new[position])
    notes: dict[tuple[str, str], str] = {}
    for key, was in removed.items():
        now = added.get(key, [])
        if len(was) == 1 and len(now) == 1:
            before, after = _number(was[0]), _number(now[0])
            if before == after:  # the steps around it moved: "moved from 2" to 2 (rv57d)
                notes[("-", was[0])] = f"  (the same step, {after} after too)"
                notes[("+", now[0])] = f"  (the same step, {before} before too)"
                continue
            notes[("-", was[0])] = f"  (moved to {after})"
            notes[("+", now[0])] = f"  (moved from {before})"
    return notes


def _number(line: str) -> str:
    match = _STEP_NUMBER.match(line)
    return match.group().removesuffix(". ") if match else ""


def _was_numbered(was: str, now: str) -> str:
    """`  (was 2)` after an unchanged step whose number changed: shown with its new
    number beside removed lines with their old ones, a step moved from 2 to 3 read as a
    second step 3 (audit)."""
    old_number = _STEP_NUMBER.match(was)
    if old_number is None or was == now:
        return ""
    return f"  (was {old_number.group().removesuffix('. ')})"


def _moved_hunk(hunk: re.Match[str], starts: tuple[int, int]) -> str:
    """A hunk header with its line numbers moved by `starts`; an empty side (line 0)
    stays 0 only where its text is empty, as difflib writes it."""
    old_line, new_line = int(hunk.group(1)), int(hunk.group(3))
    old_line += starts[0] - 1 if hunk.group(2) != ",0" or old_line else 0
    new_line += starts[1] - 1 if hunk.group(4) != ",0" or new_line else 0
    return f"@@ -{old_line}{hunk.group(2) or ''} +{new_line}{hunk.group(4) or ''} @@"
