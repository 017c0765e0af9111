"""The cross-file structural rules: duplicates, references, history, reviews, modules."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from helpers_model import (
    MKDOCS,
    MODULE_BODY,
    MODULE_FRONT,
    PROTOCOL,
    TODAY,
    chained_terms,
    module_md,
    run_rules,
    term_yaml,
    write_files,
)

from coalition_handbook.check import run_checks
from coalition_handbook.config import load_config
from coalition_handbook.findings import Severity
from coalition_handbook.model import load_handbook
from coalition_handbook.model.schema import load_schema
from coalition_handbook.rules import glossary_reference
from coalition_handbook.rules.base import CheckContext
from coalition_handbook.site.phone_links import dialable

MODULE_FILE = "content/modules/hotel-staff.md"


def findings_of(root: Path, files: dict[str, str | bytes], rule: str) -> list[tuple[str, int, str]]:
    return [(f.path, f.line, f.message) for f in run_rules(root, files) if f.rule == rule]


# --- glossary.duplicate -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "line"),
    [
        (term_yaml("survivor"), term_yaml("survivor"), 1),
        (term_yaml("survivor"), term_yaml("Survivor"), 1),
        (term_yaml("survivor"), term_yaml("person", extra="aliases: [survivors]\n"), 4),
        (term_yaml("sex trafficking"), term_yaml("sex-trafficking"), 1),
        (term_yaml("sex trafficking"), term_yaml("x", extra="avoid: [sex\u00a0trafficking]\n"), 4),
        (term_yaml("tip"), term_yaml("trafficking", extra="aliases: [TIP]\n"), 4),
        (term_yaml("foot"), term_yaml("x", extra="aliases: [feet]\n"), 4),
        # ß is "ss", as the matcher reads it: the Swiss spelling is found as this form
        (term_yaml("Straßenstrich"), term_yaml("x", extra="aliases: [Strassenstrich]\n"), 4),
        # an accepted possessive hides the avoided form's possessive uses
        (
            term_yaml("x", extra="avoid: [victim]\n"),
            term_yaml("y", extra='aliases: ["victim\'s"]\n'),
            4,
        ),
        (
            term_yaml("x", extra="avoid: [victim]\n"),
            term_yaml("y", extra='aliases: ["victim\u2019s"]\n'),
            4,
        ),
        (
            term_yaml("a", extra="avoid: [prostitute]\n"),
            term_yaml("b", extra="avoid:\n  - text: prostitutes\n    reason: x\n"),
            5,
        ),
    ],
    ids=[
        "same",
        "case",
        "plural",
        "hyphen",
        "accepted-and-avoided",
        "acronym",
        "irregular-plural",
        "sharp-s",
        "possessive",
        "curly-possessive",
        "both-avoid",
    ],
)
def test_a_form_claimed_by_two_terms(tmp_path: Path, first: str, second: str, line: int) -> None:
    found = findings_of(
        tmp_path, {"glossary/a.yml": first, "glossary/b.yml": second}, "glossary.duplicate"
    )
    assert len(found) == 1, found
    path, found_line, message = found[0]
    assert (path, found_line) == ("glossary/b.yml", line)
    assert "of term 'b' is also claimed by term 'a'" in message and "glossary/a.yml:" in message


@pytest.mark.parametrize(
    ("first", "second", "column", "message"),
    [
        (
            term_yaml("survivor"),
            term_yaml("Survivor"),
            7,
            "form 'Survivor' (accepted) of term 'b' is also claimed by term 'a' "
            "(accepted there, as 'survivor': glossary/a.yml:1:7); two terms with one "
            'preferred form: merge them into one (CONTRIBUTING.md, "Merge two terms"), '
            "or give one of them another `term`",
        ),
        (
            term_yaml("sex trafficking"),
            term_yaml("x", extra="avoid: [sex-trafficking]\n"),
            9,
            "form 'sex-trafficking' (to avoid) of term 'b' is also claimed by term 'a' "
            "(accepted there, as 'sex trafficking': glossary/a.yml:1:7); 'a' accepts it and "
            "'b' discourages it: keep it on the term that says what the coalition means",
        ),
        (
            term_yaml("x", extra="avoid: [sex-trafficking]\n"),
            term_yaml("sex trafficking"),
            7,
            "form 'sex trafficking' (accepted) of term 'b' is also claimed by term 'a' "
            "(to avoid there, as 'sex-trafficking': glossary/a.yml:4:9); 'b' accepts it and "
            "'a' discourages it: keep it on the term that says what the coalition means",
        ),
    ],
    ids=["both-accepted", "avoided-later", "accepted-later"],
)
def test_a_duplicate_says_what_each_claim_is(
    tmp_path: Path, first: str, second: str, column: int, message: str
) -> None:
    files = {"glossary/a.yml": first, "glossary/b.yml": second}
    found = [f for f in run_rules(tmp_path, files) if f.rule == "glossary.duplicate"]
    assert [(f.path, f.column, f.message, f.term) for f in found] == [
        ("glossary/b.yml", column, message, "b")
    ]


def test_a_form_claimed_by_three_terms_names_both_others(tmp_path: Path) -> None:
    """Two glossaries merged: naming only the first other term, the finding left the
    second conflict to the next run, once the editor had fixed the first (audit)."""
    files = {
        "glossary/a.yml": term_yaml("victim", extra="avoid: [survivor]\n"),
        "glossary/b.yml": term_yaml("survivor"),
        "glossary/c.yml": term_yaml("trafficking survivor", extra="aliases: [survivor]\n"),
    }
    found = findings_of(tmp_path, files, "glossary.duplicate")
    assert [(path, line) for path, line, _ in found] == [
        ("glossary/b.yml", 1),
        ("glossary/c.yml", 4),
    ]
    assert found[1][2] == (
        "form 'survivor' (accepted) of term 'c' is also claimed by term 'a' (to avoid "
        "there: glossary/a.yml:4:9) and by term 'b' (accepted there: glossary/b.yml:1:7)"
    )


def test_a_form_many_terms_claim_names_five_others_and_counts_the_rest(tmp_path: Path) -> None:
    """Review rv20: each finding named every earlier claimant, so a form that 2,000
    merged terms list made 128 MB of messages (50 s); 8 terms name 5 and count 2."""
    files = {
        f"glossary/t{number}.yml": term_yaml(f"term {number}", extra="aliases: [survivor]\n")
        for number in range(8)
    }
    found = findings_of(tmp_path, files, "glossary.duplicate")
    assert [path for path, *_ in found] == [f"glossary/t{number}.yml" for number in range(1, 8)]
    named = ", ".join(
        f"term 't{number}' (accepted there: glossary/t{number}.yml:4:11)" for number in range(5)
    ).replace(", ", " and by ")
    assert found[-1][2] == (
        f"form 'survivor' (accepted) of term 't7' is also claimed by {named} and by 2 more terms"
    )
    assert found[5][2].endswith(" and by 1 more term")


def test_a_form_listed_twice_and_claimed_by_another_term_says_both(tmp_path: Path) -> None:
    files = {
        "glossary/a.yml": term_yaml("survivor"),
        "glossary/b.yml": term_yaml("person", extra="aliases: [survivor, Survivor]\n"),
    }
    messages = [message for *_, message in findings_of(tmp_path, files, "glossary.duplicate")]
    assert messages[-1] == (
        "form 'Survivor' of term 'b' is listed twice (also as 'survivor' at "
        "glossary/b.yml:4:11), and is also claimed by term 'a' (accepted there, as "
        "'survivor': glossary/a.yml:1:7)"
    )


RENAMED = "status: deprecated\nreplaced_by: b\n"


@pytest.mark.parametrize(
    ("first", "second", "advice"),
    [
        # a term renamed: the new term lists the old form as an alias
        (
            term_yaml("victim-centered approach", extra=RENAMED),
            term_yaml("survivor-centered approach", extra="aliases: [victim-centered approach]\n"),
            "a deprecated term's forms send writers to its replacement: take it out of the "
            "`aliases` of 'b' (glossary/b.yml:4:11)",
        ),
        # ... or the old term lists the new form as an alias
        (
            term_yaml("victim-centered approach", extra=RENAMED + "aliases: [survivor-centered]\n"),
            term_yaml("survivor-centered"),
            "it is the preferred form of the replacement 'b': take it out of the `aliases` "
            "of the deprecated 'a' (glossary/a.yml:6:11)",
        ),
        # ... or both list one spelling as an alias: only the editor can tell
        (
            term_yaml("victim-centered approach", extra=RENAMED + "aliases: [VCA]\n"),
            term_yaml("survivor-centered approach", extra="aliases: [VCA]\n"),
            "keep it on one of them: on the deprecated 'a' its uses are reported as "
            "deprecated, on 'b' they are accepted",
        ),
        # ... or only the id changed
        (
            term_yaml("referral", extra=RENAMED),
            term_yaml("referral"),
            "a deprecated term's forms send writers to its replacement, which cannot accept "
            "them too: to give the term a new id and keep its form, rename glossary/a.yml "
            "instead of deprecating it",
        ),
        # two terms for one concept, from two glossaries
        (
            term_yaml("MOU", extra="aliases: [memorandum of understanding]\n"),
            term_yaml("memorandum of understanding"),
            "it is the preferred form of 'b': take it out of the `aliases` of 'a' "
            "(glossary/a.yml:4:11), or merge the two terms",
        ),
    ],
    ids=["new-accepts-old", "old-lists-new", "both-aliases", "same-form", "merged-glossaries"],
)
def test_a_duplicate_says_which_file_to_change(
    tmp_path: Path, first: str, second: str, advice: str
) -> None:
    files = {"glossary/a.yml": first, "glossary/b.yml": second}
    (message,) = [message for *_, message in findings_of(tmp_path, files, "glossary.duplicate")]
    assert message.endswith(f"); {advice}"), message


def test_two_terms_discouraging_one_form_get_no_advice(tmp_path: Path) -> None:
    """A deprecated term's form that another term avoids, suggesting another term: only
    the editor can tell which suggestion is right."""
    files = {
        "glossary/a.yml": term_yaml("john", extra="status: deprecated\nreplaced_by: c\n"),
        "glossary/b.yml": term_yaml("sex buyer", extra="avoid: [john]\n"),
        "glossary/c.yml": term_yaml("buyer"),
    }
    (message,) = [message for *_, message in findings_of(tmp_path, files, "glossary.duplicate")]
    assert message == (
        "form 'john' (to avoid) of term 'b' is also claimed by term 'a' (deprecated there: "
        "glossary/a.yml:1:7)"
    )


def test_two_deprecated_terms_sharing_a_form_and_a_replacement_are_a_duplicate(
    tmp_path: Path,
) -> None:
    """Two merged glossaries had each retired "modern-day slavery" for "human trafficking":
    one form, two terms. The only sign was a term.deprecated finding in the second one's
    definition, naming the first (audit). What to do was left unsaid (review rv20)."""
    retired = "status: deprecated\nreplaced_by: c\n"
    files = {
        "glossary/a.yml": term_yaml("modern-day slavery", extra=retired),
        "glossary/b.yml": term_yaml("modern-day slavery", extra=retired),
        "glossary/c.yml": term_yaml("human trafficking"),
    }
    found = findings_of(tmp_path, files, "glossary.duplicate")
    assert found == [
        (
            "glossary/b.yml",
            1,
            "form 'modern-day slavery' (deprecated) of term 'b' is also claimed by term 'a' "
            "(deprecated there: glossary/a.yml:1:7); 'b' and 'a' both retire it for 'c': keep "
            'one of the two and delete the other (CONTRIBUTING.md, "Merge two terms")',
        )
    ]


def test_a_deprecated_term_and_its_replacement_may_avoid_one_form(tmp_path: Path) -> None:
    """Both send a writer of "modern-day slavery" to 'c', as the matcher reads them
    (DESIGN 3.1: all of a deprecated term's forms suggest its replacement): no conflict
    (review rv20)."""
    files = {
        "glossary/a.yml": term_yaml(
            "modern slavery",
            extra="status: deprecated\nreplaced_by: c\navoid: [modern-day slavery]\n",
        ),
        "glossary/c.yml": term_yaml("human trafficking", extra="avoid: [modern-day slavery]\n"),
    }
    assert findings_of(tmp_path, files, "glossary.duplicate") == []


def test_a_deprecated_terms_form_is_called_deprecated(tmp_path: Path) -> None:
    files = {
        "glossary/a.yml": term_yaml("modern slavery", extra="status: deprecated\nreplaced_by: c\n"),
        "glossary/b.yml": term_yaml("modern slavery"),
        "glossary/c.yml": term_yaml("human trafficking"),
    }
    (message,) = [message for *_, message in findings_of(tmp_path, files, "glossary.duplicate")]
    assert "(deprecated there: glossary/a.yml:1:7)" in message


def test_a_term_listing_a_form_twice(tmp_path: Path) -> None:
    found = findings_of(
        tmp_path,
        {"glossary/a.yml": term_yaml("survivor", extra="aliases: [TIP, Survivor]\n")},
        "glossary.duplicate",
    )
    assert found == [
        (
            "glossary/a.yml",
            4,
            "form 'Survivor' of term 'a' is listed twice (also as 'survivor' at "
            "glossary/a.yml:1:7)",
        )
    ]


@pytest.mark.parametrize(
    "extra",
    [
        "aliases: [sobreviviente, sobrevivientes]\n",  # as ADOPTING tells other languages
        "aliases: [Survivors]\n",
        'aliases: ["survivor\'s", "survivors\'"]\n',
        "aliases: [children, child]\n",
        'avoid: [victim, victims, "Victim\u2019s"]\n',
    ],
    ids=["spanish-plural", "plural", "possessives", "singular-after-plural", "avoid"],
)
def test_a_term_listing_an_inflection_of_its_own_form(tmp_path: Path, extra: str) -> None:
    """A plural or possessive that the matcher makes of another form of the same term is
    found anyway: listing it changes nothing, and is no duplicate."""
    files = {"glossary/a.yml": term_yaml("survivor", extra=extra)}
    assert findings_of(tmp_path, files, "glossary.duplicate") == []


@pytest.mark.parametrize(
    ("extra", "line"),
    [
        # the same form written twice: in another case, with a hyphen, with ss for ß
        ("aliases: [víctima, Víctima]\n", 4),
        ("aliases: [trata de personas, trata-de-personas]\n", 4),
        ("aliases: [Straßenstrich, Strassenstrich]\n", 4),
        # ... or the plural of an accepted form to avoid
        ("aliases: [víctima]\navoid: [víctimas]\n", 5),
    ],
    ids=["case", "hyphen", "sharp-s", "accepted-and-avoided"],
)
def test_a_term_listing_one_form_twice_in_other_writings(
    tmp_path: Path, extra: str, line: int
) -> None:
    files = {"glossary/a.yml": term_yaml("x", extra=extra)}
    found = findings_of(tmp_path, files, "glossary.duplicate")
    assert [(path, found_line) for path, found_line, _ in found] == [("glossary/a.yml", line)]


@pytest.mark.parametrize(
    ("aliases", "column", "found"),
    [
        ("aliases: [Survivor]\n", 11, "Survivor"),
        ('aliases: ["Survivor"]\n', 12, "Survivor"),
        ("aliases:\n  - 'Survivor'\n", 6, "Survivor"),
    ],
    ids=["plain", "double-quoted", "single-quoted"],
)
def test_a_duplicate_points_at_the_form_as_written(
    tmp_path: Path, aliases: str, column: int, found: str
) -> None:
    # DESIGN section 6: line and column point at the first character of `found`.
    files = {"glossary/a.yml": term_yaml("survivor", extra=aliases)}
    (finding,) = [f for f in run_rules(tmp_path, files) if f.rule == "glossary.duplicate"]
    line = 5 if aliases.startswith("aliases:\n") else 4
    assert (finding.line, finding.column, finding.found) == (line, column, found)
    source_line = (tmp_path / "glossary/a.yml").read_text().splitlines()[line - 1]
    assert source_line[column - 1 :].startswith(found)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (term_yaml("survivor"), term_yaml("survivorship")),
        (
            term_yaml("T visa", extra="case_sensitive: true\n"),
            term_yaml("t Visa", extra="case_sensitive: true\n"),
        ),
        (
            term_yaml("Straße", extra="case_sensitive: true\n"),
            term_yaml("Strasse", extra="case_sensitive: true\n"),
        ),
        (
            term_yaml("john", extra="status: deprecated\nreplaced_by: b\n"),
            term_yaml("sex buyer", extra="avoid: [john]\n"),
        ),
        # a form of separators alone has no words: it is no use of anything, nor a duplicate
        (term_yaml("a", extra="aliases: ['-']\n"), term_yaml("b", extra="aliases: ['-']\n")),
        # "victim's" and "victims" are never found in the same words
        (
            term_yaml("x", extra='aliases: ["victim\'s"]\n'),
            term_yaml("y", extra="avoid: [victims]\n"),
        ),
    ],
    ids=[
        "different-words",
        "both-case-sensitive",
        "both-case-sensitive-sharp-s",
        "deprecated-and-its-replacement",
        "forms-without-words",
        "possessive-and-plural",
    ],
)
def test_no_duplicate(tmp_path: Path, first: str, second: str) -> None:
    files = {"glossary/a.yml": first, "glossary/b.yml": second}
    assert findings_of(tmp_path, files, "glossary.duplicate") == []


# --- glossary.reference -------------------------------------------------------------------


def test_a_related_term_listed_twice_is_named_once_more(tmp_path: Path) -> None:
    files = {
        "glossary/a.yml": term_yaml("a", extra="related: [b, c, b]\n"),
        "glossary/b.yml": term_yaml("b"),
        "glossary/c.yml": term_yaml("c"),
    }
    found = findings_of(tmp_path, files, "glossary.reference")
    assert found == [
        ("glossary/a.yml", 4, "related names 'b' twice (first at line 4): list it once")
    ]


def test_related_and_replaced_by_must_name_terms(tmp_path: Path) -> None:
    files = {
        "glossary/a.yml": term_yaml(
            "a", extra="status: deprecated\nreplaced_by: survivr\nrelated: [b, nothing, a]\n"
        ),
        "glossary/b.yml": term_yaml("b"),
        "glossary/survivor.yml": term_yaml("survivor"),
    }
    found = findings_of(tmp_path, files, "glossary.reference")
    assert [(line, message) for _, line, message in found] == [
        (
            5,
            "replaced_by names 'survivr', which is no term (there is no glossary/survivr.yml) "
            "(did you mean 'survivor'?)",
        ),
        (6, "related names 'nothing', which is no term (there is no glossary/nothing.yml)"),
        (6, "related names the term itself ('a'): remove it (related lists other terms)"),
    ]


def test_a_term_replaced_by_itself_is_told_what_to_name(tmp_path: Path) -> None:
    """ed63: "replaced_by names the term itself" said what was wrong, not what to write."""
    files = {"glossary/a.yml": term_yaml("a", extra="status: deprecated\nreplaced_by: a\n")}
    found = findings_of(tmp_path, files, "glossary.reference")
    assert [message for *_, message in found] == [
        "replaced_by names the term itself ('a'): name the term to use instead, by its file "
        "name without .yml"
    ]


def test_an_id_that_only_shares_letters_with_another_gets_no_hint(tmp_path: Path) -> None:
    """ed63: with peonage.yml removed, `related: [peonage]` was asked "did you mean
    'debt-bondage'?" (difflib's ratio 0.63), which an editor could take as the fix."""
    files = {
        "glossary/trafficker.yml": term_yaml("trafficker", extra="related: [peonage]\n"),
        "glossary/debt-bondage.yml": term_yaml("debt bondage"),
    }
    [(_, _, message)] = findings_of(tmp_path, files, "glossary.reference")
    assert message == (
        "related names 'peonage', which is no term (there is no glossary/peonage.yml)"
    )


def test_the_hint_never_names_the_term_itself(tmp_path: Path) -> None:
    # 'peonage' removed: the nearest id to it would be the referring term's own.
    files = {
        "glossary/peonages.yml": term_yaml("peonages", extra="related: [peonage]\n"),
        "glossary/survivor.yml": term_yaml("survivor"),
    }
    found = findings_of(tmp_path, files, "glossary.reference")
    assert [message for _, _, message in found] == [
        "related names 'peonage', which is no term (there is no glossary/peonage.yml)"
    ]


def test_a_replacement_that_is_deprecated_too_is_reported(tmp_path: Path) -> None:
    files = {
        "glossary/a.yml": term_yaml("a", extra="status: deprecated\nreplaced_by: b\n"),
        "glossary/b.yml": term_yaml("b", extra="status: deprecated\nreplaced_by: a\n"),
        "glossary/c.yml": term_yaml("c", extra="status: deprecated\nreplaced_by: d\n"),
        "glossary/d.yml": term_yaml("d", extra="status: deprecated\nreplaced_by: e\n"),
        "glossary/e.yml": term_yaml("e", extra="related: [d]\n"),
    }
    found = run_rules(tmp_path, files)
    go_round = (
        ": the replacements go round ({}), so its uses are told no term to use; name a term "
        "that is not deprecated"
    )
    assert [(f.rule, f.path, f.line, f.message) for f in found] == [
        ("glossary.reference", f"glossary/{term}.yml", 5, f"replaced_by names {message}")
        for term, message in (
            (
                "a",
                "'b', which is deprecated too (glossary/b.yml:4)" + go_round.format("a -> b -> a"),
            ),
            (
                "b",
                "'a', which is deprecated too (glossary/a.yml:4)" + go_round.format("b -> a -> b"),
            ),
            (
                "c",
                "'d', which is deprecated too (glossary/d.yml:4)"
                ", replaced by 'e': name the term to use now",
            ),
        )
    ]


def test_a_longer_chain_of_replacements_names_the_term_at_its_end(tmp_path: Path) -> None:
    deprecated = "status: deprecated\nreplaced_by: {}\n"
    files = {
        "glossary/a.yml": term_yaml("a", extra=deprecated.format("b")),
        "glossary/b.yml": term_yaml("b", extra=deprecated.format("c")),
        "glossary/c.yml": term_yaml("c", extra=deprecated.format("d")),
        "glossary/d.yml": term_yaml("d"),
        # Round at its end, not through its start: the path shows where it goes round.
        "glossary/e.yml": term_yaml("e", extra=deprecated.format("f")),
        "glossary/f.yml": term_yaml("f", extra=deprecated.format("g")),
        "glossary/g.yml": term_yaml("g", extra=deprecated.format("f")),
    }
    assert [message for _, _, message in findings_of(tmp_path, files, "glossary.reference")] == [
        "replaced_by names 'b', which is deprecated too (glossary/b.yml:4)"
        ", replaced by 'c', and so on to 'd': "
        "name the term to use now, 'd'",
        "replaced_by names 'c', which is deprecated too (glossary/c.yml:4)"
        ", replaced by 'd': name the term to use now",
        "replaced_by names 'f', which is deprecated too (glossary/f.yml:4)"
        ": the replacements go round "
        "(e -> f -> g -> f), so its uses are told no term to use; name a term that is not "
        "deprecated",
        "replaced_by names 'g', which is deprecated too (glossary/g.yml:4)"
        ": the replacements go round (f -> g -> f), "
        "so its uses are told no term to use; name a term that is not deprecated",
        "replaced_by names 'f', which is deprecated too (glossary/f.yml:4)"
        ": the replacements go round (g -> f -> g), "
        "so its uses are told no term to use; name a term that is not deprecated",
    ]


def test_a_deprecated_term_suggests_the_term_at_the_end_of_its_chain(tmp_path: Path) -> None:
    # Deprecated for servitude, which a year later is deprecated for forced labor: the
    # editor is told to write forced labor, not servitude (to be replaced again); two
    # terms replacing each other by mistake suggest nothing (glossary.reference says why).
    files = {
        **chained_terms(),
        "content/index.md": "# Home\n\nPeonage, servitude, bondage and serfdom.\n",
    }
    result = run_checks(write_files(tmp_path, files))
    assert [
        (f.found, f.term, f.suggestion) for f in result.findings if f.rule == "term.deprecated"
    ] == [
        ("Peonage", "peonage", "forced labor"),
        ("servitude", "servitude", "forced labor"),
        ("bondage", "bondage", None),
        ("serfdom", "serfdom", None),
    ]


def test_a_term_file_with_problems_is_told_where_its_replacement_leads(tmp_path: Path) -> None:
    # A file whose term does not load (glossary.schema) has no facts to start a chain at.
    files = {
        "glossary/a.yml": term_yaml("a", extra="status: deprecated\nreplaced_by: b\naliases: 3\n"),
        "glossary/b.yml": term_yaml("b", extra="status: deprecated\nreplaced_by: c\n"),
        "glossary/c.yml": term_yaml("c"),
    }
    assert [message for _, _, message in findings_of(tmp_path, files, "glossary.reference")] == [
        "replaced_by names 'b', which is deprecated too (glossary/b.yml:4)"
        ", replaced by 'c': name the term to use now"
    ]


def _chained(root: Path, count: int, goes_round: bool) -> CheckContext:
    """`count` terms, each deprecated for the next; the last is approved, or deprecated
    for the first (a round)."""
    deprecated = "status: deprecated\nreplaced_by: t{}\n"
    files = {
        f"glossary/t{index}.yml": term_yaml(
            f"t{index}",
            extra="" if index == count - 1 and not goes_round else deprecated.format(next_id),
        )
        for index, next_id in enumerate([*range(1, count), 0])
    }
    config = write_files(root, files)
    handbook, _ = load_handbook(config)
    return CheckContext(config=config, handbook=handbook)


@pytest.mark.parametrize("goes_round", [False, True], ids=["chain", "round"])
def test_a_long_chain_of_replacements_is_followed_in_linear_time(
    tmp_path: Path, goes_round: bool
) -> None:
    """Review rv60a: each deprecated term followed its chain on its own, for its uses'
    suggestion and for glossary.reference's message, and a round's message named every
    term of it: 2,000 terms deprecated each for the next took seconds more to check, and
    a round of them made 34 MB of findings. Twice the terms now take about twice the work."""
    from work import calls_made

    from coalition_handbook.matching import Matcher

    def follow(context: CheckContext) -> None:
        messages = [finding.message for finding in glossary_reference.check(context)]
        assert len(messages) == len(context.handbook.terms) - (0 if goes_round else 2)
        assert max(len(message) for message in messages) < 300
        Matcher.from_terms(context.handbook.terms.values())

    small, large = (_chained(tmp_path / str(count), count, goes_round) for count in (300, 600))
    for context in (small, large):  # loaded and compiled before: that work is linear
        follow(context)
    small_work = calls_made(follow, small)
    assert calls_made(follow, large) <= small_work * 2.5


def test_a_long_round_of_replacements_is_named_in_short(tmp_path: Path) -> None:
    context = _chained(tmp_path, 12, goes_round=True)
    found = list(glossary_reference.check(context))
    assert found[0].message == (
        "replaced_by names 't1', which is deprecated too (glossary/t1.yml:4)"
        ": the replacements go round (t0 -> t1 "
        "-> t2 -> t3 -> t4 -> t5 -> t6 -> t7 -> ... -> t0), so its uses are told no term to "
        "use; name a term that is not deprecated"
    )


def test_a_reference_to_a_broken_file_is_not_reported_again(tmp_path: Path) -> None:
    files = {
        "glossary/a.yml": term_yaml("a", extra="related: [b]\n"),
        "glossary/b.yml": term_yaml("b", extra="unknown: 1\n"),
    }
    found = run_rules(tmp_path, files)
    assert [(f.rule, f.path) for f in found] == [("glossary.schema", "glossary/b.yml")]


def test_valid_references_are_fine(tmp_path: Path) -> None:
    files = {
        "glossary/a.yml": term_yaml("a", extra="status: deprecated\nreplaced_by: b\n"),
        "glossary/b.yml": term_yaml("b", extra="related: [a]\n"),
    }
    assert run_rules(tmp_path, files) == []


# --- glossary.history -----------------------------------------------------------------------


def history_term(version: int, entries: list[tuple[int, str]]) -> str:
    lines = [f"term: x\nversion: {version}\ndefinition: y\nhistory:\n"]
    for entry_version, date in entries:
        lines.append(f"  - version: {entry_version}\n    date: {date}\n    summary: s\n")
    return "".join(lines)


@pytest.mark.parametrize(
    ("version", "entries", "expected"),
    [
        (2, [(2, "2026-02-01"), (1, "2026-01-01")], []),
        (2, [(2, "2026-01-01"), (1, "2026-01-01")], []),
        (
            3,
            [(2, "2026-02-01"), (1, "2026-01-01")],
            [
                (
                    5,
                    "the first history entry is for version 2 but version is 3: "
                    "add a history entry for version 3",
                )
            ],
        ),
        (
            1,
            [(2, "2026-02-01"), (1, "2026-01-01")],
            [(5, "the first history entry is for version 2 but version is 1: raise version to 2")],
        ),
        (
            2,
            [(1, "2026-01-01"), (2, "2026-02-01")],
            [
                (
                    5,
                    "the first history entry is for version 1 but version is 2: "
                    "move the entry for version 2 to",
                ),
                (8, "entry 2 (version 2) must have a lower version"),
                (9, "entry 2 (2026-02-01) is dated after"),
            ],
        ),
        (
            3,
            [(3, "2026-01-01"), (2, "2026-02-01"), (2, "2025-01-01")],
            [
                (9, "entry 2 (2026-02-01) is dated after"),
                (11, "entry 3 (version 2) must have a lower version"),
            ],
        ),
        # An entry copied at the top, its version left: the copy is named, not the entry
        # below it, which is right (it said "entry 2 must have a lower version").
        (
            3,
            [(2, "2026-03-01"), (2, "2026-02-01"), (1, "2026-01-01")],
            [
                (
                    5,
                    "the first history entry is for version 2, as is the entry after it: "
                    "give it version 3",
                )
            ],
        ),
        (
            2,
            [(2, "2026-03-01"), (2, "2026-02-01"), (1, "2026-01-01")],
            [
                (
                    5,
                    "the first two history entries are both for version 2: if the first "
                    "describes a new change, give it version 3 and raise version to 3",
                )
            ],
        ),
    ],
    ids=[
        "newest-first",
        "same-day",
        "version-not-recorded",
        "version-not-raised",
        "oldest-first",
        "mixed",
        "copied-entry-version-raised",
        "copied-entry-version-not-raised",
    ],
)
def test_history_is_newest_first_and_matches_version(
    tmp_path: Path, version: int, entries: list[tuple[int, str]], expected: list[tuple[int, str]]
) -> None:
    found = findings_of(
        tmp_path, {"glossary/x.yml": history_term(version, entries)}, "glossary.history"
    )
    assert len(found) == len(expected), found
    for (_, line, message), (expected_line, fragment) in zip(found, expected, strict=True):
        assert line == expected_line and fragment in message


def test_history_of_protocols_and_modules_is_checked_under_their_schema_rules(
    tmp_path: Path,
) -> None:
    files = {
        "glossary/x.yml": history_term(2, [(1, "2026-01-01")]),
        "protocols/hotel-staff.yml": PROTOCOL.replace("version: 2\nowner", "version: 3\nowner"),
        MODULE_FILE: module_md(
            front=MODULE_FRONT.replace("version: 1\naudience", "version: 2\naudience")
        ),
    }
    found = [(f.rule, f.path, f.line, f.column) for f in run_rules(tmp_path, files)]
    assert found == [
        ("module.schema", MODULE_FILE, 11, 14),
        ("glossary.history", "glossary/x.yml", 5, 14),
        ("protocol.schema", "protocols/hotel-staff.yml", 18, 14),
    ]


@pytest.mark.parametrize(
    ("date", "reported"),
    [("2026-06-01", False), ("2026-06-02", False), ("2026-06-03", True), ("2027-05-31", True)],
    ids=["today", "one-day-ahead", "two-days-ahead", "a-year-typo"],
)
def test_a_history_date_after_today_is_reported_with_a_day_of_slack(
    tmp_path: Path, date: str, reported: bool
) -> None:
    """Audit: a typo in the year topped the Changes page for a year, and the next editor
    was told their entry of the real date was "not newest first". A day ahead is the
    editor's today in a time zone east of the machine's."""
    text = history_term(2, [(2, date), (1, "2026-01-01")])
    found = findings_of(tmp_path, {"glossary/x.yml": text}, "glossary.history")
    expected = (
        f"history entry 1 is dated {date}, after today, {TODAY}: give the day of the change "
        "(a date one day ahead is accepted, for time zones)"
    )
    assert found == ([("glossary/x.yml", 6, expected)] if reported else [])


def test_a_future_history_date_of_a_protocol_or_module_is_under_its_schema_rule(
    tmp_path: Path,
) -> None:
    files = {
        "protocols/hotel-staff.yml": PROTOCOL.replace("date: 2026-01-01", "date: 2062-01-01"),
        MODULE_FILE: module_md(front=MODULE_FRONT.replace("date: 2026-01-01", "date: 2062-01-01")),
    }
    found = sorted(
        (f.rule, f.path, f.line, f.column, f.message.partition(":")[0])
        for f in run_rules(tmp_path, files)
    )
    future = "history entry {} is dated 2062-01-01, after today, 2026-06-01"
    assert found == [
        ("module.schema", MODULE_FILE, 12, 11, future.format(1)),
        # The protocol's oldest entry is now after the newer one too.
        ("protocol.schema", "protocols/hotel-staff.yml", 22, 11, future.format(2)),
        ("protocol.schema", "protocols/hotel-staff.yml", 22, 11, "history is not newest first"),
    ]


def test_a_future_history_date_names_the_day_handbook_today_sets(tmp_path: Path) -> None:
    from dataclasses import replace

    from coalition_handbook.model import load_handbook
    from coalition_handbook.rules import glossary_history
    from coalition_handbook.rules.base import CheckContext

    text = history_term(1, [(1, "2026-07-01")])
    config = replace(write_files(tmp_path, {"glossary/x.yml": text}), today_given=True)
    handbook, _ = load_handbook(config)
    (finding,) = glossary_history.check(CheckContext(config=config, handbook=handbook))
    assert finding.message.startswith(
        f"history entry 1 is dated 2026-07-01, after {TODAY}, the day HANDBOOK_TODAY sets:"
    )


@pytest.mark.parametrize(
    ("path", "text", "rule"),
    [
        ("glossary/x.yml", history_term(1, []) + "  []\n", "glossary.schema"),
        (
            "protocols/hotel-staff.yml",
            PROTOCOL[: PROTOCOL.index("history:")] + "history: []\n",
            "protocol.schema",
        ),
        (
            MODULE_FILE,
            module_md(front=MODULE_FRONT[: MODULE_FRONT.index("history:")] + "history: []\n"),
            "module.schema",
        ),
    ],
    ids=["term", "protocol", "module"],
)
def test_an_empty_history_is_a_schema_problem_alone(
    tmp_path: Path, path: str, text: str, rule: str
) -> None:
    files = {"protocols/hotel-staff.yml": PROTOCOL, path: text}
    found = [(f.rule, f.path, f.message) for f in run_rules(tmp_path, files)]
    assert found == [(rule, path, "'history' needs at least 1 item")]


# --- protocol.review-overdue ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("review_by", "overdue"),
    [("2026-05-31", True), ("2026-06-01", False), ("2027-01-01", False)],
)
def test_review_overdue(tmp_path: Path, review_by: str, overdue: bool) -> None:
    protocol = PROTOCOL.replace("review_by: 2027-01-01", f"review_by: {review_by}")
    found = [
        f
        for f in run_rules(tmp_path, {"protocols/hotel-staff.yml": protocol})
        if f.rule == "protocol.review-overdue"
    ]
    if not overdue:
        assert found == []
        return
    (finding,) = found
    assert (finding.path, finding.line, finding.column) == ("protocols/hotel-staff.yml", 5, 12)
    assert finding.severity is Severity.WARNING
    assert "due on 2026-05-31 (1 day ago)" in finding.message


