"""A definition without markup skips markdown-it: its plain text must be the same."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_handbook.model.glossary import (
    first_sentence,
    parsed_plain_blocks,
    parsed_plain_text,
    plain_blocks,
    plain_text,
)

PIECES = [
    "a", "Word", "\u00e9", "b c", "  ", "    ", "\t", "\n", "\n\n", "- ", "1. ", "1) ", "# ",
    "> ", "=", "---", "***", "`", "*", "_", "[", "]", "<", ">", "&amp;", "!", "\\", "|", "~",
    "\r", "\x00", "\u00bd", "2", "x.", "\u00a0", "\u2028", "  \n", "\u216b", "\u00df", ". A",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_same_as_parsed(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert plain_text(text) == parsed_plain_text(text)
    assert plain_blocks(text) == parsed_plain_blocks(text)


def test_plain_definition() -> None:
    text = "The coalition as partners use it: a shared word.\n  Second line. And more.\n"
    assert plain_text(text) == parsed_plain_text(text)
    assert first_sentence(text) == "The coalition as partners use it: a shared word."
