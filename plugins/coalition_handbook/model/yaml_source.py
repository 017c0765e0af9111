"""Read YAML into plain values while keeping where every value came from.

PyYAML's loaders forget positions and silently keep the last of two duplicate keys, and
its constructor would happily share (and a later walk expand) the nodes of an alias bomb.
So we only let PyYAML *compose* the document into nodes, then build the values ourselves:
every value's dotted path ("avoid.1.text") gets the offsets of its raw source, duplicate
keys and unsupported tags become problems, and documents with too many aliases are
refused before anything walks them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..markdown import line_starts
from ..utf8 import LONE_SURROGATE

# libyaml composes ten times faster than pure Python; its marks count code points too.
_LibyamlOrPython: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# PyYAML's implicit resolvers by the first character of a plain scalar (None: any).
_IMPLICIT_RESOLVERS = _LibyamlOrPython.yaml_implicit_resolvers
_ANY_FIRST = tuple(_IMPLICIT_RESOLVERS.get(None, ()))
_RESOLVERS_BY_FIRST = {
    first: (*resolvers, *_ANY_FIRST)
    for first, resolvers in _IMPLICIT_RESOLVERS.items()
    if first is not None
}


# The tag of each short plain scalar resolved: every record file writes the same keys
# (`term:`, `version:`, `date:`) and many of the same values (`1`, `approved`), each of
# which the resolver's patterns were tried on again in every file.
_PLAIN_TAGS: dict[str, str] = {}
_REMEMBERED_LENGTH = 40
_REMEMBERED = 20_000


def _plain_tag(value: str) -> str:
    """The tag PyYAML's resolver gives the plain scalar `value`."""
    for tag, pattern in _RESOLVERS_BY_FIRST.get(value[:1], _ANY_FIRST):
        if pattern.match(value):
            return tag
    return _LibyamlOrPython.DEFAULT_SCALAR_TAG


class _Loader(_LibyamlOrPython):  # type: ignore[valid-type, misc]
    """The safe loader, resolving the tags of untagged nodes as PyYAML's resolver does
    for a safe loader (which has no path resolvers), without its generality: libyaml
    calls back into Python for every node, and that resolver was a fifth of the time a
    glossary term's file took to compose."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:  # a plain scalar: `true`, `1`, `2026-01-01` are not text
                tag = _PLAIN_TAGS.get(value)
                if tag is None:
                    tag = _plain_tag(value)
                    if len(value) <= _REMEMBERED_LENGTH and len(_PLAIN_TAGS) < _REMEMBERED:
                        _PLAIN_TAGS[value] = tag
                return tag
            return self.DEFAULT_SCALAR_TAG
        if kind is yaml.SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return self.DEFAULT_MAPPING_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # only path resolvers, which a safe loader has none of, use these

    def ascend_resolver(self) -> None:
        pass


MAX_ALIASES = 50
MAX_VALUES = 10_000
MAX_DEPTH = 64
# No version, duration or weight needs more: Python refuses to read or print a number of
# thousands of digits (a traceback), and hex or octal ones grow tenfold when printed.
MAX_NUMBER_CHARACTERS = 30
# A message names a value of the file, it does not copy it: at most this many characters
# of one are quoted (a one-line scalar of megabytes, or /etc/passwd read as a term file,
# would otherwise land whole in every log and report).
QUOTED_CHARACTERS = 60


def shortened(text: str, limit: int = QUOTED_CHARACTERS) -> str:
    """`text` for a message: cut after `limit` characters, with "…" to say so."""
    return text if len(text) <= limit else text[:limit] + "…"


# PyYAML expands `!!x` to this prefix and `x`; an editor typed, and should read, `!!x`.
_YAML_TAG_PREFIX = "tag:yaml.org,2002:"


def tag_as_written(tag: str) -> str:
    """A node's `tag` as the file writes it: `!!python/name:x`, not PyYAML's expanded
    `tag:yaml.org,2002:python/name:x`; a local tag (`!foo`) as it is; any other in the
    verbatim form (`!<tag:example.org,2026:x>`); shortened."""
    if tag.startswith(_YAML_TAG_PREFIX):
        tag = "!!" + tag.removeprefix(_YAML_TAG_PREFIX)
    elif not tag.startswith("!"):
        tag = f"!<{tag}>"
    return shortened(tag)


def unsupported_tag(tag: str) -> str:
    """The problem of a value with a YAML `tag` that the handbook's files do not read."""
    return (
        f"the YAML tag '{tag_as_written(tag)}' is not supported here: remove it (or put "
        "the value in quotes if the '!' is part of it)"
    )