def test_a_review_due_by_a_day_handbook_today_sets_is_not_said_to_be_past(
    tmp_path: Path,
) -> None:
    """The weekly workflow checks a month ahead: "was due ... (15 days ago)" told the
    committee of a review still 15 days off (audit)."""
    from dataclasses import replace

    from coalition_handbook.model import load_handbook
    from coalition_handbook.rules import protocol_review
    from coalition_handbook.rules.base import CheckContext

    protocol = PROTOCOL.replace("review_by: 2027-01-01", "review_by: 2026-05-17")
    config = replace(
        write_files(tmp_path, {"protocols/hotel-staff.yml": protocol}), today_given=True
    )
    handbook, _ = load_handbook(config)
    (finding,) = protocol_review.check(CheckContext(config=config, handbook=handbook))
    assert finding.message.startswith(
        f"review of protocol 'hotel-staff' is due by 2026-05-17, 15 days before {TODAY}, the "
        "day HANDBOOK_TODAY sets: review it"
    )


@pytest.mark.parametrize("phone", ["call us", "ask reception"])
def test_a_phone_without_digits_is_a_schema_problem(tmp_path: Path, phone: str) -> None:
    """The site makes a `tel:` link of a contact's phone: without digits it would dial
    nothing."""
    text = PROTOCOL.replace("phone: 1-888-373-7888", f"phone: {phone}")
    found = findings_of(tmp_path, {"protocols/hotel-staff.yml": text}, "protocol.schema")
    assert found == [
        (
            "protocols/hotel-staff.yml",
            15,
            f"'phone' of contacts item 1 is '{phone}'; expected a public phone number, "
            "written with its digits (1-888-373-7888, 911)",
        )
    ]


