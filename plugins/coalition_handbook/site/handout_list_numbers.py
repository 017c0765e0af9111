"""Each ordered list of a handout numbered as it is written, as the site shows it.

WeasyPrint reads no `start`, `reversed` or `type` of an `<ol>` (its HTML stylesheet has
none of HTML's rules for them): a list written to go on after a paragraph (`3.`, `4.`,
which Python-Markdown writes as `<ol start="3">`) printed as 1. 2. (badux). Each is set
here as the CSS that HTML's rendering rules give it, in the `style` of the tree
WeasyPrint lays out, after `print_only.remove_document_styling` took the author's out:
`counter-reset: list-item` for its first number and `counter-increment: list-item -1` on
each item of a reversed list. The handout draws each number itself (handout.css: its
`::before`), so a `type` is a class there, `hb-list-lower-alpha` and the like, whose rule
draws letters or roman numerals. A list item's own `value` (`<li value="5">`, written
in HTML: WeasyPrint reads it no more) is a `counter-set` on it, the items after it going
on from there; WeasyPrint sets before it increments (CSS says after), so the value set is
one step back: `list-item 4`, or 6 in a reversed list. (Python-Markdown writes no `start`
either: a list written `3.` `4.` starts at 1 on the site and on paper alike; an `<ol>`
written in HTML has one.)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

# HTML's `type` of an `<ol>`, case-sensitive, as its rendering rules read it: the counter
# style its numbers are drawn in (handout.css has a rule for each but decimal's).
_LIST_STYLES = {
    "1": "decimal",
    "a": "lower-alpha",
    "A": "upper-alpha",
    "i": "lower-roman",
    "I": "upper-roman",
}
# HTML's rules for parsing integers: spaces first, an optional sign, digits, the rest
# ignored.
_INTEGER = re.compile(r"[\t\n\f\r ]*([-+]?)0*([0-9]+)")
# What a browser's CSS counter holds (a 32-bit integer): a number past it is the
# nearest it holds, as Chromium shows the list on the site. (All the digits are read:
# the first nine alone printed `start="1234567890"` as 123456789, badux3.)
_MOST = 2**31 - 1


def number_ordered_lists(root: etree.Element) -> None:
    """Give each `<ol>` under the document `root`'s body the style its `start`,
    `reversed` and `type` call for (see the module's docstring)."""
    body = root.find("body")
    if body is None:
        return
    for ordered in body.iter("ol"):
        declarations: list[str] = []
        items = [child for child in ordered if child.tag == "li"]
        start = _integer(ordered.get("start"))
        reversed_list = ordered.get("reversed") is not None
        if reversed_list:
            first = start if start is not None else len(items)
            declarations.append(f"counter-reset: list-item {first + 1}")
            for item in items:
                item.set("style", _joined(item.get("style"), "counter-increment: list-item -1"))
        elif start is not None:
            declarations.append(f"counter-reset: list-item {start - 1}")
        for item in items:
            value = _integer(item.get("value"))
            if value is not None:
                before = value + 1 if reversed_list else value - 1  # incremented after
                item.set("style", _joined(item.get("style"), f"counter-set: list-item {before}"))
        if (style := _LIST_STYLES.get(ordered.get("type", ""))) is not None:
            ordered.set("class", " ".join([*ordered.get("class", "").split(), f"hb-list-{style}"]))
        if declarations:
            ordered.set("style", _joined(ordered.get("style"), "; ".join(declarations)))


def _integer(text: str | None) -> int | None:
    match = _INTEGER.match(text or "")
    if match is None:
        return None
    sign, digits = match.groups()
    # Not int() of thousands of digits, which Python refuses.
    number = int(digits) if len(digits) <= len(str(_MOST)) else _MOST + 1
    return max(-_MOST - 1, min(_MOST, -number if sign == "-" else number))


def _joined(style: str | None, declarations: str) -> str:
    return f"{style}; {declarations}" if style else declarations
