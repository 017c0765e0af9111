"""A handout's links in its tagged PDF (site/handout_link_tags.py): one `Link` element a
link, its text on every line and its printed address in it, and what points to an
element (a page's marked content, an annotation) pointing to the one that holds it."""

from __future__ import annotations

import types
from pathlib import Path

import pytest
from test_handout_description_lists import Tagged, structure_tree
from test_handouts import context_of, module_text, require_weasyprint, write_handbook

from coalition_handbook.site import (
    handout_link_areas,
    handout_link_tags,
    handout_render,
    handouts,
)

pytestmark = pytest.mark.pdf

# Longer than a line of the handout: the link is printed on two lines at least.
LONG_TEXT = (
    "Mandatory Reporters of Child Abuse and Neglect, a guide to who must report in each "
    "state, from the Child Welfare Information Gateway of the federal government"
)
BODY = f"\nRead [{LONG_TEXT}](https://www.childwelfare.gov/) before the session.\n"


def _handout(tmp_path: Path, body: str = BODY) -> Path:
    require_weasyprint()
    modules = {"links": module_text("Links", body)}
    context = context_of(write_handbook(tmp_path, modules=modules))
    handouts.build_handouts(context, tmp_path / "out")
    return tmp_path / "out" / "links.pdf"


def test_a_link_over_two_lines_with_its_printed_address_is_one_link(tmp_path: Path) -> None:
    """Audit: a link a line broke, and the address printed after it, were read by a
    screen reader as three links: "Mandatory", "Reporters of ...", "(https://...)"."""
    tree = structure_tree(_handout(tmp_path))
    links = [link for link in tree.find("Link") if "Mandatory" in link.text]
    # (The address breaks after "https://", where the text read has a line's end.)
    assert ["".join(link.text.split()) for link in links] == [
        "".join(f"{LONG_TEXT}(https://www.childwelfare.gov/)".split())
    ]
    assert not links[0].find("Link")[1:]  # no link inside it
    paragraph = next(element for element in _all(tree) if links[0] in element.kids)
    assert paragraph.role == "P"


@pytest.mark.parametrize(
    "link",
    [
        f"*[{LONG_TEXT}](https://www.childwelfare.gov/)*",
        f"**[{LONG_TEXT}](https://www.childwelfare.gov/)**",
        f"***[{LONG_TEXT}](https://www.childwelfare.gov/)***",
        f"[*{LONG_TEXT}*](https://www.childwelfare.gov/)",
    ],
    ids=["in-em", "in-strong", "in-em-and-strong", "em-in-link"],
)
def test_a_link_in_emphasis_over_two_lines_is_one_link(tmp_path: Path, link: str) -> None:
    """Review rv46: a link inside emphasis (`<em><a>`, `<strong><a>`) that a line broke
    was a link a line, each inside its line's piece of the emphasis; emphasis inside a
    link (`<a><em>`) held a clickable area of its own, outside the link."""
    pdf = _handout(tmp_path, f"\nRead {link} before the session.\n")
    links = [link for link in structure_tree(pdf).find("Link") if "Mandatory" in link.text]
    assert ["".join(link.text.split()) for link in links] == [
        "".join(f"{LONG_TEXT}(https://www.childwelfare.gov/)".split())
    ]
    assert not links[0].find("Link")[1:]  # no link inside it
    assert _pointers_checked(pdf) > 5


def _all(tree: Tagged) -> list[Tagged]:
    return [tree] + [inner for kid in tree.kids for inner in _all(kid)]


def test_every_marked_content_and_annotation_points_to_the_element_holding_it(
    tmp_path: Path,
) -> None:
    """The map a screen reader goes by from what a page draws (and from a link's
    clickable area) to its element (the structure tree's `ParentTree`): after joining,
    to the link that holds it, not to the piece of it joined to that link."""
    assert _pointers_checked(_handout(tmp_path)) > 5


def test_a_piece_of_a_link_with_its_clickable_area_alone_is_joined_too(tmp_path: Path) -> None:
    """Review rv31: a piece of a link holding its clickable area and no text (the
    address printed after a link, where A4's line ends before it: the example
    community-members handout) stayed a link inside the link, while its annotation
    pointed to the outer one, which did not hold it: a broken `ParentTree`."""
    require_weasyprint()
    weasyprint = handout_render.load_weasyprint()
    handout_link_tags.join_links(weasyprint)
    html = (
        '<html lang="en"><style>a::after { content: "" }</style>'
        '<p>Read <a href="https://example.org/">the guide</a> now.</p></html>'
    )
    pdf = tmp_path / "link.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf, pdf_tags=True)
    assert _pointers_checked(pdf) == 3  # the link's text, and the clickable area of each piece
    [link] = structure_tree(pdf).find("Link")
    assert link.text == "the guide"


