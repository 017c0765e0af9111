"""Build plain values from PyYAML's composed nodes, recording the offsets of each
value and key, and the problems PyYAML would read past silently: duplicate keys,
unsupported tags, merged keys given two values, a text cut short by a comment, list
items joined into one, numbers too long to read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import yaml

from ..lazy_pattern import LazyPattern
from ..utf8 import LONE_SURROGATE
from .yaml_document import LineIndex, YamlDocument, YamlProblem
from .yaml_loader import QuickResolvingLoader
from .yaml_messages import quoted, shortened, unsupported_tag, value_label

MAX_DEPTH = 64
# No version, duration or weight needs more: Python refuses to read or print a number of
# thousands of digits (a traceback), and hex or octal ones grow tenfold when printed.
MAX_NUMBER_CHARACTERS = 30
_MAPPING_TAG = "tag:yaml.org,2002:map"
_SEQUENCE_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"
STRING_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# What PyYAML's constructors raise, beside their own errors, for a value its tag cannot
# hold: ValueError for a date that is no day (`2026-02-30`) or `!!int 2a`, KeyError for
# `!!bool maybe`, AttributeError for `!!timestamp x`.
VALUE_CONVERSION_ERRORS = (ValueError, LookupError, AttributeError, TypeError, OverflowError)
# A node's properties, an anchor and a tag in either order, each followed by spaces, line
# breaks or a comment (possessive: nothing to backtrack into).
_PROPERTIES = LazyPattern(r"(?:[&!][^ \t\r\n]*+(?:[ \t\r\n]++|#[^\r\n]*+)*+)++")
_PROPERTY_STARTS = ("&", "!")
ISO_DATE = LazyPattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# What follows a plain value on its line when a '#' ended it early: `ILO Convention #29`
# is the text `ILO Convention` and a comment. A number right after the '#' is a number
# meant as text (a convention, an issue); `# note` and `#TODO` are comments meant.
_CUT_BY_COMMENT = LazyPattern(r"[ \t]+(#[0-9][^\r\n]*)")
_BLANKS = (" ", "\t")
# A line of a plain text that starts as a list item does (`- `): an item indented past
# its neighbours, which YAML reads as the text of the item above going on.
_JOINED_ITEM = LazyPattern(r"[\r\n][ \t]*(-)(?=[ \t\r\n])")
_SCALAR_NODE = yaml.ScalarNode
FLOAT_TAG = "tag:yaml.org,2002:float"
# A number YAML 1.1 reads otherwise than its digits say: octal (`010` is 8), hexadecimal,
# binary, or counted in sixties (`1:30` is 90, meant as an hour and a half).
_OTHER_NOTATION = LazyPattern(r"[-+]?(?:0[0-9_]|0[xbXB]|[0-9_]+:)")


def _named(path: str) -> str:
    """The start of a problem's message about the value at `path`: worked out only for a
    problem, as `value_label` takes longer than reading a value does."""
    return f"{value_label(path)} " if path else ""


def join_path(prefix: str, part: str | int) -> str:
    return f"{prefix}.{part}" if prefix else str(part)


def _within(paths: Iterable[str], roots: list[str]) -> list[str]:
    """The dotted `paths` that are one of `roots` or a value inside one."""
    return [
        path for path in paths if any(path == root or path.startswith(f"{root}.") for root in roots)
    ]


# What `read_directly` leaves to the constructor (or to the nodes).
NOT_DIRECT: Any = object()


def read_directly(tag: str, value: str) -> Any:
    """A plain scalar's value where it is a version or a date, which every record holds,
    read without the constructor's dispatch (`ValueBuilder.scalar`, and the events'
    reader); `NOT_DIRECT` for the rest (octal `017`, `1_000`, `12:30`, `2026-1-31`,
    times of day)."""
    if tag == INT_TAG and value.isascii() and value.isdigit() and value[0] != "0":
        return int(value)
    if tag == TIMESTAMP_TAG and ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value  # 2026-02-30 stays text, as the constructor's error leaves it
    return NOT_DIRECT


class ValueBuilder:
    """Builds plain values from composed nodes, recording offsets and problems."""

    def __init__(self, start: int, lines: LineIndex, document: YamlDocument) -> None:
        self.start = start
        self.lines = lines
        self.document = document
        self._constructor: QuickResolvingLoader | None = None

    @property
    def constructor(self) -> QuickResolvingLoader:
        """PyYAML's constructor, for the few values read otherwise (`scalar`): made when
        first needed, as most documents have none."""
        if self._constructor is None:
            self._constructor = QuickResolvingLoader("")
        return self._constructor

    def span(self, node: yaml.Node) -> tuple[int, int]:
        return self.start + node.start_mark.index, self.start + node.end_mark.index

    def problem(self, message: str, node: yaml.Node) -> None:
        self.document.problems.append(YamlProblem(message, self.span(node)[0]))

    def build(self, node: yaml.Node, path: str, depth: int) -> Any:
        offset = self.start
        start = offset + node.start_mark.index
        end = offset + node.end_mark.index
        scalar = isinstance(node, _SCALAR_NODE)
        if scalar:
            # A scalar's span begins at its anchor or tag (`&a`, `!!str`): its text, which
            # the checks place their findings in, begins after them. Only within the
            # node: an empty value's properties end where its span does. Most scalars have
            # none: a look at the first character, not a match of the pattern, says so.
            text = self.lines.text
            if text.startswith(_PROPERTY_STARTS, start, end):
                properties = _PROPERTIES.match(text, start, end)
                if properties:
                    start = properties.end()
        self.document.values[path] = start, end
        if depth > MAX_DEPTH:
            self.problem(f"nested more than {MAX_DEPTH} levels deep", node)
            return None
        if scalar:
            style = node.style
            if node.tag == STRING_TAG and style != '"':
                # Most values: a text, which nothing can make unreadable (`scalar`).
                # Plain (None, or "" from libyaml), and blanks after it: maybe a comment
                # (`check_cut_by_comment`); mostly a line break follows, and nothing does.
                if not style and text.startswith(_BLANKS, end):
                    self.check_cut_by_comment(end, path)
                return node.value
            problems = len(self.document.problems)
            value = self.scalar(node, path)
            if len(self.document.problems) > problems:
                self.document.unreadable.add(path)
            elif node.tag == STRING_TAG and not node.style:
                self.check_cut_by_comment(end, path)
            return value
        if isinstance(node, yaml.MappingNode):
            self.check_tag(node, _MAPPING_TAG)
            result: dict[str, Any] = {}
            self.fill_mapping(node, path, depth, result)
            return result
        self.check_tag(node, _SEQUENCE_TAG)
        nodes = node.value
        prefix = f"{path}." if path else ""
        paths = [f"{prefix}{index}" for index in range(len(nodes))]
        build = self.build
        items = [
            build(item, item_path, depth + 1) for item, item_path in zip(nodes, paths, strict=True)
        ]
        for item, value, item_path in zip(nodes, items, paths, strict=True):
            # Only a plain text over lines may be joined (`check_joined_items`): mostly
            # an item is a mapping, or a text on one line.
            if (
                isinstance(item, _SCALAR_NODE)
                and not item.style
                and item.start_mark.line != item.end_mark.line
            ):
                self.check_joined_items(item, value, item_path)
        return items

    def check_cut_by_comment(self, end: int, path: str) -> None:
        """A plain text that a `#` cut short: YAML keeps the words before it, silently."""
        if not self.lines.text.startswith(_BLANKS, end):  # mostly a line break: no comment
            return
        comment = _CUT_BY_COMMENT.match(self.lines.text, end)
        if comment is None:
            return
        named = _named(path)
        rest = shortened(comment.group(1).rstrip(), 40)
        self.document.problems.append(
            YamlProblem(
                f"{named}ends before '{rest}': YAML reads ' #' as the start of a comment and "
                "leaves the rest of the line out; put the value in quotes to keep it (or, "
                "for a comment, write '# ' with a space)",
                comment.start(1),
                read=True,
            )
        )

    def check_joined_items(self, node: yaml.Node, value: Any, path: str) -> None:
        """A list item indented one space further than the one above it: YAML reads it
        as that item's text going on (`- a` then ` - b` is the one item "a - b"), and
        two forms or objectives silently become one. Only a dash left of where the
        item's text starts: one at or past it may be prose wrapped at a dash ("under
        pressure - calmly" wrapped before "- calmly"), as YAML reads it (review 3)."""
        if not isinstance(node, yaml.ScalarNode) or node.style or not isinstance(value, str):
            return  # only a plain text runs on over lines without quotes
        if node.start_mark.line == node.end_mark.line:
            return
        start, end = self.span(node)
        text = self.lines.text
        text_column = start - (text.rfind("\n", 0, start) + 1)
        for joined in _JOINED_ITEM.finditer(text, start, end):
            dash = joined.start(1)
            if dash - (text.rfind("\n", 0, dash) + 1) >= text_column:
                continue
            self.document.problems.append(
                YamlProblem(
                    f"this line is read as part of the item above, {value_label(path)} "
                    f"({quoted(value)}): YAML joins a list item indented further than the "
                    "one above it to that item; indent it like the others",
                    joined.start(1),
                    read=True,
                )
            )

    def check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            self.problem(unsupported_tag(node.tag), node)

    def fill_mapping(
        self, node: yaml.MappingNode, path: str, depth: int, result: dict[str, Any]
    ) -> None:
        merges: list[yaml.Node] = []
        first_offset: dict[str, int] = {}  # the line is only worked out for a duplicate
        keys = self.document.keys
        values = self.document.values
        text = self.lines.text
        offset = self.start
        build = self.build
        plain = depth < MAX_DEPTH  # a value inside is within the depth `build` allows
        prefix = f"{path}." if path else ""
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merges.append(value_node)
                continue
            if not isinstance(key_node, _SCALAR_NODE):
                self.problem("a key must be a plain name, not a list or a mapping", key_node)
                continue
            # The key as written: `no:` stays "no" (a language code), not False.
            key = key_node.value
            key_start = offset + key_node.start_mark.index
            if key in first_offset:
                self.problem(
                    f"duplicate key '{shortened(key)}' (first at line "
                    f"{self.lines.line(first_offset[key])}); "
                    "YAML would keep only the last one",
                    key_node,
                )
            else:
                first_offset[key] = key_start
            child = f"{prefix}{key}"
            keys[child] = key_start, offset + key_node.end_mark.index
            if value_node.__class__ is _SCALAR_NODE and value_node.tag == STRING_TAG and plain:
                # Most values: a text without properties, quotes or escapes, as `build`
                # reads it, without a call for each.
                start = offset + value_node.start_mark.index
                end = offset + value_node.end_mark.index
                style = value_node.style
                if style != '"' and not text.startswith(_PROPERTY_STARTS, start, end):
                    values[child] = start, end
                    if not style and text.startswith(_BLANKS, end):
                        self.check_cut_by_comment(end, child)
                    result[key] = value_node.value
                    continue
            result[key] = build(value_node, child, depth + 1)
        if not merges:
            return
        # `<<: *defaults` fills in keys the mapping does not set itself.
        explicit = set(first_offset)
        own = frozenset(explicit)
        for merge in merges:
            sources = merge.value if isinstance(merge, yaml.SequenceNode) else [merge]
            for source in sources:
                if not isinstance(source, yaml.MappingNode):
                    self.problem("'<<' must merge a mapping", source)
                    continue
                self.merge_mapping(source, path, depth, result, explicit, own)

    def merge_mapping(
        self,
        source: yaml.MappingNode,
        path: str,
        depth: int,
        result: dict[str, Any],
        explicit: set[str],
        own: frozenset[str],
    ) -> None:
        """Fill in `result` (the mapping at `path`) from the merged mapping `source`,
        with the keys not in `explicit` (set already; `own` by the mapping itself). The
        merged values are built aside, places and all: the places of a key set already
        stay those of the value read (a finding about `status: wrong` pointed at a
        merged `approved`)."""
        document = self.document
        # The texts of dates and numbers too: a merged `text: 2024-01-05 10:00:00` or
        # `version: 010` is no text of the value this mapping sets itself (review rv65b).
        places = (
            *(document.values, document.keys, document.unreadable),
            *(document.dates_written, document.numbers_written),
        )
        document.values, document.keys, document.unreadable = {}, {}, set()
        document.dates_written, document.numbers_written = {}, {}
        merged: dict[str, Any] = {}
        try:
            self.fill_mapping(source, path, depth, merged)
            values, keys, unreadable = document.values, document.keys, document.unreadable
            dates, numbers = document.dates_written, document.numbers_written
        finally:
            document.values, document.keys, document.unreadable = places[:3]
            document.dates_written, document.numbers_written = places[3:]
        taken = [join_path(path, key) for key in merged if key not in explicit]
        for key, value in merged.items():  # each key once: adding one checks no other
            if key not in explicit:
                result[key] = value
                explicit.add(key)
            elif key not in own and value != result[key]:
                self.merged_twice(key, keys[join_path(path, key)][0])
        document.values.update((child, values[child]) for child in _within(values, taken))
        document.keys.update((child, keys[child]) for child in _within(keys, taken))
        document.unreadable.update(_within(unreadable, taken))
        document.dates_written.update((child, dates[child]) for child in _within(dates, taken))
        document.numbers_written.update(
            (child, numbers[child]) for child in _within(numbers, taken)
        )

    def merged_twice(self, key: str, offset: int) -> None:
        """Two merged mappings give `key` different values: the YAML spec keeps the
        first, as this loader does, but PyYAML (and so MkDocs) keeps the last for any
        key longer than one character (its merge compares the keys' string objects)."""
        self.document.problems.append(
            YamlProblem(
                f"'{shortened(key)}' is given different values by two merged mappings "
                "('<<'): YAML readers differ on which one wins (the first here, the last "
                f"in PyYAML); set '{shortened(key)}' in this mapping itself",
                offset,
                read=True,
            )
        )

    def scalar(self, node: yaml.Node, path: str = "") -> Any:
        """The value of a scalar `node`, stored at `path` (which a problem names)."""
        if node.tag == STRING_TAG:
            # Only a double-quoted string can hold an escaped lone surrogate ("\uD800"):
            # no character, and nothing can print or encode it.
            if node.style == '"' and LONE_SURROGATE.search(node.value):
                self.problem(
                    f"{_named(path)}holds an escaped lone surrogate (\\uD800 to \\uDFFF), "
                    "no character",
                    node,
                )
                return node.value.encode("utf-8", "replace").decode("utf-8")
            return node.value  # most values: no need for the constructor's dispatch
        value = node.value
        if node.tag == INT_TAG and len(value) > MAX_NUMBER_CHARACTERS:
            self.problem(
                f"{_named(path)}is a number of {len(value)} characters, too long to read "
                f"(at most {MAX_NUMBER_CHARACTERS})",
                node,
            )
            self.document.usable = False  # as for too deep a nesting: nothing else is read
            return None
        if (direct := read_directly(node.tag, value)) is not NOT_DIRECT:
            return direct
        if node.tag in (INT_TAG, FLOAT_TAG) and _OTHER_NOTATION.match(value):
            self.document.numbers_written[path] = value
        if node.tag not in QuickResolvingLoader.yaml_constructors:  # `!foo`, `!!python/name:x`
            self.problem(unsupported_tag(node.tag), node)
            return node.value
        try:
            built = self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            self.problem(f"cannot read this value: {shortened(str(error.problem), 200)}", node)
        except ValueError:
            if node.tag != TIMESTAMP_TAG:  # `!!int 2a`, `!!float abc`: PyYAML refuses
                self.cannot_read(node)
            # A timestamp such as 2026-02-30 stays text; the schema says if it matters.
        except VALUE_CONVERSION_ERRORS:
            # An explicit tag on a value it cannot hold (`!!bool maybe`, `!!timestamp x`).
            self.cannot_read(node)
        else:
            if node.tag == TIMESTAMP_TAG and isinstance(built, dt.date):
                self.document.dates_written[path] = value  # not YYYY-MM-DD: read directly
            return built
        return node.value

    def cannot_read(self, node: yaml.Node) -> None:
        tag = shortened(node.tag.rpartition(":")[2])
        start, end = self.span(node)
        properties = _PROPERTIES.match(self.lines.text, start, end)
        tagged = properties is not None and "!" in properties.group()
        # Untagged, a plain `0x_` looks like a number to YAML, which cannot read it.
        hint = "" if tagged else "; put it in quotes to keep it as text"
        self.problem(f"cannot read this value as {tag}{hint}", node)
