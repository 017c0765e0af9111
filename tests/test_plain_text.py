"""A definition without markup skips markdown-it: its plain text must be the same."""

from __future__ import annotations

import pytest
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


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", "\n", "\r", "x", "\u3000", "\u00a0"]), max_size=12))
def test_an_indented_line_is_told_as_the_pattern_tells_it(pieces: list[str]) -> None:
    # `_indented_line` looks for four spaces or a tab before trying the pattern: it must
    # find every line the pattern finds ("   \tcode", "\n    code").
    from coalition_handbook.model.glossary import _INDENTED_LINE, _indented_line

    text = "".join(pieces)
    assert _indented_line(text) == (_INDENTED_LINE.search(text) is not None)
    assert _indented_line("   \tcode") and _indented_line("a\n    code")


@pytest.mark.parametrize(
    ("definition", "first"),
    [
        ("Is it a crime? Yes. It is.", "Is it a crime?"),
        ("Run! Then call. Now.", "Run!"),
        ("No full stop at all", "No full stop at all"),
        ("U.S. law applies. Next.", "U.S. law applies."),
        ("A word, e.g. this one. Next one? Yes.", "A word, e.g. this one."),
    ],
)
def test_the_first_sentence_ends_at_the_first_of_its_marks(definition: str, first: str) -> None:
    # The pattern is tried from the first '.', '!' or '?' on: whichever comes first.
    assert first_sentence(definition) == first
