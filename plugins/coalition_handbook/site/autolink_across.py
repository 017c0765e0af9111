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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markdown.util import HTML_PLACEHOLDER_RE

from .autolink_raw_tags import RawTags

if TYPE_CHECKING:
    from .autolink import RawSpans

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


class LinksAcross:
    """The links a page gets over more than one of its texts (`link_across`), made as
    autolink.py finds their uses, and what is left of each text after them, for its own
    links (`current`)."""

    def __init__(
        self,
        segments: Sequence[tuple[etree.Element, etree.Element | None, str]],
        blocks: Sequence[etree.Element],
        in_raw: Sequence[RawSpans],
        read_through: RawTags,
    ) -> None:
        self.segments, self.blocks, self.in_raw = segments, blocks, in_raw
        self.read_through = read_through
        self.made = 0
        self._covered: dict[int, tuple[int, int]] = {}
        # Only the texts a link made here changed, and the slots by segment made at the
        # first link: most pages get none, and every page has thousands of texts.
        self._changed: dict[int, tuple[etree.Element, etree.Element | None, str, int]] = {}
        self._by_slot: dict[tuple[etree.Element, etree.Element | None], int] | None = None

    def current(self, index: int) -> tuple[etree.Element, etree.Element | None, str, int]:
        """Segment `index` now: the slot its text is in, that text, and where it starts
        in the text first collected."""
        changed = self._changed.get(index)
        if changed is not None:
            return changed
        owner, child, text = self.segments[index]
        return owner, child, text, 0

    def covers(self, index: int, start: int, end: int) -> bool:
        """Whether a link made here holds part of segment `index`'s (start, end)."""
        covered = self._covered.get(index)
        return covered is not None and start < covered[1] and covered[0] < end

    def link(
        self, first: int, first_at: int, last: int, last_at: int, attributes: dict[str, str]
    ) -> bool:
        """Link from `first_at` in segment `first` to `last_at` in segment `last`; whether
        it was made (not where raw HTML makes part of it a link or code, nor where the two
        places are no start and end of one element's content)."""
        if self.blocks[first] is not self.blocks[last]:
            return False
        spans = {
            index: (
                first_at if index == first else 0,
                last_at if index == last else len(self.segments[index][2]),
            )
            for index in range(first, last + 1)
        }
        if any(self.in_raw[index].overlaps(*span) for index, span in spans.items()):
            return False
        if self.read_through and any(
            int(placeholder.group(1)) in self.read_through
            for index, (start, end) in spans.items()
            for placeholder in HTML_PLACEHOLDER_RE.finditer(self.segments[index][2], start, end)
        ):
            return False  # raw HTML's tags too: not looked into here
        owner, child, _, shift = self.current(first)
        start = Cut(owner, child, first_at - shift)
        owner, child, _, shift = self.current(last)
        made = link_across(
            start, Cut(owner, child, last_at - shift), self.blocks[first], attributes
        )
        if made is None:
            return False
        self.made += 1
        self._covered.update(spans)
        owner, child, text, shift = self.current(first)
        self._changed[first] = owner, child, text[: first_at - shift], shift
        # The text after the link was the tail of the last element it holds: now its own.
        if self._by_slot is None:
            self._by_slot = {
                (owner, child): index for index, (owner, child, _) in enumerate(self.segments)
            }
        link_owner, link, held_last, offset = made
        rest = self._by_slot.pop((link_owner, held_last), None)
        if rest is not None:
            _, _, text, shift = self.current(rest)
            self._changed[rest] = link_owner, link, text[offset:], shift + offset
            self._by_slot[link_owner, link] = rest
        return True
