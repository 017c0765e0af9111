"""Each term of a description list (`<dl>`) with its description, in a handout's tagged
PDF, for screen readers.

WeasyPrint tags a `<dl>` as a list (`L`) and each `<dt>` and `<dd>` as an item of its own
(`LI`), inside a `Div` for the `<div>` that groups a term with its description, and inside
a second list for each column of a list in columns. A screen reader read the handout's
key terms (two columns of `<div><dt><dd></div>`) and the facts under its title as lists
of lists, where a term and its definition were two items with nothing to say they belong
together, and PDF/UA's checkers refuse a `Div` or a term-less `L` as a list's child
(audit). Tagged PDF's way for a term and its description is one item: a label (`Lbl`,
the term) and a body (`LBody`, the description) (ISO 32000-1, 14.8.4.3.2; the PDF
Association's Tagged PDF Best Practice Guide, for HTML's `<dl>`).

Like `handout_languages`, this wraps WeasyPrint's one function that builds each element
of the structure tree (`weasyprint.pdf.tags._build_box_tree`, which has no hook), once a
process: the elements made for a `<dt>` or `<dd>` are marked, and once the list of a
`<dl>` is built, its items are put together as a term and its descriptions each. Where a
WeasyPrint has no such function, or one that takes other arguments
(`handout_tree_builder`), the PDF is tagged as WeasyPrint tags it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from .handout_tree_builder import wrap_tree_builder

# Marks the wrapper, so that a process wraps WeasyPrint's function once.
_WRAPPED = "_handbook_pairs_descriptions"
# Set on an element WeasyPrint made for a `<dt>` or `<dd>` (its `LI`), or for a `<dl>` (its
# `L`, and one more for each column): the HTML element's tag and the element itself.
_MADE_FOR = "_handbook_made_for"
_MARKED_TAGS = frozenset({"dl", "dt", "dd"})


@dataclass(frozen=True)
class _Entry:
    """A kid of a description list's element (`reference`): a term's or a description's
    `LI` (`tag` "dt" or "dd"; `element`), in the `Div` (`holder`) of its `<div>` if it
    has one; or anything else the list holds (`tag` ""), kept as it is."""

    reference: Any
    tag: str = ""
    element: Any = None
    holder: Any = None


def pair_descriptions(weasyprint: ModuleType) -> None:
    """Make the tagged PDFs WeasyPrint writes give each term of a `<dl>` and its
    descriptions one list item: the term its label, each description a body."""
    wrap_tree_builder(
        weasyprint,
        3,
        "description lists",
        _WRAPPED,
        lambda build, tagging: _with_paired_descriptions(build, tagging.pydyf),
    )


def _with_paired_descriptions(
    build: Callable[..., Iterator[Any]], pydyf: ModuleType
) -> Callable[..., Iterator[Any]]:
    @functools.wraps(build)
    def build_pairing_descriptions(
        box: Any, parent: Any, pdf: Any, *arguments: Any, **options: Any
    ) -> Iterator[Any]:
        html = getattr(box, "element", None)
        tag = getattr(box, "element_tag", None) if html is not None else None
        for element in build(box, parent, pdf, *arguments, **options):
            if tag in _MARKED_TAGS and isinstance(element, dict):
                setattr(element, _MADE_FOR, (tag, html))
                if tag == "dl" and element.get("S") == "/L":
                    # Built whole: every element inside is made (and marked) before it.
                    _pair(element, pdf, pydyf)
            yield element

    setattr(build_pairing_descriptions, _WRAPPED, True)
    return build_pairing_descriptions


def _pair(listing: Any, pdf: Any, pydyf: ModuleType) -> None:
    """Rebuild the kids of `listing`, the `L` of a `<dl>`: each run of terms and the
    descriptions after them one `LI`; whatever else it holds stays, in its place."""
    kids = []
    run: list[_Entry] = []
    for entry in _entries(listing, pdf):
        if run and (not entry.tag or (entry.tag == "dt" and run[-1].tag == "dd")):
            kids.append(_item(run, listing, pdf, pydyf).reference)
            run = []
        if entry.tag:
            run.append(entry)
        else:
            if isinstance(entry.element, dict):
                entry.element["P"] = listing.reference
            kids.append(entry.reference)
    if run:
        kids.append(_item(run, listing, pdf, pydyf).reference)
    listing["K"] = pydyf.Array(kids)


def _entries(listing: Any, pdf: Any) -> Iterator[_Entry]:
    """The kids of `listing` in order: those of a column's `L` of the same `<dl>`, and of
    a `Div` holding terms and descriptions only, as the list's own."""
    html = _made_for(listing)[1]
    for reference in listing["K"]:
        kid = _resolved(reference, pdf)
        tag, made_from = _made_for(kid)
        if tag in ("dt", "dd"):
            yield _Entry(reference, tag, kid)
        elif tag == "dl" and made_from is html:
            yield from _entries(kid, pdf)  # a column: the list goes on in it
        elif kid is not None and kid.get("S") == "/Div" and _holds_entries_only(kid, pdf):
            for inner in kid["K"]:
                made = _resolved(inner, pdf)
                yield _Entry(inner, _made_for(made)[0], made, kid)
        else:
            yield _Entry(reference, element=kid)


def _holds_entries_only(division: Any, pdf: Any) -> bool:
    kids = [_resolved(reference, pdf) for reference in division["K"]]
    return bool(kids) and all(_made_for(kid)[0] in ("dt", "dd") for kid in kids)


def _item(run: list[_Entry], listing: Any, pdf: Any, pydyf: ModuleType) -> Any:
    """One `LI` for a run of terms and their descriptions: the `Div` that held them all
    and nothing else, else a new one. A term's `LI` becomes a label, a description's a
    body; the element WeasyPrint made for the `<dt>` or `<dd>` itself, inside, a group
    of what it holds (a description may hold paragraphs)."""
    holders = {id(entry.holder) for entry in run}
    holder = run[0].holder
    if holder is not None and holders == {id(holder)} and len(holder["K"]) == len(run):
        item = holder
        item["S"] = "/LI"
        item["P"] = listing.reference
    else:
        item = pydyf.Dictionary(
            {
                "Type": "/StructElem",
                "S": "/LI",
                "K": pydyf.Array([entry.reference for entry in run]),
                "Pg": run[0].element["Pg"],
                "P": listing.reference,
            }
        )
        pdf.add_object(item)
    for entry in run:
        entry.element["S"] = "/Lbl" if entry.tag == "dt" else "/LBody"
        entry.element["P"] = item.reference
        for inner in entry.element["K"]:
            made = _resolved(inner, pdf)
            if made is not None and made.get("S") == "/LBody":
                made["S"] = "/NonStruct" if entry.tag == "dt" else "/Div"
    return item


def _made_for(element: Any) -> tuple[str, Any]:
    return getattr(element, _MADE_FOR, ("", None))


def _resolved(reference: Any, pdf: Any) -> Any:
    """The object a kid's reference (`b"12 0 R"`) names; None for a marked content's id."""
    if isinstance(reference, bytes):
        return pdf.objects[int(reference.split()[0])]
    return None
