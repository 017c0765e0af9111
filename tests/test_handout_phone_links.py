"""A handout's public phone numbers are links to call or text them, as on the site."""

from __future__ import annotations

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
