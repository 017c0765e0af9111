"""Plain documents read from libyaml's events: the same values, places and problems as
the node tree gives, and the node tree read only for what the events give up on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import require_or_skip

from coalition_handbook.model import yaml_source
from coalition_handbook.model.yaml_document import YamlDocument
from coalition_handbook.model.yaml_source import load_yaml

EXAMPLE = Path(__file__).resolve().parent.parent
# What the events read themselves (texts, numbers, dates, comments cutting a text short,
# list items joined), and what they leave to the nodes (anchors, aliases, tags, merges,
# duplicate keys, a second document, errors, deep nesting): each read alike either way.
DOCUMENTS = [
    "term: T visa\nversion: 2\nhistory:\n  - {version: 1, date: 2026-01-31, summary: x}\n",
    "a: 2026-02-30\nb: 2026-1-31\nc: 2026-01-31 10:00:00\nd: 12:30\n",
    'a: "caf\\u00e9"\nb: "\\uD800"\nc: "plain"\nd: "x\\ty"\ne: \'q\'\'s\'\n',
    f"a: 017\nb: 0x1F\nc: 1_000\nd: {'9' * 31}\ne: {'9' * 30}\nf: -5\ng: 1.5\nh: .inf\n",
    "a: ~\nb: null\nc: yes\nd: no\ne:\nno: x\n1: y\ntrue: z\n",
    "a: ILO Convention #29 text\nb: x # comment\nc: y #TODO\n- \n",
    "l:\n  - one\n   - two\n  - under pressure\n    - calmly\n",
    "a: |\n  t\n  u\nb: >-\n  f\n  g\n",
    "'<<': {a: 1}\nb: 2\n",
    "<<: {a: 1}\nb: 2\n",
    "a: {<<: [{x: 1}, {x: 2}]}\n",
    "a: 1\na: 2\n",
    "a:\n  b: 1\n  b: 2\n",
    "- {a: 1, a: 2}\n",
    "? [a]\n: 1\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\nb: ! 1\nc: !custom x\n",
    "---\na: 1\n---\nb: 2\n",
    "a: 1\n...\n",
    "--- |\n  text\n",
    "",
    "# only a comment\n",
    "x",
    "[1, 2]",
    "\ufeffa: 1\n",
    "a: b: c\n",
    "a: [1, 2\n",
    "a: 1\n b: 2\n",
    "- - - x\n",
    "a: " + "[" * 40 + "]" * 40 + "\n",
    "a: " + "[" * 70 + "]" * 70 + "\n",
]


def _read(text: str) -> tuple[object, ...]:
    document = load_yaml(text)
    return (
        repr(document.data),
        list(document.values.items()),
        list(document.keys.items()),
        document.problems,
        document.usable,
        document.empty,
        document.root_offset,
        sorted(document.unreadable),
    )


def _from_nodes(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, ...]:
    with monkeypatch.context() as patched:
        patched.setattr(yaml_source, "read_from_events", lambda *_: None)
        return _read(text)


@pytest.mark.parametrize(
    "text",
    DOCUMENTS
    + [path.read_text(encoding="utf-8") for path in sorted((EXAMPLE / "glossary").glob("*.yml"))]
    + [path.read_text(encoding="utf-8") for path in sorted(EXAMPLE.glob("protocols/**/*.yml"))],
)
def test_a_document_is_read_from_the_events_as_from_the_nodes(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _read(text) == _from_nodes(text, monkeypatch)


def test_a_plain_term_file_is_read_without_composing_its_nodes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Composing a term file into nodes (a Python object and a resolver call for each
    # value), then walking them, was half the time reading it took in a cold check.
    require_or_skip(hasattr(yaml, "CSafeLoader"), "libyaml is not installed")
    composed: list[str] = []
    compose = yaml_source._compose_all

    def counted(source: str, *rest: object) -> list[yaml.Node]:
        composed.append(source)
        return compose(source, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(yaml_source, "_compose_all", counted)
    text = (EXAMPLE / "glossary" / "t-visa.yml").read_text(encoding="utf-8")
    document: YamlDocument = load_yaml(text)
    assert document.data["term"] == "T visa" and not document.problems
    assert composed == []
    # A duplicate key is the nodes' to report, with the line of the first.
    duplicate = load_yaml("term: a\nterm: b\n")
    assert [problem.message for problem in duplicate.problems] == [
        "duplicate key 'term' (first at line 1); YAML would keep only the last one"
    ]
    assert len(composed) == 1
