"""What an editor reads for the slips of a pull request (session 63's leftovers): each
message names one fix, at the line to change. A misspelt required field is one finding,
not two; an optional field left empty says the line may go; a language written by name
(`Español`, `Farsi`, `x-klingon`) is told its code; an id with its words swapped is told
the id; a clock time of nothing is no duration; a date and time YAML reads where text
belongs is published as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_model import (
    MODULE_FRONT,
    PROTOCOL,
    load,
    module_md,
    run_rules,
    term_yaml,
)

from coalition_handbook.hints import nearest
from coalition_handbook.model.schema import validate

TERM_FILE = "glossary/survivor.yml"
PROTOCOL_FILE = "protocols/hotel-staff.yml"
MODULE_FILE = "content/modules/hotel-staff.md"


def messages(tmp_path: Path, files: dict[str, str | bytes]) -> list[tuple[str, int, str]]:
    return [(f.path, f.line, f.message) for f in run_rules(tmp_path, files)]


@pytest.mark.parametrize(
    ("path", "content", "line", "message"),
    [
        (
            PROTOCOL_FILE,
            PROTOCOL.replace(
                "    detail: Do not confront anyone.", "    details: Do not confront."
            ),
            10,
            "unknown field 'details' in steps item 1 (did you mean 'detail'?): the required "
            "field 'detail' is missing; rename this one",
        ),
        (
            TERM_FILE,
            term_yaml().replace("definition:", "definiton:"),
            3,
            "unknown field 'definiton' (did you mean 'definition'?): the required field "
            "'definition' is missing; rename this one",
        ),
    ],
)
def test_a_misspelt_required_field_is_one_finding_at_it(
    tmp_path: Path, path: str, content: str, line: int, message: str
) -> None:
    """ed63: `details:` for `detail` was two findings, an unknown field and a missing one
    at the step's first line, for one slip."""
    assert messages(tmp_path, {path: content}) == [(path, line, message)]


def test_a_misspelt_optional_field_beside_a_missing_required_one_is_two(tmp_path: Path) -> None:
    """The missing field is said on its own where the unknown one is no slip of it."""
    content = PROTOCOL.replace("    detail: Do not confront anyone.", "    colour: red")
    found = [message for _, _, message in messages(tmp_path, {PROTOCOL_FILE: content})]
    assert len(found) == 2, found
    assert any(message.startswith("missing required field 'detail'") for message in found)


@pytest.mark.parametrize(
    ("written", "tail"),
    [
        ("short:", "(found nothing); "),
        ("short: ''", "must not be empty; "),
    ],
)
def test_an_optional_field_left_empty_says_the_line_may_go(
    tmp_path: Path, written: str, tail: str
) -> None:
    """ed63: `short:` left empty was told only that it must be a string; deleting the
    line is what the editor meant (the first sentence of the definition then applies)."""
    [(_, line, message)] = messages(tmp_path, {TERM_FILE: term_yaml(extra=f"{written}\n")})
    assert line == 4
    assert message.endswith(
        f"{tail}write it, or delete the line to use the default, "
        "the first sentence of the definition"
    ), message


def test_a_default_of_the_schema_is_said_as_written(tmp_path: Path) -> None:
    [(_, _, message)] = messages(tmp_path, {TERM_FILE: term_yaml(extra="case_sensitive:\n")})
    assert message.endswith("write it, or delete the line to use the default, false"), message


def test_a_required_field_left_empty_is_not_told_to_go(tmp_path: Path) -> None:
    content = term_yaml().replace("definition: A person", "definition:\nx: A person")
    found = [message for _, _, message in messages(tmp_path, {TERM_FILE: content})]
    assert not any("delete the line" in message for message in found), found


@pytest.mark.parametrize(
    ("key", "code"),
    [
        *(("Español", "es"), ("Farsi", "fa"), ("français", "fr"), ("x-klingon", "tlh")),
        ("pt_BR", "pt-BR"),  # as a locale writes it (self-review)
    ],
)
def test_a_language_written_by_name_is_told_its_code(tmp_path: Path, key: str, code: str) -> None:
    """ed63: a key written as the language's own name, as an English name CLDR does not
    give, or as a private-use tag (which no reader's browser or screen reader knows)
    was told only to write a language code."""
    content = term_yaml(extra=f"translations:\n  {key}: x\n")
    [(_, line, message)] = messages(tmp_path, {TERM_FILE: content})
    assert line == 5
    assert message.endswith(f"(write {code})"), message