def value_label(path: tuple[str | int, ...] | str) -> str:
    """Where a value is, in an editor's words: `'version' of history item 1` for the path
    `history.0.version`. Items count from 1, as an editor counts the dashes of a list; in
    a dotted path (`avoid.1.text`), digits are item numbers."""
    if isinstance(path, str):
        path = tuple(int(part) if part.isdecimal() else part for part in path.split(".") if part)
    if not path:
        return "the document"
    # Each stretch of keys up to a list index names one item ("history item 1"); the
    # innermost is said first, as in "the date of the first entry of the history".
    said: list[str] = []
    keys: list[str] = []
    for part in path:
        if isinstance(part, int):
            item = f"item {part + 1}"
            said.append(f"{'.'.join(keys)} {item}" if keys else item)
            keys = []
        else:
            keys.append(shortened(part))
    if keys:
        said.append("'" + ".".join(keys) + "'")
    return " of ".join(reversed(said))


def _named(path: str) -> str:
    """The start of a problem's message about the value at `path`: worked out only for a
    problem, as `value_label` takes longer than reading a value does."""
    return f"{value_label(path)} " if path else ""


def quoted(value: object) -> str:
    """`repr(value)` for a message, with at most QUOTED_CHARACTERS of a string's text."""
    if isinstance(value, str):
        return repr(shortened(value))
    return shortened(repr(value))


# What YAML 1.1 (PyYAML's reader) refuses to read: control characters and surrogates.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Line breaks to YAML 1.1 (PyYAML), but not to editors, Markdown or this module's
# LineIndex: an invisible one splits a value where the editor sees one line.
_HIDDEN_BREAKS = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}
_HIDDEN_BREAK = re.compile("[\x85\u2028\u2029]")
_BOM = "\ufeff"
_MAPPING_TAG = "tag:yaml.org,2002:map"
_SEQUENCE_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STRING_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# What PyYAML's constructors raise, beside their own errors, for a value its tag cannot
# hold: ValueError for a date that is no day (`2026-02-30`) or `!!int 2a`, KeyError for
# `!!bool maybe`, AttributeError for `!!timestamp x`.
VALUE_CONVERSION_ERRORS = (ValueError, LookupError, AttributeError, TypeError, OverflowError)
# A node's properties, an anchor and a tag in either order, each followed by spaces, line
# breaks or a comment (possessive: nothing to backtrack into).
_PROPERTIES = re.compile(r"(?:[&!][^ \t\r\n]*+(?:[ \t\r\n]++|#[^\r\n]*+)*+)++")
_PROPERTY_STARTS = ("&", "!")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# A key and its colon earlier on the line: a later ': ' belongs to the key's value.
_KEY_ON_LINE = re.compile(r"[^ \t#][ \t]*:[ \t]")
# What follows a plain value on its line when a '#' ended it early: `ILO Convention #29`
# is the text `ILO Convention` and a comment. A number right after the '#' is a number
# meant as text (a convention, an issue); `# note` and `#TODO` are comments meant.
_CUT_BY_COMMENT = re.compile(r"[ \t]+(#[0-9][^\r\n]*)")
_BLANKS = (" ", "\t")
# A line of a plain text that starts as a list item does (`- `): an item indented past
# its neighbours, which YAML reads as the text of the item above going on.
_JOINED_ITEM = re.compile(r"[\r\n][ \t]*(-)(?=[ \t\r\n])")


