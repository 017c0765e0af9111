"""The public phone numbers of a handout's text as links, to call or text them, as on the
site (`autolink`: the numbers `privacy.allow` lists, not in headings, links or code).

A handout is read on phones too: a trainer sends it ahead of a session, and a participant
keeps it. Only a protocol's contacts were links in it; the module's Respond section, a
step's detail and a key term's definition printed the hotline's number as text no phone
could dial from the PDF, where the site's page of the same text links it (audit of a
trainer's handouts).

The links are made on the tree WeasyPrint parsed, before `mark_link_destinations` (whose
text is the number: nothing more is printed after it) and `keep_phone_numbers_whole`
(which keeps a number whole inside its link, as a contact's).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Set

from ..markdown import mask_addresses
from ..rules.privacy_allow import public_short_codes
from ..rules.privacy_public_phones import public_phone_numbers
from .handout_phones import NOT_TEXT, wrap_spans
from .phone_links import phone_href

# Not linked, as on the site: headings, links (a contact's number is one already), code.
_NOT_LINKED = NOT_TEXT | {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp"}
# Emphasis an author marked never to be linked (ADOPTING.md: `*Modern Slavery 101*{ .hb-nolink }`).
_NO_LINK_CLASS = "hb-nolink"
# Marks the spans made here until they become links.
_MADE_CLASS = "hb-phone-link"


def link_public_phones(root: etree.Element, public: Set[str]) -> None:
    """Make each number of the text of the document `root` that `public` (the keys of
    `privacy_allow.public_phone_keys`) holds a `tel:` link, or an `sms:` one for a short
    code, dialled as `phone_href` dials it."""
    body = root.find("body")
    if body is None or not public:
        return
    _link_in(body, public)


def _link_in(element: etree.Element, public: Set[str]) -> None:
    tag = element.tag
    # A drawing's element names its namespace: no HTML, no prose there.
    if not isinstance(tag, str) or tag.startswith("{") or tag in _NOT_LINKED:
        return
    if _NO_LINK_CLASS in element.get("class", "").split():
        return
    for child in list(element):
        _link_in(child, public)
    wrap_spans(element, lambda text: _public_numbers(text, public), _MADE_CLASS)
    for made in element:
        if made.tag == "span" and made.get("class") == _MADE_CLASS:
            number = made.text or ""
            scheme = "sms" if _is_short_code(number, public) else "tel"
            made.tag = "a"
            made.attrib.clear()
            made.set("href", str(phone_href(number, scheme)))


def _public_numbers(text: str, public: Set[str]) -> list[tuple[int, int]]:
    """(start, end) of each public number of `text`, in order and apart; none in a bare
    URL or e-mail address (masked, as the site masks them)."""
    masked = mask_addresses(text)
    found = sorted({*public_phone_numbers(masked, public), *public_short_codes(masked, public)})
    apart: list[tuple[int, int]] = []
    for start, end in found:
        if not apart or start >= apart[-1][1]:
            apart.append((start, end))
    return apart


def _is_short_code(number: str, public: Set[str]) -> bool:
    return [(0, len(number))] == list(public_short_codes(number, public))
