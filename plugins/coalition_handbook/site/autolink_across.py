"""Autolinks over more than one text of a paragraph: a use part of whose words are in
emphasis ("*trafficking* in persons", "**survivor**s"), or that goes over a hard line
break ("trafficking<br>in persons"). `handbook check` reads each as a use (DESIGN section
4), and a link is allowed there (section 7): the link holds the elements it goes over,
as the page shows them.

A place in the tree is a text slot and an offset in it: `(owner, None)` is
`owner.text`, `(owner, child)` is `child.tail` (in `owner`), as autolink.py's segments
are. Only the inline elements autolinking reads through are gone over (autolink.py's
`_collect` says which): never a link, code or a block.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass

Slot = tuple[etree.Element, etree.Element | None]


@dataclass(frozen=True, slots=True)
class Cut:
    """A place between two characters of the tree: `offset` into the text of `slot`."""

    owner: etree.Element
    child: etree.Element | None
    offset: int


def _slot_text(owner: etree.Element, child: etree.Element | None) -> str:
    return (owner.text if child is None else child.tail) or ""


def _set_slot_text(owner: etree.Element, child: etree.Element | None, text: str) -> None:
    if child is None:
        owner.text = text or None
    else:
        child.tail = text or None


def _lift_start(cut: Cut, parents: dict[etree.Element, etree.Element]) -> Cut | None:
    """The same place, taken out of the element whose text it starts (before it, in its
    parent); None where it does not start one."""
    parent = parents.get(cut.owner)
    if cut.child is not None or cut.offset != 0 or parent is None:
        return None
    index = list(parent).index(cut.owner)
    before = parent[index - 1] if index else None
    return Cut(parent, before, len(_slot_text(parent, before)))


def _lift_end(cut: Cut, parents: dict[etree.Element, etree.Element]) -> Cut | None:
    """The same place, taken out of the element whose text it ends (after it, in its
    parent); None where it does not end one."""
    parent = parents.get(cut.owner)
    last = cut.owner[-1] if len(cut.owner) else None
    if parent is None or cut.child is not last:
        return None
    if cut.offset != len(_slot_text(cut.owner, cut.child)):
        return None
    return Cut(parent, cut.owner, 0)


def _depth(element: etree.Element, parents: dict[etree.Element, etree.Element]) -> int:
    depth = 0
    while element in parents:
        element = parents[element]
        depth += 1
    return depth


def link_across(
    start: Cut,
    end: Cut,
    block: etree.Element,
    attributes: dict[str, str],
) -> tuple[etree.Element, etree.Element, etree.Element, int] | None:
    """Wrap the text from `start` to `end` (in the same `block`, the paragraph, item or
    cell holding both) in a link with `attributes`, the elements in between moved into
    it. Returns (the element the link is in, the link, the element whose tail the text
    after `end` was, and where `end` was in that tail), so the caller can find that text
    again: now the link's tail. None, and the tree unchanged, where the two places
    cannot be the start and end of one element's content (a use that starts in the
    middle of one emphasis and ends in the middle of another)."""
    # Within the block only: its own parent is no place to lift a place to.
    parents = {child: parent for parent in block.iter() for child in parent}
    while start.owner is not end.owner:
        lift_start = _depth(start.owner, parents) >= _depth(end.owner, parents)
        lifted = _lift_start(start, parents) if lift_start else _lift_end(end, parents)
        if lifted is None:
            return None
        if lift_start:
            start = lifted
        else:
            end = lifted
    owner = start.owner
    children = list(owner)
    first = 0 if start.child is None else children.index(start.child) + 1
    after = 0 if end.child is None else children.index(end.child) + 1
    if after <= first:
        return None  # one text: autolink.py links it alone
    start_text = _slot_text(owner, start.child)
    end_text = _slot_text(owner, end.child)
    link = etree.Element("a", attributes)
    link.text = start_text[start.offset :] or None
    _set_slot_text(owner, start.child, start_text[: start.offset])
    moved = children[first:after]
    for element in moved:
        owner.remove(element)
        link.append(element)
    last = moved[-1]
    last.tail = end_text[: end.offset] or None
    link.tail = end_text[end.offset :] or None
    owner.insert(first, link)
    return owner, link, last, end.offset
