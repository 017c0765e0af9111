"""Links carried by another link (a redirect, an archive's copy) are read as links of
their own, unescaped, and mapped back to where the source writes them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_handbook.wrapped_links import _CARRIED_LINK, _may_carry_a_link, unwrapped_links


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # Google's redirect, as a Google Doc exports every link: as written, or escaped
        (
            "https://www.google.com/url?q=https://wa.me/15551234567&sa=D",
            "https://www.google.com/url?q https://wa.me/15551234567&sa=D",
        ),
        (
            "https://www.google.com/url?q=https%3A%2F%2Fwa.me%2F%2B15551234567&sa=D",
            "https://www.google.com/url?q https://wa.me/+15551234567&sa=D",
        ),
        # in lower case; WhatsApp's app link
        ("?u=http%3a%2f%2ft.me%2fjane_doe", "?u http://t.me/jane_doe"),
        ("?u=whatsapp%3A%2F%2Fsend%3Fphone%3D1555", "?u whatsapp://send?phone=1555"),
        # Telegram's app link
        ("?u=tg%3A%2F%2Fresolve%3Fdomain%3Djane_doe", "?u tg://resolve?domain=jane_doe"),
        # an archive's copy carries one in its path
        (
            "https://web.archive.org/web/2024/https://t.me/x",
            "https://web.archive.org/web/2024 https://t.me/x",
        ),
        # a redirect's redirect, escaped twice
        (
            "?q=https%3A%2F%2Fl.facebook.com%2Fl.php%3Fu%3Dhttps%253A%252F%252Fwa.me%252F1555",
            "?q https://l.facebook.com/l.php?u https://wa.me/1555",
        ),
        # an address or number a carried link gives is read unescaped, in its place
        ("?q=mailto%3Ajane%40gmail.com&sa=D", "?q=mailto:jane@gmail.com&sa=D"),
        ("?q=tel%3A%2B15551234567", "?q=tel:+15551234567"),
        # what would end the carried link stays escaped; UTF-8 is read as characters
        ("?q=https%3A%2F%2Fx.org%2Fcaf%C3%A9%20%22bar%22", "?q https://x.org/café%20%22bar%22"),
        # only to the end of its query value
        ("?q=https%3A%2F%2Fx.org&next=%2Fhome", "?q https://x.org&next=%2Fhome"),
        # no carried link
        ("https://x.org/a?b=c%2Fd&e=https", "https://x.org/a?b=c%2Fd&e=https"),
        ("a=b and c/d, 50%3A", "a=b and c/d, 50%3A"),
    ],
)
def test_carried_links_are_read_as_links_of_their_own(text: str, read: str) -> None:
    assert unwrapped_links(text)[0] == read


def test_places_are_mapped_back_to_the_source() -> None:
    text = "See https://www.google.com/url?q=https%3A%2F%2Fwa.me%2F%2B15551234567%3Ftext%3Dhi"
    read, to_source = unwrapped_links(text)
    number = read.index("+1555")
    start, end = to_source.start(number), to_source.end(number + len("+15551234567"))
    assert text[start:end] == "%2B15551234567"
    link = read.index("https://wa.me")
    assert text[to_source.start(link) :].startswith("https%3A%2F%2Fwa.me")


# Pieces of carried links and of what is no carried link, in any case.
_LINK_PIECES = ["https://", "HTTP://", "whatsapp://", "Tg://", "://", "=", "/", "?q=", "%3A"]
_LINK_PIECES += ["%3a%2f%2f", "%2F", "mailto", "TEL", "sms", "htt", "ſ", "s", "x.org", " ", "%"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_LINK_PIECES), max_size=12))
def test_a_text_passed_over_holds_no_carried_link(pieces: list[str]) -> None:
    """`_may_carry_a_link` lets a text go unsearched for carried links (the search stopped
    at every slash of every link): only one in which the pattern finds none."""
    text = "".join(pieces)
    assert _may_carry_a_link(text) or _CARRIED_LINK.search(text) is None


def test_ordinary_links_are_passed_over() -> None:
    page = "See [the guide](https://example.org/2) and <http://x.org/a/b?c=d>.\n"
    assert not _may_carry_a_link(page)
    assert _may_carry_a_link("https://www.google.com/url?q=HTTPS://wa.me/1555")
    assert _may_carry_a_link("?u=http%3a%2f%2ft.me%2fjane_doe")
