"""The fast fit check (fastjsonschema) must agree with jsonschema on every document: when
it says a document fits, no problem is reported, so a disagreement would hide one."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_handbook.model.schema import _fits, _validator, to_json_data, validate

ROOT = Path(__file__).resolve().parent.parent


def _front_matter(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


# The example handbook's own files: valid documents of every kind, to vary.
EXAMPLES: dict[str, list[Any]] = {
    "term": [to_json_data(yaml.safe_load(path.read_text())) for path in ROOT.glob("glossary/*")],
    "protocol": [
        to_json_data(yaml.safe_load(path.read_text())) for path in ROOT.glob("protocols/*.yml")
    ],
    "module": [
        to_json_data(_front_matter(path))
        for path in ROOT.glob("content/modules/*.md")
        if path.name != "index.md"
    ],
}

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=5),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "",
            " ",
            "survivor",
            "Survivor Leader",
            "2026-02-30",
            "2026-13-01",
            "2026-01-01",
            "26-1-1",
            "approved",
            "deprecated",
            "proposed",
            "javascript:alert(1)",
            "https://example.org/",
            "http://",
            "Not A Slug",
            "a-slug",
            "en",
            "e",
        ]
    ),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)).map(dt.date.isoformat),
    st.text(max_size=8),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["text", "reason", "title", "url", "x"]), children)
    ),
    max_leaves=6,
)


def _paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside `document`."""
    found = [prefix]
    if isinstance(document, dict):
        for key, value in document.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, Any]:
    kind = draw(st.sampled_from(sorted(EXAMPLES)))
    document = copy.deepcopy(draw(st.sampled_from(EXAMPLES[kind])))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(_paths(document)))
        if not path:
            continue
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(VALUES)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["aliasses", "extra", "status", "tags"]))] = draw(VALUES)
        else:
            parent.append(draw(VALUES))
    return kind, document


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_every_example_document_fits(kind: str) -> None:
    assert EXAMPLES[kind], f"no example {kind} documents found"
    for document in EXAMPLES[kind]:
        assert _fits(kind)(document)
        assert validate(kind, document) == []


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_fast_check_agrees_with_jsonschema(case: tuple[str, Any]) -> None:
    kind, document = case
    problems = list(_validator(kind).iter_errors(document))
    untouched = copy.deepcopy(document)
    assert _fits(kind)(document) == (not problems), [error.message for error in problems]
    assert document == untouched  # no defaults filled in


@pytest.mark.parametrize(
    ("kind", "change", "expected"),
    [
        ("term", {"history": [{"version": 1, "date": "2026-02-30", "summary": "x"}]}, "date"),
        ("term", {"version": True}, "whole number"),
        ("term", {"aliasses": ["TIP"]}, "did you mean 'aliases'"),
        ("protocol", {"steps": []}, "at least 1"),
        ("module", {"duration": 45}, "must be text with its unit"),
    ],
)
def test_a_document_that_does_not_fit_still_gets_every_message(
    kind: str, change: dict[str, Any], expected: str
) -> None:
    document = {**copy.deepcopy(EXAMPLES[kind][0]), **change}
    assert not _fits(kind)(document)
    messages = [problem.message for problem in validate(kind, document)]
    assert any(expected in message for message in messages), messages


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("term", "translations", {"es\n": "trata de personas"}),
        ("term", "related", ["victim\n"]),
        ("term", "sources", [{"title": "Law", "url": "https://example.org/law\n"}]),
        ("protocol", "review_by", "2027-01-15\n"),
        ("module", "protocols", ["hotel-employee\n"]),
    ],
)
def test_a_pattern_s_end_is_the_end_of_the_value_not_a_final_line_break(
    kind: str, field: str, value: Any
) -> None:
    """Python's `$` also matches before a final line break, which JSON Schema's does not:
    "es\\n" was a language code, and broke the term page's translations table (found by
    the security review)."""
    document = copy.deepcopy(EXAMPLES[kind][0])
    document[field] = value
    assert not _fits(kind)(document)
    assert validate(kind, document) != []


_STATUSES = [None, "deprecated", "approved", "proposed", 5, ""]
_REPLACEMENTS = [None, "a-slug", "Not A Slug", 3]


@pytest.mark.parametrize("status", _STATUSES)
@pytest.mark.parametrize("replaced_by", _REPLACEMENTS)
def test_the_fast_check_reads_status_and_replaced_by_as_the_schema_says(
    status: Any, replaced_by: Any
) -> None:
    """The conditions between `status` and `replaced_by` (an `if` in the schema, a
    dependency in the fast check): every way of setting them or not, as jsonschema says."""
    for example in EXAMPLES["term"]:
        document = copy.deepcopy(example)
        document.pop("status", None)
        document.pop("replaced_by", None)
        if status is not None:
            document["status"] = status
        if replaced_by is not None:
            document["replaced_by"] = replaced_by
        problems = list(_validator("term").iter_errors(document))
        assert _fits("term")(document) == (not problems), [error.message for error in problems]


def test_a_term_without_status_is_checked_without_an_exception(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """fastjsonschema tests a schema's `if` by raising where it does not hold (for most
    terms: no `status`), and each alternative of an `anyOf` by raising where it fails (a
    form to avoid written as a mapping): a third of the check's time. The fast check
    raises none for the example terms."""
    import fastjsonschema

    raised: list[str] = []
    original = fastjsonschema.JsonSchemaValueException.__init__

    def counted(self: Any, message: str, *args: Any, **kwargs: Any) -> None:
        raised.append(message)
        original(self, message, *args, **kwargs)

    monkeypatch.setattr(fastjsonschema.JsonSchemaValueException, "__init__", counted)
    plain = [example for example in EXAMPLES["term"] if "status" not in example]
    assert any(isinstance(item, dict) for example in plain for item in example.get("avoid", []))
    for document in plain:
        assert _fits("term")(document)
    assert raised == []


_AVOIDED = [
    "trafficker",
    {"text": "trafficker", "reason": "Why"},
    {"text": "trafficker"},
    {"reason": "no text"},
    {"text": "trafficker", "why": "an unknown field"},
    {"text": "a, b"},
    "a, b",
    "",
    5,
    None,
    ["trafficker"],
    {"text": 5},
]


@pytest.mark.parametrize("item", _AVOIDED)
def test_the_fast_check_reads_a_form_to_avoid_as_the_schema_says(item: Any) -> None:
    """A form to avoid is a string or a mapping (`anyOf` in the schema, one schema of
    both types in the fast check): each kind of item, as jsonschema says."""
    document = copy.deepcopy(EXAMPLES["term"][0])
    document["avoid"] = [item]
    problems = list(_validator("term").iter_errors(document))
    assert _fits("term")(document) == (not problems), [error.message for error in problems]


@pytest.mark.parametrize("audience", ["nurses", "", " ", ["nurses"], [], [""], [5], 5, {}, None])
def test_the_fast_check_reads_an_audience_as_the_schema_says(audience: Any) -> None:
    document = copy.deepcopy(EXAMPLES["module"][0])
    document["audience"] = audience
    problems = list(_validator("module").iter_errors(document))
    assert _fits("module")(document) == (not problems), [error.message for error in problems]
