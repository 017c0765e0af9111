"""Suppression comments, markdownlint's shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from handbooks import make_handbook
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_handbook import suppression
from coalition_handbook.check import run_checks
from coalition_handbook.config import load_config
from coalition_handbook.rules import suppression_unknown_rule
from coalition_handbook.suppression import parse_suppressions

COMMENT_LINES = re.compile(r"^ *<!-- handbook-.*\n", re.MULTILINE)

PAGE = """\
line 1
<!-- handbook-disable term.avoid -->
line 3
<!-- handbook-enable term.avoid -->
line 5
<!-- handbook-disable-next-line -->
line 7
line 8
<!-- handbook-disable term -->
line 10
<!-- handbook-enable -->
line 12 <!-- handbook-disable-line privacy.pii -->
```
<!-- handbook-disable -->
```
line 16
    <!-- handbook-disable-next-line term.case, term.avoid -->
line 18
Use `<!-- handbook-disable -->` to switch checks off.
line 20
"""


@pytest.mark.parametrize(
    ("rule", "line", "suppressed"),
    [
        ("term.avoid", 1, False),
        ("term.avoid", 2, True),
        ("term.avoid", 3, True),
        ("privacy.pii", 3, False),
        ("term.avoid", 4, False),
        ("term.avoid", 5, False),
        ("term.avoid", 7, True),
        ("privacy.pii", 7, True),
        ("term.avoid", 8, False),
        ("term.case", 10, True),
        ("privacy.pii", 10, False),
        ("term.case", 11, False),
        ("privacy.pii", 12, True),
        ("term.avoid", 12, False),
        ("term.avoid", 16, False),  # the comment inside the code block does not count
        ("term.avoid", 18, True),
        ("term.case", 18, True),
        ("privacy.pii", 18, False),
        ("term.avoid", 20, False),  # inline code shows a comment; it does not count
    ],
)
def test_suppresses(rule: str, line: int, suppressed: bool) -> None:
    assert parse_suppressions(PAGE).suppresses(rule, line) is suppressed


def test_a_disable_line_comment_covers_its_own_line_only() -> None:
    """markdownlint's disable-line: the line the comment is on, not the one after."""
    suppressions = parse_suppressions("a <!-- handbook-disable-line privacy.pii -->\nb\n")
    assert suppressions.suppresses("privacy.pii", 1) is True
    assert suppressions.suppresses("privacy.pii", 2) is False


def test_nothing_to_suppress() -> None:
    suppressions = parse_suppressions("# A page\n\nNo comments.\n")
    assert not suppressions
    assert not suppressions.suppresses("term.avoid", 1)


def test_disable_everything_then_enable_one_rule() -> None:
    text = "<!-- handbook-disable -->\na\n<!-- handbook-enable term.avoid -->\nb\n"
    suppressions = parse_suppressions(text)
    assert not suppressions.suppresses("term.avoid", 4)
    assert suppressions.suppresses("term.case", 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The enable ends what the disable before it switched off, and only that.
        (
            "<!-- handbook-disable privacy.pii term.avoid -->\na\n<!-- handbook-enable -->\n",
            [(3, ["privacy.pii", "term.avoid"])],
        ),
        # An enable that switched nothing on again ends nothing; nor does a second one.
        (
            "<!-- handbook-enable -->\n<!-- handbook-disable privacy.pii -->\n"
            "<!-- handbook-enable privacy.pii --> <!-- handbook-enable privacy.pii -->\n",
            [(3, ["privacy.pii"])],
        ),
        # Disabled and enabled again on one line, then disabled by family.
        (
            "<!-- handbook-disable term.avoid --><!-- handbook-enable term.avoid -->\n"
            "<!-- handbook-disable term -->\nb\n<!-- handbook-enable term.avoid -->\n",
            [(1, ["term.avoid"]), (4, ["term.avoid"])],
        ),
    ],
)
def test_the_enables_that_switch_rules_on_again(
    text: str, expected: list[tuple[int, list[str]]]
) -> None:
    rules = ["privacy.pii", "term.avoid", "term.case"]
    ended = parse_suppressions(text).enables_ending(rules)
    assert all(directive.action == "enable" for directive, _ in ended)
    assert [(directive.line, names) for directive, names in ended] == expected


