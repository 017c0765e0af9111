"""The engine's own scan (`documents`): hits kept as plain tuples and placed in their file
only when read must give exactly the `LocatedMatch`es that placing every `Matcher.scan`
match gives (the scan as it was before it kept hits)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_model import PROTOCOL, term_yaml, write_files
from hypothesis import given, settings
from hypothesis import strategies as st
from test_matching import MATCHER
from test_term_rules import make

from coalition_handbook import documents
from coalition_handbook.check import run_checks
from coalition_handbook.config import load_config
from coalition_handbook.documents import (
    CheckedText,
    LocatedMatch,
    ScannedDocument,
    _document,
    flagged_uses,
    pages_using_terms,
    scan_handbook,
)
from coalition_handbook.markdown import LineIndex, checkable_text
from coalition_handbook.matching import Matcher


def placed_scan(document: ScannedDocument, matcher: Matcher) -> tuple[LocatedMatch, ...]:
    """Every `matcher.scan` match of the document's texts, placed by `LineIndex`."""
    located = []
    for text in document.texts:
        lines = LineIndex.of(text.source)
        for match in matcher.scan(text.view):
            if document.kind == "term" and match.term_id == document.owner:
                continue
            start, end = text.source_span(match.start, match.end)
            line, column = lines.position(start)
            found = text.source[start:end]
            located.append(LocatedMatch(match, document.path, line, column, found))
    return tuple(located)


def is_flagged(found: LocatedMatch) -> bool:
    return found.match.kind != "accepted" or not found.match.case_ok


_LINES = [
    "# A survivor's heading", "- a vagrant", "  homeless person", "sex-trafficking and",
    "```", "a TIP in code", "> a modern", "> slave", "", "the Blue campaign | x |",
    "|---|---|", "victims' rights\r", "un cafe\u0301  noir", "survivors\u2019 MOUs",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=25))
def test_a_page_is_placed_as_every_scan_match_placed(lines: list[str]) -> None:
    source = "\n".join(lines)
    text = CheckedText("p.md", "", source, checkable_text(source))
    document = _document("p.md", "page", None, [text], [MATCHER.hits(text.view)])
    expected = placed_scan(document, MATCHER)
    assert document.matches == expected
    flagged = document.placed(
        lambda hits: [hit for hit in hits if hit[2].kind != "accepted" or not hit[3]]
    )
    assert [(line, column, found) for _, _, line, column, found in flagged] == [
        (located.line, located.column, located.found) for located in expected if is_flagged(located)
    ]


def test_every_document_kind_is_placed_as_before(tmp_path: Path) -> None:
    result = run_checks(load_config(make(tmp_path)))
    documents = scan_handbook(result.context)
    matcher = Matcher.from_terms(result.handbook.terms.values())
    assert {document.kind for document in documents} == {"page", "term", "protocol", "module"}
    every = []
    for document in documents:
        expected = placed_scan(document, matcher)
        assert document.matches == expected
        every += expected
    assert [
        (use.path, use.line, use.column, use.found, use.entry.term_id, use.entry.kind, use.case_ok)
        for use in flagged_uses(result.context)
    ] == [
        (at.path, at.line, at.column, at.found, at.match.term_id, at.match.kind, at.match.case_ok)
        for at in every
        if is_flagged(at)
    ]


def test_without_the_cache_no_key_is_made_of_what_a_term_s_scan_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The values a term's scan reads are the key of its cached scan, and nothing else:
    # a cold run made that key of each of thousands of terms and kept none.
    monkeypatch.setenv("HANDBOOK_NO_CACHE", "1")
    config = load_config(make(tmp_path))
    expected = run_checks(config).findings

    def refused(term: object) -> str:
        raise AssertionError("a cache key made with no cache")

    monkeypatch.setattr(documents, "_term_texts_read", refused)
    result = run_checks(config)
    assert result.findings == expected
    assert any(document.kind == "term" for document in scan_handbook(result.context))


def test_what_uses_a_term_is_its_checked_text(tmp_path: Path) -> None:
    """The "Used on" lists count the texts the check reads (DESIGN section 4), as asked:
    not a protocol's history (Polaris, named only there, was listed), but the other terms'
    definitions (which were not); a term's own forms in its definition, and its `short`
    (a tooltip, not on its page), are no use."""
    history_note = "    summary: Added the text line.\n"
    definition = "definition: A person who has experienced trafficking. Second sentence.\n"
    config = write_files(
        tmp_path,
        {
            "glossary/survivor.yml": term_yaml(),
            "glossary/polaris.yml": term_yaml("Polaris").replace(
                definition, "definition: Polaris runs the hotline.\n"
            ),
            "glossary/hotline.yml": term_yaml(
                "hotline", extra="short: The line a survivor calls.\n"
            ).replace("First approved.", "First approved, with the survivor's words."),
            "glossary/advocate.yml": term_yaml("advocate").replace(
                definition, "definition: Someone who supports a survivor.\n"
            ),
            "protocols/hotel-staff.yml": PROTOCOL.replace(
                history_note, "    summary: Polaris no longer runs the `survivor` field.\n"
            ),
        },
    )
    usage = pages_using_terms(run_checks(config).context)

    assert "polaris" not in usage  # named in a protocol's history and its own definition
    assert usage["hotline"] == ["protocols/hotel-staff.yml", "glossary/polaris.yml"]
    assert usage["survivor"] == ["glossary/advocate.yml"]


def _protocol_with_steps(root: Path, steps: int, line_end: str) -> tuple[ScannedDocument, Matcher]:
    root.mkdir()
    make(root)
    text = PROTOCOL_OF_STEPS.format(
        steps="".join(f"  - title: Step {n}\n    detail: Ask the vagrant.\n" for n in range(steps))
    )
    (root / "protocols" / "help.yml").write_bytes(text.replace("\n", line_end).encode())
    result = run_checks(load_config(root / "mkdocs.yml"))
    (document,) = (d for d in scan_handbook(result.context) if d.path == "protocols/help.yml")
    return document, Matcher.from_terms(result.handbook.terms.values())


PROTOCOL_OF_STEPS = """\
title: Help
version: 1
owner: Steering committee
effective: 2026-01-01
review_by: 2099-01-01
audience: [public]
summary: Help the person.
steps:
{steps}history:
  - version: 1
    date: 2026-01-01
    summary: First.
"""


@pytest.mark.parametrize("line_end", ["\r\n", "\r"], ids=["crlf", "old-mac"])
def test_a_file_with_carriage_returns_is_placed_in_linear_time(
    tmp_path: Path, line_end: str
) -> None:
    """Found in review: the texts of a file holding a carriage return each indexed the
    whole file's lines again, so placing the uses of a protocol of 8,000 Windows-style
    steps took 92 s. The file is indexed once; the places are those of `LineIndex`."""
    from work import calls_made

    small, _ = _protocol_with_steps(tmp_path / "small", 100, line_end)
    large, matcher = _protocol_with_steps(tmp_path / "large", 1_000, line_end)
    assert len(large.matches) == 1_000
    assert large.matches == placed_scan(large, matcher)
    work = [calls_made(lambda d=d: list(d.placed(lambda hits: hits))) for d in (small, large)]
    assert work[1] <= work[0] * 10.5  # ten times the steps, at most ten times the work
