"""The quick schema check never passes what jsonschema would report.

`schema_fit` answers "surely fits" or "ask jsonschema"; these tests check the first answer
against jsonschema on the shipped records and on random changes to them, and that the
shipped records do take the quick path.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_handbook.model.schema import _fits, _validator, to_json_data

ROOT = Path(__file__).resolve().parent.parent


def front_matter(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else None


RECORDS: dict[str, list[Any]] = {
    "term": [yaml.safe_load(path.read_text()) for path in sorted(ROOT.glob("glossary/*.yml"))],
    "protocol": [yaml.safe_load(path.read_text()) for path in sorted(ROOT.glob("protocols/*.yml"))],
    "module": [
        data
        for path in sorted(ROOT.glob("content/modules/*.md"))
        if isinstance(data := front_matter(path), dict)
    ],
}

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats(-2, 2, allow_nan=False)
    | st.sampled_from(["", " ", "x", "deprecated", "approved", "2026-01-01", "2026-02-30"])
    | st.sampled_from(["es", "pt-BR", "Bad Key", "https://e.org", "javascript:x", "a-b"]),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["text", "reason", "version", "date", "summary", "es", "x"]),
            children,
            max_size=3,
        )
    ),
    max_leaves=8,
)


def agrees(kind: str, data: Any) -> None:
    if _fits(kind)(data):
        assert list(_validator(kind).iter_errors(data)) == [], data


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_shipped_records_take_the_quick_path(kind: str) -> None:
    assert RECORDS[kind], f"no shipped {kind} records"
    for data in RECORDS[kind]:
        data = to_json_data(data)
        assert list(_validator(kind).iter_errors(data)) == []
        assert _fits(kind)(data)


@settings(max_examples=1500, deadline=None)
@given(st.data())
def test_changed_records_never_pass_wrongly(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(sorted(RECORDS)))
    record = to_json_data(copy.deepcopy(data.draw(st.sampled_from(RECORDS[kind]))))
    for _ in range(data.draw(st.integers(1, 3))):
        target = record
        # Walk down to some mapping or list inside the record, then change one value.
        while True:
            children = list(target.items()) if isinstance(target, dict) else []
            children += list(enumerate(target)) if isinstance(target, list) else []
            containers = [(key, value) for key, value in children if isinstance(value, dict | list)]
            if not containers or data.draw(st.booleans()):
                break
            target = data.draw(st.sampled_from(containers))[1]
        action = data.draw(st.sampled_from(["set", "delete", "add"]))
        if isinstance(target, dict) and target and action != "add":
            key = data.draw(st.sampled_from(sorted(target)))
            if action == "delete":
                del target[key]
            else:
                target[key] = data.draw(JSON_VALUES)
        elif isinstance(target, dict):
            target[data.draw(st.sampled_from(["status", "aliases", "x", "text"]))] = data.draw(
                JSON_VALUES
            )
        elif isinstance(target, list) and target and action == "set":
            target[data.draw(st.integers(0, len(target) - 1))] = data.draw(JSON_VALUES)
        elif isinstance(target, list):
            target.append(data.draw(JSON_VALUES))
    agrees(kind, record)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["term", "protocol", "module"]), JSON_VALUES)
def test_random_documents_never_pass_wrongly(kind: str, value: Any) -> None:
    agrees(kind, value)