THROUGHOUT = (
    "a\n<!-- handbook-disable privacy.pii -->\nb\n<!-- handbook-enable -->\n"
    "<!-- handbook-disable -->\nc\nd\n<!-- handbook-enable term.avoid -->\ne\n"
)


@pytest.mark.parametrize(
    ("rule", "first", "last", "expected"),
    [
        ("privacy.pii", 2, 3, True),
        ("privacy.pii", 2, 4, False),  # switched on again on line 4
        ("privacy.pii", 1, 3, False),  # on at line 1
        ("privacy.pii", 5, 9, True),  # off again from line 5, the enable names another
        ("term.avoid", 5, 7, True),
        ("term.avoid", 5, 8, False),
        ("term.avoid", 9, 9, False),
    ],
)
def test_a_rule_switched_off_throughout_lines(
    rule: str, first: int, last: int, expected: bool
) -> None:
    suppressions = parse_suppressions(THROUGHOUT)
    assert suppressions.switched_off_throughout(rule, first, last) is expected
    lines = range(first, last + 1)
    assert all(suppressions.switched_off(rule, line) for line in lines) is expected


def test_an_enable_a_yaml_string_implies_ends_nothing_named() -> None:
    """The enable at a YAML string's end is no comment an editor wrote: one that ends a
    disable is none a change could take out."""
    source = "definition: A person. <!-- handbook-disable term -->\nnote: x\n"
    value = "A person. <!-- handbook-disable term -->"
    start = source.index(value)
    offsets = list(range(start, start + len(value) + 1))
    suppressions = suppression.parse_value_suppressions(source, [(value, offsets)])
    assert [directive.implied for directive in suppressions.directives] == [False, True]
    assert suppressions.enables_ending(["term.avoid"]) == []


def test_a_yaml_string_s_comment_switches_nothing_off_on_the_file_s_next_line() -> None:
    """The next field, on the line just after the string's last, is checked again."""
    source = "steps:\n  - detail: >\n      A. <!-- handbook-disable -->\n      B.\n    title: C\n"
    value = "A. <!-- handbook-disable -->\nB.\n"
    start = source.index("A.")
    offsets = [
        *range(start, start + 29),  # "A. <!-- ... -->" and its line break
        *range(source.index("B."), source.index("B.") + 4),  # "B.\n", then one past
    ]
    suppressions = suppression.parse_value_suppressions(source, [(value, offsets)])
    assert [suppressions.suppresses("term.avoid", line) for line in (2, 3, 4, 5)] == [
        False,
        True,
        True,
        False,
    ]


def test_comments_in_indented_code_do_not_count() -> None:
    text = "Para.\n\n    <!-- handbook-disable -->\n\nline 5\n"
    assert not parse_suppressions(text).suppresses("term.avoid", 5)


def test_comments_in_admonitions_and_lists_count() -> None:
    text = (
        "!!! note\n    <!-- handbook-disable-next-line -->\n    line 3\n\n"
        "- item\n\n    <!-- handbook-disable-next-line -->\n    line 8\n"
    )
    suppressions = parse_suppressions(text)
    assert suppressions.suppresses("term.avoid", 3)
    assert suppressions.suppresses("term.avoid", 8)


def test_front_matter_holds_no_comments() -> None:
    text = "---\ntitle: '<!-- handbook-disable -->'\n---\nline 4\n"
    assert not parse_suppressions(text, body_line=4).suppresses("term.avoid", 4)
    assert parse_suppressions(text).suppresses("term.avoid", 4)  # read as Markdown, it would


