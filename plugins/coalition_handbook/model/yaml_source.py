"""Read YAML into plain values while keeping where every value came from.

PyYAML's loaders forget positions and silently keep the last of two duplicate keys, and
its constructor would happily share (and a later walk expand) the nodes of an alias bomb.
So we only let PyYAML *compose* the document into nodes, then build the values ourselves:
every value's dotted path ("avoid.1.text") gets the offsets of its raw source, duplicate
keys and unsupported tags become problems, and documents with too many aliases are
refused before anything walks them.

This module reads one document; its parts are modules of their own: `yaml_events`
reads a plain document (most record files) from libyaml's events without the nodes,
`yaml_loader` composes the text into nodes, `yaml_aliases` refuses alias bombs, `yaml_values` builds
the values (duplicate keys, tags, merges), `yaml_syntax` words PyYAML's errors,
`yaml_messages` names a value in a message, `yaml_document` holds what is read.
"""

from __future__ import annotations

import re

import yaml

from ..lazy_pattern import LazyPattern
from .yaml_aliases import MAX_ALIASES, MAX_VALUES, alias_refusal
from .yaml_document import LineIndex, YamlDocument, YamlProblem
from .yaml_events import read_from_events
from .yaml_loader import LibyamlOrPython, QuickComposer
from .yaml_syntax import syntax_problem
from .yaml_values import ValueBuilder

# What YAML 1.1 (PyYAML's reader) refuses to read: control characters and surrogates.
_NON_PRINTABLE = LazyPattern(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Line breaks to YAML 1.1 (PyYAML), but not to editors, Markdown or `LineIndex`
# (yaml_document.py): an invisible one splits a value where the editor sees one line.
_HIDDEN_BREAKS = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}
_HIDDEN_BREAK = LazyPattern("[\x85\u2028\u2029]")
_BOM = "\ufeff"


def load_yaml(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    lines: LineIndex | None = None,
    max_aliases: int = MAX_ALIASES,
    max_values: int = MAX_VALUES,
) -> YamlDocument:
    """Read the one YAML document in `text[start:end]`; offsets are into the whole `text`.

    Never raises for bad input: syntax errors, more than one document, duplicate keys,
    unsupported tags and alias bombs are returned as problems.
    """
    end = len(text) if end is None else end
    lines = lines or LineIndex(text)
    document = YamlDocument()
    document.values[""] = (start, end)
    # BOMs left at the start (a file saved with two: decoding drops one) are no part of
    # the YAML, and libyaml's marks do not count them: every place would be too early.
    while text.startswith(_BOM, start, end):
        start += 1
    source = text[start:end]

    bad_character = _NON_PRINTABLE.search(source)
    if bad_character:
        code = ord(bad_character.group())
        document.problems.append(
            YamlProblem(
                f"contains the control character U+{code:04X}, which YAML does not allow",
                start + bad_character.start(),
            )
        )
        document.usable = False
        return document
    # Each hidden break is a character past ASCII; a text holds one only where `in`, a
    # scan at memory speed, finds one: the pattern tried at every character of a term file
    # with a dash or an accent was a few microseconds of each.
    hidden_break = (
        _HIDDEN_BREAK.search(source)
        if not source.isascii() and any(character in source for character in _HIDDEN_BREAKS)
        else None
    )
    if hidden_break:
        character = hidden_break.group()
        document.problems.append(
            YamlProblem(
                f"contains U+{ord(character):04X} ({_HIDDEN_BREAKS[character]}), an invisible "
                "character that YAML reads as a line break: replace it with a space or a "
                "real line break",
                start + hidden_break.start(),
            )
        )
        document.usable = False
        return document

    try:
        return _read(text, start, end, source, lines, document, max_aliases, max_values)
    except RecursionError:  # parsing and building recurse once per level of nesting
        document.problems.append(
            YamlProblem(
                "is nested too deeply to read: use fewer levels of lists and maps",
                start + deep_nesting_offset(source),
            )
        )
        document.usable = False
        document.data = None
        return document


