"""Each block of a handout written in the other direction than its page, set in its own.

WeasyPrint reads neither `dir="auto"` nor `<bdi>` (checked, task site63): in an Arabic
handout, an English paragraph (a protocol the coalition has not translated yet) was laid
out right to left, its full stop at its start (".trafficking"), and a duration of
`45 minutes` printed as "minutes 45". A browser guesses such a block's direction from
its first strong letter (`dir="auto"`), which a paragraph that starts with an acronym
gets wrong (`TIP ...` in Arabic). Here a block is turned only where all its letters go
the other way: a sentence in the page's language that names an organisation in
another (`اتصل بـ HSI Tip Line`) would read in the wrong order turned, and most of its
letters may be the name's. What already has a direction is left as it is: an author's
`dir`, and the template's English labels (`languages.english_label`), whose letters are
not read either.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as etree

# The elements whose text is laid out as a paragraph of its own.
_BLOCKS = frozenset(
    {"p", "li", "dd", "dt", "td", "th", "caption", "figcaption", "summary", "div"}
    | {"blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table"}
    | {"pre", "figure", "section", "details", "hr", "header", "aside", "nav", "main"}
)
# Of those, the ones given a direction of their own (aligned to its side): a paragraph,
# a value of the masthead, a cell. A list item's or a term's text is set in a span
# instead, its marker or box left where the page puts it (a check box printed over an
# English objective's first letter); a heading is left as it is, aligned with the
# template's headings (`## Realize` in an Arabic handout).
_SET = frozenset({"p", "dd", "td", "th", "caption", "figcaption"})
_SPANNED = frozenset({"li", "dt"})
# Elements that hold no text laid out as prose.
_NO_TEXT = frozenset({"script", "style", "template"})


def set_block_directions(root: etree.Element) -> None:
    """Give each block of the document `root` whose letters all go the other way than
    the direction it inherits (from `<html dir>`) a `dir` of its own."""
    inherited = "rtl" if root.get("dir", "").lower() == "rtl" else "ltr"
    stack: list[tuple[etree.Element, str]] = [(root, inherited)]
    while stack:
        element, direction = stack.pop()
        if not isinstance(element.tag, str) or element.tag in _NO_TEXT:
            continue  # (a comment)
        own = element.get("dir", "").lower()
        if own in ("ltr", "rtl"):
            direction = own
        elif element.tag in _SET or element.tag in _SPANNED:
            written = _direction_of_letters(element)
            if written is not None and written != direction:
                if element.tag in _SET:
                    element.set("dir", written)
                    direction = written
                elif not any(child.tag in _BLOCKS for child in element):
                    _set_in_span(element, written)
        stack.extend((child, direction) for child in element)


def _set_in_span(element: etree.Element, direction: str) -> None:
    """Move `element`'s text and children into a `<span dir>` of `direction`, its one
    child."""
    span = etree.Element("span", {"dir": direction})
    span.text, element.text = element.text, None
    for child in list(element):
        element.remove(child)
        span.append(child)
    element.append(span)


def _direction_of_letters(block: etree.Element) -> str | None:
    """ "ltr" or "rtl", where all the strong letters of `block`'s own text (not a block's
    inside it, nor an element's that has a direction) go that way; None where it has
    both, or neither."""
    left = right = False
    for text in _own_texts(block):
        for character in text:
            kind = unicodedata.bidirectional(character)
            if kind == "L":
                left = True
            elif kind in ("R", "AL"):
                right = True
        if left and right:
            return None
    if left == right:
        return None
    return "ltr" if left else "rtl"


def _own_texts(block: etree.Element) -> list[str]:
    """The texts of `block` laid out in its own paragraph (see `_direction_of_letters`)."""
    texts = [block.text or ""]
    stack = list(reversed(block))
    while stack:
        child = stack.pop()
        if isinstance(child.tag, str) and not (
            child.tag in _BLOCKS
            or child.tag in _NO_TEXT
            or child.get("dir", "").lower() in ("ltr", "rtl")
        ):
            texts.append(child.text or "")
            stack.extend(reversed(child))
        texts.append(child.tail or "")
    return texts
