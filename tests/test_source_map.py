"""Maps from a text read back to its source (`source_map`)."""

from __future__ import annotations

from coalition_handbook.source_map import UNCHANGED, ChainedMap, chained, rewritten


def test_a_map_after_the_unchanged_one_is_that_map_itself() -> None:
    # A term file is read as written (`UNCHANGED`), then its gaps are read: one map, not
    # a chain of two made for each of thousands of files.
    text, inner = rewritten("call 402-555-\n  0142 now", [(13, 16, "")])
    assert text == "call 402-555-0142 now"
    assert chained(UNCHANGED, inner) is inner
    assert chained(inner, UNCHANGED) is inner
    both = ChainedMap(outer=UNCHANGED, inner=inner)
    for position in range(len(text) + 1):
        assert (inner.start(position), inner.end(position)) == (
            both.start(position),
            both.end(position),
        )
