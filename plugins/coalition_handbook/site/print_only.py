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
found in review).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import tinyhtml5

# Elements that act on the whole document, by local name (an SVG's `<style>` too).
_DOCUMENT_TAGS = frozenset({"style", "link", "meta", "base"})


def printable_tree(html: str) -> etree.Element:
    """`html` parsed as WeasyPrint parses it, without the document elements of its body
    (a test's view of what `remove_document_elements` leaves)."""
    root = tinyhtml5.parse(html, namespace_html_elements=False)
    remove_document_elements(root)
    return root


def remove_document_elements(root: etree.Element) -> None:
    """Take the `<style>`, `<link>`, `<meta>` and `<base>` elements out of the `<body>`
    of the document `root` (the handout's own are in its `<head>`). The text after each
    one stays, as a browser would show it. One pass: each parent's children are
    rebuilt once, whatever their number."""
    body = root.find("body")
    if body is None:
        return
    for parent in list(body.iter()):
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
    tag = element.tag
    return isinstance(tag, str) and tag.rpartition("}")[2] in _DOCUMENT_TAGS
