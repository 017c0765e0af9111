"""A term, protocol or module file with problems is left out of the handbook, but what
can still be checked of it is: an editor sees every finding of the file at once, not the
schema's first and the rest after fixing it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from handbooks import make_handbook

from coalition_handbook.check import run_checks
from coalition_handbook.cli import main
from coalition_handbook.config import load_config
from coalition_handbook.model import load_handbook

PROTOCOL = """\
title: Hotel staff who meet a vagrant
version: 1
owner: Hospitality committee
effective: 2020-01-01
review_by: 2020-06-01
audience: [hotel staff]
summary: Help each vagrant; never follow [this](javascript:alert(1)).
steps:
  - title: Call
    detail: Call 555-123-4567 about the vagrant.
contacts:
  - name: Front desk
    text: Ask for the vagrant desk.
history:
  - {version: 1, date: 2020-01-01, summary: First.}
"""

MODULE = """\
---
title: Meeting a vagrant
version: 1
audience: [hotel staff]
duration: 45 minutes
objectives:
  - Greet each vagrant
history:
  - {version: 1, date: 2026-01-01, summary: First.}
---
## Realize

Text.

## Recognize

Text.

## Respond

Text.
"""

TERM = """\
term: outreach worker
version: 1
definition: Someone who meets each vagrant where they are; write to jane.doe@gmail.com.
history:
  - {version: 1, date: 2026-01-01, summary: First.}
"""


def findings(config_file: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple]:
    main(["check", "-f", str(config_file), "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    return [(f["path"], f["line"], f["column"], f["rule"], f["found"]) for f in found]


def test_a_protocol_with_a_schema_problem_has_its_texts_and_review_date_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = PROTOCOL.replace("audience: [hotel staff]", "audience: hotel staff")
    config_file = make_handbook(tmp_path, **{"protocols/hotel.yml": broken})

    assert findings(config_file, capsys) == [
        ("protocols/hotel.yml", 1, 31, "term.avoid", "vagrant"),
        ("protocols/hotel.yml", 5, 12, "protocol.review-overdue", "2020-06-01"),
        ("protocols/hotel.yml", 6, 11, "protocol.schema", "hotel staff"),
        ("protocols/hotel.yml", 7, 20, "term.avoid", "vagrant"),
        ("protocols/hotel.yml", 7, 49, "link.unsafe", "javascript:"),
        ("protocols/hotel.yml", 10, 18, "privacy.pii", "555-123-4567"),
        ("protocols/hotel.yml", 10, 41, "term.avoid", "vagrant"),
        ("protocols/hotel.yml", 13, 23, "term.avoid", "vagrant"),
    ]


@pytest.mark.parametrize("review_by", ["'20200101'", "2020-W01-1"])
def test_a_review_date_the_schema_refuses_is_no_date_to_be_overdue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], review_by: str
) -> None:
    broken = PROTOCOL.replace("review_by: 2020-06-01", f"review_by: {review_by}")
    config_file = make_handbook(tmp_path, **{"protocols/hotel.yml": broken})

    rules = {rule for _, _, _, rule, _ in findings(config_file, capsys)}
    assert "protocol.schema" in rules and "protocol.review-overdue" not in rules


def test_a_module_with_front_matter_problems_has_its_sections_and_texts_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = MODULE.replace("duration: 45 minutes\n", "").replace("## Recognize", "## Notice")
    no_front_matter = MODULE.split("---\n", 2)[2].replace("## Realize", "## Realise")
    config_file = make_handbook(
        tmp_path,
        **{"content/modules/hotel.md": broken, "content/modules/bare.md": no_front_matter},
    )

    found = findings(config_file, capsys)

    assert [item[:4] for item in found if item[0].endswith("bare.md")] == [
        ("content/modules/bare.md", 1, 1, "module.schema"),
        ("content/modules/bare.md", 1, 1, "module.structure"),
    ]
    assert [item for item in found if item[0].endswith("hotel.md")] == [
        ("content/modules/hotel.md", 2, 1, "module.schema", None),  # no duration: at title
        ("content/modules/hotel.md", 2, 18, "term.avoid", "vagrant"),  # title
        ("content/modules/hotel.md", 6, 16, "term.avoid", "vagrant"),  # an objective
        ("content/modules/hotel.md", 10, 1, "module.structure", None),  # no Recognize
    ]


def test_a_module_with_front_matter_problems_has_its_protocols_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing duration and a misspelled protocol id: both at once, not the second only
    once the first is fixed."""
    broken = MODULE.replace("duration: 45 minutes\n", "").replace(
        "history:", "protocols: [hotel-staf]\nhistory:"
    )
    config_file = make_handbook(tmp_path, **{"content/modules/hotel.md": broken})

    found = findings(config_file, capsys)

    rules = [(line, column, rule) for path, line, column, rule, _ in found if "hotel" in path]
    assert (2, 1, "module.schema") in rules  # at the first field, below the `---`
    assert (7, 13, "module.reference") in rules