@pytest.mark.parametrize(
    "phone", ["١٢٢", "+٢٠ ١٦٠٠٠", "۱۲۳", "१०९८", "１１０", "๑๓๐๐", "၁၉၉", "១២៣", "໑໙໑", "௧௦௦"]
)
def test_a_phone_in_another_scripts_digits_is_no_schema_problem(tmp_path: Path, phone: str) -> None:
    """Audit ar65: an Arabic coalition's protocol giving the police as `phone: ١٢٢`
    failed every build ("expected a public phone number, written with its digits"), where
    the site links it (`tel:122`) as it links the number written in ASCII digits."""
    text = PROTOCOL.replace("phone: 1-888-373-7888", f'phone: "{phone}"')
    assert findings_of(tmp_path, {"protocols/hotel-staff.yml": text}, "protocol.schema") == []


def test_every_digit_a_phone_link_dials_is_a_digit_to_the_schema() -> None:
    """Review rv67d: the site links `phone: ๑๓๐๐` (Thai) or `၁၉၉` (Myanmar) as it links
    1300 or 199, but the schema's digits were ASCII, Arabic-Indic, Persian, Devanagari,
    Bengali and fullwidth: a Thai, Burmese or Khmer coalition's contact failed the build.
    The schema names its ranges (JSON Schema editors read `\\d` as ASCII only)."""
    contact = load_schema("protocol")["properties"]["contacts"]["items"]["properties"]["phone"]
    pattern = re.compile(contact["pattern"])
    digits = [chr(code) for code in range(0x10000) if unicodedata.category(chr(code)) == "Nd"]
    assert [digit for digit in digits if dialable(digit * 3) and not pattern.search(digit)] == []


