"""Property tests: forms planted in random prose inside random Markdown structures are found
at their exact line and column, and never inside code or URLs; written with characters no
reader sees inside them, they are found with those characters."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_handbook.forms import without_invisible
from coalition_handbook.markdown import GLUE, LineIndex, checkable_text
from coalition_handbook.matching import Matcher
from coalition_handbook.model.types import AvoidForm, Origin, Term

MATCHER = Matcher.from_terms(
    [
        Term(
            id="person-experiencing-homelessness",
            term="person experiencing homelessness",
            version=1,
            definition="",
            short="",
            history=(),
            origin=Origin("glossary/x.yml", ""),
            avoid=(AvoidForm("homeless person"), AvoidForm("vagrant")),
        )
    ]
)
FILLER = ["outreach", "workers", "meet", "people", "at", "night", "and", "listen", "shelter"]
PLANTED = [
    "vagrant", "vagrants", "homeless person", "homeless\nperson", "Vagrant's",
    # pasted from a word processor: invisible characters in a word, and other spaces
    "vag\u00adrant", "vag&shy;rant", "homeless\u200b person", "Vag\u2060rant\u00ads",
    "homeless\u2009person", "homeless\u3000person", "homeless\u00a0\ufeff-person",
]  # fmt: skip

prose = st.lists(st.sampled_from(FILLER), min_size=1, max_size=8).map(" ".join)
planted = st.sampled_from(PLANTED)


def wrap(structure: str, text: str) -> str:
    """`text` (one or two lines) inside a Markdown structure that keeps it checked."""
    lines = text.split("\n")
    if structure == "paragraph":
        return text
    if structure == "heading":
        return "## " + text.replace("\n", " ")
    if structure == "list":
        return "- " + "\n  ".join(lines)
    if structure == "quote":
        return "> " + "\n> ".join(lines)
    if structure == "admonition":
        return '!!! note "Note"\n    ' + "\n    ".join(lines)
    if structure == "tab":
        return '=== "Tab"\n\n    ' + "\n    ".join(lines)
    if structure == "table":
        return "| a | b |\n|---|---|\n| x | " + text.replace("\n", " ") + " |"
    raise AssertionError(structure)


structures = st.sampled_from(
    ["paragraph", "heading", "list", "quote", "admonition", "tab", "table"]
)
skipped = st.sampled_from(
    ["```\n{}\n```", "~~~\n{}\n~~~", "`{}`", "[link](https://example.org/{})", "<!-- {} -->"]
)


@settings(max_examples=150, deadline=None)
@given(
    blocks=st.lists(st.tuples(structures, prose, planted, prose), min_size=1, max_size=6),
    crlf=st.booleans(),
)
def test_planted_forms_are_found_where_they_are(
    blocks: list[tuple[str, str, str, str]], crlf: bool
) -> None:
    pieces: list[str] = []
    expected: list[tuple[int, int, str]] = []
    line = 1
    for structure, before, form, after in blocks:
        if structure in ("heading", "table"):
            form = form.replace("\n", " ")
        block = wrap(structure, f"{before} {form} {after}")
        offset = block.index(form.split("\n")[0].split(" ")[0], block.index(before) + len(before))
        head = block[:offset]
        form_line = line + head.count("\n")
        column = offset - (head.rfind("\n") + 1) + 1
        expected.append((form_line, column, form))
        pieces.append(block)
        line += block.count("\n") + 2
    text = "\n\n".join(pieces) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    lines = LineIndex.of(text)
    matches = MATCHER.scan(checkable_text(text))
    got = [(*lines.position(match.start), match.found) for match in matches]
    assert [position[:2] for position in got] == [position[:2] for position in expected]
    for match, (_, _, found), (_, _, form) in zip(matches, got, expected, strict=True):
        assert visible_words(found) == visible_words(form)
        if "\n" not in form:  # the source holds it as it was written, invisible characters too
            assert text[match.start : match.end] == form


def visible_words(text: str) -> list[str]:
    """The words a reader sees in `text` (a form, or the view of one)."""
    return without_invisible(html.unescape(text.replace(GLUE, ""))).split()


@settings(max_examples=100, deadline=None)
@given(before=prose, form=planted, after=prose, container=skipped, structure=structures)
def test_never_inside_code_or_urls(
    before: str, form: str, after: str, container: str, structure: str
) -> None:
    form = form.replace("\n", "-") if container.startswith(("[", "`")) else form
    hidden = container.format(form.replace(" ", "-") if "https" in container else form)
    if hidden.startswith(("```", "~~~")):
        text = f"{before}\n\n{hidden}\n\n{after}\n"
    else:
        text = wrap(structure, f"{before} {hidden} {after}") + "\n"
    assert MATCHER.scan(checkable_text(text)) == []
