"""A handout's public phone numbers are links to call or text them, as on the site."""

from __future__ import annotations

import pytest
import tinyhtml5

from coalition_handbook.rules.privacy_allow import public_phone_keys
from coalition_handbook.site import handout_render
from coalition_handbook.site.handout_phone_links import link_public_phones
from coalition_handbook.site.handout_phones import keep_phone_numbers_whole

PUBLIC = frozenset(public_phone_keys(["1-888-373-7888", "233733", "911"]))


def linked(body: str, public: frozenset[str] = PUBLIC) -> tuple[list[tuple[str, str]], str]:
    """The links (href, text) of `body` once its public numbers are linked, as the PDF
    makes them (`render_pdf`), and its text."""
    root = tinyhtml5.parse(f"<html><body>{body}</body></html>", namespace_html_elements=False)
    link_public_phones(root, public)
    handout_render.mark_link_destinations(root)
    keep_phone_numbers_whole(root)
    links = [(link.get("href", ""), "".join(link.itertext())) for link in root.iter("a")]
    return links, "".join(root.find("body").itertext())


def test_a_public_number_in_the_text_is_a_link_as_written() -> None:
    """Audit of a trainer's handouts: the Respond section's hotline number was text in
    the PDF, a link on the module's page; only the protocol's contacts could be tapped."""
    body = (
        "<p>Call the hotline at 1-888-373-7888 or text 233733 (711 for relay).</p>"
        "<ul><li>In danger? <strong>Call 911.</strong></li></ul>"
    )
    links, text = linked(body)
    assert links == [
        ("tel:+18883737888", "1-888-373-7888"),
        ("sms:233733", "233733"),
        ("tel:911", "911"),
    ]
    # Printed as before: no address after a link whose text is its number.
    assert text == (
        "Call the hotline at 1-888-373-7888 or text 233733 (711 for relay).In danger? Call 911."
    )


def test_a_number_is_not_linked_where_the_site_links_none() -> None:
    """Not in a heading, a link, code, emphasis marked `.hb-nolink`, a URL, nor a number
    `privacy.allow` does not list (711 here); none without a list."""
    body = (
        "<h2>Call 911</h2>"
        '<p><a href="https://example.org/">hotline 1-888-373-7888</a></p>'
        "<p><code>1-888-373-7888</code> <em class='hb-nolink'>911</em>"
        " https://example.org/1-888-373-7888 711</p>"
    )
    assert linked(body)[0] == [("https://example.org/", "hotline 1-888-373-7888")]
    assert linked("<p>Call 1-888-373-7888.</p>", frozenset())[0] == []
    # A distance (an audit: "911 km" was a link to call)
    assert linked("<p>Drive 911 km or 911 miles.</p>")[0] == []
    assert linked("<p>Drive 911&nbsp;km or 911 Ft. up.</p>")[0] == []
    # but a fort's town after it, no feet (`Ft.`: it was no link)
    assert linked("<p>Call 911 Ft. Worth police.</p>")[0] == [("tel:911", "911")]
    # but a height's word after it, capitalised in a title (pii65: it was a link)
    assert linked("<p>The Tower Is 911 Ft. High, 300 Ft. Wide.</p>")[0] == []
    # but a word after it that reads as a unit's letters (review rv60b)
    assert linked("<p>Chiama il 911 mi raccomando</p>")[0] == [("tel:911", "911")]


# Paragraphs a module's Markdown may give, each read by the site's autolinks and by the
# handout's: numbers over the edge of emphasis, in what is no prose, in a list or table.
SITE_PARAGRAPHS = [
    "<p>Case no. 12<em>911</em>, code 1<strong>233733</strong>, 1-888-<em>373-7888</em></p>",
    "<p>Call 1-888-373-<br/>7888 or 911<br/>911, then <em>911</em> <b>x 233733 y</b></p>",
    '<div class="admonition danger"><p class="admonition-title">Call 911</p><p>Call 911</p></div>',
    "<details><summary>Call 911</summary><p>Text 233733</p></details>",
    '<p>Call <span class="arithmatex">911</span> <var>911</var> <code>911</code>911</p>',
    '<p><span class="hb-nolink">911</span> <a href="https://example.org/">911</a> 911</p>',
    "<ul><li>911<ul><li>233733</li></ul>1-888-373-7888</li></ul>",
    "<table><tr><td>Hotline</td><td>1-888-373-7888</td></tr><tr><td>911</td></tr></table>",
    "<p>ID 1234911, 2026-09-11, https://example.org/911, 911@example.org, Room 911</p>",
    "<p>Drive 911 km, 911\u00a0miles, then call 911</p>",
]


class _NoTerms:
    def scan(self, text: str) -> list[object]:
        return []


def site_links(body: str) -> list[tuple[str, str]]:
    """The phone links the site's autolinks make in `body` (`site.autolink`)."""
    from xml.etree import ElementTree

    from coalition_handbook.site.autolink import Autolinker

    linker = Autolinker(_NoTerms(), {}, "none", PUBLIC)
    linker.begin_page("protocols/hotel/")
    root = ElementTree.fromstring(f"<div>{body}</div>")
    linker.link_tree(root)
    return [
        (link.get("href", ""), "".join(link.itertext()))
        for link in root.iter("a")
        if link.get("class") == "hb-phone"
    ]


@pytest.mark.parametrize("body", SITE_PARAGRAPHS)
def test_a_handout_links_the_numbers_the_site_links(body: str) -> None:
    """Review rv59f: read text by text, the handout linked `12<em>911</em>`'s 911 and
    `1<strong>233733</strong>`'s short code, each part of a longer number, to an emergency
    line and to the hotline's texts, and an admonition's title, a summary and math,
    which the site leaves as written; it reads a paragraph as the site does now."""
    links = [(href, text) for href, text in linked(body)[0] if href.startswith(("tel:", "sms:"))]
    assert links == site_links(body)


def test_a_listed_number_whose_digits_look_like_others_is_no_link() -> None:
    """Security review: listed public, `1-888-373-7৪৪৪` (a Bengali 4, shaped as 8) was a
    link to call 1-888-373-7444 where a reader reads the hotline; in doubt, it is printed
    as text (site/phone_links), never a `tel:` link."""
    public = frozenset(public_phone_keys(["1-888-373-7888", "1-888-373-7\u09ea\u09ea\u09ea"]))
    links, text = linked("<p>Call 1-888-373-7\u09ea\u09ea\u09ea or 1-888-373-7888.</p>", public)
    assert links == [("tel:+18883737888", "1-888-373-7888")]
    assert text == "Call 1-888-373-7\u09ea\u09ea\u09ea or 1-888-373-7888."