def test_a_protocol_named_twice_is_a_schema_problem_at_the_second(tmp_path: Path) -> None:
    """A module naming a protocol twice printed it twice in its handout."""
    twice = "protocols: [hotel-staff, hotel-staff]"
    front = MODULE_FRONT.replace("protocols: [hotel-staff]", twice)
    files = {MODULE_FILE: module_md(front=front), "protocols/hotel-staff.yml": PROTOCOL}
    found = [(f.rule, f.path, f.line, f.column, f.message) for f in run_rules(tmp_path, files)]
    assert found == [
        (
            "module.schema",
            MODULE_FILE,
            9,
            26,
            "'hotel-staff' is listed twice in 'protocols' (also as item 1); list it once",
        )
    ]


# --- module.structure -----------------------------------------------------------------------


def structure(root: Path, body: str, language: str = "en") -> list[tuple[int, str]]:
    files = {MODULE_FILE: module_md(body=body), "protocols/hotel-staff.yml": PROTOCOL}
    if language != "en":
        files["mkdocs.yml"] = f"{MKDOCS}theme:\n  name: material\n  language: {language}\n"
    return [(line, message) for _, line, message in findings_of(root, files, "module.structure")]


BODY_LINE = MODULE_FRONT.count("\n") + 3  # the line after the closing '---' (blank)


