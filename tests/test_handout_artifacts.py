"""A handout's page margins (running header, footer, page numbers) as artifacts of its
tagged PDF (site/handout_artifacts.py): not read aloud on every page, and nothing drawn
left out of the structure tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_handouts import context_of, module_text, require_weasyprint, write_handbook

from coalition_handbook.site import handout_artifacts, handout_render, handouts

pytestmark = pytest.mark.pdf

# Long enough for a second page, which prints the running header (the module's title).
BODY = "\n" + "\n\n".join(f"Paragraph {n} of what a trainer reads out. " * 12 for n in range(30))


def _handout(tmp_path: Path) -> Path:
    require_weasyprint()
    modules = {"margins": module_text("Margins and masthead", BODY)}
    context = context_of(write_handbook(tmp_path, modules=modules))
    handouts.build_handouts(context, tmp_path / "out")
    return tmp_path / "out" / "margins.pdf"


def _drawn(page: object) -> list[tuple[str, bool, int | None]]:
    """Each text a PDF page draws: (text, whether inside an artifact, its marked content's
    id or None)."""
    open_marks: list[tuple[str, int | None]] = []
    drawn: list[tuple[str, bool, int | None]] = []

    def opened(operator: bytes, operands: list, *_: object) -> None:
        if operator == b"BDC":
            properties = operands[1]
            mcid = properties.get("/MCID") if isinstance(properties, dict) else None
            open_marks.append((str(operands[0]), mcid))
        elif operator == b"BMC":
            open_marks.append((str(operands[0]), None))
        elif operator == b"EMC" and open_marks:
            open_marks.pop()

    def shown(text: str, *_: object) -> None:
        if text.strip():
            artifact = any(tag == "/Artifact" for tag, _ in open_marks)
            ids = [mcid for _, mcid in open_marks if mcid is not None]
            drawn.append((text, artifact, ids[-1] if ids else None))

    page.extract_text(visitor_operand_before=opened, visitor_text=shown)  # type: ignore[attr-defined]
    return drawn


def test_the_running_header_footer_and_page_numbers_are_artifacts(tmp_path: Path) -> None:
    """Audit pdf64: the margins' text was tagged content that no element of the tree
    held, read aloud on every page by readers that go by a page's content: the title,
    version and edition before each page's first line, "Page 2 of 3"."""
    from pypdf import PdfReader

    pages = PdfReader(_handout(tmp_path)).pages
    assert len(pages) >= 2
    first, second = (_drawn(page) for page in pages[:2])
    margins = [text for text, artifact, _ in first + second if artifact]
    assert any("Page 1 of" in text for text in margins)
    assert any("Page 2 of" in text for text in margins)
    assert any("edition" in text for text in margins)
    assert any("Margins and masthead" in text for text, _, _ in second if text in margins)
    # The body is not: the title at the head of page 1, the paragraphs.
    body = [text for text, artifact, mcid in first if not artifact and mcid is not None]
    assert any("Margins and masthead" in text for text in body)
    assert any("Paragraph 0" in text for text in body)
    assert not [text for text, artifact, _ in first + second if artifact and "Paragraph" in text]


def test_every_marked_content_is_held_by_an_element_of_the_tree(tmp_path: Path) -> None:
    """What a page draws as tagged content is in the structure tree: WeasyPrint built
    elements for the margins' text that it linked to no parent (a checker's "content
    not in the tree")."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject

    reader = PdfReader(_handout(tmp_path))
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    held: set[tuple[int, int]] = set()  # (page's object number, marked content id)
    pages = [page.indirect_reference.idnum for page in reader.pages]
    pending: list[tuple[object, int | None]] = [(root, None)]
    while pending:
        element, page = pending.pop()
        element = element.get_object() if hasattr(element, "get_object") else element
        if isinstance(element, list):
            pending += [(kid, page) for kid in element]
            continue
        if not isinstance(element, DictionaryObject):
            continue
        if "/Pg" in element:
            page = element.raw_get("/Pg").idnum
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            if isinstance(kid, int):
                assert page is not None
                held.add((page, kid))
            else:
                pending.append((kid, page))
    drawn = {
        (number, mcid)
        for number, page in zip(pages, reader.pages, strict=True)
        for _, _, mcid in _drawn(page)
        if mcid is not None
    }
    assert drawn
    assert drawn <= held, sorted(drawn - held)[:5]


def test_a_render_whose_margins_are_not_flagged_is_tagged_as_weasyprint_tags_it(
    tmp_path: Path,
) -> None:
    """The hooks change only the boxes a handout's render flags: another document
    rendered in the same process (or one before the flags) draws its margins as before,
    and its tagged PDF is written (an unflagged margin's content left out of the tree
    failed WeasyPrint's own check that every marked content is placed)."""
    require_weasyprint()
    weasyprint = handout_render.load_weasyprint()
    assert handout_artifacts.draw_margins_as_artifacts(weasyprint)
    html = (
        '<html lang="en"><style>@page { @bottom-right { content: "Page " counter(page) } }'
        "</style><p>Text</p></html>"
    )
    from pypdf import PdfReader

    plain = tmp_path / "plain.pdf"
    weasyprint.HTML(string=html).write_pdf(plain, pdf_tags=True)
    assert [(text, artifact) for text, artifact, _ in _drawn(PdfReader(plain).pages[0])] == [
        ("Text", False),
        ("Page 1", False),
    ]
    laid_out = weasyprint.HTML(string=html).render(pdf_tags=True)
    handout_artifacts.flag_page_margins(laid_out.pages)
    flagged = tmp_path / "flagged.pdf"
    laid_out.write_pdf(flagged, pdf_tags=True)
    assert [(text, artifact) for text, artifact, _ in _drawn(PdfReader(flagged).pages[0])] == [
        ("Text", False),
        ("Page 1", True),
    ]