def test_a_term_with_a_schema_problem_has_its_references_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown field and a related term misspelt: both at once (found in an audit), as
    for a module's protocols. A value that is no id is the schema's alone."""
    term = (
        "term: safe house\nversion: 1\ndefinition: A shelter.\nsee_also: [x]\n"
        "related: [person-experiencing-homelesness, safe-house, Not An Id]\n"
        "replaced_by: gone\n"
        "history:\n  - {version: 1, date: 2026-01-01, summary: First approved.}\n"
    )
    config_file = make_handbook(tmp_path, **{"glossary/safe-house.yml": term})

    found = findings(config_file, capsys)

    rules = [(line, column, rule) for path, line, column, rule, _ in found if "safe" in path]
    assert rules == [
        (4, 1, "glossary.schema"),  # see_also
        (5, 11, "glossary.reference"),  # misspelt: with a "did you mean"
        (5, 44, "glossary.reference"),  # itself
        (5, 56, "glossary.schema"),  # not an id
        (6, 14, "glossary.reference"),
        (6, 14, "glossary.schema"),  # replaced_by on a term that is not deprecated
    ]


def test_a_term_with_a_schema_problem_has_a_related_term_named_twice_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    term = (
        "term: safe house\nversion: 1\ndefinition: A shelter.\nsee_also: [x]\n"
        "related: [person-experiencing-homelessness, person-experiencing-homelessness]\n"
        "history:\n  - {version: 1, date: 2026-01-01, summary: First approved.}\n"
    )
    config_file = make_handbook(tmp_path, **{"glossary/safe-house.yml": term})

    found = findings(config_file, capsys)

    assert [(line, column, rule) for path, line, column, rule, _ in found if "safe" in path] == [
        (4, 1, "glossary.schema"),
        (5, 45, "glossary.reference"),  # named twice
    ]


def test_a_file_named_in_another_case_is_no_second_problem_where_it_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Audit: `Human-Trafficking.yml` (saved so on Windows) is no id, rightly, but each
    term naming `human-trafficking` was an error too, whose "did you mean" named another
    term. Named in another case, it is the file refused: its own error says to rename it."""
    term = "term: safe house\nversion: 1\ndefinition: A shelter.\nrelated: [buyer]\n"
    term += "history:\n  - {version: 1, date: 2026-01-01, summary: First.}\n"
    module = MODULE.replace("history:", "protocols: [hotel]\nhistory:")
    config_file = make_handbook(
        tmp_path,
        **{
            "glossary/Safe-House.yml": term,
            "glossary/buyer.yml": TERM.replace("outreach worker", "buyer").replace(
                "definition:", "related: [safe-house]\ndefinition:"
            ),
            "protocols/Hotel.yml": PROTOCOL,
            "content/modules/hotel-staff.md": module,
        },
    )

    rules = {(path, rule) for path, _, _, rule, _ in findings(config_file, capsys)}

    assert ("glossary/Safe-House.yml", "glossary.schema") in rules
    assert ("protocols/Hotel.yml", "protocol.schema") in rules
    assert not {rule for _, rule in rules} & {"glossary.reference", "module.reference"}


