"""Map the characters of a parsed YAML string back to where they stand in the source.

The loader gives every scalar a `Span` whose `start`/`end` are offsets of its raw source
(quotes, block indicators, indentation and all). `source_offsets(raw, value)` aligns the
parsed value with that raw text, for plain, single- and double-quoted, literal (`|`) and
folded (`>`) scalars, CRLF included, so a term found in a definition is reported at the
line and column an editor sees.
"""

from __future__ import annotations

from .lazy_pattern import LazyPattern

_SIMPLE_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
    "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
    "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_BLOCK_HEADER = LazyPattern(r"[|>][0-9+-]*[ \t]*(?:#[^\n]*)?\r?\n?")
_WHITESPACE = " \t\r\n"
_PLAIN_RUN = LazyPattern(r"[^\s\"'\\]{2,}")


def source_offsets(raw: str, value: str) -> list[int]:
    """For every code point of `value`, its offset in `raw`; one more entry for the end.

    A character with no source of its own (an escape's result) maps to the start of its
    escape; a value that cannot be aligned past some point maps the rest to where the
    alignment stopped, so positions degrade but never fail.
    """
    style = raw[:1]
    if style in "|>" and raw:
        header = _BLOCK_HEADER.match(raw)
        start = header.end() if header else 1
        return _align(raw, value, start, quote="")
    if style in "\"'":
        return _align(raw, value, 1, quote=style)
    return _align(raw, value, 0, quote="")


def _align(raw: str, value: str, position: int, quote: str) -> list[int]:
    verbatim = raw.find(value, position)
    if verbatim >= 0 and (not quote or raw.find("\\" if quote == '"' else "''") < 0):
        return list(range(verbatim, verbatim + len(value) + 1))
    # Runs of ordinary characters are compared whole; only the gaps go char by char.
    runs = {run.start(): run.end() for run in _PLAIN_RUN.finditer(value)}
    offsets: list[int] = []
    length = len(raw)
    index = 0
    while index < len(value):
        char = value[index]
        run_end = runs.get(index)
        while position < length:
            source = raw[position]
            if run_end is not None and source == char:
                run = value[index:run_end]
                if raw.startswith(run, position):
                    offsets.extend(range(position, position + len(run)))
                    position += len(run)
                    index = run_end - 1
                    break
            if quote == '"' and source == "\\":
                decoded, width = _escape(raw, position)
                if decoded == char:
                    offsets.append(position)
                    position += width
                    break
                position += width  # a line continuation, or an escape of something else
                continue
            doubled_quote = raw[position : position + 2] == "''"
            if quote == "'" and doubled_quote and char == "'":
                offsets.append(position)
                position += 2
                break
            if source == char or (char in " \n" and source in _WHITESPACE):
                offsets.append(position)
                position += 1
                break
            if source in _WHITESPACE or source == quote:
                position += 1
                continue
            offsets.append(position)  # no source of its own: point at where we stand
            break
        else:
            offsets.append(length)
        index += 1
    offsets.append(min(position, length))
    return offsets


def _escape(raw: str, position: int) -> tuple[str, int]:
    """(decoded text, width) of the escape at `raw[position] == "\\"`."""
    code = raw[position + 1 : position + 2]
    if code in ("\n", "\r"):
        width = 3 if raw[position + 1 : position + 3] == "\r\n" else 2
        return "", width
    if code in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[code], 2
    digits = _HEX_ESCAPES.get(code)
    if digits:
        try:
            return chr(int(raw[position + 2 : position + 2 + digits], 16)), 2 + digits
        except ValueError:
            return "", 2
    return "", 1