@pytest.mark.parametrize(
    ("text", "rule", "suppressed"),
    [
        # rules listed with commas and no spaces
        ("<!-- handbook-disable-next-line term.case,term.avoid -->\nx\n", "term.avoid", True),
        ("<!-- handbook-disable-next-line term.case,term.avoid -->\nx\n", "term.case", True),
        ("<!-- handbook-disable-next-line term.case,term.avoid -->\nx\n", "privacy.pii", False),
        # `*` names every rule
        ("<!-- handbook-disable * -->\nx\n", "privacy.pii", True),
        ("<!-- handbook-disable term.* -->\nx\n", "term.case", True),
        ("<!-- handbook-disable term.* -->\nx\n", "privacy.pii", False),
        # names in any case, as markdownlint reads its rules' names
        ("<!-- handbook-disable-next-line Term.Avoid -->\nx\n", "term.avoid", True),
        ("<!-- handbook-disable PRIVACY -->\nx\n", "privacy.pii", True),
        ("<!-- handbook-disable Term.* -->\nx\n", "term.case", True),
        # the comment's own word too, as markdownlint reads its comments
        ("<!-- Handbook-Disable-Next-Line term.avoid -->\nx\n", "term.avoid", True),
        ("<!-- HANDBOOK-DISABLE -->\nx\n", "privacy.pii", True),
        ("<!-- hAndbook-disable -->\nx\n", "privacy.pii", True),
        # two comments on one line: the later one wins
        ("<!-- handbook-disable --> <!-- handbook-enable -->\nx\n", "term.avoid", False),
        ("<!-- handbook-enable --> <!-- handbook-disable -->\nx\n", "term.avoid", True),
        (
            "<!-- handbook-disable -->\n<!-- handbook-enable --><!-- handbook-disable -->\nx\n",
            "term.avoid",
            True,
        ),
        (
            "<!-- handbook-disable -->\n<!-- handbook-disable --><!-- handbook-enable -->\nx\n",
            "term.avoid",
            False,
        ),
    ],
)
def test_rule_lists_and_comments_sharing_a_line(text: str, rule: str, suppressed: bool) -> None:
    last_line = text.count("\n")
    assert parse_suppressions(text).suppresses(rule, last_line) is suppressed


# A term and a protocol whose Markdown strings name a form to avoid ("vagrant", of the
# term in `handbooks.TERM`), with suppression comments written inside those strings.
DEFINED_TERM = """\
term: outreach worker
version: 1
definition: |
  Someone who meets people where they are.
  <!-- handbook-disable-next-line term.avoid -->
  Older leaflets said "vagrant outreach".
  Never say vagrant.
history:
  - version: 1
    date: 2026-01-01
    summary: First approved.
"""

PROTOCOL = """\
title: Street outreach
version: 1
owner: Outreach committee
effective: 2026-01-01
review_by: 2030-01-01
audience: [volunteers]
summary: |
  <!-- handbook-disable term.avoid -->
  What to do when you meet a vagrant, in the words people still use.
steps:
  - title: Listen
    detail: |
      Do not call anyone a vagrant.
      <!-- handbook-disable -->
      ```
      <!-- handbook-enable -->
      ```
      A vagrant is a person.
  - title: Refer
    detail: A vagrant needs a referral.
contacts:
  - name: Desk
history:
  - version: 1
    date: 2026-01-01
    summary: First approved.
"""


def test_comments_in_term_and_protocol_strings_suppress_there_only(tmp_path: Path) -> None:
    config_file = make_handbook(
        tmp_path,
        **{"glossary__outreach-worker.yml": DEFINED_TERM, "protocols__outreach.yml": PROTOCOL},
    )
    findings = run_checks(load_config(config_file)).findings
    assert [(finding.path, finding.line, finding.rule) for finding in findings] == [
        ("glossary/outreach-worker.yml", 7, "term.avoid"),  # the line after the next one
        # The summary's `disable` ends with the summary (line 9 is not reported, 13 is);
        # line 18 stays disabled, as the `enable` on line 16 is code, shown not obeyed.
        ("protocols/outreach.yml", 13, "term.avoid"),
        ("protocols/outreach.yml", 20, "term.avoid"),  # the next step is checked again
    ]


