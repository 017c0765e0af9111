"""The files a glob pattern of mkdocs-include-markdown-plugin names, as the plugin reads
the pattern: with wcmatch's glob and its flags BRACE, EXTGLOB, GLOBSTAR and NEGATE
(`model.markdown_includes`), which Python's glob does not read alike.

- Braces list alternatives (`{header,footer}.md`) or a sequence (`part{1..3}.md`).
- `**`, a whole part of the pattern, matches any number of folders, none too, not through
  a symbolic link; the last part of the pattern, every file in them too (`partials/**`).
- `*`, `?` and `[...]` match in one part of a path; `@(a|b)`, `?(...)`, `*(...)`,
  `+(...)` and `!(...)` are bash's extended patterns.
- A name starting with `.` is matched only by a part of the pattern that starts with `.`.
- A pattern starting with `!` only leaves files out of others: alone, it names none.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

# More alternatives than this from one pattern's braces: wcmatch refuses the pattern.
_MOST_PATTERNS = 1000
_MAGIC = re.compile(r"[*?\[\\]|[@+!]\(")
_SEQUENCE = re.compile(r"(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?|([a-zA-Z])\.\.([a-zA-Z])")


def glob_files(base: Path, pattern: str) -> list[str]:
    """The paths, under `base`, that `pattern` names (files, and folders but for a `**`
    at its end; none where it names folders only), each once, in order. Strings: a
    pattern may name thousands of files, whose paths are made once, by the caller."""
    found: dict[str, None] = {}
    for expanded in expand_braces(pattern):
        if expanded.startswith("!") and not expanded.startswith("!("):
            continue  # a negated pattern, which only takes away from others
        if names_a_folder(expanded):
            continue
        parts = [part for part in expanded.split("/") if part not in ("", ".")]
        root = "/" if expanded.startswith("/") else str(base)
        found.update(dict.fromkeys(_matches(root, parts)))
    return list(found)


def names_a_folder(pattern: str) -> bool:
    """Whether `pattern` names folders only (`partials/`, `partials/.`)."""
    return pattern.endswith(("/", "/.")) or pattern == "."


def expand_braces(pattern: str) -> list[str]:
    """`pattern` with its braces expanded, as bash (and wcmatch) expand them: `a{b,c}` is
    `ab` and `ac`; `{1..3}` is 1, 2 and 3; a brace with neither stays as written."""
    expanded: list[str] = []
    waiting = [(pattern, 0)]
    while waiting and len(expanded) < _MOST_PATTERNS:
        text, start = waiting.pop()
        alternatives = _first_braces(text, start)
        if alternatives is None:
            expanded.append(text)
            continue
        opening, closing, choices = alternatives
        waiting.extend(
            (text[:opening] + choice + text[closing + 1 :], opening) for choice in reversed(choices)
        )
    return expanded


def _first_braces(text: str, start: int) -> tuple[int, int, list[str]] | None:
    """The first braces from `start` that expand: where they open and close, and what
    they expand to; None where none does."""
    opening = start
    while (opening := _unescaped(text, "{", opening)) != -1:
        depth, commas, at = 0, [], opening + 1
        while at < len(text):
            char = text[at]
            if char == "\\":
                at += 1
            elif char == "{":
                depth += 1
            elif char == "}" and depth:
                depth -= 1
            elif char == "}":
                break
            elif char == "," and not depth:
                commas.append(at)
            at += 1
        else:
            return None  # never closed: the rest is as written
        inside = text[opening + 1 : at]
        if commas:
            edges = [opening, *commas, at]
            return opening, at, [text[a + 1 : b] for a, b in pairwise(edges)]
        sequence = _sequence(inside)
        if sequence is not None:
            return opening, at, sequence
        opening += 1  # `{a}`: as written, but braces inside it may expand
    return None


def _unescaped(text: str, char: str, start: int) -> int:
    """Where `char` first stands in `text` from `start`, not after a backslash; -1."""
    at = start
    while at < len(text):
        if text[at] == "\\":
            at += 2
            continue
        if text[at] == char:
            return at
        at += 1
    return -1


def _sequence(inside: str) -> list[str] | None:
    """What the inside of braces `{1..3}`, `{01..10..3}` or `{a..e}` expands to."""
    found = _SEQUENCE.fullmatch(inside)
    if found is None:
        return None
    if found[4]:
        first, last = ord(found[4]), ord(found[5])
        step = 1 if last >= first else -1
        return [chr(code) for code in range(first, last + step, step)][:_MOST_PATTERNS]
    first, last = int(found[1]), int(found[2])
    step = abs(int(found[3] or 1)) or 1
    step = step if last >= first else -step
    padded = any(
        len(text.lstrip("-")) > 1 and text.lstrip("-")[0] == "0" for text in (found[1], found[2])
    )
    width = max(len(found[1]), len(found[2])) if padded else 0
    numbers = range(first, last + (1 if step > 0 else -1), step)
    return [str(number).zfill(width) for number in numbers[:_MOST_PATTERNS]]


def _matches(folder: str, parts: list[str]) -> Iterator[str]:
    """The paths under `folder` that the pattern's `parts` name, one part a folder."""
    if not parts:
        yield folder
        return
    part, rest = parts[0], parts[1:]
    if part == "**":
        for below in _folders_below(folder):
            if rest:
                yield from _matches(below, rest)
            else:
                names = (name for name in _names(below) if not name.startswith("."))
                yield from (os.path.join(below, name) for name in names)  # noqa: PTH118 - strings
        return
    if not _MAGIC.search(part):
        yield from _matches(os.path.join(folder, part), rest)  # noqa: PTH118 - strings
        return
    matcher = _part_pattern(part)
    for name in _names(folder):
        if name.startswith(".") and not part.startswith((".", "\\.")):
            continue  # a hidden name, which only a part starting with `.` matches
        if matcher.fullmatch(name):
            yield from _matches(os.path.join(folder, name), rest)  # noqa: PTH118 - strings


