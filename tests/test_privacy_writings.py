"""privacy.pii reads personal data however it is written: wrapped over lines, spaced with
tabs, escaped in a link, written out against harvesters (a privacy officer's audit)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers_model import term_yaml, write_files
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coalition_handbook.check import run_checks
from coalition_handbook.config import load_config
from coalition_handbook.findings import Finding
from coalition_handbook.markdown.inline_openers import HTML_TAG
from coalition_handbook.markup import decoded_references
from coalition_handbook.rules import privacy_emails, soft_breaks
from coalition_handbook.rules.privacy_links import find_personal_data_in_urls
from coalition_handbook.rules.privacy_markdown import (
    _MARK_RUNS,
    _MARKDOWN_SPLITS,
    _MARKS_BY_DATA,
    _TAGS_AND_ESCAPES,
    _splits_found,
)
from coalition_handbook.rules.privacy_personal_data import find_personal_data
from coalition_handbook.rules.soft_breaks import (
    _FROM_A_DIGIT,
    WRITTEN_OUT_MARK_ENDS,
    _ascii_numbers,
    may_write_out_a_mark,
    soft_breaks_joined,
)
from coalition_handbook.source_map import UNCHANGED, ChainedMap, SourceMap, chained
from coalition_handbook.wrapped_links import unwrapped_links


def privacy_findings(root: Path, files: dict[str, str], allow: list[str]) -> list[Finding]:
    """privacy.pii's findings in a handbook of `files` (under content/), with `allow` as
    privacy.allow."""
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    (root / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: content\nplugins:\n  - handbook:\n"
        f"      privacy: {{allow: {json.dumps(allow)}}}\n",
        encoding="utf-8",
    )
    result = run_checks(load_config(root / "mkdocs.yml"))
    return [finding for finding in result.findings if finding.rule == "privacy.pii"]


def found_in(root: Path, page: str, allow: list[str] | None = None) -> list[tuple[int, int, str]]:
    findings = privacy_findings(root, {"index.md": page}, allow or [])
    return [(finding.line, finding.column, finding.found) for finding in findings]


def personal(text: str) -> list[tuple[str, str]]:
    return [(kind, text[start:end]) for kind, start, end in find_personal_data(text)]


def test_a_number_or_an_address_wrapped_over_lines_is_reported_as_written(tmp_path: Path) -> None:
    """A line break inside a paragraph is a space to the reader, as the indent of a list
    item and a quote's `>` on the next line are markup; so are a tab and a run of spaces.
    Found as the source writes it, at its first character."""
    page = (
        "Call her at 402 555\n0142 tonight.\n\n"
        "- Call her at 402 555\n  0142 tonight.\n\n"
        "> Call her at 402 555  \n> 0142 tonight.\n\n"
        "Call her at 402-555-\n0142 or 402.555.\n0143 or +44 20\n7946 0958.\n\n"
        "Call her at 402\t555\t0144 or 402  555  0145.\n\n"
        "She lives at 12 Oak\nStreet.\n"
    )
    assert found_in(tmp_path, page) == [
        (1, 13, "402 555\n0142"),
        (4, 15, "402 555\n  0142"),
        (7, 15, "402 555  \n> 0142"),
        (10, 13, "402-555-\n0142"),
        (11, 9, "402.555.\n0143"),
        (12, 9, "+44 20\n7946 0958"),
        (15, 13, "402\t555\t0144"),
        (15, 29, "402  555  0145"),
        (17, 14, "12 Oak\nStreet"),
    ]


def test_an_address_wrapped_over_three_lines_is_reported_as_written(tmp_path: Path) -> None:
    """An address's street name alone on a line, in a quote or a list item in one: the
    line break after that line (a quote's `>`, a CRLF's `\r`) is read as the one it
    continues, as the one after the number's line is (a middle line with no number was
    read as written). A list item's indent was read already, and still is."""
    page = (
        "> Shelter intake: 4500\n> Southwest\n> 5th Avenue, Portland OR\n\n"
        "> - Shelter intake at 12\n>   Oak Tree\n>   Street, Omaha NE\n\n"
        "- Shelter intake:\n  4500 Southwest\n  5th Avenue, Portland OR\n"
    )
    assert found_in(tmp_path, page) == [
        (1, 19, "4500\n> Southwest\n> 5th Avenue"),
        (5, 23, "12\n>   Oak Tree\n>   Street"),
        (10, 3, "4500 Southwest\n  5th Avenue"),
    ]
    # A page saved with CRLF (Git for Windows' checkout): the `\r` too.
    crlf = "She lives at 12\r\nOak Tree\r\nStreet.\r\n"
    assert found_in(tmp_path / "crlf", crlf) == [(1, 14, "12\r\nOak Tree\r\nStreet")]


def test_data_wrapped_over_lines_is_quoted_alike_whatever_the_line_endings(
    tmp_path: Path,
) -> None:
    """Audit: a CRLF page's message quoted '402-***-\\r\\n**42', an LF page's
    '402-***-\\n**42'. `found` stays the source's text."""
    page = "Call her at 402-555-\n0142 or at 12\nOak Tree\nStreet.\n"
    as_lf = [finding.message for finding in privacy_findings(tmp_path, {"a.md": page}, [])]
    crlf = privacy_findings(tmp_path / "crlf", {"a.md": page.replace("\n", "\r\n")}, [])
    assert [finding.message for finding in crlf] == as_lf
    assert as_lf[0].startswith("'402-***-\n**42' looks like a personal phone number")
    assert [finding.found for finding in crlf] == ["402-555-\r\n0142", "12\r\nOak Tree\r\nStreet"]


def test_a_number_in_emphasis_or_in_other_digits_is_read_wrapped_too(tmp_path: Path) -> None:
    """Review: only gaps after a number on their line are read, and a number after `_`
    (emphasis) or written in Arabic-Indic digits had stopped counting as one."""
    page = (
        "Call her at _402 555\n  0142_ tonight.\n\n"
        "Call her at \u0664\u0660\u0662 555\n  0142 tonight.\n"
    )
    assert [found for _, _, found in found_in(tmp_path, page)] == [
        "402 555\n  0142",
        "\u0664\u0660\u0662 555\n  0142",
    ]


def test_what_tells_a_number_before_its_line_break_or_spaces_is_read_too(
    tmp_path: Path,
) -> None:
    """Review rv6: only the gaps after a number on its line were read, so an address's
    "at" or "on" on the line before it (after a quote's `>` or an indent), a coordinate's
    key or hemisphere's letter before a run of spaces, was lost, and the address or the
    coordinates with it."""
    page = (
        "> She shelters two women at\n> 1420 Elm Street sites nearby.\n\n"
        "> - She lives on\n>   12 Court Street sites.\n\n"
        "> The food bank is at\n> 300 Hotel Way employees entrance.\n\n"
        "> She lives at\n> **1420 Elm Street** sites.\n\n"
        "lat:  41.2565, lon:  -95.9345\n\n"
        "The camp is at N  41.2565, W  95.9345 today.\n\n"
        "- The camp is at N\n  41.2565, W 95.9345 today.\n\n"
        "> Camp lat:\n> 41.2565, lon: -95.9345\n\n"
        "> The camp is at N41.2565,\n> W95.9345 today.\n"
    )
    assert found_in(tmp_path, page) == [
        (2, 3, "1420 Elm Street"),
        (5, 5, "12 Court Street"),
        (8, 3, "300 Hotel Way"),
        (11, 5, "1420 Elm Street"),
        (13, 7, "41.2565, lon:  -95.9345"),
        (15, 16, "N  41.2565, W  95.9345 "),
        (17, 18, "N\n  41.2565, W 95.9345 "),
        (21, 3, "41.2565, lon: -95.9345"),
        (23, 18, "N41.2565,\n> W95.9345 "),
    ]


def test_a_time_or_an_owner_is_read_across_a_quotes_line_break(tmp_path: Path) -> None:
    """Review rv6: "our", "Since" or "In" on the line before a year, in a quote, makes the
    drive or the place after it no address, as it does without the `>`."""
    page = (
        "> Thanks to our\n> 2024 Winter Coat Drive.\n\n"
        "> Since\n> 1999 Calle Luna Health Center has served.\n\n"
        "> Our history.\n> In\n> 2015 Winter Coat Drive raised funds.\n\n"
        "> > Since\n> > 2015 Safe Place has helped.\n"
    )
    assert found_in(tmp_path, page) == []


def test_a_blank_line_ends_the_paragraph(tmp_path: Path) -> None:
    page = "We met 402 555\n\n0142 people.\n\n> In 402 555\n>\n> 0142 cases.\n\n12 Oak\n\nStreet.\n"
    assert found_in(tmp_path, page) == []


def test_a_wrapped_public_number_stays_allowed_and_a_count_no_address(tmp_path: Path) -> None:
    page = (
        "Call the hotline at 1 (888)\n373-7888 or 1-888-373-\n7888, or +44 20\n7946 0000.\n\n"
        "Our 2024 Winter Coat\nDrive and 5 Drug\nCourt programs.\n"
    )
    assert found_in(tmp_path, page, ["1-888-373-7888", "+44 20 7946 0000"]) == []


def test_yaml_blocks_wrapped_over_lines_are_read_where_they_are(tmp_path: Path) -> None:
    """A term's `definition: |` and its folded `short: >` (one line on every page that
    links the term) are wrapped as Markdown is."""
    extra = (
        "short: >\n  Call Jane at 402 555\n  0143 now.\n"
        "aliases:\n  - call Jane at 402\n    555 0144\n"
    )
    term = term_yaml(extra=extra).replace(
        "definition: A person who has experienced trafficking. Second sentence.\n",
        "definition: |\n  A test. Call Jane at 402 555\n  0142 or write to 12 Oak\n  Street.\n",
    )
    config = write_files(tmp_path, {"glossary/survivor.yml": term})
    findings = [f for f in run_checks(config).findings if f.rule == "privacy.pii"]
    assert [(f.line, f.column, f.found) for f in findings] == [
        (4, 24, "402 555\n  0142"),
        (5, 20, "12 Oak\n  Street"),
        (8, 16, "402 555\n  0143"),
        (11, 18, "402\n    555 0144"),
    ]


def test_a_table_files_rows_and_fields_are_not_joined(tmp_path: Path) -> None:
    files = {"index.md": "# Data\n", "counts.tsv": "year\tin\tout\n120\t450\t2024\n"}
    assert privacy_findings(tmp_path, files, []) == []


def test_code_blocks_and_text_files_are_read_line_by_line(tmp_path: Path) -> None:
    """Review rv4: a fixed-width table or a list of numbers in a code block, a `.txt`
    report, a tab-separated `.txt` (Excel's "Text (Tab delimited)") and a column of a
    `.csv` read as phone numbers. A reader sees each line there as a line, and a run of
    spaces or a tab as a gap between columns: each line is read on its own."""
    table = "County       Calls   Tips   Cases\nDouglas        312    455    1420\n"
    page = (
        f"# Numbers\n\n```text\n{table}```\n\n```\n402\n555\n0142\n```\n\n"
        "Indented:\n\n    402\n    555\n    0142\n    Douglas  312  455  1420\n\n"
        "- Reports:\n\n    ```\n    402 555\n    0142\n    ```\n"
    )
    files = {
        "index.md": page,
        "report.txt": "county  calls  tips  cases\nDouglas   312   455   1420\n",
        "b.txt": "Douglas\t312\t455\t1420\r\n",
        "calls.csv": "calls\n402\n555\n0142\n",
        "notes.MD": "Calls by quarter:\n312\n455\n1420\n",
    }
    assert privacy_findings(tmp_path, files, []) == []


def test_a_line_in_code_or_a_text_file_is_still_read(tmp_path: Path) -> None:
    """What a single line holds is found as before, and a paragraph after a code block is
    read wrapped; numbers one per line in a paragraph are shown joined ("312 455 1420"),
    and reported as the reader sees them."""
    page = (
        "# N\n\n```\nCall Jane at 402-555-0142 or write to 12 Oak Street.\n```\n\n"
        "Call her at 402 555\n0143 tonight.\n\nCalls by quarter:\n312\n455\n1420\n"
    )
    files = {"index.md": page, "notes.txt": "Jane\t402-555-0144\n"}
    found = [(f.path, f.line, f.column, f.found) for f in privacy_findings(tmp_path, files, [])]
    assert found == [
        ("content/index.md", 4, 14, "402-555-0142"),
        ("content/index.md", 4, 39, "12 Oak Street"),
        ("content/index.md", 7, 13, "402 555\n0143"),
        ("content/index.md", 11, 1, "312\n455\n1420"),
        ("content/notes.txt", 1, 6, "402-555-0144"),
    ]