def _avoided_lines(tmp_path: Path, definition: str) -> list[int]:
    term = DEFINED_TERM.replace(DEFINED_TERM.split("definition: ", 1)[1].split("history:")[0], "")
    term = term.replace("definition: ", f"definition: {definition}")
    config_file = make_handbook(tmp_path, **{"glossary__outreach-worker.yml": term})
    findings = run_checks(load_config(config_file)).findings
    return [finding.line for finding in findings if finding.rule == "term.avoid"]


@pytest.mark.parametrize(
    ("definition", "lines"),
    [
        # A folded string: its two lines are one Markdown line, which the comment covers.
        (
            ">-\n  Someone who meets each vagrant where they\n  are. Never say vagrant."
            " <!-- handbook-disable-line term.avoid -->\n",
            [],
        ),
        # The same in a quoted string written over two lines.
        (
            '"Someone who meets each vagrant where they\n  are. Never say vagrant.'
            ' <!-- handbook-disable-line term.avoid -->"\n',
            [],
        ),
        # The file's next line, in the middle of a folded Markdown line, and no more...
        (
            ">-\n  Someone who meets people.\n  <!-- handbook-disable-next-line term.avoid -->"
            "\n  Never say vagrant,\n  nor vagrant.\n",
            [7],
        ),
        # ...and not past the end of the string: the next field is checked.
        (
            "Never say vagrant. <!-- handbook-disable-next-line term.avoid -->\n"
            "short: Meets each vagrant.\n",
            [3, 4],
        ),
        # Not either where a folded string ends with a line break of its own.
        (
            ">\n  Never say vagrant. <!-- handbook-disable-next-line term.avoid -->\n"
            "  also vagrant here.\nshort: Meets each vagrant.\n",
            [4, 6],
        ),
        # The next Markdown line whole, after a blank line, over the file's two lines.
        (
            ">-\n  Intro. <!-- handbook-disable-next-line term.avoid -->\n\n"
            "  Never say vagrant,\n  nor vagrant.\n",
            [],
        ),
        # A comment in the middle of a one-line string disables what follows it there.
        ("Intro <!-- handbook-disable term.avoid --> vagrant.\n", []),
        # An escaped carriage return stays inside its line of the string (found in review).
        (
            '"Going out.\\r Then\n\n  <!-- handbook-disable-next-line term.avoid -->\n\n'
            '  meet the vagrant there."\n',
            [],
        ),
    ],
)
def test_comments_in_a_string_written_over_several_lines_cover_what_they_say(
    tmp_path: Path, definition: str, lines: list[int]
) -> None:
    assert _avoided_lines(tmp_path, definition) == lines


def test_without_comments_every_use_is_reported(tmp_path: Path) -> None:
    config_file = make_handbook(
        tmp_path,
        **{
            "glossary__outreach-worker.yml": COMMENT_LINES.sub("", DEFINED_TERM),
            "protocols__outreach.yml": COMMENT_LINES.sub("", PROTOCOL),
        },
    )
    findings = run_checks(load_config(config_file)).findings
    assert len([finding for finding in findings if finding.rule == "term.avoid"]) == 6


def test_a_comment_naming_no_rule_is_reported_where_the_name_is(tmp_path: Path) -> None:
    page = (
        "# Home\n\n<!-- handbook-disable-next-line term.avoidd, term -->\nNo vagrant here.\n"
        "<!-- handbook-disable term.* privacy * -->\n<!-- handbook-enable -->\n"
        "<!-- handbook-disable-line Privacy.PII -->\n"
    )
    term = DEFINED_TERM.replace("next-line term.avoid -->", "next-line glossary.histry -->")
    config_file = make_handbook(tmp_path, page, **{"glossary__outreach-worker.yml": term})
    findings = run_checks(load_config(config_file)).findings
    unknown = [finding for finding in findings if finding.rule == "suppression.unknown-rule"]
    assert [(finding.path, finding.line, finding.column, finding.found) for finding in unknown] == [
        ("content/index.md", 3, 33, "term.avoidd"),
        ("glossary/outreach-worker.yml", 5, 35, "glossary.histry"),
    ]
    assert "did you mean 'term.avoid'?" in unknown[0].message
    assert unknown[0].severity == "warning"
    # The misspelt name switches nothing off; the family named beside it does.
    assert not any(finding.rule == "term.avoid" and finding.line == 4 for finding in findings)
    assert any(finding.rule == "term.avoid" and finding.line == 6 for finding in findings)


