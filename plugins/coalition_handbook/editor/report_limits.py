"""How much the report holds where it is read with a size limit (a GitHub step summary):
the limits, what is left of them as the report is written, and where the report is cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ReportLimits:
    """How much the report holds where it is read with a size limit: GitHub keeps a step
    summary of at most 1 MiB, and drops a larger one whole, leaving reviewers no report
    at all (audit: two common terms deprecated in 1000 pages made 1.5 MB). What is left
    out is said where it would be, with `rerun`, the command that shows all of it."""

    files_per_form: int  # files named for the uses of a form, or the links to a page
    text_bytes: int  # of the definitions, summaries and bodies shown, all told
    report_bytes: int  # of the whole report, in UTF-8
    rerun: str  # e.g. "handbook diff origin/main..."
    # Places named for each file of those: every place made one table cell thousands of
    # characters long for a common word deprecated in a large handbook (audit).
    places_per_file: int = 3


def step_summary_limits(rerun: str) -> ReportLimits:
    """Limits that keep the report well within GitHub's 1 MiB step summary, and a table
    cell of uses short enough to read in it (each file of a form takes one entry)."""
    return ReportLimits(files_per_form=10, text_bytes=400_000, report_bytes=900_000, rerun=rerun)


class Budget:
    """What is left of `ReportLimits.text_bytes` as the report is written (no limits:
    everything is shown)."""

    def __init__(self, limits: ReportLimits | None) -> None:
        self.limits = limits
        self.text_left = limits.text_bytes if limits else 0

    @property
    def files_per_form(self) -> int | None:
        return self.limits.files_per_form if self.limits else None

    @property
    def places_per_file(self) -> int | None:
        return self.limits.places_per_file if self.limits else None

    def text_lines(self, name: str, lines: list[str]) -> list[str]:
        """`lines`, which show the text of the field `name`, if they fit what is left;
        else a line that says they are left out, and how to see them."""
        if self.limits is None:
            return lines
        size = _size(lines)
        if size <= self.text_left:
            self.text_left -= size
            return lines
        return [
            f"  - `{name}`: left out ({_kilobytes(size)}; this report shows "
            f"{_kilobytes(self.limits.text_bytes)} of texts at the most): run "
            f"`{self.limits.rerun}` locally to see it"
        ]


def within(lines: list[str], limits: ReportLimits | None) -> list[str]:
    """`lines`, cut where the report would pass `limits.report_bytes`: before a heading,
    a top-level item or a table row (`_cut_points`), never inside one; then a line that
    says how much is left out and how to see it."""
    if limits is None or _size(lines) <= limits.report_bytes:
        return lines
    starts = _cut_points(lines)
    # Room for the closing lines, which name the sizes.
    room = limits.report_bytes - 1000
    kept = 0
    size = 0
    for start in [*starts, len(lines)]:
        size += _size(lines[kept:start])
        if size > room:
            break
        kept = start
    kept = max(kept, 1)
    while kept > 1 and (lines[kept - 1].startswith("#") or not lines[kept - 1].strip()):
        kept -= 1  # a heading with nothing under it, and blank lines, go with the rest
    left_out = lines[kept:]
    entries = sum(1 for line in left_out if line and not line[0].isspace())
    sections = _sections_left_out(lines[:kept], left_out)
    which = f" ({sections})" if sections else ""
    return [
        *lines[:kept],
        "",
        f"⚠️ **The report stops here**: {entries} more entries ({_kilobytes(_size(left_out))}) "
        f"are left out{which}, to stay within what GitHub shows of a summary (1 MiB): "
        f"run `{limits.rerun}` locally for all of it.",
        "",
    ]


# A fenced block's opening line: its fence, three backticks or tildes or more.
_FENCE = re.compile(r"`{3,}|~{3,}")


def _cut_points(lines: Sequence[str]) -> list[int]:
    """The lines the report may be cut before: those that start at the left edge (a
    heading, a top-level item, a table's row), but for the lines of a fenced block and
    its closing fence (Old addresses' YAML: cut there, the block was left open and the
    note that the report stops read as YAML: review) and a table's delimiter row and
    first row (its header alone read as a line of pipes)."""
    points: list[int] = []
    fence = ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""  # closed: the line after it may be cut before
            continue
        if index and line and not line[0].isspace() and not _in_table_head(lines, index):
            points.append(index)
        if opened := _FENCE.match(stripped):
            fence = opened.group()
    return points


def _in_table_head(lines: Sequence[str], index: int) -> bool:
    """Whether `lines[index]` is a table's delimiter row or the row after it."""
    return any(line.startswith("|-") for line in lines[index - 1 : index + 1])


def _sections_left_out(kept: list[str], left_out: list[str]) -> str:
    """The sections (`### ` headings) that `left_out` holds, in part or whole: the reader
    is told which, not only how much (audit)."""
    named = [f"**{line[4:]}**" for line in left_out if line.startswith("### ")]
    first = next((line for line in left_out if line.strip()), "")
    current = next((line[4:] for line in reversed(kept) if line.startswith("### ")), None)
    if current is not None and not first.startswith("### "):
        named.insert(0, f"the rest of **{current}**")
    return ", ".join(named)


def _size(lines: Sequence[str]) -> int:
    """The size of `lines` in the report, in UTF-8 bytes."""
    return sum(len(line.encode("utf-8", "surrogateescape")) + 1 for line in lines)


def _kilobytes(size: int) -> str:
    return f"{max(1, round(size / 1000)):,} KB"
