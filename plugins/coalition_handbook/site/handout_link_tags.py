"""One link element per link of a handout, in its tagged PDF, for screen readers.

WeasyPrint tags a link (`<a>`) as a `Link` element for each piece of it that a line
holds, and the address the handout prints after a link's text (handout.css, `a::after`)
as a second `Link` inside the first. A screen reader read one link of a module as three
or four: "link Mandatory", "link Reporters of Child Abuse and Neglect", "link
(https://www.childwelfare.gov/)" (audit). Tagged PDF gives one `Link` element all the
pieces of its text and every annotation (clickable area) of its lines (ISO 32000-1,
14.8.4.4.2).

Like `handout_languages`, this wraps WeasyPrint's one function that builds each element
of the structure tree (`weasyprint.pdf.tags._build_box_tree`, which has no hook), once a
process: each `Link` element is marked with the HTML element it is made for, and once an
element is built, a `Link` inside it made for the same `<a>` on the same page is joined
to the one before it (or to it, where it is inside the link itself). A link inside
emphasis (`<em><a>…</a></em>`, `<strong>`) is a `Link` inside each line's piece of the
emphasis: two pieces of one emphasis, the one ending and the next beginning with a piece of
the same link, are joined first, which makes those pieces of the link neighbours (review
rv46). WeasyPrint gives emphasis inside a link (`<a><em>`) a clickable area of its own,
which the `Link` element holds. What pointed to the joined element (the page's map from
marked content to elements, the annotations' parent) points to the one it joined.
Each clickable area is described by its link's text, not its address (session 64). Where
a WeasyPrint has no such function, or one that takes other arguments
(`handout_tree_builder`), the PDF is tagged as WeasyPrint tags it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, MutableMapping
from types import ModuleType
from typing import Any

from .handout_tree_builder import wrap_tree_builder

# Marks the wrapper, so that a process wraps WeasyPrint's function once.
_WRAPPED = "_handbook_joins_links"
# Set on a `Link` element: the HTML element (the `<a>`) WeasyPrint made it for.
_MADE_FOR = "_handbook_link_of"
# Set on the element of an inline box other than a link (`<em>`, `<strong>`, `<span>`):
# the HTML element a line's piece of it is made for.
_PIECE_OF = "_handbook_inline_of"
# Where a line may break, which nothing prints (`handout_long_words`' in a long word): not
# in the link's description.
_UNSPOKEN = dict.fromkeys(map(ord, "\u200b\u00ad"))


def join_links(weasyprint: ModuleType) -> None:
    """Make the tagged PDFs WeasyPrint writes give each link one `Link` element."""
    wrap_tree_builder(
        weasyprint,
        6,
        "links",
        _WRAPPED,
        lambda build, tagging: _with_joined_links(
            build, tagging.pydyf, getattr(getattr(tagging, "boxes", None), "InlineBox", None)
        ),
    )


def _with_joined_links(
    build: Callable[..., Iterator[Any]], pydyf: ModuleType, inline_box: type | None
) -> Callable[..., Iterator[Any]]:
    @functools.wraps(build)
    def build_joining_links(
        box: Any,
        parent: Any,
        pdf: Any,
        page_number: int,
        nums: MutableMapping[int, Any],
        annotations: list[tuple[Any, Any]],
        *arguments: Any,
        **options: Any,
    ) -> Iterator[Any]:
        html = getattr(box, "element", None)
        # A link's own annotations are those added while it is built: looking among them
        # alone keeps a handout of many links linear.
        first_annotation = len(annotations)
        built = build(box, parent, pdf, page_number, nums, annotations, *arguments, **options)
        for element in built:
            if isinstance(element, dict) and isinstance(element.get("K"), list):
                if element.get("S") == "/Link" and html is not None:
                    setattr(element, _MADE_FOR, html)
                elif inline_box is not None and isinstance(box, inline_box) and html is not None:
                    setattr(element, _PIECE_OF, html)
                pointers = _Pointers(pdf, nums, annotations)
                _join(element, pointers, pydyf)
                if getattr(element, _MADE_FOR, None) is not None:
                    _hold_annotations(element, element, pointers)
                    if _is_link_box(box):  # not `<body>` passing on a link it holds
                        described = annotations[first_annotation:]
                        _describe_annotations(element, html, described, pydyf)
            yield element

    setattr(build_joining_links, _WRAPPED, True)
    return build_joining_links


class _Pointers:
    """The document's objects, and what points to an element: the page's map from marked
    content to its element (`nums`), and the annotations with their element."""

    def __init__(self, pdf: Any, nums: MutableMapping[int, Any], annotations: list) -> None:
        self.pdf = pdf
        self.nums = nums
        self.annotations = annotations

    def resolved(self, reference: Any) -> Any:
        """The object a kid's reference (`b"12 0 R"`) names; None for a marked content."""
        if isinstance(reference, bytes):
            return self.pdf.objects[int(reference.split()[0])]
        return None

    def move(self, joined: Any, into: Any) -> None:
        """Point whatever pointed to `joined` to `into`, which now holds its kids."""
        for mcid, element in list(self.nums.items()):
            if element == joined.reference:
                self.nums[mcid] = into.reference
        for index, (element, annotation) in enumerate(self.annotations):
            if element == joined.reference:
                self.annotations[index] = (into.reference, annotation)
        for reference in joined["K"]:
            kid = self.resolved(reference)
            if isinstance(kid, dict) and "P" in kid:
                kid["P"] = into.reference