def test_a_count_on_the_next_line_of_code_or_a_text_file_makes_no_count(
    tmp_path: Path,
) -> None:
    """Review rv6: a page's code blocks are read as a paragraph first, where the next
    line's plural noun makes an address a count ("12 Oak Street" / "locations 2"); a
    reader sees each line as a line there, as in a text file, and the address is one. A
    latitude and a longitude named by their keys on two lines, as JSON writes them, are
    found there too, and in a wrapped paragraph."""
    page = "# A\n\n```\nAddress   12 Oak Street\nlocations 2\n```\n"
    geo = (
        '# B\n\n```json\n{\n  "lat": 41.2565,\n  "lng": -95.9345\n}\n```\n\n'
        "The shelter (lat: 41.2565,\nlon: -95.9345) is open.\n"
    )
    files = {"index.md": page, "geo.md": geo, "sites.txt": "12 Safe Place\nsites: 3\n"}
    found = [(f.path, f.line, f.column, f.found) for f in privacy_findings(tmp_path, files, [])]
    assert found == [
        ("content/geo.md", 5, 10, '41.2565,\n  "lng": -95.9345'),
        ("content/geo.md", 10, 19, "41.2565,\nlon: -95.9345"),
        ("content/index.md", 4, 11, "12 Oak Street"),
        ("content/sites.txt", 1, 1, "12 Safe Place"),
    ]


def test_soft_breaks_joined_maps_back_to_the_source() -> None:
    text = "> a 402 555 \n>  0142\tb  c\n\nd-\n1"
    joined, source_map = soft_breaks_joined(text)
    assert joined == "> a 402 555\n0142 b c\n\nd-\n1"  # a dash breaks no number here
    start = joined.index("402")
    end = joined.index("0142") + 4
    assert text[source_map.start(start) : source_map.end(end)] == "402 555 \n>  0142"


def test_a_text_read_as_written_shares_the_unchanged_map() -> None:
    """The maps of a text no step rewrites are the one `UNCHANGED` (three new frozen maps
    per file were a fiftieth of a cold scan), and a chain through it is no chain."""
    plain = "Call the hotline.\nNo link, no reference, no gap."
    assert decoded_references(plain)[1] is UNCHANGED
    assert unwrapped_links(plain)[1] is UNCHANGED
    assert soft_breaks_joined(plain)[1] is UNCHANGED
    outer = SourceMap([3], [0, 2])
    assert chained(outer, UNCHANGED) is outer
    inner = soft_breaks_joined("a  402 555")[1]
    assert isinstance(chained(outer, inner), ChainedMap)
    assert SourceMap() == UNCHANGED  # still as new: nothing wrote to it


# Pieces of texts with a written-out mark's end, or almost: brackets without their `t`,
# a `t` without its bracket, an `@`, at the start or at the end; braces, a space inside.
_MARK_PIECES = [*"tT)]}([{a@\uff20 \n", "at)", "DOT]", "t }"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_MARK_PIECES), max_size=12))
def test_a_text_may_write_out_a_mark_where_it_holds_an_end(pieces: list[str]) -> None:
    """`may_write_out_a_mark` looks for a bracket and the `t` before it: it says what a
    search for each of `WRITTEN_OUT_MARK_ENDS` says."""
    text = "".join(pieces)
    assert may_write_out_a_mark(text) == any(end in text for end in WRITTEN_OUT_MARK_ENDS)


# Pieces of texts with a written-out address's hint, or almost: each bracket, `at` and
# `dot` in either case, a dot, an `@` (fullwidth too) by a space or not, a link's `t](`.
_HINT_PIECES = [*"[({)]}@\uff20. \n\tx", "at", "AT", "dot", "t](", "jo"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_HINT_PIECES), max_size=12))
def test_a_written_out_hint_is_looked_for_as_the_whole_pattern_finds_it(
    pieces: list[str],
) -> None:
    """In a text with no `@`, the hint of an address written out is looked for by its
    bracketed alternative alone (`_holds_a_hint`): it says what `_WRITTEN_OUT_HINT`
    says."""
    text = "".join(pieces)
    assert privacy_emails._holds_a_hint(text) == bool(privacy_emails._WRITTEN_OUT_HINT.search(text))


# Pieces of Markdown around emphasis, tags and escapes by data: marks, an escape, tags
# (one with a quoted `>`, one over a line), an `@`, a `;`, an `&`, digits (an Arabic-Indic
# one too), letters, spaces, line breaks, blank lines, a mailbox's punctuation.
_MARKUP_PIECES = [
    *"*_\\<>@;&1a \n.-'+\u0664",
    "**",
    "__",
    "\\*",
    "<b>",
    "</b>",
    '<span title="a>b">',
    "<span\nclass=x>",
    "<span\n \nclass=x>",
    "\n\n",
    "\n \t\r\n",
]
# privacy_markdown's patterns as first written, which the engine tried at each character.
_SPLITS_AS_WRITTEN = re.compile(rf"\\[!-/:-@\[-_{{-}}]|{HTML_TAG}|(?P<marks>\*++|_++)")
_MARKS_BY_DATA_AS_WRITTEN = re.compile(r"[*_][\d@]|[\d@][*_]|\*[\w.+'-]*+[@&]|[@;][\w.-]*+\*")
_MARK_RUNS_AS_WRITTEN = re.compile(r"\\[!-/:-@\[-_{-}]|(?P<blank>\n[ \t]*+\r?\n)|(?P<run>\*++|_++)")


def _splits_in_each_paragraph(text: str) -> list[tuple[int, int]]:
    """What `_MARKDOWN_SPLITS` finds in `text` searched paragraph by paragraph."""
    spans: list[tuple[int, int]] = []
    paragraph_start = 0
    for blank in (*re.finditer(r"\n[ \t]*+\r?\n", text), None):
        paragraph_end = len(text) if blank is None else blank.start()
        found = _MARKDOWN_SPLITS.finditer(text, paragraph_start, paragraph_end)
        spans += (split.span() for split in found)
        paragraph_start = paragraph_end if blank is None else blank.end()
    return spans


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_MARKUP_PIECES), max_size=16))
def test_markdown_splits_are_found_as_the_patterns_first_written_find_them(
    pieces: list[str],
) -> None:
    """`_MARKDOWN_SPLITS`, `_MARKS_BY_DATA` and `_MARK_RUNS`, rewritten for the engine
    to skip to their first characters, find what they found as first written, and the
    first character of what they find tells which alternative found it, as the groups
    did; and the splits found in the whole text at once (`_splits_found`) are those found
    paragraph by paragraph, a tag over a blank line too, and without marks the same but
    marks."""
    text = "".join(pieces)
    found = [(match.span(), match.group("tag_name")) for match in _MARKDOWN_SPLITS.finditer(text)]
    written = list(_SPLITS_AS_WRITTEN.finditer(text))
    assert found == [(match.span(), match.group("tag_name")) for match in written]
    for match in written:
        assert (match.group("marks") is not None) == (text[match.start()] in "*_")
        assert (match.group("tag") is not None) == (text[match.start()] == "<")
    by_data = _MARKS_BY_DATA_AS_WRITTEN.search(text) is not None
    assert (_MARKS_BY_DATA.search(text) is not None) == by_data
    in_each_paragraph = _splits_in_each_paragraph(text)
    assert [split.span() for split in _splits_found(text)] == in_each_paragraph
    but_marks = [span for span in in_each_paragraph if text[span[0]] not in "*_"]
    assert [split.span() for split in _splits_found(text, _TAGS_AND_ESCAPES)] == but_marks
    runs = [(match.span(), text[match.start()]) for match in _MARK_RUNS.finditer(text)]
    written_runs = list(_MARK_RUNS_AS_WRITTEN.finditer(text))
    assert runs == [(match.span(), text[match.start()]) for match in written_runs]
    for match in written_runs:
        assert (match.group("blank") is not None) == (text[match.start()] == "\n")
        assert (match.group("run") is not None) == (text[match.start()] in "*_")


@pytest.mark.parametrize(
    "text",
    [
        ")jane [at] gmail [dot] com",  # a bracket first, with nothing before it
        "]] x (at)",
        "jane (AT) gmail",
        "jane\uff20gmail.com",
        "(dot]",
    ],
)
def test_a_written_out_mark_after_other_brackets_is_found(text: str) -> None:
    assert may_write_out_a_mark(text)


def test_an_ascii_text_has_its_numbers_found_as_any_text_has() -> None:
    """`soft_breaks` looks for numbers in an ASCII text by a byte table and `bytes.find`,
    faster than the pattern: it finds the same, whatever ASCII character comes before and
    after a digit, at the start of the text and on a last line with no line break."""
    characters = [chr(code) for code in range(128)]
    text = "".join(
        f"{before}{digit}{after}\n"
        for before in characters
        for after in characters
        for digit in "05"
    )
    text += "order_12 x\n_5 Oak\nB12 x\n\t 7\n"
    assert text.isascii()
    for written in (text, f"7 {text}9 x", "1", "", "a1", "x\n\n2"):
        ascii_numbers = list(_ascii_numbers(written, written.encode("ascii")))
        assert ascii_numbers == [found.span() for found in _FROM_A_DIGIT.finditer(written)]
    assert len(list(_ascii_numbers(text, text.encode("ascii")))) > len(characters) ** 2


# Characters past ASCII that no gap, dash or digit is made of: typographic punctuation as
# word processors write it, letters and marks of other scripts, a number's symbols.
_PLAIN_PAST_ASCII = (
    "\u2019\u2018\u201c\u201d\u2014\u2026\u00e9\u00df\u0416\u0301\u00b2\u2163\u20ac\u00bd"
)


def test_a_text_past_ascii_has_its_numbers_found_as_the_pattern_finds_them() -> None:
    """A text with curly apostrophes, accented letters, an em dash... has its numbers
    found by the byte table too (`_ascii_shadow`): a digit after a letter past ASCII
    ("\u00e95", "\u04165") starts none, after a mark or a symbol one does."""
    characters = [chr(code) for code in range(128)] + list(_PLAIN_PAST_ASCII)
    text = "".join(
        f"{before}{digit}{after}\n"
        for before in characters
        for after in characters
        for digit in "05"
    )
    for written in (text, f"\u00e97 {text}9 \u2019", "\u20191", "\u00e91", "x\n\n\u00b22"):
        shadow = soft_breaks._ascii_shadow(written)
        assert shadow is not None
        ascii_numbers = list(_ascii_numbers(written, shadow))
        assert ascii_numbers == [found.span() for found in _FROM_A_DIGIT.finditer(written)]
    for space_dash_or_digit in ("\u00a0", "\u2013", "\u2212", "\u0664", "\uff14", "\u2028"):
        assert soft_breaks._ascii_shadow(f"it\u2019s 5{space_dash_or_digit}") is None


def test_a_page_with_curly_apostrophes_has_its_numbers_found_at_c_speed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page pasted from a word processor (curly apostrophes and quotes) has its numbers
    found by `bytes.find`, not by the engine testing each character (spd66: it made
    privacy.pii's pass over such a page twice as slow)."""

    class Unsearched:
        def finditer(self, text: str) -> None:
            raise AssertionError("the pattern searched the page")

    monkeypatch.setattr(soft_breaks, "_FROM_A_DIGIT", Unsearched())
    text = "It\u2019s \u201cfree\u201d: call 402 555\n  0123 \u2014 Caf\u00e9 hours 9\u20135."
    text = text.replace("\u2013", "-")
    assert [gap.span() for gap in soft_breaks._gaps_by_numbers(text, False)] == [(25, 28)]


# What the texts of the gaps' property test are made of: numbers, words, each gap (a tab,
# runs of spaces, line breaks with an indent, a quote's `>`, a CRLF, a blank line) and
# the marks of a number's lead-in; a Unicode space too, which the pattern finds numbers in.
_GAP_PIECES = (
    "402", "555-0199", "7", "-", ".", "word", "at", "lat:", "**", "_", "'", "=", " ", " ",
    "  ", "   ", "\t", "\n", "\n  ", "\n    ", "\n\n", "\n> ", "\n>\n", "\r\n", " \r\n ",
    "\u00a0", "\u3000", "a long line of words after the number on it, ",
    "\u2019", "\u201c", "\u2014", "\u2013", "\u00e9", "\u00e95", "\u0664", "\u00b2",
)  # fmt: skip


def _gaps_searched_on(text: str, lines_on: bool) -> list[tuple[int, int]]:
    """The spans of `_gaps_by_numbers` as first written: each number's line searched for
    gaps up to the first that starts after its end, however far the line after it goes
    on."""
    numbers = soft_breaks._FROM_A_DIGIT.finditer(text)
    spans: list[tuple[int, int]] = []
    read_to = 0
    for start, line_end in (found.span() for found in numbers):
        if start > 1 and soft_breaks._may_have_a_lead_in(text, start):
            start = soft_breaks._lead_in_start(text, start)
        start = max(start, read_to)
        plain = soft_breaks._ascii_shadow(text) is not None  # no space, dash, digit past it
        if not plain or soft_breaks._may_hold_a_gap(text, start, line_end):
            for gap in soft_breaks._GAP.finditer(text, start):
                if gap.start() > line_end:
                    break
                read_to = gap.end()
                spans.append(gap.span())
        if lines_on:
            for gap in soft_breaks._line_ends_on(text, line_end):
                read_to = gap.end()
                spans.append(gap.span())
    return spans


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_GAP_PIECES), max_size=24), st.booleans())
def test_the_gaps_by_numbers_are_those_the_search_of_each_whole_line_finds(
    pieces: list[str], lines_on: bool
) -> None:
    """`_gaps_by_numbers` stops at the gap that reads a number's line's end, not asking
    for the one after it (on the next line, which the engine searched to its end): the
    gaps are those found searching on."""
    text = "".join(pieces)
    found = [gap.span() for gap in soft_breaks._gaps_by_numbers(text, lines_on)]
    assert found == _gaps_searched_on(text, lines_on)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_GAP_PIECES), max_size=24))
