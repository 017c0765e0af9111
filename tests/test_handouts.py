"""PDF handouts: what a trainer finds in them, paper sizes, the CLI, the missing-Pango path.

PDF tests are marked `pdf`: they skip on a laptop without Pango and fail under CI=true.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import io
import json
import logging
import math
import re
import socket
import sys
import types
import unicodedata
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
import tinyhtml5
from conftest import require_or_skip
from markupsafe import Markup
from site_builds import (
    ROOT,
    SiteBuild,
    build_site,
    elements,
    one_worker_at_a_time,
    run_build,
    shared_folder,
)
from test_site_pages import DIALLED

from coalition_handbook import __version__
from coalition_handbook.cli import main
from coalition_handbook.config import load_config
from coalition_handbook.model import load_handbook
from coalition_handbook.model.types import Contact, Origin
from coalition_handbook.rules.base import CheckContext
from coalition_handbook.site import (
    handout_cache,
    handout_held_back,
    handout_laid_out,
    handout_languages,
    handout_link_areas,
    handout_narrow_tables,
    handout_phones,
    handout_problems,
    handout_render,
    handouts,
)
from coalition_handbook.site.file_sizes import shown_size
from coalition_handbook.site.handout_problems import HandoutProblem
from coalition_handbook.site.handout_render import HandoutsUnavailable
from coalition_handbook.site.print_only import remove_document_styling

MKDOCS = """\
site_name: Riverside Coalition
docs_dir: content
plugins:
  - handbook:
      paper_size: {paper}
      privacy: {{allow: ["1-888-373-7888", "233733", "911"]}}
"""

TERMS = {
    "survivor": """\
term: survivor
version: 1
definition: A person who has experienced trafficking. The word honours their strength.
short: A person who has experienced trafficking.
avoid:
  - text: victim of prostitution
    reason: Blames the person.
history:
  - version: 1
    date: 2026-01-01
    summary: First approved.
""",
    "hotline": """\
term: hotline
version: 1
definition: The National Human Trafficking Hotline, open every day, all day.
history:
  - version: 1
    date: 2026-01-01
    summary: First approved.
""",
    "debt-bondage": """\
term: debt bondage
version: 1
definition: Work demanded as repayment of a debt that can never be paid off.
history:
  - version: 1
    date: 2026-01-01
    summary: First approved.
""",
    "labor-trafficking": """\
term: labor trafficking
version: 1
definition: Forcing someone to work by force, fraud or coercion.
history:
  - version: 1
    date: 2026-01-01
    summary: First approved.
""",
}

PROTOCOL = """\
title: Hotel staff who suspect trafficking
version: 2
owner: Hospitality committee
effective: 2026-01-01
review_by: 2027-01-01
audience: [hotel staff]
summary: What to do when something at the front desk seems wrong.
steps:
  - title: Keep yourself safe
    detail: Do not confront anyone or try to rescue anyone yourself.
  - title: Tell your manager
    detail: Say what you saw, when, and the room number.
  - title: Call the hotline
    detail: The manager or you call the hotline; in danger, call 911.
contacts:
  - name: National Human Trafficking Hotline
    phone: 1-888-373-7888
    text: "233733"
    url: https://humantraffickinghotline.org
history:
  - version: 2
    date: 2026-02-01
    summary: Clearer steps.
  - version: 1
    date: 2026-01-01
    summary: First approved.
"""


def module_text(title: str, body_extra: str = "", protocols: str = "[hotel-staff]") -> str:
    return f"""\
---
title: {title}
version: 3
audience: [front desk staff, housekeeping]
duration: 45 minutes
objectives:
  - Describe what a survivor may be going through.
  - Follow the hotel protocol step by step.
protocols: {protocols}
history:
  - version: 3
    date: 2026-03-14
    summary: New signs at check-in.
  - version: 1
    date: 2026-01-05
    summary: First version.
---

# {title}

Front desk and housekeeping staff see what others do not.

## Realize

Anyone can be trafficked. Trafficking takes many forms.
{body_extra}
!!! warning "Stay safe"
    Never confront a suspected trafficker.

## Recognize

| Sign | Where |
|---|---|
| Many key cards for one room | Front desk |

## Respond

Follow the protocol below. The hotline takes calls all day.
"""


def write_handbook(root: Path, paper: str = "A4", modules: dict[str, str] | None = None) -> Path:
    """A tiny handbook: four terms, one protocol, and the given modules (default: two)."""
    (root / "glossary").mkdir(parents=True, exist_ok=True)
    (root / "protocols").mkdir(exist_ok=True)
    (root / "content" / "modules").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS.format(paper=paper), encoding="utf-8")
    (root / "content" / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    for term_id, text in TERMS.items():
        (root / "glossary" / f"{term_id}.yml").write_text(text, encoding="utf-8")
    (root / "protocols" / "hotel-staff.yml").write_text(PROTOCOL, encoding="utf-8")
    if modules is None:
        modules = {
            "hotel-staff": module_text(
                "Hotel and motel staff", "Watch for debt bondage among housekeepers.\n"
            ),
            "community": module_text("Community members", protocols="[]"),
        }
    for module_id, text in modules.items():
        (root / "content" / "modules" / f"{module_id}.md").write_text(text, encoding="utf-8")
    return root / "mkdocs.yml"


def context_of(config_file: Path) -> CheckContext:
    config = load_config(config_file)
    handbook, findings = load_handbook(config)
    assert not [finding for finding in findings if finding.severity == "error"], findings
    return CheckContext(config=config, handbook=handbook)


def context_with_errors(config_file: Path) -> CheckContext:
    """The handbook as loaded, files with errors left out (as `Handbook.rejected`)."""
    config = load_config(config_file)
    handbook, _ = load_handbook(config)
    return CheckContext(config=config, handbook=handbook)


def require_weasyprint() -> None:
    try:
        handout_render.load_weasyprint()
    except HandoutsUnavailable as error:
        require_or_skip(False, str(error))


def pdf_pages(path: Path) -> list[tuple[float, float, str]]:
    """Each page's width, height (points) and text."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    return [
        (float(page.mediabox.width), float(page.mediabox.height), page.extract_text())
        for page in reader.pages
    ]


# A black pixel, as a PNG file.
ONE_PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="
)


def squashed(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# Pure parts: no WeasyPrint needed.


def test_key_terms_are_the_accepted_terms_the_module_uses_sorted(tmp_path: Path) -> None:
    context = context_of(write_handbook(tmp_path))
    hotel = handouts.handout_content(context, context.handbook.modules["hotel-staff"])
    community = handouts.handout_content(context, context.handbook.modules["community"])
    assert [term.term for term in hotel.key_terms] == ["debt bondage", "hotline", "survivor"]
    assert [term.term for term in community.key_terms] == ["hotline", "survivor"]
    assert [protocol.id for protocol in hotel.protocols] == ["hotel-staff"]
    assert community.protocols == ()


def test_key_terms_include_the_terms_of_the_protocols_the_handout_prints(
    tmp_path: Path,
) -> None:
    """Audit: a term in a protocol's step, printed in the handout, went undefined there."""
    config_file = write_handbook(tmp_path)
    protocol = tmp_path / "protocols" / "hotel-staff.yml"
    protocol.write_text(
        PROTOCOL.replace("the room number.", "the room number, and any sign of labor trafficking."),
        encoding="utf-8",
    )
    context = context_of(config_file)
    hotel = handouts.handout_content(context, context.handbook.modules["hotel-staff"])
    community = handouts.handout_content(context, context.handbook.modules["community"])
    assert "labor trafficking" in [term.term for term in hotel.key_terms]
    assert "labor trafficking" not in [term.term for term in community.key_terms]


COERCION = """\
term: coercion
version: 1
definition: Threats of serious harm to, or physical restraint against, any person.
history:
  - version: 1
    date: 2026-01-01
    summary: First approved.
"""


@pytest.mark.parametrize(
    "refers", ["see ", "See also: ", 'see "', "compare with ", "cf. "], ids=str.strip
)
def test_key_terms_include_the_terms_their_definitions_refer_the_reader_to(
    tmp_path: Path, refers: str
) -> None:
    """Print audit: a definition ended "see labor exploitation", a term the handout did
    not define, and paper has no link to follow. A term a printed definition sends its
    reader to is in the box too; not every term a definition uses (that added some 17
    terms, two or three pages, to each example handout)."""
    config_file = write_handbook(tmp_path)
    glossary = tmp_path / "glossary"
    (glossary / "debt-bondage.yml").write_text(
        TERMS["debt-bondage"].replace(  # quoted: "See also: " is no plain YAML
            "definition: Work demanded as repayment of a debt that can never be paid off.",
            "definition: 'Work demanded as repayment of a debt that can never be paid off, "
            f"kept by coercion; {refers}labor trafficking.'",
        ),
        encoding="utf-8",
    )
    (glossary / "labor-trafficking.yml").write_text(
        TERMS["labor-trafficking"].replace("or coercion.", "or coercion of a survivor."),
        encoding="utf-8",
    )
    (glossary / "coercion.yml").write_text(COERCION, encoding="utf-8")
    context = context_of(config_file)
    hotel = handouts.handout_content(context, context.handbook.modules["hotel-staff"])
    community = handouts.handout_content(context, context.handbook.modules["community"])
    # In the box's own order, A-Z; coercion, which debt bondage's definition uses but
    # sends no reader to, is not.
    assert [term.id for term in hotel.key_terms] == [
        "debt-bondage",
        "hotline",
        "labor-trafficking",
        "survivor",
    ]
    assert [term.id for term in community.key_terms] == ["hotline", "survivor"]


def hotel_key_terms_with_definition(tmp_path: Path, definition: str) -> list[str]:
    """The ids in the hotel-staff handout's Key terms box, debt bondage (which its module
    uses) defined as `definition`, with coercion in the glossary too."""
    config_file = write_handbook(tmp_path)
    glossary = tmp_path / "glossary"
    # A literal block, as a definition of paragraphs or lists is written.
    block = "".join(f"\n  {line}" if line else "\n" for line in definition.split("\n"))
    (glossary / "debt-bondage.yml").write_text(
        TERMS["debt-bondage"].replace(
            "definition: Work demanded as repayment of a debt that can never be paid off.",
            f"definition: |-{block}",
        ),
        encoding="utf-8",
    )
    (glossary / "coercion.yml").write_text(COERCION, encoding="utf-8")
    context = context_of(config_file)
    hotel = handouts.handout_content(context, context.handbook.modules["hotel-staff"])
    return [term.id for term in hotel.key_terms]


@pytest.mark.parametrize(
    ("reference", "sent_to"),
    [
        ("See also: coercion, labor trafficking.", ["coercion", "labor-trafficking"]),
        ("See also coercion and labor trafficking.", ["coercion", "labor-trafficking"]),
        ("Compare coercion or labor trafficking.", ["coercion", "labor-trafficking"]),
        ("See the entry for labor trafficking.", ["labor-trafficking"]),
        ("See «labor trafficking».", ["labor-trafficking"]),
        ("See „labor trafficking“.", ["labor-trafficking"]),
        ("See ‹labor trafficking›.", ["labor-trafficking"]),
        ("See ‘labor trafficking’.", ["labor-trafficking"]),
        ("It is no crime (see labor trafficking) without coercion.", ["labor-trafficking"]),
        ("Kept by coercion, cf. labor trafficking.", ["labor-trafficking"]),
        ("Kept by coercion; for the crime see: labor trafficking.", ["labor-trafficking"]),
        ("See also: labor trafficking. Kept by coercion.", ["labor-trafficking"]),
        ('Once called "peonage." See labor trafficking.', ["labor-trafficking"]),
    ],
)
def test_a_cross_reference_sends_the_reader_to_each_term_it_names(
    tmp_path: Path, reference: str, sent_to: list[str]
) -> None:
    """Review rv6: "See also: coercion, labor trafficking" put coercion alone in the box,
    and "See the entry for labor trafficking" or "See «labor trafficking»" none. Each term
    from the cue to the end of its sentence, clause or parenthesis is one the reader is
    sent to; one after it is not."""
    definition = f"Work demanded as repayment of a debt. {reference}"
    expected = sorted(["debt-bondage", "hotline", "survivor", *sent_to])
    assert hotel_key_terms_with_definition(tmp_path, definition) == expected


@pytest.mark.parametrize(
    ("definition", "sent_to"),
    [
        ("Work demanded for a debt.\n\nSee also coercion.", ["coercion"]),
        (
            "Work demanded for a debt:\n\n- kept by force\n- See labor trafficking",
            ["labor-trafficking"],
        ),
        ("Work demanded for a debt.\n\n## See also\n\ncoercion", ["coercion"]),
        (
            "Work demanded for a debt (22 U.S.C. 7102) see also labor trafficking.",
            ["labor-trafficking"],
        ),
        (
            "Work demanded for a debt.\n\nSee 22 U.S.C. 7102 and labor trafficking.",
            ["labor-trafficking"],
        ),
        ("Work demanded for a debt. See coercion, which is not labor trafficking.", ["coercion"]),
        (
            "Work demanded for a debt. See coercion, labor trafficking or «hotline».",
            ["coercion", "labor-trafficking"],
        ),
        ("Work demanded for a debt. See coercion. Labor trafficking differs.", ["coercion"]),
        (
            "Work demanded for a debt. See also:\n\n- coercion\n- labor trafficking",
            ["coercion", "labor-trafficking"],
        ),
        ("Work demanded for a debt.\n\n- See coercion\n- labor trafficking is worse", ["coercion"]),
    ],
)
def test_a_cross_reference_starts_a_paragraph_or_item_and_names_a_list(
    tmp_path: Path, definition: str, sent_to: list[str]
) -> None:
    """Review rv8: "See also X" that starts a paragraph or list item, or follows a
    citation's ")", sent the reader nowhere, and a "." inside "22 U.S.C. 7102" ended the
    reference. After the first term, the reader is sent on only along a list of names
    (commas, "and", "or"): "See coercion, which is not labor trafficking" names coercion."""
    expected = sorted(["debt-bondage", "hotline", "survivor", *sent_to])
    assert hotel_key_terms_with_definition(tmp_path, definition) == expected


@pytest.mark.parametrize(
    "prose",
    [
        "Many workers do not see labor trafficking in it, nor coercion.",
        "Courts compare labor trafficking with it.",
        "Workers who oversee labor trafficking cases call it that.",
        "See-through rules hide labor trafficking and coercion.",
    ],
)
def test_see_or_compare_in_prose_sends_the_reader_nowhere(tmp_path: Path, prose: str) -> None:
    """Review rv6: "workers do not see labor trafficking in it" put labor trafficking in
    the box. "See" and "compare" refer the reader only where they start the definition, a
    sentence, a clause or a parenthesis."""
    definition = f"Work demanded as repayment of a debt. {prose}"
    assert hotel_key_terms_with_definition(tmp_path, definition) == [
        "debt-bondage",
        "hotline",
        "survivor",
    ]


BONDED_LABOR = """\
term: bonded labor
version: 2
status: deprecated
replaced_by: debt-bondage
definition: An older name for debt bondage.
history:
  - version: 2
    date: 2026-02-01
    summary: Deprecated.
"""


def test_a_term_used_by_a_form_to_avoid_is_a_key_term_a_deprecated_one_marked(
    tmp_path: Path,
) -> None:
    """As the site's "Used on" lists count them (audit): a trainer reading "bonded labor"
    in a handout finds what it means, and which term replaces it."""
    extra = "Never say victim of prostitution. Older reports say bonded labor.\n"
    module = module_text("Words", extra, protocols="[]")
    module = module.replace("Describe what a survivor", "Describe what a person")
    module = module.replace("The hotline takes calls all day.", "")
    config_file = write_handbook(tmp_path, modules={"words": module})
    (tmp_path / "glossary" / "bonded-labor.yml").write_text(BONDED_LABOR, encoding="utf-8")
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["words"])
    # Debt bondage too: it replaces the deprecated term the page uses.
    assert [term.id for term in content.key_terms] == ["bonded-labor", "debt-bondage", "survivor"]
    assert content.replacements == (("bonded-labor", "debt bondage"),)
    html = handout_render.render_html(content)
    assert '<span class="hb-status">(deprecated: use debt bondage)</span>' in html
    assert "An older name for debt bondage." in html
    # The replacement shows in the PDF: a new preferred form is a new cache key.
    renamed = dataclasses.replace(content, replacements=(("bonded-labor", "debt servitude"),))
    assert handout_cache.cache_key(renamed) != handout_cache.cache_key(content)


def test_a_deprecated_key_term_names_the_term_to_use_now_as_the_site_does(
    tmp_path: Path,
) -> None:
    """Review rv60a: with glossary.reference made a warning, the site sent readers of
    peonage, deprecated for bonded labor, deprecated in turn for debt bondage, to debt
    bondage, and the handout sent trainers to bonded labor, a term not to use either."""
    module = module_text("Words", "Older reports say peonage.\n", protocols="[]")
    module = module.replace("Describe what a survivor", "Describe what a person")
    module = module.replace("The hotline takes calls all day.", "")
    config_file = write_handbook(tmp_path, modules={"words": module})
    glossary = tmp_path / "glossary"
    (glossary / "bonded-labor.yml").write_text(BONDED_LABOR, encoding="utf-8")
    peonage = BONDED_LABOR.replace("bonded labor", "peonage").replace(
        "debt-bondage", "bonded-labor"
    )
    (glossary / "peonage.yml").write_text(peonage, encoding="utf-8")
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["words"])
    assert [term.id for term in content.key_terms] == ["debt-bondage", "peonage"]
    assert content.replacements == (("peonage", "debt bondage"),)
    html = handout_render.render_html(content)
    assert '<span class="hb-status">(deprecated: use debt bondage)</span>' in html


def test_a_handout_is_held_back_by_the_term_to_use_now_at_a_chain_s_end(
    tmp_path: Path,
) -> None:
    """Review rv60a: a deprecated key term prints the term to use now, at the end of its
    chain of replacements; that term's file with errors held back only a handout that
    used the terms one or two steps before it."""
    module = module_text("Words", "Older reports say peonage.\n", protocols="[]")
    config_file = write_handbook(tmp_path, modules={"words": module})
    for term_id, replacement in [
        ("peonage", "servitude"),
        ("servitude", "bonded-labor"),
        ("bonded-labor", "debt-bondage"),
    ]:
        text = BONDED_LABOR.replace("bonded labor", term_id).replace("debt-bondage", replacement)
        (tmp_path / "glossary" / f"{term_id}.yml").write_text(text, encoding="utf-8")
    context = context_of(config_file)
    held = handout_held_back.held_back_by_errors(context, {"glossary/debt-bondage.yml"})
    assert held["content/modules/words.md"] == (
        "it prints from a file with errors: glossary/debt-bondage.yml"
    )


def _in_spanish(config_file: Path) -> None:
    """Make the handbook of `config_file` a Spanish site (Material's `language: es`)."""
    with config_file.open("a", encoding="utf-8") as settings:
        settings.write("theme:\n  name: material\n  language: es\n")


def test_a_handout_declares_the_sites_language(tmp_path: Path) -> None:
    """For screen readers and hyphenation (audit: every PDF said English)."""
    config_file = write_handbook(tmp_path)
    _in_spanish(config_file)
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["community"])
    assert content.language == "es"
    assert '<html lang="es" dir="ltr">' in handout_render.render_html(content)
    english = dataclasses.replace(content, language="en")
    assert handout_cache.cache_key(english) != handout_cache.cache_key(content)


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("uk", "ltr")])
def test_a_handout_in_a_right_to_left_language_reads_right_to_left(
    tmp_path: Path, language: str, direction: str
) -> None:
    """Audit (an Arabic site): the handout was laid out left to right, so a sentence's
    parts around a phone number came in the wrong order and its full stop on the wrong
    side. The root says the direction, and keeps it as printed; a page's stray
    `<html dir>` turns no handout around."""
    config_file = write_handbook(tmp_path)
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["community"])
    html = handout_render.render_html(dataclasses.replace(content, language=language))
    assert printable_tree(html).get("dir") == direction
    stray = html.replace("<main", f'<html dir="{"ltr" if direction == "rtl" else "rtl"}"><main', 1)
    assert printable_tree(stray).get("dir") == direction


def test_a_handouts_english_labels_are_marked_english_in_a_site_of_another_language(
    tmp_path: Path,
) -> None:
    """The handout of a Spanish site is `lang="es"`: its labels ("Audience", "Key terms")
    are the plugin's English, marked so for a screen reader, and only they (not the
    module's duration, the protocol's owner). An English site's handout has no mark."""
    config_file = write_handbook(tmp_path)
    _in_spanish(config_file)
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["hotel-staff"])

    def marked_english(language: str) -> set[str]:
        html = handout_render.render_html(dataclasses.replace(content, language=language))
        return {span.text for span in elements(html, "span") if span.attrs.get("lang") == "en"}

    marked = marked_english("es")
    assert {
        *("Trainer handout", "Audience", "Duration", "Version", "Updated", "Objectives"),
        "By the end of this session, participants will be able to:",
        *("Protocols", "Steps", "Contacts", "Call", "Text", "Key terms"),
        "Version 2 · updated 2026-02-01 · effective 2026-01-01 · review by 2027-01-01 · owner:",
    } <= marked
    values = ("45 minutes", "Hospitality committee", "front desk staff", "1-888-373-7888")
    assert not any(value in text for value in values for text in marked)
    assert marked_english("en") == set()


def printable_tree(html: str) -> ElementTree.Element:
    """`html` parsed as WeasyPrint parses it, then as `render_pdf` leaves it."""
    root = tinyhtml5.parse(html, namespace_html_elements=False)
    remove_document_styling(root)
    handout_render.mark_link_destinations(root)
    handout_phones.keep_phone_numbers_whole(root)
    return root


def body_as_printed(html: str) -> tuple[ElementTree.Element, str]:
    """The document around `html` as the PDF prints it, and its body serialized."""
    root = printable_tree(f'<!DOCTYPE html><html lang="en"><head></head><body>{html}</body></html>')
    return root, ElementTree.tostring(root.find("body"), encoding="unicode", method="html")


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ("<p>a</p><style>@page { size: A6 } ol { display: none }</style><ol><li>x</li></ol>",
         "<p>a</p><ol><li>x</li></ol>"),
        ("<p>a <STYLE type=x>@page{}</Style > b</p>", "<p>a  b</p>"),  # the text after stays
        ("<style/>@page{} <link rel=x> </style>after", "after"),  # HTML5: text to </style>
        ("<p>a<style>@page never closed", "<p>a</p>"),
        ('<link rel="stylesheet" href="a.css"><meta name=author content=x><base href=/x/>ok',
         "<body>ok</body>"),
        # As HTML5 ends a comment, a CDATA section or a style (the review's four: a
        # tokenizer of our own read each otherwise, and let the style through)
        ("<!--> <style>@page{size:A6}</style> -->", "--&gt;"),
        ("<!---> <style>@page{size:A6}</style> -->", "--&gt;"),
        ("<style>x</style x><style>@page{size:A6}</style>z", "z"),
        ("<![CDATA[ x > <style>@page{size:A6}</style> ]]>", "]]&gt;"),
        # The second review's: attributes HTML5 moves to the document's body and root, a
        # file to attach; an SVG's own style stays, as it styles the drawing alone.
        ('<div><body style="display:none" class=x>t</div>', "<body><div>t</div></body>"),
        ('<html style="font-size:40pt">t', "<body>t</body>"),
        ('<a rel="attachment" href="notes.txt">notes</a>', "<span>notes</span>"),
        ('<a rel="attachment" href="https://x.org/n.txt">n</a>', '<a href="https://x.org/n.txt"'),
        ("<svg><style>.a { fill: green }</style></svg>", "fill: green"),
        # The third review's: an element's own style, where `position: fixed` and a white
        # background covered every page; a drawing's shapes keep theirs.
        ('<div style="position:fixed;inset:0;background:white">t</div>', "<div>t</div>"),
        ('<p>a <span style="position:absolute">b</span></p>', "<span>b</span>"),
        ('<svg style="position:fixed"><rect style="fill:green"/></svg>', 'style="fill:green"'),
        ('<svg><foreignObject><div style="position:fixed">x</div></foreignObject></svg>',
         "<div>x</div>"),
        # Not elements: a comment, an attribute's value; nor another of a like name.
        ('<!-- <style>@page</style> --> <p title="<style>">t</p>', '<p title="<style'),
        ("<stylesheet>@page</stylesheet>", "<stylesheet>@page</stylesheet>"),
    ],
)  # fmt: skip
def test_what_would_restyle_the_whole_handout_is_left_out(html: str, kept: str) -> None:
    root, printed = body_as_printed(html)
    assert kept in printed
    tags = {element.tag for element in root.find("body").iter()}
    assert not tags & {"style", "link", "meta", "base"}, printed
    assert "position" not in printed, printed
    assert root.attrib == {"lang": "en"} and root.find("body").attrib == {}


def test_thousands_of_style_elements_are_left_out_in_linear_time() -> None:
    """Found in review: each unclosed `<style/>` was searched for its end to the end of
    the text, quadratic in their number. 40,000 of them: parsing them takes most of the
    child's time (200,000 took 9 s of its 20 on a busy machine), removing them is where
    quadratic work would show."""
    from work import python_in_time

    code = (
        "import tinyhtml5\n"
        "from coalition_handbook.site.print_only import remove_document_styling\n"
        "html = '<div>' + '<style/>x</style>' * 40_000 + '</div>'\n"
        "root = tinyhtml5.parse(html, namespace_html_elements=False)\n"
        "remove_document_styling(root)\n"
        "assert root.find('.//style') is None\n"
    )
    completed = python_in_time(code)
    assert completed.returncode == 0, completed.stderr


