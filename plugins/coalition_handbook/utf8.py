"""Decode a source file's bytes as UTF-8, saying where the first bad byte is."""

from __future__ import annotations

from .markdown import LineIndex

_UTF8_BOM = b"\xef\xbb\xbf"


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
        return raw.decode("utf-8", errors="replace"), (line, column, message)
