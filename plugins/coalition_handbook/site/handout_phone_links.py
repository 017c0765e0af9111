"""The public phone numbers of a handout's text as links, to call or text them, as on the
site (`autolink`: the numbers `privacy.allow` lists, not in headings, links or code).

A handout is read on phones too: a trainer sends it ahead of a session, and a participant
keeps it. Only a protocol's contacts were links in it; the module's Respond section, a
step's detail and a key term's definition printed the hotline's number as text no phone
could dial from the PDF, where the site's page of the same text links it (audit of a
trainer's handouts).

A paragraph is read as the site reads a page's (`autolink`): its texts joined through
the edges of emphasis and the like, parted at a link, code, a heading, another block and
what is no prose (an admonition's title, a summary, math, a drawing); a number is linked
only where one text holds it whole. Read text by text, `Case no. 12<em>911</em>` linked
the 911 of a longer number, to an emergency line, and `!!! danger "Call 911"` its title
(review rv59f).

The links are made on the tree WeasyPrint parsed, before `mark_link_destinations` (whose
text is the number: nothing more is printed after it) and `keep_phone_numbers_whole`
(which keeps a number whole inside its link, as a contact's).
"""

from __future__ import annotations

import bisect
import xml.etree.ElementTree as etree
from collections.abc import Set
from dataclasses import dataclass, field
from functools import partial

from ..markdown import mask_addresses
from ..rules.privacy_allow import public_short_codes
from ..rules.privacy_public_phones import public_phone_numbers
from .autolink import PHRASING_TAGS, SKIPPED_CLASSES, SKIPPED_TAGS
from .handout_phones import wrap_spans_at
from .phone_links import dialable, phone_href

# Marks the spans made here until they become links.
_MADE_CLASS = "hb-phone-link"
# What joins two texts no number is read across, as the site's (`autolink._Joints`).
_CUT = "\x00"


@dataclass
class _Text:
    """`owner.text` where `child` is None, else `child.tail`; where it starts in the
    texts joined, and the (start, end, scheme) of the numbers to link in it, in order."""

    owner: etree.Element
    child: etree.Element | None
    start: int
    text: str
    numbers: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class _Reading:
    """A document's texts in reading order, and what joins each to the one before."""

    texts: list[_Text] = field(default_factory=list)
    joined: list[str] = field(default_factory=list)
    length: int = 0
    joint: str = _CUT

    def add(self, owner: etree.Element, child: etree.Element | None, text: str) -> None:
        self.joined += (self.joint, text)
        self.length += len(self.joint)
        self.texts.append(_Text(owner, child, self.length, text))
        self.length += len(text)
        self.joint = ""

    def cut(self) -> None:
        self.joint = _CUT


def link_public_phones(root: etree.Element, public: Set[str]) -> None:
    """Make each number of the text of the document `root` that `public` (the keys of
    `privacy_allow.public_phone_keys`) holds a `tel:` link, or an `sms:` one for a short
    code, dialled as `phone_href` dials it: those the site links in the same HTML."""
    body = root.find("body")
    if body is None or not public:
        return
    reading = _Reading()
    _read(body, reading)
    _place_numbers(reading, public)
    # Each element's texts (its own, its children's tails), by the element, in order.
    owners: dict[int, tuple[etree.Element, dict[int, _Text]]] = {}
    for text in reading.texts:
        owners.setdefault(id(text.owner), (text.owner, {}))[1][id(text.child)] = text
    for owner, texts in owners.values():
        if not any(text.numbers for text in texts.values()):
            continue
        made = wrap_spans_at(owner, partial(_numbers_of, texts), _MADE_CLASS)
        schemes = [scheme for text in texts.values() for _, _, scheme in text.numbers]
        if len(made) != len(schemes):
            continue  # an element of the author's with `_MADE_CLASS`: none made in it
        for span, scheme in zip(made, schemes, strict=True):
            span.attrib.clear()
            if dialable(span.text or "", scheme):  # listed public, yet maybe in doubt
                span.tag = "a"
                span.set("href", str(phone_href(span.text or "", scheme)))


def _numbers_of(texts: dict[int, _Text], child: etree.Element | None) -> list[tuple[int, int]]:
    """The (start, end) of the numbers to link in the text at `child`'s place in `texts`
    (an owner's own text at None): none in a tail made while they are linked."""
    text = texts.get(id(child))
    return [] if text is None else [(start, end) for start, end, _ in text.numbers]


def _read(element: etree.Element, reading: _Reading) -> None:
    """The texts of `element` into `reading`, as the site's `autolink._collect` reads a
    page: a line break joins two texts with a space, an element that is no phrasing parts
    them, and one whose text is never linked (`SKIPPED_TAGS`, `SKIPPED_CLASSES`, a
    drawing's or a formula's, in a namespace) is not read."""
    if element.tag == "br":
        if reading.joint != _CUT:
            reading.joint = " "
    elif element.tag not in PHRASING_TAGS:
        reading.cut()
    if element.text:
        reading.add(element, None, element.text)
    for child in element:
        if _skipped(child):
            reading.cut()
        else:
            _read(child, reading)
        if child.tail:
            reading.add(element, child, child.tail)
    if element.tag not in PHRASING_TAGS and element.tag != "br":
        reading.cut()


def _skipped(element: etree.Element) -> bool:
    tag = element.tag
    if not isinstance(tag, str) or tag.startswith("{") or tag in SKIPPED_TAGS:
        return True
    return not SKIPPED_CLASSES.isdisjoint(element.get("class", "").split())


def _place_numbers(reading: _Reading, public: Set[str]) -> None:
    """Note in each text of `reading` the public numbers it holds whole (start, end and
    scheme, in order), in no bare URL or e-mail address (masked, as the site masks
    them). A number found as both is called, as the site does."""
    masked = mask_addresses("".join(reading.joined))
    found = [
        *((start, end, "tel") for start, end in public_phone_numbers(masked, public)),
        *((start, end, "sms") for start, end in public_short_codes(masked, public)),
    ]
    starts = [text.start for text in reading.texts]
    for start, end, scheme in found:
        text = reading.texts[bisect.bisect_right(starts, start) - 1]
        local_start, local_end = start - text.start, end - text.start
        if local_start < 0 or local_end > len(text.text):
            continue  # across the edge of emphasis or the like: no link, as on the site
        if any(
            local_start < other_end and other_start < local_end
            for other_start, other_end, _ in text.numbers
        ):
            continue
        text.numbers.append((local_start, local_end, scheme))
    for text in reading.texts:
        text.numbers.sort()
