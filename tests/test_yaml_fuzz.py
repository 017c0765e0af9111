"""Hostile YAML files the loader must read as PyYAML reads them, at PyYAML's places.

A differential fuzzer of term-like files built from the pieces where the two once
disagreed: `<<` merges of keys the mapping sets itself (placed at the merged value),
numbers YAML cannot read (`!!int 2a`, a plain `0x_`: read as text without a word), BOMs
left after decoding (every place one character early); with quoted, folded and literal
scalars, YAML 1.1 booleans and numbers-as-strings, anchors, comments, CRLF and lone CR
around them. The oracle is pure PyYAML (`yaml.safe_load`, keys kept as written, as the
loader keeps them): where it reads a file, the loader reads the same values, or says
why not (a duplicate key, a tag); where it refuses one, the loader says so too; every
value and key is placed inside the node PyYAML composed for it. Seeded: each run tries
the same files.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_handbook.model.yaml_source import load_yaml

KEYS = ["term", "status", "short", "no", "on", "1e3", "~", "é", "𝄞", "2026-01-01", "x:y"]
VALUES = [
    "approved", "yes", "NO", "Off", "1e3", "1.0e3", "0x1F", "017", "1_000", "12:30", "~",
    "2026-01-01", "2026-01-01 10:00:00", "'NO'", '"\\u00e9 \\U0001D11E \\x41"', "'it''s'",
    "é 𝄞 日本語", "a #29", "!!int 2a", "!!float abc", "!!int 0x10", "!!str 017", "0x_",
    "&v anchored", "|\n  line\n  two", ">-\n  folded\n\n  text", "[a, 'b', {c: d}]",
    "{x: 1, y: [2]}", "", "# only a comment", '"multi\n  line"', "plain\n  continued",
    "\n  - item\n  - {text: t, reason: r}", "\n  nested: value\n  other: 2",
]  # fmt: skip
MERGES = ["", "<<: *d\n", "<<: [*d, {status: merged}]\n"]
DEFAULTS = "d: &d\n  status: default\n  short: {s: inner}\n"
BREAKS = ["\n", "\r\n", "\r"]


def document(fields: list[tuple[int, int]], merge: int, bom: int, newline: int) -> str:
    lines = [DEFAULTS] if merge else []
    for key, value in fields:
        lines.append(f"{KEYS[key]}: {VALUES[value]}\n")
    lines.insert(len(lines) // 2 + 1, MERGES[merge])
    return "\ufeff" * bom + "".join(lines).replace("\n", BREAKS[newline])


class _KeysAsWritten(yaml.SafeLoader):
    """PyYAML, keeping keys as written (`no:` is "no", not False), as the loader does."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        return {
            key.value: self.construct_object(value, deep=deep)  # type: ignore[no-untyped-call]
            for key, value in node.value
        }


def pyyaml(text: str) -> tuple[Any, yaml.Node | None, Exception | None]:
    """PyYAML's values of `text`, and its nodes as composed (construction merges the
    `<<` pairs into them)."""
    try:
        return yaml.load(text, _KeysAsWritten), yaml.compose(text, yaml.SafeLoader), None
    except (yaml.YAMLError, ValueError) as error:
        return None, None, error


def nodes_by_path(node: yaml.Node, path: str = "") -> dict[str, tuple[yaml.Node, yaml.Node | None]]:
    """Every value node under `node` by dotted path, with its key node; merges left out."""
    found: dict[str, tuple[yaml.Node, yaml.Node | None]] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.tag != "tag:yaml.org,2002:merge":
                child = f"{path}.{key.value}" if path else key.value
                found[child] = (value, key)
                found.update(nodes_by_path(value, child))
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            child = f"{path}.{index}" if path else str(index)
            found[child] = (value, None)
            found.update(nodes_by_path(value, child))
    return found


def inside(offset: int, node: yaml.Node, text: str) -> bool:
    start, end = node.start_mark.index, node.end_mark.index
    if isinstance(node, yaml.ScalarNode) and node.value == "" and not node.style:
        # An empty value: PyYAML places it at its colon, libyaml after the space.
        return text[start:offset].strip(" :") == ""
    return start <= offset <= end


FIELD = st.tuples(st.integers(0, len(KEYS) - 1), st.integers(0, len(VALUES) - 1))


@settings(max_examples=600, deadline=None, derandomize=True)
@given(
    st.lists(FIELD, min_size=1, max_size=6),
    st.integers(0, len(MERGES) - 1),
    st.integers(0, 2),
    st.integers(0, len(BREAKS) - 1),
)
def test_hostile_files_are_read_and_placed_as_pyyaml_reads_them(
    fields: list[tuple[int, int]], merge: int, bom: int, newline: int
) -> None:
    text = document(fields, merge, bom, newline)
    decoded = text.removeprefix("\ufeff")  # as `read_text` decodes a file
    document_read = load_yaml(decoded)
    refused = [problem.message for problem in document_read.problems if not problem.read]
    values, root, error = pyyaml(decoded.lstrip("\ufeff"))
    if error is not None:  # PyYAML refuses the file: so does the loader, saying why
        assert refused or not document_read.usable, (text, error)
        return
    assert root is not None
    merged_twice = any("two merged" in problem.message for problem in document_read.problems)
    if merged_twice:  # PyYAML keeps the last, the loader the first (the YAML spec's)
        pass
    elif not refused:
        assert document_read.data == values, text
    elif all("duplicate key" in message for message in refused):
        assert document_read.data == values, text  # the last one kept, as PyYAML keeps it
    bom_left = len(decoded) - len(decoded.lstrip("\ufeff"))
    for path, (node, key) in nodes_by_path(root).items():
        start = document_read.values[path][0] - bom_left
        assert inside(start, node, decoded[bom_left:]), (text, path, start)
        if key is not None:
            key_start = document_read.keys[path][0] - bom_left
            assert inside(key_start, key, decoded[bom_left:]), (text, path, key_start)