class LineIndex:
    """Turns offsets into a text into 1-based (line, column); columns count code points.

    Lines end at `\\r\\n`, `\\r` or `\\n`, as Markdown and editors count them.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def line(self, offset: int) -> int:
        return self.position(offset)[0]


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """Something wrong in the YAML itself, at an offset into the text. `read` is True
    where the document is still read as YAML reads it (a text cut short by a comment): the
    problem is reported, and the record is loaded all the same."""

    message: str
    offset: int
    read: bool = False


@dataclass
class YamlDocument:
    """The values of one YAML document and the source offsets of each of them.

    `data` is None when the document could not be read at all (`usable` is False) or is
    empty (`empty` is True). `values` maps dotted paths to (start, end) offsets of each
    value's raw source, `""` to the whole document (`root_offset` is where its top value
    starts); `keys` maps the same paths to the offsets of the key that introduced them.
    """

    data: Any = None
    values: dict[str, tuple[int, int]] = field(default_factory=dict)
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)
    usable: bool = True
    empty: bool = False
    root_offset: int = 0
    # Paths of the values that could not be read (`!!python/name:x`): a problem says so,
    # and what stands in for them is no value for the schema to judge.
    unreadable: set[str] = field(default_factory=set)


def join_path(prefix: str, part: str | int) -> str:
    return f"{prefix}.{part}" if prefix else str(part)


def _within(paths: Iterable[str], roots: list[str]) -> list[str]:
    """The dotted `paths` that are one of `roots` or a value inside one."""
    return [
        path for path in paths if any(path == root or path.startswith(f"{root}.") for root in roots)
    ]


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
    # Each hidden break is a character past ASCII.
    hidden_break = None if source.isascii() else _HIDDEN_BREAK.search(source)
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
_FLOW_OR_LINE = re.compile(r"[\[\]{}\n]")
_BLOCK_INDENT = re.compile(rf"^[ \t-]{{{2 * _DEEP},}}", re.MULTILINE)


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

    builder = _Builder(start, lines, document)
    document.data = builder.build(root, "", 0)
    document.root_offset = document.values[""][0]
    document.values[""] = (start, end)
    return document


def _compose_all(
    source: str, start: int, document: YamlDocument, lines: LineIndex
) -> list[yaml.Node]:
    try:
        return _compose_with(_Loader, source)
    except (yaml.YAMLError, ValueError) as error:
        if _LibyamlOrPython is not yaml.SafeLoader:
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


def syntax_problem(error: yaml.MarkedYAMLError, start: int, lines: LineIndex) -> YamlProblem:
    """PyYAML's error as one line, at the offset where it stopped (`start` is where the
    YAML begins in `lines.text`)."""
    mark = error.problem_mark or error.context_mark
    offset = start + (mark.index if mark else 0)
    context = error.context_mark
    context_line = lines.line(start + context.index) if context is not None else None
    block = _block_problem(error, context_line, lines, offset)
    if block is not None:
        message = block
    else:
        parts = [part for part in (error.context, error.problem) if part]
        message = "not valid YAML: " + ", ".join(parts)
        if context_line is not None and context_line != lines.line(offset):
            message += f" (it starts at line {context_line})"
    # PyYAML names a tab only in some messages; where it stops at one, say so too.
    if "tab" in message or "'\\t'" in message or lines.text[offset : offset + 1] == "\t":
        message += _tab_hint(lines, offset)
    elif block is None:
        message += _syntax_hint(error.problem or "", lines, offset)
    return YamlProblem(message, offset)


def _tab_hint(lines: LineIndex, offset: int) -> str:
    """What to write for the tab PyYAML stopped at, or names: spaces to indent, or where
    something stands before it on its line (`  - \\tfoo`), a space after that, where
    YAML 1.2 takes a tab but PyYAML, which MkDocs reads YAML with, does not."""
    if lines.text[offset : offset + 1] == "\t":
        before = lines.text[lines.starts[lines.line(offset) - 1] : offset]
        written = before.rstrip(" \t")
        if written:  # `-` and the spaces after it, not the whole line
            after = written[-1] + before[len(written) :]
            return (
                f"; a tab after '{after}': write a space instead (PyYAML, which MkDocs "
                "reads YAML with, takes no tab there)"
            )
    return "; indent YAML with spaces, not tabs"


# A line that does not fit the list or mapping it stands in: PyYAML says "expected <block
# end>, but found '?'", libyaml "did not find expected key", neither in an editor's words.
_BLOCKS = {
    "while parsing a block collection": ("list", "'- '"),
    "while parsing a block mapping": ("mapping", "a key ('name: ')"),
}
_BLOCK_NOT_ENDED = (
    "expected <block end>",
    "did not find expected '-'",
    "did not find expected key",
)


def _block_problem(
    error: yaml.MarkedYAMLError, block_line: int | None, lines: LineIndex, offset: int
) -> str | None:
    """`error` in plain words if it is a line out of step with the list or mapping above
    it (that starts at `block_line`): YAML stopped at the line's first character. Else
    None (something after a value on its line, which `_syntax_hint` may explain)."""
    block = _BLOCKS.get(error.context or "")
    if block is None or not (error.problem or "").startswith(_BLOCK_NOT_ENDED):
        return None
    line = lines.line(offset)
    if block_line is None or block_line >= line:
        return None
    if lines.text[lines.starts[line - 1] : offset].strip():
        return None
    kind, starts_with = block
    return (
        f"not valid YAML: this line does not fit the {kind} that starts at line "
        f"{block_line}, whose lines at this indentation start with {starts_with}; check "
        "this line's indentation (a list's items and a mapping's keys cannot stand side "
        "by side)"
    )


def _syntax_hint(problem: str, lines: LineIndex, offset: int) -> str:
    """What an editor most likely did, for PyYAML's commonest complaints."""
    line_start = lines.starts[lines.line(offset) - 1]
    before = lines.text[line_start:offset]
    if problem.startswith("mapping values are not allowed"):
        if _KEY_ON_LINE.search(before):
            return (
                "; a value with ': ' in it must be in quotes "
                '(title: "22 U.S.C. 7102: Definitions")'
            )
        # A field out of step, or a wrapped value's next line with ': ' in it.
        return (
            "; a ': ' inside a value goes in quotes, and a field lines up with the fields beside it"
        )
    if problem.startswith("did not find expected ',' or"):
        return "; a list or mapping opened with '[' or '{' must be closed with ']' or '}'"
    if problem.startswith("did not find expected"):
        if before.rstrip().endswith(('"', "'")) and _KEY_ON_LINE.search(before):
            return (
                "; a value that starts with a quote ends at its closing quote: put the "
                """whole value in the other kind of quotes (short: '"T visa" is a status')"""
            )
        if not before.strip():
            return "; check this line's indentation: a field lines up with the fields beside it"
    return ""


