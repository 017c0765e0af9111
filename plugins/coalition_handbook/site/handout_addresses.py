"""Addresses in a wide table of a handout are never hyphenated.

A wide table's words are hyphenated where its narrow columns break them (`hb-wide` in
handout.css: print audit, "Responsabl" over "e" read as two words). An address is no
word: "humantraffickinghotline.org" hyphenated prints a "-" a reader would type. Each
web or e-mail address, or domain name, written as text in such a table is set in a
`span.hb-address`, which the stylesheet does not hyphenate (nor a link, nor code, nor a
phone number: `handout_phones`); it still breaks where it must, with no mark.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from .handout_phones import NOT_TEXT, WIDE_TABLE_CLASS, wrap_spans

ADDRESS_CLASS = "hb-address"
# A word that holds a scheme's "://", an "@", or a dot between a letter or digit and two
# letters or more (`example.org`, `www.polaris.org/es/`); "e.g." and "U.S.C." have no
# two letters after a dot.
_ADDRESS = re.compile(r"[^\s]*(?:://|@|[^\W_]\.[^\W\d_]{2})[^\s]*")


def keep_addresses_unhyphenated(root: etree.Element) -> None:
    """Set each address written as text in a wide table of the document `root` in a
    `span.hb-address` (see the module's docstring)."""
    body = root.find("body")
    if body is None:
        return
    for table in body.iter("table"):
        if WIDE_TABLE_CLASS not in table.get("class", "").split():
            continue
        for element in list(table.iter()):
            tag = element.tag
            # Not a drawing's text (an SVG element's tag names its namespace).
            if isinstance(tag, str) and not tag.startswith("{") and tag not in NOT_TEXT:
                wrap_spans(element, _addresses, ADDRESS_CLASS)


def _addresses(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _ADDRESS.finditer(text)]
