"""Build a plain YAML document's values straight from libyaml's events, without the node
tree: most record files are mappings, lists and untagged scalars, and composing them into
nodes (a Python object and a resolver call for each) then walking those was half the
time a term file took to read. Anything else (an anchor, an alias, a tag, a merge, a
duplicate key, a second document, an error, deep nesting) gives up, and the file is read
through the nodes (`yaml_source`), which report it: the events only ever read a document
that has nothing to report but what `ValueBuilder` finds in its scalars."""

from __future__ import annotations

from typing import Any

import yaml

from .yaml_document import LineIndex, YamlDocument
from .yaml_loader import plain_scalar_tag
from .yaml_values import (
    MAX_NUMBER_CHARACTERS,
    NOT_DIRECT,
    STRING_TAG,
    ValueBuilder,
    read_directly,
)

# libyaml's parser, where installed (`yaml.cyaml` is only there with it).
_PARSER: type | None = getattr(getattr(yaml, "cyaml", None), "CParser", None)
# Deeper documents are read through the nodes, which report nesting past `MAX_DEPTH`
# (and a recursion this deep stays far from Python's limit).
_MAX_DEPTH = 32
_MERGE_KEY = "<<"
_BLANKS = (" ", "\t")
_SCALAR = yaml.ScalarEvent
_MAPPING_START = yaml.MappingStartEvent
_MAPPING_END = yaml.MappingEndEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_SEQUENCE_END = yaml.SequenceEndEvent
_DOCUMENT_START = yaml.DocumentStartEvent
_STREAM_END = yaml.StreamEndEvent


class _GiveUp(Exception):
    """The document holds what only the node tree reads: read it that way."""


def read_from_events(source: str, start: int, lines: LineIndex) -> YamlDocument | None:
    """The one document of `source` (at `start` in `lines.text`), its values and their
    places, as `ValueBuilder.build` reads them from its nodes; None where the nodes must
    read it (see the module's docstring) or libyaml is not installed."""
    if _PARSER is None:
        return None
    builder = ValueBuilder(start, lines, YamlDocument())
    parser = _PARSER(source)
    try:
        data = _EventReader(parser.get_event, builder).document()
    except (_GiveUp, yaml.YAMLError, ValueError, RecursionError):
        return None
    finally:
        parser.dispose()
    builder.document.data = data
    return builder.document


class _EventReader:
    def __init__(self, next_event: Any, builder: ValueBuilder) -> None:
        self.next_event = next_event
        self.builder = builder
        self.offset = builder.start
        self.text = builder.lines.text
        self.values = builder.document.values
        self.keys = builder.document.keys

    def document(self) -> Any:
        next_event = self.next_event
        next_event()  # the stream's start
        if next_event().__class__ is not _DOCUMENT_START:
            raise _GiveUp  # an empty stream
        event = next_event()
        value = self.node(event, "", 0)
        self.builder.document.root_offset = self.values[""][0]
        next_event()  # the document's end
        if next_event().__class__ is not _STREAM_END:
            raise _GiveUp  # a second document
        return value

    def node(self, event: Any, path: str, depth: int) -> Any:
        kind = event.__class__
        if event.anchor is not None or event.tag is not None or depth > _MAX_DEPTH:
            raise _GiveUp
        if kind is _SCALAR:
            return self.scalar(event, path, depth)
        start = self.offset + event.start_mark.index
        if kind is _MAPPING_START:
            return self.mapping(start, path, depth)
        if kind is _SEQUENCE_START:
            return self.sequence(start, path, depth)
        raise _GiveUp  # an alias

    def scalar(self, event: Any, path: str, depth: int) -> Any:
        offset = self.offset
        start = offset + event.start_mark.index
        end = offset + event.end_mark.index
        value = event.value
        style = event.style
        # Untagged: a plain scalar's tag as PyYAML resolves it, a quoted one's text.
        tag = plain_scalar_tag(value) if event.implicit[0] else STRING_TAG
        if tag == STRING_TAG:
            if style != '"':
                self.values[path] = start, end
                if not style and self.text.startswith(_BLANKS, end):
                    self.builder.check_cut_by_comment(end, path)
                return value
            if value.isascii():  # no escaped lone surrogate (`ValueBuilder.scalar`)
                self.values[path] = start, end
                return value
        # A version or a date (a number too long is the nodes' to report).
        elif (
            len(value) <= MAX_NUMBER_CHARACTERS
            and (direct := read_directly(tag, value)) is not NOT_DIRECT
        ):
            self.values[path] = start, end
            return direct
        # Dates, other numbers, escaped texts: as the nodes read them.
        node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, style)
        return self.builder.build(node, path, depth)

    def mapping(self, start: int, path: str, depth: int) -> dict[str, Any]:
        next_event = self.next_event
        offset = self.offset
        keys = self.keys
        prefix = f"{path}." if path else ""
        result: dict[str, Any] = {}
        self.values[path] = start, start  # in the order the nodes place it: before its own
        while True:
            key_event = next_event()
            if key_event.__class__ is not _SCALAR:
                if key_event.__class__ is _MAPPING_END:
                    self.values[path] = start, offset + key_event.end_mark.index
                    return result
                raise _GiveUp  # a key that is a list or a mapping
            key = key_event.value
            if (
                key in result
                or key_event.anchor is not None
                or key_event.tag is not None
                or (key == _MERGE_KEY and key_event.implicit[0])
            ):
                raise _GiveUp
            child = f"{prefix}{key}"
            keys[child] = offset + key_event.start_mark.index, offset + key_event.end_mark.index
            result[key] = self.node(next_event(), child, depth + 1)

    def sequence(self, start: int, path: str, depth: int) -> list[Any]:
        next_event = self.next_event
        prefix = f"{path}." if path else ""
        items: list[Any] = []
        joined: list[tuple[Any, int, str]] = []
        self.values[path] = start, start  # as in `mapping`
        while True:
            event = next_event()
            if event.__class__ is _SEQUENCE_END:
                break
            item_path = f"{prefix}{len(items)}"
            items.append(self.node(event, item_path, depth + 1))
            # Only a plain text over lines may be joined (`check_joined_items`).
            if (
                event.__class__ is _SCALAR
                and not event.style
                and event.start_mark.line != event.end_mark.line
            ):
                joined.append((event, len(items) - 1, item_path))
        self.values[path] = start, self.offset + event.end_mark.index
        for item, index, item_path in joined:
            node = yaml.ScalarNode(STRING_TAG, item.value, item.start_mark, item.end_mark, "")
            self.builder.check_joined_items(node, items[index], item_path)
        return items
