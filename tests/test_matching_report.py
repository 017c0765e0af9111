"""DESIGN section 4, bullet by bullet, as `handbook check --format json` reports it: each
finding's place (1-based line, column in code points of the source), `found` exactly as
the source writes it, `suggestion` and `term`; test_matching holds the matcher itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coalition_handbook.cli import main

MKDOCS_YML = (
    "site_name: T\ndocs_dir: content\nplugins:\n  - handbook:\n      handouts: false\n"
    "      rules: {term.unknown-acronym: off}\n"
)
HISTORY = "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First.\n"
GLOSSARY = {
    "person": "person experiencing homelessness",
    "trafficking": "sex trafficking",
    "child": "commercially sexually exploited child",
}
FORMS = {
    "person": "avoid:\n  - homeless person\n  - victim\n  - TIP\n  - Cafe\u0301 worker\n",
    "trafficking": "avoid: [sex trade]\n",
    "child": "avoid: [exploited child]\n",
}

# (line of the page, what it says, [(column, found, term id)])
PAGE: list[tuple[str, list[tuple[int, str, str]]]] = [
    # whole words only
    ("The victimhood of a victim.", [(21, "victim", "person")]),
    # a run of spaces or tabs, a hyphen, a non-breaking space between two words
    ("A homeless  \t person.", [(3, "homeless  \t person", "person")]),
    ("A homeless-person.", [(3, "homeless-person", "person")]),
    ("A homeless\u00a0person.", [(3, "homeless\u00a0person", "person")]),
    # the last word's plural and possessive, curly apostrophes too
    (
        "Two victims, a victim's, the victims' and victims\u2019 bags.",
        [
            (5, "victims", "person"),
            (16, "victim's", "person"),
            (30, "victims'", "person"),
            (43, "victims\u2019", "person"),
        ],
    ),
    (
        "Homeless people and exploited children\u2019s rights.",
        [
            (1, "Homeless people", "person"),
            (21, "exploited children\u2019s", "child"),
        ],
    ),
    # case-insensitive
    (
        "The SEX TRADE and the Sex Trade.",
        [
            (5, "SEX TRADE", "trafficking"),
            (23, "Sex Trade", "trafficking"),
        ],
    ),
    # a discouraged form inside a longer accepted one is no finding
    (
        "A commercially sexually exploited child; an exploited child.",
        [
            (45, "exploited child", "child"),
        ],
    ),
    # a form all in capitals matches in capitals only
    ("A tip from the front desk, a Tip, then the TIP.", [(44, "TIP", "person")]),
    # NFC: a decomposed accent, an emoji; columns count the source's code points
    (
        "\U0001f600 Caf\u00e9 worker, a cafe\u0301 worker, a victim.",
        [
            (3, "Caf\u00e9 worker", "person"),
            (18, "cafe\u0301 worker", "person"),
            (34, "victim", "person"),
        ],
    ),
]


def write_handbook(root: Path) -> Path:
    for term_id, form in GLOSSARY.items():
        path = root / "glossary" / f"{term_id}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = f"term: {form}\nversion: 1\ndefinition: What it means.\n{FORMS[term_id]}{HISTORY}"
        path.write_text(text, encoding="utf-8")
    lines = ["# Home", ""]
    for said, _ in PAGE:
        lines += [said, ""]
    # a single line break inside a paragraph joins two words; a blank line does not
    lines += ["A homeless", "person.", "", "A homeless", "", "person.", ""]
    (root / "content").mkdir()
    (root / "content" / "index.md").write_text("\n".join(lines), encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return root / "mkdocs.yml"


def expected() -> list[dict[str, object]]:
    rows = []
    for index, (_, found) in enumerate(PAGE):
        for column, text, term_id in found:
            rows.append((3 + 2 * index, column, text, term_id))
    rows.append((3 + 2 * len(PAGE), 3, "homeless\nperson", "person"))
    return [
        {
            "rule": "term.avoid",
            "severity": "warning",
            "path": "content/index.md",
            "line": line,
            "column": column,
            "found": text,
            "suggestion": GLOSSARY[term_id],
            "term": term_id,
        }
        for line, column, text, term_id in rows
    ]


def test_each_bullet_of_section_4_is_reported_where_the_source_says_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "-f", str(write_handbook(tmp_path)), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    findings = [
        {key: value for key, value in finding.items() if key != "message"}
        for finding in report["findings"]
    ]
    assert findings == expected()
    assert report["counts"] == {"error": 0, "warning": len(findings), "info": 0}
