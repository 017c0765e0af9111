"""Phone numbers in a handout print whole: never broken inside their digits.

A table too wide for the paper gets columns of even widths whose words break anywhere
(`hb-wide` in handout.css); a column narrower than a hotline's number printed
"1-888-373-788" on one line and "8" on the next (print audit), and a participant copying
it from a photocopy dials a wrong number. Each phone number the privacy rule finds
(`find_personal_data`, with the countries whose national formats it reads) is set in a
span that does not wrap, and a wide table's column that holds one is made as wide as its
longest number; the other columns share what is left.

The space before such a span is set in a `span.hb-space` of its own: WeasyPrint 70
measures a run of text that ends in a space, before an inline element, with that space,
and where only the space did not fit it broke the run after its first word ("answered"
alone over "live 24 hours a day, 7 days a week. Call", before the hotline's number).

In a right-to-left handout (`dir="rtl"` on the root) each such span is `dir="ltr"`, a
left-to-right isolate: after Arabic letters the bidi algorithm reads a number's digits as
Arabic numbers, which a space, a bracket or a plus does not join, and "1 888 373 7888"
printed as "7888 373 888 1" (audit of an Arabic handout). A left-to-right handout's spans
get no `dir`, so its PDF is unchanged.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence

from ..rules.privacy_personal_data import find_personal_data

PHONE_CLASS = "hb-phone"
SPACE_CLASS = "hb-space"
WIDE_TABLE_CLASS = "hb-wide"
# Elements whose text is not laid out as the handout's prose.
NOT_TEXT = frozenset({"script", "style", "template", "textarea"})
# A column's room for the cell's padding (1 mm each side in handout.css), in digits
# (`ch`): at 7.5 pt a digit is some 1.7 mm wide. A number's spaces and hyphens are
# narrower than its digits, which leaves a little more.
_PADDING_DIGITS = 2
# HTML reads a larger `colspan` as this many columns: a cell's typo of 100000000 must
# not make a `<colgroup>` of that many columns.
_MOST_COLUMNS_SPANNED = 1000
# HTML's "rules for parsing non-negative integers": leading whitespace, an optional
# "+", then the digits up to the first other character (`3abc` and `3.5` are 3).
_LEADING_NUMBER = re.compile(r"[\t\n\f\r ]*\+?([0-9]+)")
# The white space that ends a run of text: HTML's, which the layout collapses.
_TRAILING_SPACE = re.compile(r"[\t\n\f\r ]+\Z")


def keep_phone_numbers_whole(root: etree.Element, countries: Sequence[str] = ()) -> None:
    """Set each phone number in the text of the document `root` in a `span.hb-phone`,
    and give each column of a wide table that holds one a width its longest number
    fits (see the module's docstring)."""
    body = root.find("body")
    if body is None:
        return
    for element in list(body.iter()):
        # Not a drawing's text (an SVG element's tag names its namespace): no HTML there.
        tag = element.tag
        if isinstance(tag, str) and not tag.startswith("{") and tag not in NOT_TEXT:
            _wrap_numbers(element, countries)
    if root.get("dir", "").strip().lower() == "rtl":
        for span in body.iter("span"):
            if PHONE_CLASS in span.get("class", "").split():
                span.set("dir", "ltr")
    for table in body.iter("table"):
        if WIDE_TABLE_CLASS in table.get("class", "").split():
            _size_phone_columns(table)


def _wrap_numbers(element: etree.Element, countries: Sequence[str]) -> None:
    """Wrap the phone numbers of `element`'s own text and of its children's tails."""
    wrap_spans(element, lambda text: _phone_spans(text, countries), PHONE_CLASS)


def wrap_spans(
    element: etree.Element, find: Callable[[str], list[tuple[int, int]]], class_name: str
) -> None:
    """Set each of the spans of text that `find` finds in `element`'s own text and in its
    children's tails (start, end; in order, apart) in a `span` of class `class_name`,
    unless `element` is one already; the space before each goes in a `span.hb-space`
    (see the module's docstring)."""
    wrap_spans_at(
        element, lambda child: find(element.text if child is None else child.tail), class_name
    )


def wrap_spans_at(
    element: etree.Element,
    spans_at: Callable[[etree.Element | None], Sequence[tuple[int, int]]],
    class_name: str,
) -> list[etree.Element]:
    """As `wrap_spans`, with the spans of each text given by its place: `spans_at(None)`
    those of `element`'s own text, `spans_at(child)` those of `child`'s tail; returns the
    spans made, in order."""
    wrapped: list[etree.Element] = []
    if class_name in element.get("class", "").split():
        return wrapped
    if element.text:
        spans = spans_at(None)
        if spans:
            element.text, made = _spans_of(element.text, spans, class_name)
            for index, span in enumerate(made):
                element.insert(index, span)
            wrapped += [span for span in made if span.get("class") == class_name]
    for child in list(element):
        if child.tail:
            spans = spans_at(child)
            if spans:
                child.tail, made = _spans_of(child.tail, spans, class_name)
                position = list(element).index(child) + 1
                for index, span in enumerate(made):
                    element.insert(position + index, span)
                wrapped += [span for span in made if span.get("class") == class_name]
    return wrapped


def _phone_spans(text: str, countries: Sequence[str]) -> list[tuple[int, int]]:
    return [
        (start, end)
        for kind, start, end in find_personal_data(text, countries=countries)
        if kind == "phone number"
    ]


def _spans_of(
    text: str, spans: Sequence[tuple[int, int]], class_name: str
) -> tuple[str, list[etree.Element]]:
    """The text before the first of `spans` of `text`, and the elements to follow it: a
    `span` of class `class_name` for each, with the text up to the next one as its tail;
    the space that ends the text before each is set apart (see the module's docstring)."""
    before, made = _space_apart(text[: spans[0][0]])
    for index, (start, end) in enumerate(spans):
        span = etree.Element("span", {"class": class_name})
        span.text = text[start:end]
        if index + 1 < len(spans):
            span.tail, space = _space_apart(text[end : spans[index + 1][0]])
        else:
            span.tail, space = text[end:], []
        made += [span, *space]
    return before, made


def _space_apart(text: str) -> tuple[str, list[etree.Element]]:
    """`text` without the space it ends with, and that space in a `span.hb-space`; `text`
    as it is if it ends with none, or is nothing but space (no run of text to measure)."""
    trailing = _TRAILING_SPACE.search(text)
    if trailing is None or trailing.start() == 0:
        return text, []
    space = etree.Element("span", {"class": SPACE_CLASS})
    space.text = trailing.group()
    return text[: trailing.start()], [space]


def _size_phone_columns(table: etree.Element) -> None:
    """Give `table` a `<colgroup>` whose columns holding a phone number are as wide as
    their longest one; the others are left to the table's even share."""
    longest: dict[int, int] = {}
    for row in table.iter("tr"):
        column = 0
        for cell in row:
            if cell.tag not in ("td", "th"):
                continue
            for number in cell.iter("span"):
                if PHONE_CLASS in number.get("class", "").split():
                    length = len(number.text or "")
                    longest[column] = max(longest.get(column, 0), length)
            column += _span_of(cell)
    if not longest:
        return
    columns = etree.Element("colgroup")
    for column in range(max(longest) + 1):
        col = etree.SubElement(columns, "col")
        if column in longest:
            # The table is laid out as `table-layout: fixed`: a column's width is its
            # `<col>`'s, whatever its cells hold.
            col.set("style", f"width: {longest[column] + _PADDING_DIGITS}ch")
    table.insert(0, columns)


def _span_of(cell: etree.Element) -> int:
    """How many columns `cell` spans, as HTML counts them."""
    number = _LEADING_NUMBER.match(cell.get("colspan", ""))
    if number is None:
        return 1
    # Compared as text first: Python's int() refuses thousands of digits.
    digits = number[1].lstrip("0")
    if len(digits) > len(str(_MOST_COLUMNS_SPANNED)):
        return _MOST_COLUMNS_SPANNED
    return min(_MOST_COLUMNS_SPANNED, max(1, int(digits or "0")))