def _names(folder: str) -> list[str]:
    """The names in `folder`, sorted; none where it is no folder that can be read."""
    return sorted(name for name, _ in _entries(folder))


def _entries(folder: str) -> list[tuple[str, bool]]:
    """Each name in `folder`, and whether it is a folder (not a link to one); none where
    `folder` is no folder that can be read."""
    try:
        with os.scandir(folder) as entries:
            return [(entry.name, _is_folder(entry)) for entry in entries]
    except (OSError, ValueError):  # no folder, unreadable, a name holding NUL
        return []


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _folders_below(folder: str) -> Iterator[str]:
    """`folder` and every folder in it at any depth that is not hidden, not through a
    symbolic link (as `**` reads them)."""
    waiting = [folder]
    while waiting:
        current = waiting.pop()
        yield current
        below = sorted(name for name, is_folder in _entries(current) if is_folder)
        shown = (name for name in reversed(below) if not name.startswith("."))
        waiting.extend(os.path.join(current, name) for name in shown)  # noqa: PTH118 - strings


def _part_pattern(part: str) -> re.Pattern[str]:
    """A regex matching the names one part of a pattern matches."""
    regex, _ = _sequence_regex(part, 0, "")
    return re.compile(regex, re.DOTALL)


def _sequence_regex(text: str, at: int, stops: str) -> tuple[str, int]:
    """The regex of `text` from `at` up to one of `stops` (outside brackets), and where
    it stopped."""
    pieces: list[str] = []
    while at < len(text) and text[at] not in stops:
        char = text[at]
        if text.startswith("(", at + 1) and char in "@?*+!":
            group = _extended(text, at + 2, char)
            if group is not None:
                regex, at = group
                if char == "!":  # the name but for what follows must not match
                    rest, at = _sequence_regex(text, at, stops)
                    pieces.append(f"(?:(?!{regex}{rest}\\Z).*?){rest}")
                    continue
                pieces.append(regex)
                continue
        if char == "\\" and at + 1 < len(text):
            pieces.append(re.escape(text[at + 1]))
            at += 2
        elif char == "*":
            pieces.append(".*")
            at += 1
        elif char == "?":
            pieces.append(".")
            at += 1
        elif char == "[" and (bracket := _bracket(text, at)) is not None:
            regex, at = bracket
            pieces.append(regex)
        else:
            pieces.append(re.escape(char))
            at += 1
    return "".join(pieces), at


def _extended(text: str, at: int, kind: str) -> tuple[str, int] | None:
    """The regex of an extended pattern `kind(a|b)` whose alternatives start at `at`,
    and where it ends; None where it never closes (then it is read as written)."""
    alternatives = []
    while True:
        regex, at = _sequence_regex(text, at, "|)")
        alternatives.append(regex)
        if at >= len(text):
            return None
        if text[at] == ")":
            break
        at += 1
    group = f"(?:{'|'.join(alternatives)})"
    suffix = {"@": "", "?": "?", "*": "*", "+": "+", "!": ""}[kind]
    return f"{group}{suffix}", at + 1


def _bracket(text: str, at: int) -> tuple[str, int] | None:
    """The regex of a bracket expression `[...]` at `at`, and where it ends; None where it
    never closes (then `[` is itself)."""
    inner = at + 1
    negated = text[inner : inner + 1] in ("!", "^")
    inner += negated
    end = text.find("]", inner + 1 if text[inner : inner + 1] == "]" else inner)
    if end == -1:
        return None
    members = text[inner:end]
    escaped = "".join("-" if char == "-" else re.escape(char) for char in members)
    return f"[{'^' if negated else ''}{escaped}]", end + 1