def test_a_misspelt_comment_is_reported_and_obeyed_as_none(tmp_path: Path) -> None:
    """Audit: `handbook-disabled` was read past without a word; a misspelt enable left
    the checks off to the end of the page."""
    page = (
        "# Home\n\n<!-- handbook-disable term.avoid -->\n<!-- Handbook-Enabled -->\n"
        "A vagrant.\n\n<!-- handbook-disabled -->\nA vagrant.\n\n"
        "<!-- handbook-note: ask the task force -->\n<!-- handbook-enable term.avoidd -->\n"
        "<!-- handbook-disable_next_line -->\n<!-- Handbook-wide wording, 2026 -->\n"
        "<!-- handbook-ignore term.avoid -->\n"
        "`<!-- handbook-enabeld -->` in code is no comment.\n"
    )
    other = "# Other\n\n<!-- handbook-disabled term.avoid -->\nA vagrant.\n"
    config_file = make_handbook(tmp_path, page, **{"content__other.md": other})
    findings = run_checks(load_config(config_file)).findings
    # A misspelt disable switches nothing off.
    assert [(f.path, f.line) for f in findings if f.rule == "term.avoid"] == [
        ("content/other.md", 4)
    ]
    unknown = [
        finding
        for finding in findings
        if finding.rule == "suppression.unknown-rule" and finding.path == "content/index.md"
    ]
    assert [(finding.line, finding.column, finding.message) for finding in unknown] == [
        (
            4,
            6,
            "'Handbook-Enabled' is no suppression comment, so it does nothing "
            "(did you mean 'handbook-enable'?)",
        ),
        (
            7,
            6,
            "'handbook-disabled' is no suppression comment, so it does nothing "
            "(did you mean 'handbook-disable'?)",
        ),
        # 'handbook-note' (line 10) is near no keyword: an author's note, not reported.
        (
            11,
            22,
            "handbook-enable names 'term.avoidd', which is no rule, so it switches nothing on "
            "(did you mean 'term.avoid'?)",
        ),
        (
            12,
            6,
            "'handbook-disable_next_line' is no suppression comment, so it does nothing "
            "(did you mean 'handbook-disable-next-line'?)",
        ),
        # Near no keyword, but naming a rule: another linter's word, no note (second review).
        (14, 6, "'handbook-ignore' is no suppression comment, so it does nothing"),
    ]


