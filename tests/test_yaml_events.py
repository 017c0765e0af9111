"""Plain documents read from libyaml's events: the same values, places and problems as
the node tree gives, and the node tree read only for what the events give up on."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import require_or_skip

from coalition_handbook.model import yaml_events, yaml_loader, yaml_source
from coalition_handbook.model.yaml_document import LineIndex, YamlDocument
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
    # A key "" at the top has the path "" of the mapping itself.
    '# note\nterm: T\n"": x\n',
    "b: 1\n'': {c: 1}\n",
    "? \n: x\nb: 1\n",
]


def _read_at(text: str, start: int, end: int) -> tuple[object, ...]:
    document = load_yaml(text, start, end)
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


def _read(text: str) -> tuple[object, ...]:
    return _read_at(text, 0, len(text))


def _from_nodes_at(
    text: str, start: int, end: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[object, ...]:
    with monkeypatch.context() as patched:
        patched.setattr(yaml_source, "read_from_events", lambda *_: None)
        return _read_at(text, start, end)


def _from_nodes(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, ...]:
    return _from_nodes_at(text, 0, len(text), monkeypatch)


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


# A generated corpus of what the events read themselves: YAML 1.1's plain values (`yes`,
# `1:30`, `0x2D`, `~`, `=`, `<<`), keys that look like them, every scalar style, comments,
# nesting, markers, directives, line endings, a BOM, and front matter in a Markdown file.
_VALUES = [
    "yes",
    "no",
    "on",
    "off",
    "Y",
    "n",
    "True",
    "NULL",
    "~",
    "1:30",
    "0x2D",
    "0o17",
    "017",
    "0b101",
    "1_000",
    "+1",
    "-0",
    "1.5",
    "1e5",
    ".inf",
    "-.Inf",
    ".nan",
    "2026-01-31",
    "2026-02-30",
    "2026-1-31",
    "=",
    "<<",
    "-",
    "?",
    "!",
    "",
    "2026-01-31 10:00:00",
    "9" * 30,
    "9" * 31,
    "a" * 45,
    "café",
    "x #9 y",
    "x # c",
    "'q''s'",
    '"a\\tb"',
    '"caf\\u00e9"',
    '"\\x00"',
    "'multi\n  line'",
    "plain\n  more",
    "|\n  lit\n  two\n",
    "|+\n  lit\n\n",
    ">2\n   x\n  y\n",
    ">-\n\n  a\n\n  b\n",
    "[a, b, {c: d}]",
    "{a: 1, b: [2, 3]}",
    "[]",
]
_KEYS = [
    "a",
    "b",
    "term",
    "null",
    "true",
    "1",
    "~",
    "yes",
    "no",
    "é",
    "a.b",
    "0",
    "1.0",
    "2026-01-31",
    "=",
    "x-y",
    '"a"',
    "'1'",
    '""',
    "'<<'",
    "<<",
    "? k\n",
]


def _generated(count: int) -> list[str]:
    chosen = random.Random(61)

    def mapping(indent: int, depth: int) -> str:
        lines = []
        for _ in range(chosen.randint(1, 4)):
            key = chosen.choice(_KEYS)
            if key.startswith("?"):
                key = f"{key}{' ' * indent}"
            if depth < 3 and chosen.random() < 0.3:
                inner = indent + chosen.choice([1, 2, 4])
                body = (
                    mapping(inner, depth + 1) if chosen.random() < 0.5 else sequence(inner, depth)
                )
                lines.append(f"{' ' * indent}{key}:\n{body}")
            else:
                value = chosen.choice(_VALUES).replace("\n", "\n" + " " * (indent + 2))
                comment = chosen.choice(["", "", "", " # c", " #9 y", "\t# t"])
                separator = chosen.choice([" ", "  ", "\t"])
                line = f"{' ' * indent}{key}:{separator}{value}"
                lines.append(line if value.endswith("\n") else f"{line}{comment}\n")
        return "".join(lines)

    def sequence(indent: int, depth: int) -> str:
        lines = []
        for _ in range(chosen.randint(1, 4)):
            if depth < 3 and chosen.random() < 0.3:
                lines.append(f"{' ' * indent}- {mapping(indent + 2, depth + 1)[indent + 2 :]}")
            else:
                value = chosen.choice(_VALUES).replace("\n", "\n" + " " * (indent + 2))
                lines.append(f"{' ' * indent}- {value}" + ("" if value.endswith("\n") else "\n"))
                if chosen.random() < 0.1:  # an item indented further: joined to the above
                    lines.append(f"{' ' * (indent + chosen.randint(1, 3))}- b\n")
        return "".join(lines)

    texts = []
    for _ in range(count):
        kind = chosen.random()
        body = mapping(0, 0) if kind < 0.8 else sequence(0, 0) if kind < 0.95 else "x\n"
        before = chosen.choice(["", "", "---\n", "%YAML 1.1\n---\n", "\ufeff", "# c\n"])
        after = chosen.choice(["", "", "...\n", "# c\n", "\n\n"])
        text = before + body + after
        texts.append(
            chosen.choice([text, text, text.replace("\n", "\r\n"), text.replace("\n", "\r")])
        )
    return texts


def test_a_generated_corpus_is_read_from_the_events_as_from_the_nodes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = _generated(400)
    for text in texts:
        assert _read(text) == _from_nodes(text, monkeypatch), text
        page = f"---\n{text}---\nbody\n"  # front matter: offsets into a larger text
        assert _read_at(page, 4, 4 + len(text)) == _from_nodes_at(
            page, 4, 4 + len(text), monkeypatch
        )
    # Most are read from the events: the corpus tests that path, not only the give-ups.
    assert (
        sum(yaml_events.read_from_events(text, 0, LineIndex(text)) is not None for text in texts)
        > 200
    )


def test_a_key_named_empty_leaves_a_missing_field_at_the_first_field(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `"": x` has the path "" of the document's mapping: a missing field was reported at
    # its value (line 3), not at the first field (line 2), where the nodes read the file.
    for text in ('# note\nversion: 2\n"": stray\n', '# note\nversion: &v 2\n"": stray\n'):
        assert load_yaml(text).root_offset == 7
        assert _from_nodes(text, monkeypatch)[6] == 7


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


# Read in a process where libyaml cannot be imported: the events give up at once, and the
# nodes (PyYAML's pure-Python reader) read each file as the events read it with libyaml
# (not every document: the two readers differ on a tab after a key, or on `a: !`).
_WITHOUT_LIBYAML = """
import json, sys
sys.modules["_yaml"] = sys.modules["yaml._yaml"] = None
import yaml
assert not yaml.__with_libyaml__
from coalition_handbook.model.yaml_source import load_yaml
read = [load_yaml(text) for text in json.load(sys.stdin)]
print(json.dumps([
    [repr(document.data), sorted(document.values.items()), [problem.message for problem in
    document.problems], document.usable, document.root_offset] for document in read
]))
"""


def test_without_libyaml_the_nodes_read_every_file_as_the_events_do() -> None:
    texts = [
        *(
            path.read_text(encoding="utf-8")
            for path in sorted((EXAMPLE / "glossary").glob("*.yml"))
        ),
        *(path.read_text(encoding="utf-8") for path in sorted(EXAMPLE.glob("protocols/**/*.yml"))),
        'term: a\nterm: b\n"": c\n',
        "a: &x 1\nb: *x\nc: !!str 2\n",
        *DOCUMENTS[:9],
    ]
    completed = subprocess.run(
        [sys.executable, "-c", _WITHOUT_LIBYAML],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(EXAMPLE / "plugins")},
    )
    with_libyaml = []
    for text in texts:
        document = load_yaml(text)
        with_libyaml.append(
            [
                repr(document.data),
                [list(place) for place in sorted(document.values.items())],
                [problem.message for problem in document.problems],
                document.usable,
                document.root_offset,
            ]
        )
    assert json.loads(completed.stdout) == json.loads(json.dumps(with_libyaml))


@pytest.mark.parametrize(
    "last",
    ["", "k0: again\n", "z: &a 1\n"],
    ids=["plain", "a-duplicate-at-the-end", "an-anchor-at-the-end"],
)
def test_a_large_file_is_read_in_linear_time(last: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # DESIGN 11: the events read a plain file once; one they give up on at its end is read
    # again by the nodes, twice the work, not more. No tag remembered: the small file's
    # values would be, from the large one's, and read with fewer calls.
    from work import calls_made

    monkeypatch.setattr(yaml_loader, "_REMEMBERED", 0)

    def text(fields: int) -> str:
        field = (
            "k{0}: value {0} #{0} cut\nl{0}:\n  - a\n   - b {0}\n  - {{c: 1, d: [2026-01-31]}}\n"
        )
        return "".join(field.format(index) for index in range(fields)) + last

    small, large = text(500), text(5_000)
    assert calls_made(load_yaml, large) <= calls_made(load_yaml, small) * 10.5