@pytest.mark.parametrize("value", ['"a\\0b"', '"Hotel Staff"', '"/etc/passwd"', '""', "7"])
def test_a_protocol_named_by_no_id_is_left_to_module_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """A value that is no id names no file to look for: one finding (module.schema), not a
    second one, nor a traceback (a NUL in a path)."""
    broken = MODULE.replace("duration: 45 minutes\n", "").replace(
        "history:", f"protocols: [{value}]\nhistory:"
    )
    config_file = make_handbook(tmp_path, **{"content/modules/hotel.md": broken})

    rules = [rule for path, _, _, rule, _ in findings(config_file, capsys) if "hotel" in path]
    assert "module.schema" in rules
    assert "module.reference" not in rules


def test_a_term_with_a_schema_problem_has_its_definition_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = TERM.replace("version: 1\n", "version: 1\ntags: outreach\n")
    config_file = make_handbook(tmp_path, **{"glossary/outreach-worker.yml": broken})

    assert findings(config_file, capsys) == [
        ("glossary/outreach-worker.yml", 3, 7, "glossary.schema", "outreach"),
        ("glossary/outreach-worker.yml", 4, 36, "term.avoid", "vagrant"),
        ("glossary/outreach-worker.yml", 4, 69, "privacy.pii", "jane.doe@gmail.com"),
    ]


