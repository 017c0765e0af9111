"""Each formatter against a golden file: the exact output editors and CI tools read."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from coalition_handbook.findings import Finding, Severity, as_quoted, sort_findings
from coalition_handbook.report import FORMATTERS

GOLDEN = Path(__file__).parent / "golden"

FINDINGS = sort_findings(
    [
        Finding(
            rule="term.avoid",
            severity=Severity.WARNING,
            path="content/modules/hotel-staff.md",
            line=12,
            column=8,
            message="'child prostitutes' is discouraged: write 'commercially sexually "
            "exploited child' (a child cannot consent to commercial sex)",
            found="child prostitutes",
            suggestion="commercially sexually exploited child",
            term="commercially-sexually-exploited-child",
        ),
        Finding(
            rule="glossary.schema",
            severity=Severity.ERROR,
            path="glossary/t-visa.yml",
            line=3,
            column=1,
            message="unknown field 'aliasses' (did you mean 'aliases'?)",
        ),
        Finding(
            rule="term.unknown-acronym",
            severity=Severity.INFO,
            path="content/index.md",
            line=4,
            column=20,
            message="'XYZ' is no form of any term: add it to the glossary or known_acronyms",
            found="XYZ",
        ),
        Finding(
            rule="term.avoid",
            severity=Severity.WARNING,
            path="content/index.md",
            line=7,
            column=20,
            message="'homeless\nperson', 100% discouraged: a comma, a colon",
            found="homeless\nperson",
            suggestion="person experiencing homelessness",
            term="person-experiencing-homelessness",
        ),
    ]
)

SUFFIXES = {"text": "txt", "json": "json", "github": "github.txt", "sarif": "sarif.json"}


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_formatter_matches_golden_file(name: str) -> None:
    expected = (GOLDEN / f"findings.{SUFFIXES[name]}").read_text(encoding="utf-8")
    # The SARIF report lists every rule and names the package's version: a new rule or a
    # new version changes it (audit: a first contributor adding a rule got a long diff and
    # no word of what to do).
    assert FORMATTERS[name](FINDINGS) == expected, (
        f"tests/golden/findings.{SUFFIXES[name]} differs: after adding a rule, changing a "
        "rule's summary or default in rules/base.py or raising `__version__`, write it again "
        'as CONTRIBUTING.md says ("Add a rule", step 5) and read its diff'
    )


def test_findings_sort_by_path_line_column_rule() -> None:
    assert [finding.path for finding in FINDINGS] == [
        "content/index.md",
        "content/index.md",
        "content/modules/hotel-staff.md",
        "glossary/t-visa.yml",
    ]


def test_findings_sort_by_line_before_column_and_column_before_rule() -> None:
    """DESIGN section 6: path, then line, then column, then rule; the message last, so
    that two findings at one place of one rule come out in one order whatever order the
    checks made them in. Each pair below differs in the later key the other way round."""

    def at(line: int, column: int, rule: str, message: str = "m") -> Finding:
        return Finding(rule, Severity.WARNING, "content/index.md", line, column, message)

    expected = [
        at(1, 9, "term.case"),
        at(2, 1, "term.case"),
        at(2, 5, "term.avoid", "b"),
        at(2, 5, "term.case", "a"),
        at(2, 5, "term.case", "b"),
        at(2, 7, "glossary.schema"),
    ]
    assert sort_findings(expected[::-1]) == expected
    assert sort_findings([expected[4], expected[0], expected[3], expected[2]]) == [
        expected[0],
        expected[2],
        expected[3],
        expected[4],
    ]


def test_json_has_the_contract_keys_and_counts() -> None:
    report = json.loads(FORMATTERS["json"](FINDINGS))
    assert set(report) == {"findings", "counts"}
    assert report["counts"] == {"error": 1, "warning": 2, "info": 1}
    for finding in report["findings"]:
        assert set(finding) == {
            "rule",
            "severity",
            "path",
            "line",
            "column",
            "found",
            "suggestion",
            "term",
            "message",
        }


def test_text_keeps_one_finding_per_line() -> None:
    lines = FORMATTERS["text"](FINDINGS).splitlines()
    assert len(lines) == len(FINDINGS)
    assert lines[1] == (
        "content/index.md:7:20: warning term.avoid "
        "'homeless\\nperson', 100% discouraged: a comma, a colon"
    )


def test_github_escapes_newlines_and_property_separators() -> None:
    lines = FORMATTERS["github"](FINDINGS).splitlines()
    assert len(lines) == len(FINDINGS)
    newline_line = lines[1]
    assert newline_line.startswith("::warning file=content/index.md,line=7,col=20::")
    assert "%0A" not in newline_line.split("::")[1]
    assert "100%25 discouraged%3A" not in newline_line  # colons are escaped in properties only
    assert "100%25 discouraged: a comma, a colon" in newline_line


def test_sarif_is_2_1_0_with_one_result_per_finding() -> None:
    log = json.loads(FORMATTERS["sarif"](FINDINGS))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert [result["level"] for result in run["results"]] == ["note", "warning", "warning", "error"]


def avoided(path: str, found: str, *, line: int = 3, column: int = 4, message: str = "") -> Finding:
    """A `term.avoid` finding of `found` in `path`, with a message quoting it by default."""
    return Finding(
        rule="term.avoid",
        severity=Severity.WARNING,
        path=path,
        line=line,
        column=column,
        message=message or f"'{found}' is a form to avoid",
        found=found,
    )


@pytest.mark.parametrize(
    ("found", "end_column"),
    [("homeless person", 35), ("homeless\nperson", None), ("homeless\r  person", None)],
)
def test_sarif_ends_a_region_on_its_line_only(found: str, end_column: int | None) -> None:
    log = json.loads(FORMATTERS["sarif"]([avoided("glossary/a.yml", found, column=20)]))
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region.get("endColumn") == end_column


def test_sarif_locations_are_uri_references() -> None:
    log = json.loads(FORMATTERS["sarif"]([avoided("content/my dir/p%1 é.md", "x")]))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "content/my%20dir/p%251%20%C3%A9.md"


# The SARIF 2.1.0 schema as GitHub code scanning reads it (OASIS, final 2.1.0: rtm.5),
# copied from the npm package @microsoft/jest-sarif (MIT) so the test runs offline.
SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-2.1.0-rtm.5.json"


def _sarif_schema_problems(log: dict[str, Any]) -> list[str]:
    from jsonschema import Draft4Validator

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in Draft4Validator(schema).iter_errors(log)
    ]


@pytest.mark.parametrize("findings", [FINDINGS, []], ids=["findings", "none"])
def test_sarif_fits_the_sarif_2_1_0_schema(findings: list[Finding]) -> None:
    assert _sarif_schema_problems(json.loads(FORMATTERS["sarif"](findings))) == []


def test_sarif_keeps_the_most_severe_results_and_says_how_many_it_leaves_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """GitHub code scanning refuses a run of more than 25,000 results: a large handbook's
    report was refused whole. Lowered here to 2 of the 4 findings: the error and the first
    warning stay, in the contract's order."""
    from coalition_handbook.report import sarif

    monkeypatch.setattr(sarif, "MAX_RESULTS", 2)
    log = json.loads(FORMATTERS["sarif"](FINDINGS))
    assert _sarif_schema_problems(log) == []
    run = log["runs"][0]
    kept = [
        (result["level"], result["locations"][0]["physicalLocation"]["region"]["startLine"])
        for result in run["results"]
    ]
    assert kept == [("warning", 7), ("error", 3)]
    assert run["properties"] == {"findings": 4, "resultsLeftOut": 2}
    ((notification,),) = (
        invocation["toolExecutionNotifications"] for invocation in run["invocations"]
    )
    assert notification["message"]["text"] == sarif.left_out_note(FINDINGS)
    assert "leaves out 2 of 4 findings" in notification["message"]["text"]
    assert "--format json" in notification["message"]["text"]
    monkeypatch.setattr(sarif, "MAX_RESULTS", 4)
    assert sarif.left_out_note(FINDINGS) is None
    assert "invocations" not in json.loads(FORMATTERS["sarif"](FINDINGS))["runs"][0]