def _join(element: Any, pointers: _Pointers, pydyf: ModuleType) -> None:
    """Join each `Link` kid of `element` made for the same `<a>`, on the same page, as
    `element` (a link's printed address, inside it) or as the kid before it (the next
    line of a link) to that one; and each piece of an emphasis holding the next line of
    a link to the piece before it, whose link pieces are joined in turn."""
    kids: list[Any] = []
    joined = False
    for reference in element["K"]:
        kid = pointers.resolved(reference)
        into = element if _same_link(kid, element) else None
        before = pointers.resolved(kids[-1]) if kids else None
        if into is None and (_same_link(kid, before) or _link_goes_on(before, kid, pointers)):
            into = before
        if into is None:
            kids.append(reference)
            continue
        pointers.move(kid, into)
        joined = True
        if into is element:
            kids.extend(kid["K"])
        else:
            into["K"].extend(kid["K"])
            if not _same_link(kid, before):
                # The link's last piece before and first piece after are neighbours now.
                _join(into, pointers, pydyf)
    # Not by counting kids: a piece holding one kid (its clickable area alone) leaves
    # as many as there were (review rv31).
    if joined:
        element["K"] = pydyf.Array(kids)


def _hold_annotations(link: Any, element: Any, pointers: _Pointers) -> None:
    """Move into `link` the annotations (clickable areas) WeasyPrint gives the emphasis
    inside it (`<a><em>`), held by that emphasis: a link's annotation is the `Link`
    element's (ISO 32000-1, 14.8.4.4.2), or a screen reader read one link a line."""
    for reference in list(element["K"]):
        kid = pointers.resolved(reference)
        if not isinstance(kid, dict) or kid.get("S") in ("/Link", "/Form"):
            continue
        if kid.get("Type") == "/OBJR" and element is not link:
            element["K"].remove(reference)
            link["K"].append(reference)
            for index, (holder, annotation) in enumerate(pointers.annotations):
                if holder == element.reference and annotation.reference == kid["Obj"]:
                    pointers.annotations[index] = (link.reference, annotation)
        elif isinstance(kid.get("K"), list):
            _hold_annotations(link, kid, pointers)


def _describe_annotations(
    link: Any, html: Any, annotations: list[tuple[Any, Any]], pydyf: ModuleType
) -> None:
    """Give each of `annotations` that `link` holds the link's text as its description
    (`Contents`), where WeasyPrint gives its address: a screen reader that reads a link's
    clickable area read out "https://www.childwelfare.gov/" for "Mandatory Reporters..."
    (PDF/UA asks for a description of the link). A link with no text keeps its address."""
    text = _link_text(html)
    if not text:
        return
    for holder, annotation in annotations:
        if holder == link.reference and isinstance(annotation, dict):
            annotation["Contents"] = pydyf.String(text)


def _is_link_box(box: Any) -> bool:
    """Whether `box` is an `<a>`'s (or its `::before`, `::after`'s): WeasyPrint passes on
    the elements of `<html>` and `<body>` from their children's boxes."""
    tag = getattr(box, "element_tag", None)
    return isinstance(tag, str) and tag.split(":")[0] == "a"


def _link_text(html: Any) -> str:
    """The text of the `<a>` element `html` with its spaces collapsed (the address the
    handout prints after it is the style's, not the element's), or its pictures'
    alternative text where it holds none."""
    if not hasattr(html, "itertext"):
        return ""
    text = " ".join("".join(html.itertext()).translate(_UNSPOKEN).split())
    if text:
        return text
    alts = (picture.get("alt", "") for picture in html.iter("img"))
    return " ".join(" ".join(alts).split())


def _link_goes_on(before: Any, kid: Any, pointers: _Pointers) -> bool:
    """Whether `before` and `kid` are pieces of one emphasis (or other inline element), on
    the same page, `before` ending and `kid` beginning with a piece of the same link
    (through emphasis inside emphasis, `<em><strong><a>`, too)."""
    html = getattr(kid, _PIECE_OF, None)
    if html is None or html is not getattr(before, _PIECE_OF, None):
        return False
    if kid.get("Pg") != before.get("Pg") or not kid["K"] or not before["K"]:
        return False
    last, first = pointers.resolved(before["K"][-1]), pointers.resolved(kid["K"][0])
    if not isinstance(last, dict) or not isinstance(first, dict):
        return False
    return _same_link(first, last) or _link_goes_on(last, first, pointers)


def _same_link(kid: Any, other: Any) -> bool:
    """Whether `kid` is a `Link` made for the `<a>` that `other` is, on the same page:
    the ids of marked content it holds are its page's."""
    link = getattr(kid, _MADE_FOR, None)
    return (
        link is not None
        and link is getattr(other, _MADE_FOR, None)
        and kid.get("Pg") == other.get("Pg")
    )