def test_a_modules_style_element_does_not_reach_its_handout(tmp_path: Path) -> None:
    """Found in an audit: `<style>` in a module's body set the handout's paper size and
    hid its objectives and the protocols' steps."""
    style = (
        "<style>@page { size: A6 } ol, ul { display: none }</style>\n"
        '<link rel="stylesheet" href="x.css">\n'
    )
    module = module_text("Styled", "\n" + style, protocols="[hotel-staff]")
    context = context_of(write_handbook(tmp_path, modules={"styled": module}))
    html = handout_render.render_html(
        handouts.handout_content(context, context.handbook.modules["styled"])
    )
    printed = ElementTree.tostring(printable_tree(html), encoding="unicode", method="html")
    assert "size: A6" not in printed and "ol, ul {" not in printed and "x.css" not in printed
    assert "size: A4;" in printed and "Keep yourself safe" in printed  # the handout's own
    assert "Anyone can be trafficked." in printed  # the rest of the body is printed


def test_html_has_every_part_and_escapes_text(tmp_path: Path) -> None:
    module = module_text("Tom & Jerry <script>", protocols="[hotel-staff]")
    context = context_of(write_handbook(tmp_path, modules={"escape": module}))
    html = handout_render.render_html(
        handouts.handout_content(context, context.handbook.modules["escape"])
    )
    assert "Tom &amp; Jerry &lt;script&gt;" in html
    assert "<script>" not in html
    assert "Jerry \\3c script\\3e  · version 3" in html
    assert "size: A4;" in html
    # The site's name and the edition, with no site_url: not the software's version (audit).
    assert re.search(r'@bottom-left \{ content: "Riverside Coalition · edition \w{8}"; \}', html)
    assert 'content="2026-03-14"' in html  # the latest history date, not the clock
    # A protocol printed in it says when it last changed: it may be newer than the module.
    # And when it is due for review: a trainer can tell a stale one (audit).
    assert (
        "Version 2 · updated 2026-02-01 · effective 2026-01-01 · review by 2027-01-01 · "
        "owner: Hospitality"
    ) in html
    for section in ("Objectives", "Key terms", "Realize", "Recognize", "Respond", "Protocols"):
        assert f">{section}</h2>" in html
    # A contact's address is a link in the PDF (audit: it was text alone).
    assert (
        '<a class="hb-contact-item hb-url" href="https://humantraffickinghotline.org">'
        "https://humantraffickinghotline.org</a>"
    ) in html


PLACEHOLDER_OBJECTIVE = "Know where to find help: call <your local task force> or the *hotline*."
PLACEHOLDER_STEP = "Do *not* confront anyone (see <the manager>) [^1]."


def with_placeholders(config_file: Path) -> Path:
    """The tiny handbook with a trainer's `<...>` placeholders and Markdown-like
    characters in an objective and in a step title."""
    module = config_file.parent / "content" / "modules" / "hotel-staff.md"
    module.write_text(
        module.read_text(encoding="utf-8").replace(
            "  - Follow the hotel protocol step by step.",
            f'  - "{PLACEHOLDER_OBJECTIVE}"',
        ),
        encoding="utf-8",
    )
    protocol = config_file.parent / "protocols" / "hotel-staff.yml"
    protocol.write_text(
        protocol.read_text(encoding="utf-8").replace(
            "title: Keep yourself safe", f'title: "{PLACEHOLDER_STEP}"'
        ),
        encoding="utf-8",
    )
    return config_file


def test_objectives_and_step_titles_print_as_the_site_shows_them(tmp_path: Path) -> None:
    """Plain text on paper as on the site: a trainer's `<your local task force>` vanished
    from the PDF (taken for a tag), and `*not*` printed in italics there, with asterisks
    on the site (audit)."""
    config_file = with_placeholders(write_handbook(tmp_path))
    context = context_of(config_file)
    root = printable_tree(
        handout_render.render_html(
            handouts.handout_content(context, context.handbook.modules["hotel-staff"])
        )
    )
    objectives = [
        "".join(item.itertext())
        for section in root.iter("section")
        if section.get("class") == "hb-objectives"
        for item in section.iter("li")
    ]
    steps = [
        "".join(title.itertext())
        for title in root.iter("p")
        if title.get("class") == "hb-step-title"
    ]
    assert PLACEHOLDER_OBJECTIVE in objectives
    assert steps[0] == PLACEHOLDER_STEP
    site = build_site(config_file)
    module_page = (site / "modules" / "hotel-staff" / "index.html").read_text(encoding="utf-8")
    assert PLACEHOLDER_OBJECTIVE in [
        " ".join(item.text.split()) for item in elements(module_page, "li")
    ]
    protocol_page = (site / "protocols" / "hotel-staff" / "index.html").read_text(encoding="utf-8")
    assert PLACEHOLDER_STEP in [item.text for item in elements(protocol_page, "strong")]


def redefine_debt_bondage(root: Path) -> Path:
    """debt-bondage at version 2, with a new definition dated 2026-12-03: its file."""
    term = root / "glossary" / "debt-bondage.yml"
    term.write_text(
        TERMS["debt-bondage"]
        .replace("version: 1\ndefinition: Work", "version: 2\ndefinition: Labour")
        .replace(
            "history:\n",
            "history:\n  - version: 2\n    date: 2026-12-03\n    summary: Clearer.\n",
        ),
        encoding="utf-8",
    )
    return term


def hotel_staff_handout_html(config_file: Path) -> str:
    context = context_of(config_file)
    return handout_render.render_html(
        handouts.handout_content(context, context.handbook.modules["hotel-staff"])
    )


def test_a_handout_is_dated_by_the_latest_change_to_what_it_prints(tmp_path: Path) -> None:
    """Audit: a key term's new definition re-rendered the PDF, but its masthead and
    running header kept the module's version and date: two printouts could not be told
    apart. The date is the latest of the module, its protocols and its key terms."""
    config_file = write_handbook(tmp_path)

    def masthead_and_header() -> tuple[str, str]:
        html = hotel_staff_handout_html(config_file)
        root = printable_tree(html)
        facts = next(item for item in root.iter("dl") if item.get("class") == "hb-facts")
        header = re.search(r"@top-right \{ content: (.*?); \}", html)
        assert header is not None
        return " ".join(" ".join(facts.itertext()).split()), header[1]

    facts, header = masthead_and_header()
    assert facts.endswith("Version 3 Updated 2026-03-14")
    assert "(a protocol or key term" not in facts
    assert header.endswith('· version 3 · updated 2026-03-14"')
    redefine_debt_bondage(tmp_path)
    facts, header = masthead_and_header()
    assert facts.endswith("Version 3 Updated 2026-12-03 (a protocol or key term it prints)")
    assert header.endswith('· version 3 · updated 2026-12-03"')


def test_a_long_title_is_cut_short_in_the_running_header_only(tmp_path: Path) -> None:
    """Trainer audit (task site63): a module title of 440 characters wrapped in the
    running header up to the paper's top edge, where printers print nothing, and a long
    protocol title beside it, in the "(continued)" label, made it taller still. The
    header cuts each at a word with "…"; the masthead and the protocol's heading print
    them whole."""
    title = "Responding together across the region with every partner " * 8
    config_file = write_handbook(tmp_path, modules={"hotel-staff": module_text(title.strip())})
    protocol = tmp_path / "protocols" / "hotel-staff.yml"
    long_protocol = "Hotel staff who suspect trafficking in a motel near a highway " * 4
    protocol.write_text(
        PROTOCOL.replace("Hotel staff who suspect trafficking", long_protocol.strip(), 1),
        encoding="utf-8",
    )
    html = hotel_staff_handout_html(config_file)
    header = re.search(r"@top-right \{ content: \"(.*?)\"; \}", html)
    assert header is not None
    running, _, facts = header[1].partition("… · version 3")
    assert title.startswith(running) and len(running) <= handout_render.RUNNING_TITLE
    assert facts.startswith(" · updated ")
    label = re.search(r'data-title="([^"]*)"', html)
    assert label is not None and label[1].endswith("…")
    assert len(label[1]) <= handout_render.RUNNING_TITLE
    root = printable_tree(html)
    assert " ".join("".join(root.find(".//h1").itertext()).split()) == title.strip()
    assert long_protocol.strip() in " ".join(html.split())


def test_a_handout_that_lost_a_key_term_prints_another_edition(tmp_path: Path) -> None:
    """Audit: a key term deleted (or merged away) changed the Key terms box, but left the
    module's version as it was and took the "updated" date back: the new printout looked
    older than the old one. Every page's footer prints an edition made of the text the
    handout prints: another text, another edition; the same text, the same edition, from
    one build to the next (DESIGN: two builds of a commit give the same files)."""
    config_file = write_handbook(tmp_path)
    term = redefine_debt_bondage(tmp_path)

    def header_and_footer() -> tuple[str, str]:
        html = hotel_staff_handout_html(config_file)
        header = re.search(r"@top-right \{ content: (.*?); \}", html)
        footer = re.search(r"@bottom-left \{ content: (.*?); \}", html)
        assert header is not None and footer is not None
        return header[1], footer[1]

    header, footer = header_and_footer()
    assert header.endswith('· version 3 · updated 2026-12-03"')
    assert re.fullmatch(r'"Riverside Coalition · edition [0-9a-f]{8}"', footer), footer
    assert header_and_footer() == (header, footer)

    term.unlink()  # the module still says "debt bondage", now a term of no one
    later_header, later_footer = header_and_footer()
    assert later_header.endswith('· version 3 · updated 2026-03-14"')  # as the audit saw
    assert later_footer != footer
    assert header_and_footer() == (later_header, later_footer)


def test_key_terms_hold_whole_definitions_after_the_protocols(tmp_path: Path) -> None:
    """DESIGN section 8: "the definitions of the terms it uses", as the term's page shows
    them (Markdown made HTML, a tag typed in one shown as typed), not the tooltips' short
    text; a page or two of them, after the protocols."""
    html = _handout_with_survivor_defined(
        tmp_path, "The word honours *their* strength.\n\n\n  A second <b>paragraph</b>."
    )
    box = html[html.index('class="hb-key-terms"') :]
    assert html.index('class="hb-protocols"') < html.index('class="hb-key-terms"')
    assert "The word honours <em>their</em> strength.</p>" in box
    assert "<p>A second &lt;b&gt;paragraph&lt;/b&gt;.</p>" in box


def test_key_terms_print_no_handler_or_style_of_a_definition(tmp_path: Path) -> None:
    """A definition is text, on paper as on its page (`markdown.definitions`): a style
    from another coalition's glossary file would restyle the handout or fetch an image."""
    html = _handout_with_survivor_defined(
        tmp_path, 'The word honours **their**{ style="color:red" onclick=go } strength.'
    )
    box = html[html.index('class="hb-key-terms"') :]
    assert "The word honours <strong>their</strong> strength.</p>" in box


def _handout_with_survivor_defined(root: Path, sentence: str) -> str:
    """The HTML of module hotel-staff's handout, with `sentence` in place of the last of
    the definition of survivor, one of its key terms."""
    config_file = write_handbook(root)
    survivor = root / "glossary" / "survivor.yml"
    survivor.write_text(
        survivor.read_text(encoding="utf-8").replace("The word honours their strength.", sentence),
        encoding="utf-8",
    )
    context = context_of(config_file)
    return handout_render.render_html(
        handouts.handout_content(context, context.handbook.modules["hotel-staff"])
    )


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ('!!! note ""\n    No title here.\n', '<p class="admonition-title">Note</p>'),
        ("!!! danger\n    Careful.\n", '<p class="admonition-title">Danger</p>'),
        ("[glossary](../glossary/index.md)", "<span>glossary</span>"),
        ("[hotline](https://example.org)", '<a href="https://example.org">hotline</a>'),
        (
            '=== "Front desk"\n    Cash.\n\n=== "Housekeeping"\n    Towels.\n',
            '<p class="hb-tab-title">Front desk</p>',
        ),
    ],
)
def test_markdown_is_made_for_paper(markdown: str, expected: str) -> None:
    converter = handout_render._markdown()
    html = converter.convert(markdown)
    assert expected in html
    assert "<input" not in html


def test_a_long_protocol_step_may_run_on_to_the_next_page(tmp_path: Path) -> None:
    """A step of many paragraphs, kept whole, left most of a page blank (audit)."""
    config_file = write_handbook(tmp_path)
    protocol = tmp_path / "protocols" / "hotel-staff.yml"
    long_detail = "|\n" + "".join(f"      Paragraph {n} of what to say.\n\n" for n in range(45))
    protocol.write_text(
        protocol.read_text(encoding="utf-8").replace(
            "detail: Say what you saw, when, and the room number.", f"detail: {long_detail}"
        ),
        encoding="utf-8",
    )
    context = context_of(config_file)
    html = handout_render.render_html(
        handouts.handout_content(context, context.handbook.modules["hotel-staff"])
    )
    start = html.index('<ol class="hb-steps">')
    steps = html[start : html.index("</ol>", start)]
    assert steps.count("<li") == 3
    assert steps.count('<li class="hb-step--long">') == 1
    assert steps.index("Tell your manager") > steps.index('<li class="hb-step--long">')


def test_printing_problems_are_placed_where_their_text_is_written() -> None:
    """In a protocol the handout prints, once however often WeasyPrint says it; what is
    not about a picture or a character (CSS) is left to WeasyPrint's own log."""
    module = Origin("content/modules/m.md", "# M\n\nNo pictures.\n")
    protocol = Origin("protocols/p.yml", "title: P\nsteps:\n  - detail: Call \u260e now\n")
    no_glyph = '.notdef glyph rendered for Unicode string unsupported by fonts: "\u260e"'
    messages = [no_glyph, "Ignored `colour: red` at 1:1, unknown property.", no_glyph]
    (problem,) = handout_problems.described(messages, Path("/h/content/modules"))
    assert handout_problems.placed(problem, [module, protocol]) == HandoutProblem(
        "protocols/p.yml", 3, "'\u260e' prints as empty boxes: no font here has U+260E"
    )
    # Placed in the file as it is now: a line moved since the PDF was cached (review).
    moved = Origin(protocol.path, "# A comment\n" + protocol.text)
    assert handout_problems.placed(problem, [module, moved]).line == 4


def test_printing_problems_are_said_by_file_and_line(tmp_path: Path) -> None:
    """Audit: WeasyPrint reports pictures as it loads them, an `<object>`'s before a
    drawing's, and the warnings came out at lines 51, 53, 59, 55; they are said in the
    order findings are, by file and line, each kept once per text it is about."""
    body = "".join(f"![Map {number}](img/map-{number}.png)\n\n" for number in range(1, 5))
    config_file = write_handbook(tmp_path, modules={"exits": module_text("Exits", body)})
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["exits"])
    reported = [
        handout_problems.Unplaced((f"img/map-{number}.png",), f"map {number} is missing")
        for number in (1, 2, 4, 3)
    ]
    reported.insert(0, handout_problems.Unplaced(("Call the hotline",), "a protocol's"))
    said = handouts._placed(reported, content)
    lines = [body_line(config_file, f"img/map-{number}.png") for number in range(1, 5)]
    assert [(problem.path, problem.line) for problem in said] == [
        *(("content/modules/exits.md", line) for line in lines),
        ("protocols/hotel-staff.yml", 13),
    ]


@pytest.mark.pdf
def test_a_handout_reads_files_of_docs_dir_and_none_of_a_git_folder(tmp_path: Path) -> None:
    """A picture is read from docs_dir only, and never from a `.git` folder, even one in
    docs_dir (a clone kept there) or reached through a link: git's own files hold the
    repository's whole history (audit)."""
    require_weasyprint()
    docs = tmp_path / "content"
    (docs / "vendored" / ".git").mkdir(parents=True)
    (docs / "vendored" / ".git" / "config").write_text("[user]\n", encoding="utf-8")
    (docs / "exits.svg").write_text("<svg/>", encoding="utf-8")
    (docs / "history").symlink_to(docs / "vendored" / ".git")
    (tmp_path / "elsewhere.svg").write_text("<svg/>", encoding="utf-8")
    fetcher = handout_render._local_fetcher(handout_render.load_weasyprint(), (docs,))
    fetched = fetcher.fetch((docs / "exits.svg").as_uri())
    try:
        assert fetched.read() == b"<svg/>"
    finally:
        fetched.close()
    for refused in ("vendored/.git/config", "history/config", "../elsewhere.svg"):
        with pytest.raises(ValueError, match="handouts only read files of the handbook"):
            fetcher.fetch((docs / refused).as_uri())


@pytest.mark.pdf
def test_a_link_out_named_decomposed_is_refused_as_under_its_typed_name(tmp_path: Path) -> None:
    """Review rv44e: a folder link named decomposed (`imágenes`, committed from a Mac),
    typed composed in the module, was read by its name on disk without that name's link
    being followed: a picture outside docs_dir, or in a `.git` folder, was read."""
    require_weasyprint()
    docs, outside = tmp_path / "content", tmp_path / "elsewhere"
    (docs / "vendored" / ".git").mkdir(parents=True)
    (docs / "vendored" / ".git" / "map.svg").write_text("<svg/>", encoding="utf-8")
    outside.mkdir()
    (outside / "map.svg").write_text("<svg/>", encoding="utf-8")
    (docs / unicodedata.normalize("NFD", "imágenes")).symlink_to(outside)
    (docs / unicodedata.normalize("NFD", "histórico")).symlink_to(docs / "vendored" / ".git")
    fetcher = handout_render._local_fetcher(handout_render.load_weasyprint(), (docs,))
    for typed in ("imágenes/map.svg", "histórico/map.svg"):
        with pytest.raises(ValueError, match="handouts only read files of the handbook"):
            fetcher.fetch((docs / unicodedata.normalize("NFC", typed)).as_uri())


@pytest.mark.pdf
def test_a_file_address_naming_another_host_is_refused_before_any_lookup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Security audit: `![map](file://probe.example/<docs>/map.svg)` named a file of
    docs_dir, so the fetcher let it through, and Python's file handler then asked DNS for
    probe.example: a pull request's handout told a host of its choosing that CI built it."""
    require_weasyprint()
    docs = tmp_path / "content"
    docs.mkdir()
    (docs / "map.svg").write_text("<svg/>", encoding="utf-8")
    looked_up: list[str] = []
    real_lookup = socket.gethostbyname

    def lookup(host: str) -> str:
        if host == "localhost":
            return real_lookup(host)
        looked_up.append(host)
        return "192.0.2.1"  # documentation's own address: nothing is sent there

    monkeypatch.setattr(socket, "gethostbyname", lookup)
    fetcher = handout_render._local_fetcher(handout_render.load_weasyprint(), (docs,))
    for host in ("probe.example", "127.0.0.1", "localhost:80"):
        with pytest.raises(ValueError, match="handouts load nothing from the network"):
            fetcher.fetch(f"file://{host}{(docs / 'map.svg').as_posix()}")
    assert looked_up == []
    # The machine's own files, written with `localhost` as the host, are read as before.
    fetched = fetcher.fetch(f"file://localhost{(docs / 'map.svg').as_posix()}")
    try:
        assert fetched.read() == b"<svg/>"
    finally:
        fetched.close()


def test_a_missing_picture_is_named_as_the_module_names_it() -> None:
    """Review: a picture outside the module's folder was named by a path of the machine,
    kept in the cache for another to read."""
    message = "Failed to load image at 'file:///h/content/img/exits.png': [Errno 2] No such file"
    folders = (Path("/h/content"),)
    (problem,) = handout_problems.described([message], Path("/h/content/modules"), folders)
    assert problem.needles == ("../img/exits.png", "exits.png")
    assert problem.message.startswith("the picture ../img/exits.png is not in the handout (no")
    # Outside the handbook (which a handout does not read), by its whole path.
    elsewhere = "Failed to load image at 'file:///img/exits.png': [Errno 2] No such file"
    (problem,) = handout_problems.described([elsewhere], Path("/h/content/modules"), folders)
    assert problem.needles == ("/img/exits.png", "exits.png")


def test_a_picture_without_a_description_is_named_as_the_module_names_it() -> None:
    """WeasyPrint names the picture by its `src`, as the module writes it."""
    message = 'Image "img/exits.png" has no required alt description'
    (problem,) = handout_problems.described([message, message], Path("/h/content/modules"))
    assert problem.needles[-2:] == ("img/exits.png", "exits.png")
    assert problem.message == (
        "the picture img/exits.png has no description (alt text): a screen reader reading "
        "the handout says nothing of what it shows"
    )


@pytest.mark.parametrize(
    "undescribed",
    ["![](img/exits.png)", '<img src="img/exits.png" alt="">', '<img alt="" src="img/exits.png">'],
)
def test_a_picture_without_a_description_is_placed_at_that_picture(undescribed: str) -> None:
    """Review rv20: the same picture shown first with its description and then without
    was reported at the first, where there is nothing to change."""
    text = f"# Exits\n\n![Map of the exits](img/exits.png)\n\nText.\n\n{undescribed}\n"
    module = Origin("content/modules/exits.md", text)
    message = 'Image "img/exits.png" has no required alt description'
    (problem,) = handout_problems.described([message], Path("/h/content/modules"))
    assert handout_problems.placed(problem, [module]).line == 7


@pytest.mark.pdf
def test_a_picture_without_a_description_is_said_with_file_and_line(tmp_path: Path) -> None:
    """Audit (a blind volunteer's handout): a map of exits written `![](...)` or
    `alt=""` was a figure the tagged PDF gave no description, which a screen reader
    skips; nothing said so. A picture with its description is fine."""
    require_weasyprint()
    from PIL import Image

    body = (
        "![Map of the exits](img/described.png)\n\n![](img/exits.png)\n\n"
        '<img src="img/floor.png" alt="">\n'
    )
    config_file = write_handbook(tmp_path, modules={"exits": module_text("Exits", body)})
    (tmp_path / "content" / "modules" / "img").mkdir()
    for name in ("described", "exits", "floor"):
        Image.new("RGB", (20, 10)).save(tmp_path / "content" / "modules" / "img" / f"{name}.png")
    report = handouts.build_handouts(context_of(config_file), tmp_path / "out")
    (result,) = report.results
    assert result.outcome == "rendered"
    said = "has no description (alt text): a screen reader reading the handout says nothing"
    assert [
        (problem.path, problem.line)
        for problem in result.printing_problems
        if said in problem.message
    ] == [
        ("content/modules/exits.md", body_line(config_file, "img/exits.png")),
        ("content/modules/exits.md", body_line(config_file, "img/floor.png")),
    ]


@pytest.mark.pdf
def test_a_picture_in_a_folder_committed_decomposed_is_printed(tmp_path: Path) -> None:
    """A module's picture in a folder whose name a Mac committed decomposed
    (`imágenes/`, on a Linux clone), its link typed composed as the site resolves it: the
    handout looked for it by the typed name and printed the map's place empty."""
    require_weasyprint()
    from PIL import Image

    folder = unicodedata.normalize("NFD", "imágenes")
    typed = unicodedata.normalize("NFC", "imágenes")
    body = f"![Map of the exits]({typed}/exits.png)\n"
    config_file = write_handbook(tmp_path, modules={"exits": module_text("Exits", body)})
    (tmp_path / "content" / "modules" / folder).mkdir()
    Image.new("RGB", (20, 10)).save(tmp_path / "content" / "modules" / folder / "exits.png")
    report = handouts.build_handouts(context_of(config_file), tmp_path / "out")
    (result,) = report.results
    assert result.outcome == "rendered"
    assert [problem.message for problem in result.printing_problems] == []


@pytest.mark.pdf
def test_a_decorative_or_captioned_picture_needs_no_description(tmp_path: Path) -> None:
    """Review rv20: `alt=""` is how HTML says a picture is decoration, and there was no
    way to say so: the warning failed --strict. A picture marked as decoration needs no
    description, nor one whose figure's caption says what it shows; shown once without
    either, it is still said, at that line."""
    require_weasyprint()
    from PIL import Image

    body = (
        '<img src="img/line.png" alt="" role="presentation">\n\n'
        '<img src="img/dots.png" alt="" aria-hidden="true">\n\n'
        '<figure>\n<img src="img/map.png" alt="">\n'
        "<figcaption>Map of the exits</figcaption>\n</figure>\n\n"
        '<figure>\n<img src="img/plan.png" alt="">\n<figcaption> </figcaption>\n</figure>\n\n'
        '<img src="img/line.png" alt="" role="none">\n\n'
        '<img src="img/dots.png" alt="">\n'
    )
    config_file = write_handbook(tmp_path, modules={"exits": module_text("Exits", body)})
    (tmp_path / "content" / "modules" / "img").mkdir()
    for name in ("line", "dots", "map", "plan"):
        Image.new("RGB", (20, 10)).save(tmp_path / "content" / "modules" / "img" / f"{name}.png")
    report = handouts.build_handouts(context_of(config_file), tmp_path / "out")
    (result,) = report.results
    assert result.outcome == "rendered"
    assert [
        (problem.line, problem.message.split(" has ")[0])
        for problem in result.printing_problems
        if "has no description" in problem.message
    ] == [
        (body_line(config_file, 'src="img/plan.png"'), "the picture img/plan.png"),
        (body_line(config_file, '<img src="img/dots.png" alt="">'), "the picture img/dots.png"),
    ]


