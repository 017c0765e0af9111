"""Character references read as `html.unescape` reads them, of any length (review rv10)."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_handbook.character_references import unescape

_PIECES = st.sampled_from(
    ["&#", "&#x", "0", "00", "1", "6", "9", "106", "1114111", "1114112", ";", "&amp", "a", " "]
)


@settings(deadline=None)  # speed is for the benchmarks, not a 200 ms limit per example
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_a_short_reference_reads_as_html_unescape_reads_it(text: str) -> None:
    assert unescape(text) == html.unescape(text)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (f"&#{'0' * 5000}106;x", "jx"),
        (f"&#{'0' * 5000}106", "j"),
        (f"&#{'0' * 5000};", "\ufffd"),  # NUL, as a browser reads it
        (f"a&#{'9' * 5000}b", "a\ufffdb"),  # past U+10FFFF
        (f"&#{'0' * 4999}1114109;", "\U0010fffd"),
        (f"&#x{'0' * 5000}6a;", "j"),  # hexadecimal: `int()` reads any length of it
    ],
)
def test_a_reference_of_thousands_of_digits_reads_as_its_character(text: str, read: str) -> None:
    assert unescape(text) == read