def test_json_puts_one_finding_on_each_line_and_parses_when_empty() -> None:
    lines = FORMATTERS["json"](FINDINGS).splitlines()
    finding_lines = [line for line in lines if line.startswith('  {"rule": ')]
    assert [json.loads(line.rstrip(","))["line"] for line in finding_lines] == [4, 7, 12, 3]
    assert json.loads(FORMATTERS["json"]([])) == {
        "findings": [],
        "counts": {"error": 0, "warning": 0, "info": 0},
    }


CRLF_FINDING = Finding(
    rule="term.avoid",
    severity=Severity.WARNING,
    path="content/a,b:c%d.md",
    line=2,
    column=5,
    message="'homeless\r\nperson' is a form to avoid; use 'survivor\u2019s advocate'.",
    found="homeless\r\nperson",
    suggestion="survivor\u2019s advocate",
    term="person-experiencing-homelessness",
)


def test_sarif_gives_properties_to_a_finding_with_a_suggestion_only() -> None:
    """glossary.duplicate names the term whose claim it reports, and suggests nothing:
    its result carries no `suggestion` property (a null one is no SARIF string)."""
    duplicate = Finding(
        "glossary.duplicate", Severity.ERROR, "glossary/a.yml", 4, 5, "m", found="x", term="a"
    )
    log = json.loads(FORMATTERS["sarif"]([duplicate, CRLF_FINDING]))
    results = log["runs"][0]["results"]
    assert [result.get("properties") for result in results] == [
        None,
        {"suggestion": "survivor\u2019s advocate", "term": "person-experiencing-homelessness"},
    ]


