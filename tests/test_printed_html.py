"""HTML as a handout prints it, for its edition: comments out, white space as laid out."""

from __future__ import annotations

import pytest

from coalition_handbook.site.printed_html import as_printed


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("<p>Anyone can be\ntrafficked.</p>", "<p>Anyone can be trafficked.</p>"),
        ("<p>Call us. <!-- a note --></p>\n<p>Then</p>", "<p>Call us.</p><p>Then</p>"),
        ("<ul>\n<li>\nOne</li>\n</ul>", "<ul><li>One</li></ul>"),
        ("<td> A </td>", "<td>A</td>"),
        ("a<br />\n  b", "a<br />b"),
        ("<p>\r\nA\r\n<em>b</em></p>", "<p>A <em>b</em></p>"),
    ],
)
def test_what_prints_the_same_reads_the_same(one: str, other: str) -> None:
    assert as_printed(one) == as_printed(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("<p>A<em>b</em></p>", "<p>A <em>b</em></p>"),  # a space between words prints
        ("<pre><code>a\n  b</code></pre>", "<pre><code>a b</code></pre>"),  # code keeps its lines
        ("<p>a\u00a0b</p>", "<p>a b</p>"),  # a no-break space is no white space
        ("<p>A</p>", "<p>B</p>"),
        ("<p>A</p>", "<h2>A</h2>"),
        ('<svg><text style="white-space: pre">a  b</text></svg>', "<svg><text>a b</text></svg>"),
    ],
)
def test_what_prints_otherwise_reads_otherwise(one: str, other: str) -> None:
    assert as_printed(one) != as_printed(other)