def test_a_picture_a_drawing_shows_is_placed_where_the_module_shows_the_drawing(
    tmp_path: Path,
) -> None:
    """Audit: a picture on another host inside an SVG the module shows was reported at
    the module's line 1, where neither is written. Placed at the drawing, named as the
    module names it; a picture the module shows itself is placed as before."""
    modules = tmp_path / "content" / "modules"
    (modules / "img").mkdir(parents=True)
    drawing = modules / "img" / "map.svg"
    drawing.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        "<image href=\"https://example.org/x.png\"/><image xlink:href='./parts/exits.png'/>"
        "</svg>",
        encoding="utf-8",
    )
    remote = "Failed to load image at 'https://example.org/x.png': URLFetchingError: no network"
    local = (
        f"Failed to load image at '{(modules / 'img' / 'parts' / 'exits.png').as_uri()}': "
        "[Errno 2] No such file"
    )
    own = f"Failed to load image at '{(modules / 'desk.png').as_uri()}': [Errno 2] No such file"
    problems = handout_problems.described(
        [remote, local, own], modules, (tmp_path / "content",), [modules / "desk.png", drawing]
    )
    assert [problem.needles for problem in problems] == [
        ("img/map.svg", "map.svg"),
        ("img/map.svg", "map.svg"),
        ("desk.png", "desk.png"),
    ]
    assert problems[0].message == (
        "the picture https://example.org/x.png that img/map.svg shows is not in the handout "
        "(no network); img/map.svg prints without it"
    )
    module = Origin("content/modules/m.md", "# M\n\nThe exits:\n![map](img/map.svg)\n")
    assert handout_problems.placed(problems[0], [module]).line == 4


@pytest.mark.parametrize(
    ("markdown", "printed"),
    [
        ("[hotline](https://example.org)", "https://example.org"),
        # Written in HTML, a link prints where it leads too (review).
        ('<p><a href="https://example.org/report">the form</a></p>', "https://example.org/report"),
        # Where the text gives the address, it is printed once (audit: twice).
        ("<https://example.org/>", None),
        ("[example.org](https://www.example.org)", None),
        # A phone number or an e-mail address is what a reader of paper needs (audit).
        ("[call now](tel:+18883737888)", "+18883737888"),
        ("[1-888-373-7888](tel:+18883737888)", None),
        ("[888-373-7888](tel:+18883737888)", None),  # without its country code (review)
        ("[373-7888](tel:+18883737888)", "+18883737888"),  # not without its area code
        # Nor with a trunk (0) no one dials (review rv59f: it printed "(+442079460000)").
        ("[+44 (0)20 7946 0000](tel:+442079460000)", None),
        ("[+44 (0)20 7946 0000](tel:+442079461111)", "+442079461111"),
        ("[text BeFree](sms:233733)", "233733"),
        ("[233733](sms:233733)", None),
        ("[write to us](mailto:help@example.org?subject=Hi)", "help@example.org"),
    ],
)
def test_a_link_prints_where_it_leads_unless_its_text_says(
    markdown: str, printed: str | None
) -> None:
    root, _ = body_as_printed(handout_render._markdown().convert(markdown))
    body = root.find("body")
    assert body is not None
    assert [link.get("data-print") for link in body.iter("a")] == [printed]


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="../coalition/what-is-a-coalition.md">the page</a></p>',
        '<p><a href="file:///home/editor/handbook/content/index.md">home</a></p>',
        '<p><a href="poster.pdf">the poster</a></p>',
    ],
)
def test_a_link_written_in_html_leads_to_no_file_of_the_machine(html: str) -> None:
    """Review: WeasyPrint made such a link lead to the build machine's own file
    (file:///home/.../content/...), its path printed in every handout."""
    root, printed = body_as_printed(html)
    body = root.find("body")
    assert body is not None
    assert list(body.iter("a")) == []
    assert "<span>" in printed


def test_a_link_to_a_place_in_the_handout_stays_a_link() -> None:
    root, _ = body_as_printed('<p><a href="#key-terms">Key terms</a></p>')
    body = root.find("body")
    assert body is not None
    assert [link.get("href") for link in body.iter("a")] == ["#key-terms"]


# A module's links to other pages of the handbook, and to files it publishes or not.
LINKING_MODULE_BODY = """
Read [What is a coalition?](../coalition/what-is-a-coalition.md#who-is-in-it) first.
See [survivor](../glossary/survivor.md), [the protocol](../protocols/hotel-staff.md),
[the glossary](../glossary/index.md), [the poster](poster.pdf), [home](../index.md).
Not on the site: [a page to come](../coalition/to-come.md), [a draft](../drafts/notes.md),
[the sources](../../README.md), [a folder](../coalition/).
"""


def write_linking_handbook(root: Path, site: str = "") -> Path:
    """The tiny handbook with a module that links to the handbook, the settings `site`
    added to mkdocs.yml; its protocol's summary links to the protocol's own page."""
    config_file = write_handbook(root, modules={"links": module_text("Links", LINKING_MODULE_BODY)})
    config_file.write_text(
        config_file.read_text(encoding="utf-8") + 'exclude_docs: "drafts/"\n' + site,
        encoding="utf-8",
    )
    for page in ("coalition/what-is-a-coalition.md", "drafts/notes.md"):
        (root / "content" / page).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / page).write_text("# A page\n\nText.\n", encoding="utf-8")
    (root / "content" / "modules" / "poster.pdf").write_bytes(b"%PDF-1.7\n")
    protocol = root / "protocols" / "hotel-staff.yml"
    protocol.write_text(
        protocol.read_text(encoding="utf-8").replace(
            "seems wrong.", "seems wrong (as [its page](hotel-staff.md) says)."
        ),
        encoding="utf-8",
    )
    return config_file


def printed_links(html: str) -> list[tuple[str, str | None, str | None]]:
    """Each link of the handout's body and protocols as printed: (text, href, the
    address printed after it), a link become text as (text, None, None). Not the
    protocols' contacts, whose numbers and addresses are links of their own (`.hb-contacts`)."""
    root = printable_tree(html)
    contacts = {
        id(element)
        for listed in root.iter("ul")
        if "hb-contacts" in listed.get("class", "").split()
        for element in listed.iter()
    }
    found = []
    for element in root.iter():
        in_text = (
            element.tag in ("a", "span")
            and element.get("class") is None
            and id(element) not in contacts
        )
        if in_text and ("href" in element.attrib or element.tag == "span"):
            found.append(
                ("".join(element.itertext()), element.get("href"), element.get("data-print"))
            )
    return found


SITE = "https://example.org/handbook/"
# With no site to link to, each link of the linking module is printed as its text alone
# (none left out, which `all(href is None ...)` over no links at all would pass).
AS_TEXT = [
    (text, None, None)
    for text in (
        "What is a coalition?", "survivor", "the protocol", "the glossary", "the poster",
        "home", "a page to come", "a draft", "the sources", "a folder", "its page",
    )
]  # fmt: skip


@pytest.mark.parametrize(
    ("directory_urls", "pages"),
    [
        (
            "true",
            [
                "coalition/what-is-a-coalition/#who-is-in-it",
                "glossary/survivor/",
                "protocols/hotel-staff/",
                "glossary/",
                "modules/poster.pdf",
                "",
                "protocols/hotel-staff/",  # from the protocol's page: its summary is there
            ],
        ),
        (
            "false",
            [
                "coalition/what-is-a-coalition.html#who-is-in-it",
                "glossary/survivor.html",
                "protocols/hotel-staff.html",
                "glossary/index.html",
                "modules/poster.pdf",
                "index.html",
                "protocols/hotel-staff.html",
            ],
        ),
    ],
)
def test_links_to_the_handbook_lead_to_the_published_site_and_print_its_address(
    tmp_path: Path, directory_urls: str, pages: list[str]
) -> None:
    """Audit: "Read the page What is a coalition?" left a trainer nowhere to go. With
    site_url, each link to a page (or a file) of the site leads there and prints the
    address MkDocs gives it; one to nothing the site publishes stays text."""
    config_file = write_linking_handbook(
        tmp_path, f"site_url: https://example.org/handbook\nuse_directory_urls: {directory_urls}\n"
    )
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["links"])
    html = handout_render.render_html(content)
    texts = [
        "What is a coalition?",
        "survivor",
        "the protocol",
        "the glossary",
        "the poster",
        "home",
    ]
    expected = [(text, SITE + page, SITE + page) for text, page in zip(texts, pages, strict=False)]
    not_published = ["a page to come", "a draft", "the sources", "a folder"]
    assert printed_links(html) == [
        *expected[:6],
        *((text, None, None) for text in not_published),
        ("its page", SITE + pages[6], SITE + pages[6]),
    ]
    # The footer names the site; the software's version is in the PDF's properties.
    assert f'@bottom-left {{ content: "Riverside Coalition · {SITE} · edition ' in html
    assert '<meta name="generator" content="coalition-handbook ' in html


@pytest.mark.parametrize("handouts_option", ["true", "false"])
def test_links_to_another_modules_page_and_handout_lead_to_the_published_site(
    tmp_path: Path, handouts_option: str
) -> None:
    """Audit: a link to another module's handout printed as text, where the site
    publishes it; so it still does where the build makes no handouts (`handouts: false`)."""
    body = "Next: [the community module](community.md), [its handout](../handouts/community.pdf).\n"
    modules = {
        "links": module_text("Links", body),
        "community": module_text("Community members", protocols="[]"),
    }
    config_file = write_handbook(tmp_path, modules=modules)
    settings = config_file.read_text(encoding="utf-8").replace(
        "      paper_size:", f"      handouts: {handouts_option}\n      paper_size:"
    )
    config_file.write_text(f"{settings}site_url: {SITE}\n", encoding="utf-8")
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["links"])
    handout = (SITE + "handouts/community.pdf",) * 2 if handouts_option == "true" else (None, None)
    assert printed_links(handout_render.render_html(content)) == [
        ("the community module", SITE + "modules/community/", SITE + "modules/community/"),
        ("its handout", *handout),
    ]


def write_handbook_linking_to_a_handout(root: Path) -> Path:
    """Module `links` links to the handout of module `community`; with `site_url`."""
    body = "Next: [its handout](../handouts/community.pdf), [ours](../handouts/links.pdf).\n"
    modules = {
        "links": module_text("Links", body),
        "community": module_text("Community members", protocols="[]"),
    }
    config_file = write_handbook(root, modules=modules)
    config_file.write_text(
        config_file.read_text(encoding="utf-8") + f"site_url: {SITE}\n", encoding="utf-8"
    )
    return config_file


class FakeRenderer:
    """`render_pdf` without WeasyPrint: a PDF of each handout's HTML, as `render_html`
    makes it (its links to the site resolved), and the module ids in `failing` fail."""

    def __init__(self, failing: set[str]) -> None:
        self.failing = failing
        self.rendered: list[tuple[str, str]] = []  # (module id, HTML)

    def __call__(self, content: handout_render.HandoutContent, *args, **kwargs) -> bytes:
        if content.module.id in self.failing:
            raise handout_render.HandoutError("WeasyPrint failed: RecursionError: too deep")
        html = handout_render.render_html(content, kwargs.get("site_links"))
        self.rendered.append((content.module.id, html))
        return b"%PDF-1.7 " + html.encode()


def printed_handout_links(pdf: bytes) -> list[tuple[str, str | None, str | None]]:
    """The links of a handout `FakeRenderer` made, as `printed_links` reads them."""
    return printed_links(pdf.removeprefix(b"%PDF-1.7 ").decode())


OURS = ("ours", SITE + "handouts/links.pdf", SITE + "handouts/links.pdf")


@pytest.mark.parametrize("earlier", ["none", "in the cache", "in the output folder"])
def test_a_handout_links_to_no_other_handout_that_is_not_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, earlier: str
) -> None:
    """Review: a handout linked to another module's PDF that failed to render with no
    earlier copy, so the link led to nothing. Made again, the link prints as its text,
    as one to nothing the site publishes; where an earlier PDF is published instead,
    the link stays."""
    context = context_of(write_handbook_linking_to_a_handout(tmp_path))
    output = tmp_path / "out"
    if earlier == "in the cache":
        handouts.HandoutCache.beside(tmp_path, "mkdocs.yml").put(
            "community", "0" * 64, b"%PDF-1.7 earlier"
        )
    elif earlier == "in the output folder":
        output.mkdir()
        (output / "community.pdf").write_bytes(b"%PDF-1.7 published earlier")
    renderer = FakeRenderer(failing={"community"})
    monkeypatch.setattr(handout_render, "render_pdf", renderer)
    report = handouts.build_handouts(context, output)
    outcomes = {result.module.id: result.outcome for result in report.results}
    assert outcomes == {"community": "failed", "links": "rendered"}
    published = printed_handout_links((output / "links.pdf").read_bytes())
    if earlier == "none":
        assert report.unpublished == {"community"}
        assert published == [("its handout", None, None), OURS]
        # Made with the link first, then again without it.
        assert [module_id for module_id, _ in renderer.rendered] == ["links", "links"]
    else:
        assert report.unpublished == frozenset()
        link = SITE + "handouts/community.pdf"
        assert published == [("its handout", link, link), OURS]
        assert [module_id for module_id, _ in renderer.rendered] == ["links"]


@pytest.mark.parametrize("setting", ["exclude_docs", "draft_docs"])
def test_a_module_the_site_leaves_out_gets_no_handout_but_is_checked(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    setting: str,
) -> None:
    """Trainer audit: a draft module left out with `exclude_docs` still had its handout
    made and published, by `handbook handouts` too. It gets none (one made before is
    named, to be deleted), no other handout links to it, and it is still checked. So
    one `mkdocs build` leaves out as a draft (`draft_docs`: session 64, it was made)."""
    monkeypatch.chdir(tmp_path)
    config_file = write_handbook_linking_to_a_handout(tmp_path)
    config_file.write_text(
        config_file.read_text(encoding="utf-8") + f"{setting}: |\n  modules/community.md\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    output = tmp_path / "site" / "handouts"
    output.mkdir(parents=True)
    (output / "community.pdf").write_bytes(b"%PDF-1.7 made before it was a draft")
    assert main(["handouts", "-f", str(config_file)]) == 0
    captured = capsys.readouterr()
    assert re.fullmatch(r"site/handouts/links\.pdf: rendered in \d+\.\d\d s\n", captured.out)
    assert captured.err == (
        f"content/modules/community.md: no handout: {setting} leaves the module out of the "
        "site; site/handouts/community.pdf was made before (left as it is): delete it, so "
        "that no one prints it\n"
    )
    assert (output / "community.pdf").read_bytes() == b"%PDF-1.7 made before it was a draft"
    assert printed_handout_links((output / "links.pdf").read_bytes()) == [
        ("its handout", None, None),
        OURS,
    ]
    # Still checked: an error in it fails the command, as `handbook check`.
    community = tmp_path / "content" / "modules" / "community.md"
    community.write_text(
        community.read_text(encoding="utf-8").replace("protocols: []", "protocols: [nowhere]"),
        encoding="utf-8",
    )
    assert main(["handouts", "-f", str(config_file)]) == 1
    assert "error module.reference" in capsys.readouterr().err


def test_a_cached_handout_that_links_to_a_handout_no_longer_published_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = context_of(write_handbook_linking_to_a_handout(tmp_path))
    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    handouts.make_handouts(context)
    # The community module's cache is gone (a new clone), and its render now fails.
    for kept in (tmp_path / ".cache" / "handouts" / "community").iterdir():
        kept.unlink()
    renderer = FakeRenderer(failing={"community"})
    monkeypatch.setattr(handout_render, "render_pdf", renderer)
    made = handouts.make_handouts(context_of(tmp_path / "mkdocs.yml"))
    (links,) = [result for result in made.results if result.module.id == "links"]
    assert links.outcome == "rendered" and links.pdf is not None
    assert printed_handout_links(links.pdf) == [("its handout", None, None), OURS]
    assert handouts.unpublished_handouts(made) == {"community"}
    # Once the community handout is made again, so is the link.
    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing=set()))
    made = handouts.make_handouts(context_of(tmp_path / "mkdocs.yml"))
    (links,) = [result for result in made.results if result.module.id == "links"]
    assert links.pdf is not None
    link = SITE + "handouts/community.pdf"
    assert printed_handout_links(links.pdf) == [("its handout", link, link), OURS]


def test_without_site_url_links_to_the_handbook_print_as_text(tmp_path: Path) -> None:
    context = context_of(write_linking_handbook(tmp_path))
    content = handouts.handout_content(context, context.handbook.modules["links"])
    assert content.site is None
    html = handout_render.render_html(content)
    assert printed_links(html) == AS_TEXT
    assert "example.org" not in html
    footer = f'@bottom-left {{ content: "Riverside Coalition · edition {content.edition}"; }}'
    assert footer in html


@pytest.mark.parametrize(
    ("written", "refused"),
    [
        ("handbook.example.org", "'handbook.example.org'"),
        ("!ENV [SITE_URL, example.org/handbook]", "'example.org/handbook'"),
        ("https://handbook.example.org", None),
        ("!ENV SITE_URL", None),  # the variable unset, as on an editor's machine
    ],
)
def test_a_site_url_without_its_scheme_is_said_once_and_links_stay_text(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    written: str,
    refused: str | None,
) -> None:
    """MkDocs refuses to build with it; `handbook handouts` made the handouts without a
    word, their links to the site printed as text and no address in the footer."""
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setattr(handout_render, "render_pdf", lambda *args, **kwargs: b"%PDF-1.7")
    config_file = write_linking_handbook(tmp_path, f"site_url: {written}\n")
    line = config_file.read_text(encoding="utf-8").count("\n")
    assert main(["handouts", "-f", str(config_file), "-o", str(tmp_path / "out")]) == 0
    said = [line for line in capsys.readouterr().err.splitlines() if "site_url" in line]
    if refused is None:
        assert said == []
        return
    assert said == [
        # mkdocs.yml as -f names it, as every message about it
        f"{config_file}:{line}: site_url {refused} is no web address (it needs its scheme, e.g. "
        "https://): MkDocs refuses to build the site with it, and the handouts link to none "
        "of its pages and name no address"
    ]
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["links"])
    assert content.site is None
    assert printed_links(handout_render.render_html(content)) == AS_TEXT


def test_css_strings_are_escaped() -> None:
    assert handout_render._css_string('a "b" \\ c') == '"a \\"b\\" \\\\ c"'


def test_a_file_a_handout_prints_from_holds_it_back_while_it_has_errors(
    tmp_path: Path,
) -> None:
    """Audit: a term file with an error was left out, and `handbook handouts` replaced a
    published handout by one without that term. A module's handout is held back while its
    own file, a protocol it names or a term it uses has errors."""
    context = context_of(write_handbook(tmp_path))
    hotel = "content/modules/hotel-staff.md"
    assert handout_held_back.held_back_by_errors(context, {hotel}) == {
        hotel: "the module has errors"
    }
    assert handout_held_back.held_back_by_errors(context, {"protocols/hotel-staff.yml"}) == {
        hotel: "it prints from a file with errors: protocols/hotel-staff.yml"
    }
    assert handout_held_back.held_back_by_errors(context, {"glossary/debt-bondage.yml"}) == {
        hotel: "it prints from a file with errors: glossary/debt-bondage.yml"
    }
    assert handout_held_back.held_back_by_errors(context, {"glossary/labor-trafficking.yml"}) == {}
    assert handout_held_back.held_back_by_errors(context, {"content/index.md"}) == {}


def term_file(fields: str, version: str = "1") -> str:
    """A term file of `fields` (its forms, and any other), with its version and history."""
    return (
        f"{fields}\nversion: {version}\ndefinition: A word.\n"
        "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First approved.\n"
    )


@pytest.mark.parametrize(
    ("fields", "version", "used_by"),
    [
        # A misspelt field, a quoted version: the term is left out, its forms are known.
        ("term: sextortion\nstatuss: approved", "1", ()),
        ("term: key card\nstatuss: approved", "1", ("community", "hotel-staff")),
        # By an alias that only one module's protocol prints, and by a form to avoid.
        ("term: guest room\naliases: [room number]", '"1"', ("hotel-staff",)),
        ("term: guest\navoid: [{text: key cards}]", '"1"', ("community", "hotel-staff")),
    ],
)
def test_a_term_file_with_errors_holds_back_only_the_handouts_that_use_its_forms(
    tmp_path: Path, fields: str, version: str, used_by: tuple[str, ...]
) -> None:
    """Audit: a field typo in any term file held back every module's handout, saying the
    file "cannot be read", though its forms were known: only a module that uses one of
    them (in its text or a protocol it prints) would print that term."""
    config_file = write_handbook(tmp_path)
    (tmp_path / "glossary" / "new-term.yml").write_text(term_file(fields, version), "utf-8")
    context = context_with_errors(config_file)
    assert "glossary/new-term.yml" in context.handbook.rejected
    why = "it prints from a file with errors: glossary/new-term.yml"
    assert handout_held_back.held_back_by_errors(context, {"glossary/new-term.yml"}) == {
        f"content/modules/{module_id}.md": why for module_id in used_by
    }


def test_a_term_file_with_errors_is_not_used_where_a_longer_form_takes_its_words(
    tmp_path: Path,
) -> None:
    """Review: the forms of a term file with errors were searched for alone, so "bondage"
    was found inside "debt bondage", another term's form, and held the handout back. The
    longest form wins (DESIGN section 4): fixed, that file's term is no key term of a
    module that writes only "debt bondage"; one that writes "bondage" alone uses it."""
    config_file = write_handbook(tmp_path)
    new_term = term_file("term: bondage\nstatuss: approved")
    (tmp_path / "glossary" / "bondage.yml").write_text(new_term, "utf-8")
    context = context_with_errors(config_file)
    assert handout_held_back.held_back_by_errors(context, {"glossary/bondage.yml"}) == {}
    community = tmp_path / "content" / "modules" / "community.md"
    text = community.read_text("utf-8").replace("many forms.", "many forms, bondage among them.")
    community.write_text(text, "utf-8")
    context = context_with_errors(config_file)
    assert handout_held_back.held_back_by_errors(context, {"glossary/bondage.yml"}) == {
        "content/modules/community.md": "it prints from a file with errors: glossary/bondage.yml"
    }


@pytest.mark.parametrize(
    ("prose", "held"),
    [
        ("桃園市中壢區境外\n<br>勞工大樓。", False),  # a new line the reader sees
        ("境外*\n勞工。", False),  # a mark between
        ("不要說外\n勞。", True),  # a wrapped line: read whole
    ],
)
def test_a_term_file_with_errors_is_not_used_across_markup_at_a_wrapped_line(
    tmp_path: Path, prose: str, held: bool
) -> None:
    """Review (session 64): the searches for a wrapped line's break next to markup the
    reader sees (`外\\n<br>勞`) left out only the scan's uses, so the forms of a term file
    with errors were found there and held the handout back (`documents.text_hits`)."""
    config_file = write_handbook(tmp_path)
    new_term = term_file("term: 外勞\nstatuss: approved")
    (tmp_path / "glossary" / "foreign-labour.yml").write_text(new_term, "utf-8")
    community = tmp_path / "content" / "modules" / "community.md"
    community.write_text(community.read_text("utf-8") + f"\n{prose}\n", "utf-8")
    context = context_with_errors(config_file)
    why = "it prints from a file with errors: glossary/foreign-labour.yml"
    expected = {"content/modules/community.md": why} if held else {}
    assert handout_held_back.held_back_by_errors(context, {"glossary/foreign-labour.yml"}) == (
        expected
    )


@pytest.mark.parametrize(
    "fields",
    [
        "term: [sextortion]",  # not a string
        "term: sextortion\naliases: sextortion online",  # not a list
        "term: sextortion\navoid: [{reason: Vague.}]",  # a form to avoid without its text
        # Review: strings, but no word in them: the term it will be cannot be told.
        'term: ""',
        'term: "  "',
        'term: sextortion\naliases: [""]',
    ],
)
def test_a_term_file_whose_forms_cannot_be_read_holds_every_handout_back(
    tmp_path: Path, fields: str
) -> None:
    """Which modules use such a term cannot be told: any could (audit)."""
    config_file = write_handbook(tmp_path)
    (tmp_path / "glossary" / "sextortion.yml").write_text(term_file(fields), "utf-8")
    context = context_with_errors(config_file)
    assert "glossary/sextortion.yml" in context.handbook.rejected
    unread = (
        "the forms of a term cannot be read (glossary/sextortion.yml), and its term could be "
        "one of the module's key terms"
    )
    assert handout_held_back.held_back_by_errors(context, {"glossary/sextortion.yml"}) == {
        "content/modules/hotel-staff.md": unread,
        "content/modules/community.md": unread,
    }