@example(["\n> ", "**", "\n\n", "402"])  # a lead-in over lines (review rv65g)
def test_the_gaps_read_otherwise_are_those_of_every_gap_after_a_number(
    pieces: list[str],
) -> None:
    """The gaps `_may_hold_a_gap` skips, in ASCII and in a text whose characters past
    ASCII are no space, dash or digit (`_ascii_shadow`), are read as written: the gaps
    read otherwise are those found searching every number's line with the pattern."""
    text = "".join(pieces)
    found = list(soft_breaks._gaps(text, []))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(soft_breaks, "_ascii_shadow", lambda text: None)
        assert found == list(soft_breaks._gaps(text, []))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Write to [Jane](mailto:jane%40gmail.com).", [("e-mail address", "jane%40gmail.com")]),
        (
            "[Jane](MAILTO:jane%2Edoe%40gmail%2Ecom?subject=Hi)",
            [("e-mail address", "jane%2Edoe%40gmail%2Ecom")],
        ),
        (
            '<a href="mailto:a%40x.org,b@y.org,c%40z.org">mail</a>',
            [("e-mail address", "a%40x.org"), ("e-mail address", "c%40z.org")],
        ),
        # Session 54: the addresses a mailto: link's query copies the mail to (`to`,
        # `cc`, `bcc`) were not read where escaped, nor those its subject or body hold.
        (
            "[Us](mailto:help@coalition.org?cc=bo%40example.org&subject=Hi%20all)",
            [("e-mail address", "bo%40example.org")],
        ),
        (
            '<a href="mailto:?to=cy%40x.org%2Cdee%40y.org&amp;BCC=eve%40z.org">us</a>',
            [
                ("e-mail address", "cy%40x.org"),
                ("e-mail address", "dee%40y.org"),
                ("e-mail address", "eve%40z.org"),
            ],
        ),
        ("[Us](mailto:help@coalition.org?cc=fay@x.org&body=Hi%20there)", []),  # as text
        # Review rv54c: the escaped space after a comma is no part of the address.
        (
            "[Us](mailto:?to=a%40x.org%2C%20b%40y.org)",
            [("e-mail address", "a%40x.org"), ("e-mail address", "b%40y.org")],
        ),
        # An escaped address in its subject or body, which the mail is written with.
        (
            "[Us](mailto:help@coalition.org?subject=From%20gus%40x.org&body=Hi%2C%20hal%40y.org)",
            [("e-mail address", "gus%40x.org"), ("e-mail address", "hal%40y.org")],
        ),
        ("[tel](tel:402%20555%200142)", [("phone number", "402%20555%200142")]),
        ("[tel](tel:402%2D555%2D0142)", [("phone number", "402%2D555%2D0142")]),
        (
            "[sms](sms://+14025550142) [c](callto:%2B14025550142)",
            [
                ("phone number", "+14025550142"),
                ("phone number", "%2B14025550142"),
            ],
        ),
        ("[viber](viber://chat?number=%2B14025550142)", [("phone number", "%2B14025550142")]),
        # written plainly, read as text (`find_personal_data`): no second finding
        ("[Jane](mailto:jane@gmail.com) [t](tel:+14025550142) [s](sms:4025550142)", []),
        ("[t](tel:%2B1) [m](mailto:no%20address)", []),
    ],
)
def test_escaped_mail_and_call_links_are_read_unquoted(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = [(kind, text[start:end]) for kind, start, end, _ in find_personal_data_in_urls(text)]
    assert found == expected


def test_an_escaped_link_is_compared_with_the_allow_list_unquoted(tmp_path: Path) -> None:
    page = (
        "[Us](mailto:info%40coalition.org) [Jane](mailto:jane%40gmail.com)\n"
        "[Us](mailto:?cc=info%40coalition.org)\n"
    )
    assert found_in(tmp_path, page, ["info@coalition.org"]) == [(1, 49, "jane%40gmail.com")]


def test_a_number_escaped_in_a_mailto_links_subject_or_body_is_read(tmp_path: Path) -> None:
    # Review rv54c: a number in a mailto: link's body, after an escaped space, was
    # published unreported; the public hotline there stays public.
    page = (
        "[Us](mailto:help@coalition.org?body=Call%20me%20at%20402-555-0199)\n"
        "[Us](mailto:help@coalition.org?subject=Call%201-888-373-7888&body=Hi)\n"
    )
    allow = ["help@coalition.org", "1-888-373-7888"]
    assert found_in(tmp_path, page, allow) == [(1, 54, "402-555-0199")]


def test_an_address_with_its_at_escaped_in_prose_or_twice_in_a_link_is_read(
    tmp_path: Path,
) -> None:
    # Session 55: `%40` for the `@` in prose (pasted from an address bar) is read by any
    # reader, and copied into a mail program; `%2540`, escaped twice (an exporter's escape
    # escaped again), in a link too: each was published unreported. Found once, where
    # a link's own reading finds it; a public one stays public.
    page = (
        "Write jane%40example.org or help%40coalition.org today.\n\n"
        "[x](mailto:jo%2540example.org) [y](https://forms.example.net/f?email=al%2540x.org)\n\n"
        "[z](mailto:lee%40example.org) and help%252540coalition.org.\n"
    )
    assert found_in(tmp_path, page, ["help@coalition.org"]) == [
        (1, 7, "jane%40example.org"),
        (3, 12, "jo%2540example.org"),
        (3, 70, "al%2540x.org"),
        (5, 12, "lee%40example.org"),
    ]


def test_a_number_written_with_the_letter_o_for_a_zero_is_read(tmp_path: Path) -> None:
    # Session 55: a number pasted from OCR or typed with a capital O for a zero
    # (`4O2-555-O148`) is dialled by any reader, as written with its zeros: it was
    # published unreported. A chemical's or a product's name (H2O, CO2, O2) is none; an
    # allowed number so written stays public.
    page = (
        "Call 4O2-555-O148 or (4O2) 555-0147 today.\n\n"
        "Not: H2O, CO2, O2 and NO2 levels; the O-1 visa; 1-800-373-7888 and 1-8OO-373-7888.\n"
    )
    assert found_in(tmp_path, page, ["1-800-373-7888"]) == [
        (1, 6, "4O2-555-O148"),
        (1, 22, "(4O2) 555-0147"),
    ]


def test_a_number_or_address_escaped_in_an_sms_links_body_is_read(tmp_path: Path) -> None:
    # Session 55: an `sms:` link's body is the message the phone writes, as a `mailto:`
    # link's is: a number or an address escaped in it was published unreported, with `?`
    # or iOS's `&` before it; the public hotline it is sent to stays public.
    page = (
        "[Text](sms:+14025550100?body=call%20402-555-0199)\n"
        "[Text](sms:+14025550100&body=write%20jo%40gmail.com)\n"
        "[Text](sms:+14025550100?body=Call%201-888-373-7888%20now)\n"
    )
    allow = ["+1 402 555 0100", "1-888-373-7888"]
    assert found_in(tmp_path, page, allow) == [(1, 37, "402-555-0199"), (2, 38, "jo%40gmail.com")]


def test_a_plus_after_a_letter_or_digit_in_a_links_body_is_a_space(tmp_path: Path) -> None:
    # Task priv7: in a form-encoded query a `+` is a space, as mail and SMS programs
    # write it: a number after one was skipped, and a body without a `%` was not read.
    # A `+` after no letter or digit stays the number's own (a country code).
    page = (
        "[x](mailto:help@coalition.org?body=Call+402-555-0199)\n"
        "[x](mailto:help@coalition.org?subject=Hi&body=Call+me+at+402+555+0198+now)\n"
        "[Text](sms:+14025550100?body=call+402-555-0197)\n"
        "[x](mailto:help@coalition.org?body=Call%20+44%2020%207946%200958)\n"
        "[x](mailto:help@coalition.org?body=Call+1-888-373-7888+now)\n"
    )
    allow = ["help@coalition.org", "+1 402 555 0100", "1-888-373-7888"]
    assert found_in(tmp_path, page, allow) == [
        (1, 41, "402-555-0199"),
        (2, 58, "402+555+0198"),
        (3, 35, "402-555-0197"),
        (4, 43, "+44%2020%207946%200958"),
    ]


def test_a_plus_for_a_space_before_an_escaped_address_in_a_links_body_is_no_part_of_it(
    tmp_path: Path,
) -> None:
    # Task priv8: `body=write+jo%40gmail.com` was quoted as `write+jo%40gmail.com`, its
    # message showing `w***%40gmail.com`, and a public address so written was reported.
    # A `+` after a letter or a digit in a body or a subject is a space (task priv7).
    page = (
        "[x](mailto:help@coalition.org?body=write+jo%40gmail.com)\n"
        "[x](mailto:help@coalition.org?subject=to+ann%40gmail.com+now)\n"
        "[Text](sms:+14025550100?body=write+cy%40gmail.com)\n"
    )
    allow = ["help@coalition.org", "+1 402 555 0100", "cy@gmail.com"]
    findings = privacy_findings(tmp_path, {"index.md": page}, allow)
    assert [(f.line, f.column, f.found, f.message.split("'")[1]) for f in findings] == [
        (1, 42, "jo%40gmail.com", "j***%40gmail.com"),
        (2, 42, "ann%40gmail.com", "a***%40gmail.com"),
    ]


def test_a_plus_for_a_space_before_an_address_in_a_links_body_is_no_part_of_it(
    tmp_path: Path,
) -> None:
    # Task priv8: written plainly too (`body=write+jo@gmail.com`), the address in a body
    # was quoted with what its `+` ends, and a public one so written reported; a `+` in
    # a mailbox a link lists, or in prose, is the mailbox's.
    page = (
        "[x](mailto:help@coalition.org?body=write+jo@gmail.com)\n"
        "[x](mailto:help@coalition.org?subject=Hi&body=write+ann@gmail.com+now)\n"
        "[x](mailto:help@coalition.org?cc=cy+x@gmail.com) or write+di@gmail.com\n"
    )
    allow = ["help@coalition.org", "jo@gmail.com"]
    assert found_in(tmp_path, page, allow) == [
        (2, 53, "ann@gmail.com"),
        (3, 34, "cy+x@gmail.com"),
        (3, 53, "write+di@gmail.com"),
    ]


def test_an_address_privacy_allow_lists_with_its_plus_stays_public_in_a_links_body(
    tmp_path: Path,
) -> None:
    # Review rv56b: read from after a `+` that may stand for a space, a public address
    # whose mailbox has its own `+` (`team+intake@`) was reported as `intake@...`, where
    # it was public before; what follows no `+` of a listed one is still read.
    page = (
        "[x](mailto:?body=Hi%20team+intake@coalition.org)\n"
        "[x](mailto:?body=Write+to+team+intake@coalition.org+now)\n"
        "[x](mailto:?body=Write+to+jo+x@gmail.com)\n"
        "[x](mailto:?body=Hi%20team+intake%40coalition.org)\n"
        "[x](mailto:?body=Write+to+team+intake%40coalition.org+now)\n"
        "[x](mailto:?body=Write+to+jo+x%40gmail.com)\n"
    )
    allow = ["team+intake@coalition.org"]
    assert found_in(tmp_path, page, allow) == [(3, 30, "x@gmail.com"), (6, 30, "x%40gmail.com")]


def test_an_sms_links_body_after_the_old_android_semicolon_is_read(tmp_path: Path) -> None:
    # Task priv7: older Android phones write `sms:<number>;?&body=...`: its body was unread.
    page = (
        "[Text](sms:+14025550100;?&body=call%20402-555-0199)\n"
        "[Text](sms:+14025550100;?&body=write%20jo%40gmail.com)\n"
        "[Text](sms:+14025550100;?&body=call+402-555-0198)\n"
    )
    allow = ["+1 402 555 0100"]
    assert found_in(tmp_path, page, allow) == [
        (1, 39, "402-555-0199"),
        (2, 40, "jo%40gmail.com"),
        (3, 37, "402-555-0198"),
    ]


def test_an_escaped_address_in_prose_is_not_said_to_be_in_a_link(tmp_path: Path) -> None:
    # Task priv7: `jo%40gmail.com` written in prose was said to be "in a link".
    page = "Write to jo%40gmail.com today.\n\n[x](mailto:ann%2540gmail.com)\n"
    findings = privacy_findings(tmp_path, {"index.md": page}, [])
    assert [(f.found, " in a link " in f.message) for f in findings] == [
        ("jo%40gmail.com", False),
        ("ann%2540gmail.com", True),
    ]


def test_a_number_in_parentheses_in_a_markdown_links_body_is_read(tmp_path: Path) -> None:
    # Session 55: a Markdown link's destination holds balanced parentheses
    # (`?body=Call%20(402)%20555-0199`), which ended the link's query at the first `)`.
    page = (
        "[x](mailto:help@coalition.org?body=Call%20(402)%20555-0199)\n"
        '<a href="mailto:help@coalition.org?body=Call%20(402)%20555-0198">x</a>\n'
    )
    assert found_in(tmp_path, page, ["help@coalition.org"]) == [
        (1, 43, "(402)%20555-0199"),
        (2, 48, "(402)%20555-0198"),
    ]


def test_the_hex_digits_of_an_escape_are_no_part_of_an_address_after_it(tmp_path: Path) -> None:
    # Review rv54c: an address written plainly after an escape in a mailto: link
    # (`,%20` between two, `%0A` in its body) was read with the escape's hex digits
    # (`20intake@shelter.org`), and the public one reported as another address; one
    # its query lists was found twice, with the escape and with its digits.
    page = (
        "[Us](mailto:info@coalition.org,%20intake@shelter.org)\n"
        "[Us](mailto:info@coalition.org?body=Hi%0Aintake@shelter.org%2Cinfo@coalition.org)\n"
        "[Us](mailto:info@coalition.org?cc=intake@shelter.org,%20jo@gmail.com)\n"
    )
    allow = ["info@coalition.org", "intake@shelter.org"]
    assert found_in(tmp_path, page, allow) == [(3, 57, "jo@gmail.com")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Write to jane [at] gmail [dot] com today.", ["jane [at] gmail [dot] com"]),
        ("Write to jane(at)gmail(dot)com today.", ["jane(at)gmail(dot)com"]),
        ("Write to Jane.Doe (AT) gmail.com today.", ["Jane.Doe (AT) gmail.com"]),
        ("Write to jane.doe @ gmail.com today.", ["jane.doe @ gmail.com"]),
        ("Write to jane\uff20gmail.com today.", ["jane\uff20gmail.com"]),
        ("Write to jane@gmail[dot]co[dot]uk today.", ["jane@gmail[dot]co[dot]uk"]),
        # too vague to tell from prose; a website after a spaced `@`; a file name
        ("Write to jane at gmail dot com today.", []),
        ("Find us @ www.coalition.org, or logo [at] 2x [dot] png.", []),
        # review rv4: a website after a word and a spaced `@`, with a path or without
        ("Find us online @ nebraskacoalition.org or donate @ givebutter.com/nhtc.", []),
        ("Follow us @ coalition.ne, visit @ shop.coalition.org/x", []),
        (
            "Write to jane_doe @ gmail.com or jdoe2 @ yahoo.com.",
            ["jane_doe @ gmail.com", "jdoe2 @ yahoo.com"],
        ),
        ("Write to jane.doe @ gmail.com/ or j.doe @ x.org/jane.", ["jane.doe @ gmail.com"]),
        (  # a fullwidth `＠` read as `@` (task priv8): found written plainly, first
            "Write to jane [at] gmail [dot] com or jane＠gmail.com.",
            ["jane＠gmail.com", "jane [at] gmail [dot] com"],
        ),
        # task priv8: braces, a bracketed `@` or dot (defanged), a space inside brackets
        ("Write to jane {at} gmail {dot} com today.", ["jane {at} gmail {dot} com"]),
        ("Write to jane[@]gmail[.]com or ann(@)x.org.", ["jane[@]gmail[.]com", "ann(@)x.org"]),
        ("Write to jane@gmail[.]com today.", ["jane@gmail[.]com"]),
        ("Write to jane [ at ] gmail [ dot ] com.", ["jane [ at ] gmail [ dot ] com"]),
        ("See the list (etc.) [at] the office, or logo[@]2x[.]png.", []),
        # review rv6: wrapped over a line, as a paragraph reads it; not over a blank one
        ("Write to jane [at]\ngmail [dot] com today.", ["jane [at]\ngmail [dot] com"]),
        ("Write to jane [at] gmail\n[dot] com today.", ["jane [at] gmail\n[dot] com"]),
        ("Write to jane.doe @\ngmail.com today.", ["jane.doe @\ngmail.com"]),
        ("Write to jane.doe\n@ gmail.com today.", ["jane.doe\n@ gmail.com"]),
        ("Write to jane [at]\n\ngmail [dot] com today.", []),
        ("Find us online\n@ coalition.org today.", []),
    ],
)
def test_email_addresses_written_out_are_reported(text: str, expected: list[str]) -> None:
    assert personal(text) == [("e-mail address", found) for found in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # differential fuzzing: Markdown's `_` emphasis around an address hid it whole
        ("Write to _jane@gmail.com_ today.", ["jane@gmail.com"]),
        (
            "Write to __jane.doe+shelter@mail.example.co.uk__ today.",
            ["jane.doe+shelter@mail.example.co.uk"],
        ),
        ("Escriba a _josé@correo.es_, hoy.", ["josé@correo.es"]),
        ("Write to _jane [at] gmail [dot] com_ today.", ["jane [at] gmail [dot] com"]),
        ("Write to _jane(at)gmail(dot)com_ today.", ["jane(at)gmail(dot)com"]),
        ("Write to _jane\uff20gmail.com_ today.", ["jane\uff20gmail.com"]),
        # an identifier's `_` or a word after the address is still no boundary
        ("See case_id_jane@gmail.com_x and jane@gmail.com_2.", []),
    ],
)
def test_an_address_in_underscore_emphasis_is_reported(text: str, expected: list[str]) -> None:
    assert personal(text) == [("e-mail address", found) for found in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # differential fuzzing: RFC 5322 allows an apostrophe in the mailbox, as Irish
        # and Italian surnames have it; the address was found from after it, which the
        # finding's column and masked quote left out
        ("Write to o'brien@gmail.com today.", ["o'brien@gmail.com"]),
        ("Write to Sean.O'Brien+tips@mail.example.ie.", ["Sean.O'Brien+tips@mail.example.ie"]),
        ("Write to d'angelo [at] example [dot] it today.", ["d'angelo [at] example [dot] it"]),
        # quotes around an address are no part of it
        ("Write to 'jane@gmail.com' or ‘jane@gmail.com’.", ["jane@gmail.com", "jane@gmail.com"]),
    ],
)
def test_an_apostrophe_in_the_mailbox_is_part_of_the_address(
    text: str, expected: list[str]
) -> None:
    assert personal(text) == [("e-mail address", found) for found in expected]