@pytest.mark.parametrize(
    ("text", "rule", "lines"),
    [
        # markdownlint reads any white space, line breaks too, before and among the names.
        ("<!-- handbook-disable\nterm.avoid -->\nx\n", "term.avoid", [1, 2, 3]),
        ("<!-- handbook-disable\nterm.avoid -->\nx\n", "privacy.pii", []),
        ("<!-- handbook-disable term.case,\n  term.avoid\n-->\nx\n", "term.avoid", [1, 2, 3, 4]),
        # The next line is the one after the comment closes.
        ("<!-- handbook-disable-next-line\nterm.avoid -->\nx\ny\n", "term.avoid", [3]),
        ("a <!-- handbook-disable-line\nterm.avoid --> b\nc\n", "term.avoid", [1, 2]),
        ("<!-- handbook-disable -->\n<!-- handbook-enable\nterm.avoid -->\nx\n", "term.avoid", [1]),
        # A comment in a paragraph ends with it; one that starts a line goes on, as in
        # CommonMark; neither goes into code.
        ("Text <!-- handbook-disable\n\nterm.avoid -->\nx\n", "term.avoid", []),
        ("<!-- handbook-disable\n\nterm.avoid -->\nx\n", "term.avoid", [1, 2, 3, 4]),
        ("Text <!-- handbook-disable\n\n    term.avoid -->\nx\n", "term.avoid", []),
        # The keyword on the line after `<!--`, as Prettier lays a comment out (review).
        ("<!--\nhandbook-disable-next-line term.avoid -->\nx\n", "term.avoid", [3]),
        ("<!--\na note\n-->\nx\n", "term.avoid", []),
        # In a quote, each line's `>` is the quote's, not the comment's end (review).
        ("> <!-- handbook-disable-next-line\n> term.avoid -->\n> x\n", "term.avoid", [3]),
        ("> <!--\n> handbook-disable-line term.avoid\n> -->\n", "term.avoid", [1, 2, 3]),
    ],
)
def test_a_comment_may_go_on_over_several_lines(text: str, rule: str, lines: list[int]) -> None:
    """Audit: `<!-- handbook-disable` with its rule on the next line was silently no
    comment at all."""
    suppressions = parse_suppressions(text)
    last_line = text.count("\n")
    assert [line for line in range(1, last_line + 1) if suppressions.suppresses(rule, line)] == (
        lines
    )


def test_a_comment_over_several_lines_of_a_page_or_a_string_names_each_rule_where_it_is(
    tmp_path: Path,
) -> None:
    page = "# Home\n\n<!-- handbook-disable-next-line\n  term.avoidd term -->\nNo vagrant here.\n"
    term = DEFINED_TERM.replace(
        "<!-- handbook-disable-next-line term.avoid -->",
        "<!-- handbook-disable-next-line\n  term.avoid -->",
    )
    config_file = make_handbook(tmp_path, page, **{"glossary__outreach-worker.yml": term})
    findings = run_checks(load_config(config_file)).findings
    assert [
        (finding.path, finding.line, finding.column, finding.found)
        for finding in findings
        if finding.rule in ("term.avoid", "suppression.unknown-rule")
    ] == [
        ("content/index.md", 4, 3, "term.avoidd"),
        ("glossary/outreach-worker.yml", 8, 13, "vagrant"),  # "Never say vagrant."
    ]


def test_words_that_are_no_rule_are_reported_once_with_no_rule_to_suggest(
    tmp_path: Path,
) -> None:
    """Audit: a reason written after the rule (`term.avoid because it is quoted`) gave a
    warning for each word, each with a hint such as "did you mean 'term.case'"."""
    page = (
        "# Home\n\n<!-- handbook-disable-next-line term.avoid because it is quoted -->\n"
        "A vagrant.\n<!-- handbook-disable-next-line privcy, as the hotline, terms -->\nx\n"
    )
    findings = run_checks(load_config(make_handbook(tmp_path, page))).findings
    assert [
        (finding.line, finding.column, finding.found, finding.message)
        for finding in findings
        if finding.rule in ("term.avoid", "suppression.unknown-rule")
    ] == [
        (
            3,
            44,
            "because",
            "handbook-disable-next-line names 'because it is quoted', which names no rule, "
            "so it switches nothing off (it takes rule ids only; a reason goes in a comment "
            "of its own)",
        ),
        (
            5,
            33,
            "privcy",
            "handbook-disable-next-line names 'privcy', which is no rule, so it switches "
            "nothing off (did you mean 'privacy'?)",
        ),
        (
            5,
            41,
            "as",
            "handbook-disable-next-line names 'as the hotline', which names no rule, so it "
            "switches nothing off (it takes rule ids only; a reason goes in a comment of "
            "its own)",
        ),
        (
            5,
            57,
            "terms",
            "handbook-disable-next-line names 'terms', which is no rule, so it switches "
            "nothing off (did you mean 'term'?)",
        ),
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        *(("term.avoid", "rule"), ("term.*", "rule"), ("TERM", "rule")),
        *(("term.avoidd", "misspelt"), ("privacy-pii", "misspelt"), ("term_avoid", "misspelt")),
        *(("privcy", "misspelt"), ("terms", "misspelt"), ("glosary-duplicate", "misspelt")),
        # A reason's words, with the punctuation of its sentence (review): no rule's shape.
        *(("because", "words"), ("quoted.", "words"), ("(quoted)", "words")),
        *(("e.g.", "words"), ("survivor-led", "words"), ("x" * 10_000, "words")),
        *(("https://ojp.gov/x.pdf", "words"), ("and/or", "words")),
        *(("polarisproject.org", "words"), ("www.ojp.gov", "words"), ("v1.2", "words")),
        *(("trem.avoid", "misspelt"), ("sec.7102", "words")),
    ],
)
def test_a_name_is_a_rule_a_misspelt_rule_or_a_word(name: str, kind: str) -> None:
    assert suppression_unknown_rule._kind(name) == kind