@pytest.mark.parametrize(
    "body",
    [
        MODULE_BODY,
        "## Before\n\n## Realize\n\n## Between\n\n## Recognize\n\n## Respond\n\n## After\n",
        "Realize\n-------\n\nRecognize\n---------\n\n## Respond ##\n",
        "## realize\n\n## RECOGNIZE\n\n## Respond\n",
        # Python-Markdown reads Markdown in a block that asks for it (md_in_html).
        '<div markdown="1">\n\n## Realize\n\nText.\n\n</div>\n\n## Recognize\n\n## Respond\n',
        '## Realize\n\n<div class="box">\n\nBoxed.\n\n</div>\n\n## Recognize\n\n## Respond\n',
        # A list nested as deep as markdown.nesting allows (handout audit: from ten levels
        # on, the sections after it went unseen).
        "## Realize\n\n"
        + "".join(f"{'    ' * level}- level {level}\n" for level in range(50))
        + "\n## Recognize\n\n## Respond\n",
    ],
    ids=[
        *("plain", "other-sections", "setext", "case", "markdown-in-html", "closed-html"),
        "deep-list",
    ],
)
def test_a_well_structured_module(tmp_path: Path, body: str) -> None:
    assert structure(tmp_path, body) == []


def test_missing_sections_are_reported_at_the_body_start(tmp_path: Path) -> None:
    found = structure(tmp_path, "# Title\n\n## Realize\n\n```\n## Recognize\n```\n")
    assert [line for line, _ in found] == [BODY_LINE, BODY_LINE]
    assert "no '## Recognize' section" in found[0][1]
    assert "no '## Respond' section" in found[1][1]