def test_an_address_written_out_is_compared_with_the_allow_list_plainly(tmp_path: Path) -> None:
    page = "Write to Info [at] Coalition [dot] org or jane(at)gmail(dot)com.\n"
    assert found_in(tmp_path, page, ["info@coalition.org"]) == [(1, 43, "jane(at)gmail(dot)com")]


def test_an_address_written_out_is_read_wrapped_in_a_quote_or_a_list(tmp_path: Path) -> None:
    """Review rv6: a quote's `>` and a list item's indent on the next line are markup, and
    a wrapped address listed in privacy.allow is public as written on one line."""
    page = (
        "> Write to jane [at]\n> gmail [dot] com today.\n\n"
        "- Write to jane.doe\n  @ gmail.com today.\n\n"
        "> Or to info [at]\n> coalition [dot] org.\n"
    )
    assert found_in(tmp_path, page, ["info@coalition.org"]) == [
        (1, 12, "jane [at]\n> gmail [dot] com"),
        (4, 12, "jane.doe\n  @ gmail.com"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a US directional before the street's name (USPS Publication 28)
        ("She lives at 4500 SW 5th Avenue.", ["4500 SW 5th Avenue"]),
        (
            "She lives at 12 N.E. Oak Street and 7 NW Elm St.",
            ["12 N.E. Oak Street", "7 NW Elm St."],
        ),
        # a count before a programme's name: no house number
        ("There are over 20,000 Safe Place locations nationwide.", []),
        ("Our county has 12 Safe Place sites; we trained 300 Hotel Way employees.", []),
        ("The 40 Main Street programs in the state, 1.5 Oak Street", []),
        # but an address with something after it that is no count
        (
            "Go to 12 Safe Place, Omaha. The 12 Oak Street residents",
            ["12 Safe Place", "12 Oak Street"],
        ),
        # review rv4: the people after a shelter's address are no count of places, and an
        # address's word before the number wins over the count
        (
            "Jane shelters two women at 1420 Elm Street\nsurvivors there need rides.",
            ["1420 Elm Street"],
        ),
        (
            "The 1420 Elm Street volunteers; the 14 Oak Street clients, staff and survivors",
            ["1420 Elm Street", "14 Oak Street"],
        ),
        (
            "Mail forms to 12 Oak Street programs, or Address: 40 Main Street sites",
            ["12 Oak Street", "40 Main Street"],
        ),
        ("We run 12 Safe Place branches and 3 Main Street chapters.", []),
    ],
)
def test_street_addresses_told_from_counts(text: str, expected: list[str]) -> None:
    assert personal(text) == [("street address", found) for found in expected]


def test_a_public_numbers_extension_is_reported_in_any_writing(tmp_path: Path) -> None:
    """An extension of a public number reaches one person's desk: reported unless listed
    with it, however written, and quoted with it."""
    page = (
        "Call 1-888-373-7888x12, 1-888-373-7888 x 12, 1-888-373-7888 ext. 12 or\n"
        "+44 20 7946 0000 Ext 12; 202-555-0100 extension 4 and 202-555-0100x4.\n"
    )
    allow = ["1-888-373-7888", "+44 20 7946 0000", "Intake: 202-555-0100 ext. 4"]
    findings = privacy_findings(tmp_path, {"index.md": page}, allow)
    assert [(f.found, "which privacy.allow lists" in f.message) for f in findings] == [
        ("1-888-373-7888x12", True),
        ("1-888-373-7888 x 12", True),
        ("1-888-373-7888 ext. 12", True),
        ("+44 20 7946 0000 Ext 12", True),
    ]
    # Review rv4: it asked to list the masked quote ('... ext. **'), which cannot be copied.
    assert findings[2].message == (
        "'1-888-373-7888 ext. **' looks like a personal phone number: what is written right "
        "after '1-888-373-7888', which privacy.allow lists, reads as its direct line or "
        "extension; remove that, or list the number with it, as written at this line and "
        "column, under privacy.allow if it is public"
    )


def test_an_allowed_street_allows_its_abbreviation_and_its_units(tmp_path: Path) -> None:
    """A street type is compared as the US Postal Service abbreviates it; a unit after an
    allowed street is the public office's (its suite, its floor)."""
    page = (
        "Visit 100 Main St., 100 Main St Apt 4, 100 Main Street, Suite 4, 12 Oak Avenue\n"
        "or 12 Oak Ave. Not 101 Main St. or 100 Main Rd.\n"
    )
    allow = ["100 Main Street", "12 Oak Ave"]
    assert [found for _, _, found in found_in(tmp_path, page, allow)] == [
        "101 Main St.",
        "100 Main Rd.",
    ]


def test_an_allowed_uk_street_allows_its_abbreviation(tmp_path: Path) -> None:
    """A UK audit: a crescent, gardens and a terrace as the UK abbreviates them."""
    page = "Visit 5 Park Cres., 7 Elm Gardens, 3 Bath Terrace or 3 Bath Ter. Not 6 Park Cres.\n"
    allow = ["5 Park Crescent", "7 Elm Gdns", "3 Bath Tce"]
    assert [found for _, _, found in found_in(tmp_path, page, allow)] == ["6 Park Cres."]


def test_an_allowed_uk_close_grove_or_parade_allows_its_abbreviation(tmp_path: Path) -> None:
    """A UK audit (uk59): a close, a grove and a parade as the UK abbreviates them."""
    page = "Visit 4 Ash Cl, 9 Oak Gro, 9 Oak Gr. or at 2 Mill Parade. Not 5 Ash Cl, 3 Mill Pde.\n"
    allow = ["4 Ash Close", "9 Oak Grove", "2 Mill Pde"]
    found = [found for _, _, found in found_in(tmp_path, page, allow)]
    assert found == ["5 Ash Cl", "3 Mill Pde."]


def test_an_allowed_street_allows_each_writing_of_its_directional(tmp_path: Path) -> None:
    """Review rv4: `4500 SW 5th Avenue` listed, `S.W.` and `Southwest` were reported; a
    directional is compared as USPS abbreviates it, as a street type is."""
    page = (
        "Visit 4500 S.W. 5th Avenue, 4500 Southwest 5th Ave. or 4500 SW 5th Avenue;\n"
        "12 North Oak Street or 12 N. Oak St. Not 4500 SE 5th Avenue or 12 South Oak Street.\n"
    )
    allow = ["4500 SW 5th Avenue", "12 N Oak Street"]
    assert [found for _, _, found in found_in(tmp_path, page, allow)] == [
        "4500 SE 5th Avenue",
        "12 South Oak Street",
    ]


