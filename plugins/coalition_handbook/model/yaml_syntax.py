"""PyYAML's syntax errors as one line each, in an editor's words, with what to write
instead where the commonest mistakes are recognised (a tab, a ': ' in a value, a line
out of step with its list or mapping)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import yaml

from ..lazy_pattern import LazyPattern
from .schema import load_schema
from .yaml_document import LineIndex, YamlProblem

# A plain key (not quoted) up to its colon, which a space or the line's end follows: a
# colon inside it (`see:also`, a web address) is part of the key. At most 41 characters
# and 40 spaces before its colon (a longer key is not shown): a complex key's (`? `) line
# has no length limit, and a colon looked for after each character over all the spaces
# after it took quadratic time.
_PLAIN_KEY = LazyPattern(r"""(?!\? )([^\s"'][^\n]{0,40}?)[ \t]{0,40}:(?=\s|$)""", re.MULTILINE)
# A key and its colon earlier on the line: a later ': ' belongs to the key's value.
_KEY_ON_LINE = LazyPattern(r"[^ \t#][ \t]*:[ \t]")
# The last word of a line's text, after a blank (looked for in the line's last characters
# alone: a field name is short).
_LAST_WORD = LazyPattern(r"[ \t]([a-z_]{1,20})\Z")


# The key a line starts with, after a list item's dash.
_LINE_KEY = LazyPattern(r"[ \t]*(?:-[ \t]+)*([a-z_]{1,20}):[ \t]")


def _field_after_value(before: str) -> str | None:
    """The field name that `before` (a line up to the colon YAML stopped at) ends with,
    where the line starts with a field of the same mapping: `- text: debt slavery
    reason` (an avoid item's text and reason)."""
    word = _LAST_WORD.search(before[-21:])
    key = _LINE_KEY.match(before)
    if word is None or key is None or key.end() > len(before) - len(word.group()):
        return None
    name = word.group(1)
    return name if name in _field_siblings().get(key.group(1), ()) else None


@cache
def _field_siblings() -> dict[str, frozenset[str]]:
    """Each field name of a term, a protocol and a module, at any depth, with the names
    that a mapping holding it may hold beside it (`text`: `reason`)."""
    siblings: dict[str, set[str]] = {}

    def collect(schema: Any) -> None:
        if isinstance(schema, dict):
            names = schema.get("properties", {})
            for name in names:
                siblings.setdefault(name, set()).update(other for other in names if other != name)
            for value in schema.values():
                collect(value)
        elif isinstance(schema, list):
            for value in schema:
                collect(value)

    for kind in ("term", "protocol", "module"):
        collect(load_schema(kind))
    return {name: frozenset(others) for name, others in siblings.items()}


def syntax_problem(error: yaml.MarkedYAMLError, start: int, lines: LineIndex) -> YamlProblem:
    """PyYAML's error as one line, at the offset where it stopped (`start` is where the
    YAML begins in `lines.text`)."""
    mark = error.problem_mark or error.context_mark
    offset = start + (mark.index if mark else 0)
    context = error.context_mark
    context_offset = start + context.index if context is not None else None
    context_line = lines.line(context_offset) if context_offset is not None else None
    block = _block_problem(error, context_line, lines, offset, context_offset)
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
    "while parsing a block mapping": ("mapping", "a key"),
}
_BLOCK_NOT_ENDED = (
    "expected <block end>",
    "did not find expected '-'",
    "did not find expected key",
)


def _block_problem(
    error: yaml.MarkedYAMLError,
    block_line: int | None,
    lines: LineIndex,
    offset: int,
    block_offset: int | None = None,
) -> str | None:
    """`error` in plain words if it is a line out of step with the list or mapping above
    it (that starts at `block_line`, at `block_offset`): YAML stopped at the line's first
    character. Else None (something after a value on its line, which `_syntax_hint` may
    explain)."""
    block = _BLOCKS.get(error.context or "")
    if block is None or not (error.problem or "").startswith(_BLOCK_NOT_ENDED):
        return None
    line = lines.line(offset)
    if block_line is None or block_line >= line:
        return None
    if lines.text[lines.starts[line - 1] : offset].strip():
        return None
    kind, starts_with = block
    if kind == "mapping":
        starts_with = _first_key(lines, block_offset)
    return (
        f"not valid YAML: this line does not fit the {kind} that starts at line "
        f"{block_line}, whose lines at this indentation start with {starts_with}; check "
        "this line's indentation (a list's items and a mapping's keys cannot stand side "
        "by side)"
    )


def _first_key(lines: LineIndex, block_offset: int | None) -> str:
    """The first key of the mapping at `block_offset` as its line writes it, `a key
    ('term: ')`, which shows the shape the mapping's lines take (a made-up `'name: '`
    read as a key the file should have); `a key` alone where there is none to quote."""
    if block_offset is None:
        return "a key"
    found = _PLAIN_KEY.match(lines.text, block_offset)
    key = found.group(1) if found else ""
    if not key or len(key) > 40 or "'" in key:
        return "a key"
    return f"a key ('{key}: ')"


def _syntax_hint(problem: str, lines: LineIndex, offset: int) -> str:
    """What an editor most likely did, for PyYAML's commonest complaints."""
    line_start = lines.starts[lines.line(offset) - 1]
    before = lines.text[line_start:offset]
    if problem.startswith("mapping values are not allowed"):
        field = _field_after_value(before)
        if field is not None:
            # `- text: debt slavery reason: sensational`: two fields on one line, or a
            # word that names a field in a value (`short: ... another definition: x`).
            return (
                f"; if '{field}:' starts a field of its own, put it on a line of its own, "
                "lined up with the field before it, and if ': ' is part of the value, put "
                "the whole value in quotes"
            )
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
