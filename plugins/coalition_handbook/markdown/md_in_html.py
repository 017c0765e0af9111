"""md_in_html's blocks (`<div markdown>`) as its parser reads them: where each one ends,
at an end tag of its name or of a block's around it, read once over the page for the
block pass (blocks.py asks it at the lines that may end one)."""

from __future__ import annotations

import re

from ..lazy_pattern import LazyPattern

# A fence or comment, whose tags md_in_html does not read (`closed`, `shut` unless it runs to
# where the search stops), or a tag (`tag`: "/" for an end tag) read whole, so that a tag
# in its quoted attribute values is none (`<div title="</div>">`); up to a `<` or a
# blank line where it never ends, so that a page of them is read once.
_MARKDOWN_BLOCK_TAGS = LazyPattern(
    r"^[ \t]*(?P<fence>`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]*(?P=fence)(?P<closed>)|\Z)"
    r"|<!--[\s\S]*?(?:-->(?P<shut>)|\Z)"
    r"|<(?P<tag>/?)(?P<name>[A-Za-z][^\s/>]*)"
    r"(?:\"[^\"\n]*\"|'[^'\n]*'|[^<>\"'\n]|\n(?![ \t\r]*\n))*",
    re.MULTILINE,
)
# A line a fence's closing may start (its marks as long as the opening's or longer).
_FENCE_LINE = LazyPattern(r"^[ \t]*(`{3,}|~{3,})", re.MULTILINE)


def _starts_its_line(text: str, position: int) -> bool:
    """Whether a tag at `position` starts its line, up to three spaces in: md_in_html's
    parser opens an element for such a start tag only, and takes one after text for
    text, while an end tag anywhere ends the element (`a <div>b</div>` ends its block)."""
    start = max(position - 4, 0)  # (not back to a long line's start for each tag)
    line = text.rfind("\n", start, position) + 1
    return position - line <= 3 and not text[line:position].strip()


class MarkdownBlock:
    """An md_in_html block open (`<div markdown>`): its tag's name, the names of the
    blocks around it (`outer`), how far the page is read for their tags (blocks.py's
    `Blocks._in_markdown_block`), how many of each of these names opened there are open
    (`counts`), and the fence's marks or comment open where the reading stopped ("-->").
    md_in_html's parser ends every element up to the one an end tag names: an end tag
    of a block's name around it ends this one too (`<div markdown>`, `<section markdown>`,
    `a </div>`: both end). `exact` is False once its counts may not be what one reading
    from its start finds (`take_over`)."""

    __slots__ = (
        "counts",
        "ended_at",
        "ended_by",
        "exact",
        "name",
        "open_until",
        "opened_at",
        "outer",
        "read_from",
        "read_to",
    )

    def __init__(
        self, name: str, opened_at: int, read_to: int, around: MarkdownBlock | None = None
    ) -> None:
        self.name = name
        self.opened_at = opened_at  # where its opening tag's line starts
        self.read_from = read_to  # where its reading starts: the next line
        self.read_to = read_to
        # (a set made anew only for a name not in it: blocks nested deep stay linear)
        self.outer: frozenset[str] = frozenset()
        if around is not None:
            self.outer = around.outer
            if around.name not in self.outer:
                self.outer = self.outer | {around.name}
        self.counts: dict[str, int] = {}
        self.open_until: str | None = None
        self.ended_at = -1  # where the end tag that ends it ends (past its `>`), once read
        self.ended_by = name  # that tag's name
        self.exact = True

    def ends_with(self, name: str) -> bool:
        """Whether an end tag of `name` may end this block (its own, or a block's around it)."""
        return name == self.name or name in self.outer

    def read(self, text: str, end: int) -> None:
        """Reads `text` from where it was last read to `end` (a line's start) for the
        names' tags; a fence or comment open at `end` is read on from there next time,
        not again from its start (a fence never closed over 50,000 lines)."""
        if self.ended_at >= 0:  # read on past its end tag: what lay after it was not read
            self.exact = False
        start = self._past_open_until(text, end)
        own, outer, counts = self.name, self.outer, self.counts
        for found in _MARKDOWN_BLOCK_TAGS.finditer(text, start, end):
            if found.group("tag") is None:  # a fence or comment
                if found.group("closed") is None and found.group("shut") is None:
                    self.open_until = found.group("fence") or "-->"
                    break
                continue
            name = found.group("name").lower()
            if name != own and name not in outer:
                continue
            if found.group("tag"):
                step = -1
            elif _starts_its_line(text, found.start()):
                step = 1
            else:
                continue  # (md_in_html's parser takes it for text: `a <div>b</div>`)
            if found.end() == end:  # a tag going on past `end`, read here cut short: the
                self.exact = False  # block around reads it whole (`take_over`)
            count = counts[name] = counts.get(name, 0) + step
            if count < 0:
                self.ended_at = found.end() + (text[found.end() : found.end() + 1] == ">")
                self.ended_by = name
                break
        self.read_to = end

    def take_over(self, text: str, inner: MarkdownBlock) -> None:
        """Takes on the reading of `inner`, a block opened in this one and ending, where
        this one was read up to its opening tag's line, and goes on from where `inner`
        stopped (each line read once, not once for each block around it: a page of blocks
        nested deep, of one name or of names in turn, then closed). md_in_html's parser
        ends every element up to the one an end tag names: `inner`, what was opened in
        it, and where the tag is of another name, the nearest of that name around it
        (this one, if none of the name is open in it)."""
        if not (self.read_to == inner.opened_at and self.open_until is None and self.ended_at < 0):
            return
        counts = self.counts
        if inner.ended_at >= 0:
            self.read_to = inner.ended_at
            name = inner.ended_by
            if name != inner.name:
                count = counts[name] = counts.get(name, 0) - 1
                if count < 0:
                    self.ended_at, self.ended_by = inner.ended_at, name
            return
        # Ended open (its name's end tag at the margin, one of its name open in it): its
        # start tag and what it counted, as this one reads them.
        self.read(text, inner.read_from)
        if not (
            (inner.exact or inner.name == self.name)
            and self.read_to == inner.read_from
            and self.open_until is None
            and self.ended_at < 0
        ):
            return
        self.exact = self.exact and inner.exact
        found = inner.counts
        for name in (self.name, *self.outer):
            counts[name] = counts.get(name, 0) + found.get(name, 0)
        self.read_to, self.open_until = inner.read_to, inner.open_until

    def _past_open_until(self, text: str, end: int) -> int:
        """Where reading goes on: past the end of the fence or comment open, if one is
        and ends before `end`; `end` if it does not."""
        marks = self.open_until
        if marks is None:
            return self.read_to
        if marks == "-->":
            close = text.find(marks, self.read_to, end)
            closed = close + len(marks) if close >= 0 else -1
        else:
            closed = -1
            for line in _FENCE_LINE.finditer(text, self.read_to, end):
                if line.group(1).startswith(marks):
                    closed = line.end()
                    break
        if closed < 0:
            return end
        self.open_until = None
        return closed
