"""Decode a source file's bytes as UTF-8, saying where the first bad byte is; find what
no UTF-8 can hold."""

from __future__ import annotations

from .lazy_pattern import LazyPattern
from .markdown import LineIndex

_UTF8_BOM = b"\xef\xbb\xbf"
# Half a character, which UTF-8 cannot encode: a YAML escape such as "\ud83d", or a byte
# of a file name or an argument that is not UTF-8 (U+DC80 to U+DCFF, as Python reads one).
LONE_SURROGATE = LazyPattern("[\ud800-\udfff]")

# What a UTF-16 file starts with (its BOM), by byte order.
UTF16_BOMS = {b"\xff\xfe": "little-endian", b"\xfe\xff": "big-endian"}


def decode_utf8(raw: bytes) -> tuple[str, tuple[int, int, str] | None]:
    """`raw` decoded as UTF-8 without its BOM, and None; or, when it is not UTF-8, the
    text with every bad byte as U+FFFD, and the (line, column, message) of the first."""
    raw = raw.removeprefix(_UTF8_BOM)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8", errors="replace")
        line, column = LineIndex.of(before).position(len(before))  # a lone \r ends a line too
        message = (
            f"is not UTF-8: byte 0x{raw[error.start]:02X} at line {line} cannot be decoded "
            "(save the file as UTF-8)"
        )
        if utf16 := UTF16_BOMS.get(raw[:2]):  # as Windows tools save "Unicode" text
            message = f"is UTF-16 ({utf16}), not UTF-8 (save the file as UTF-8)"
        return raw.decode("utf-8", errors="replace"), (line, column, message)