def test_numbers_in_arabic_and_persian_digits_are_read_as_in_ascii_ones(tmp_path: Path) -> None:
    """An Arabic or Persian page writes its numbers in Arabic-Indic (٠-٩) or Extended
    Arabic-Indic (۰-۹) digits: found as the same number in ASCII digits would be (a trunk
    `0`, ten digits together, a `00` for `+`), quoted as written; a public one is still
    the allow list's, whatever its digits."""
    page = (
        "رقم ٠٦١٢٣٤٥٦٧٨ هنا.\n\nشماره ۰۹۱۲۳۴۵۶۷۸۹ اینجا.\n\nرقم ٥٥٥٢٣٤٥٦٧٨ هنا.\n\n"
        "رقم ٠٠٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨ هنا.\n\nخط المساعدة ١-٨٨٨-٣٧٣-٧٨٨٨ أو ۲۳۳۷۳۳.\n"
    )
    assert found_in(tmp_path, page, ["1-888-373-7888", "233733"]) == [
        (1, 5, "٠٦١٢٣٤٥٦٧٨"),
        (3, 7, "۰۹۱۲۳۴۵۶۷۸۹"),
        (5, 5, "٥٥٥٢٣٤٥٦٧٨"),
        (7, 5, "٠٠٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨"),
    ]
    assert personal("رقم ٠٦١٢٣٤٥٦٧٨") == [("phone number", "٠٦١٢٣٤٥٦٧٨")]


@pytest.mark.parametrize("zero", ["\u0966", "\u09e6", "\uff10", "\U0001d7ce"])
def test_numbers_in_any_script_s_digits_are_read_as_in_ascii_ones(
    tmp_path: Path, zero: str
) -> None:
    """Review rv40: in Devanagari, Bengali or fullwidth digits (a Hindi, Bengali or
    Japanese page) 555-123-4567 was found, as `\\d` reads them, but 0612345678 and
    5552345678 were not, as the patterns name ASCII digits: read alike, as Arabic ones are."""

    def written(number: str) -> str:
        return "".join(chr(ord(zero) + int(c)) if c.isdigit() else c for c in number)

    page = f"Call {written('0612345678')}.\n\nCall {written('5552345678')}.\n\n"
    page += f"Call {written('1-888-373-7888')}.\n"
    assert found_in(tmp_path, page, ["1-888-373-7888"]) == [
        (1, 6, written("0612345678")),
        (3, 6, written("5552345678")),
    ]


def test_numbers_and_addresses_in_fullwidth_forms_are_read_as_ascii_ones(tmp_path: Path) -> None:
    # Task priv8: typed with a Japanese or Chinese input method, a number's fullwidth
    # hyphen or brackets (`４０２－５５５－０１９９`) and an address's fullwidth letters and
    # dot (`ｊｏ＠ｇｍａｉｌ．ｃｏｍ`) were read as no separator, no letter: published
    # unreported, though its fullwidth digits and `＠` were read. A public one stays public.
    page = (
        "Call ４０２－５５５－０１９９ or （４０２）５５５－０１９８"
        " or ＋４４ ２０ ７９４６ ０９５８.\n\n"
        "Write to ｊｏ＠ｇｍａｉｌ．ｃｏｍ or ｈｅｌｐ＠ｃｏａｌｉｔｉｏｎ．ｏｒｇ.\n"
    )
    assert found_in(tmp_path, page, ["help@coalition.org"]) == [
        (1, 6, "４０２－５５５－０１９９"),
        (1, 22, "（４０２）５５５－０１９８"),
        (1, 39, "＋４４ ２０ ７９４６ ０９５８"),
        (3, 10, "ｊｏ＠ｇｍａｉｌ．ｃｏｍ"),
    ]


def test_a_middle_dot_in_a_number_and_an_ideographic_full_stop_in_an_address_are_read(
    tmp_path: Path,
) -> None:
    # Task priv9: a middle dot between a number's groups (`402·555·0199`, as some
    # European and East Asian designs write one) and an ideographic full stop in an
    # address's domain (`jo@gmail。com`, as a Chinese or Japanese input method types the
    # dot) were read as no separator: published unreported. A public one stays public.
    page = (
        "Call 402·555·0199 or write to jo@gmail。com or help@coalition｡org.\n\n"
        "Or write to help@coalition。org.\n"
    )
    assert found_in(tmp_path, page, ["help@coalition.org"]) == [
        (1, 6, "402·555·0199"),
        (1, 31, "jo@gmail。com"),
    ]


def test_a_line_break_opportunity_splits_no_address_or_number(tmp_path: Path) -> None:
    # Task priv8: `<wbr>`, which lets a long address or number break over lines and is
    # shown as nothing, was read as a gap: `jo.doe<wbr>@gmail.com` published unreported,
    # `402-<wbr>555-0199` quoted from 555; in an HTML file the site publishes too.
    files = {
        "index.md": "Write to jo.doe<wbr>@gmail.com or call 402-<wbr>555-0199.\n",
        "flyer.html": "<p>Write to ann.lee@<wbr>gmail.com</p>\n",
    }
    findings = privacy_findings(tmp_path, files, [])
    assert [(f.path, f.line, f.column, f.found) for f in findings] == [
        ("content/flyer.html", 1, 13, "ann.lee@<wbr>gmail.com"),
        ("content/index.md", 1, 10, "jo.doe<wbr>@gmail.com"),
        ("content/index.md", 1, 40, "402-<wbr>555-0199"),
    ]


def test_escapes_in_a_yaml_double_quoted_string_are_read_decoded(tmp_path: Path) -> None:
    # Task priv9: the published value of a double-quoted YAML string is its escapes
    # decoded: `jo\x40gmail.com`, `402\u2011555\u20110199` and a number broken by an
    # escaped line break (PyYAML's way with a long line) were published unreported. Each
    # is found on the line that writes it; a plain or single-quoted `\x40` is no escape.
    extra = (
        'short: "Write to jo\\x40gmail.com today"\n'
        'aliases:\n  - "call 402\\u2011555\\u20110199"\n'
        '  - "or call 402\\\n    \\ 555-0198 now"\n'
        "  - plain ann\\x40gmail.com\n"
        "  - 'quoted ann\\x40gmail.com'\n"
    )
    config = write_files(tmp_path, {"glossary/survivor.yml": term_yaml(extra=extra)})
    findings = [f for f in run_checks(config).findings if f.rule == "privacy.pii"]
    assert [(f.line, f.column, f.found) for f in findings] == [
        (4, 18, "jo\\x40gmail.com"),
        (6, 11, "402\\u2011555\\u20110199"),
        (7, 14, "402\\\n    \\ 555-0198"),
    ]


def test_an_escape_past_unicode_in_a_yaml_string_ends_the_decoding_not_the_check(
    tmp_path: Path,
) -> None:
    # PyYAML's scanner raises ValueError (no YAMLError) at `"\U00110000"`, and the check
    # stopped with a traceback (tests/test_bad_input.py); the escapes before it are read.
    extra = 'aliases:\n  - "call 402\\u2011555\\u20110199"\nshort: "\\U00110000"\n'
    config = write_files(tmp_path, {"glossary/survivor.yml": term_yaml(extra=extra)})
    findings = [f for f in run_checks(config).findings if f.rule == "privacy.pii"]
    assert [(f.line, f.found) for f in findings] == [(5, "402\\u2011555\\u20110199")]


def test_an_html_comment_inside_an_address_or_a_number_is_read_through(
    tmp_path: Path,
) -> None:
    # Task priv9: a comment inside an address or a number (a harvester trick) is shown as
    # nothing: `jo<!-- x -->@gmail.com` and `402-555-<!-- x -->0199` were published
    # unreported. The comment's own text is published in the page's source, and read.
    page = (
        "Write to jo<!-- x -->@gmail.com or call 402-555-<!-- x -->0199.\n\n"
        "Or <!-- ann@gmail.com -->call 402<!---->-555-0198.\n"
    )
    assert found_in(tmp_path, page) == [
        (1, 10, "jo<!-- x -->@gmail.com"),
        (1, 41, "402-555-<!-- x -->0199"),
        (3, 9, "ann@gmail.com"),
        (3, 31, "402<!---->-555-0198"),
    ]


def test_an_html_comment_inside_an_address_or_a_number_in_an_html_file_is_read_through(
    tmp_path: Path,
) -> None:
    # Task priv9: so in an HTML file the site publishes as it is; its comment's text stays
    # read (`<!-- ann@gmail.com -->`), and a comment after a space joins nothing.
    files = {
        "flyer.html": (
            "<p>Call 402-555-<!-- x -->0199 or jo<!-- x -->@gmail.com</p>\n"
            "<!-- ann@gmail.com --><p>Or 402 <!-- x --> 555</p>\n"
        )
    }
    findings = privacy_findings(tmp_path, files, [])
    assert [(f.line, f.column, f.found) for f in findings] == [
        (1, 9, "402-555-<!-- x -->0199"),
        (1, 35, "jo<!-- x -->@gmail.com"),
        (2, 6, "ann@gmail.com"),
    ]


def test_converted_word_documents_markup_is_read_through(tmp_path: Path) -> None:
    """Audit (Word documents and old web pages converted to Markdown by pandoc, mammoth,
    markdownify): a backslash escaping punctuation (`402\\-555\\-0124`, which the site shows
    `402-555-0124`; `jane\\@example.org`, shown with its backslash but read through by
    anyone), an inline element's tag (`402-<span>555</span>-0128`) and emphasis marks
    against a digit (`**402**-555-0160`) split no number or address: each was published
    unreported. A tag that carries a link (`<a href="...">`) is read as a link still. Found
    from its first character read, as in an HTML file (`402</mark>-555-0131`)."""
    page = (
        "Call 555\\-0123 or 402\\-555\\-0124\\. Write to jane\\@example.org or"
        " lee\\_ann\\@example\\.org.\n"
        "Split: 402-<span>555</span>-0128 and <u>402 555</u> 0130 or <mark>402</mark>-555-0131.\n"
        "Bold: **402**-555-0160 and 402-*555*-0161 or 402-**555-0162**.\n"
        'Link: [Call us](tel:402\\-555\\-0167) or <a href="tel:402-555-0168">here</a>.\n'
        "Kept: 5 \\* 3 = 15, a \\`code\\` and *rescue* and `402-555-0169`.\n"
    )
    found = [
        (f.line, f.column, f.found) for f in privacy_findings(tmp_path, {"index.md": page}, [])
    ]
    assert found == [
        (1, 6, "555\\-0123"),
        (1, 19, "402\\-555\\-0124"),
        (1, 45, "jane\\@example.org"),
        (1, 66, "lee\\_ann\\@example\\.org"),
        (2, 8, "402-<span>555</span>-0128"),
        (2, 41, "402 555</u> 0130"),
        (2, 67, "402</mark>-555-0131"),
        (3, 9, "402**-555-0160"),
        (3, 28, "402-*555*-0161"),
        (3, 46, "402-**555-0162"),
        (4, 21, "402\\-555\\-0167"),
        (4, 53, "402-555-0168"),
        (5, 49, "402-555-0169"),
    ]


def test_a_tag_that_pandoc_wrapped_over_two_lines_splits_no_number(tmp_path: Path) -> None:
    """Audit: `pandoc -t gfm` wraps a long tag between its attributes; the number it
    splits is read whole, the lines kept as lines (a line before a blank line is no part
    of the tag: the paragraph ends there)."""
    page = (
        'Call 402-<span class="mark"\n'
        'style="color:red">555</span>-0142 now, or (402) <u\n'
        'class="x" style="y">555</u>-0144.\n'
        "\n"
        "Or 402-555-<b\n"
        "\n"
        "x>0145.\n"
    )
    found = [
        (f.line, f.column, f.found) for f in privacy_findings(tmp_path, {"index.md": page}, [])
    ]
    assert found == [
        (1, 6, '402-<span class="mark"\nstyle="color:red">555</span>-0142'),
        (2, 43, '(402) <u\nclass="x" style="y">555</u>-0144'),
    ]


def test_markup_read_through_joins_no_number_to_what_follows_it(tmp_path: Path) -> None:
    """Review of the audit's reading: a footnote's superscript after a number, or a tag or
    emphasis between its last digit and a letter or digit, is no part of it; each number
    is reported whole, as before markup was read through."""
    page = (
        "Call 402-555-0123<sup>1</sup> or (402) 555-0125<span>a</span> or"
        " **402-555-0128**1 or 402-555-0129</b></i>2.\n"
    )
    found = [
        (f.line, f.column, f.found) for f in privacy_findings(tmp_path, {"index.md": page}, [])
    ]
    assert found == [
        (1, 6, "402-555-0123"),
        (1, 34, "(402) 555-0125"),
        (1, 68, "402-555-0128"),
        (1, 87, "402-555-0129"),
    ]


def test_an_asterisk_that_is_no_emphasis_is_read_as_typed(tmp_path: Path) -> None:
    """Review rv45c: an asterisk that closes no emphasis (a footnote's or a significance
    mark, which Python-Markdown shows as typed) is no markup to read through: taken out, it
    made `555*-1234` and `402* 555** 0128***` numbers that the page does not show, errors
    that failed the build. Emphasis is still read through, a lone mark after it too."""
    page = (
        "Volume 12*, issue 3*: pages 555*-1234.\n\n"
        "Cases 402* 555** 0128*** and 1998*-2004* and 123*-4567.\n\n"
        "Call **402**-555-0160 or *402*-555-0161* or *402\n555*-0162.\n"
    )
    found = [
        (f.line, f.column, f.found) for f in privacy_findings(tmp_path, {"index.md": page}, [])
    ]
    assert found == [
        (5, 8, "402**-555-0160"),
        (5, 27, "402*-555-0161"),
        (5, 46, "402\n555*-0162"),
    ]