def alias_refusal(
    root: yaml.Node, max_aliases: int, max_values: int
) -> tuple[str, yaml.Node] | None:
    """Why the document is refused, if it is an alias bomb, without expanding it.

    Composition shares an aliased node, so the graph is as small as the text; we count
    repeated references and the size the values would expand to, one visit per node.
    """
    seen: set[int] = set()
    aliases = 0
    first_shared: yaml.Node | None = None
    order: list[yaml.Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            aliases += 1
            first_shared = first_shared or node
            continue
        seen.add(id(node))
        order.append(node)
        stack.extend(reversed(_children(node)))
    if aliases > max_aliases:
        return (
            f"refused: the document uses {aliases} aliases ('*'); at most {max_aliases} "
            "are allowed (YAML alias bombs are not expanded)",
            first_shared or root,
        )
    if not aliases:
        return None
    # Expanded sizes, children before parents; a node still in progress is a cycle.
    sizes: dict[int, int] = {}
    state: dict[int, bool] = {}  # False: being visited, True: done
    stack = [root]
    while stack:
        node = stack[-1]
        key = id(node)
        if state.get(key) is None:
            state[key] = False
            for child in _children(node):
                child_state = state.get(id(child))
                if child_state is False:
                    return ("refused: an alias refers to a value that contains it", child)
                if child_state is None:
                    stack.append(child)
            continue
        stack.pop()
        if state[key]:
            continue
        state[key] = True
        sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
        if sizes[key] > max_values:
            return (
                f"refused: aliases would expand the document to more than {max_values} "
                "values (YAML alias bombs are not expanded)",
                first_shared or root,
            )
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


class _Builder:
    """Builds plain values from composed nodes, recording offsets and problems."""

    def __init__(self, start: int, lines: LineIndex, document: YamlDocument) -> None:
        self.start = start
        self.lines = lines
        self.document = document
        self._constructor: _Loader | None = None

    @property
    def constructor(self) -> _Loader:
        """PyYAML's constructor, for the few values read otherwise (`scalar`): made when
        first needed, as most documents have none."""
        if self._constructor is None:
            self._constructor = _Loader("")
        return self._constructor

    def span(self, node: yaml.Node) -> tuple[int, int]:
        return self.start + node.start_mark.index, self.start + node.end_mark.index

    def problem(self, message: str, node: yaml.Node) -> None:
        self.document.problems.append(YamlProblem(message, self.span(node)[0]))

    def build(self, node: yaml.Node, path: str, depth: int) -> Any:
        start, end = self.span(node)
        if isinstance(node, yaml.ScalarNode):
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
        if isinstance(node, yaml.MappingNode):
            self.check_tag(node, _MAPPING_TAG)
            result: dict[str, Any] = {}
            self.fill_mapping(node, path, depth, result, explicit=set())
            return result
        if isinstance(node, yaml.SequenceNode):
            self.check_tag(node, _SEQUENCE_TAG)
            items = [
                self.build(item, join_path(path, index), depth + 1)
                for index, item in enumerate(node.value)
            ]
            for index, (item, value) in enumerate(zip(node.value, items, strict=True)):
                self.check_joined_items(item, value, join_path(path, index))
            return items
        problems = len(self.document.problems)
        value = self.scalar(node, path)
        if len(self.document.problems) > problems:
            self.document.unreadable.add(path)
        elif node.tag == _STRING_TAG and not node.style:  # plain: None, or "" from libyaml
            self.check_cut_by_comment(end, path)
        return value

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
        self,
        node: yaml.MappingNode,
        path: str,
        depth: int,
        result: dict[str, Any],
        explicit: set[str],
    ) -> None:
        merges: list[yaml.Node] = []
        first_offset: dict[str, int] = {}  # the line is only worked out for a duplicate
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merges.append(value_node)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem("a key must be a plain name, not a list or a mapping", key_node)
                continue
            # The key as written: `no:` stays "no" (a language code), not False.
            key = key_node.value
            key_span = self.span(key_node)
            key_start = key_span[0]
            if key in first_offset:
                self.problem(
                    f"duplicate key '{shortened(key)}' (first at line "
                    f"{self.lines.line(first_offset[key])}); "
                    "YAML would keep only the last one",
                    key_node,
                )
            first_offset.setdefault(key, key_start)
            explicit.add(key)
            child = join_path(path, key)
            self.document.keys[child] = key_span
            result[key] = self.build(value_node, child, depth + 1)
        # `<<: *defaults` fills in keys the mapping does not set itself.
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
        places = document.values, document.keys, document.unreadable
        document.values, document.keys, document.unreadable = {}, {}, set()
        merged: dict[str, Any] = {}
        try:
            self.fill_mapping(source, path, depth, merged, explicit=set())
            values, keys, unreadable = document.values, document.keys, document.unreadable
        finally:
            document.values, document.keys, document.unreadable = places
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
        if node.tag == _STRING_TAG:
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
        if node.tag == _INT_TAG and len(value) > MAX_NUMBER_CHARACTERS:
            self.problem(
                f"{_named(path)}is a number of {len(value)} characters, too long to read "
                f"(at most {MAX_NUMBER_CHARACTERS})",
                node,
            )
            self.document.usable = False  # as for too deep a nesting: nothing else is read
            return None
        # Versions and dates, in every record, read directly; the constructor for the rest
        # (octal `017`, `1_000`, `12:30`, `2026-1-31`, times of day).
        if node.tag == _INT_TAG and value.isascii() and value.isdigit() and value[0] != "0":
            return int(value)
        if node.tag == _TIMESTAMP_TAG and _ISO_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value  # 2026-02-30 stays text, as below
        if node.tag not in _Loader.yaml_constructors:  # `!foo`, `!!python/name:x`
            self.problem(unsupported_tag(node.tag), node)
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            self.problem(f"cannot read this value: {shortened(str(error.problem), 200)}", node)
        except ValueError:
            if node.tag != _TIMESTAMP_TAG:  # `!!int 2a`, `!!float abc`: PyYAML refuses
                self.cannot_read(node)
            # A timestamp such as 2026-02-30 stays text; the schema says if it matters.
        except VALUE_CONVERSION_ERRORS:
            # An explicit tag on a value it cannot hold (`!!bool maybe`, `!!timestamp x`).
            self.cannot_read(node)
        return node.value

    def cannot_read(self, node: yaml.Node) -> None:
        tag = shortened(node.tag.rpartition(":")[2])
        start, end = self.span(node)
        properties = _PROPERTIES.match(self.lines.text, start, end)
        tagged = properties is not None and "!" in properties.group()
        # Untagged, a plain `0x_` looks like a number to YAML, which cannot read it.
        hint = "" if tagged else "; put it in quotes to keep it as text"
        self.problem(f"cannot read this value as {tag}{hint}", node)