# Levels of nesting that no handbook file needs, and that YAML's readers may not survive:
# where a text first nests this deep is where its finding points.
_DEEP = 100
_FLOW_OR_LINE = LazyPattern(r"[\[\]{}\n]")
_BLOCK_INDENT = LazyPattern(rf"^[ \t-]{{{2 * _DEEP},}}", re.MULTILINE)


def deep_nesting_offset(source: str) -> int:
    """The offset in `source` where its lists and maps first nest `_DEEP` levels deep: in
    brackets (`[[[`), or by indentation and dashes (`- - -`); 0 if neither. Quotes are not
    told apart: this only points a finding at a place."""
    depth = 0
    for found in _FLOW_OR_LINE.finditer(source):
        character = found.group()
        if character in "[{":
            depth += 1
            if depth == _DEEP:
                flow = found.start()
                break
        elif character in "]}":
            depth = max(0, depth - 1)
    else:
        flow = len(source)
    block = _BLOCK_INDENT.search(source, 0, flow)
    if block is not None:
        return block.start()
    return flow if flow < len(source) else 0


def _read(
    text: str,
    start: int,
    end: int,
    source: str,
    lines: LineIndex,
    document: YamlDocument,
    max_aliases: int,
    max_values: int,
) -> YamlDocument:
    read = read_from_events(source, start, lines)
    if read is not None:
        read.values[""] = (start, end)
        return read
    nodes = _compose_all(source, start, document, lines)
    if not document.usable:
        return document
    if not nodes:
        document.empty = True
        return document
    if len(nodes) > 1:
        second = start + nodes[1].start_mark.index
        marker = text.rfind("---", start, second + 3)
        offset = marker if marker >= start else second
        document.problems.append(
            YamlProblem(
                f"a second YAML document starts at line {lines.line(offset)} ('---'); "
                "keep one document per file",
                offset,
            )
        )

    root = nodes[0]
    # Without both an anchor (&) and an alias (*) there is nothing to refuse.
    has_aliases = "&" in source and "*" in source
    refusal = alias_refusal(root, max_aliases, max_values) if has_aliases else None
    if refusal is not None:
        message, node = refusal
        document.problems.append(YamlProblem(message, start + node.start_mark.index))
        document.usable = False
        return document

    builder = ValueBuilder(start, lines, document)
    document.data = builder.build(root, "", 0)
    # Where the top value starts (a missing field's finding goes there): a mapping's own
    # start, as the events read it (`yaml_events`), not the place of a key "" at the top
    # (`"": x`), whose path "" the mapping's is too.
    is_scalar = isinstance(root, yaml.ScalarNode)
    document.root_offset = document.values[""][0] if is_scalar else start + root.start_mark.index
    document.values[""] = (start, end)
    return document


def _compose_all(
    source: str, start: int, document: YamlDocument, lines: LineIndex
) -> list[yaml.Node]:
    try:
        return _compose_with(QuickComposer, source)
    except (yaml.YAMLError, ValueError) as error:
        if LibyamlOrPython is not yaml.SafeLoader:
            # libyaml refuses a few documents PyYAML reads (an escaped lone surrogate,
            # "\uD800"): PyYAML's reading is the contract. When both refuse, libyaml's
            # message stands. (PyYAML raises ValueError for an escape past U+10FFFF.)
            try:
                return _compose_with(yaml.SafeLoader, source)
            except (yaml.YAMLError, ValueError):
                pass
        if isinstance(error, yaml.MarkedYAMLError):
            document.problems.append(syntax_problem(error, start, lines))
        else:  # a reader error has no mark, only a position
            document.problems.append(
                YamlProblem(f"not valid YAML: {error}", start + getattr(error, "position", 0))
            )
        document.usable = False
        return []


def _compose_with(loader_class: type[yaml.SafeLoader], source: str) -> list[yaml.Node]:
    loader = loader_class(source)
    nodes: list[yaml.Node] = []
    try:
        while loader.check_node():
            nodes.append(loader.get_node())
    finally:
        loader.dispose()
    return nodes
