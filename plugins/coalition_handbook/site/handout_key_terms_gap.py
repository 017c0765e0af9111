"""The Key terms box starts where the text before it ends, not a page later.

The box sets its terms in two columns, each term kept whole (`handout.css`). Where the
first term of the second column is taller than the room left on the page the box starts
on, WeasyPrint (70) gives up the first column too and moves the whole box to the next
page (Kozea/WeasyPrint#489, #2032): the example handbook's "Coalition onboarding"
handout on Letter left 46% of its page 6 blank, under two short terms' worth of room
(print audit). Where the box has left more than `LARGEST_GAP` of its page blank so, the handout
is laid out again with the box's terms in two lists: the first those that fill the
room, in columns there, the others after them, from the next page. Every term stays
whole and in its place in the A-Z order. Where not even the first term fits that room (a
definition of three quarters of a column, under `LONG_DEFINITION_WORDS`: the example's
"case-level data" left 55% of "Health care"'s page 5 on Letter blank, and 36% of "Hotel
and motel staff"'s on A4: print audit), that term runs on instead, as a long one does:
it starts in the room, its name with its first lines, and goes on in the next column.

The box, each term and a mark just before the box carry ids (the template's), so the
pages' anchors, WeasyPrint's public layout result, tell where each is.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Sequence
from typing import Any

# The template's ids: the Key terms box, an empty mark where the text before it ends,
# and each term (its number from 1 after this prefix).
BOX_ID = "hb-key-terms"
BEFORE_BOX_ID = "hb-before-key-terms"
TERM_ID_PREFIX = "hb-key-term-"
# The part of a page, from the end of the text before the box to the paper's foot
# (margin included), left blank before the box moves to the next page.
LARGEST_GAP = 1 / 3
PX_PER_MM = 96 / 25.4
# `handout.css`: the page's bottom margin, the space above the box and below a term.
PAGE_FOOT = 22 * PX_PER_MM
BOX_MARGIN = 6 * PX_PER_MM
TERM_MARGIN = 1.5 * PX_PER_MM
# Measured heights round; a column filled to the pixel may not hold its last term.
SLACK = 3 * PX_PER_MM
COLUMNS = 2


# The class of a term that may run on to the next column or page (`handout.css`).
RUNS_ON_CLASS = "hb-key-term--long"


def close_the_gap(root: etree.Element, pages: Sequence[Any]) -> bool:
    """Change the handout's tree `root` so that its Key terms box starts where the text
    before it ends, where in the laid-out `pages` (WeasyPrint's `Document.pages`) it
    left more than `LARGEST_GAP` of that page blank: the terms that fill the room in
    a list of their own, or the first term running on where none fits. Whether it
    changed anything: the handout is then laid out again."""
    gap = _gap_before_the_box(pages)
    if gap is None:
        return False
    room, heights = gap
    if filling := _fitting(heights, room):
        split_key_terms(root, filling)
        return True
    if heights[0] > room:
        return let_term_run_on(root, 1)
    return False


def _gap_before_the_box(pages: Sequence[Any]) -> tuple[float, list[float]] | None:
    """The room (a column's height) left blank before the Key terms box of the laid-out
    `pages` and the height of each term, where the box left more than `LARGEST_GAP`
    of that page blank; None where it did not."""
    before = _where(pages, BEFORE_BOX_ID)
    box = _where(pages, BOX_ID)
    if before is None or box is None or box[0] <= before[0]:
        return None
    page, end = before
    height = float(pages[page].height)
    if height - end[1] <= LARGEST_GAP * height:
        return None
    terms = []
    while (term := _where(pages, f"{TERM_ID_PREFIX}{len(terms) + 1}")) is not None:
        terms.append(term[1][3] - term[1][1] + TERM_MARGIN)
    if not terms:
        return None
    # The box's heading and border above its first term, as laid out on the next page.
    first_term_top = _where(pages, f"{TERM_ID_PREFIX}1")
    assert first_term_top is not None
    heading = first_term_top[1][1] - box[1][1]
    room = height - PAGE_FOOT - end[1] - BOX_MARGIN - heading - SLACK
    return room, terms


def let_term_run_on(root: etree.Element, number: int) -> bool:
    """Let the key term `number` (from 1) of the handout's tree `root` run on to the next
    column or page, as a long one does; whether the handout has that term."""
    wanted = f"{TERM_ID_PREFIX}{number}"
    for term in root.iter("div"):
        if term.get("id") == wanted:
            classes = term.get("class", "").split()
            if RUNS_ON_CLASS not in classes:
                term.set("class", " ".join([*classes, RUNS_ON_CLASS]))
            return True
    return False


def split_key_terms(root: etree.Element, count: int) -> None:
    """Put the first `count` key terms of the handout's tree `root` in a list of their
    own, before the others' list, in the same box."""
    for box in root.iter("aside"):
        if box.get("id") != BOX_ID:
            continue
        terms_list = box.find("dl")
        if terms_list is None:
            return
        first = etree.Element("dl", dict(terms_list.attrib))
        for term in list(terms_list)[:count]:
            terms_list.remove(term)
            first.append(term)
        box.insert(list(box).index(terms_list), first)
        return


def _fitting(heights: Sequence[float], room: float) -> int:
    """How many of the terms of `heights`, in order, fill `COLUMNS` columns of `room`."""
    placed = 0
    for _ in range(COLUMNS):
        filled = 0.0
        while placed < len(heights) and filled + heights[placed] <= room:
            filled += heights[placed]
            placed += 1
    return placed if placed < len(heights) else 0


def _where(pages: Sequence[Any], anchor: str) -> tuple[int, tuple[float, ...]] | None:
    """The index of the page that holds `anchor` and its box there (x1, y1, x2, y2)."""
    for index, page in enumerate(pages):
        position = page.anchors.get(anchor)
        if position is not None:
            return index, tuple(float(value) for value in position)
    return None
