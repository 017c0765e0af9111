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

from collections.abc import Sequence
from typing import Any

# How far, in CSS pixels, an area may reach past the one around it (rounding).
_SLACK = 0.5


def drop_inner_link_areas(pages: Sequence[Any]) -> None:
    """Leave out of each laid-out page (WeasyPrint's `Document.pages`) the link areas
    that lie inside another of the same address: the first of two that are alike stays."""
    for page in pages:
        links = getattr(page, "links", None)
        if not links:
            continue
        kept: list[Any] = []
        for link in links:
            if not any(_holds(outer, link) for outer in kept):
                kept.append(link)
        if len(kept) < len(links):
            page.links = kept


def _holds(outer: Any, inner: Any) -> bool:
    """Whether the link area `outer` (link type, address, rectangle, box) is `inner`'s
    address and covers its rectangle (x1, y1, x2, y2)."""
    if outer[:2] != inner[:2]:
        return False
    (ox1, oy1, ox2, oy2), (ix1, iy1, ix2, iy2) = outer[2], inner[2]
    return (
        ix1 >= ox1 - _SLACK and iy1 >= oy1 - _SLACK and ix2 <= ox2 + _SLACK and iy2 <= oy2 + _SLACK
    )