@pytest.mark.parametrize(
    ("broken", "unread"),
    [
        (b"owner: [Hospitality committee\n", "a term file cannot be read"),  # YAML syntax
        (b"", "a term file cannot be read"),  # an empty file
        (b"- a list\n- not a mapping\n", "a term file cannot be read"),
        (b"title: Caf\xe9\n", "a term file cannot be read"),  # not UTF-8
        # Aliases, rejected: a mapping is read, but no term in it.
        (
            b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
            "the forms of a term cannot be read",
        ),
    ],
)
def test_a_file_that_cannot_be_read_at_all_holds_handouts_back(
    tmp_path: Path, broken: bytes, unread: str
) -> None:
    """Audit: a protocol or term file with no readable mapping in it left no record
    behind, and `handbook handouts` replaced the published handouts by ones without it.
    Its folder says what it is, and its name which one; a term file's name does not say
    which modules use its term, so every handout is held back."""
    config_file = write_handbook(tmp_path)
    (tmp_path / "protocols" / "hotel-staff.yml").write_bytes(broken)
    (tmp_path / "glossary" / "sextortion.yml").write_bytes(broken)
    (tmp_path / "glossary" / "notes.txt").write_bytes(broken)
    (tmp_path / "glossary" / "notes.yaml").write_bytes(broken)
    context = context_with_errors(config_file)
    handbook = context.handbook
    assert {"protocols/hotel-staff.yml", "glossary/sextortion.yml"} <= handbook.rejected
    hotel, community = "content/modules/hotel-staff.md", "content/modules/community.md"
    assert handout_held_back.held_back_by_errors(context, {"protocols/hotel-staff.yml"}) == {
        hotel: "it prints from a file with errors: protocols/hotel-staff.yml"
    }
    why = f"{unread} (glossary/sextortion.yml), and its term could be one of the module's key terms"
    assert handout_held_back.held_back_by_errors(context, {"glossary/sextortion.yml"}) == {
        hotel: why,
        community: why,
    }
    # A stray file beside the terms is an error too, but no term is missing for it: it is
    # not read as one (review: a misnamed notes.yaml held every handout back).
    stray = {"glossary/notes.txt", "glossary/notes.yaml"}
    assert stray <= handbook.rejected
    assert handout_held_back.held_back_by_errors(context, stray) == {}


def test_cli_says_why_a_module_that_cannot_be_read_gets_no_handout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit: a module whose front matter is no YAML made no module, and `handbook
    handouts` said nothing of its handout (it stays, and the command fails)."""
    monkeypatch.chdir(tmp_path)  # PDFs are named from here, module files from mkdocs.yml's
    broken = module_text("Hotel staff").replace("title: Hotel staff", "title: [Hotel staff", 1)
    config_file = write_handbook(tmp_path, modules={"hotel-staff": broken})
    published = tmp_path / "site" / "handouts" / "hotel-staff.pdf"
    published.parent.mkdir(parents=True)
    published.write_bytes(b"%PDF-1.7 the last good one")
    assert main(["handouts", "-f", str(config_file)]) == 1
    errors = capsys.readouterr().err
    assert (
        "content/modules/hotel-staff.md: handout not made: the module has errors; kept the "
        "previous site/handouts/hotel-staff.pdf"
    ) in errors
    assert published.read_bytes() == b"%PDF-1.7 the last good one"
    published.unlink()
    assert main(["handouts", "-f", str(config_file)]) == 1
    assert "the module has errors; no handout published" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("output", "option"), [("glossary", "glossary_dir"), ("protocols/", "protocols_dir")]
)
def test_cli_refuses_an_output_in_a_folder_of_terms_or_protocols(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    output: str,
    option: str,
) -> None:
    """Audit: `-o glossary` wrote the PDFs beside the term files, and every check after
    failed on them ("is not read: this folder holds only <id>.yml term files")."""
    monkeypatch.chdir(tmp_path)
    config_file = write_handbook(tmp_path, modules={})
    assert main(["handouts", "-f", str(config_file), "-o", output]) == 2
    assert capsys.readouterr().err == (
        f"handbook: {Path(output)} is {option} '{option.removesuffix('_dir')}', which holds "
        "only its <id>.yml files: the PDFs there would fail every check; name another "
        "folder with -o\n"
    )
    assert sorted(path.suffix for path in (tmp_path / "protocols").iterdir()) == [".yml"]


def test_cli_refuses_an_empty_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o ""` (a variable left unset: `-o "$OUT"`) wrote the PDFs into the folder the
    command ran in, beside mkdocs.yml, without a word (badux): a usage error instead."""
    monkeypatch.chdir(tmp_path)
    config_file = write_handbook(tmp_path, modules={})
    with pytest.raises(SystemExit) as exited:
        main(["handouts", "-f", str(config_file), "-o", ""])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.endswith(
        "handbook handouts: error: argument -o/--output: an empty folder name: name the "
        "folder for the PDFs (-o . for this one)\n"
    )
    assert not list(tmp_path.glob("*.pdf"))


def test_cli_refuses_an_output_that_is_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit: `-o notes.txt` failed with the system's words and exit 1."""
    monkeypatch.chdir(tmp_path)
    config_file = write_handbook(tmp_path, modules={})
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me", encoding="utf-8")
    assert main(["handouts", "-f", str(config_file), "-o", str(notes)]) == 2
    assert capsys.readouterr().err == (
        f"handbook: {notes} is a file, where a folder must be for the PDFs to go into "
        f"{notes}; move it away, or name another folder with -o\n"
    )
    # A file above the folder (review), named as typed; the site's own, from here.
    assert main(["handouts", "-f", str(config_file), "-o", str(notes / "pdfs")]) == 2
    assert f"handbook: {notes} is a file, where a folder must be" in capsys.readouterr().err
    (tmp_path / "pdfs").symlink_to(tmp_path / "nowhere")
    assert main(["handouts", "-f", str(config_file), "-o", str(tmp_path / "pdfs")]) == 2
    assert "pdfs is a link to nothing, where a folder must be" in capsys.readouterr().err
    (tmp_path / "site").write_text("not the site", encoding="utf-8")
    assert main(["handouts", "-f", str(config_file)]) == 2
    assert capsys.readouterr().err == (
        "handbook: site is a file, where a folder must be for the PDFs to go into "
        "site/handouts; move it away, or name another folder with -o\n"
    )
    assert notes.read_text(encoding="utf-8") == "keep me"


def test_cli_makes_handouts_the_build_is_told_not_to_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = write_handbook(tmp_path, modules={})
    config_file.write_text(
        config_file.read_text(encoding="utf-8") + "      handouts: false\n", encoding="utf-8"
    )
    assert main(["handouts", "-f", str(config_file)]) == 0
    assert "handouts is false, so the site's build makes no handout; making them here" in (
        capsys.readouterr().err
    )


def test_a_deprecated_key_terms_replacement_with_errors_holds_the_handout_back(
    tmp_path: Path,
) -> None:
    """The handout prints the replacement's preferred form (third review)."""
    module = module_text("Words", "Older reports say bonded labor.\n", protocols="[]")
    module = module.replace("Describe what a survivor", "Describe what a person")
    module = module.replace("The hotline takes calls all day.", "")
    config_file = write_handbook(tmp_path, modules={"words": module})
    (tmp_path / "glossary" / "bonded-labor.yml").write_text(BONDED_LABOR, encoding="utf-8")
    context = context_of(config_file)
    assert handout_held_back.held_back_by_errors(context, {"glossary/debt-bondage.yml"}) == {
        "content/modules/words.md": "it prints from a file with errors: glossary/debt-bondage.yml"
    }


# PDFs.


@pytest.mark.pdf
@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_pdf_has_paper_size_sections_terms_steps_and_footer(
    tmp_path: Path, paper: str, size: tuple[int, int]
) -> None:
    require_weasyprint()
    context = context_of(write_handbook(tmp_path, paper=paper))
    report = handouts.build_handouts(context, tmp_path / "out")
    assert [result.outcome for result in report.results] == ["rendered", "rendered"]

    pages = pdf_pages(tmp_path / "out" / "hotel-staff.pdf")
    assert 1 <= len(pages) <= 3
    for width, height, _ in pages:
        assert (round(width), round(height)) == size
    text = squashed(" ".join(page_text for _, _, page_text in pages))
    for expected in (
        "Hotel and motel staff",
        "front desk staff, housekeeping",
        "45 minutes",
        "2026-03-14",
        "Objectives",
        "Follow the hotel protocol step by step.",
        "Key terms",
        "Realize",
        "Recognize",
        "Respond",
        "STAY SAFE",  # the admonition's label, in words
        "Protocols",
        "Hotel staff who suspect trafficking",
        "Keep yourself safe",
        "Tell your manager",
        "Call the hotline",
        "1-888-373-7888",
        "233733",
    ):
        assert expected in text, expected
    # Key terms: their definitions, whole (not the tooltips' short text), sorted by term.
    first, second, third = (
        text.index("debt bondage Work demanded"),
        text.index("hotline The National Human Trafficking Hotline"),
        text.index(
            "survivor A person who has experienced trafficking. The word honours their strength."
        ),
    )
    assert text.index("Key terms") < first < second < third
    assert "labor trafficking" not in text  # defined, but the module does not use it
    # Read in the order printed: the objectives' boxes were positioned, which painted them
    # after the rest of the page, where text extraction read them (audit).
    assert text.index("Follow the hotel protocol step by step.") < text.index("Realize")
    steps = [text.index(step) for step in ("Keep yourself safe", "Call the hotline")]
    assert steps == sorted(steps) and steps[-1] < text.index("1-888-373-7888")  # contacts
    for number, (_, _, page_text) in enumerate(pages, start=1):
        footer = squashed(page_text)
        assert f"Page {number} of {len(pages)}" in footer
        assert "Riverside Coalition" in footer
        assert __version__ not in footer  # the software's version, meaningless to a trainer


# A list in each place a handout prints Markdown: the module's body (tight, nested and
# loose), a protocol's step and its summary.
LISTED_MODULE = """
1. **Late check-in.** A man answers for the girl with him.
2. **The room nobody cleans.** Visitors come and go within minutes.

Signs at the front desk:

- Several key cards asked for
- Cash for a long stay
    - paid daily

Two loose items:

1. A loose first item.

    Its second paragraph.

2. A loose second item.
"""


@pytest.mark.pdf
@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_a_list_s_bullets_and_numbers_are_read_with_their_items(
    tmp_path: Path, direction: str
) -> None:
    """Audit: WeasyPrint paints a list's markers (outside the text, as positioned boxes)
    after the rest of the page, so text extraction, copy and paste and readers of
    untagged PDFs read a page's items unnumbered and then "1. 2. • • •" at its foot: the
    hotel module's "In scenario 1" named a number no reader met before its scenario. As
    the objectives' boxes and the steps' numbers, each marker is read with its item."""
    from pypdf import PdfReader

    require_weasyprint()
    config_file = write_handbook(tmp_path, modules={"m": module_text("M", LISTED_MODULE)})
    protocol = tmp_path / "protocols" / "hotel-staff.yml"
    protocol.write_text(
        protocol.read_text(encoding="utf-8")
        .replace(
            "detail: Say what you saw, when, and the room number.",
            "detail: |\n      Say:\n\n      - what you saw\n      - the room number",
        )
        .replace(
            "summary: What to do when something at the front desk seems wrong.",
            "summary: |\n  What to do:\n\n  1. notice what seems wrong\n  2. report it",
        ),
        encoding="utf-8",
    )
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["m"])
    if direction == "rtl":  # an Arabic site's handout: each marker on the item's right
        content = dataclasses.replace(content, language="ar")
    pdf = handout_render.render_pdf(content, config_file.parent / "content", [])
    text = squashed(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))

    def compact(shown: str) -> str:
        return re.sub(r"[\s.]", "", shown)

    for item in (
        "1. Late check-in.",
        "2. The room nobody cleans.",
        "\u2022 Several key cards asked for",
        "\u2022 Cash for a long stay",
        "\u25e6 paid daily",
        "1. A loose first item.",
        "2. A loose second item.",
        "\u2022 what you saw",
        "\u2022 the room number",
        "1. notice what seems wrong",
        "2. report it",
    ):
        # Right to left, the marker is on the item's right and its full stop wherever
        # the bidirectional order puts it; pypdf puts no space between them either way.
        marker, words = (compact(part) for part in item.split(" ", 1))
        assert marker + words in compact(text) or words + marker in compact(text), (item, text)
    assert not re.search("[\u2022\u25e6]{2}", compact(text)), text
    assert not re.search("[0-9]\\. [0-9]\\. ", text), text


# The most filler lines a page-break test puts before what it moves: past the first page.
MOST_FILLER_LINES = 80


def filler(lines: int) -> str:
    """A paragraph of `lines` lines (broken where each ends): a page-break test's filler."""
    return "  \n".join(f"Filler line {number}." for number in range(lines))


@dataclasses.dataclass(frozen=True)
class Printed:
    """A PDF as pypdf reads it: each page's text, and each piece of text shown on each
    page with the height of its baseline above the page's foot."""

    pages: list[str]
    shown: list[list[tuple[float, str]]]


def read_printed(pdf: bytes) -> Printed:
    from pypdf import PdfReader

    pages: list[str] = []
    shown: list[list[tuple[float, str]]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        placed: list[tuple[float, str]] = []

        def place(
            text: str,
            cm: list[float],
            tm: list[float],
            *_: object,
            into: list[tuple[float, str]] = placed,
        ) -> None:
            if text.strip():  # the text matrix, then the page's: where the line sits
                into.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))

        pages.append(page.extract_text(visitor_text=place))
        shown.append(placed)
    return Printed(pages, shown)


def filler_lines_to_the_foot(without: Printed, crowded: Printed, page: int, text: str) -> int:
    """A guess at how many filler lines take `text` (its lowest line on `page` of the
    handout `without` filler) down to the foot of the first page: its height above the
    lowest filler line the first page of the handout `crowded` with them holds, in lines.
    A guess only: what a box keeps with it, and the filler's margins, move the answer."""
    fillers = [height for height, shown in crowded.shown[0] if shown.startswith("Filler line")]
    heights = [
        height
        for height, shown in without.shown[page]
        if squashed(text) in squashed(shown)
        or (len(shown.split()) > 1 and squashed(shown).strip() in squashed(text))
    ]
    # No distance between the first filler line and the last (one height): no pitch.
    if len(fillers) < 2 or fillers[0] <= fillers[-1] or not heights:
        return MOST_FILLER_LINES // 2
    pitch = (fillers[0] - fillers[-1]) / (len(fillers) - 1)
    # Down to that line's place, less what the filler's margins take: at most a line.
    return math.floor((min(heights) - fillers[-1]) / pitch)


def most_that_hold(holds: Callable[[int], bool], guess: int) -> int:
    """The number `n` of filler lines where `holds(n)` and not `holds(n + 1)`, `holds(0)`
    and not `holds(MOST_FILLER_LINES)` (asserted): a render each, so the guess and its
    neighbours are tried first, by steps that double while each falls on one side, then
    the lines between halved (a right guess takes two renders; halving 80 lines, seven)."""
    assert holds(0) and not holds(MOST_FILLER_LINES)
    low, high = 0, MOST_FILLER_LINES  # holds(low), not holds(high)

    def tried(lines: int) -> bool:
        nonlocal low, high
        if holds(lines):
            low = lines
            return True
        high = lines
        return False

    probe, step = min(max(guess, 1), MOST_FILLER_LINES - 1), 1
    upward = tried(probe)
    while high - low > 1:
        probe += step if upward else -step
        step *= 2
        if not low < probe < high or tried(probe) != upward:
            break
    while high - low > 1:
        tried((low + high) // 2)
    return low


def test_the_page_break_search_finds_the_transition_from_any_guess() -> None:
    """`most_that_hold` ends, at the one number of filler lines that holds with one more
    that does not, from every guess: below 0, past the most lines, and each between."""
    for last in range(MOST_FILLER_LINES):
        for guess in (-(10**9), -1, *range(MOST_FILLER_LINES + 2), 10**9):
            assert most_that_hold(lambda lines, last=last: lines <= last, guess) == last


def test_a_page_break_guess_from_filler_lines_at_one_height_is_the_middle() -> None:
    """Filler lines pypdf places at one height (two pieces of a line, or columns side by
    side) give no distance between lines: the guess is then the middle, not a division
    by zero that fails the page-break test before it renders its first guess."""
    crowded = Printed(["Filler"], [[(700.0, "Filler line 0."), (700.0, "Filler line 1.")]])
    without = Printed(["Keep me here."], [[(300.0, "Keep me here.")]])
    guess = filler_lines_to_the_foot(without, crowded, 0, "Keep me here.")
    assert guess == MOST_FILLER_LINES // 2


def pages_with_title_lowest_on_the_first(
    config_file: Path, module: Callable[[str], str], title: str, last_kept: str
) -> list[str]:
    """The text of each page of module `m`'s handout, made with as many filler lines
    before `title` (one paragraph, its lines broken: in steps of one line) as leave it on
    the first page: as low on it as it gets. `module(filler)` is the module's text. A
    title is found at its last place in the handout (a form used in the body comes first).
    `last_kept`, the last text the test expects on the title's page, only guesses where
    to start looking (`most_that_hold`)."""
    path = config_file.parent / "content" / "modules" / "m.md"

    @functools.cache
    def render(lines: int) -> Printed:
        path.write_text(module(f"\n{filler(lines)}\n"), encoding="utf-8")
        context = context_of(config_file)
        content = handouts.handout_content(context, context.handbook.modules["m"])
        return read_printed(
            handout_render.render_pdf(content, path.parent, (config_file.parent / "content",))
        )

    def on_the_first(lines: int) -> bool:
        return page_of(render(lines).pages, title) == 0

    guess = filler_lines_to_the_foot(render(0), render(MOST_FILLER_LINES), 0, last_kept)
    return render(most_that_hold(on_the_first, guess)).pages


def page_of(pages: list[str], text: str) -> int:
    """The last page that holds `text`, squashed as pypdf's lines may wrap it; not in the
    label of a page that goes on with it ("<protocol title> (continued)")."""
    return max(
        number
        for number, page in enumerate(pages)
        if squashed(text) in squashed(page).replace(f"{squashed(text)} (continued)", "")
    )


@pytest.mark.pdf
def test_a_protocols_title_and_version_line_stay_with_its_summary(tmp_path: Path) -> None:
    """Audit: the example's coalition-onboarding.pdf ended page 4 with a protocol's
    title and its "Version ..." line, its summary and steps on page 5."""
    require_weasyprint()
    config_file = write_handbook(tmp_path, modules={})
    summary = "What to do when something at the front desk seems wrong."
    pages = pages_with_title_lowest_on_the_first(
        config_file,
        lambda filler: module_text("M", filler),
        "Hotel staff who suspect trafficking",
        summary,
    )
    assert page_of(pages, "Version 2 · updated 2026-02-01") == 0
    assert page_of(pages, summary) == 0


@pytest.mark.pdf
def test_a_long_steps_title_stays_with_the_start_of_its_text(tmp_path: Path) -> None:
    """Audit: the title of a step of over 200 words (which may run on to the next page)
    ended a page, all of its text on the next."""
    require_weasyprint()
    config_file = write_handbook(tmp_path, modules={})
    protocol = tmp_path / "protocols" / "hotel-staff.yml"
    detail = "Write down the facts first. " + "Say what you saw and when. " * 50
    protocol.write_text(
        protocol.read_text(encoding="utf-8").replace(
            "Do not confront anyone or try to rescue anyone yourself.", detail
        ),
        encoding="utf-8",
    )
    start = "Write down the facts first."
    pages = pages_with_title_lowest_on_the_first(
        config_file, lambda filler: module_text("M", filler), "Keep yourself safe", start
    )
    assert page_of(pages, start) == 0


def shown_lines(pdf: bytes) -> list[list[str]]:
    """Each page's lines of text, each as WeasyPrint shows it: in one piece."""
    from pypdf import PdfReader

    pages: list[list[str]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        lines: list[str] = []
        page.extract_text(visitor_text=lambda shown, *_, into=lines: into.append(shown))
        pages.append(lines)
    return pages


def handout_pages(config_file: Path, module_id: str) -> list[str]:
    """The text of each page of `module_id`'s handout, its margins' too."""
    from pypdf import PdfReader

    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules[module_id])
    pdf = handout_render.render_pdf(content, config_file.parent / "content", [])
    return [squashed(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


# Words the tiny handbook has no term for: each made a term of its own below.
_MADE_UP_TERMS = ("anchor", "beacon", "cipher", "ember", "falcon", "glacier", "harbor", "jasper")


@pytest.mark.pdf
def test_a_page_that_goes_on_with_a_protocol_or_the_key_terms_says_so(tmp_path: Path) -> None:
    """Print audit: a page that starts within a protocol's steps, or within the Key terms
    box, did not say what it continues; a sheet dropped out of a stack of 20 reads as
    the next protocol's, or as a box of terms of nothing."""
    require_weasyprint()
    config_file = write_handbook(tmp_path, modules={})
    protocol = tmp_path / "protocols" / "hotel-staff.yml"
    steps = "".join(
        f"  - title: Step {number} of the check\n    detail: {'Say what you saw and when. ' * 12}\n"
        for number in range(30)
    )
    protocol.write_text(PROTOCOL.replace("steps:\n", f"steps:\n{steps}"), encoding="utf-8")
    definition = "A sign to look for at work. " * 25
    for word in _MADE_UP_TERMS:
        (tmp_path / "glossary" / f"{word}.yml").write_text(
            TERMS["hotline"]
            .replace("term: hotline", f"term: {word} sign")
            .replace(
                "The National Human Trafficking Hotline, open every day, all day.", definition
            ),
            encoding="utf-8",
        )
    used = " ".join(f"Look for the {word} sign." for word in _MADE_UP_TERMS)
    (tmp_path / "content" / "modules" / "m.md").write_text(module_text("M", used), encoding="utf-8")
    pages = handout_pages(config_file, "m")
    protocol_starts = page_of(pages, "Version 2 · updated 2026-02-01")
    box_starts = page_of(pages, "Key terms anchor sign")  # its heading, then its first term
    assert protocol_starts + 1 < box_starts < len(pages) - 1  # each over two pages or more
    continued = "Hotel staff who suspect trafficking (continued)"
    for number, page in enumerate(pages):
        assert (continued in page) == (protocol_starts < number <= box_starts), number
        assert ("Key terms (continued)" in page) == (number > box_starts), number


@pytest.mark.pdf
def test_a_page_that_starts_with_a_protocol_says_it_continues_none(tmp_path: Path) -> None:
    """The label says what a page goes on with: not the protocol before, which ended on
    the page before, where the next one starts the page."""
    require_weasyprint()
    config_file = write_handbook(tmp_path, modules={})
    second = "Community members who suspect trafficking"
    (tmp_path / "protocols" / "community.yml").write_text(
        PROTOCOL.replace("Hotel staff who suspect trafficking", second), encoding="utf-8"
    )
    path = tmp_path / "content" / "modules" / "m.md"

    @functools.cache
    def render(lines: int) -> Printed:
        text = module_text("M", f"\n{filler(lines)}\n", protocols="[hotel-staff, community]")
        path.write_text(text, encoding="utf-8")
        context = context_of(config_file)
        content = handouts.handout_content(context, context.handbook.modules["m"])
        pdf = handout_render.render_pdf(content, config_file.parent / "content", [])
        return read_printed(pdf)

    def pages(lines: int) -> list[str]:
        """The text of each page, its margins' too (as `handout_pages`)."""
        return [squashed(page) for page in render(lines).pages]

    def starts(printed: list[str]) -> int:
        """The page the second protocol starts on (later ones name it as they go on)."""
        return min(number for number, page in enumerate(printed) if second in page)

    # The fewest filler lines that take the second protocol off the page it starts on
    # without any: it then starts the next.
    page = starts(pages(0))
    assert starts(pages(MOST_FILLER_LINES)) > page
    # Its summary (the hotel protocol's too: the lower one) the last line kept with it.
    summary = "What to do when something at the front desk seems wrong."
    guess = filler_lines_to_the_foot(render(0), render(MOST_FILLER_LINES), page, summary)
    after_it = most_that_hold(lambda lines: starts(pages(lines)) == page, guess) + 1
    printed = pages(after_it)
    assert starts(printed) == page + 1
    assert printed[page + 1].startswith(second)  # its title, first on the page
    assert "(continued)" not in printed[page + 1]


def printed_list_markers(tmp_path: Path, body: str, marker: str) -> tuple[list[str], list[str]]:
    """(the list markers, every line) printed by a module's handout with this body."""
    config_file = write_handbook(tmp_path, modules={"steps": module_text("Steps", body)})
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["steps"])
    pdf = handout_render.render_pdf(content, tmp_path / "content", [])
    shown = [line.strip() for page in shown_lines(pdf) for line in page]
    return [line for line in shown if re.fullmatch(marker, line)], shown


@pytest.mark.pdf
def test_an_ordered_list_prints_the_numbers_it_is_written_with(tmp_path: Path) -> None:
    """A list written in HTML to go on after a paragraph (`<ol start="3">`) printed as
    1. 2. where the site shows 3. 4.: WeasyPrint reads no `start` (nor `reversed` or
    `type`) of an `<ol>` (badux). Markdown's `3.` starts at 1 on both (lazy_ol)."""
    require_weasyprint()
    body = (
        "Before the call:\n\n1. Stay calm.\n2. Listen.\n\nThen:\n\n"
        '<ol start="3"><li>Call the hotline.</li><li>Write down the time.</li></ol>\n\n'
        "<ol reversed><li>Last</li><li>First</li></ol>\n\n"
        '<ol type="a" start="2"><li>Bee</li><li>Sea</li></ol>\n'
    )
    markers, shown = printed_list_markers(tmp_path, body, r"[0-9a-z]+\.")
    assert markers[:8] == ["1.", "2.", "3.", "4.", "2.", "1.", "b.", "c."], shown


@pytest.mark.pdf
def test_a_list_item_s_value_prints_the_number_it_is_written_with(tmp_path: Path) -> None:
    """`<li value="5">` is numbered 5 on the site, and the items after it go on from
    there (down in a reversed list): WeasyPrint reads no `value` either (review rv55b:
    it printed 1. 2.)."""
    require_weasyprint()
    body = (
        'Then:\n\n<ol><li value="5">Call.</li><li>Write.</li></ol>\n\n'
        '<ol reversed><li value="8">Last</li><li>First</li></ol>\n\n'
        '<ol><li value="x">One</li><li>Two</li></ol>\n'
    )
    markers, shown = printed_list_markers(tmp_path, body, r"[0-9]+\.")
    assert markers[:6] == ["5.", "6.", "8.", "7.", "1.", "2."], shown


@pytest.mark.parametrize(
    ("start", "style"),
    [
        ("1234567890", "counter-reset: list-item 1234567889"),
        (" +007", "counter-reset: list-item 6"),
        ("9" * 5000, "counter-reset: list-item 2147483646"),  # (not int() of them all)
        ("-" + "9" * 20, "counter-reset: list-item -2147483649"),
        ("x3", None),
    ],
)
def test_a_list_start_is_read_with_all_its_digits(start: str, style: str | None) -> None:
    """badux3: the first nine digits alone were read (`start="1234567890"` printed
    123456789); a number past a browser's counter is the largest it holds."""
    from coalition_handbook.site.handout_list_numbers import number_ordered_lists

    root = ElementTree.fromstring(f'<html><body><ol start="{start}"><li>A</li></ol></body></html>')
    number_ordered_lists(root)
    assert root.find("body/ol").get("style") == style  # type: ignore[union-attr]


@pytest.mark.pdf
def test_a_list_number_of_many_digits_prints_whole_on_its_line(tmp_path: Path) -> None:
    """badux3: a marker wider than the 6 mm hanging indent ("10.") was broken over two
    lines ("10", then "."); `start="1234567890"` printed as 123456789 (nine digits read)
    and over its item's text. Each prints whole, as the site shows it, and a wide one
    pushes its item's first line over rather than leave the page or cover the text; a
    number past what a browser's counter holds is the largest it holds, as Chromium
    shows it."""
    require_weasyprint()
    body = (
        'Then:\n\n<ol start="9"><li>Nine.</li><li>Ten.</li></ol>\n\n'
        '<ol start="1234567890"><li>Call.</li><li>Write.</li></ol>\n\n'
        '<ol start="99999999999999999999"><li>Most.</li></ol>\n\n'
        '<ol type="i" start="3888"><li>Roman.</li></ol>\n'
    )
    config_file = write_handbook(tmp_path, modules={"steps": module_text("Steps", body)})
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["steps"])
    pdf = handout_render.render_pdf(content, tmp_path / "content", [])
    from pypdf import PdfReader

    shown: list[tuple[float, str]] = []  # (where it starts across the page, the text)
    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(
        visitor_text=lambda text, cm, tm, *_: shown.append((tm[4] * cm[0] + cm[4], text))
    )
    at = {text.strip(): x for x, text in shown if text.strip()}
    markers = [text.strip() for _, text in shown if re.fullmatch(r"[0-9a-z]+\.", text.strip())]
    assert markers[:6] == [
        "9.",
        "10.",
        "1234567890.",
        "1234567891.",
        "2147483647.",
        "mmmdccclxxxviii.",
    ], shown
    left = next(x for x, text in shown if text.strip().endswith("Then:"))
    assert all(at[marker] >= left for marker in markers[:6]), shown  # none past the margin
    # A wide number pushes its item's first line over: it covers none of it.
    assert at["Call."] > at["Nine."] + 25 and at["Roman."] > at["Call."], shown
    assert at["Nine."] <= at["Ten."] < at["Nine."] + 5, shown


@pytest.mark.pdf
def test_the_page_number_stays_on_one_line_beside_a_long_site_name(tmp_path: Path) -> None:
    """Print audit: a long site address in the footer pushed "Page 1 of" over "10"."""
    require_weasyprint()
    config_file = write_handbook(tmp_path, paper="Letter")
    long_name = "Anti-Trafficking Coalition of the Greater Metropolitan Area " * 3
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace(
            "site_name: Riverside Coalition", f"site_name: {long_name.strip()}"
        ),
        encoding="utf-8",
    )
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["hotel-staff"])
    pages = shown_lines(handout_render.render_pdf(content, tmp_path / "content", []))
    assert pages  # else the loop below checks nothing
    for number, lines in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in lines, lines