def _pointers_checked(pdf: Path) -> int:
    """Check that each marked content of a link and each annotation points to the `Link`
    element of the tree that holds it; how many were checked."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject

    reader = PdfReader(pdf)
    catalog = reader.trailer["/Root"]
    nums = catalog["/StructTreeRoot"]["/ParentTree"].get_object()["/Nums"]
    parents = {int(nums[index]): nums[index + 1] for index in range(0, len(nums), 2)}

    def kids(element: DictionaryObject) -> list:
        held = element.get("/K", [])
        return list(held) if isinstance(held, ArrayObject) else [held]

    # The elements of the tree: an element joined to another is in it no more.
    in_tree: set[int] = set()
    pending = [*kids(catalog["/StructTreeRoot"].get_object())]
    while pending:
        reference = pending.pop()
        element = reference.get_object()
        if isinstance(element, DictionaryObject) and "/S" in element:
            in_tree.add(reference.idnum)
            pending += [kid for kid in kids(element) if hasattr(kid, "idnum")]

    checked = 0
    for page in reader.pages:
        for mcid, element in enumerate(parents[page["/StructParents"]]):
            # (Only a link's are looked at: every marked content's element is in the tree,
            # test_handout_artifacts.)
            if element.get_object()["/S"] == "/Link":
                assert element.idnum in in_tree and mcid in kids(element.get_object()), mcid
                checked += 1
        for annotation in page.get("/Annots", []):
            reference = parents[annotation.get_object()["/StructParent"]]
            holder = reference.get_object()
            assert reference.idnum in in_tree and holder["/S"] == "/Link"
            referenced = [
                kid.get_object().raw_get("/Obj").idnum
                for kid in kids(holder)
                if isinstance(kid.get_object(), DictionaryObject)
                and kid.get_object().get("/Type") == "/OBJR"
            ]
            assert annotation.get_object().indirect_reference.idnum in referenced
            checked += 1
    return checked


OTHER_TEXT = (
    "National Human Trafficking Hotline statistics and data reports, with a state by state "
    "breakdown of the calls, texts and chats the hotline received last year"
)


@pytest.mark.parametrize(
    "body",
    [
        f"Read *[{LONG_TEXT}](https://a.example/one)[{OTHER_TEXT}](https://a.example/two)* now.",
        f"Read **[{LONG_TEXT}](https://a.example/one) and [{OTHER_TEXT}](https://a.example/two)**.",
        f"| A | B |\n|---|---|\n| [{LONG_TEXT}](https://a.example/one) "
        f"| *[{OTHER_TEXT}](https://a.example/two)* |",
    ],
    ids=["adjacent-in-em", "two-in-strong", "table-cells"],
)
def test_two_links_in_one_emphasis_or_row_stay_two_links(tmp_path: Path, body: str) -> None:
    """Review rv33: joining the pieces of one emphasis must not join two links that
    meet in it (or in a table's row): each link is one `Link` element, holding every
    clickable area of its own address and none of the other's."""
    pdf = _handout(tmp_path, f"\n{body}\n")
    addresses = _link_addresses(pdf)
    mine = [sorted(set(held)) for held in addresses if any("a.example" in a for a in held)]
    assert mine == [["https://a.example/one"], ["https://a.example/two"]]
    assert all(len(held) >= 2 for held in addresses if "https://a.example/one" in held)
    assert _pointers_checked(pdf) > 5


def test_a_number_kept_whole_in_its_link_is_one_clickable_area(tmp_path: Path) -> None:
    """A public number is a link holding a span that keeps it on one line: WeasyPrint
    gave the span a clickable area of its own over the link's, two areas for one number
    (and one more for emphasis in a link, and for the address printed after it)."""
    body = "\nCall 1-888-373-7888 or read [the *hotline* page](https://example.org/x).\n"
    pdf = _handout(tmp_path, body)
    addresses = _link_addresses(pdf)
    assert ["tel:+18883737888"] in addresses  # the module's, then the protocol's contact
    assert ["https://example.org/x"] in addresses
    for held in addresses:
        assert len(held) == 1, held  # each link on one line: one area
    assert _pointers_checked(pdf) > 5


def test_link_areas_are_compared_with_those_of_their_own_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each area was compared with every area kept on its page: a page of 2,000
    numbers in a table (4,000 areas, each number's span inside its link) took 4 s
    (review rv60f). Twice the numbers now take about twice the comparisons, not four
    times; each number keeps its link's area, and an area WeasyPrint writes otherwise
    is left as it is."""
    compared = 0
    holds = handout_link_areas._holds

    def counted(outer: object, inner: object) -> bool:
        nonlocal compared
        compared += 1
        return holds(outer, inner)

    monkeypatch.setattr(handout_link_areas, "_holds", counted)

    def comparisons(numbers: int) -> int:
        nonlocal compared
        links = []
        for number in range(numbers):
            x, y = number % 50 * 10.0, number // 50 * 12.0
            links.append(("external", f"tel:{number}", (x, y, x + 9, y + 10), None))
            links.append(("external", f"tel:{number}", (x + 1, y + 1, x + 8, y + 9), None))
        page = types.SimpleNamespace(links=links)
        compared = 0
        handout_link_areas.drop_inner_link_areas([page])
        assert page.links == links[::2]
        return compared

    assert comparisons(2_000) < 2.5 * comparisons(1_000)
    odd = types.SimpleNamespace(links=[("external", "tel:1", None, None)] * 2)
    handout_link_areas.drop_inner_link_areas([odd])
    assert len(odd.links) == 2


def _link_addresses(pdf: Path) -> list[list[str]]:
    """For each `Link` element of the tree, in order, the addresses of the clickable
    areas (annotations) it holds."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject

    def kids(element: DictionaryObject) -> list:
        held = element.get("/K", [])
        return [kid.get_object() for kid in (held if isinstance(held, ArrayObject) else [held])]

    found: list[list[str]] = []
    pending = [PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"].get_object()]
    while pending:
        element = pending.pop(0)
        inner = [kid for kid in kids(element) if isinstance(kid, DictionaryObject)]
        if element.get("/S") == "/Link":
            areas = [kid["/Obj"].get_object() for kid in inner if kid.get("/Type") == "/OBJR"]
            found.append([str(area["/A"]["/URI"]) for area in areas])
        pending += [kid for kid in inner if "/S" in kid]
    return found


def _annotation_texts(pdf: Path) -> list[tuple[str, str]]:
    """(address, description) of each clickable area of the handout's links."""
    from pypdf import PdfReader

    found: list[tuple[str, str]] = []
    for page in PdfReader(pdf).pages:
        for reference in page.get("/Annots", []):
            annotation = reference.get_object()
            if "/A" in annotation:
                found.append((annotation["/A"]["/URI"], annotation.get("/Contents", "")))
    return found


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (BODY, LONG_TEXT),
        (f"\nRead *[{LONG_TEXT}](https://www.childwelfare.gov/)* now.\n", LONG_TEXT),
        ("\nRead [the *hotline* page](https://www.childwelfare.gov/) now.\n", "the hotline page"),
    ],
    ids=["over-lines", "in-em", "em-in-link"],
)
def test_a_link_s_clickable_areas_are_described_by_its_text(
    tmp_path: Path, body: str, text: str
) -> None:
    """Session 64 (lo64): each clickable area's description (`/Contents`, which a screen
    reader reads for it) was the raw address WeasyPrint gives it, not the link's text."""
    found = [
        " ".join(contents.split())
        for address, contents in _annotation_texts(_handout(tmp_path, body))
        if address == "https://www.childwelfare.gov/"
    ]
    assert found and set(found) == {text}


def test_a_picture_s_link_is_described_by_its_alternative_text(tmp_path: Path) -> None:
    """A link holding a picture alone is described by the picture's `alt`; one with no
    text at all keeps the address WeasyPrint gives it."""
    require_weasyprint()
    weasyprint = handout_render.load_weasyprint()
    handout_link_tags.join_links(weasyprint)
    picture = (
        "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='9' height='9'/%3E"
    )
    html = (
        f'<html lang="en"><p>See <a href="https://a.example/"><img src="{picture}" '
        f'alt="Hotline  logo"></a> and <a href="https://b.example/"><img src="{picture}"></a>'
        ' and <a href="https://c.example/">hot\u200bline\u00ad page</a>'
        "</p></html>"
    )
    pdf = tmp_path / "pictures.pdf"
    weasyprint.HTML(string=html).write_pdf(pdf, pdf_tags=True)
    assert sorted(set(_annotation_texts(pdf))) == [
        ("https://a.example/", "Hotline logo"),
        ("https://b.example/", "https://b.example/"),
        ("https://c.example/", "hotline page"),
    ]
