"""The block pass over a page: `mask_blocks` turns it into the checks' view, block by
block. Most lines are plain prose or blank, and what `Blocks` would make of a run of them
is known without asking it line by line: the run is copied whole, and only the other
lines go through `Blocks.classify`."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazy_pattern import LazyPattern
from .blocks import TABLE_DELIMITER, Blocks
from .line_widths import indentation_of
from .syntax import HARD, hard, replaced

_SOFT_TAIL = LazyPattern(r"[^\n]")

# Lines the block pass may take in bulk (see `mask_blocks`): blank lines, and lines of
# ordinary prose, whose first character starts no block and which hold no table pipe.
# `_LAZY_LINE` may be indented: only a paragraph's continuation lines are taken so.
_BLOCK_MARKS = frozenset(">`~<#!?=-*_[+0123456789|:/")
_PROSE_CHAR = r"[^\s>`~<#!?=\-*_\[+0-9|:/]"
_PROSE_START = rf"{_PROSE_CHAR}[^|\n]*"
_BLANK = r"[ \t]*\r?"
_LINE_END = r"(?:\n|\Z)"
_LAZY_LINE = rf"[ \t]*{_PROSE_START}"
_CONTINUATIONS = LazyPattern(rf"(?:{_LAZY_LINE}{_LINE_END})*")
_CONTAINER_LINE = LazyPattern(rf" +{_PROSE_START}")
_PLAIN_LINES = LazyPattern(
    rf"(?:{_BLANK}{_LINE_END}|{_PROSE_START}{_LINE_END}(?:{_LAZY_LINE}{_LINE_END})*)*"
)
_BLANK_LINE = LazyPattern(_BLANK)
# What ends a run of `_PLAIN_LINES` but for a pipe, found from line break to line break
# (a search for a literal `\n` skips the text between at C speed, where the pattern
# reads every character): a line neither blank nor prose, or an indented one after a
# blank line (only a paragraph's lines may be indented). The line at the run's start
# is read first (`_NOT_PLAIN_FIRST`).
_NOT_PLAIN = rf"(?![ \t]*\r?{_LINE_END})(?![ \t]*{_PROSE_CHAR})"
_NOT_PLAIN_NEXT = LazyPattern(rf"\n(?![a-zA-Z])(?:{_NOT_PLAIN}|{_BLANK}\n(?=[ \t]+{_PROSE_CHAR}))")
_NOT_PLAIN_FIRST = LazyPattern(rf"{_NOT_PLAIN}|[ \t]+{_PROSE_CHAR}")
_BLANK_THEN_INDENTED = LazyPattern(rf"{_BLANK}\n(?=[ \t]+{_PROSE_CHAR})")
# A line break and the blank lines after it; `\n` first lets the engine skip prose fast,
# and the lookahead, then possessive repeats, have it give up a line of prose at once.
_BLANK_RUNS = LazyPattern(rf"\n(?![^ \t\r\n])(?:[ \t]*+\r?{_LINE_END})++")
_BLANK_RUNS_CRLF = LazyPattern(rf"\r?\n(?:{_BLANK}{_LINE_END})+")
_LEADING_BLANK_LINES = LazyPattern(rf"(?:{_BLANK}{_LINE_END})+")
_BLANK_BEFORE_PROSE = LazyPattern(r"^[ \t]*\r?\n(?=[^ \t\r\n])", re.MULTILINE)
# The same after the first line, from the line break before: `\n` first lets the engine
# skip prose fast (`^` in multiline mode has it try every character).
_BREAK_BLANK_BEFORE_PROSE = LazyPattern(r"\n[ \t]*\r?\n(?=[^ \t\r\n])")
_ONLY_BLANK_LINES = LazyPattern(rf"(?:{_BLANK}{_LINE_END})*")
_INDENTS = LazyPattern(r"(?:\A|\n)[ \t]+")
# A run of lines starting with `|`: in a table open at the margin, each is one of its rows.
_TABLE_ROWS = LazyPattern(r"(?:\|[^\n]*(?:\n|\Z))+")


def mask_blocks(
    text: str,
    body_line: int,
    raw_spans: list[tuple[int, int]] | None = None,
    reference_spans: list[tuple[int, int]] | None = None,
    fences_in_paragraphs: list[tuple[int, int]] | None = None,
    *,
    definition_lists: bool = True,
) -> str:
    """The block pass. Most lines are plain prose or blank, and what `Blocks` would make
    of a run of them is known without asking it line by line: the run is copied whole
    (blank lines blanked, soft line breaks kept), and only the other lines, and every line
    inside a fence, comment, raw HTML block or table, go through `Blocks.classify`.
    `raw_spans` and `reference_spans`, if given, are added the (start, end) of the raw
    HTML blocks' prose and of the runs of lines that reference definitions take;
    `fences_in_paragraphs`, of the fences a paragraph goes on across (from the line
    break before the opening line to the line after the closing one): superfences
    leaves a placeholder there, which Python-Markdown's inline markup reads across.
    `definition_lists`: whether the site runs the def_list extension (`Blocks`)."""
    length = len(text)
    position = _line_start(text, body_line)
    if position > length:
        return HARD * length
    pieces = [HARD * position]  # front matter, if any, is never prose
    blocks = Blocks()
    blocks.definition_lists = definition_lists
    blocks.text = text
    blocks.opened_at[0] = position
    tail = ""  # the end of the previous prose line ("\r\n", a closing quote...), not yet written
    # (where the break before it starts, where the line after its closing line starts) of
    # the last fence opened on a line going on from a paragraph.
    fence_in_paragraph = (-1, -1)
    # Where the next end tag of an md_in_html block's name is, from the last run read in
    # one, and the names searched for (the page is searched on from there once, whatever
    # is open, and again only for a name not opened before).
    end_tag, end_tag_names = -1, frozenset()
    while position < length:
        if (
            text[position] not in _BLOCK_MARKS
            and blocks.takes_prose_in_bulk()
            and position != blocks.empty_item_next
        ):
            in_paragraph = blocks.previous == "paragraph"
            limit = length
            if blocks.markdown_blocks:
                # md_in_html's block may end on a line of the run, and its paragraph with
                # it: the line holding its end tag is read alone (`markdown_block_ends_paragraph`),
                # and the run read up to it only (not to its end at each such line); an
                # inline `</b>` is the run's. The end tag of any block's name opened on
                # the page is such a line, not only the open blocks' names: those change
                # at each block opened, and searching on for them from there read a page
                # of blocks nested and never closed once for each.
                names = blocks.markdown_block_names
                if end_tag < position or names is not end_tag_names:
                    found = _end_tags_of(names).search(text, position)
                    end_tag, end_tag_names = (length if found is None else found.start()), names
                if end_tag < length:
                    limit = text.rfind("\n", position, end_tag) + 1 or position
            if limit == position:
                end = position
            elif in_paragraph:
                end = _prose_run_end(text, position, True, blocks.strict_column(), limit)
            else:
                end = _plain_lines_end(text, position, limit)
            if end > position:
                if (
                    position == fence_in_paragraph[1]
                    and in_paragraph
                    and fences_in_paragraphs is not None
                    and not _is_blank_line(text, position)
                ):  # the paragraph goes on after the fence (`_bulk_prose`)
                    fences_in_paragraphs.append(fence_in_paragraph)
                tail = _bulk_prose(text, position, end, tail, blocks, pieces)
                position = end
                continue
        if (
            text[position] == "|"
            and blocks.in_table
            and blocks.takes_table_rows_in_bulk()
            and not blocks.strict_column()
        ):
            position, tail = _table_rows(text, position, tail, blocks, pieces)
            continue
        line_end = text.find("\n", position)
        if line_end < 0:
            line_end = length
        line = text[position:line_end]
        newline = "\n" if line_end < length else ""
        prose = None
        if line[:1] == "#" and blocks.takes_prose_in_bulk():
            blocks.next_offset = line_end + 1  # (where a block starts after it)
            prose = blocks.heading_at_margin(line)
        elif (
            line[:1] == " "
            and blocks.previous != "paragraph"
            and blocks.takes_prose_in_bulk()
            and position != blocks.empty_item_next
        ):
            blocks.line_start = position  # (a footnote's end reads the lines before)
            prose = _paragraph_in_container(line, blocks)
            if prose is not None:
                blocks.first_line_end = line_end + 1
        if prose is None:
            next_line = None  # read only for a table header, a reference definition or
            # a line after an empty item's (`Blocks.empty_item_next`)
            if line_end < length and (
                "|" in line
                or "[" in line
                or blocks.reference_next
                or position == blocks.empty_item_next
            ):
                next_end = text.find("\n", line_end + 1)
                next_line = text[line_end + 1 : next_end if next_end >= 0 else length]
            blocks.next_offset = line_end + 1
            in_paragraph = blocks.previous == "paragraph" and blocks.fence is None
            prose = blocks.classify(line, next_line)
            if in_paragraph and blocks.fence is not None and prose is None:
                closing_end = text.find("\n", blocks.fence_close)
                fence_in_paragraph = (position - len(tail), closing_end + 1 or length)
        line_start = position
        position = line_end + 1
        if blocks.markdown_blocks and blocks.previous == "paragraph":
            blocks.markdown_block_ends_paragraph(line_start, position)
        if prose is None:
            pieces.append(HARD * (len(tail) + len(line) + len(newline)))
            tail = ""
            if not newline:
                break
            if (
                blocks.fence is not None
                and blocks.fence_close > position
                and blocks.reference_next is None
            ):
                # The fence's lines before its closing one: `classify` reads each as code
                # and changes nothing.
                pieces.append(HARD * (blocks.fence_close - position))
                position = blocks.fence_close
            continue
        start, end, continues = prose
        if continues and line_start == fence_in_paragraph[1] and fences_in_paragraphs is not None:
            fences_in_paragraphs.append(fence_in_paragraph)
        if continues:
            pieces.append(_soft(tail))
            pieces.append(" " * start)
        else:
            pieces.append(HARD * (len(tail) + start))
        content = line[start:end]
        pieces.append(_table_cells(content) if blocks.in_table else content)
        tail = line[end:] + newline
        if not newline:
            break
    pieces.append(HARD * len(tail))
    view = "".join(pieces)
    assert len(view) == len(text), "the view must keep every offset"
    if raw_spans is not None:
        raw_spans += blocks.raw_spans
    if reference_spans is not None:
        reference_spans += blocks.reference_lines
    return view


def _line_start(text: str, line: int) -> int:
    """The offset where 1-based `line` starts; past the end when the text is shorter."""
    position = 0
    for _ in range(line - 1):
        found = text.find("\n", position)
        if found < 0:
            return len(text) + 1
        position = found + 1
    return position


def _soft(tail: str) -> str:
    """A line break inside a paragraph: the break stays, what stood around it is a space."""
    if tail == "\n":
        return tail
    return _SOFT_TAIL.sub(" ", tail.replace(HARD, " "))


def _prose_run_end(
    text: str, position: int, in_paragraph: bool, strict_column: int, limit: int
) -> int:
    """Where the run of blank and plain prose lines that starts at `position` ends, at
    `limit` (a line's start) at the latest: read no further. In an admonition, details
    or tab whose content starts at `strict_column`, a paragraph goes on only on lines
    indented that far (a line less indented ends the container, which `Blocks.classify`
    works out) and the blank lines after them."""
    if in_paragraph:
        if strict_column:
            continuations = _indented_continuations(strict_column)
            position = continuations.match(text, position, limit).end()
            # After a blank line, a line at the margin starts a block of its own, as it
            # does out of the container (which it ends): the run may go on over both.
            if _LEADING_BLANK_LINES.match(text, position, limit) is None:
                return position
        else:
            position = _CONTINUATIONS.match(text, position, limit).end()
    return _plain_lines_end(text, position, limit)


def _plain_lines_end(text: str, position: int, limit: int | None = None) -> int:
    """`_PLAIN_LINES.match(text, position).end()`, faster: where the first line that
    ends the run starts, then, only when a pipe stands before it, the pattern; at
    `limit` (a line's start) at the latest, read no further."""
    if limit is None:
        limit = len(text)
    if position and text[position - 1] == "\n" and text[position : position + 1] not in " \t":
        # One regex call where there were two: searched from the line break before, the
        # first line is read as the others are, and it ends the run as `_NOT_PLAIN_FIRST`
        # would (a first line not indented ends it only by `_NOT_PLAIN`). An indented
        # first line takes the two calls: only there does indented prose end the run.
        found = _NOT_PLAIN_NEXT.search(text, position - 1, limit)
    elif _NOT_PLAIN_FIRST.match(text, position, limit):
        return position
    elif position:  # from the line break before: the first line may be the blank one
        found = _NOT_PLAIN_NEXT.search(text, position - 1, limit)
    else:
        found = _BLANK_THEN_INDENTED.match(text, 0, limit) or _NOT_PLAIN_NEXT.search(text, 0, limit)
    end = limit if found is None else found.end()
    if text.find("|", position, end) >= 0:
        return _PLAIN_LINES.match(text, position, limit).end()
    return end


def _paragraph_in_container(line: str, blocks: Blocks) -> tuple[int, int, bool] | None:
    """What `classify` makes of `line`, indented with spaces, while nothing is open
    (`takes_prose_in_bulk`) and no paragraph goes on, when it starts a paragraph at the
    content column of the innermost container (an admonition's or tab's first line),
    no quote, list or code around; None (nothing changed) for any other line, which
    `classify` reads. Its prose is a line of `_CONTAINER_LINE`: no block mark, no pipe."""
    column = blocks.containers[-1]
    if (
        blocks.in_code
        or blocks.chunk_is_list
        or blocks.quote_depth
        or blocks.blank_in_quote
        or blocks.quote_containers_open
        or blocks.item_line_quote is not None
        or blocks.item_line_strict is not None
        or blocks.first_quote_container is not None
        or _CONTAINER_LINE.fullmatch(line) is None
        or len(line) - len(line.lstrip(" ")) != column
        or (
            blocks.previous == "blank"
            and (
                len(blocks.containers) > 2
                or blocks.text[blocks.line_start - 3 : blocks.line_start - 2] in "\n \t\r"
            )
            and blocks.blank_ends_footnote()
        )
    ):
        return None
    blocks.line_quoted = False
    blocks.previous = "paragraph"
    blocks.chunk_column = column
    return column, len(line) - 1 if line.endswith("\r") else len(line), False


@lru_cache(maxsize=16)
def _end_tags_of(names: frozenset[str]) -> re.Pattern[str]:
    """What starts an end tag of one of `names` (`</div`): the line is read alone."""
    return re.compile(rf"</(?:{'|'.join(map(re.escape, sorted(names)))})(?![\w-])", re.I)


@lru_cache(maxsize=16)
def _indented_continuations(column: int) -> re.Pattern[str]:
    return re.compile(rf"(?: {{{column}}}{_LAZY_LINE}{_LINE_END})*")


def _bulk_prose(
    text: str, start: int, end: int, tail: str, blocks: Blocks, pieces: list[str]
) -> str:
    """Write the view of the plain lines in `text[start:end]` and update `blocks` as
    `classify` would have; returns the tail of the last line, not yet written."""
    first = text[start]  # nearly always says whether the first line is blank
    first_blank = first == "\n" or (first in " \t\r" and _is_blank_line(text, start))
    continues = not first_blank and blocks.previous == "paragraph"
    if not first_blank and blocks.quote_containers_open:  # lines out of any quote, a quote open
        after_quote_blank = blocks.after_quote_blank() and not continues
        if blocks.ends_quote_containers(after_quote_blank):
            least = _least_indentation(text, start, end)
            blocks.leave_quote_containers(least, after_quote_blank)
    leading = None  # where the run's leading blank lines end, when known here
    if (
        text[start] == "\n"
        and start + 1 < end
        and text[start + 1] not in " \t\r\n"
        and (not start or text[start - 1] == "\n")
    ):
        # The commonest run, an empty line then prose (between two paragraphs), told by
        # its first characters: what the two patterns below would each take a call for.
        blank_before_prose = True
        leading = start + 1
    elif start and text[start - 1] == "\n":
        # One regex call where there were two: searched from the line break before the
        # run, the first line is read as the others are, where `_BLANK_BEFORE_PROSE`
        # would match it on its own.
        blank_before_prose = _BREAK_BLANK_BEFORE_PROSE.search(text, start - 1, end) is not None
    else:
        blank_before_prose = (
            _BLANK_BEFORE_PROSE.match(text, start, end) is not None
            or _BREAK_BLANK_BEFORE_PROSE.search(text, start, end) is not None
        )
    if blank_before_prose or (
        not continues and (not blocks.quote_depth or not blocks.quote_goes_on())
    ):
        blocks.quote_depth = 0  # a paragraph at the margin, out of any quote
    pieces.append(_soft(tail) if continues else HARD * len(tail))
    last_start = text.rfind("\n", start, end - 1) + 1 or start
    last_end = end - 1 if text[end - 1] == "\n" else end
    if last_start == last_end or (
        text[last_start] in " \t\r" and _is_blank_line(text, last_start, last_end)
    ):
        body_end = end
        blocks.previous = "blank"
        blocks.blank_in_quote = False
    else:
        body_end = last_end - 1 if text[last_end - 1] == "\r" else last_end
        blocks.previous = "paragraph"
        blocks.prose_run = (start, end, continues)
    if blocks.in_code and not _ONLY_BLANK_LINES.fullmatch(text, start, end):
        blocks.in_code = False
    if (
        len(blocks.containers) > 1 or blocks.first_quote_container is not None
    ) and blank_before_prose:
        blocks.end_quote()
        blocks.close_from(1)  # a paragraph at column 0 closes every container and quote
    elif not first_blank and not continues:
        # Going on from a block that is no paragraph (a definition on a quote's lazy line,
        # say), a paragraph at the margin closes every container, as `classify` reads it,
        # but not the quote: Python-Markdown gives a quote the lines up to a blank one
        # (nor a list item whose line opened the quote: its block goes on).
        if blocks.item_line_quote is None:
            if len(blocks.containers) > 1 or blocks.item_line_strict is not None:
                blocks.close_from(1)  # (nothing to close, the common case: no call)
        else:
            blocks.close_for_line(0)
    if (
        (blocks.chunk_column or blocks.chunk_is_list)
        and (not continues or blank_before_prose)
        and (blank_before_prose or blocks.item_line_quote is None or not blocks.chunk_is_list)
    ):
        blocks.chunk_column = 0  # a paragraph starts at the margin
        blocks.chunk_is_list = False
    if blocks.previous == "blank":
        blocks.chunk_is_list = False  # a blank line ends the block
    if first_blank:  # blank lines at the start, then prose or nothing
        if leading is None:
            leading = _LEADING_BLANK_LINES.match(text, start, body_end).end()
        pieces.append(HARD * (leading - start))
        start = leading
    body = text[start:body_end]
    if "\r" in body:
        body = _BLANK_RUNS_CRLF.sub(hard, body).replace("\r\n", " \n")
    elif "\n" in body:
        body = _BLANK_RUNS.sub(hard, body)
    if "\t" in body:
        body = _INDENTS.sub(lambda indent: indent.group().replace("\t", " "), body)
    pieces.append(body)
    return text[body_end:end]


def _least_indentation(text: str, start: int, end: int) -> int:
    """The least indentation of the lines in `text[start:end]` that are not blank, as
    `classify`, reading each, would leave a quote's containers right of it."""
    least = None
    for line in text[start:end].split("\n"):
        position, column = indentation_of(line, 0)
        if position < len(line.rstrip("\r")):
            least = column if least is None else min(least, column)
    return least or 0


def _is_blank_line(text: str, start: int, end: int | None = None) -> bool:
    """Whether the line at `start` (a line of a prose run: blank, or not starting with a
    block mark) is blank; its first character nearly always says."""
    if start == end or start == len(text):
        return True
    first = text[start]
    if first == "\n":
        return True
    if first not in " \t\r":
        return False
    if end is None:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
    return _BLANK_LINE.fullmatch(text, start, end) is not None


def _table_rows(
    text: str, start: int, tail: str, blocks: Blocks, pieces: list[str]
) -> tuple[int, str]:
    """Write the view of the run of lines starting with `|` at `start`, rows of the table
    open at the margin (no admonition, details or tab around it), and update `blocks` as
    `classify` would have, reading each as a row (`Blocks._table_row`): a delimiter row
    is no prose, any other its cells. Returns where the run ends and the tail of its last
    line, not yet written."""
    end = _TABLE_ROWS.match(text, start).end()
    rows = text[start:end].split("\n")
    if rows[-1] == "":  # the run ends with a line break
        rows.pop()
        newline = "\n"
    else:  # its last line ends the text
        newline = ""
    last = len(rows) - 1
    line_start = start
    for index, row in enumerate(rows):
        line_break = "\n" if index < last else newline
        row_end = len(row) - 1 if row[-1] == "\r" else len(row)
        if TABLE_DELIMITER.match(row[:row_end]):
            pieces.append(HARD * (len(tail) + len(row) + len(line_break)))
            tail = ""
        else:
            pieces.append(HARD * len(tail))
            pieces.append(_table_cells(row[:row_end]))
            tail = row[row_end:] + line_break
        if index < last:
            line_start += len(row) + 1
    blocks.previous = "other"
    blocks.line_start = line_start
    blocks.next_offset = blocks.table_row_next = line_start + len(rows[last]) + 1
    return end, tail


def _table_cells(row: str) -> str:
    """A table row with its cell borders made hard breaks, as Python-Markdown's tables
    extension splits it: a pipe escaped, or inside a code span, is text."""
    if "`" not in row and "\\" not in row:
        return row.replace("|", HARD)
    return replaced(row, [(pipe, pipe + 1, HARD) for pipe in _cell_borders(row)])


# What the tables extension reads in a row (its `RE_CODE_PIPES`): an escaped backslash, a
# run of backticks, escaped or not, an escaped pipe, a pipe.
_ROW_TOKENS = LazyPattern(r"(\\\\)|(\\`+)|(`+)|(\\\|)|(\|)")


def _cell_borders(row: str) -> list[int]:
    """Where the pipes that end cells are: those outside the code spans that the tables
    extension pairs (`TableProcessor._split`). A run of backticks opens a span that the
    next run as long closes (an escaped run opens with one backtick fewer), and the search
    goes on after the closing run."""
    runs: list[tuple[int, int, int, int]] = []  # (start, end, length, length it opens)
    pipes: list[int] = []
    for token in _ROW_TOKENS.finditer(row):
        escaped_run, run, pipe = token.group(2, 3, 5)
        if escaped_run:
            length = len(escaped_run) - 1
            runs.append((token.start(), token.end(), length, length - 1))
        elif run:
            runs.append((token.start(), token.end(), len(run), len(run)))
        elif pipe:
            pipes.append(token.start())
    # The next run of each length, found walking backwards: linear however many runs a
    # row holds (the extension looks along the rest of the row from every run).
    closers: list[int | None] = [None] * len(runs)
    next_of_length: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        closers[index] = next_of_length.get(runs[index][3])
        next_of_length[runs[index][2]] = index
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        closer = closers[index]
        if runs[index][3] == 0 or closer is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[closer][1]))
        index = closer + 1
    borders: list[int] = []
    span = 0
    for pipe in pipes:
        while span < len(spans) and spans[span][1] <= pipe:
            span += 1
        if span == len(spans) or pipe < spans[span][0]:
            borders.append(pipe)
    return borders
