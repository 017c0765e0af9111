"""The author's HTML as a handout prints it: without the elements that act on the whole
document rather than on their place in it.

A module's Markdown may hold raw HTML, which its site page shows as written. In a PDF,
a `<style>` element (or a `<link>` to a stylesheet) in the module's body would restyle
the whole handout: an `@page { size: A6 }` overrode the configured paper size, and
`ol { display: none }` took the protocols' steps out of it (found in an audit). `<link>`
also attaches files to a PDF in WeasyPrint, `<meta>` sets its metadata and `<base>`
moves where its images are read from. The handout's own stylesheet and head decide
those; the author's HTML keeps every other element.

They are taken out of the tree WeasyPrint parsed (with tinyhtml5, an HTML5 parser): the
elements it would apply are the ones found, however a comment, a CDATA section or an
end tag is spelled around them (a tokenizer of our own read some of those otherwise,
found in review). An SVG's own `<style>` styles its drawing alone, and stays.

More ways the author's HTML reaches the whole document go too (second and third
reviews): a stray `<body style=...>` or `<html ...>` tag, whose attributes HTML5 gives
the document's own body and root; a link `rel="attachment"`, which WeasyPrint embeds in
the PDF as a file; and the `style` attribute of an HTML element, or of a drawing's own
`<svg>`, where `position: fixed` and a white background covered every page. The shapes
inside a drawing keep theirs.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

# HTML elements that act on the whole document (an SVG's, in its namespace, do not).
_DOCUMENT_TAGS = frozenset({"style", "link", "meta", "base"})
# The attributes the handout's template gives its root and body (`handout.html.j2`).
_OWN_ATTRIBUTES = {"html": frozenset({"lang", "dir"}), "body": frozenset()}


def remove_document_styling(root: etree.Element) -> None:
    """Take the `<style>`, `<link>`, `<meta>` and `<base>` elements out of the `<body>`
    of the document `root` (the handout's own are in its `<head>`), and what the author
    added to the root's and body's attributes, a link's `rel="attachment"` and the
    inline styles of what the page lays out (see the module's docstring). The text after
    each element stays, as a browser would show it. One pass: each parent's children
    are rebuilt once, whatever their number."""
    body = root.find("body")
    if body is None:
        return
    for element in (root, body):
        own = _OWN_ATTRIBUTES[element.tag]
        for name in [name for name in element.attrib if name not in own]:
            del element.attrib[name]
    for link in body.iter("a"):
        if "attachment" in link.get("rel", "").lower().split():
            del link.attrib["rel"]
    for parent in list(body.iter()):
        in_drawing = _is_drawing_element(parent)
        for child in parent:
            if not (in_drawing and _is_drawing_element(child)):
                child.attrib.pop("style", None)
        if not any(_is_document_element(child) for child in parent):
            continue
        kept: list[etree.Element] = []
        for child in parent:
            if not _is_document_element(child):
                kept.append(child)
            elif child.tail:  # its text after it joins what came before it
                if kept:
                    kept[-1].tail = (kept[-1].tail or "") + child.tail
                else:
                    parent.text = (parent.text or "") + child.tail
        parent[:] = kept


def _is_document_element(element: etree.Element) -> bool:
    return element.tag in _DOCUMENT_TAGS  # a comment's tag is a function, no string


def _is_drawing_element(element: etree.Element) -> bool:
    """Whether `element` is in SVG's or MathML's namespace (`{...}rect`), not HTML's."""
    return isinstance(element.tag, str) and element.tag.startswith("{")
