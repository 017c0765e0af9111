"""A handout's description lists in its tagged PDF (site/handout_description_lists.py):
the key terms and the facts under the title, and an author's `<dl>`, read by a screen
reader as one list item per term, its label the term and its body the description."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_handouts import (
    context_of,
    marked_texts,
    module_text,
    require_weasyprint,
    squashed,
    write_handbook,
)

from coalition_handbook.site import handout_description_lists, handout_render, handouts

pytestmark = pytest.mark.pdf


@dataclass
class Tagged:
    """A structure element of a tagged PDF: its role (`/S`, as "LI"), its text, its kids."""

    role: str
    text: str = ""
    kids: list[Tagged] = field(default_factory=list)

    def find(self, role: str) -> list[Tagged]:
        found = [self] if self.role == role else []
        return found + [inner for kid in self.kids for inner in kid.find(role)]

    def roles(self) -> list[str]:
        return [kid.role for kid in self.kids]


def structure_tree(path: Path) -> Tagged:
    """The structure tree of the tagged PDF at `path`, with each element's text."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject

    reader = PdfReader(path)
    marked = [marked_texts(page) for page in reader.pages]
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}

    def tagged(element: DictionaryObject, page: int | None) -> Tagged:
        if "/Pg" in element:
            page = pages[element.raw_get("/Pg").idnum]
        node = Tagged(str(element.get("/S", "")).lstrip("/"))
        kids = element.get("/K", [])
        texts = []
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            if isinstance(kid, int) and page is not None:
                texts.append(marked[page].get(kid, ""))
            elif isinstance(kid.get_object(), DictionaryObject) and "/S" in kid.get_object():
                node.kids.append(tagged(kid.get_object(), page))
                texts.append(node.kids[-1].text)
        node.text = squashed("".join(texts)).strip()
        return node

    return tagged(reader.trailer["/Root"]["/StructTreeRoot"].get_object(), None)


def _key_terms_list(tree: Tagged) -> Tagged:
    """The list after the heading "Key terms"."""
    for element in tree.find("H2"):
        if element.text == "Key terms":
            holder = next(parent for parent in _all(tree) if element in parent.kids)
            return holder.kids[holder.kids.index(element) + 1]
    raise AssertionError("no Key terms heading")


def _all(tree: Tagged) -> list[Tagged]:
    return [tree] + [inner for kid in tree.kids for inner in _all(kid)]


def test_each_key_term_is_one_item_labelled_by_the_term(tmp_path: Path) -> None:
    """Audit: each term and each definition were an item of their own, inside a `Div`
    inside a second list (one per column): no checker took it for a list, and a screen
    reader gave a term and its definition as two items with nothing between them."""
    require_weasyprint()
    context = context_of(write_handbook(tmp_path))
    handouts.build_handouts(context, tmp_path / "out")
    tree = structure_tree(tmp_path / "out" / "hotel-staff.pdf")

    key_terms = _key_terms_list(tree)
    assert key_terms.role == "L"
    assert set(key_terms.roles()) == {"LI"}
    assert [item.roles() for item in key_terms.kids] == [["Lbl", "LBody"]] * 3
    assert [item.kids[0].text for item in key_terms.kids] == [
        "debt bondage",
        "hotline",
        "survivor",
    ]
    assert key_terms.kids[2].kids[1].text.startswith("A person who has experienced trafficking.")


def test_each_fact_under_the_title_is_one_item_labelled_by_its_name(tmp_path: Path) -> None:
    require_weasyprint()
    context = context_of(write_handbook(tmp_path))
    handouts.build_handouts(context, tmp_path / "out")
    tree = structure_tree(tmp_path / "out" / "hotel-staff.pdf")

    facts = tree.find("L")[0]
    assert set(facts.roles()) == {"LI"}
    labelled = {item.kids[0].text.casefold(): item.kids[1].text for item in facts.kids}
    assert list(labelled)[:3] == ["audience", "duration", "version"]
    assert labelled["duration"] == "45 minutes"
    assert not [element for element in tree.find("L") if "Div" in element.roles()]


def test_an_authors_terms_and_descriptions_are_paired_in_their_order(tmp_path: Path) -> None:
    """A `<dl>` of a module's, without `<div>`s: two terms sharing two descriptions, then
    a term with one; what else the list holds stays where it is."""
    require_weasyprint()
    body = (
        "<dl>\n<dt>grooming</dt><dt>recruiting</dt><dd>Building trust to exploit it.</dd>"
        "<dd>Often online.</dd>\n<dt>debt</dt><dd>What is owed.</dd>\n</dl>\n"
    )
    context = context_of(write_handbook(tmp_path, modules={"terms": module_text("Terms", body)}))
    handouts.build_handouts(context, tmp_path / "out")
    tree = structure_tree(tmp_path / "out" / "terms.pdf")

    [listing] = [element for element in tree.find("L") if "grooming" in element.text]
    assert [item.roles() for item in listing.kids] == [
        ["Lbl", "Lbl", "LBody", "LBody"],
        ["Lbl", "LBody"],
    ]
    assert [kid.text for kid in listing.kids[1].kids] == ["debt", "What is owed."]


def test_without_weasyprints_tagging_function_the_pdf_is_tagged_as_weasyprint_tags_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    require_weasyprint()
    weasyprint = handout_render.load_weasyprint()
    from weasyprint.pdf import tags

    monkeypatch.delattr(tags, "_build_box_tree")
    handout_description_lists.pair_descriptions(weasyprint)  # nothing to wrap: no error
    assert not hasattr(tags, "_build_box_tree")