@pytest.mark.parametrize(
    "written", ["## Recognise", "## Recognize the signs", "## Recognize:", "## recognise"]
)
def test_a_near_miss_is_reported_at_its_heading(tmp_path: Path, written: str) -> None:
    """An editor who wrote the section's heading almost right is shown which heading."""
    found = structure(tmp_path, f"## Realize\n\n{written}\n\n## Respond\n")
    text = written.removeprefix("## ")
    assert found == [
        (
            BODY_LINE + 3,
            f"module 'hotel-staff' has no '## Recognize' section; if '{text}' is meant to "
            "be it, its heading must be '## Recognize' exactly",
        )
    ]


def test_the_title_is_no_near_miss(tmp_path: Path) -> None:
    """An H1 such as "Responding to trafficking" is the module's title (found in review)."""
    found = structure(tmp_path, "# Responding to trafficking\n\n## Realize\n\n## Recognize\n")
    assert found == [
        (
            BODY_LINE,
            "module 'hotel-staff' has no '## Respond' section (every module has ## Realize, "
            "## Recognize, ## Respond, in that order)",
        )
    ]


IN_ENGLISH = "the sections keep their English headings whatever the language of the text under them"


def test_sections_named_in_another_language_are_reported_at_their_headings(
    tmp_path: Path,
) -> None:
    """Adoption audit: a Spanish module got the hint for `## Responder` alone, and the
    other two errors pointed at the body's start, not at `## Tomar conciencia` and
    `## Reconocer`, the headings written in the sections' places."""
    body = "## Tomar conciencia\n\nTexto.\n\n## Reconocer\n\nTexto.\n\n## Responder\n"
    assert structure(tmp_path, body, "es") == [
        (
            BODY_LINE + 1,
            "module 'hotel-staff' has no '## Realize' section; if 'Tomar conciencia' is "
            f"meant to be it, its heading must be '## Realize': {IN_ENGLISH}",
        ),
        (
            BODY_LINE + 5,
            "module 'hotel-staff' has no '## Recognize' section; if 'Reconocer' is meant to "
            f"be it, its heading must be '## Recognize': {IN_ENGLISH}",
        ),
        (
            BODY_LINE + 9,
            "module 'hotel-staff' has no '## Respond' section; if 'Responder' is meant to be "
            "it, its heading must be '## Respond' exactly",
        ),
    ]


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("## Realize\n\n## Reconocer\n\n## Respond\n", BODY_LINE + 3),  # between two
        ("## Realize\n\n## Recognize\n\n## Actuar\n", BODY_LINE + 5),  # the last one
        ("## Realize\n\n## Respond\n\n## Reconocer\n", BODY_LINE),  # after Respond: unplaced
        ("## Realize\n\n## Reconocer\n\n## Más\n\n## Respond\n", BODY_LINE),  # two for one
    ],
    ids=["between", "last", "out-of-place", "ambiguous"],
)
def test_a_missing_section_is_reported_at_the_one_heading_in_its_place(
    tmp_path: Path, body: str, line: int
) -> None:
    """The hint points at a heading only where one other H2 stands where the section
    belongs; otherwise the finding stays at the body's start."""
    ((found_line, message),) = [
        finding for finding in structure(tmp_path, body, "es") if "has no" in finding[1]
    ]
    assert found_line == line
    assert ("is meant to be it" in message) == (line != BODY_LINE)


def test_missing_sections_on_both_sides_of_a_placed_one_are_each_found_in_place(
    tmp_path: Path,
) -> None:
    """Each run of missing sections looks only between the sections placed around it:
    the heading before `## Recognize` is no candidate for Respond, after it."""
    body = "## Tomar conciencia\n\n## Recognize\n\n## Actuar\n"
    assert [line for line, _ in structure(tmp_path, body, "es")] == [
        BODY_LINE + 1,
        BODY_LINE + 5,
    ]


def test_a_near_miss_holds_its_place_against_a_translated_heading(tmp_path: Path) -> None:
    """`## Recognise` is Recognize written almost right, at its place: `## Actuar`, before
    it, is not where Respond belongs, nor is the near miss itself."""
    found = structure(tmp_path, "## Realize\n\n## Actuar\n\n## Recognise\n", "es")
    assert [(line, message.partition(";")[0].partition(" (")[0]) for line, message in found] == [
        (BODY_LINE, "module 'hotel-staff' has no '## Respond' section"),
        (BODY_LINE + 5, "module 'hotel-staff' has no '## Recognize' section"),
    ]


def test_a_section_written_twice_is_not_taken_for_a_missing_one(tmp_path: Path) -> None:
    """A second `## Realize` where Recognize belongs is a section written twice, not a
    translated heading: the finding stays at the body's start, naming the three."""
    missing, twice = structure(tmp_path, "## Realize\n\n## Realize\n\n## Respond\n", "es")
    assert missing[0] == BODY_LINE
    assert missing[1].startswith("module 'hotel-staff' has no '## Recognize' section (every module")
    assert twice[0] == BODY_LINE + 3
    assert twice[1].startswith("'## Realize' is written twice")


@pytest.mark.parametrize(
    ("body", "line", "name", "first", "written"),
    [
        ("## Realize\n\n## Recognize\n\n## Respond\n\n## Realize\n", 7, "Realize", 1, None),
        ("## Realize\n\n## Recognize\n\n## Recognize\n\n## Respond\n", 5, "Recognize", 3, None),
        ("## Realize\n\n## Recognize\n\n## Respond\n\n## respond\n", 7, "Respond", 5, "## respond"),
        ("## Respond\n\n## Realize\n\n## Recognize\n\n## Respond\n", 7, "Respond", 1, None),
    ],
    ids=["realize-after-respond", "recognize-next-to-itself", "respond-last", "respond-first"],
)
def test_a_section_written_twice_is_reported_at_its_second_heading(
    tmp_path: Path, body: str, line: int, name: str, first: int, written: str | None
) -> None:
    """Task ed61: a second `## Respond` before `## Recognize` was reported as out of order,
    a second `## Realize` after `## Respond` not at all. A module has each section once:
    the second H2 of a section is reported wherever it stands; the order is judged by
    each section's first H2. The heading is quoted as written (`## respond`)."""
    found = structure(tmp_path, body)
    assert (
        BODY_LINE + line,
        f"'{written or f'## {name}'}' is written twice (first at line {BODY_LINE + first}): "
        f"a module has one '## {name}' section; merge the two, or give this one another heading",
    ) in found
    # The first Respond out of order is reported as such, and only it.
    assert len(found) == (2 if first == 1 and name == "Respond" else 1)


@pytest.mark.parametrize(
    ("second", "quoted"),
    [
        ("Realize\n-------\n", "'Realize' (underlined with ---)"),
        ("Realize  \n---\n", "'Realize' (underlined with ---)"),
        ("## Realize ##\n---\n", "'## Realize ##'"),
        ("## Realize {#again}\n", "'## Realize {#again}'"),
        # Review rv62a: the setext text as written, emphasis kept, a quote's or list's
        # marks left out; an ATX heading in a list item over a rule is no setext one.
        ("*Realize*\n---\n", "'*Realize*' (underlined with ---)"),
        ("> Realize\n> ---\n", "'Realize' (underlined with ---)"),
        ("- ## Realize\n---\n", "'- ## Realize'"),
        ("1. ## Realize\n---\n", "'1. ## Realize'"),
        # A heading line of any length is quoted shortened: the message stays readable.
        (f"## Realize {'#' * 100_000}\n", f"'## Realize {'#' * 49}…'"),
    ],
    ids=[
        "setext",
        "setext-trailing-spaces",
        "atx-then-rule",
        "atx-attributes",
        "setext-emphasis",
        "setext-in-quote",
        "atx-in-list-then-rule",
        "atx-in-ordered-list-then-rule",
        "long-heading-line",
    ],
)
def test_a_section_written_twice_is_quoted_as_the_file_writes_it(
    tmp_path: Path, second: str, quoted: str
) -> None:
    """Session 60: a setext `Realize` over `-------` written twice was quoted as
    `'## Realize'`, a line the editor looked for and could not find in the file."""
    body = f"## Realize\n\n## Recognize\n\n## Respond\n\n{second}"
    [(line, message)] = structure(tmp_path, body)
    assert line == BODY_LINE + 7
    assert message.startswith(f"{quoted} is written twice (first at line {BODY_LINE + 1}): ")