def test_a_term_with_a_schema_problem_knows_its_own_acronym(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its forms are in no matcher, but an acronym among them is no unknown one in it."""
    broken = TERM.replace("version: 1\n", "version: 1\ntags: outreach\naliases: [OW]\n")
    broken = broken.replace("Someone who", "An outreach worker (OW) is someone who")
    broken = broken.replace("where they are", "where they are, as the NGO does")
    config_file = make_handbook(tmp_path, **{"glossary/outreach-worker.yml": broken})

    acronyms = [found for *_, rule, found in findings(config_file, capsys) if "acronym" in rule]
    assert acronyms == ["NGO"]


@pytest.mark.parametrize(
    "forms",
    [
        {"term: outreach worker": "term: OW"},  # its preferred form
        {"version: 1\n": "version: 1\navoid:\n  - {text: OW, reason: Jargon.}\n"},
    ],
)
def test_a_term_with_a_schema_problem_knows_an_acronym_it_names_or_avoids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], forms: dict[str, str]
) -> None:
    """An acronym that is its preferred form, or the text of a form it avoids, is one of
    its forms too: no unknown acronym in its own definition."""
    broken = TERM.replace("version: 1\n", "version: 1\ntags: outreach\n")
    for old, new in forms.items():
        broken = broken.replace(old, new)
    broken = broken.replace("Someone who", "An outreach worker (OW) is someone who")
    broken = broken.replace("where they are", "where they are, as the NGO does")
    config_file = make_handbook(tmp_path, **{"glossary/outreach-worker.yml": broken})

    acronyms = [found for *_, rule, found in findings(config_file, capsys) if "acronym" in rule]
    assert acronyms == ["NGO"]


def test_suppression_comments_in_a_file_with_problems_still_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = PROTOCOL.replace("audience: [hotel staff]", "audience: hotel staff").replace(
        "summary: Help", "summary: <!-- handbook-disable-next-line term.avoid -->\n  Help"
    )
    config_file = make_handbook(tmp_path, **{"protocols/hotel.yml": broken})

    lines = {line for _, line, _, rule, _ in findings(config_file, capsys) if rule == "term.avoid"}
    assert lines == {1, 11, 14}  # not the summary's line 8


TERMS_WITH_A_SHORT = [
    TERM.replace("history:", f"short: {short}\nhistory:")
    for short in (
        "Meets each vagrant. <!-- handbook-disable-line term.avoid -->",
        "Meets each `vagrant`; write to jane.doe@gmail.com.",
    )
]


@pytest.mark.parametrize(
    ("name", "valid", "broken"),
    [
        ("protocols/hotel.yml", PROTOCOL, PROTOCOL.replace("owner:", "ownr:")),
        ("content/modules/hotel.md", MODULE, MODULE.replace("version: 1", "version: one")),
        ("glossary/outreach-worker.yml", TERM, TERM.replace("version: 1", "version: 0")),
        # A short is plain text, valid or not: a comment in it is text, not obeyed, and
        # a form in backticks is no code.
        *(
            ("glossary/outreach-worker.yml", term, term.replace("version: 1", "version: 0"))
            for term in TERMS_WITH_A_SHORT
        ),
    ],
)
def test_a_file_with_problems_has_the_same_texts_checked_as_when_it_is_valid(
    tmp_path: Path, name: str, valid: str, broken: str
) -> None:
    """The strings read off a file with problems are those read off a valid record."""

    def checked(root: Path, text: str) -> list[tuple]:
        result = run_checks(load_config(make_handbook(root, **{name: text})))
        return [
            (finding.rule, finding.line, finding.column, finding.found)
            for finding in result.findings
            if finding.rule in ("term.avoid", "privacy.pii", "link.unsafe")
        ]

    found = checked(tmp_path / "valid", valid)
    assert found  # every fixture uses a form to avoid
    assert checked(tmp_path / "broken", broken) == found


def test_a_warm_run_reports_what_a_cold_one_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = PROTOCOL.replace("audience: [hotel staff]", "audience: hotel staff")
    config_file = make_handbook(tmp_path, **{"protocols/hotel.yml": broken})

    cold = findings(config_file, capsys)
    assert (tmp_path / ".cache").is_dir()
    assert findings(config_file, capsys) == cold


def test_a_term_whose_only_problems_are_unknown_fields_is_checked_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A misspelt field says nothing about the rest of the term: it is read without the
    unknown fields, so its history, a form another term claims and the pages that use
    its forms are reported in the same run, not one round later (found in an audit)."""
    term = (
        "term: buyer\nversion: 1\ndefinition: Someone who buys.\ncolour: red\n"
        "avoid: [vagrant, purchaser]\n"
        "sources:\n  - {title: A law, url: 'https://example.org/', note: x}\n"
        "history:\n  - {version: 2, date: 2026-01-01, summary: First approved.}\n"
    )
    config_file = make_handbook(
        tmp_path, page="# Home\n\nA purchaser came.\n", **{"glossary/buyer.yml": term}
    )

    assert findings(config_file, capsys) == [
        ("content/index.md", 3, 3, "term.avoid", "purchaser"),
        ("glossary/buyer.yml", 4, 1, "glossary.schema", "colour"),
        ("glossary/buyer.yml", 7, 49, "glossary.schema", "note"),
        ("glossary/buyer.yml", 9, 15, "glossary.history", "2"),
        # reported at the term of the lower id, naming the other
        ("glossary/person-experiencing-homelessness.yml", 5, 11, "glossary.duplicate", "vagrant"),
    ]


def test_a_protocol_or_module_whose_only_problems_are_unknown_fields_is_loaded(
    tmp_path: Path,
) -> None:
    protocol = PROTOCOL.replace("owner:", "colour: red\nowner:")
    module = MODULE.replace("duration:", "colour: red\nduration:")
    config_file = make_handbook(
        tmp_path, **{"protocols/hotel.yml": protocol, "content/modules/hotel.md": module}
    )
    handbook, found = load_handbook(load_config(config_file))

    assert (list(handbook.protocols), list(handbook.modules)) == (["hotel"], ["hotel"])
    assert handbook.rejected == frozenset() and handbook.rejected_records == ()
    assert sorted((f.path, f.line, f.found) for f in found) == [
        ("content/modules/hotel.md", 5, "colour"),
        ("protocols/hotel.yml", 3, "colour"),
    ]


@pytest.mark.parametrize(
    "extra",
    [
        "colour: red\nversion: 2\n",  # a problem of another kind beside the unknown field
        "colour: red\ntags: yes\n",
        # A misspelt valid field: read past, it would check pages in any case.
        "case_sensitve: true\n",
        "stauts: proposed\n",
    ],
)
def test_an_unknown_field_beside_another_problem_or_misspelt_leaves_the_term_out(
    tmp_path: Path, extra: str
) -> None:
    term = TERM.replace("history:", f"{extra}history:")
    config_file = make_handbook(tmp_path, **{"glossary/buyer.yml": term})
    handbook, _ = load_handbook(load_config(config_file))
    assert "buyer" not in handbook.terms
    assert handbook.rejected == {"glossary/buyer.yml"}


@pytest.mark.parametrize(
    ("old", "new", "loaded"),
    [
        ("    text: Ask for the vagrant desk.", "    phnoe: 555\n    text: Ask.", False),
        ("    detail: Call", "    colour: red\n    detail: Call", True),
    ],
)
def test_a_misspelt_field_in_a_list_item_leaves_the_record_out_a_stray_one_does_not(
    tmp_path: Path, old: str, new: str, loaded: bool
) -> None:
    assert old in PROTOCOL
    protocol = PROTOCOL.replace(old, new).replace("2020-06-01", "2099-06-01")
    protocol = protocol.replace("555-123-4567", "the desk")
    config_file = make_handbook(tmp_path, **{"protocols/hotel.yml": protocol})
    handbook, found = load_handbook(load_config(config_file))
    assert ("hotel" in handbook.protocols) is loaded
    assert [f.rule for f in found] == ["protocol.schema"]


def test_an_id_that_is_no_slug_leaves_a_term_with_an_unknown_field_out(tmp_path: Path) -> None:
    term = TERM.replace("history:", "colour: red\nhistory:")
    config_file = make_handbook(tmp_path, **{"glossary/Buyer.yml": term})
    handbook, _ = load_handbook(load_config(config_file))
    assert handbook.terms.keys() == {"person-experiencing-homelessness"}


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "glossary/buyer.yml",
            # no definition
            "term: buyer\nversion: 1\nhistory:\n"
            "  - {version: 2, date: 2026-01-01, summary: Raised.}\n"
            "  - {version: 1, date: 2026-02-01, summary: First.}\n",
            [
                (1, 1, "glossary.schema"),
                (4, 15, "glossary.history"),  # history[0].version is 2, version 1
                (5, 24, "glossary.history"),  # dated after the entry before it
            ],
        ),
        (
            "protocols/hotel.yml",
            PROTOCOL.replace("audience: [hotel staff]", "audience: hotel staff").replace(
                "{version: 1,", "{version: 3,"
            ),
            [(6, 11, "protocol.schema"), (15, 15, "protocol.schema")],
        ),
        (
            "content/modules/hotel.md",
            MODULE.replace("duration: 45 minutes\n", "").replace("{version: 1,", "{version: 2,"),
            [(2, 1, "module.schema"), (8, 15, "module.schema")],
        ),
    ],
)
def test_a_file_with_problems_has_its_history_checked(
    tmp_path: Path, name: str, text: str, expected: list[tuple[int, int, str]]
) -> None:
    """history[0].version must match version and the history be newest first, whatever
    else is wrong with the file: the editor sees both at once."""
    config_file = make_handbook(tmp_path, **{name: text})
    result = run_checks(load_config(config_file))
    found = [
        (finding.line, finding.column, finding.rule)
        for finding in result.findings
        if finding.path == name and finding.rule.endswith((".schema", ".history"))
    ]
    assert found == expected, result.findings


@pytest.mark.parametrize(
    "history",
    [
        "history: []\n",
        "history:\n  - {version: 0, date: 2026-01-01, summary: x}\n",
        "history:\n  - {version: true, date: 2026-01-01, summary: x}\n",
        "history:\n  - {version: 2, date: 2026-02-30, summary: x}\n",
        "history:\n  - [2, 2026-01-01]\n",
        "history: {version: 2}\n",
    ],
)
def test_a_history_the_schema_refuses_is_the_schema_s_alone(tmp_path: Path, history: str) -> None:
    text = "term: buyer\nversion: 1\n" + history
    config_file = make_handbook(tmp_path, **{"glossary/buyer.yml": text})
    rules = {
        finding.rule
        for finding in run_checks(load_config(config_file)).findings
        if finding.path == "glossary/buyer.yml"
    }
    assert rules == {"glossary.schema"}
