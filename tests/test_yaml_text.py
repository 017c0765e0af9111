"""`source_offsets`: where each character of a parsed YAML string stands in its source,
so a form found in a definition is reported at the line and column an editor sees."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_handbook.yaml_text import source_offsets


def scalar(document: str) -> tuple[str, str]:
    """(raw source, parsed value) of the value of the one key of `document`."""
    node = yaml.compose(document)
    value_node = node.value[0][1]
    return document[value_node.start_mark.index : value_node.end_mark.index], value_node.value


def offsets_of(document: str, word: str) -> tuple[str, int]:
    """The raw source and the offset in it of the first `word` of the parsed value."""
    raw, value = scalar(document)
    return raw, source_offsets(raw, value)[value.index(word)]


@pytest.mark.parametrize(
    ("document", "word"),
    [
        ("d: a victim here\n", "victim"),
        ("d: 'it''s a victim'\n", "victim"),  # a doubled quote is one character
        ('d: "caf\\u00e9 victim"\n', "victim"),  # an escape is one character
        ('d: "\\x41 victim"\n', "victim"),
        ('d: "say \\"victim\\""\n', "victim"),
        ('d: "one \\\n  victim"\n', "victim"),  # an escaped line break joins the lines
        ('d: "one\n\n  victim"\n', "victim"),  # an empty line is a line break
        ("d: >-\n  folded\n  victim\n", "victim"),
        ("d: |\n  kept\n  victim\n", "victim"),
        ("d: |\r\n  kept\r\n  victim\r\n", "victim"),  # CRLF
        ("d: plain\n  victim\n", "victim"),
    ],
)
def test_a_word_maps_to_its_place_in_the_source(document: str, word: str) -> None:
    raw, at = offsets_of(document, word)
    assert raw.count(word) == 1
    assert raw[at : at + len(word)] == word


def test_an_escape_maps_to_where_it_starts() -> None:
    raw, value = scalar('d: "a \\u00e9 b"\n')
    assert value == "a \u00e9 b"
    offsets = source_offsets(raw, value)
    assert raw[offsets[2] :].startswith("\\u00e9")
    assert raw[offsets[4]] == "b"


def test_there_is_an_offset_for_every_character_and_the_end() -> None:
    raw, value = scalar('d: "x \\t y"\n')
    offsets = source_offsets(raw, value)
    assert len(offsets) == len(value) + 1
    assert raw[offsets[-1]] == '"'  # the end of the value: its closing quote


# Any text PyYAML writes in any style (non-ASCII letters as they are): every letter or
# digit of the parsed value maps to itself in the source; positions never go backwards.
TEXT = st.text(
    alphabet=st.sampled_from("ab yz09'\"\\\t\n-é𝄞\u00a0\u2028:#"), min_size=1, max_size=60
)
STYLES = st.sampled_from([None, "'", '"', "|", ">"])


@settings(max_examples=300, deadline=None)
@given(text=TEXT, style=STYLES, width=st.integers(min_value=8, max_value=80))
def test_every_letter_maps_to_itself(text: str, style: str | None, width: int) -> None:
    document = yaml.dump({"d": text}, default_style=style, width=width, allow_unicode=True)
    raw, value = scalar(document)
    assert value == text
    offsets = source_offsets(raw, value)
    assert len(offsets) == len(value) + 1
    assert offsets == sorted(offsets)
    for index, char in enumerate(value):
        if char.isalnum():
            assert raw[offsets[index]] == char, (raw, index)