def test_text_escapes_carriage_returns_too() -> None:
    assert FORMATTERS["text"]([CRLF_FINDING]) == (
        "content/a,b:c%d.md:2:5: warning term.avoid "
        "'homeless\\r\\nperson' is a form to avoid; use 'survivor\u2019s advocate'.\n"
    )


@pytest.mark.parametrize(
    ("path", "found", "shown"),
    [
        # A tab in `found` was printed as it is, a gap, where a line break was `\\n`.
        ("content/index.md", "homeless\tperson", "content/index.md:3:4: 'homeless\\tperson'"),
        # A terminal's escape sequence in a file's name redrew the screen (audit).
        ("content/\x1b[2Jx.md", "vagrant", "content/\\x1b[2Jx.md:3:4: 'vagrant'"),
        ("content/index.md", "a\u2028b\x85c", "content/index.md:3:4: 'a\\u2028b\\x85c'"),
        ("content/\u202eab.md", "vagrant", "content/\\u202eab.md:3:4: 'vagrant'"),
        ("content/\u200fab.md", "vagrant", "content/\\u200fab.md:3:4: 'vagrant'"),
        # Invisible characters pasted from a word processor: 'Respond\u200b' looked like
        # 'Respond' in a message that set the two side by side (audit).
        ("content/index.md", "vag\u00adrant\u200b", "content/index.md:3:4: 'vag\\xadrant\\u200b'"),
        ("content/index.md", "a\u2060b\ufeff", "content/index.md:3:4: 'a\\u2060b\\ufeff'"),
    ],
)
def test_text_escapes_control_characters_as_it_escapes_line_breaks(
    path: str, found: str, shown: str
) -> None:
    location, quoted = shown.split(" ")
    assert FORMATTERS["text"]([avoided(path, found)]) == (
        f"{location} warning term.avoid {quoted} is a form to avoid\n"
    )


def test_text_writes_a_file_name_that_is_not_utf8_with_escapes() -> None:
    """A file named in Latin-1 by another system (`caf\\xe9`, read as the lone surrogate
    U+DCE9) is shown as Python shows its bytes, from \\x80 on; half a character as its
    code: the output stays valid UTF-8."""
    path = "glossary/caf\udce9\udc80\udc7f.yml"
    assert FORMATTERS["text"]([avoided(path, "x", line=1, column=1, message="M.")]) == (
        "glossary/caf\\xe9\\x80\\udc7f.yml:1:1: warning term.avoid M.\n"
    )


def test_text_keeps_a_file_name_with_a_line_break_on_its_line() -> None:
    """A file named `a\n::error file=...` made a line of its own, which CI would read as
    an annotation of its own (found by the security review)."""
    path = "content/a\n::error file=mkdocs.yml,line=1::forged.md"
    finding = avoided(path, "x", line=1, column=1, message="A message.")
    assert FORMATTERS["text"]([finding]) == (
        "content/a\\n::error file=mkdocs.yml,line=1::forged.md:1:1: warning term.avoid A message.\n"
    )


def test_github_escapes_carriage_returns_and_separators_in_the_file_name() -> None:
    assert FORMATTERS["github"]([CRLF_FINDING]) == (
        "::warning file=content/a%2Cb%3Ac%25d.md,line=2,col=5::"
        "'homeless%0D%0Aperson' is a form to avoid; use 'survivor\u2019s advocate'.\n"
    )


@pytest.mark.parametrize("name", ["json", "sarif"])
def test_json_formats_write_text_as_it_is(name: str) -> None:
    """Non-ASCII text stays readable in the output (UTF-8), not as escapes."""
    output = FORMATTERS[name]([CRLF_FINDING])
    assert "survivor\u2019s advocate" in output
    assert "\\u2019" not in output


