"""A table whose columns the paper leaves too narrow to read, said to the trainer.

A table too wide for the paper gets columns of even widths, its words broken where they
must (`hb-wide` in handout.css): that keeps a table of ten columns whole and readable,
but a table of forty printed a character or two a line in each column, a column of
letters no one reads, and no word said so (trainer audit). No layout of the page keeps so
many columns readable (a landscape page holds twice as few characters a line as it
would need), so the handout is printed as before and the trainer is told, at the
table's line, how many columns would fit: `narrow_tables` reads the widths from the
laid-out pages, where a table in a list or a box is narrower than one on its own.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as etree
from collections.abc import Iterator, Sequence
from typing import Any

from .handout_laid_out import say_unread
from .handout_phones import WIDE_TABLE_CLASS
from .handout_problems import Unplaced
from .handout_table_lines import table_key

# The narrowest readable column, in ems of its type: about five characters of a word a
# line (16 columns on Letter are 3.3 ems wide, 20 are 2.5).
NARROWEST_EMS = 3.0
# A character's average width, in ems (to say about how many a line a column holds).
CHARACTER_EMS = 0.55


def narrow_tables(root: etree.Element, pages: Sequence[Any]) -> list[Unplaced]:
    """A problem for each table of the handout's tree `root` (one marked `hb-wide`)
    whose narrowest column, in the laid-out `pages` (WeasyPrint's `Document.pages`), is
    narrower than `NARROWEST_EMS`; placed at its row in its Markdown
    (`handout_table_lines`), else at its first row's text."""
    table_of = _cells_by_table(root)
    if not table_of:
        return []
    # By table: its narrowest cell's (width, width with padding and borders, type size),
    # and its widest column's width with padding and borders (a cell's by its span).
    narrowest: dict[int, tuple[float, float, float]] = {}
    widest: dict[int, float] = {}
    tables: dict[int, etree.Element] = {}
    for cell in _cell_boxes(pages):
        table = table_of.get(id(cell.element))
        measured = None if table is None else _measured(cell)
        if table is None or measured is None:
            continue
        if id(table) not in narrowest or measured[0] < narrowest[id(table)][0]:
            narrowest[id(table)] = measured
            tables[id(table)] = table
        widest[id(table)] = max(widest.get(id(table), 0.0), measured[1] / _span(cell))
    problems = []
    which = _tables_alike_before(root)
    for key, (width, outer, size) in narrowest.items():
        if width >= NARROWEST_EMS * size:
            continue
        table = tables[key]
        columns = _columns(table)
        characters = max(1, math.floor(width / (CHARACTER_EMS * size)))
        problems.append(
            Unplaced(
                _first_row_texts(table),
                f"a table of {columns} columns prints about {characters} "
                f"character{'s' if characters > 1 else ''} a line in "
                f"{_where_and_what_to_do(columns, width, outer, size, widest[key])}",
                _which_table(table, which),
            )
        )
    return problems


def _cells_by_table(root: etree.Element) -> dict[int, etree.Element]:
    """By cell (its `id`): its own table, the nearest around it, for each table marked
    `hb-wide` and each table in one's cells, which its narrow column makes as narrow
    (task site63: a table nested in a wide HTML table was said as the outer table, at
    its line and with its count of columns). A stack, not recursion: HTML nested deep."""
    table_of: dict[int, etree.Element] = {}
    stack: list[tuple[etree.Element, etree.Element | None, bool]] = [(root, None, False)]
    while stack:
        element, table, wide = stack.pop()
        if element.tag == "table":
            table = element
            wide = wide or WIDE_TABLE_CLASS in element.get("class", "").split()
        elif wide and table is not None and element.tag in ("td", "th"):
            table_of[id(element)] = table
        stack.extend((child, table, wide) for child in element)
    return table_of


def _own_rows(table: etree.Element) -> list[etree.Element]:
    """`table`'s rows, not those of a table in one of its cells."""
    sections = [child for child in table if child.tag in ("thead", "tbody", "tfoot")]
    return [row for part in (table, *sections) for row in part if row.tag == "tr"]


def _tables_alike_before(root: etree.Element) -> dict[int, tuple[str, int]]:
    """By table of `root`: its words (`_table_key`) and how many tables alike come
    before it, in one pass (once a table's problem was quadratic: review rv61b)."""
    seen: dict[str, int] = {}
    which: dict[int, tuple[str, int]] = {}
    for table in root.iter("table"):
        key = _table_key(table)
        which[id(table)] = (key, seen.get(key, 0))
        seen[key] = seen.get(key, 0) + 1
    return which


def _which_table(table: etree.Element, which: dict[int, tuple[str, int]]) -> tuple[str, int, int]:
    """`table`'s words, how many tables of the handout alike come before it, and its
    first row with text (`Unplaced.table`): where it is found in its Markdown."""
    key, before = which[id(table)]
    rows = [_row_texts(row) for row in _own_rows(table)]
    first = next((at for at, cells in enumerate(rows) if any(cells)), 0)
    return key, before, first


def _row_texts(row: etree.Element) -> list[str]:
    return [" ".join("".join(cell.itertext()).split()) for cell in row]


def _where_and_what_to_do(
    columns: int, width: float, outer: float, size: float, widest: float
) -> str:
    """Which columns print so narrow and what to do: a table of even columns split into
    tables of as many as fit; one whose columns of numbers take the width
    (`handout_phones` sizes them to their numbers) has its others narrow, and as many
    columns "fit" as it has (review rv60f: "at most 1 columns" for 8 columns, 6 of them
    phone numbers), so it is told to write them as rows."""
    rows = "write its columns as rows"
    if widest > outer * _EVEN + 1:
        return f"its narrowest columns, too narrow to read: {rows}"
    fitting = math.floor(columns * outer / (NARROWEST_EMS * size + outer - width))
    if not 2 <= fitting < columns:
        return f"each column, too narrow to read: {rows}"
    return (
        f"each column, too narrow to read: split it into tables of at most {fitting} "
        f"columns, or {rows}"
    )


# How much wider than the narrowest a column of even widths may be laid out (rounding,
# a cell's border).
_EVEN = 1.1


def _cell_boxes(pages: Sequence[Any]) -> Iterator[Any]:
    """The table cells' boxes of the laid-out `pages` (none where this WeasyPrint lays
    them out otherwise: no warning, rather than no handout)."""
    for page in pages:
        page_box = getattr(page, "_page_box", None)
        if page_box is None or not hasattr(page_box, "descendants"):
            _say_unread("their boxes (Page._page_box)")
            return
        for box in page_box.descendants():
            if type(box).__name__ == "TableCellBox" and getattr(box, "element", None) is not None:
                yield box


def _measured(cell: Any) -> tuple[float, float, float] | None:
    """A laid-out cell's (width, width with padding and borders, type size), or None
    where this WeasyPrint keeps them otherwise: no warning, rather than no handout (an
    error here failed the handout's render)."""
    try:
        measured = (cell.width, cell.border_width(), cell.style["font_size"])
    except (AttributeError, KeyError, TypeError):
        _say_unread("a table cell's widths and type size")
        return None
    if not all(isinstance(value, (int, float)) for value in measured) or measured[2] <= 0:
        _say_unread("a table cell's widths and type size")
        return None
    return measured


def _say_unread(what: str) -> None:
    say_unread(what, "a table whose columns print too narrow to read is not reported")


def _span(cell: Any) -> int:
    """How many columns the laid-out `cell` spans (1 where this WeasyPrint does not say)."""
    span = getattr(cell, "colspan", 1)
    return span if isinstance(span, int) and span > 0 else 1


def _columns(table: etree.Element) -> int:
    first_row = next(iter(_own_rows(table)), None)
    return 0 if first_row is None else len(first_row)


def _table_key(table: etree.Element) -> str:
    return table_key(_text_read(cell) for row in table.iter("tr") for cell in row)


def _text_read(element: etree.Element) -> str:
    """`element`'s text as the block pass reads its Markdown: no code's nor a footnote
    marker's, which it blanks (review rv61b: a table with `` `ID` `` in a cell was not
    found, and said at its first row's text in prose before)."""
    texts = [element.text or ""]
    for child in element:
        if not (child.tag == "code" or "footnote-ref" in child.get("class", "").split()):
            texts.append(_text_read(child))
        texts.append(child.tail or "")
    return "".join(texts)


def _first_row_texts(table: etree.Element) -> tuple[str, ...]:
    """Texts to find the table by in its Markdown: its whole first row as written with
    and without spaces around the pipes (another table may start alike), then its first
    cell's text before a cell's end tag, as a table written in HTML holds it, then
    between tags (not found in prose before it; review rv62d: prose's `<b>Hotline</b>`
    was taken for the cell), then that text alone. Its first row with text, where the
    first has none (a table whose header cells are empty was placed at the file's first
    line: review rv60f)."""
    for row in _own_rows(table):
        cells = _row_texts(row)
        if any(cells):
            first = next(cell for cell in cells if cell)
            in_cell = (f"{first}</td>", f"{first}</th>", f">{first}<")
            return (" | ".join(cells), "|".join(cells), *in_cell, first)
    return ()