@pytest.mark.pdf
def test_a_long_key_terms_name_stays_with_the_start_of_its_definition(tmp_path: Path) -> None:
    """As a long step's title (review of the audit): a key term of over 200 words, after
    four short ones, its name at the foot of the box's second column."""
    require_weasyprint()
    config_file = write_handbook(tmp_path, modules={})
    glossary = tmp_path / "glossary"
    definition = "Debts kept on paper first. " + "The debt grows with each week. " * 40
    (glossary / "exploitation-ledger.yml").write_text(
        TERMS["hotline"]
        .replace("term: hotline", "term: exploitation ledger\naliases: [ledger abuse]")
        .replace("The National Human Trafficking Hotline, open every day, all day.", definition),
        encoding="utf-8",
    )
    shorter = ("advocate", "bail", "broker", "coercion")
    for name in shorter:
        (glossary / f"{name}.yml").write_text(
            TERMS["hotline"].replace("term: hotline", f"term: {name}"), encoding="utf-8"
        )

    def module(filler: str) -> str:
        used = f"\nWatch for ledger abuse, {', '.join(shorter)}.\n"
        return module_text("M", filler + used, protocols="[]")

    start = "Debts kept on paper first."
    pages = pages_with_title_lowest_on_the_first(config_file, module, "exploitation ledger", start)
    assert page_of(pages, start) == 0


@pytest.mark.pdf
def test_a_modules_style_elements_restyle_no_pdf(tmp_path: Path) -> None:
    """Audit, then review: `<style>` in a module, however it is written around, set the
    PDF's paper size and hid the protocols' steps; a `<base>` moved where images are read."""
    require_weasyprint()
    styles = (
        "<!--> <style>@page { size: A6 } ol { display: none }</style> -->\n\n"
        "<style>x</style x><style>@page { size: A6 }</style>\n\n"
        "<![CDATA[ x > <style>@page { size: A6 }</style> ]]>\n\n"
        '<base href="file:///elsewhere/">\n\n'
        "![A dot](dot.png)\n"  # beside the module, wherever the <base> points
    )
    module = module_text("Styled", "\n" + styles, protocols="[hotel-staff]")
    context = context_of(write_handbook(tmp_path, paper="Letter", modules={"styled": module}))
    (tmp_path / "content" / "modules" / "dot.png").write_bytes(ONE_PIXEL_PNG)
    report = handouts.build_handouts(context, tmp_path / "out")
    assert [result.outcome for result in report.results] == ["rendered"]
    assert b"/Subtype /Image" in (tmp_path / "out" / "styled.pdf").read_bytes()
    pages = pdf_pages(tmp_path / "out" / "styled.pdf")
    assert {(round(width), round(height)) for width, height, _ in pages} == {(612, 792)}
    text = squashed(" ".join(page_text for _, _, page_text in pages))
    assert "Keep yourself safe" in text and "Follow the hotel protocol" in text


@pytest.mark.pdf
def test_pdf_is_tagged_for_screen_readers(tmp_path: Path) -> None:
    """A tagged PDF: its headings and lists have a structure a screen reader can follow."""
    from pypdf import PdfReader

    require_weasyprint()
    context = context_of(write_handbook(tmp_path))
    handouts.build_handouts(context, tmp_path / "out")
    catalog = PdfReader(tmp_path / "out" / "hotel-staff.pdf").trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "en"
    roles: set[str] = set()
    pending = [catalog["/StructTreeRoot"].get_object()]
    while pending:
        element = pending.pop()
        roles.add(str(element.get("/S", "")))
        kids = element.get("/K", [])
        kids = kids if isinstance(kids, list) else [kids]
        objects = [kid.get_object() for kid in kids if hasattr(kid, "get_object")]
        pending += [item for item in objects if isinstance(item, dict)]
    assert {"/H1", "/H2", "/L", "/LI"} <= {role for role in roles if role}


def marked_texts(page: object) -> dict[int, str]:
    """The text of each marked content of a PDF page, by its id (`/MCID`)."""
    open_ids: list[int | None] = []
    texts: dict[int, str] = {}

    def opened(operator: bytes, operands: list, *_: object) -> None:
        if operator == b"BDC":
            properties = operands[1]
            open_ids.append(properties.get("/MCID") if isinstance(properties, dict) else None)
        elif operator == b"BMC":
            open_ids.append(None)
        elif operator == b"EMC" and open_ids:
            open_ids.pop()

    def shown(text: str, *_: object) -> None:
        ids = [mcid for mcid in open_ids if mcid is not None]
        if ids:
            texts[ids[-1]] = texts.get(ids[-1], "") + text

    page.extract_text(visitor_operand_before=opened, visitor_text=shown)  # type: ignore[attr-defined]
    return texts


def texts_by_language(path: Path) -> dict[str, list[str]]:
    """The text of each structure element of a tagged PDF that says its language
    (`/Lang`), by that language: what a screen reader speaks in it."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject

    reader = PdfReader(path)
    marked = [marked_texts(page) for page in reader.pages]
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}

    def kids_of(element: DictionaryObject) -> list:
        kids = element.get("/K", [])
        return list(kids) if isinstance(kids, ArrayObject) else [kids]

    def text_of(element: DictionaryObject, page: int | None) -> str:
        if "/Pg" in element:
            page = pages[element.raw_get("/Pg").idnum]
        said = []
        for kid in kids_of(element):
            if isinstance(kid, int) and page is not None:
                said.append(marked[page].get(kid, ""))
            elif isinstance(kid.get_object(), DictionaryObject):
                said.append(text_of(kid.get_object(), page))
        return "".join(said)

    languages: dict[str, list[str]] = {}
    pending = [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while pending:
        element = pending.pop()
        if "/Lang" in element:
            text = squashed(text_of(element, None)).strip()
            languages.setdefault(str(element["/Lang"]), []).append(text)
        pending += [
            kid.get_object()
            for kid in kids_of(element)
            if hasattr(kid, "get_object") and isinstance(kid.get_object(), DictionaryObject)
        ]
    return languages


@pytest.mark.pdf
def test_a_passage_in_another_language_says_so_in_the_pdf(tmp_path: Path) -> None:
    """Audit: `<p lang="es">` in a module was marked in the handout's HTML, and the
    tagged PDF, which WeasyPrint gives the document's language only, lost it: a screen
    reader spoke the Spanish with English sounds. The rest is the document's language."""
    require_weasyprint()
    from pypdf import PdfReader

    body = '<p lang="es">Llame a la línea directa.</p>\n'
    context = context_of(write_handbook(tmp_path, modules={"exits": module_text("Exits", body)}))
    handouts.build_handouts(context, tmp_path / "out")
    pdf = tmp_path / "out" / "exits.pdf"
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "en"
    assert texts_by_language(pdf) == {"es": ["Llame a la línea directa."]}


def spoken_languages(path: Path) -> list[tuple[str, str]]:
    """Each text of a tagged PDF, with the language a screen reader speaks it in: the
    `/Lang` of its nearest structure element that has one, else the document's."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject

    reader = PdfReader(path)
    marked = [marked_texts(page) for page in reader.pages]
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    spoken: list[tuple[str, str]] = []

    def walk(element: DictionaryObject, language: str, page: int | None) -> None:
        language = str(element.get("/Lang", language))
        if "/Pg" in element:
            page = pages[element.raw_get("/Pg").idnum]
        pending = [element.get("/K", [])]
        while pending:
            kid = pending.pop(0)
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, list | ArrayObject):
                pending[:0] = list(kid)
            elif isinstance(kid, int) and page is not None:
                if text := squashed(marked[page].get(kid, "")).strip():
                    spoken.append((text, language))
            elif isinstance(kid, DictionaryObject):
                walk(kid, language, page)

    root = reader.trailer["/Root"]
    walk(root["/StructTreeRoot"].get_object(), str(root["/Lang"]), None)
    return spoken


def test_the_language_wrapper_takes_a_builder_that_returns_a_list() -> None:
    """The wrapped function is WeasyPrint's private one (`weasyprint>=70`, no upper
    bound): one that returns its elements rather than yielding them still gets their
    languages, and fails no handout (review rv20)."""
    box = types.SimpleNamespace(element={"lang": "es"}, element_tag="p")
    wrapped = handout_languages._with_languages(lambda box: [{"S": "/P"}], str)
    assert list(wrapped(box)) == [{"S": "/P", "Lang": "es"}]


@pytest.mark.pdf
def test_a_list_inside_a_passage_in_another_language_keeps_it(tmp_path: Path) -> None:
    """Review rv20: WeasyPrint makes a list inside a list item a child of the outer list,
    not of the item, and the inner list of `<li lang="fr">` lost its French."""
    require_weasyprint()
    body = '<ul><li lang="fr">un<ul><li>deux</li></ul></li><li>three</li></ul>\n'
    context = context_of(write_handbook(tmp_path, modules={"exits": module_text("Exits", body)}))
    handouts.build_handouts(context, tmp_path / "out")
    spoken = dict(spoken_languages(tmp_path / "out" / "exits.pdf"))
    assert (spoken["un"], spoken["deux"], spoken["three"]) == ("fr", "fr", "en")


@pytest.mark.pdf
def test_a_spanish_sites_handout_says_which_labels_are_english(tmp_path: Path) -> None:
    """The labels `english` marks in the HTML (see the test above it) reach the PDF, where
    screen readers read the language: they spoke "Key terms" with Spanish sounds (audit)."""
    require_weasyprint()
    config_file = write_handbook(tmp_path)
    _in_spanish(config_file)
    handouts.build_handouts(context_of(config_file), tmp_path / "out")
    # Some labels print in capitals (the stylesheet's `text-transform`).
    english = {
        text.casefold() for text in texts_by_language(tmp_path / "out" / "hotel-staff.pdf")["en"]
    }
    assert {"objectives", "audience", "key terms", "steps", "contacts"} <= english
    assert not any("45 minutes" in text or "hospitality" in text for text in english)


@pytest.mark.pdf
def test_pdf_loads_nothing_from_the_network(tmp_path: Path, caplog) -> None:
    require_weasyprint()
    module = module_text("Remote", "![logo](https://example.org/logo.png)\n", protocols="[]")
    context = context_of(write_handbook(tmp_path, modules={"remote": module}))
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        report = handouts.build_handouts(context, tmp_path / "out")
    assert report.results[0].outcome == "rendered"
    assert "handouts load nothing from the network" in caplog.text
    # Said as a sentence, the address once (audit: "(ValueError: handouts load nothing
    # from the network: <the address again>)").
    assert [problem.message for problem in report.results[0].printing_problems] == [
        "the picture https://example.org/logo.png is not in the handout (handouts load "
        "nothing from the network); its description prints in its place"
    ]


@pytest.mark.pdf
def test_a_photo_is_printed_at_300_pixels_an_inch_at_most(tmp_path: Path) -> None:
    """A photo from a phone went in as taken: 8.7 MB, printed at 584 pixels an inch
    (audit). Printed the width of an A4 page's text (about 170 mm), 300 an inch is about
    2,000 pixels."""
    require_weasyprint()
    from PIL import Image
    from pypdf import PdfReader

    module = module_text("Photo", "![The front desk](desk.png)\n")
    context = context_of(write_handbook(tmp_path, modules={"photo": module}))
    noise = Image.frombytes("L", (4000, 400), bytes(range(256)) * 6250)
    noise.save(tmp_path / "content" / "modules" / "desk.png")
    content = handouts.handout_content(context, context.handbook.modules["photo"])
    pdf = handout_render.render_pdf(
        content, tmp_path / "content" / "modules", (tmp_path / "content",)
    )
    (tmp_path / "photo.pdf").write_bytes(pdf)
    pages = PdfReader(tmp_path / "photo.pdf").pages
    (width,) = {image.image.width for page in pages for image in page.images}
    assert 1500 < width <= 2100


@pytest.mark.pdf
def test_what_a_handout_cannot_print_is_said_with_file_and_line_each_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing picture and a character no font has vanished from the PDF without a
    word (audit): WeasyPrint's log reached no one. Said again when the PDF comes from
    the cache."""
    require_weasyprint()
    body = "![The map of exits](img/missing.png)\n\nCall \U0001f4de now.\n"
    config_file = write_handbook(tmp_path, modules={"exits": module_text("Exits", body)})
    output = tmp_path / "handouts"
    lines = (body_line(config_file, "img/missing.png"), body_line(config_file, "Call"))
    expected = [
        f"content/modules/exits.md:{lines[0]}: warning: exits.pdf: the picture "
        "img/missing.png is not in the handout (no such file); its description prints in "
        "its place",
        f"content/modules/exits.md:{lines[1]}: warning: exits.pdf: '\U0001f4de' prints as "
        "empty boxes: no font here has U+1F4DE",
    ]
    for outcome in ("rendered", "cached"):
        assert main(["handouts", "-f", str(config_file), "-o", str(output)]) == 0
        captured = capsys.readouterr()
        assert outcome in captured.out
        assert captured.err.splitlines() == expected


@pytest.mark.pdf
def test_the_build_warns_of_what_a_handout_cannot_print(tmp_path: Path) -> None:
    """As a warning, which `mkdocs build --strict` fails on: the trainer's PDF lacks it."""
    require_weasyprint()
    body = "![The map of exits](img/missing.png)\n"
    context = context_of(write_handbook(tmp_path, modules={"exits": module_text("Exits", body)}))
    emitted: list[tuple[int, str]] = []
    handouts.publish_handouts(context, tmp_path / "site", lambda *line: emitted.append(line))
    line = body_line(tmp_path / "mkdocs.yml", "img/missing.png")
    assert (
        logging.WARNING,
        f"content/modules/exits.md:{line}: warning: exits.pdf: the picture img/missing.png "
        "is not in the handout (no such file); its description prints in its place",
    ) in emitted


@pytest.mark.pdf
def test_a_picture_from_another_host_in_a_drawing_is_said_at_the_drawings_line(
    tmp_path: Path,
) -> None:
    """Audit: reported at the module's line 1."""
    require_weasyprint()
    body = "The way out:\n\n![The map of exits](img/map.svg)\n"
    context = context_of(write_handbook(tmp_path, modules={"exits": module_text("Exits", body)}))
    (tmp_path / "content" / "modules" / "img").mkdir()
    (tmp_path / "content" / "modules" / "img" / "map.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">'
        '<image href="https://example.org/x.png" width="20" height="20"/></svg>',
        encoding="utf-8",
    )
    emitted: list[tuple[int, str]] = []
    handouts.publish_handouts(context, tmp_path / "site", lambda *line: emitted.append(line))
    line = body_line(tmp_path / "mkdocs.yml", "img/map.svg")
    assert [message for level, message in emitted if level == logging.WARNING] == [
        f"content/modules/exits.md:{line}: warning: exits.pdf: the picture "
        "https://example.org/x.png that img/map.svg shows is not in the handout (handouts "
        "load nothing from the network); img/map.svg prints without it"
    ]


