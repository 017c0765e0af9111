"""One clickable area a line for each link of a handout, not one for each element in it.

WeasyPrint gives a clickable area (a link annotation) to every box a link holds but its
text: the link's own piece on each line, and each element inside it, with the same
address, over part of the same place. A public number is a link with its number in a
span that keeps it on one line (`handout_phones`): its PDF held two areas, one over the
other, for one number, and emphasis inside a link or the address printed after it
(`a::after`) one more each; a screen reader that lists a page's links, or moves from one
area to the next, met each number twice (handout audit). An area inside another of the
same address on the same page adds nothing a reader can tap: it is left out, before the
PDF is written (`Page.links`, WeasyPrint's laid-out page, is what it makes them from). A
picture in a link, taller than the line, is an area of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from .handout_laid_out import say_unread

# How far, in CSS pixels, an area may reach past the one around it (rounding).
_SLACK = 0.5


def drop_inner_link_areas(pages: Sequence[Any]) -> None:
    """Leave out of each laid-out page (WeasyPrint's `Document.pages`) the link areas
    that lie inside another of the same address: the first of two that are alike stays."""
    for page in pages:
        links = getattr(page, "links", None)
        if links is None:
            _say_unread("their link areas (Page.links)")
            return
        if not links:
            continue
        try:
            kept = _outer_areas(links)
        except (TypeError, ValueError, IndexError):  # another WeasyPrint's: left as is
            _say_unread("a link area's address and rectangle")
            continue
        if len(kept) < len(links):
            page.links = kept


def _say_unread(what: str) -> None:
    """Said as information: every handout has links, and two areas for one link are no
    content of the coalition's, nor a reason to fail its `--strict` build."""
    say_unread(
        what, "a link's number or address may be two clickable areas in a handout", logging.INFO
    )


def _outer_areas(links: Sequence[Any]) -> list[Any]:
    """`links` without the areas inside an earlier one of the same address."""
    kept: list[Any] = []
    # The areas kept, by their link type and address: an area is compared with those of
    # its own address only (with all of its page's, 2,000 numbers on a page took 4 s).
    kept_by_address: dict[Any, list[Any]] = {}
    for link in links:
        alike = kept_by_address.setdefault(_address(link), [])
        if not any(_holds(outer, link) for outer in alike):
            alike.append(link)
            kept.append(link)
    return kept


def _address(link: Any) -> Any:
    """The link area's type and address, to group areas by (all in one group where this
    WeasyPrint writes an address that cannot be: slower, no error)."""
    address = tuple(link[:2])
    try:
        hash(address)
    except TypeError:
        return None
    return address


def _holds(outer: Any, inner: Any) -> bool:
    """Whether the link area `outer` (link type, address, rectangle, box) is `inner`'s
    address and covers its rectangle (x1, y1, x2, y2)."""
    if outer[:2] != inner[:2]:
        return False
    (ox1, oy1, ox2, oy2), (ix1, iy1, ix2, iy2) = outer[2], inner[2]
    return (
        ix1 >= ox1 - _SLACK and iy1 >= oy1 - _SLACK and ix2 <= ox2 + _SLACK and iy2 <= oy2 + _SLACK
    )
