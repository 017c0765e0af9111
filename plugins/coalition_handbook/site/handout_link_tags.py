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
to the one before it (or to it, where it is inside the link itself). What pointed to the
joined element (the page's map from marked content to elements, the annotations' parent)
points to the one it joined. Where a WeasyPrint has no such function, or one that takes
other arguments (`handout_tree_builder`), the PDF is tagged as WeasyPrint tags it.
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


def join_links(weasyprint: ModuleType) -> None:
    """Make the tagged PDFs WeasyPrint writes give each link one `Link` element."""
    wrap_tree_builder(
        weasyprint,
        6,
        "links",
        _WRAPPED,
        lambda build, tagging: _with_joined_links(build, tagging.pydyf),
    )


def _with_joined_links(
    build: Callable[..., Iterator[Any]], pydyf: ModuleType
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
        built = build(box, parent, pdf, page_number, nums, annotations, *arguments, **options)
        for element in built:
            if isinstance(element, dict) and isinstance(element.get("K"), list):
                if element.get("S") == "/Link" and html is not None:
                    setattr(element, _MADE_FOR, html)
                _join(element, _Pointers(pdf, nums, annotations), pydyf)
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
    line of a link) to that one."""
    kids: list[Any] = []
    joined = False
    for reference in element["K"]:
        kid = pointers.resolved(reference)
        into = element if _same_link(kid, element) else None
        if into is None and kids:
            before = pointers.resolved(kids[-1])
            into = before if _same_link(kid, before) else None
        if into is None:
            kids.append(reference)
            continue
        pointers.move(kid, into)
        joined = True
        if into is element:
            kids.extend(kid["K"])
        else:
            into["K"].extend(kid["K"])
    # Not by counting kids: a piece holding one kid (its clickable area alone) leaves
    # as many as there were (review rv31).
    if joined:
        element["K"] = pydyf.Array(kids)


def _same_link(kid: Any, other: Any) -> bool:
    """Whether `kid` is a `Link` made for the `<a>` that `other` is, on the same page:
    the ids of marked content it holds are its page's."""
    link = getattr(kid, _MADE_FOR, None)
    return (
        link is not None
        and link is getattr(other, _MADE_FOR, None)
        and kid.get("Pg") == other.get("Pg")
    )