def test_json_with_no_findings() -> None:
    assert FORMATTERS["json"]([]) == (
        '{"findings": [], "counts": {"error": 0, "warning": 0, "info": 0}}\n'
    )


def test_github_is_exactly_the_contracts_shape() -> None:
    """DESIGN section 6: `::warning file=...,line=...,col=...::...`, with the message of
    the finding (as the JSON format gives it) and no other property."""
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    plain = [f for f in FINDINGS if not any(char in f.message for char in "%\r\n")]
    assert plain
    assert FORMATTERS["github"](plain).splitlines() == [
        f"::{commands[f.severity]} file={f.path},line={f.line},col={f.column}::{f.message}"
        for f in plain
    ]


def _findings_of(**counts: int) -> list[Finding]:
    """`counts` findings of each severity, one a line of content/index.md."""
    severities = [Severity(name) for name, count in counts.items() for _ in range(count)]
    return [
        Finding("term.avoid", severity, "content/index.md", line, 1, "m")
        for line, severity in enumerate(severities, start=1)
    ]


@pytest.mark.parametrize(
    ("counts", "not_shown"),
    [
        ({"error": 10, "warning": 10, "info": 10}, None),  # GitHub shows them all
        ({"warning": 11}, 1),
        ({"error": 12, "warning": 3}, 2),
        # The note is the first notice: it takes one of the ten an info would have had.
        ({"warning": 11, "info": 10}, 2),
        ({"info": 11}, 2),
    ],
)
def test_github_says_first_how_many_findings_are_no_annotation(
    counts: dict[str, int], not_shown: int | None
) -> None:
    """Audit: GitHub makes annotations of the first ten commands of each kind a step; the
    other 12,095 findings of a large handbook were dropped without a word."""
    from coalition_handbook.report.github import not_shown_command

    findings = _findings_of(**counts)
    commands = FORMATTERS["github"](findings).splitlines()
    assert len(commands) == len(findings)  # stdout: a command a finding, in order
    assert all("file=" in command for command in commands)
    note = not_shown_command(findings)
    if not_shown is None:
        assert note == ""
        return
    assert note.startswith(f"::notice::handbook: {not_shown} of {len(findings)} findings (")
    assert "GitHub shows the first 10 of each kind (error, warning, notice) a step" in note
    assert note.endswith("`handbook check` (text format) lists each with its place\n")


def test_totals_count_by_severity_and_by_rule() -> None:
    from coalition_handbook.report.totals import totals_line

    findings = [*_findings_of(warning=2, info=1), *FINDINGS]
    assert totals_line(findings) == (
        "7 findings: 1 error, 4 warnings, 2 infos "
        "(term.avoid 5, glossary.schema 1, term.unknown-acronym 1)"
    )
    assert totals_line([]) is None


@pytest.mark.parametrize("field", ["path", "found", "message", "suggestion", "term"])
def test_json_writes_a_lone_surrogate_in_any_text_with_escapes(field: str) -> None:
    """A lone surrogate in any text of any finding is written as `in_utf8` writes it,
    among findings whose texts hold none and some past ASCII ("café"): the report is valid
    UTF-8 (JSON is read as it, RFC 8259), and the other findings are as they were."""
    plain = avoided("content/café.md", "homeless person")
    odd = replace(avoided("content/a.md", "x"), suggestion="s", term="t")
    odd = replace(odd, **{field: getattr(odd, field) + "\udce9"})
    report = FORMATTERS["json"]([plain, odd, plain])
    report.encode("utf-8")  # no surrogate left to fail on
    findings = json.loads(report)["findings"]
    assert findings[1][field].endswith("\\xe9")
    assert findings[0] == findings[2] == json.loads(FORMATTERS["json"]([plain]))["findings"][0]


@pytest.mark.parametrize(
    ("found", "quoted"),
    [
        ("homeless person", "homeless person"),
        ("homeless\nperson", "homeless\nperson"),
        ("homeless\r\nperson", "homeless\nperson"),
        ("homeless\rperson", "homeless\nperson"),
        ("a\r\r\nb\n\rc", "a\n\nb\n\nc"),
        ("caf\u00e9\u2019s\r\n", "caf\u00e9\u2019s\n"),
    ],
)
def test_a_message_quotes_each_line_break_as_a_line_feed(found: str, quoted: str) -> None:
    """However the file ends its lines, a quoted text reads alike (as_quoted): also where
    no carriage return leaves the text as it is."""
    assert as_quoted(found) == quoted