def test_a_private_use_tag_of_no_language_gets_no_code(tmp_path: Path) -> None:
    content = term_yaml(extra="translations:\n  x-plain: x\n")
    [(_, _, message)] = messages(tmp_path, {TERM_FILE: content})
    assert "(write" not in message, message


def test_an_id_with_its_words_swapped_is_told_the_id(tmp_path: Path) -> None:
    """ed63: `related: [labor-forced]` got no "did you mean" for `forced-labor`: the edit
    distance finds it far."""
    files: dict[str, str | bytes] = {
        TERM_FILE: term_yaml(extra="related: [labor-forced]\n"),
        "glossary/forced-labor.yml": term_yaml("forced labor"),
    }
    [(_, _, message)] = messages(tmp_path, files)
    assert message.endswith("(did you mean 'forced-labor'?)"), message


@pytest.mark.parametrize("written", ["0:00", "00:00"])
def test_a_clock_time_of_nothing_is_no_duration_advised(tmp_path: Path, written: str) -> None:
    """ed63: `duration: 0:00` was told to write '0 minutes'."""
    front = MODULE_FRONT.replace("duration: 45 minutes", f"duration: {written}")
    files: dict[str, str | bytes] = {PROTOCOL_FILE: PROTOCOL, MODULE_FILE: module_md(front=front)}
    [(_, line, message)] = messages(tmp_path, files)
    assert line == 5
    assert "'0 minutes'" not in message, message
    assert "such as '45 minutes' or '1.5 hours'" in message, message


def test_a_date_and_time_where_text_belongs_is_kept_as_written(tmp_path: Path) -> None:
    """A plain `2024-01-05 10:00:00` is a time to YAML 1.1: an alias or a short text so
    written was published as 2024-01-05T10:00:00 (ed63's `term: 2024-1-5` is text to
    YAML already). A history date keeps its date."""
    extra = "short: 2024-01-05t10:00:00Z\naliases:\n  - 2024-1-6 1:00:00\n"
    handbook, findings = load(tmp_path, {TERM_FILE: term_yaml(extra=extra)})
    assert not findings, findings
    term = handbook.terms["survivor"]
    assert (term.short, term.aliases) == ("2024-01-05t10:00:00Z", ("2024-1-6 1:00:00",))
    assert str(term.history[0].date) == "2026-01-01"


@pytest.mark.parametrize(
    "written",
    [
        *("hotel-staff.yml", "protocols/hotel-staff.yml", "Hotel-Staff.YAML"),
        "'protocols\\hotel-staff.yml'",  # as Windows writes a path (review rv65b)
    ],
)
def test_a_protocols_file_name_is_told_its_id(tmp_path: Path, written: str) -> None:
    """`protocols: [hotel-staff.yml]` was told to write hotel-staff-yml, no protocol."""
    front = MODULE_FRONT.replace("protocols: [hotel-staff]", f"protocols: [{written}]")
    files: dict[str, str | bytes] = {PROTOCOL_FILE: PROTOCOL, MODULE_FILE: module_md(front=front)}
    [(_, line, message)] = messages(tmp_path, files)
    assert line == 9
    assert message.endswith("(write hotel-staff)"), message


def test_a_protocols_title_made_an_id_is_told_the_protocols_id(tmp_path: Path) -> None:
    """A module naming a protocol by its title is told (by the schema) to write the id its
    title makes, which names no file: that id is then told the protocol's own."""
    made = "hotel-staff-who-suspect-trafficking"
    front = MODULE_FRONT.replace("protocols: [hotel-staff]", f"protocols: [{made}]")
    files: dict[str, str | bytes] = {PROTOCOL_FILE: PROTOCOL, MODULE_FILE: module_md(front=front)}
    [(_, _, message)] = messages(tmp_path, files)
    assert message.endswith(
        "(did you mean 'hotel-staff', the protocol titled 'Hotel staff who suspect trafficking'?)"
    ), message


def test_a_terms_alias_made_an_id_is_told_the_terms_id(tmp_path: Path) -> None:
    """`related: [forced or compulsory labour]` is told (by the schema) to write
    forced-or-compulsory-labour, which names no file: the term whose alias it is,
    forced-labor, is named then. Not the term itself, where the alias is its own."""
    labor = term_yaml("forced labor", extra="aliases: [forced or compulsory labour]\n")
    files: dict[str, str | bytes] = {
        TERM_FILE: term_yaml(
            extra="aliases: [trafficking survivor]\n"
            "related: [forced-or-compulsory-labour, trafficking-survivor]\n"
        ),
        "glossary/forced-labor.yml": labor,
    }
    found = [message for _, _, message in messages(tmp_path, files)]
    assert len(found) == 2, found
    assert found[0].endswith(
        "(did you mean 'forced-labor', whose forms include 'forced or compulsory labour'?)"
    ), found
    assert "did you mean" not in found[1], found