def test_markup_inside_a_digit_group_is_read_through(tmp_path: Path) -> None:
    """Review of the converted pages' reading: a tag or emphasis inside a group of digits
    (`402-555-01<ins>28</ins>`, `402-555-<span>01</span>28`), or a tag whose attribute
    holds text (a tooltip, `402-<span title="x">555</span>-0131`), split a number the site
    shows whole: read both as the site shows it, joined, and as before (a footnote's
    superscript or a number's bold end before a digit stays apart), what either finds
    reported, the longer where both find one."""
    page = (
        "Call 402-555-01<ins>28</ins> or 402-555-01**28** or 402-555-<span>01</span>28.\n\n"
        'Or 402-<span title="x">555</span>-0131 or <a title="y">402</a>-555-0132.\n\n'
        "Kept: 402-555-0123<sup>1</sup> or **402-555-0129**1 or 402-555-0130<sub>2</sub>.\n"
    )
    assert found_in(tmp_path, page) == [
        (1, 6, "402-555-01<ins>28"),
        (1, 33, "402-555-01**28"),
        (1, 53, "402-555-<span>01</span>28"),
        (3, 4, '402-<span title="x">555</span>-0131'),
        (3, 56, "402</a>-555-0132"),
        (5, 7, "402-555-0123"),
        (5, 37, "402-555-0129"),
        (5, 56, "402-555-0130"),
    ]


def test_emphasis_around_a_mailbox_or_a_domain_is_read_through(tmp_path: Path) -> None:
    """Review of the converted pages' reading: emphasis by an address's `@`
    (`**jane**@example.org`, `_lee_@example.org`, `ann@**example**.org`) is shown as the
    address whole: found, its marks read through, and a public one is still public. An
    underscore inside a word is no emphasis (`lee_ann@`), as Python-Markdown reads it."""
    page = (
        "Write **jane**@example.org or _lee_@example.org or ann@**example**.org.\n\n"
        "Or *bo*@*example.org* or __cy__@example.org or dee@_example_.org.\n\n"
        "Public: _help_@coalition.org and **help**@coalition.org.\n\n"
        "Kept: lee_ann@example.org and x_y@example.org.\n"
    )
    assert found_in(tmp_path, page, ["help@coalition.org"]) == [
        (1, 9, "jane**@example.org"),
        (1, 32, "lee_@example.org"),
        (1, 52, "ann@**example**.org"),
        (3, 5, "bo*@*example.org"),
        (3, 28, "cy__@example.org"),
        (3, 48, "dee@_example_.org"),
        (7, 7, "lee_ann@example.org"),
        (7, 31, "x_y@example.org"),
    ]


def test_markup_between_two_letters_of_an_address_is_read_through(tmp_path: Path) -> None:
    """Review (session 53): a tag or emphasis between two letters of an address
    (`<b>jane</b>doe@example.org`, which the site shows `janedoe@example.org`) was kept
    apart, as markup between two words is, and the address reported from after it
    (`doe@example.org`), or not at all where it split the domain
    (`jane@exa<b>mple</b>.org`): reported whole, as the reader sees it, from its first
    character in the source, as written; a public one is public however it is split.
    Markup between two words that make no address is still kept apart."""
    page = (
        "Write <b>jane</b>doe@example.org or <i>ja</i>ne.doe@example.org or"
        " lee<b>ann</b>@example.org.\n\n"
        "Or jane@exa<b>mple</b>.org or lee@example.o<b>rg</b> or **ann**doe@example.org"
        " or bo*b*@example.org or cy@exa**mple**.org.\n\n"
        "Public: <b>help</b>desk@coalition.org and help**desk**@coalition.org.\n\n"
        "Kept: <b>Jane</b>Doe and <b>Ann</b>Lee, at ann @ here.\n"
    )
    assert found_in(tmp_path, page, ["helpdesk@coalition.org"]) == [
        (1, 10, "jane</b>doe@example.org"),
        (1, 40, "ja</i>ne.doe@example.org"),
        (1, 68, "lee<b>ann</b>@example.org"),
        (3, 4, "jane@exa<b>mple</b>.org"),
        (3, 31, "lee@example.o<b>rg"),
        (3, 59, "ann**doe@example.org"),
        (3, 83, "bo*b*@example.org"),
        (3, 104, "cy@exa**mple**.org"),
    ]


def test_markup_inside_an_address_written_with_a_reference_is_read_through(
    tmp_path: Path,
) -> None:
    """Review rv50b: an address whose `@` is a character reference (`&#64;`, `&#x40;`,
    `&commat;`, written against harvesters) was not read through where markup splits it:
    `jane&#64;exa<b>mple</b>.org` gave nothing and `<b>jane</b>doe&#64;example.org` only
    `doe&#64;example.org`. Read as with an `@`, from its first character, as written."""
    page = (
        "Write jane&#64;exa<b>mple</b>.org or <b>jane</b>doe&#64;example.org or"
        " lee&#x40;example.o<b>rg</b> or cy&commat;exa**mple**.org or"
        " **ann**doe&#64;example.org.\n"
    )
    assert found_in(tmp_path, page) == [
        (1, 7, "jane&#64;exa<b>mple</b>.org"),
        (1, 41, "jane</b>doe&#64;example.org"),
        (1, 72, "lee&#x40;example.o<b>rg"),
        (1, 103, "cy&commat;exa**mple**.org"),
        (1, 134, "ann**doe&#64;example.org"),
    ]


def test_a_public_address_beside_markup_and_a_word_stays_public(tmp_path: Path) -> None:
    """Review (session 53, rv50b): reading markup between two letters of an address
    through (`<b>jane</b>doe@example.org`) read a public address on into the word that
    markup parts from it, a missing space the site shows (`<b>Email</b>help@...`,
    `help@coalition.org</a>or`, `**help@coalition.org**s`): each was reported, failing
    CI on a public address. Read apart at that markup, the address is public: so it is,
    as `<b>help</b>desk@` is public where `helpdesk@` is listed. A private one is still
    reported whole, as the site shows it."""
    page = (
        "A <span>help@coalition.org</span><span>Phone</span> row;"
        ' <a href="mailto:help@coalition.org">help@coalition.org</a>or call.\n\n'
        "B **help@coalition.org**or call, <b>Email</b>help@coalition.org,"
        " <em>Write</em>help@coalition.org.\n\n"
        "C help@coalition.org<b>Hotline</b>, help@coalition.<b>org</b>s,"
        " help@coalition.org*s* inbox, **Email**help@coalition.org.\n\n"
        "D <span>Contact</span>help@coalition.org, Donations<span>help@coalition.org</span>.\n\n"
        "Private: <b>Email</b>jane@example.org and jane@example.org</a>or.\n"
    )
    assert found_in(tmp_path, page, ["help@coalition.org"]) == [
        (9, 13, "Email</b>jane@example.org"),
        (9, 43, "jane@example.org</a>or"),
    ]


def test_markup_before_a_domains_dot_reads_another_address(tmp_path: Path) -> None:
    """Session 54: markup between a public address and a dot that goes on with a top-level
    domain (`help@coalition.org<b>.uk</b>`) is read through, as markup between two
    letters is: the site shows `help@coalition.org.uk`, another address, which was taken
    for the public one read apart at that markup. A word after a lost space
    (`**help@coalition.org**.Thanks`) is no domain: still public."""
    page = (
        'A help@coalition.org<b>.uk</b>, <a href="mailto:help@coalition.org">'
        "help@coalition.org</a>.com,"
        " help&#64;coalition.org<i>.co.uk</i> or help@coalition.org<b>.UK</b>.\n\n"
        "Public: **help@coalition.org**.Thanks, help@coalition.org</a>.The end;"
        " <b>help@coalition.org</b>. And <b>Email</b>help@coalition.org.\n"
    )
    assert found_in(tmp_path, page, ["help@coalition.org"]) == [
        (1, 3, "help@coalition.org<b>.uk"),
        (1, 69, "help@coalition.org</a>.com"),
        (1, 97, "help&#64;coalition.org<i>.co.uk"),
        (1, 136, "help@coalition.org<b>.UK"),
    ]


def test_emphasis_before_a_domains_dot_reads_another_address(tmp_path: Path) -> None:
    """Session 55: Markdown's emphasis before a dot that goes on with a top-level domain
    (`help@coalition.org**.uk**`) is emphasis to Python-Markdown, which pairs an asterisk
    before punctuation after a letter (CommonMark does not): the site shows
    `help@coalition.org.uk`, another address than the public one, which was allowed."""
    page = (
        "A help@coalition.org**.uk**, help@coalition.org*.co.uk* or"
        " help@coalition.org**.UK** today.\n\n"
        "Public: **help@coalition.org**.Thanks and *help@coalition.org*.\n"
    )
    assert found_in(tmp_path, page, ["help@coalition.org"]) == [
        (1, 3, "help@coalition.org**.uk"),
        (1, 30, "help@coalition.org*.co.uk"),
        (1, 60, "help@coalition.org**.UK"),
    ]


# Prose with markup by an `@` that holds no address (review rv50b: markup inside an
# address is read through, none of these may be read as one), and a hotline's allowed
# address and number split by markup.
_NO_ADDRESS_PROSE = (
    "Follow **@coalition** on social media, and _@coalition_ on the other one.",
    "Follow us: **@coalition**, *@polaris_project*, and @NHTHotline.",
    "<b>Note</b>@home: the training runs online.",
    "The login is <code>user</code>@ the laptop; ask the <b>user</b>@front desk.",
    "Contact the user</b>@ desk. Also <i>team</i>@2pm meeting.",
    "We meet <b>Monday</b>@9am and **Friday**@noon at the office.",
    "Tag us **@coalition**!ng and __@team__; or **Ana**@**coalition** on Mastodon.",
    "Write to the <b>desk</b>@ address shown in the portal.",
    "Use the handle <b>@</b>coalition or **@**coalition; <em>partners</em>@<em>schools</em>.",
    "Python's `@dataclass` and <code>@property</code>; **$5**@each, *10*@unit.",
    "Survivors**@**Work, Youth*@*Risk, Women<b>@</b>Work; 5 p.m.@<b>Omaha</b> Library.",
    "**Note**@ the end. **Tip**@@twitter. <b>Name</b>@<b>Org</b>; **Git**@**GitHub**.",
    "See **Smith**@2020, p. 12; Smith et al.@2020 and **Lee**@*2021*.",
    "Word<sup>2</sup>@3 and H<sub>2</sub>O@room temperature; <kbd>Ctrl</kbd>+<kbd>@</kbd>.",
    "Write <b>help</b>@coalition.org, help@<b>coalition</b>.org, h<b>el</b>p@coa<i>li</i>tion.org.",
    "Call 1-888-<b>373</b>-7888, 1-<span>888</span>-373-7888 or 1-888-373-78<ins>88</ins>.",
)


def test_markup_by_an_at_in_prose_is_no_address(tmp_path: Path) -> None:
    """The false-positive corpus of the address reading: handles, times, prices and
    citations written with an `@` by markup, and a public address and number split by
    markup: no finding."""
    page = "\n\n".join(_NO_ADDRESS_PROSE) + "\n"
    assert found_in(tmp_path, page, ["help@coalition.org", "1-888-373-7888"]) == []


def test_a_quoted_greater_than_sign_ends_no_tag(tmp_path: Path) -> None:
    """Review of the converted pages' reading: a `>` inside a quoted attribute value is
    the value's, as Python-Markdown and browsers read it; ending the tag there split
    `402-<span data-x="a>b">555</span>-0123`, whose number was found from 555 only."""
    page = (
        'Call 402-<span data-x="a>b">555</span>-0123 or'
        " 402-<b class='c>d'>555</b>-0124 or <span title=\"a>b\">555</span>-0125.\n"
    )
    assert found_in(tmp_path, page) == [
        (1, 6, '402-<span data-x="a>b">555</span>-0123'),
        (1, 48, "402-<b class='c>d'>555</b>-0124"),
        (1, 101, "555</span>-0125"),
    ]


def test_an_inline_tags_attribute_values_are_read(tmp_path: Path) -> None:
    # Task priv8: an inline element's tag is read through (`402-<span>555</span>-0128`),
    # and with it the values of its attributes but a tooltip's: `data-phone="..."` on a
    # `<span>` was published unreported, where on a `<div>` it was reported. The source
    # of every page is published; a tag whose attributes hold nothing is read through.
    page = (
        '<span data-phone="402-555-0199">Call me</span> or'
        ' <b data-email="jo@gmail.com">write</b>.\n\n'
        'Or 402-<span class="x">555</span>-0131, <i id="a" lang="en">4025550132</i>.\n'
    )
    assert found_in(tmp_path, page) == [
        (1, 19, "402-555-0199"),
        (1, 66, "jo@gmail.com"),
        (3, 4, '402-<span class="x">555</span>-0131'),
        (3, 61, "4025550132"),
    ]


