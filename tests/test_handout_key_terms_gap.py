"""The Key terms box starts where the text before it ends, not on the next page with half
a page left blank (`handout_key_terms_gap`): WeasyPrint moved the whole two-column box
on where the second column's first term did not fit (print audit: 46% of page 6 of the
example's "Coalition onboarding" handout on Letter blank)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_handouts import context_of, module_text, require_weasyprint, squashed, write_handbook

from coalition_handbook.site import handout_key_terms_gap, handout_render
from coalition_handbook.site.handouts import handout_content

# A definition that fills most of a column, in paragraphs: kept whole, it fits no column
# of the room the protocol leaves on its page.
LONG_HOTLINE = "\n\n".join(
    ["The National Human Trafficking Hotline."]
    + ["It answers every call, day and night, in many languages, and helps decide what next."] * 10
)


def _hotel_staff_pages(root: Path, term_id: str, old: str, definition: str) -> list[str]:
    """The text of each page of the hotel-staff handout, on Letter, whose protocol ends
    about half-way down its second page, with the definition `old` of the term `term_id`
    (in `test_handouts.write_handbook`) made `definition`."""
    filler = "".join(f"\nWhat staff may notice at work, part {n}.\n" for n in range(12))
    body = "Watch for debt bondage among housekeepers.\n" + filler
    config_file = write_handbook(
        root, paper="Letter", modules={"hotel-staff": module_text("Hotel staff", body)}
    )
    term = root / "glossary" / f"{term_id}.yml"
    indented = definition.replace("\n", "\n  ")
    written = term.read_text(encoding="utf-8")
    assert f"definition: {old}" in written
    term.write_text(
        written.replace(f"definition: {old}", f"definition: |\n  {indented}"), encoding="utf-8"
    )
    context = context_of(config_file)
    content = handout_content(context, context.handbook.modules["hotel-staff"])
    assert [term.id for term in content.key_terms][:2] == ["debt-bondage", "hotline"]
    pdf = handout_render.render_pdf(content, root / "content" / "modules", [root])
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.pdf
def test_the_key_terms_box_starts_on_the_page_the_protocols_end(tmp_path: Path) -> None:
    require_weasyprint()
    # The second key term long.
    pages = _hotel_staff_pages(
        tmp_path,
        "hotline",
        "The National Human Trafficking Hotline, open every day, all day.",
        LONG_HOTLINE,
    )
    ending = next(page for page in pages if "CONTACTS" in page)
    assert "Key terms" in ending
    assert "Work demanded as repayment of a debt" in ending  # the first term, whole
    # Every term whole, the long one too, on the page after.
    (whole,) = [page for page in pages if "The National Human Trafficking Hotline." in page]
    assert squashed(whole).count("helps decide what next.") == 10


# A definition under `LONG_DEFINITION_WORDS` that fills most of a column all the same: kept
# whole, it fits no room a protocol leaves at the foot of its page (as the example's
# "case-level data", 196 words).
TALL_DEBT_BONDAGE = "\n\n".join(
    ["Start of debt bondage."]
    + [
        f"Part {n}: the debt grows with every week of work, and no one may leave."
        for n in range(12)
    ]
    + ["End of debt bondage."]
)


@pytest.mark.pdf
def test_a_first_term_too_tall_for_the_room_starts_there_and_runs_on(tmp_path: Path) -> None:
    """Print audit: kept whole, a first term of three quarters of a column (under 200
    words) moved the whole box to the next page, leaving 55% of a page blank."""
    require_weasyprint()
    assert len(TALL_DEBT_BONDAGE.split()) < handout_render.LONG_DEFINITION_WORDS
    # The first key term too tall for the room left under the protocol, though short
    # enough to be kept whole elsewhere.
    written = _hotel_staff_pages(
        tmp_path,
        "debt-bondage",
        "Work demanded as repayment of a debt that can never be paid off.",
        TALL_DEBT_BONDAGE,
    )
    pages = [squashed(page) for page in written]
    ending = next(number for number, page in enumerate(pages) if "CONTACTS" in page)
    # The box starts under the contacts, the term's name with its first lines,
    assert "Key terms debt bondage Start of debt bondage. Part 0:" in pages[ending]
    # and the term goes on in the next column or page, all of it, in order.
    text = " ".join(pages[ending:])
    parts = [text.index(f"Part {n}: the debt grows") for n in range(12)]
    assert parts == sorted(parts) and parts[-1] < text.index("End of debt bondage.")
    assert "End of debt bondage." in pages[ending + 1]


def test_the_terms_that_fill_the_room_are_those_two_columns_hold_in_order() -> None:
    """Greedy, in A-Z order: a term that does not fit ends its column, and the terms
    after it wait for the next page even where a shorter one would fit."""
    assert handout_key_terms_gap._fitting([40, 40, 90, 20, 5], room=100) == 3
    assert handout_key_terms_gap._fitting([40, 40, 90, 10, 50], room=100) == 4
    assert handout_key_terms_gap._fitting([120, 10], room=100) == 0  # none fits
    assert handout_key_terms_gap._fitting([10, 10], room=100) == 0  # all fit: no gap


def test_the_lengths_it_measures_with_are_those_handout_css_sets() -> None:
    """`handout_key_terms_gap` copies three lengths of `handout.css` that the laid-out
    pages' anchors do not give: a change to the stylesheet must change them too (review
    rv27)."""
    css = (handout_render.TEMPLATE_DIR / "handout.css").read_text(encoding="utf-8")

    def millimetres(selector: str, declaration: str) -> list[float]:
        rule = re.search(rf"(?m)^{re.escape(selector)} \{{([^}}]*)\}}", css)
        assert rule is not None, selector
        value = re.search(rf"(?m)^\s*{declaration}:([^;]*);", rule.group(1))
        assert value is not None, (selector, declaration)
        return [float(length) for length in re.findall(r"([\d.]+)mm", value.group(1))]

    per_mm = handout_key_terms_gap.PX_PER_MM
    assert millimetres("@page", "margin")[2] * per_mm == handout_key_terms_gap.PAGE_FOOT
    assert millimetres(".hb-key-terms", "margin")[0] * per_mm == handout_key_terms_gap.BOX_MARGIN
    assert (
        millimetres(".hb-key-term", "margin-bottom")[0] * per_mm
        == handout_key_terms_gap.TERM_MARGIN
    )