def test_an_item_split_by_a_dash_before_its_field_is_one_finding_at_the_dash(
    tmp_path: Path,
) -> None:
    """Editor's tour: `- title: Call` then `- detail: Call the hotline.` was "missing
    'detail' in steps item 2" and "missing 'title' in steps item 3", leaving the editor
    to work out that the second '- ' split one step in two."""
    content = PROTOCOL.replace("    detail: Call the hotline.", "  - detail: Call the hotline.")
    assert messages(tmp_path, {PROTOCOL_FILE: content}) == [
        (
            PROTOCOL_FILE,
            12,
            "the '- ' here starts a new item of 'steps', so 'detail' is not part of item 2 "
            "above, which lacks it: remove the '- ' and indent 'detail' like 'title'",
        )
    ]


def test_items_that_lack_a_field_each_are_not_taken_for_a_split_item(tmp_path: Path) -> None:
    content = PROTOCOL.replace("    detail: Do not confront anyone.\n", "").replace(
        "    detail: Call the hotline.\n", ""
    )
    found = [message for _, _, message in messages(tmp_path, {PROTOCOL_FILE: content})]
    assert found == [
        "missing required field 'detail' in steps item 1",
        "missing required field 'detail' in steps item 2",
    ], found


@pytest.mark.parametrize(
    ("extra", "hint"),
    [
        (
            "avoid:\n  text: slave\n  reason: Reduces a person.\n",
            "(found a mapping; each item starts with '- ': write '- ' before 'text', and "
            "indent the item's other fields two spaces more, under it)",
        ),
        (
            "translations:\n  - es: sobreviviente\n  - fr: survivant\n",
            "(found a list; remove the '- ' before each of its fields, and indent them alike)",
        ),
    ],
)
def test_a_list_or_mapping_written_as_the_other_says_where_the_dash_goes(
    tmp_path: Path, extra: str, hint: str
) -> None:
    [(_, line, message)] = messages(tmp_path, {TERM_FILE: term_yaml(extra=extra)})
    assert line == 5
    assert message.endswith(hint), message


def test_ids_written_as_one_text_are_advised_as_ids_in_brackets(tmp_path: Path) -> None:
    """`related: labor trafficking, debt bondage` was advised `[labor trafficking, debt
    bondage]`, which names no term either."""
    extra = "related: labor trafficking, debt bondage\n"
    [(_, _, message)] = messages(tmp_path, {TERM_FILE: term_yaml(extra=extra)})
    assert message.endswith("or all in brackets: [labor-trafficking, debt-bondage])"), message


def test_an_objective_written_as_one_text_is_not_split_at_its_commas(tmp_path: Path) -> None:
    """`objectives: Recognize the signs at the front desk, in rooms`
    was advised brackets, which make it two objectives."""
    objective = "Recognize the signs at the front desk, in rooms"
    front = MODULE_FRONT.replace(
        "objectives:\n  - Recognise the signs.\n  - Respond safely.\n", f"objectives: {objective}\n"
    )
    files: dict[str, str | bytes] = {PROTOCOL_FILE: PROTOCOL, MODULE_FILE: module_md(front=front)}
    [(_, _, message)] = messages(tmp_path, files)
    assert "brackets" not in message, message
    assert message.endswith(f"starting with '- ' (- {objective}))"), message


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("2024-13-01", "(there is no month 13: the month comes second, YYYY-MM-DD)"),
        ("2026-02-30", "(February 2026 has 28 days)"),
        ("2026-04-31", "(April 2026 has 30 days)"),
    ],
)
def test_a_date_that_is_no_day_says_why(tmp_path: Path, date: str, why: str) -> None:
    """Editor's tour: `date: 2024-13-01` was told only that it is no real date."""
    content = term_yaml().replace("date: 2026-01-01", f"date: {date}")
    [(_, line, message)] = messages(tmp_path, {TERM_FILE: content})
    assert line == 6
    assert message.endswith(f"'{date}', which is not a real date {why}"), message


def test_long_forms_written_as_one_text_are_still_split_at_commas(tmp_path: Path) -> None:
    """A form has no comma of its own: the prose rule of objectives is not for aliases
    (self-review)."""
    extra = "aliases: people who have experienced trafficking in persons, TIP\n"
    [(_, _, message)] = messages(tmp_path, {TERM_FILE: term_yaml(extra=extra)})
    assert message.endswith("[people who have experienced trafficking in persons, TIP])"), message