@pytest.mark.pdf
def test_cli_says_a_protocol_it_prints_is_past_its_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The site marks it; the trainer printing handouts was told nothing (audit). Not a
    protocol no handout prints (review)."""
    require_weasyprint()
    config_file = write_handbook(tmp_path)
    (tmp_path / "protocols" / "unprinted.yml").write_text(PROTOCOL, encoding="utf-8")
    monkeypatch.setenv("HANDBOOK_TODAY", "2027-03-01")
    assert main(["handouts", "-f", str(config_file), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if "protocol.review-overdue" in line] == [
        "protocols/hotel-staff.yml:5:12: warning protocol.review-overdue review of protocol "
        "'hotel-staff' is due by 2027-01-01, 59 days before 2027-03-01, the day "
        "HANDBOOK_TODAY sets: review it, then set a new review_by (a new version, with its "
        "history entry)"
    ]


def body_line(config_file: Path, text: str) -> int:
    """The line of the exits module that holds `text`."""
    module = (config_file.parent / "content" / "modules" / "exits.md").read_text("utf-8")
    return module[: module.index(text)].count("\n") + 1


@pytest.mark.pdf
def test_two_renders_give_the_same_bytes(tmp_path: Path) -> None:
    require_weasyprint()
    context = context_of(write_handbook(tmp_path))
    content = handouts.handout_content(context, context.handbook.modules["community"])
    first = handout_render.render_pdf(content, tmp_path, ())
    second = handout_render.render_pdf(content, tmp_path, ())
    assert first == second


@pytest.mark.pdf
def test_cli_names_the_handout_of_a_retired_module_and_keeps_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trainer printing from the folder must not pick up a retired module's handout;
    the file is theirs, so it is named, not deleted."""
    require_weasyprint()
    monkeypatch.chdir(tmp_path)
    config_file = write_handbook(tmp_path)
    output = tmp_path / "handouts"
    assert main(["handouts", "-f", str(config_file), "-o", str(output)]) == 0
    capsys.readouterr()
    (tmp_path / "content" / "modules" / "community.md").unlink()

    assert main(["handouts", "-f", str(config_file), "-o", str(output)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ["handouts/hotel-staff.pdf: cached"]
    assert "handouts/community.pdf is no module's handout (left as it is)" in captured.err
    assert (output / "community.pdf").is_file()

    # A module whose front matter has an error is still a module: its handout is no stray.
    hotel = tmp_path / "content" / "modules" / "hotel-staff.md"
    hotel.write_text(hotel.read_text().replace("duration:", "durration:"), encoding="utf-8")
    assert main(["handouts", "-f", str(config_file), "-o", str(output)]) == 1
    captured = capsys.readouterr()
    assert "module.schema" in captured.err and "hotel-staff.pdf is no" not in captured.err
    # Nor when it is not even UTF-8: the module file is there.
    hotel.write_bytes(hotel.read_bytes() + b"\xff")
    assert main(["handouts", "-f", str(config_file), "-o", str(output)]) == 1
    captured = capsys.readouterr()
    assert "not UTF-8" in captured.err and "hotel-staff.pdf is no" not in captured.err


@pytest.mark.pdf
def test_cli_writes_one_line_per_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    require_weasyprint()
    monkeypatch.chdir(tmp_path)
    config_file = write_handbook(tmp_path)
    assert main(["handouts", "-f", str(config_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "site/handouts/community.pdf",
        "site/handouts/hotel-staff.pdf",
    ]
    assert all(": rendered in " in line for line in lines)

    assert main(["handouts", "-f", str(config_file), "-o", str(tmp_path / "elsewhere")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "elsewhere/community.pdf: cached",
        "elsewhere/hotel-staff.pdf: cached",
    ]
    assert (tmp_path / "elsewhere" / "hotel-staff.pdf").read_bytes()[:5] == b"%PDF-"

    # Without -o, into the site_dir that mkdocs.yml names, as `mkdocs build` publishes.
    config_file.write_text(config_file.read_text() + "site_dir: public\n")
    assert main(["handouts", "-f", str(config_file)]) == 0
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == [
        "public/handouts/community.pdf",
        "public/handouts/hotel-staff.pdf",
    ]


@pytest.mark.pdf
def test_cli_names_the_pdfs_from_the_folder_it_ran_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As `-o` is read, and as `handbook new` names the file it writes (audit: `-f
    coal/mkdocs.es.yml -o outes` printed `../outes/...` and, without -o,
    `site-es/handouts/...`, both from the config's folder)."""
    require_weasyprint()
    config_file = write_handbook(tmp_path / "coal")
    spanish = config_file.with_name("mkdocs.es.yml")
    spanish.write_text(config_file.read_text(encoding="utf-8") + "site_dir: site-es\n")
    monkeypatch.chdir(tmp_path)
    assert main(["handouts", "-f", "coal/mkdocs.es.yml", "-o", "outes"]) == 0
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == [
        "outes/community.pdf",
        "outes/hotel-staff.pdf",
    ]
    assert (tmp_path / "outes" / "community.pdf").is_file()
    assert main(["handouts", "-f", "coal/mkdocs.es.yml"]) == 0
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == [
        "coal/site-es/handouts/community.pdf",
        "coal/site-es/handouts/hotel-staff.pdf",
    ]
    # Outside the folder it ran in: in full, as `handbook new` names such a file.
    monkeypatch.chdir(tmp_path / "coal" / "content")
    assert main(["handouts", "-f", "../mkdocs.es.yml"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{tmp_path / 'coal' / 'site-es' / 'handouts' / 'community.pdf'}: cached"
    )


@pytest.mark.pdf
def test_cli_links_to_the_site_that_site_url_names_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`site_url: !ENV SITE_URL`, as the shipped mkdocs.yml and its publish workflow set
    it: `handbook handouts` prints the address the build prints, and the link works."""
    require_weasyprint()
    from pypdf import PdfReader

    config_file = write_linking_handbook(tmp_path, "site_url: !ENV SITE_URL\n")
    monkeypatch.setenv("SITE_URL", "https://example.org/handbook")
    assert main(["handouts", "-f", str(config_file), "-o", str(tmp_path / "out")]) == 0
    reader = PdfReader(tmp_path / "out" / "links.pdf")
    text = squashed(" ".join(page.extract_text() for page in reader.pages))
    # Spaces aside: an address breaks where a line ends.
    assert (
        f"ReadWhatisacoalition?({SITE}coalition/what-is-a-coalition/#who-is-in-it)first."
        in "".join(text.split())
    )
    assert "a page to come, a draft" in text  # no page: text, no address
    assert f"Riverside Coalition · {SITE}" in text  # the footer
    targets = {
        annotation.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    }
    assert f"{SITE}coalition/what-is-a-coalition/#who-is-in-it" in targets
    assert f"{SITE}glossary/survivor/" in targets


@pytest.mark.pdf
def test_cli_keeps_the_published_handout_of_a_module_with_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A structure or reference error would print a handout without a section or its
    protocols' steps: the published one stays, and the command says why it fails."""
    require_weasyprint()
    config_file = write_handbook(tmp_path)
    assert main(["handouts", "-f", str(config_file)]) == 0
    published = tmp_path / "site" / "handouts" / "hotel-staff.pdf"
    before = published.read_bytes()
    module = tmp_path / "content" / "modules" / "hotel-staff.md"
    module.write_text(
        module.read_text(encoding="utf-8").replace("## Realize", "## Realise"), encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["handouts", "-f", str(config_file)]) == 1
    errors = capsys.readouterr().err
    assert "content/modules/hotel-staff.md" in errors and "module.structure" in errors
    assert "handout not made: the module has errors" in errors
    assert "printing from a file with errors, gets no new handout" in errors
    assert published.read_bytes() == before
    community = tmp_path / "site" / "handouts" / "community.pdf"
    community_before = community.read_bytes()

    # A term file with errors, which both modules use: no handout is made without its
    # term (audit).
    module.write_text(module.read_text(encoding="utf-8").replace("## Realise", "## Realize"))
    hotline = tmp_path / "glossary" / "hotline.yml"
    hotline.write_text(hotline.read_text(encoding="utf-8") + "version: 2\n", encoding="utf-8")
    assert main(["handouts", "-f", str(config_file)]) == 1
    errors = capsys.readouterr().err
    assert "glossary/hotline.yml" in errors and "duplicate key 'version'" in errors
    assert (
        errors.count("handout not made: it prints from a file with errors: glossary/hotline") == 2
    )
    assert (published.read_bytes(), community.read_bytes()) == (before, community_before)

    # A module that makes no module at all, into a fresh folder: its last good PDF comes
    # from the cache there too (review).
    hotline.write_text(hotline.read_text(encoding="utf-8").removesuffix("version: 2\n"))
    module.write_text(module.read_text(encoding="utf-8").replace("version: 1", "version: one"))
    fresh = tmp_path / "fresh"
    assert main(["handouts", "-f", str(config_file), "-o", str(fresh)]) == 1
    errors = capsys.readouterr().err
    assert "hotel-staff.md: handout not made: the module has errors; kept the previous" in errors
    assert (fresh / "hotel-staff.pdf").read_bytes() == before


@pytest.mark.pdf
def test_cli_fails_on_an_error_no_handout_prints_from_and_says_every_handout_was_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`handbook handouts` fails on any error of the handbook, as `handbook check` does;
    where none is in a file a handout prints from, it says so (audit: it said modules
    "get no new handout" when each had one)."""
    require_weasyprint()
    config_file = write_handbook(tmp_path)
    index = tmp_path / "content" / "index.md"
    index.write_text("# Home\n\nCall 402-555-0142.\n", encoding="utf-8")
    assert main(["handouts", "-f", str(config_file)]) == 1
    captured = capsys.readouterr()
    assert "content/index.md:3:6: error privacy.pii '402-***-**42'" in captured.err
    assert "handout not made" not in captured.err and "no new handout" not in captured.err
    assert captured.err.endswith(
        "handbook: 1 error(s) in the handbook; none is in a file a handout prints from, so "
        "every handout was made (run `handbook check`)\n"
    )
    made = sorted(path.name for path in (tmp_path / "site" / "handouts").iterdir())
    assert made == ["community.pdf", "hotel-staff.pdf"]


@pytest.mark.pdf
@pytest.mark.slow
def test_mkdocs_build_publishes_the_handouts(tmp_path: Path) -> None:
    require_weasyprint()
    config_file = write_handbook(tmp_path)
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace(
            "plugins:", "theme: {name: material}\nplugins:\n  - search"
        ),
        encoding="utf-8",
    )
    build = run_build("mkdocs", tmp_path / "site", config=config_file)
    site = build.require()
    assert "handouts: 2 rendered, 0 from the cache, 0 failed" in build.output
    assert sorted(path.name for path in (site / "handouts").iterdir()) == [
        "community.pdf",
        "hotel-staff.pdf",
    ]
    again = run_build("mkdocs", tmp_path / "site", config=config_file)
    assert "handouts: 0 rendered, 2 from the cache, 0 failed" in again.output


@pytest.mark.pdf
@pytest.mark.slow
def test_every_shipped_module_has_a_letter_handout(shipped_site: SiteBuild) -> None:
    require_weasyprint()
    site = shipped_site.require()
    modules = sorted(
        path.stem for path in (ROOT / "content" / "modules").glob("*.md") if path.name != "index.md"
    )
    assert modules, "the shipped handbook's modules were not found"
    assert sorted(path.stem for path in (site / "handouts").glob("*.pdf")) == modules
    for module_id in modules:
        pages = pdf_pages(site / "handouts" / f"{module_id}.pdf")
        assert {(round(width), round(height)) for width, height, _ in pages} == {(612, 792)}
        text = squashed(" ".join(page_text for _, _, page_text in pages))
        for section in ("Objectives", "Realize", "Recognize", "Respond"):
            assert section in text, (module_id, section)


# Without Pango.


def _no_pango() -> None:
    raise HandoutsUnavailable(
        "PDF handouts need WeasyPrint, which cannot load its Pango library here (test); "
        + handout_render.PANGO_HINT
    )


def test_without_pango_the_build_says_so_once_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(handout_render, "load_weasyprint", _no_pango)
    monkeypatch.delenv("CI", raising=False)
    context = context_of(write_handbook(tmp_path))
    messages: list[tuple[int, str]] = []
    problem = handouts.publish_handouts(
        context, tmp_path / "site", lambda level, message: messages.append((level, message))
    )
    assert problem is None
    pango = [message for _, message in messages if "apt-get install libpango" in message]
    assert len(pango) == 1
    assert pango[0].endswith("The site is published with no handout of community, hotel-staff.")
    assert all(level < logging.WARNING for level, _ in messages)  # --strict still publishes
    assert not (tmp_path / "site" / "handouts" / "hotel-staff.pdf").exists()


def test_without_pango_the_build_names_the_earlier_handouts_it_publishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PDF made before is published instead of a new one: the message must not say
    that the site has none, and must warn that it may be out of date."""
    monkeypatch.delenv("CI", raising=False)
    context = context_of(write_handbook(tmp_path))
    cache = handouts.HandoutCache.beside(tmp_path, "mkdocs.yml")
    cache.put("hotel-staff", "0" * 64, b"%PDF-1.7 an earlier good handout")  # an older key
    monkeypatch.setattr(handout_render, "load_weasyprint", _no_pango)
    messages: list[str] = []
    handouts.publish_handouts(context, tmp_path / "site", lambda _, line: messages.append(line))
    (pango,) = [message for message in messages if "apt-get install libpango" in message]
    assert pango.endswith(
        "The site is published with the last PDF made of hotel-staff (out of date if the "
        "module, its protocols or its terms changed since) and no handout of community."
    )


def test_without_pango_a_cached_pdf_cut_short_is_no_handout_to_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: the pages linked to a last good PDF that publishing then refused, its bytes
    not those written."""
    context = context_of(write_handbook(tmp_path))
    cache = handouts.HandoutCache.beside(tmp_path, "mkdocs.yml")
    cache.put("hotel-staff", "0" * 64, b"%PDF-1.7 an earlier good handout")
    kept = cache.put("community", "1" * 64, b"%PDF-1.7 another good handout")
    assert kept is not None
    kept.write_bytes(b"%PDF-1.7 anoth")  # cut short
    monkeypatch.setattr(handout_render, "load_weasyprint", _no_pango)
    made = handouts.make_handouts(context)
    assert handouts.unpublished_handouts(made) == {"community"}


def test_without_pango_a_module_page_links_to_no_missing_handout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(handout_render, "load_weasyprint", _no_pango)
    monkeypatch.delenv("CI", raising=False)
    site = build_site(write_handbook(tmp_path))
    page = (site / "modules" / "hotel-staff" / "index.html").read_text(encoding="utf-8")
    assert "hb-handout" not in page
    assert "no PDF in this build of the site; print this page instead" in page
    assert not (site / "handouts" / "hotel-staff.pdf").exists()
    training = (site / "modules" / "index.html").read_text(encoding="utf-8")
    assert "Each module follows Realize, Recognize, Respond.</p>" in training
    assert "printable handout" not in training and "hb-handout" not in training


@pytest.mark.pdf
def test_a_module_whose_handout_fails_links_to_no_missing_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit: a render that failed for another reason than Pango (WeasyPrint's
    RecursionError on a quote nested 150 deep) left the module's page and the modules
    index linking to a PDF that was not there."""
    render = handout_render.render_pdf

    def failing_for_community(content: handout_render.HandoutContent, *args, **kwargs) -> bytes:
        if content.module.id == "community":
            raise handout_render.HandoutError("WeasyPrint failed: RecursionError: too deep")
        return render(content, *args, **kwargs)

    monkeypatch.setattr(handout_render, "render_pdf", failing_for_community)
    monkeypatch.delenv("CI", raising=False)
    require_weasyprint()
    site = build_site(write_handbook(tmp_path), strict=False)
    community = (site / "modules" / "community" / "index.html").read_text(encoding="utf-8")
    assert "hb-handout" not in community
    assert "no PDF in this build of the site; print this page instead" in community
    assert not (site / "handouts" / "community.pdf").exists()
    hotel = (site / "modules" / "hotel-staff" / "index.html").read_text(encoding="utf-8")
    assert 'class="hb-handout" href="../../handouts/hotel-staff.pdf"' in hotel
    assert (site / "handouts" / "hotel-staff.pdf").is_file()
    training = (site / "modules" / "index.html").read_text(encoding="utf-8")
    assert "handouts/community.pdf" not in training
    assert training.count("hb-handout") == 1


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_page_links_to_no_handout_the_build_cannot_publish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, directory_urls: bool
) -> None:
    """Review: a module's page linked to another module's handout that failed with no
    earlier copy (MkDocs let the link through against the handout's stand-in), and so
    did that module's own handout. On the page the link is its text, saying the PDF is
    not in this build; in the handout, its text. A handout that is published stays linked."""
    monkeypatch.delenv("CI", raising=False)
    config_file = write_handbook_linking_to_a_handout(tmp_path)
    if not directory_urls:
        config_file.write_text(
            config_file.read_text(encoding="utf-8") + "use_directory_urls: false\n", "utf-8"
        )
    monkeypatch.setattr(handout_render, "render_pdf", FakeRenderer(failing={"community"}))
    site = build_site(config_file, strict=False)
    page = read_page(site, "modules/links", directory_urls)
    (missing,) = elements(page, "span", "hb-handout-missing")
    assert missing.text == "its handout (no PDF in this build of the site)"
    hrefs = [link.attrs.get("href", "") for link in elements(page, "a")]
    assert not [href for href in hrefs if "community.pdf" in href]
    assert [href for href in hrefs if href.endswith("handouts/links.pdf")] == [
        "../../handouts/links.pdf" if directory_urls else "../handouts/links.pdf"
    ] * 2  # the module's box, and its text
    assert not (site / "handouts" / "community.pdf").exists()
    ours = SITE + ("handouts/links.pdf")
    assert printed_handout_links((site / "handouts" / "links.pdf").read_bytes()) == [
        ("its handout", None, None),
        ("ours", ours, ours),
    ]


def read_page(site: Path, page: str, directory_urls: bool) -> str:
    return (site / (f"{page}/index.html" if directory_urls else f"{page}.html")).read_text("utf-8")


def test_with_handouts_off_no_page_promises_one(tmp_path: Path) -> None:
    config_file = write_handbook(tmp_path)
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace(
            "  - handbook:\n", "  - handbook:\n      handouts: false\n"
        ),
        encoding="utf-8",
    )
    site = build_site(config_file)
    training = (site / "modules" / "index.html").read_text(encoding="utf-8")
    assert "Each module follows Realize, Recognize, Respond.</p>" in training
    module_page = (site / "modules" / "hotel-staff" / "index.html").read_text(encoding="utf-8")
    assert "printable handout" not in training + module_page
    assert "hb-handout" not in training + module_page
    assert not (site / "handouts").exists()


def test_without_pango_a_handout_made_before_is_still_linked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    config_file = write_handbook(tmp_path)
    cache = handouts.HandoutCache.beside(tmp_path, "mkdocs.yml")
    cache.put("hotel-staff", "0" * 64, b"%PDF-1.7 an earlier good handout")  # an older key
    monkeypatch.setattr(handout_render, "load_weasyprint", _no_pango)
    site = build_site(config_file)
    hotel = (site / "modules" / "hotel-staff" / "index.html").read_text(encoding="utf-8")
    assert 'class="hb-handout" href="../../handouts/hotel-staff.pdf"' in hotel
    assert (site / "handouts" / "hotel-staff.pdf").read_bytes().startswith(b"%PDF-1.7 an")
    community = (site / "modules" / "community" / "index.html").read_text(encoding="utf-8")
    assert "hb-handout" not in community
    assert "no PDF in this build of the site; print this page instead" in community
    assert "print this page instead" not in hotel
    # The training overview links the handouts there are, and only those.
    training = (site / "modules" / "index.html").read_text(encoding="utf-8")
    assert training.count("hb-handout") == 1
    # Named for a screen reader's list of links, where four "handout (PDF)" look alike.
    assert (
        '<a class="hb-handout" href="../handouts/hotel-staff.pdf" '
        'aria-label="Hotel and motel staff: handout (PDF)">handout (PDF)</a>'
    ) in training
    # Each module is an item of its own, the handout link ending it.
    items = [item.text for item in elements(training, "li") if "minutes" in item.text]
    assert len(items) == 2 and items[1].endswith("45 minutes; handout (PDF)"), items


def test_a_handout_link_shows_the_size_of_the_pdf_it_downloads(tmp_path: Path) -> None:
    # A member on a metered phone plan decides from it whether to download now.
    require_weasyprint()
    site = build_site(write_handbook(tmp_path))
    for module_id in ("hotel-staff", "community"):
        size = shown_size((site / "handouts" / f"{module_id}.pdf").stat().st_size)
        page = (site / "modules" / module_id / "index.html").read_text(encoding="utf-8")
        (link,) = elements(page, "a", "hb-handout")
        assert link.text == f"printable handout (PDF, {size})", link.text
    training = (site / "modules" / "index.html").read_text(encoding="utf-8")
    links = {link.attrs["href"]: link for link in elements(training, "a", "hb-handout")}
    size = shown_size((site / "handouts" / "hotel-staff.pdf").stat().st_size)
    hotel = links["../handouts/hotel-staff.pdf"]
    assert hotel.text == f"handout (PDF, {size})"
    assert hotel.attrs["aria-label"] == f"Hotel and motel staff: handout (PDF, {size})"


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (1, "1 kB"),
        (74_274, "75 kB"),
        (999_999, "1000 kB"),
        (1_000_000, "1 MB"),
        (2_340_001, "2.4 MB"),
    ],
)
def test_a_file_size_is_shown_in_decimal_units_rounded_up(size: int, shown: str) -> None:
    assert shown_size(size) == shown


def test_without_pango_ci_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handout_render, "load_weasyprint", _no_pango)
    monkeypatch.setenv("CI", "true")
    context = context_of(write_handbook(tmp_path))
    messages: list[str] = []
    problem = handouts.publish_handouts(
        context, tmp_path / "site", lambda _, message: messages.append(message)
    )
    assert problem is not None
    assert "community, hotel-staff" in problem
    assert not [message for message in messages if "published" in message]  # it fails


def test_without_pango_the_cli_exits_1_with_the_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setattr(handout_render, "load_weasyprint", _no_pango)
    assert main(["handouts", "-f", str(write_handbook(tmp_path))]) == 1
    err = capsys.readouterr().err
    assert err.count("apt-get install libpango-1.0-0 libpangoft2-1.0-0") == 1
    assert "content/modules/hotel-staff.md: handout not made" in err


@pytest.mark.parametrize(
    ("error", "hint"),
    [
        (OSError("cannot load library 'libpango-1.0-0'"), r"libpango-1\.0-0.*apt-get install"),
        (ImportError("No module named 'weasyprint'"), r"not installed.*pip install weasyprint$"),
    ],
)
def test_the_import_error_becomes_the_hint(
    monkeypatch: pytest.MonkeyPatch, error: Exception, hint: str
) -> None:
    import builtins

    real_import = builtins.__import__

    def failing_import(name: str, *args, **kwargs):
        if name == "weasyprint":
            raise error
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", failing_import)
    handout_render._import_weasyprint.cache_clear()
    try:
        with pytest.raises(HandoutsUnavailable, match=hint):
            handout_render.load_weasyprint()
        # The import is tried once a process: WeasyPrint's own banner is printed once.
        monkeypatch.setattr(builtins, "__import__", real_import)
        with pytest.raises(HandoutsUnavailable, match=hint):
            handout_render.load_weasyprint()
    finally:
        handout_render._import_weasyprint.cache_clear()


@pytest.mark.pdf
def test_the_fonts_are_looked_for_again_at_each_render(monkeypatch: pytest.MonkeyPatch) -> None:
    """Review: found missing once, fonts stayed missing for the process, so `mkdocs serve`
    kept saying to install a font after it was installed."""
    require_weasyprint()
    fonts: list[str] = []
    monkeypatch.setattr(handout_render, "font_files", lambda: list(fonts))
    with pytest.raises(HandoutsUnavailable, match="PDF handouts need a font, and fontconfig"):
        handout_render.load_weasyprint()
    fonts.append("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    assert handout_render.load_weasyprint().__name__ == "weasyprint"


@pytest.mark.pdf
def test_a_font_upgraded_in_place_changes_the_font_digest(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Review: the digest held the files' names only; a newer version of a font at the
    same path (with the characters the older lacked) left the boxed PDF cached."""
    require_weasyprint()
    font = tmp_path / "Font.ttf"
    font.write_bytes(b"version 1")
    monkeypatch.setattr(handout_render, "font_files", lambda: [str(font)])
    before = handout_render.font_set_digest()
    assert handout_render.font_set_digest() == before
    font.write_bytes(b"version 2, more glyphs")
    assert handout_render.font_set_digest() != before


def test_config_errors_exit_2(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - handbook:\n      paper_size: A3\n", encoding="utf-8"
    )
    assert main(["handouts", "-f", str(tmp_path / "mkdocs.yml")]) == 2


@dataclasses.dataclass
class ShippedHandout:
    """A shipped module's handout: what it prints from, and its PDF."""

    content: handout_render.HandoutContent
    pdf: Path

    @functools.cached_property
    def pages(self) -> list[str]:
        """The text of each page, squashed."""
        return [squashed(text) for _, _, text in pdf_pages(self.pdf)]


ShippedHandouts = Callable[[str], list[ShippedHandout]]


@pytest.fixture(scope="session")
def shipped_handouts(tmp_path_factory: pytest.TempPathFactory) -> ShippedHandouts:
    """The shipped modules' handouts on a paper size, each rendered once per session for
    all xdist workers (the first renders them, under a lock), not once by each test
    that reads them: the shipped handouts are the slowest to render."""
    shared = shared_folder(tmp_path_factory)

    @functools.cache
    def on(paper: str) -> list[ShippedHandout]:
        context = context_of(ROOT / "mkdocs.yml")
        context = dataclasses.replace(
            context, config=dataclasses.replace(context.config, paper_size=paper)
        )
        contents = [
            handouts.handout_content(context, module)
            for module in context.handbook.modules.values()
        ]
        folder = shared / f"shipped-handouts-{paper}"
        with one_worker_at_a_time(shared, folder.name):
            if not folder.exists():
                rendering = folder.with_name(f"{folder.name}.part")
                rendering.mkdir(exist_ok=True)  # left by a render that failed
                for content in contents:
                    pdf = handout_render.render_pdf(content, ROOT / "content", [ROOT])
                    (rendering / f"{content.module.id}.pdf").write_bytes(pdf)
                rendering.rename(folder)
        return [
            ShippedHandout(content, folder / f"{content.module.id}.pdf") for content in contents
        ]

    return on


def printed_whole(pages: list[str], heading: str, opening: str, closing: str) -> bool:
    """Whether one page, after the one with the Key terms heading, holds `heading` (a
    term, maybe with its status: "(proposed)") followed by `opening` and, later,
    `closing`: a term not split over two pages."""
    box = next(number for number, text in enumerate(pages) if "Key terms" in text)
    start = re.compile(rf"{re.escape(heading)}(?: \([^)]*\))? {re.escape(opening)}")
    return any(
        (found := start.search(text)) is not None and closing in text[found.end() :]
        for text in pages[box:]
    )


@pytest.mark.pdf
def test_a_key_terms_box_longer_than_a_page_goes_on_and_splits_no_term(tmp_path: Path) -> None:
    require_weasyprint()
    config_file = write_handbook(tmp_path)
    words = [f"keyword{number:02d}" for number in range(40)]
    filler = "A definition long enough to take a few lines of the box. " * 3
    for word in words:
        (tmp_path / "glossary" / f"{word}.yml").write_text(
            f"term: {word}\nversion: 1\ndefinition: Start of {word}. {filler}End of {word}.\n"
            "history:\n  - {version: 1, date: 2026-01-01, summary: First approved.}\n",
            encoding="utf-8",
        )
    module = module_text("Words", "Words: " + ", ".join(words) + ".\n", protocols="[]")
    (tmp_path / "content" / "modules" / "community.md").write_text(module, encoding="utf-8")
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["community"])
    assert len(content.key_terms) > 40
    pdf = tmp_path / "words.pdf"
    pdf.write_bytes(handout_render.render_pdf(content, tmp_path / "content", [tmp_path]))

    pages = [squashed(text) for _, _, text in pdf_pages(pdf)]
    box = next(number for number, text in enumerate(pages) if "Key terms" in text)
    assert "keyword39 Start of keyword39" in " ".join(pages[box + 1 :])  # it went on
    for word in words:
        assert printed_whole(pages, word, f"Start of {word}.", f"End of {word}."), word


@pytest.mark.pdf
@pytest.mark.parametrize(("paper", "height_mm"), [("A4", 297), ("Letter", 279.4)])
def test_a_tall_image_and_a_long_word_stay_on_the_paper(
    tmp_path: Path, paper: str, height_mm: float
) -> None:
    """Audit: a portrait poster, scaled to the text's width alone, ran over the footer and
    off the page; a word longer than a line ran past the paper's edge."""
    from PIL import Image

    require_weasyprint()
    config_file = write_handbook(tmp_path, paper=paper)
    Image.new("RGB", (1200, 1800), "orange").save(tmp_path / "content" / "modules" / "tall.png")
    word = "pneumonoultramicroscopicsilicovolcanoconiosis" * 3
    # A table's words stay whole, however narrow its columns (review).
    table = (
        "| Indicator | Recognize | Respond | Notes |\n|---|---|---|---|\n"
        "| Confiscation | Documents | Helpline | Ask whether they hold their own passport "
        "and phone, and whether they may leave the premises alone; if not, call the "
        "helpline. |\n"
    )
    body = f"A {word} here.\n\n{table}\n![A poster](tall.png)\n"
    module = module_text("Words", body, protocols="[]")
    (tmp_path / "content" / "modules" / "community.md").write_text(module, encoding="utf-8")
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["community"])
    pdf = tmp_path / "words.pdf"
    modules = tmp_path / "content" / "modules"
    pdf.write_bytes(handout_render.render_pdf(content, modules, [tmp_path]))

    from pypdf import PdfReader

    millimetre = 72 / 25.4
    top, bottom = (height_mm - 20) * millimetre, 22 * millimetre  # the page's margins
    placed: list[list[float]] = []  # each image's drawing matrix
    text = ""
    for page in PdfReader(pdf).pages:

        def drawn(operator: bytes, _: object, matrix: list[float], __: object) -> None:
            if operator == b"Do":
                placed.append(matrix)

        text += page.extract_text(visitor_operand_before=drawn)
    ((_, _, _, image_height, _, image_bottom),) = placed
    # An image at the top of a page touches the margin: a hundredth of a point's rounding.
    assert bottom <= image_bottom and image_bottom + image_height <= top + 0.01
    assert word in "".join(text.split())  # printed whole,
    assert word not in text  # on two lines
    words = set(text.split())
    for whole in ("Indicator", "Recognize", "Respond", "Confiscation", "Documents"):
        assert whole in words, whole


@pytest.mark.pdf
def test_a_long_word_in_the_title_or_audience_stays_on_the_paper(tmp_path: Path) -> None:
    """Trainer audit tr59: a word longer than a line in a module's audience ran past the
    paper's right edge in the masthead (a flex item is as wide as its longest word), and
    in its title, the running header of the pages after the first began off the left
    edge (a margin box is too). Each breaks where it must, as in the body."""
    require_weasyprint()
    from pypdf import PdfReader

    config_file = write_handbook(tmp_path, paper="Letter")
    word = "pneumonoultramicroscopicsilicovolcanoconiosis" * 3
    filler = "Anyone can be trafficked, in any town.\n\n" * 60  # pages after the first
    module = module_text(f"Outreach {word}", filler, protocols="[]").replace(
        "audience: [front desk staff, housekeeping]", f"audience: [volunteers, {word}]"
    )
    (tmp_path / "content" / "modules" / "community.md").write_text(module, encoding="utf-8")
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["community"])
    pdf = handout_render.render_pdf(content, tmp_path / "content" / "modules", [tmp_path])

    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) > 1
    starts: list[float] = []  # where each run of text begins, across the page

    def shown(text: str, _: object, matrix: list[float], __: object, ___: object) -> None:
        if text.strip():
            starts.append(matrix[4])

    texts = [page.extract_text(visitor_text=shown) for page in pages]
    assert min(starts) >= 0  # nothing begins off the left edge
    # No line of the word's length: none runs off the right edge either.
    assert not [text for text in texts if word in text]