@pytest.mark.parametrize(
    "body",
    [
        "## Before you begin\n\n## Recognize\n\n## Respond\n",
        "## Realize\n\n## Recognize\n\n## Key points\n",
    ],
)
def test_an_english_module_s_own_section_is_not_taken_for_a_missing_one(
    tmp_path: Path, body: str
) -> None:
    """Review: in an English handbook the H2 where a missing section belongs is most
    often a section of its own ("Before you begin"): the finding stays at the body's
    start, naming the three sections, as it does for a language the hint is not for."""
    ((found_line, message),) = structure(tmp_path, body)
    assert found_line == BODY_LINE
    assert message.endswith(
        "(every module has ## Realize, ## Recognize, ## Respond, in that order)"
    )


def test_a_section_an_unclosed_html_block_swallows_is_reported_at_its_heading(
    tmp_path: Path,
) -> None:
    """Python-Markdown runs a `<div>` block on to its closing tag, blank lines and all:
    the headings after an unclosed one show as text on the site and the handout, which
    the check passed, reading headings as CommonMark does (audit)."""
    body = '## Realize\n\n<div class="box">\n\nBoxed.\n\n## Recognize\n\nSigns.\n\n## Respond\n'
    advice = (
        "is inside an HTML block, where Markdown is not read, so the site and the handout "
        "show it as text: move it out of the block, or close the tag where the block should "
        "end (a `<div>` needs its `</div>`)"
    )
    assert structure(tmp_path, body) == [
        (BODY_LINE + 7, f"'## Recognize' {advice}"),
        (BODY_LINE + 11, f"'## Respond' {advice}"),
    ]


def test_a_section_commented_out_is_missing(tmp_path: Path) -> None:
    """Review: a commented-out heading was told it was inside a block."""
    body = "## Realize\n\n## Recognize\n\n<!--\n## Respond\n-->\n"
    ((line, message),) = structure(tmp_path, body)
    assert line == BODY_LINE
    assert "has no '## Respond' section" in message


def test_a_section_inside_a_closed_html_block_is_told_to_move_out(tmp_path: Path) -> None:
    """Audit: the `</div>` was there, and the advice was to close the tag."""
    body = "## Realize\n\n<div>\n## Recognize\n</div>\n\n## Respond\n"
    ((line, message),) = structure(tmp_path, body)
    assert line == BODY_LINE + 4
    assert message.startswith("'## Recognize' is inside an HTML block, where Markdown is not")
    assert "move it out of the block" in message


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("## Realize\n\n!!! note\n\n    ## Recognize\n\n## Respond\n", BODY_LINE + 5),
        ("## Realize\n\n<div markdown>\n## Recognize\n</div>\n\n## Respond\n", BODY_LINE + 4),
    ],
    ids=["admonition", "markdown-in-html"],
)
def test_a_section_inside_a_block_is_reported_where_it_is_written(
    tmp_path: Path, body: str, line: int
) -> None:
    """Audit: the editor could see the heading they wrote, and was told it was missing."""
    assert structure(tmp_path, body) == [
        (
            line,
            "'## Recognize' is inside a block (an admonition, a `<div markdown>`, an indented "
            "one), so it is no section of the module: a section's heading starts its own "
            "line, not indented and outside any block",
        )
    ]


def test_an_unclosed_fence_hides_no_section(tmp_path: Path) -> None:
    """Python-Markdown shows a fence that nothing closes as text: the headings after it
    are on the page, as the term rules read them too."""
    body = "## Realize\n\nText.\n\n```\ncode\n\n##\u00a0Recognize\n\n## Respond\n"
    assert structure(tmp_path, body) == []


def test_structure_findings_point_at_the_start_of_their_line(tmp_path: Path) -> None:
    files = {
        MODULE_FILE: module_md(body="## Respond\n\n## Realize\n\n### Recognize\n"),
        "protocols/hotel-staff.yml": PROTOCOL,
    }
    found = [(f.line, f.column) for f in run_rules(tmp_path, files) if f.rule == "module.structure"]
    assert found == [(BODY_LINE + 1, 1), (BODY_LINE + 5, 1)]


def test_an_indented_heading_is_found_where_its_text_starts(tmp_path: Path) -> None:
    """A heading indented by up to three spaces, or into an admonition, is found at its
    first character, `found` the heading as written without the indent (DESIGN section 6:
    the column points at the first character of `found`)."""
    body = "   ## Respond\n\n## Realize\n\n!!! note\n\n    ## Recognize\n"
    files = {MODULE_FILE: module_md(body=body), "protocols/hotel-staff.yml": PROTOCOL}
    found = [
        (f.line, f.column, f.found)
        for f in run_rules(tmp_path, files)
        if f.rule == "module.structure"
    ]
    assert found == [(BODY_LINE + 1, 4, "## Respond"), (BODY_LINE + 7, 5, "## Recognize")]


def test_sections_out_of_order_are_reported_at_the_heading(tmp_path: Path) -> None:
    found = structure(tmp_path, "## Respond\n\n## Realize\n\n## Recognize\n")
    assert found == [
        (
            BODY_LINE + 1,
            "'## Respond' must come after '## Recognize' (line "
            f"{BODY_LINE + 5}): the sections go Realize, Recognize, Respond",
        )
    ]


def test_sections_out_of_order_are_quoted_as_the_file_writes_them(tmp_path: Path) -> None:
    """As a section written twice: a setext heading is no `## Respond` line to look for."""
    found = structure(tmp_path, "Respond\n-------\n\n## Realize\n\nRecognize\n---\n")
    assert found == [
        (
            BODY_LINE + 1,
            "'Respond' (underlined with ---) must come after 'Recognize' (underlined with ---) "
            f"(line {BODY_LINE + 6}): the sections go Realize, Recognize, Respond",
        )
    ]


def test_each_section_before_one_it_must_follow_is_reported(tmp_path: Path) -> None:
    """Recognize and Respond both stand before Realize: each is out of order, though
    Respond follows Recognize (a section is compared with the last one in order, not
    with the last one written)."""
    found = structure(tmp_path, "## Recognize\n\n## Respond\n\n## Realize\n")
    after_realize = f"must come after '## Realize' (line {BODY_LINE + 5})"
    assert found == [
        (
            BODY_LINE + 1,
            f"'## Recognize' {after_realize}: the sections go Realize, Recognize, Respond",
        ),
        (
            BODY_LINE + 3,
            f"'## Respond' {after_realize}: the sections go Realize, Recognize, Respond",
        ),
    ]


def test_a_section_at_the_wrong_level(tmp_path: Path) -> None:
    found = structure(tmp_path, "## Realize\n\n### Recognize\n\n## Respond\n")
    assert found == [
        (BODY_LINE + 3, "'Recognize' is a level-3 heading; it must be an H2 ('## Recognize')")
    ]


# --- module.reference -----------------------------------------------------------------------


def test_module_names_unknown_protocol(tmp_path: Path) -> None:
    front = MODULE_FRONT.replace("protocols: [hotel-staff]", "protocols: [hotel-staff, hotel-staf]")
    files = {MODULE_FILE: module_md(front=front), "protocols/hotel-staff.yml": PROTOCOL}
    found = [f for f in run_rules(tmp_path, files) if f.rule == "module.reference"]
    (finding,) = found
    assert (finding.path, finding.line, finding.column) == (MODULE_FILE, 9, 26)
    assert "'hotel-staf'" in finding.message and "did you mean 'hotel-staff'?" in finding.message


def test_module_names_a_protocol_like_none(tmp_path: Path) -> None:
    front = MODULE_FRONT.replace("protocols: [hotel-staff]", "protocols: [hotel-staff, zoning]")
    files = {MODULE_FILE: module_md(front=front), "protocols/hotel-staff.yml": PROTOCOL}
    found = [f.message for f in run_rules(tmp_path, files) if f.rule == "module.reference"]
    assert found == [
        "module 'hotel-staff' names protocol 'zoning', which does not exist "
        "(there is no protocols/zoning.yml)"
    ]


def test_module_reference_to_existing_or_broken_protocol(tmp_path: Path) -> None:
    files = {
        MODULE_FILE: module_md(),
        "protocols/hotel-staff.yml": PROTOCOL.replace("owner:", "ownr:"),
    }
    found = run_rules(tmp_path, files)
    assert {f.rule for f in found} == {"protocol.schema"}  # no module.reference on top