# Crafted pages of 50,000 characters for `markdown_readings`: quotes left open in tags,
# tags over lines and blank lines, runs of marks by digits and `@`, numbers split by tags
# whose attribute holds text (two readings, and what both find merged).
_CRAFTED_MARKUP = {
    "open quotes": ('<span title="', 3_846),
    "quotes of both kinds": ("<i a=\"<i a='", 4_166),
    "tags over blank lines": ('<b a="\n\n', 6_250),
    "marks by digits": ("*1", 25_000),
    "underscores by digits": ("_1_ ", 12_500),
    "marks by an at": ("**a**@", 8_333),
    "tags in digits": ("1<ins>2", 7_142),
    "tags with text": ('402-<span title="x">555</span>-0131 ', 1_388),
    # Each paragraph's tag holds a blank line, so that every page is searched once whole
    # and then paragraph by paragraph (`_splits_found`); bold words without data, whose
    # marks are not searched (`_TAGS_AND_ESCAPES`).
    "tags holding blank lines": ('<b a="\n\n">1</b>2 **3** \n\n', 1_923),
    "bold words": ("**bold** <b>x</b>\n\n", 2_777),
}


def test_converted_markup_is_read_in_linear_time() -> None:
    """Each crafted page (a fifth of it) read twice as long costs about twice the calls
    (`calls_made`: the Python-level steps and each pattern's call), and so does a page of
    numbers that both readings find; each is read whole under the CPU guard
    (`python_in_time`), which stops a pattern gone quadratic inside one call."""
    from work import calls_made, python_in_time

    from coalition_handbook.model.types import Origin
    from coalition_handbook.rules.privacy_allow_list import AllowList
    from coalition_handbook.rules.privacy_markdown import markdown_readings
    from coalition_handbook.rules.privacy_pii import _reported_in_file

    for name, (piece, times) in _CRAFTED_MARKUP.items():
        page = piece * (times // 5)  # counted on 10,000 and 20,000 characters
        once = calls_made(markdown_readings, page)
        twice = calls_made(markdown_readings, page * 2)
        assert twice <= 2.2 * once + 100, (name, once, twice)
    numbers = '402-<span title="x">555</span>-0131 ' * 200
    allowed = AllowList.of([], [])
    once = calls_made(_reported_in_file, Origin("index.md", numbers), allowed)
    twice = calls_made(_reported_in_file, Origin("index.md", numbers * 2), allowed)
    assert twice <= 2.2 * once, (once, twice)
    completed = python_in_time(
        "from coalition_handbook.rules.privacy_markdown import markdown_readings\n"
        f"for piece, times in {list(_CRAFTED_MARKUP.values())!r}:\n"
        "    assert markdown_readings(piece * times * 2)\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


# Crafted pages of about 50,000 characters for the address reading of `markdown_readings`
# (`_in_an_address`): markup between letters in long words, each looked for an `@` ahead
# and behind as far as an address reaches, and none found; an `@` just before each word.
_CRAFTED_ADDRESS_MARKUP = {
    "tags in long words": ("a@b ", "a<b>" * 80 + " ", 156),
    "marks in long words": ("a*b*@c ", "a**a**" * 50 + " ", 166),
    "tags in long domains": ("", "@" + "a<b>" * 80 + " ", 155),
    # An `@` written as a reference (review rv50b), and `;` by each tag: no reference.
    "tags in long domains after a reference": ("", "&#64;" + "a<b>" * 80 + " ", 152),
    "semicolons by tags": ("@", "a&x;a<b>" * 40 + " ", 155),
    # Emphasis by a mark of no house number, read through as a number's (pii65).
    "marks of no number in emphasis": ("", "**s/n** _S/N_ s/n** ", 2_500),
}


@pytest.mark.parametrize("shape", _CRAFTED_ADDRESS_MARKUP)
def test_markup_in_addresses_is_read_in_linear_time(shape: str) -> None:
    """Each crafted page (a fifth of it) read twice as long costs about twice the calls
    (`calls_made`), and the page is read whole under the CPU guard (`python_in_time`),
    one shape a child."""
    from work import calls_made, python_in_time

    from coalition_handbook.rules.privacy_markdown import markdown_readings

    lead, piece, times = _CRAFTED_ADDRESS_MARKUP[shape]
    once = calls_made(markdown_readings, lead + piece * (times // 5))
    twice = calls_made(markdown_readings, lead + piece * (times // 5 * 2))
    assert twice <= 2.2 * once + 100, (once, twice)
    completed = python_in_time(
        "from coalition_handbook.rules.privacy_markdown import markdown_readings\n"
        f"assert markdown_readings({lead!r} + {piece!r} * {times * 2})\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


def test_an_address_or_a_number_in_a_link_s_path_is_reported(tmp_path: Path) -> None:
    """Review of the converted pages' reading: the site publishes a link's and an image's
    URL in its page (`href`, `src`), so an e-mail address or a phone number in its path
    is published (`files/jane.doe@example.org.pdf`, `photos/402-555-0123.jpg`): reported
    where the source writes it, as written; a public one is still public. A path's digits
    written together (an id, a timestamp), its dates (one segment at a time) and a file
    name with an `@` and no address before its extension (`logo@2x.png`) are none; a
    slug's number is read as words (`mary-major-402-555-0142`), as a page's name is."""
    page = (
        "See [flyer](https://example.org/files/jane.doe@example.org.pdf) and"
        " ![](photos/402-555-0123.jpg).\n\n"
        'Write [Jane Doe](mailto:jane.doe@gmail.com) or <a href="/people/lee%40example.org/">'
        "Lee</a>.\n\n"
        "[card]: https://example.org/cards/402.555.0124.vcf\n\n"
        "Slug: [case](https://example.org/cases/mary-major-402-555-0142/).\n\n"
        "Public: [hotline](https://example.org/call/1-888-373-7888) and"
        " [help](/contact/help@coalition.org).\n\n"
        "Kept: [a](https://example.org/2024/05/12/post-4025550125/)"
        " [b](https://x.org/status/1789012345678901234) [c](https://x.org/p?id=4025550126&q=1)"
        " [d](img/logo@2x.png) [e](https://medium.com/@jane.doe)"
        " [f](https://unpkg.com/react@18.2.0/umd/react.js) [g](files/2024-05-12-report.pdf)"
        " [h](https://example.org/docs/ISO-8601-2019).\n"
    )
    assert found_in(tmp_path, page, ["1-888-373-7888", "help@coalition.org"]) == [
        (1, 39, "jane.doe@example.org"),
        (1, 80, "402-555-0123"),
        (3, 25, "jane.doe@gmail.com"),
        (3, 65, "lee%40example.org"),
        (5, 35, "402.555.0124"),
        (7, 51, "402-555-0142"),
    ]


def test_every_url_attribute_s_path_is_read(tmp_path: Path) -> None:
    """Review (session 53): the site publishes every URL attribute of an HTML tag as it
    publishes `href` and `src`; an `href` with spaces around its `=` (as HTML allows and
    hand-written pages have), an image's `srcset` (each of its URLs, the first alone was
    read, or none after a space), a video's `poster`, a form's `action`, a quote's
    `cite`, an object's `data` and a link's `ping` were not read for personal data in
    their paths. A file name with an `@` and no address (`hero@2x.jpg`), a path's date
    and what no URL attribute holds are none."""
    page = (
        '<a href = "/people/402-555-0123/">x</a> <a href= "mailto:jane@example.org">y</a>'
        ' <a href ="/people/lee@example.org/">z</a>\n\n'
        '<img src="a.jpg" srcset="photos/402-555-0124.jpg 2x, photos/ann@example.org.jpg 3x"'
        " data-srcset='/p/402-555-0125.webp 640w,/p/b.webp'>\n\n"
        '<video poster="img/402-555-0126.jpg" src="v.mp4"></video>'
        ' <form action="/send/bo@example.org/"></form>'
        ' <q cite="/cases/402-555-0127/">q</q> <object data="/files/402-555-0128.pdf"></object>'
        ' <a href="/x" ping="/t/1 /track/402-555-0129">p</a>\n\n'
        'Kept: <img srcset="img/hero.jpg 1x, img/hero@2x.jpg 2x"> <a ping="/t/2024-05-12">p</a>'
        " total = 402-555 and src = x-1.\n"
    )
    assert found_in(tmp_path, page) == [
        (1, 20, "402-555-0123"),
        (1, 58, "jane@example.org"),
        (1, 100, "lee@example.org"),
        (3, 33, "402-555-0124"),
        (3, 61, "ann@example.org"),
        (3, 101, "402-555-0125"),
        (5, 20, "402-555-0126"),
        (5, 79, "bo@example.org"),
        (5, 120, "402-555-0127"),
        (5, 162, "402-555-0128"),
        (5, 221, "402-555-0129"),
    ]


# Crafted pages of 50,000 characters for `find_personal_data_in_paths`: one long path
# segment of digits and marks, link openers with no destination, thousands of segments
# each sought, reference definitions, a line of labels' ends (each looked back for its
# line's start), attributes, addresses in every segment, escapes in one segment (read
# unescaped), a DOI's suffix of thousands of segments.
_CRAFTED_PATHS = {
    "one long segment": ("[a](", "1-", 25_000, ")"),
    "openers": ("", "](", 25_000, ""),
    "many segments": ("https://e.org/", "1-/", 16_666, ""),
    "reference definitions": ("", "[x]: a/1-2\n", 4_545, ""),
    "label ends on one line": ("[", "]: ", 16_666, ""),
    "attributes": ("", 'src="1-', 7_142, ""),
    "addresses": ("https://e.org/", "a@b.co/", 7_142, ""),
    "escapes in one segment": ("https://e.org/", "%201-", 10_000, ""),
    "a DOI's prefix, then segments": ("https://e.org/10.1037/", "1-/", 16_666, ""),
}


def test_link_paths_are_read_in_linear_time() -> None:
    """Each crafted page (a fifth of it) read twice as long costs about twice the calls
    (`calls_made`), and each is read whole under the CPU guard (`python_in_time`)."""
    from work import calls_made, python_in_time

    from coalition_handbook.rules.privacy_link_paths import find_personal_data_in_paths
    from coalition_handbook.rules.privacy_links import url_spans

    def read(text: str) -> list[tuple[str, int, int, str]]:
        return list(find_personal_data_in_paths(text, url_spans(text)))

    for name, (before, piece, times, after) in _CRAFTED_PATHS.items():
        once = calls_made(read, before + piece * (times // 5) + after)
        twice = calls_made(read, before + piece * (times // 5 * 2) + after)
        assert twice <= 2.2 * once + 100, (name, once, twice)
    completed = python_in_time(
        "from coalition_handbook.rules.privacy_link_paths import find_personal_data_in_paths\n"
        "from coalition_handbook.rules.privacy_links import url_spans\n"
        f"for before, piece, times, after in {list(_CRAFTED_PATHS.values())!r}:\n"
        "    text = before + piece * times * 2 + after\n"
        "    list(find_personal_data_in_paths(text, url_spans(text)))\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


# Crafted pages of about 50,000 characters for the URL attributes' reading: names with
# spaces before their `=`, a `srcset` of thousands of URLs, quotes that nothing closes,
# `data=` after no space; and for the paths': brackets in a destination, escapes of a
# number's marks in one segment, segments that name a call and their numbers.
_CRAFTED_ATTRIBUTES = {
    "spaced names": ("", 'href  = "1-/x" ', 3_333),
    "one long srcset": ('<img srcset="', "p/1-2.jpg 2x, ", 3_571),
    "open quotes": ("", 'poster="1- ', 4_545),
    "data after no space": ("", "metadata=1-", 4_545),
    "brackets in a destination": ("[a](", "(1-)", 12_500),
    "escaped marks in one segment": ("[a](", "1%2D", 12_500),
    "call words": ("[a](", "call/1234567/", 3_846),
}


@pytest.mark.parametrize("shape", _CRAFTED_ATTRIBUTES)
def test_url_attributes_are_read_in_linear_time(shape: str) -> None:
    """Each crafted page (a fifth of it) read twice as long costs about twice the calls
    (`calls_made`), and the page is read whole under the CPU guard (`python_in_time`),
    one shape a child."""
    from work import calls_made, python_in_time

    from coalition_handbook.rules.privacy_link_paths import find_personal_data_in_paths

    def read(text: str) -> list[tuple[str, int, int, str]]:
        return list(find_personal_data_in_paths(text, []))

    lead, piece, times = _CRAFTED_ATTRIBUTES[shape]
    once = calls_made(read, lead + piece * (times // 5))
    twice = calls_made(read, lead + piece * (times // 5 * 2))
    assert twice <= 2.2 * once + 100, (once, twice)
    completed = python_in_time(
        "from coalition_handbook.rules.privacy_link_paths import find_personal_data_in_paths\n"
        f"list(find_personal_data_in_paths({lead!r} + {piece!r} * {times * 2}, []))\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


def test_a_doi_in_a_link_s_path_is_no_phone_number(tmp_path: Path) -> None:
    """Review rv49b: a DOI's suffix is an identifier, and the ISSN that starts an APA
    journal's DOIs (`0022-3514`, `0033-2909`) read as `00` and a country's number when the
    segment was read alone (the same DOI in prose, after its `/`, is none); an address
    after a DOI's prefix is still read, and so is a number before it."""
    page = (
        "[a](https://doi.org/10.1037/0022-3514.65.6.1190)"
        " [b](https://psycnet.apa.org/doi/10.1037/0033-2909.134.1.1)"
        " [c](https://doi.org/10.1037/0021-9010.88.5.879)"
        " [d](https://doi.org/10.1000/182-555-1234)\n\n"
        "[e](https://example.org/402-555-0123/10.1037/jane@example.org)\n"
    )
    assert found_in(tmp_path, page) == [(3, 25, "402-555-0123"), (3, 46, "jane@example.org")]


def test_a_number_in_a_path_s_segment_with_escapes_elsewhere_is_reported(
    tmp_path: Path,
) -> None:
    """Review rv49b: a file's name with spaces is published escaped
    (`Jane%20Doe%20402-555-0123.jpg`); the number between the escapes is written as it is,
    and reported where it stands, as one in a segment with no escape is. Review (session
    53): a number whose groups are parted by escapes of a space, a dash, a dot, a bracket
    or a `+` (`402%2D555%2D0124`, `(402)%20555-0126`) is the number the link means,
    reported as written, from its first character; one with another escape in it (a `/`,
    `%2F`) is none."""
    page = (
        "![](photos/Jane%20Doe%20402-555-0123.jpg)"
        " [x](https://example.org/files/Intake%20form%20-%20402-555-0125.pdf)"
        " [y](files/402%2D555%2D0124.pdf) [z](files/(402)%20555-0126.pdf)\n\n"
        "[a](https://example.org/p/402%20555%200127/) [b](files/%2B1%20402%20555%200128.pdf)"
        " [c](files/402%2d555%2E0129.pdf)\n\n"
        "Kept: [d](files/402%2F555-0130.pdf) [e](files/Q1%202024%20-%20100%20cases.pdf)\n"
    )
    assert found_in(tmp_path, page) == [
        (1, 25, "402-555-0123"),
        (1, 93, "402-555-0125"),
        (1, 121, "402%2D555%2D0124"),
        (1, 153, "(402)%20555-0126"),
        (3, 27, "402%20555%200127"),
        (3, 56, "%2B1%20402%20555%200128"),
        (3, 95, "402%2d555%2E0129"),
    ]


def test_digits_written_together_after_a_phone_word_in_a_path_are_reported(
    tmp_path: Path,
) -> None:
    """Review (session 53): digits written together in a path are an id or a timestamp
    (below), but after a segment that names a call (`/call/`, `/tel/`, `/sms/`,
    `/whatsapp/`...) they are the number it calls, as a `phone=` parameter's are
    (`privacy_links`): reported as written, with 7 to 15 digits, a public one not."""
    page = (
        "[a](/call/4025550123) [b](https://example.org/tel/+14025550124)"
        " [c](/whatsapp/%2B14025550125/) [d](https://example.org/SMS/4025550126?x=1)"
        " [e](/call/18883737888)\n\n"
        "Kept: [f](/call/2024) [g](/calls/4025550127) [h](https://zoom.us/j/4025550128)"
        " [i](/tel/1714564800123456) [j](/contact/4025550129) [k](/orders/4025550130)\n"
    )
    assert found_in(tmp_path, page, ["1-888-373-7888"]) == [
        (1, 11, "4025550123"),
        (1, 51, "+14025550124"),
        (1, 79, "%2B14025550125"),
        (1, 124, "4025550126"),
    ]


# Links whose paths hold digits that are no phone number (review, session 53: a DOI was
# reported as one, an error that failed the build of a reference list).
_NO_PHONE_PATHS = (
    "https://doi.org/10.1037/0022-3514.65.6.1190",
    "https://doi.org/10.1037%2F0022-3514.65.6.1190",
    "https://onlinelibrary.wiley.com/doi/10.1002/9781118900772.etrds0311",
    "https://journals.sagepub.com/doi/abs/10.1177/0886260516675918",
    "https://doi.org/10.1080/23322705.2016.1175266",
    "https://example.org/p/10%2E1037%2F0022%2D3514",
    "https://isbnsearch.org/isbn/9780306406157",
    "https://openlibrary.org/isbn/0306406152",
    "https://www.amazon.com/dp/0306406152",
    "https://example.org/isbn/978-0-306-40615-7",
    "https://example.org/isbn/0-306-40615-2",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://youtu.be/9bZkp7q19f0",
    "https://www.youtube.com/embed/dQw4w9WgXcQ?start=4025",
    "https://vimeo.com/402555012",
    "https://zoom.us/j/4025550123",
    "https://meet.google.com/abc-defg-hij",
    "https://example.org/cases/123e4567-e89b-12d3-a456-426614174000",
    "https://example.org/r/12345678-1234-5678-1234-567812345678",
    "/files/550e8400-e29b-41d4-a716-446655440000.pdf",
    "https://www.nytimes.com/2024/05/12/us/human-trafficking-402-arrests.html",
    "https://apnews.com/article/trafficking-2024-05-12-abc123",
    "https://example.com/news/2023-11-02-10-30-sting-nets-12",
    "https://example.org/2024-05-12-report.pdf",
    "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title22-section7102&num=0",
    "https://uscode.house.gov/view.xhtml?req=(title:22%20section:7102%20edition:prelim)",
    "https://www.law.cornell.edu/uscode/text/22/7102",
    "https://www.law.cornell.edu/uscode/text/18/1591",
    "https://www.govinfo.gov/content/pkg/USCODE-2011-title22/html/USCODE-2011-title22-chap78-sec7102.htm",
    "https://www.congress.gov/bill/106th-congress/house-bill/3244",
    "https://www.ecfr.gov/current/title-8/chapter-I/subchapter-B/part-214/section-214.11",
    "https://x.com/user/status/1789012345678901234",
    "https://example.org/feed?t=1714564800",
    "/archive/1714564800/",
    "https://web.archive.org/web/20240512103000/https://example.org/",
    "/img/1714564800-402.jpg",
    "https://example.org/files/Annual%20Report%202024-05-12.pdf",
    "files/Report%20(2023)%20-%20Final%20v2.pdf",
    "files/2024%2D05%2D12%20minutes.pdf",
    "files/Q1%202024%20-%20100%20cases.pdf",
    "https://example.org/call/2024",
    "https://example.org/call-for-papers/2024-05-12",
    "https://example.org/phone/iphone-15",
    "https://example.org/sms/233733",
    # After a word naming a call, a date or a timestamp written together (review rv50b).
    "https://example.org/call/20240115",
    "https://example.org/fax/20240115123045/",
    "https://m.example.cn/mobile/20240115123045.html",
    "https://example.org/sms/1714564800",
    "https://example.org/phone/1714564800123",
)


def test_ids_dates_and_statutes_in_link_paths_are_no_phone_numbers(tmp_path: Path) -> None:
    """The false-positive corpus of the path reading: DOIs (escaped too), ISBNs, video and
    meeting ids, UUIDs, news slugs with dates, statutes' addresses (uscode.house.gov,
    Cornell, govinfo, eCFR), timestamps and escaped file names with dates and counts, as
    Markdown links and as HTML `href`s: no finding."""
    page = "".join(f"- [link {index}]({url})\n" for index, url in enumerate(_NO_PHONE_PATHS))
    page += "".join(f'<a href = "{url}">{index}</a>\n' for index, url in enumerate(_NO_PHONE_PATHS))
    assert found_in(tmp_path, page) == []


def test_a_reference_definition_in_a_quote_a_list_or_on_two_lines_is_read(
    tmp_path: Path,
) -> None:
    """Review rv49b: Python-Markdown reads a reference definition in a quote, in a list
    item or an admonition (indented), and one whose address is on the line after its
    label; the site publishes its path as surely as a top-level one's."""
    page = (
        "> [a]: photos/402-555-0126.jpg\n\n"
        "- item\n\n    [b]: photos/402-555-0127.jpg\n\n"
        "[c]:\n  photos/402-555-0128.jpg\n"
    )
    assert found_in(tmp_path, page) == [
        (1, 15, "402-555-0126"),
        (5, 17, "402-555-0127"),
        (8, 10, "402-555-0128"),
    ]


# Crafted links of about 100,000 characters for a scheme link's reading (session 55):
# parentheses that nothing closes or that pair, in its value and in its query, and an
# `sms:` link's body of many escaped parameters.
_CRAFTED_SCHEME_LINKS = {
    "open parentheses in a query": "mailto:a%40b.org?body=" + "(%20" * 25_000,
    "pairs in a query": "mailto:a%40b.org?body=" + "(%2012)" * 14_285,
    "open parentheses in a value": "sms:%20" + "(1" * 50_000,
    "an sms body's parameters": "sms:+14025550100?" + "b=1%20&" * 14_285,
    # Task priv7: `+` for a space in a body, and Android's `;?&` before an sms body.
    "pluses in a body": "mailto:a@b.org?body=" + "a+1" * 33_333,
    "an android sms body's parameters": "sms:+14025550100;?&" + "b=1+&" * 20_000,
    "an android sms body's parentheses": "sms:1;?body=" + "(+2" * 33_333,
}


@pytest.mark.parametrize("shape", sorted(_CRAFTED_SCHEME_LINKS))
def test_scheme_links_are_read_in_linear_time(shape: str) -> None:
    """Each crafted link read twice as long costs about twice the calls (`calls_made`),
    and is read whole under the CPU guard (`python_in_time`), one shape a child."""
    from work import calls_made, python_in_time

    def read(text: str) -> list[tuple[str, int, int, str]]:
        return list(find_personal_data_in_urls(text))

    text = _CRAFTED_SCHEME_LINKS[shape]
    once = calls_made(read, text[: len(text) // 10])
    twice = calls_made(read, text[: len(text) // 5])
    assert twice <= 2.2 * once + 100, (shape, once, twice)
    completed = python_in_time(
        "from coalition_handbook.rules.privacy_links import find_personal_data_in_urls\n"
        f"list(find_personal_data_in_urls({text!r}))\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


# Crafted pages of about 100,000 characters for the reading of addresses written out
# (task priv8): runs of words and written-out dots with no `@` after them, in each way a
# dot is written, which were read from each word to the run's end (64,000 characters of
# `a [dot] ` took 19 s); a domain of such dots; runs with an `@` after every 16 dots.
_CRAFTED_WRITTEN_OUT = {
    "written-out dots": "a [dot] " * 12_500,
    "braced dots": "a { dot } " * 10_000,
    "dots by an at's mark": "a [dot] b(@)" * 8_333,
    "a domain of dots": "x [at] " + "a [.] " * 16_665,
    "runs of dots with an at": ("a [dot] " * 16 + "b [at] ") * 740,
}


@pytest.mark.parametrize("shape", sorted(_CRAFTED_WRITTEN_OUT))
def test_addresses_written_out_are_read_in_linear_time(shape: str) -> None:
    """Each crafted page is read whole under the CPU guard (`python_in_time`), one shape
    a child (each about 0.2 s of CPU time here)."""
    from work import python_in_time

    text = _CRAFTED_WRITTEN_OUT[shape]
    completed = python_in_time(
        "from coalition_handbook.rules.privacy_personal_data import find_personal_data\n"
        f"list(find_personal_data({text!r}))\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


# Crafted YAML files of about 100,000 characters (task priv9): a double-quoted string of
# escapes, one of escaped line breaks, and many strings.
_CRAFTED_YAML_ESCAPES = {
    "escapes in a string": 'k: "' + "\\x40" * 25_000 + '"\n',
    "escaped line breaks": 'k: "' + "4\\\n  \\ " * 12_500 + '"\n',
    "quoted strings": '- "a\\x40b"\n' * 9_000,
}


@pytest.mark.parametrize("shape", sorted(_CRAFTED_YAML_ESCAPES))
def test_yaml_escapes_are_read_in_linear_time(shape: str) -> None:
    """Each crafted file is decoded and read under the CPU guard (`python_in_time`), one
    shape a child (each 0.11-0.23 s of CPU time here)."""
    from work import python_in_time

    text = _CRAFTED_YAML_ESCAPES[shape]
    completed = python_in_time(
        "from coalition_handbook.rules.privacy_personal_data import find_personal_data\n"
        "from coalition_handbook.rules.privacy_yaml_escapes import yaml_escapes_decoded\n"
        f"list(find_personal_data(yaml_escapes_decoded({text!r})[0]))\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


# Crafted pages of about 100,000 characters for the comments of task priv9: comments never
# closed, many by digits (each taken out), all opened before one close.
_CRAFTED_COMMENTS = {
    "comments never closed": "a<!--" * 20_000,
    "comments by digits": "4<!---->0-" * 10_000,
    "comments opened before one close": "4<!--" * 20_000 + "-->",
}


@pytest.mark.parametrize("shape", sorted(_CRAFTED_COMMENTS))
def test_comments_are_read_in_linear_time(shape: str) -> None:
    """Each crafted page is read in each of its readings under the CPU guard
    (`python_in_time`), one shape a child (each 0.02-0.05 s of CPU time here)."""
    from work import python_in_time

    text = _CRAFTED_COMMENTS[shape]
    completed = python_in_time(
        "from coalition_handbook.rules.privacy_markdown import markdown_readings\n"
        "from coalition_handbook.rules.privacy_personal_data import find_personal_data\n"
        f"for reading, _ in markdown_readings({text!r}):\n"
        "    list(find_personal_data(reading))\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")