@pytest.mark.pdf
def test_a_long_definition_runs_on_and_leaves_no_gap(tmp_path: Path) -> None:
    """Found in review: kept whole, a definition of 450 words moved the box to the next
    page, with its heading alone on the page before, and left the protocol's page blank."""
    require_weasyprint()
    config_file = write_handbook(tmp_path)
    words = " ".join(f"word{number}" for number in range(450))
    (tmp_path / "glossary" / "aaa-long.yml").write_text(
        f"term: aaa long\nversion: 1\ndefinition: Start of long. {words}. End of long.\n"
        "history:\n  - {version: 1, date: 2026-01-01, summary: First approved.}\n",
        encoding="utf-8",
    )
    module = module_text("Hotel", "Watch for debt bondage and aaa long at the desk.\n")
    (tmp_path / "content" / "modules" / "hotel-staff.md").write_text(module, encoding="utf-8")
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["hotel-staff"])
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(handout_render.render_pdf(content, tmp_path / "content", [tmp_path]))

    pages = [squashed(text) for _, _, text in pdf_pages(pdf)]
    (box_page,) = [text for text in pages if "Key terms" in text.replace("Key terms (", "")]
    assert "Start of long" in box_page  # the heading is not left alone
    assert "Call 1-888-373-7888" in box_page  # the box starts under the contacts
    assert len(pages) == 3


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_each_shipped_key_term_is_printed_whole_after_the_protocols(
    shipped_handouts: ShippedHandouts, paper: str
) -> None:
    """The box holds each term's definition as the glossary gives it (DESIGN section 8),
    a page or two of them: it comes last, and never splits a term over two pages. (A
    first term too tall for the room under the protocols may run on into the next
    column: the example's "case-level data" does so on one page, on A4 and Letter.)"""
    require_weasyprint()
    converter = handout_render._markdown()
    for handout in shipped_handouts(paper):
        content, pages = handout.content, handout.pages
        assert content.key_terms, content.module.id
        html = handout_render.render_html(content)
        assert html.index('class="hb-protocols"') < html.index('class="hb-key-terms"')
        for term in content.key_terms:
            words = Markup(converter.reset().convert(term.definition)).striptags().split()
            opening, closing = " ".join(words[:4]), " ".join(words[-4:])
            assert printed_whole(pages, term.term, opening, closing), (content.module.id, term.id)


@pytest.mark.pdf
@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_each_shipped_contact_is_printed_whole_on_one_page(
    shipped_handouts: ShippedHandouts, paper: str
) -> None:
    """The hotel handout on Letter paper ended a page with "Emergency services" and put
    its "Call 911" alone at the top of the next: a trainer reads a contact as one."""
    require_weasyprint()
    checked = 0
    for handout in shipped_handouts(paper):
        for protocol in handout.content.protocols:
            for contact in protocol.contacts:
                if not contact.phone:
                    continue
                whole = squashed(f"{contact.name} Call {contact.phone}")
                module_id = handout.content.module.id
                assert any(whole in page for page in handout.pages), (module_id, contact.name)
                checked += 1
    assert checked >= 4


@pytest.mark.pdf
def test_a_protocols_contacts_print_together_under_their_heading(tmp_path: Path) -> None:
    """Print audit: the Health care handout on A4 ended a page with "CONTACTS" and
    "Emergency services", and began the next with the hotline, under no heading."""
    require_weasyprint()
    # The protocol's contacts come at an A4 page's foot after this many lines.
    filler = "".join(f"\nWhat staff may notice at work, part {n}.\n" for n in range(28))
    modules = {"hotel-staff": module_text("Hotel staff", filler)}
    config_file = write_handbook(tmp_path, modules=modules)
    protocol = tmp_path / "protocols" / "hotel-staff.yml"
    more = (
        '  - name: Emergency services\n    phone: "911"\n'
        "  - name: Local task force\n    phone: 1-888-373-7888\n"
    )
    protocol.write_text(
        protocol.read_text(encoding="utf-8").replace("history:\n", more + "history:\n", 1),
        encoding="utf-8",
    )
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["hotel-staff"])
    pdf = tmp_path / "contacts.pdf"
    pdf.write_bytes(handout_render.render_pdf(content, tmp_path / "content", [tmp_path]))

    pages = [squashed(text) for _, _, text in pdf_pages(pdf)]
    (page,) = [text for text in pages if "CONTACTS" in text]
    for contact in ("National Human Trafficking Hotline", "Emergency services", "Local task force"):
        assert contact in page


@pytest.mark.pdf
def test_a_contact_s_numbers_are_links_a_phone_can_call_or_text(
    shipped_handouts: ShippedHandouts,
) -> None:
    """Phone audit: a participant reading the hotel handout on a phone could not tap the
    hotline's number to call it, nor its short code to text it, as on the site: they were
    text, the web address alone a link. Each is a tagged link that prints as before."""
    require_weasyprint()
    from pypdf import PdfReader

    assert load_config(ROOT / "mkdocs.yml").paper_size == "Letter"  # the handout it ships
    (pdf,) = [
        handout.pdf
        for handout in shipped_handouts("Letter")
        if handout.content.module.id == "hotel-staff"
    ]
    reader = PdfReader(pdf)
    links = [
        annotation.get_object()
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    ]
    targets = {link["/A"].get("/URI") for link in links}
    for target in ("tel:911", "tel:+18883737888", "sms:233733", "tel:+18663472423"):
        assert target in targets
    # Each is a `Link` of the structure tree: a screen reader says "link".
    assert all("/StructParent" in link for link in links)
    text = squashed(" ".join(page.extract_text() for page in reader.pages))
    assert "Call 1-888-373-7888 Text 233733" in text  # no number printed twice


@pytest.mark.pdf
def test_the_hotel_handout_s_respond_section_links_its_numbers(
    shipped_handouts: ShippedHandouts,
) -> None:
    """The shipped hotel handout: the page of its Respond section, with no contacts on
    it, links the hotline's and the HSI Tip Line's numbers."""
    require_weasyprint()
    from pypdf import PdfReader

    (pdf,) = [
        handout.pdf
        for handout in shipped_handouts("Letter")
        if handout.content.module.id == "hotel-staff"
    ]
    (page,) = [
        page for page in PdfReader(pdf).pages if "Its steps, in short" in page.extract_text()
    ]
    assert "CONTACTS" not in page.extract_text()
    targets = {
        annotation.get_object()["/A"].get("/URI")
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    }
    assert {"tel:911", "tel:+18883737888", "sms:233733", "tel:+18663472423"} <= targets


def hotel_staff_handout_html_with(*contacts: Contact) -> str:
    """The hotel-staff handout's HTML with `contacts` added to each of its protocols'."""
    context = context_of(ROOT / "mkdocs.yml")
    content = handouts.handout_content(context, context.handbook.modules["hotel-staff"])
    protocols = tuple(
        dataclasses.replace(protocol, contacts=protocol.contacts + contacts)
        for protocol in content.protocols
    )
    return handout_render.render_html(dataclasses.replace(content, protocols=protocols))


def test_a_contact_without_a_number_to_dial_is_no_link_in_its_handout() -> None:
    """As on its protocol's page: a phone written as an extension alone (`Front desk,
    ext. 0`) linked `tel:;ext=0`, which calls nobody, and a field of two numbers their
    digits joined (review). The first number links; words stay text."""
    html = hotel_staff_handout_html_with(
        Contact("Security", "Front desk, ext. 0", "ext 5"),
        Contact("Night line", "1-888-373-7888 or 911"),
    )
    hrefs = re.findall(r'href="((?:tel|sms):[^"]*)"', html)
    assert "tel:+18883737888" in hrefs and "sms:233733" in hrefs
    assert not [href for href in hrefs if ":;" in href or "18883737888911" in href]
    assert "Call Front desk, ext. 0" in html and "Text ext 5" in html


def test_a_contact_s_link_in_its_handout_dials_what_a_phone_would() -> None:
    """As on its protocol's page (test_site_pages.DIALLED): the handout links each number
    as a phone dials it (an extension before it, a short code's keyword glued on or a word
    after it in a text field, keys' letters with a digit among them or apart), and prints
    it as written."""
    html = hotel_staff_handout_html_with(
        Contact("Night desk", "ext. 5 at 555-0100", "233733BEFREE"),
        Contact("Childhelp", "1-800-4A-CHILD"),
        Contact("NCMEC", "+1 800 THE LOST"),
        Contact("Intake", "1-888-373-7888 (ext. 2)"),
        Contact("Shout", text="85258 Shout"),
    )
    found = re.findall(r'<a href="((?:tel|sms):[^"]*)">([^<]*)</a>', html)
    links = {text: href for href, text in found}
    assert {written: links.get(written) for written in DIALLED} == DIALLED


@pytest.mark.pdf
def test_a_table_too_wide_for_the_paper_prints_every_column_on_it(tmp_path: Path) -> None:
    """Handout audit: a table of 30 columns printed three of them, the rest cut off at the
    paper's edge with no word; a long address in a cell ran off the paper too."""
    require_weasyprint()
    config_file = write_handbook(tmp_path)
    columns = [f"col{number}" for number in range(30)]
    wide = "| " + " | ".join(columns) + " |\n|" + "---|" * 30 + "\n|" + " x |" * 30 + "\n"
    address = "https://example.org/" + "/".join(f"part{number}" for number in range(30))
    narrow = f"| Where | Address |\n|---|---|\n| Office | {address} |\n"
    body = f"\n{wide}\n{narrow}"  # after a blank line: a table cannot interrupt a paragraph
    module = module_text("Tables", body, protocols="[]")
    (tmp_path / "content" / "modules" / "community.md").write_text(module, encoding="utf-8")
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["community"])
    pdf = tmp_path / "tables.pdf"
    pdf.write_bytes(handout_render.render_pdf(content, tmp_path / "content" / "modules", []))

    from pypdf import PdfReader

    reader = PdfReader(pdf)
    width = float(reader.pages[0].mediabox.width)
    beyond: list[str] = []  # text that starts past the paper's right edge

    def placed(shown: str, cm: list[float], tm: list[float], _: object, __: object) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]  # where it starts on the page
        if shown.strip() and x > width:
            beyond.append(shown)

    text = "".join(page.extract_text(visitor_text=placed) for page in reader.pages)
    assert beyond == []
    printed = "".join(text.split())
    assert all(column in printed for column in columns)
    assert address in printed


def _wide_module_rendered(tmp_path: Path, body: str) -> tuple[handouts.HandoutResult, str]:
    """The handout of a module `wide` whose body is `body`, on Letter paper, rendered,
    and the module's file as written (to find the lines its problems name)."""
    config_file = write_handbook(
        tmp_path, paper="Letter", modules={"wide": module_text("Wide", body, protocols="[]")}
    )
    report = handouts.build_handouts(context_of(config_file), tmp_path / "out")
    (result,) = report.results
    assert result.outcome == "rendered"
    module = (tmp_path / "content" / "modules" / "wide.md").read_text(encoding="utf-8")
    return result, module


# What a trainer is told of a table of 40 columns on A4 (the wide-table tests below).
FORTY_COLUMNS_TOO_NARROW = (
    "a table of 40 columns prints about 1 character a line in each column, too narrow "
    "to read: split it into tables of at most 17 columns, or write its columns as rows"
)


@pytest.mark.pdf
def test_a_table_too_wide_to_read_is_said_at_its_line(tmp_path: Path) -> None:
    """Trainer audit: a table of 40 columns printed a character or two a line in each
    column, and no word said so. The trainer is told at the table's line, with how many
    columns fit; a table of 16 columns, about five characters a column, prints as it
    is, and so does the eight-column table of the print audit."""
    require_weasyprint()
    columns = [f"Hotline{number}" for number in range(40)]
    wide = "| " + " | ".join(columns) + " |\n|" + "---|" * 40 + "\n|" + " Housekeeping |" * 40
    readable = "| " + " | ".join(columns[:16]) + " |\n|" + "---|" * 16 + "\n|" + " x |" * 16
    body = f"\n{readable}\n\n{EIGHT_COLUMNS}\n{wide}\n"
    result, module = _wide_module_rendered(tmp_path, body)
    line = module[: module.index(wide)].count("\n") + 1
    assert [
        (problem.path, problem.line, problem.message) for problem in result.printing_problems
    ] == [("content/modules/wide.md", line, FORTY_COLUMNS_TOO_NARROW)]


@pytest.mark.pdf
def test_a_table_written_in_html_too_wide_prints_whole_and_is_said_at_its_line(
    tmp_path: Path,
) -> None:
    """Session 60's leftover: a table written in HTML got no columns of even widths
    (raw HTML is set aside while the Markdown's tree is made for paper): 40 columns laid
    out 4,100 pt wide on a page of 660, the columns past its edge cut off, and no word
    said. It gets them (the check reads only such tables), and is said at its first
    cell's line, not where prose before it names that cell's text."""
    require_weasyprint()
    cells = "".join(f"<td>Hotline{number}</td>" for number in range(40))
    table = f"<table>\n<tr>{cells}</tr>\n<tr>{'<td>Housekeeping</td>' * 40}</tr>\n</table>\n"
    body = f"\nCall Hotline0 first.\n\n{table}\nAfter.\n"
    result, module = _wide_module_rendered(tmp_path, body)
    line = module[: module.index(table)].count("\n") + 2
    assert [
        (problem.path, problem.line, problem.message) for problem in result.printing_problems
    ] == [("content/modules/wide.md", line, FORTY_COLUMNS_TOO_NARROW)]


@pytest.mark.pdf
def test_a_table_written_in_html_is_said_at_its_line_after_prose_with_tags(
    tmp_path: Path,
) -> None:
    """A table written in HTML was found by its first cell's text between tags, which
    prose before it held too (`<b>Hotline0</b>`): its problem was said at the prose's
    line (review rv62d). A cell's end tag after the text is looked for first."""
    require_weasyprint()
    cells = "".join(f"<td>Hotline{number}</td>" for number in range(40))
    table = f"<table>\n<tr>{cells}</tr>\n</table>\n"
    body = f"\nCall <b>Hotline0</b> first.\n\n{table}\nAfter.\n"
    result, module = _wide_module_rendered(tmp_path, body)
    line = module[: module.index(table)].count("\n") + 2
    assert [problem.line for problem in result.printing_problems] == [line]


@pytest.mark.pdf
def test_a_table_narrow_beside_its_numbers_or_with_no_header_is_said_at_its_line(
    tmp_path: Path,
) -> None:
    """Review rv60f: a table of 8 columns, 6 of them phone numbers sized to fit
    (`handout_phones`), leaves its other two a character a line, and was told to "split
    it into tables of at most 1 columns" (its columns were taken to be of even widths);
    a table whose header cells are empty was said at the file's first line."""
    require_weasyprint()

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |\n"

    numbers = [f"+44 20 7946 095{digit}" for digit in range(6)]
    phones = (
        row(["Name", "Line", "Alt", "Fax", "Text", "Intl", "Other", "Notes"])
        + row(["---"] * 8)
        + row(["Hotline", *numbers, "Open all day and night"])
    )
    headless = row([" "] * 30) + row(["---"] * 30) + row(["w"] * 30)
    body = f"\nIntro.\n\n{phones}\nBetween.\n\n{headless}\nAfter.\n"
    result, module = _wide_module_rendered(tmp_path, body)
    phones_line = module[: module.index(phones)].count("\n") + 1
    headless_line = module[: module.index(headless)].count("\n") + 1
    assert [
        (problem.path, problem.line, problem.message) for problem in result.printing_problems
    ] == [
        (
            "content/modules/wide.md",
            phones_line,
            "a table of 8 columns prints about 1 character a line in its narrowest columns, "
            "too narrow to read: write its columns as rows",
        ),
        (
            "content/modules/wide.md",
            headless_line + 2,  # its first row with text
            "a table of 30 columns prints about 2 characters a line in each column, too "
            "narrow to read: split it into tables of at most 17 columns, or write its "
            "columns as rows",
        ),
    ]


@pytest.mark.pdf
def test_narrow_tables_alike_or_with_markup_are_each_said_at_their_own_line(
    tmp_path: Path,
) -> None:
    """Review, session 60: the warning found a table's line by its first row's text, so
    two tables alike were both said at the first one's line, and a header with markup
    (`**Hotline0**`) was looked for as its first cell's text, found in prose before (and
    in a code block showing a table). Each is said at its own first row."""
    require_weasyprint()
    columns = [f"Hotline{number}" for number in range(40)]
    delimiter = "|" + "---|" * 40 + "\n"
    wide = "| " + " | ".join(columns) + " |\n" + delimiter + "|" + " Housekeeping |" * 40
    marked = "| **Hotline0** | " + " | ".join(columns[1:]) + " |\n" + delimiter + "|" + " x |" * 40
    body = (
        f"\nCall Hotline0 first.\n\n```\n{wide}\n```\n\n{wide}\n\nBetween.\n\n{wide}\n\n"
        f"Again.\n\n{marked}\n"
    )
    result, module = _wide_module_rendered(tmp_path, body)
    lines = module.split("\n")
    header = wide.split("\n", 1)[0]
    expected = [at + 1 for at, line in enumerate(lines) if line == header][1:]
    expected.append(lines.index(marked.split("\n", 1)[0]) + 1)
    assert len(expected) == 3
    assert [(problem.path, problem.line) for problem in result.printing_problems] == [
        ("content/modules/wide.md", line) for line in expected
    ]


def test_a_table_s_problem_is_placed_at_its_row_and_kept_with_its_table() -> None:
    """The second of two tables alike, found by its words in the block pass's view (its
    header's markup, `**Name**`, is none of them; a table in a code block is none), at
    the row it names; kept in a handout's cache and read back as written."""
    table = "| **Name** | Age |\n|---|---|\n| Ana | 30 |\n"
    text = f"# M\n\nName and Age.\n\n```\n{table}```\n\n{table}\nText.\n\n{table}"
    module = Origin(path="content/modules/m.md", text=text)
    problem = handout_problems.Unplaced(
        ("Name | Age", "Name|Age", "Name"), "narrow", ("NameAgeAna30", 1, 1)
    )
    assert handout_problems.placed(problem, [module]) == HandoutProblem(
        "content/modules/m.md", text.count("\n"), "narrow"
    )
    assert handout_problems.Unplaced.from_json(json.loads(json.dumps(problem.as_json()))) == problem
    # A table its file no longer writes: at its text, as before.
    moved = handout_problems.Unplaced(problem.needles, "narrow", ("Other", 0, 0))
    assert handout_problems.placed(moved, [module]).line == 3


def test_many_narrow_tables_are_placed_in_linear_time() -> None:
    """Review rv61b: each table's problem ran the block pass over every file it prints
    from and counted the tables alike before it: 800 tables took 5.8 s, 4 times 200's."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.model.types import Origin\n"
        "from coalition_handbook.site import handout_problems\n"
        "n = 6_000\n"
        "text = '# M\\n\\n' + '| A | B |\\n|---|---|\\n| x | y |\\n\\n' * n\n"
        "module = Origin(path='m.md', text=text)\n"
        "lines = [handout_problems.placed(handout_problems.Unplaced(('A',), 'narrow', "
        "('ABxy', k, 1)), [module]).line for k in range(n)]\n"
        "assert lines == [5 + 4 * k for k in range(n)], lines[:3]\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


def test_a_cell_laid_out_otherwise_is_no_error_and_no_warning() -> None:
    """The widths are read from WeasyPrint's boxes, which are no API: a cell without
    the width, border or type size read (another WeasyPrint) failed the handout's render
    with an AttributeError (review rv60f). It is no warning now, and the PDF is made."""
    table = ElementTree.fromstring(
        '<html><body><table class="hb-wide"><tr><td>a</td></tr></table></body></html>'
    )
    cell = next(table.iter("td"))

    class TableCellBox:
        element = cell
        width = 2.0

    page_box = types.SimpleNamespace(descendants=lambda: iter([TableCellBox()]))
    pages = [types.SimpleNamespace(_page_box=page_box)]
    assert handout_narrow_tables.narrow_tables(table, pages) == []


def test_pages_laid_out_otherwise_are_said_once_and_make_the_handout(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The table check reads `Page._page_box` and the link areas `Page.links`, no API of
    WeasyPrint's: a version that keeps them otherwise made the handout with no word that
    a narrow table went unreported or a number was two clickable areas (review, session
    60). The build says so once a process, and makes the handout."""
    table = ElementTree.fromstring(
        '<html><body><table class="hb-wide"><tr><td>a</td></tr></table></body></html>'
    )
    handout_laid_out.say_unread.cache_clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.handbook"):
        for _ in range(2):
            pages = [types.SimpleNamespace(page_box=None, link_areas=[])]
            assert handout_narrow_tables.narrow_tables(table, pages) == []
            handout_link_areas.drop_inner_link_areas(pages)
    said = [record.getMessage() for record in caplog.records]
    assert len(said) == 2, said
    assert "keep their boxes (Page._page_box) otherwise" in said[0]
    assert "a table whose columns print too narrow to read is not reported" in said[0]
    assert "keep their link areas (Page.links) otherwise" in said[1]
    assert all(f"WeasyPrint {_weasyprint_version()}'s" in message for message in said)
    handout_laid_out.say_unread.cache_clear()