def test_a_clean_handbook_has_no_structural_findings(tmp_path: Path) -> None:
    files = {
        MODULE_FILE: module_md(),
        "protocols/hotel-staff.yml": PROTOCOL,
        "glossary/survivor.yml": term_yaml("survivor", extra="aliases: [trafficking survivor]\n"),
        "glossary/victim.yml": term_yaml("victim", extra="related: [survivor]\n"),
    }
    assert run_rules(tmp_path, files) == []


def test_module_front_matter_takes_materials_page_keys(tmp_path: Path) -> None:
    """Editors may hide a module's table of contents or give it an icon, a subtitle, a
    status, tags or a template, as on any page (adopter audit: the last four were
    refused)."""
    (tmp_path / "content" / "modules").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("docs_dir: content\nplugins: [handbook]\n")
    module = (
        "---\ntitle: Hotel staff\nversion: 1\naudience: [front desk]\nduration: 45 minutes\n"
        "objectives: [Recognize signs]\nhide: [toc]\nicon: material/school\n"
        "description: Training for hotel staff.\nsearch: {boost: 2}\n"
        "subtitle: For the front desk\nstatus: new\ntags: [hotels]\ntemplate: main.html\n"
        "history:\n  - {version: 1, date: 2026-01-01, summary: First.}\n---\n"
        "# Hotel staff\n\n## Realize\n\nA.\n\n## Recognize\n\nB.\n\n## Respond\n\nC.\n"
    )
    (tmp_path / "content" / "modules" / "hotel-staff.md").write_text(module)
    schema_findings = [
        finding
        for finding in run_checks(load_config(tmp_path / "mkdocs.yml")).findings
        if finding.rule == "module.schema"
    ]
    assert schema_findings == []
    (tmp_path / "content" / "modules" / "hotel-staff.md").write_text(
        module.replace("hide: [toc]", "hide: [sidebar]")
    )
    (finding,) = [
        finding
        for finding in run_checks(load_config(tmp_path / "mkdocs.yml")).findings
        if finding.rule == "module.schema"
    ]
    assert finding.line == 7


# --- link.unsafe (a page rule, which run_rules keeps too) ----------------------------------


def test_script_reference_definitions_outside_code_only(tmp_path: Path) -> None:
    page = (
        "# Links\n\nSome text.\n\n[bad]: javascript:alert(1)\n\n"
        "```\n[shown]: javascript:alert(2)\n```\n"
    )
    found = [
        (f.path, f.line, f.column, f.found)
        for f in run_rules(tmp_path, {"content/index.md": page})
        if f.rule == "link.unsafe"
    ]
    assert found == [("content/index.md", 5, 8, "javascript:")]


# --- found: the text at the finding's place, for the structural rules too -----------------


def test_found_is_the_source_text_at_line_and_column(tmp_path: Path) -> None:
    """Each finding's `found` is the text exactly as it stands at its line and column
    (DESIGN section 6), its first line for a block; None only where nothing stands there
    (a missing field or section)."""
    files: dict[str, str | bytes] = {
        "glossary/a.yml": term_yaml("a", extra="related: [nothing]\n", version=2).replace(
            "  - version: 2", "  - version: 1"
        ),
        "glossary/b.yml": "term: b\nversion: 1\naliasses: [bee]\ncase_sensitive: 'yes'\n",
        "protocols/hotel-staff.yml": PROTOCOL.replace("2027-01-01", "2020-01-01"),
        MODULE_FILE: module_md(
            MODULE_FRONT.replace("[hotel-staff]", "[hotel-staff, nowhere]"),
            MODULE_BODY.replace("## Recognize", "### Recognize"),
        ),
    }
    findings = run_rules(tmp_path, files)
    assert {(f.rule, f.path, f.found) for f in findings} == {
        ("glossary.history", "glossary/a.yml", "1"),
        ("glossary.reference", "glossary/a.yml", "nothing"),
        ("glossary.schema", "glossary/b.yml", None),  # definition and history are missing
        ("glossary.schema", "glossary/b.yml", "aliasses"),
        ("glossary.schema", "glossary/b.yml", "'yes'"),
        ("protocol.review-overdue", "protocols/hotel-staff.yml", "2020-01-01"),
        ("module.reference", MODULE_FILE, "nowhere"),
        ("module.structure", MODULE_FILE, "### Recognize"),
    }
    for finding in findings:
        assert finding.term is None  # no form of a term was found
        if finding.found is not None:
            line = (tmp_path / finding.path).read_text().split("\n")[finding.line - 1]
            start = finding.column - 1
            assert line[start : start + len(finding.found)] == finding.found, finding


def test_a_form_listed_many_times_indexes_its_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by fuzzing: each of n findings in one file indexed the whole file's lines
    again, so a term listing one alias thousands of times took quadratic time."""
    from coalition_handbook.model.yaml_document import LineIndex
    from coalition_handbook.rules import glossary_duplicate

    made: list[int] = []

    class CountedLineIndex(LineIndex):
        def __init__(self, text: str) -> None:
            made.append(len(text))
            super().__init__(text)

    monkeypatch.setattr(glossary_duplicate, "LineIndex", CountedLineIndex)
    glossary_duplicate._line_index.cache_clear()
    aliases = ", ".join(["same thing"] * 300)
    files = {"glossary/a.yml": term_yaml("a", extra=f"aliases: [{aliases}]\n")}
    found = findings_of(tmp_path, files, "glossary.duplicate")
    assert len(found) == 299
    assert len(made) == 1


# --- module.schema: a module in a subfolder of modules_dir ------------------------------

UNREAD_MODULE = (
    "is not read as a training module: modules are read from content/modules/ itself, not "
    "from its subfolders, so this page gets no module checks and no handout, and is "
    "published as a plain page; to make it a module, it belongs in content/modules/ as "
    "{}; to keep it as a draft, in a hidden subfolder (such as content/modules/.drafts/), "
    "which is not published"
)


def test_a_module_in_a_subfolder_of_the_modules_folder_is_named(tmp_path: Path) -> None:
    """Audit: `git mv` of a module into `content/modules/advanced/` passed the check with
    no word, though the page lost its module checks and handout (a term file in a
    subfolder of the glossary is a glossary.schema finding)."""
    sections = "## realize\n\n## Recognize\n\n## Respond\n"
    versioned = f"---\ntitle: Sections\nversion: 2\n---\n\n{sections}"
    files = {
        "protocols/hotel-staff.yml": PROTOCOL,
        "content/modules/hotel-staff.md": module_md(),
        "content/modules/advanced/hotel-staff.md": module_md(),
        "content/modules/a/b/sections.md": versioned,
        # Review: facilitator notes on the three parts, titled, are no module.
        "content/modules/facilitator/notes.md": f"---\ntitle: Notes\n---\n\n{sections}",
        "content/modules/advanced/no-body.md": module_md(body="Text.\n"),
        # No module: an overview and pages that only look like one in part.
        "content/modules/index.md": "# Training\n",
        "content/modules/advanced/index.md": "---\ntitle: Advanced\n---\n\n# Advanced\n",
        "content/modules/advanced/respond.md": "---\ntitle: R\n---\n\n## Respond\n\nText.\n",
        "content/modules/advanced/untitled.md": "---\nobjectives: [x]\n---\n\n## Realize\n",
        "content/modules/advanced/plain.md": "# P\n\n## Realize\n\n## Recognize\n\n## Respond\n",
        "content/coalition/module-like.md": module_md(),  # outside the modules folder
        "content/modules/.drafts/draft.md": module_md(),  # hidden: not published
    }
    assert findings_of(tmp_path, files, "module.schema") == [
        ("content/modules/a/b/sections.md", 1, UNREAD_MODULE.format("sections.md")),
        (
            "content/modules/advanced/hotel-staff.md",
            1,
            UNREAD_MODULE.format(
                "hotel-staff.md (one of that name is there already: choose another)"
            ),
        ),
        ("content/modules/advanced/no-body.md", 1, UNREAD_MODULE.format("no-body.md")),
    ]


def test_a_module_below_a_modules_folder_that_is_docs_dir_is_named(tmp_path: Path) -> None:
    files = {
        "mkdocs.yml": "site_name: T\ndocs_dir: content\nplugins:\n  - handbook:\n"
        "      modules_dir: .\n",
        "protocols/hotel-staff.yml": PROTOCOL,
        "content/hotel-staff.md": module_md(),
        "content/index.md": "# Home\n",
        "content/training/hotel-staff.md": module_md(),
    }
    findings = findings_of(tmp_path, files, "module.schema")
    assert [(path, line) for path, line, _ in findings] == [("content/training/hotel-staff.md", 1)]
    assert "modules are read from content/ itself" in findings[0][2]