def test_a_merged_date_and_time_is_not_the_text_of_the_value_set_over_it(
    tmp_path: Path,
) -> None:
    """Review rv65b: a mapping that merges one whose `text:` YAML reads as a date and time
    (`<<: *first`) and sets its own `text: victim` was published with the merged text
    (and told its two forms were one listed twice). A merged text it keeps stays as
    written."""
    extra = (
        "avoid:\n"
        "  - &first\n"
        "    text: 2024-01-05 10:00:00\n"
        "    reason: Not a form.\n"
        "  - <<: *first\n"
        "    text: victim\n"
        "  - <<: *first\n"
        "    reason: Merged text.\n"
    )
    handbook, findings = load(tmp_path, {TERM_FILE: term_yaml(extra=extra)})
    assert not findings, findings
    avoid = handbook.terms["survivor"].avoid
    assert [form.text for form in avoid] == ["2024-01-05 10:00:00", "victim", "2024-01-05 10:00:00"]


def test_a_merged_version_is_not_the_text_of_the_version_set_over_it(tmp_path: Path) -> None:
    """Review rv65b: `version: 1` set over a merged `version: 010` was told "is 010, which
    YAML reads as 1"."""
    content = term_yaml().replace(
        "history:\n  - version: 1\n",
        "history:\n  - <<: {version: 010}\n    version: 1\n",
    )
    assert messages(tmp_path, {TERM_FILE: content}) == []


def test_many_unknown_fields_beside_a_missing_one_are_described_in_linear_work() -> None:
    """Review rv65b: each unknown field looked for misspellings among all the others, so
    a term of 1,000 unknown fields and no `definition` took minutes to describe."""
    from work import calls_made

    def term(fields: int) -> dict[str, object]:
        unknown = {f"field{number}": "x" for number in range(fields)}
        return {"term": "survivor", "version": 1, "history": [], **unknown}

    small = calls_made(validate, "term", term(60))
    large = calls_made(validate, "term", term(240))
    assert large <= small * 4.5  # four times the fields, at most about four times the work
    assert len(validate("term", term(240))) == 240 + 2  # each field; definition; history


@pytest.mark.parametrize(
    "extra",
    [
        "status: deprecated\nreplaced_by:\n",  # deleted, "missing required field"
        "status:\nreplaced_by: trafficking-survivor\n",  # deleted, "'status' is not set"
    ],
)
def test_an_empty_field_another_requires_is_not_told_to_go(tmp_path: Path, extra: str) -> None:
    """Review rv65b: `replaced_by:` left empty in a deprecated term was told "delete the
    line to leave it out", and `status:` beside `replaced_by` "to use the default,
    approved": either way the next run finds the term wrong again."""
    files: dict[str, str | bytes] = {
        TERM_FILE: term_yaml(extra=extra),
        "glossary/trafficking-survivor.yml": term_yaml("trafficking survivor"),
    }
    found = [message for _, _, message in messages(tmp_path, files)]
    assert found, found
    assert not any("delete the line" in message for message in found), found


@pytest.mark.parametrize("field", ["aliases", "related"])
def test_a_list_written_as_commas_alone_is_told_to_be_a_list(tmp_path: Path, field: str) -> None:
    """Review rv65b: `aliases: ', ,'` raised IndexError (the advice showed its first item)."""
    [(_, line, message)] = messages(tmp_path, {TERM_FILE: term_yaml(extra=f"{field}: ', ,'\n")})
    assert line == 4
    assert message.endswith("indented and starting with '- ')"), message


def test_each_unknown_field_is_looked_up_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Task lo64: beside a missing required field, each unknown field was looked up three
    times (its message, and twice for `_misspelt_required`): difflib's search over the
    schema's fields, on the error path of a file with many unknown fields."""
    from coalition_handbook.model import schema

    looked_up: list[str] = []

    def counting(name: object, candidates: object) -> str | None:
        looked_up.append(str(name))
        return nearest(name, candidates)  # type: ignore[arg-type]

    monkeypatch.setattr(schema, "nearest", counting)
    for function in vars(schema).values():  # another test's fields are looked up already
        getattr(function, "cache_clear", lambda: None)()
    unknown = "".join(f"colour{number}: red\n" for number in range(5))
    content = term_yaml(extra=unknown).replace("definition:", "definiton:")
    found = [message for _, _, message in messages(tmp_path, {TERM_FILE: content})]
    assert any("'definiton'" in message and "rename this one" in message for message in found)
    assert sorted(looked_up) == sorted(["definiton", *(f"colour{n}" for n in range(5))])