def test_a_weasyprint_upgrade_fails_no_strict_build_of_a_handout_without_a_wide_table(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """`--strict` fails a build on any warning, and pyproject asks for any WeasyPrint
    from 70 on: link areas kept otherwise were a warning for every handout, so every
    coalition's strict build failed after an upgrade through no content of theirs
    (review rv62d). They are information; a table that could not be checked is still a
    warning, only where a handout holds a wide one."""
    narrow = ElementTree.fromstring("<html><body><table><tr><td>a</td></tr></table></body></html>")
    handout_laid_out.say_unread.cache_clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.handbook"):
        pages = [types.SimpleNamespace(page_box=None, link_areas=[])]
        assert handout_narrow_tables.narrow_tables(narrow, pages) == []
        handout_link_areas.drop_inner_link_areas(pages)
        links = [types.SimpleNamespace(links=[("url", "a"), ("url", "a")])]
        handout_link_areas.drop_inner_link_areas(links)
    handout_laid_out.say_unread.cache_clear()
    said = [(record.levelno, record.getMessage()) for record in caplog.records]
    assert [level for level, _ in said] == [logging.INFO, logging.INFO], said
    assert "link areas (Page.links)" in said[0][1]
    assert "a link area's address and rectangle" in said[1][1]


def _weasyprint_version() -> str:
    return getattr(sys.modules.get("weasyprint"), "__version__", "?")


@pytest.mark.pdf
def test_the_weasyprint_installed_keeps_the_pages_as_the_handout_reads_them(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The WeasyPrint installed (constraints.txt's, in pyproject's bounds) lays out what
    the table check and the link areas read: a 40-column table is found narrow, a number's
    inner area is left out, and nothing is said of pages kept otherwise."""
    require_weasyprint()
    weasyprint = handout_render.load_weasyprint()
    cells = "".join(f"<td>cell {column}</td>" for column in range(40))
    html = (
        f'<table class="hb-wide"><tr>{cells}</tr></table>'
        '<p><a href="tel:+18883737888"><span>1-888-373-7888</span></a></p>'
    )
    document = weasyprint.HTML(string=html)
    handout_laid_out.say_unread.cache_clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.handbook"):
        pages = document.render().pages
        links = list(pages[0].links)
        assert len(handout_narrow_tables.narrow_tables(document.etree_element, pages)) == 1
        handout_link_areas.drop_inner_link_areas(pages)
    assert caplog.records == []
    assert len(links) == 2 and pages[0].links == links[:1]


# An 8-column table as the print audit wrote it: at 7.5 pt its columns, of even widths,
# were narrower than a hotline's number, printed "1-888-373-788" over "8".
EIGHT_COLUMNS = """
| Sector | Contact | Phone | Web address | Hours | Notes | Language | Region |
|---|---|---|---|---|---|---|---|
| Hotels | Hospitality committee chair | 1-888-373-7888 | https://humantraffickinghotline.org/en/find-local-services | 24/7 | confidential, not law enforcement | English, español | Nebraska and Iowa |
| Health | Health care committee | 1-866-347-2423 | https://www.dhs.gov/blue-campaign/identify-victim | 24/7 | [call](tel:+18663472423) | English | National |
"""  # noqa: E501


def test_a_phone_number_is_kept_whole_and_its_column_in_a_wide_table_fits_it() -> None:
    html = handout_render._markdown().convert(
        f"Call 1-888-373-7888 or <b>text</b> 233733, then (555) 123-4567.\n\n{EIGHT_COLUMNS}"
        "\n<svg><text>555-123-4567</text></svg>\n"
    )
    root, printed = body_as_printed(html)
    assert (
        '<p>Call<span class="hb-space"> </span><span class="hb-phone">1-888-373-7888</span> or '
        '<b>text</b> 233733, then<span class="hb-space"> </span>'
        '<span class="hb-phone">(555) 123-4567</span>.</p>'
    ) in printed
    assert '<td><span class="hb-phone">1-866-347-2423</span></td>' in printed
    assert ":text>555-123-4567</" in printed  # a drawing's text is no HTML
    [table] = root.iter("table")
    widths = [col.get("style") for col in table.iter("col")]
    assert widths == [None, None, "width: 16ch"]  # as long as the number, and its padding


# The hotline's definition as the A4 hotel-staff handout printed it: "answered" alone on
# a line, over "live 24 hours a day, 7 days a week. Call" (the line it fitted on).
HOTLINE = (
    "A national, confidential, toll-free hotline for victims, survivors and anyone with\n"
    "information about possible trafficking in the United States, answered live 24 hours a\n"
    "day, 7 days a week. Call 1-888-373-7888, text 233733, use the live chat on its website,\n"
    "or dial 711 for relay services."
)


@pytest.mark.pdf
def test_the_words_before_a_phone_number_fill_their_line_as_without_it() -> None:
    """WeasyPrint 70 measured "...a week. Call " with its last space, before the number's
    span; where only that space did not fit, it broke the line after its first word.
    At each width the paragraph breaks where it breaks with no span, but for the number."""
    require_weasyprint()
    weasyprint = handout_render.load_weasyprint()
    root, _ = body_as_printed(f"<p>{HOTLINE}</p>")
    [paragraph] = root.iter("p")
    spanned = ElementTree.tostring(paragraph, encoding="unicode", method="html")
    assert '<span class="hb-phone">1-888-373-7888</span>' in spanned

    widths = range(60, 111)

    def lines(paragraph_html: str) -> dict[int, list[str]]:
        """The paragraph's lines at each width: a page a width, all in one render (a
        render a width took 102 for the two paragraphs; each breaks as it did alone)."""
        from pypdf import PdfReader

        style = (
            "@page { size: 200mm 100mm; margin: 0 }"
            ' p { font: 9pt "DejaVu Serif"; margin: 0 }'
            " div { break-after: page }"
            " .hb-phone { white-space: nowrap }"
        )
        boxes = "".join(f'<div style="width: {width}mm">{paragraph_html}</div>' for width in widths)
        pdf = weasyprint.HTML(string=f"<style>{style}</style>{boxes}").write_pdf()
        pages = PdfReader(io.BytesIO(pdf)).pages
        assert len(pages) == len(widths)
        return {
            width: [line.strip() for line in page.extract_text().splitlines()]
            for width, page in zip(widths, pages, strict=True)
        }

    unspanned = lines(f"<p>{HOTLINE}</p>")
    assert len({tuple(shown) for shown in unspanned.values()}) > 10  # breaks move with width
    broken = {
        width: spanned_lines
        for width, spanned_lines in lines(spanned).items()
        if spanned_lines != unspanned[width]
    }
    assert broken == {}


@pytest.mark.parametrize(
    ("colspan", "columns"),
    [
        ("3", 4),
        ("100000000", 1001),
        ("x", 2),
        ("3abc", 4),
        ("2.5", 3),
        (" +3", 4),
        ("0", 2),
        ("-3", 2),
        ("9" * 5000, 1001),
    ],
)
def test_a_wide_table_s_columns_count_a_cell_s_span_as_html_does(
    colspan: str, columns: int
) -> None:
    """A typo of `colspan="100000000"` before a phone number's cell made a `<colgroup>`
    of a hundred million columns (review): HTML reads more than 1,000 as 1,000, and the
    digits a value starts with (`3abc` is 3; `0`, `-3` and `x` are 1)."""
    root = tinyhtml5.parse(
        f'<table class="hb-wide"><tr><td colspan="{colspan}">Hotline</td>'
        "<td>1-888-373-7888</td></tr></table>",
        namespace_html_elements=False,
    )
    handout_phones.keep_phone_numbers_whole(root)
    [table] = root.iter("table")
    assert len(list(table.iter("col"))) == columns


@pytest.mark.parametrize(("countries", "kept"), [((), []), (("GB",), ["020 7946 0958"])])
def test_a_national_phone_number_is_kept_whole_where_privacy_reads_its_country(
    countries: tuple[str, ...], kept: list[str]
) -> None:
    """As privacy.pii finds it: in the national format of a country privacy.countries
    lists (`HandoutContent.phone_countries`)."""
    root = tinyhtml5.parse("<p>Call 020 7946 0958.</p>", namespace_html_elements=False)
    handout_phones.keep_phone_numbers_whole(root, countries)
    [paragraph] = root.iter("p")
    assert "".join(paragraph.itertext()) == "Call 020 7946 0958."
    assert [span.text for span in paragraph.iter("span") if span.get("class") == "hb-phone"] == kept


@pytest.mark.pdf
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_phone_number_in_a_wide_table_prints_on_one_line(tmp_path: Path, paper: str) -> None:
    """Print audit: in a table of 8 columns the hotline's number printed as
    "1-888-373-788" on one line and "8" on the next; the number a phone link prints
    after its text could break so too (`word-break: break-all`)."""
    require_weasyprint()
    config_file = write_handbook(tmp_path, paper=paper, modules={})
    module = module_text("Tables", EIGHT_COLUMNS, protocols="[]")
    (tmp_path / "content" / "modules" / "m.md").write_text(module, encoding="utf-8")
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["m"])
    pdf = handout_render.render_pdf(content, tmp_path / "content" / "modules", [])

    from pypdf import PdfReader

    lines: list[str] = []  # each line of text as WeasyPrint shows it
    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=lambda shown, *_: lines.append(shown))
    for number in ("1-888-373-7888", "1-866-347-2423", "(+18663472423)"):
        assert any(number in line for line in lines), (number, lines)
    # The address beside them still breaks where it must, within its column.
    assert "https://humantraffickinghotline.org/en/find-local-services" not in lines


# Words longer than an 8-column table's columns, and addresses as text and as links.
HYPHENATED_COLUMNS = {
    "en": """
| Responsibility | Organization | Phone | Address | Comments | Coordination | Web | Notes |
|---|---|---|---|---|---|---|---|
| responsibilities | international organizations | 1-888-373-7888 | humantraffickinghotline.org/en/ | confidentiality | coordinators | <https://humantraffickinghotline.org/en/> | extraterritorially |
""",  # noqa: E501
    "es": """
| Responsable | Observaciones | Teléfono | Dirección | Comentarios | Coordinadora | Web | Notas |
|---|---|---|---|---|---|---|---|
| internacionalmente | responsabilidades | 1-888-373-7888 | humantraffickinghotline.org/es/ | confidencialidad | coordinadoras | <https://humantraffickinghotline.org/es/> | extraterritorialmente |
""",  # noqa: E501
}
# The mark WeasyPrint prints where it hyphenates a word (CSS `hyphenate-character`).
HYPHEN = "\u2010"


def test_addresses_as_text_in_a_wide_table_are_set_apart_from_words() -> None:
    """Only in a wide table, whose words are hyphenated: what a reader types, a web or
    e-mail address or a domain name, is set apart; "e.g." and "U.S.C." are words."""
    from coalition_handbook.site.handout_addresses import keep_addresses_unhyphenated

    cell = "See polaris.org/es, <b>www.dhs.gov</b> or help@example.org (e.g. 22 U.S.C. 7102)."
    root = tinyhtml5.parse(
        f'<p>{cell}</p><table class="hb-wide"><tr><td>{cell}</td></tr></table>',
        namespace_html_elements=False,
    )
    keep_addresses_unhyphenated(root)
    paragraph, cell_element = root.find("body/p"), root.find(".//td")
    assert paragraph is not None and cell_element is not None
    assert [span.text for span in paragraph.iter("span")] == []
    addresses = cell_element.iterfind(".//span[@class='hb-address']")
    assert [span.text for span in addresses] == [
        "polaris.org/es,",
        "www.dhs.gov",
        "help@example.org",
    ]
    assert "".join(cell_element.itertext()) == (
        "See polaris.org/es, www.dhs.gov or help@example.org (e.g. 22 U.S.C. 7102)."
    )


@pytest.mark.pdf
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_wide_tables_words_break_with_a_hyphen_and_addresses_with_none(
    tmp_path: Path, language: str
) -> None:
    """Trainer audit: in a table of 8 columns, words broke anywhere with no mark
    ("Responsabl" over "e", "internacional" over "mente"), read as two words. They are
    hyphenated in the handout's language; an address, as text or a link, and a phone
    number are not: a reader would type the hyphen."""
    require_weasyprint()
    config_file = write_handbook(tmp_path, modules={})
    if language == "es":
        _in_spanish(config_file)
    module = module_text("Tables", HYPHENATED_COLUMNS[language], protocols="[]")
    (tmp_path / "content" / "modules" / "m.md").write_text(module, encoding="utf-8")
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["m"])
    pdf = handout_render.render_pdf(content, tmp_path / "content" / "modules", [])
    lines = [line for page in shown_lines(pdf) for line in page]
    hyphenated = [line for line in lines if line.endswith(HYPHEN)]
    assert len(hyphenated) >= 3, lines
    for line in hyphenated:  # a syllable of a word, not a letter broken off
        assert len(line.rstrip(HYPHEN).split()[-1]) >= 2, line
    address = "humantraffickinghotline.org"
    address_lines = [line for line in lines if any(part in line for part in ("humantraff", ".org"))]
    assert address_lines, lines
    assert not [line for line in address_lines if HYPHEN in line or line.endswith("-")], lines
    printed = "".join("".join(lines).split())
    assert printed.count(address) == 2  # as text, and as the link (its text says where)
    assert any("1-888-373-7888" in line for line in lines)


def test_a_long_render_is_announced_once_before_it_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit F7: a module of hundreds of kilobytes took minutes to print, with no word
    until it was done. A handout from the cache takes no time and is not announced."""
    big = module_text(
        "Hotel and motel staff", "Watch for debt bondage among housekeepers.\n" * 5000
    )
    modules = {"hotel-staff": big, "community": module_text("Community members", protocols="[]")}
    context = context_of(write_handbook(tmp_path, modules=modules))
    events: list[tuple[str, str]] = []

    def render(content: handout_render.HandoutContent, *args: object, **kwargs: object) -> bytes:
        events.append(("rendered", content.module.id))
        return b"%PDF-1.7 " + content.module.id.encode()

    monkeypatch.setattr(handout_render, "render_pdf", render)
    handouts.make_handouts(context, say=lambda line: events.append(("said", line)))
    [(_, said)] = [event for event in events if event[0] == "said"]
    assert events == [("rendered", "community"), ("said", said), ("rendered", "hotel-staff")]
    announced = re.fullmatch(
        r"the handout of content/modules/hotel-staff\.md prints (\d+) KB of text: making "
        r"its PDF may take (\d+) seconds or so",
        said,
    )
    assert announced is not None and int(announced.group(1)) >= len(big) // 1000 > 200
    # About 35 s a megabyte, not "a minute or more" for a fifth of one (review).
    assert 5 <= int(announced.group(2)) <= 35 * int(announced.group(1)) // 1000 + 5
    events.clear()
    handouts.make_handouts(context, say=lambda line: events.append(("said", line)))
    assert events == []


@pytest.mark.parametrize(
    ("printed", "seconds"),
    [(200_001, 10), (400_000, 15), (1_070_000, 40), (1_142_857, 40)],
)
def test_a_long_render_is_announced_with_its_time_rounded_up(printed: int, seconds: int) -> None:
    """Review rv3 F13: the note said its time was rounded up to what a trainer can plan
    for, but rounded to the nearest 5 s (7 s of work was "5 seconds or so")."""
    from types import SimpleNamespace

    module = SimpleNamespace(origin=SimpleNamespace(text="x" * printed, path="m.md"))
    content = SimpleNamespace(module=module, protocols=(), key_terms=())
    said = handouts._long_render(content)  # type: ignore[arg-type]
    assert said is not None and said.endswith(f"may take {seconds} seconds or so")


def module_including_a_note(root: Path) -> tuple[Path, Path]:
    """A handbook with pymdownx.snippets whose module `notes` includes
    `includes/note.md`: its mkdocs.yml and the note."""
    module = module_text("Notes", '\n--8<-- "includes/note.md"\n', protocols="[]")
    config_file = write_handbook(root, modules={"notes": module})
    config_file.write_text(
        config_file.read_text(encoding="utf-8") + "markdown_extensions:\n  - pymdownx.snippets\n",
        encoding="utf-8",
    )
    note = root / "includes" / "note.md"
    note.parent.mkdir()
    note.write_text("Included words: ask the front desk.\n", encoding="utf-8")
    return config_file, note


def test_a_handout_prints_the_files_its_module_includes(tmp_path: Path) -> None:
    """Review rv7 #4: with pymdownx.snippets, the module's page shows an included file's
    text where its `--8<--` line is; the handout printed the line as typed. It prints
    the text, and is made again when the included file changes."""
    config_file, note = module_including_a_note(tmp_path)

    def content() -> handout_render.HandoutContent:
        context = context_of(config_file)
        return handouts.handout_content(context, context.handbook.modules["notes"])

    first = content()
    html = handout_render.render_html(first)
    assert "Included words: ask the front desk." in html
    assert "8&lt;" not in html and "includes/note.md" not in html
    note.write_text("Other words.\n", encoding="utf-8")
    assert handout_cache.cache_key(content()) != handout_cache.cache_key(first)


def test_a_handout_whose_included_file_changed_prints_another_edition(tmp_path: Path) -> None:
    """Review rv9 M1: the edition hashed the module as written (its `--8<--` line), so
    an edit to an included file changed the printed text but not the edition on the
    footer. It is made of what is printed, the included text in place."""
    config_file, note = module_including_a_note(tmp_path)

    def edition() -> str:
        context = context_of(config_file)
        return handouts.handout_content(context, context.handbook.modules["notes"]).edition

    first = edition()
    assert edition() == first  # the same text, the same edition
    note.write_text("Other words.\n", encoding="utf-8")
    assert edition() != first


def test_a_handouts_edition_follows_what_it_prints_not_how_the_files_are_written(
    tmp_path: Path,
) -> None:
    """Audits (a trainer's, a Windows editor's): the edition hashed the module's Markdown
    as written, so a CRLF checkout of the same commit, or an editor's `<!-- note -->`,
    stamped the same printout with another edition. It is made of what is printed: the
    same however lines end or wrap, another where a word changes, in the module or in
    its protocol."""
    config_file = write_handbook(tmp_path)
    module = tmp_path / "content" / "modules" / "hotel-staff.md"
    protocol = tmp_path / "protocols" / "hotel-staff.yml"

    def edition() -> str:
        context = context_of(config_file)
        return handouts.handout_content(context, context.handbook.modules["hotel-staff"]).edition

    first = edition()
    written = module.read_text(encoding="utf-8")
    module.write_bytes(written.replace("\n", "\r\n").encode())  # a Windows checkout
    protocol.write_bytes(PROTOCOL.replace("\n", "\r\n").encode())
    assert edition() == first
    module.write_text(  # comments, and a sentence on a line of its own
        written.replace(
            "## Recognize", "<!-- check with the committee -->\n\n## Recognize"
        ).replace("trafficked. Trafficking", "trafficked.\n    Trafficking")
        + "<!-- nota al final -->\n",
        encoding="utf-8",
    )
    protocol.write_text(
        PROTOCOL.replace("seems wrong.", "seems wrong. <!-- reviewed -->"), encoding="utf-8"
    )
    assert edition() == first
    module.write_text(written.replace("many forms", "many shapes"), encoding="utf-8")
    assert edition() != first
    module.write_text(written, encoding="utf-8")
    protocol.write_text(PROTOCOL.replace("room number", "room"), encoding="utf-8")
    assert edition() != first


def test_a_word_longer_than_lines_gets_a_break_opportunity_every_few_characters() -> None:
    """Fuzzing: a module with a word of 100,000 characters did not print in 15 minutes,
    WeasyPrint laying out the rest of the paragraph again at each break it had to force."""
    from coalition_handbook.site.handout_long_words import break_long_words

    word = "x" * 5000
    root = ElementTree.fromstring(
        f"<html><body><p>A {word} and <em>{word}</em>{word}.</p>"
        f"<p>{'y' * 1000} stays whole.</p><script>var a = '{word}';</script></body></html>"
    )
    break_long_words(root)
    # `find(...) or ()` tests an element's truth, a DeprecationWarning on Python 3.12+.
    paragraph, short, script = root.iterfind("body/*")
    assert "".join(paragraph.itertext()).replace("\u200b", "") == f"A {word} and {word}{word}."
    for text in paragraph.itertext():  # each text of the paragraph, the <em>'s, its tail
        assert max(len(piece) for piece in re.split(r"[\s\u200b]", text)) <= 40
    assert "".join(short.itertext()) == f"{'y' * 1000} stays whole."  # a long address too
    chinese = ElementTree.fromstring(f"<html><body><p>{'人口贩运' * 400}</p></body></html>")
    break_long_words(chinese)  # a line breaks between any two of these: nothing to add
    assert "".join(chinese.itertext()) == "人口贩运" * 400
    assert script.text == f"var a = '{word}';"


@pytest.mark.pdf
def test_a_handout_prints_a_word_of_thousands_of_characters_whole(tmp_path: Path) -> None:
    require_weasyprint()
    word = "z" * 1500  # on one page: no footer inside it
    module = module_text("Hotel and motel staff", f"See {word} here.\n")
    config_file = write_handbook(tmp_path, modules={"hotel-staff": module})
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["hotel-staff"])
    pages = shown_lines(handout_render.render_pdf(content, tmp_path / "content", []))
    printed = re.search(r"See(.*?)here", "".join(line for lines in pages for line in lines), re.S)
    assert printed is not None
    assert re.sub(r"[\s\u200b]", "", printed.group(1)) == word


def test_handbook_handouts_names_a_module_holding_a_line_break_on_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review rv37: `handbook handouts` wrote its findings and "handout not made" lines
    with a file's name as it is, so a pull request's module named with a line break
    started lines of CI's log with the workflow command it holds; each line is written as
    `handbook check` writes it (`one_line`)."""
    monkeypatch.delenv("CI", raising=False)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook\n", encoding="utf-8"
    )
    modules = tmp_path / "content" / "modules"
    modules.mkdir(parents=True)
    (tmp_path / "content" / "index.md").write_text("# Home\n", encoding="utf-8")
    command = "::error file=README.md::Approved"
    (modules / f"m\n{command}.md").write_text("---\ntitle: [x\n---\n# M\n", encoding="utf-8")
    code = main(["handouts", "-f", str(tmp_path / "mkdocs.yml"), "-o", str(tmp_path / "out")])
    captured = capsys.readouterr()
    lines = (captured.out + captured.err).splitlines()
    assert code == 1, lines
    assert any(f"m\\n{command}.md: handout not made" in line for line in lines), lines
    assert not [line for line in lines if line.lstrip().startswith("::")], lines


# Phone numbers after Arabic words, as members write them (each another number, so one
# line's cannot stand for another's); in the order dialled.
_ARABIC_CALLS = {
    "اتصل على 1 888 373 7888 أو.": "18883737888",
    "اتصل على +1 800 555 0199 أو.": "+18005550199",
    "اتصل على (202) 555-0173 أو.": "(202)5550173",
    "اتصل على 1-800-555-0142 أو.": "18005550142",
}
# A phone link's number, printed after its text in brackets (`data-print`).
_ARABIC_LINK = "اتصل على [خط المساعدة](tel:+18005550100) الآن."


def numbers_left_to_right(pdf: bytes) -> list[str]:
    """The digits, `+` and brackets of each line of the PDF's first page, in the order
    they stand from left to right: each run of glyphs (a `TJ`) where its matrix puts it,
    its glyphs read through its font's ToUnicode map. A bracket is as written, so in a
    run laid out right to left may be the other one (mirrored) of those shown."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    fonts = page["/Resources"]["/Font"]
    maps: dict[str, dict[str, str]] = {}
    for name, font in fonts.items():
        cmap = font.get_object()["/ToUnicode"].get_object().get_data().decode("ascii")
        maps[name] = {
            glyph: chr(int(code, 16))
            for glyph, code in re.findall(r"<([0-9a-f]{4})> <([0-9a-f]{4})>", cmap)
        }
    runs: list[tuple[float, float, str]] = []
    font_name, x, y = "", 0.0, 0.0
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"Tf":
            font_name = operands[0]
        elif operator == b"Tm":
            x, y = float(operands[4]), float(operands[5])
        elif operator == b"TJ":
            glyphs = "".join(
                item.original_bytes.hex() for item in operands[0] if hasattr(item, "original_bytes")
            )
            text = "".join(
                maps[font_name].get(glyphs[i : i + 4], "") for i in range(0, len(glyphs), 4)
            )
            runs.append((round(y, 1), x, text))
    lines: dict[float, list[tuple[float, str]]] = {}
    for line_y, run_x, text in runs:
        lines.setdefault(line_y, []).append((run_x, text))
    shown = ("".join(text for _, text in sorted(line)) for _, line in sorted(lines.items()))
    return [kept for line in shown if (kept := re.sub(r"[^0-9+()]", "", line))]


@pytest.mark.pdf
def test_a_phone_number_after_arabic_words_prints_in_the_order_dialled(tmp_path: Path) -> None:
    """Audit of an Arabic handout: after Arabic letters the bidi algorithm reads a
    number's digits as Arabic numbers, which a space, a bracket or a plus does not join,
    and "1 888 373 7888" printed as "7888 373 888 1" (a phone link's printed number too).
    Each digit's place on the page is read, left to right."""
    require_weasyprint()
    config_file = write_handbook(tmp_path, modules={})
    body = "".join(f"\n{line}\n" for line in (*_ARABIC_CALLS, _ARABIC_LINK))
    module = module_text("Arabic", body, protocols="[]")
    (tmp_path / "content" / "modules" / "m.md").write_text(module, encoding="utf-8")
    context = context_of(config_file)
    content = handouts.handout_content(context, context.handbook.modules["m"])
    arabic = dataclasses.replace(content, language="ar")
    pdf = handout_render.render_pdf(arabic, tmp_path / "content" / "modules", [])
    dialled = numbers_left_to_right(pdf)
    for number in _ARABIC_CALLS.values():
        assert number in dialled
    assert "+18005550100" in [re.sub(r"[()]", "", number) for number in dialled]


def test_a_narrow_table_with_code_or_a_footnote_in_a_cell_is_said_at_its_own_line() -> None:
    """Review rv61b: a table is found by its words as the block pass sees them, which
    blanks a code span and a footnote's marker, where the handout's cells print them
    (`| \\`ID\\` | Name |` was looked for as "IDName", written "Name"): its warning was
    at its first row's text, found in prose before. Each at its own first row."""
    tables = {
        "code": "| `ID` | Name |\n|---|---|\n| `a\\|b` | Ana |\n",
        "footnote": "| Name[^1] | Age |\n|---|---|\n| Ana | 30 |\n",
    }
    for table in tables.values():
        text = f"# M\n\nName and ID.\n\n{table}\n[^1]: A note.\n"
        html = markdown.Markdown(extensions=["tables", "footnotes"]).convert(text)
        root = ElementTree.fromstring(f"<html><body>{html}</body></html>")
        for element in root.iter("table"):
            element.set("class", "hb-wide")
        cells = [cell for cell in root.iter() if cell.tag in ("td", "th")]

        class TableCellBox:  # a laid-out cell 2 pt wide: narrow
            width = 2.0

            def __init__(self, element: ElementTree.Element) -> None:
                self.element = element
                self.style = {"font_size": 10.0}

            def border_width(self) -> float:
                return 3.0

        boxes = [TableCellBox(cell) for cell in cells]
        page_box = types.SimpleNamespace(descendants=lambda boxes=boxes: iter(boxes))
        pages = [types.SimpleNamespace(_page_box=page_box)]
        (problem,) = handout_narrow_tables.narrow_tables(root, pages)
        module = Origin(path="content/modules/m.md", text=text)
        assert handout_problems.placed(problem, [module]).line == 5, table


def test_a_narrow_table_in_a_cell_of_a_wide_table_is_said_as_itself_at_its_line() -> None:
    """Task site63: a table in a cell of a wide HTML table (hb-wide, its columns even and
    narrow) prints as narrow, and was said as the outer table: its count of columns, at
    its first line. The inner table is named, at its own first row's line."""
    inner = "".join(f"<td>Inner{number}</td>" for number in range(5))
    text = (
        "# M\n\n<table>\n<tr><td>Outer0</td><td>Outer1</td><td>Outer2</td></tr>\n"
        f"<tr><td>\n<table>\n<tr>{inner}</tr>\n</table>\n</td><td>a</td><td>b</td></tr>\n"
        "</table>\n"
    )
    root = ElementTree.fromstring(f"<html><body>{text.partition(chr(10) * 2)[2]}</body></html>")
    root.find(".//table").set("class", "hb-wide")  # the outer one only, as marked

    class TableCellBox:  # an inner cell 2 pt wide (narrow), the outer's 100 pt
        def __init__(self, element: ElementTree.Element) -> None:
            self.element = element
            self.width = 2.0 if "Inner" in (element.text or "") else 100.0
            self.style = {"font_size": 10.0}

        def border_width(self) -> float:
            return self.width + 1.0

    boxes = [TableCellBox(cell) for cell in root.iter() if cell.tag in ("td", "th")]
    page_box = types.SimpleNamespace(descendants=lambda: iter(boxes))
    pages = [types.SimpleNamespace(_page_box=page_box)]
    (problem,) = handout_narrow_tables.narrow_tables(root, pages)
    assert problem.message.startswith("a table of 5 columns prints about 1 character")
    module = Origin(path="content/modules/m.md", text=text)
    assert handout_problems.placed(problem, [module]).line == 7