def test_a_long_reason_is_quoted_in_part(tmp_path: Path) -> None:
    """Review: a comment holding a page of words was quoted whole in its finding."""
    page = "# Home\n\n<!-- handbook-disable-next-line " + "quick word here " * 2_000 + "-->\nx\n"
    findings = run_checks(load_config(make_handbook(tmp_path, page))).findings
    (reason,) = [finding for finding in findings if finding.rule == "suppression.unknown-rule"]
    assert "'quick word here quick" in reason.message
    assert len(reason.message) < 300


@pytest.mark.parametrize(
    "line",
    [
        "<!-- handbook-disable" + " " * 200_000,  # never closed
        "<!-- handbook-disable " * 25_000,  # openings, none closed
        "handbook- " + "`" * 50_000 + " x" * 75_000,  # backticks that nothing closes
    ],
    ids=["spaces-after-an-opening", "openings", "backticks"],
)
def test_a_long_line_of_unclosed_comments_or_code_is_read_in_linear_time(
    tmp_path: Path, line: str
) -> None:
    """Found by a security review: the regular expressions that read the comments and the
    inline code of a line read it to its end again from each opening or each space, so
    lines of a few hundred KB took minutes (DESIGN section 11: linear time)."""
    from work import checked_in_time

    completed = checked_in_time(make_handbook(tmp_path, f"# Home\n\n{line}\n"))
    # `<!--` left open are a page.source warning (MkDocs reads them in quadratic time).
    left_open = "handbook: 1 finding: 0 errors, 1 warning, 0 infos (page.source 1)\n"
    expected = left_open if line.startswith("<!--") else ""
    assert (completed.returncode, completed.stderr) == (0, expected)


# The regular expressions that read a line's comments and inline code before they were
# replaced by linear passes; those read the same, on every line.
_OLD_COMMENT = re.compile(
    r"<!--\s*(handbook-([a-z0-9_]+(?:-[a-z0-9_]+)*))\b([^>]*?)\s*-->", re.IGNORECASE
)
_OLD_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_LINE_PIECES = [
    "`", "``", "```", " ", "\t", "\u2003", "x", ",", "-", "--", ">", "-->", "<", "<!--",
    "<!-- ", "handbook-", "disable", "enable", "-next-line", "-line", "term.avoid", "d",
    "Note", "_line", "2",
    # Whole parts of comments, which pieces this small seldom make up by chance.
    "<!-- handbook-", "<!--handbook-disable", "handbook-enable -->", " -->",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=16))
def test_comments_and_inline_code_are_read_as_the_regular_expressions_read_them(
    pieces: list[str],
) -> None:
    line = "".join(pieces)
    visible = _OLD_INLINE_CODE.sub(lambda code: " " * len(code.group(0)), line)
    assert suppression._without_inline_code(line) == visible
    assert list(suppression._suppression_comments(line)) == [
        (
            comment.start(),
            comment.start(1),
            comment.group(2).lower(),
            comment.start(3),
            comment.group(3),
        )
        for comment in _OLD_COMMENT.finditer(line)
    ]
