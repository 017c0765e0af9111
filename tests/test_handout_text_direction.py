"""Each block of a handout in the other direction than its page gets its own
(site/handout_text_direction.py): WeasyPrint reads no `dir="auto"` nor `<bdi>`."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from coalition_handbook.site.handout_text_direction import set_block_directions

ARABIC_HANDOUT = """<html dir="rtl"><body>
<dl><dd id="duration">45 minutes</dd><dd id="audience">موظفو الفنادق</dd></dl>
<p id="english">For anyone who sees <b>something</b>, call the <a href="#">hotline</a>.</p>
<p id="acronym">TIP هو خط ساخن للإبلاغ عن الاتجار بالبشر.</p>
<p id="name">اتصل بـ HSI Tip Line.</p>
<p id="meta"><span lang="en" dir="ltr">Version 13 · updated 2026-12-06 · owner:</span> لجنة</p>
<ul><li id="objective">Follow the protocol (<em>mixed</em> text).</li>
<li id="loose"><p>Call.</p></li>
<li id="nested">Call the hotline.<ul><li>Now.</li></ul></li></ul>
<h2 id="heading">Realize</h2>
<p id="author" dir="rtl">Set so by its author.</p>
<table><tr><td id="cell">Hotline</td><td id="number">1-888-373-7888</td></tr></table>
</body></html>"""


def _by_id(root: etree.Element) -> dict[str, etree.Element]:
    return {element.get("id"): element for element in root.iter() if element.get("id")}


def test_english_blocks_of_an_arabic_handout_read_left_to_right() -> None:
    """Trainer audit (task site63): in an Arabic handout an English protocol printed
    right to left, its full stop first (".trafficking"), and `45 minutes` as "minutes
    45". A block is turned where all its letters go the other way (an Arabic sentence
    that starts with an acronym, or names an organisation in English, stays right to
    left: turned, it would read in the wrong order); the template's labels, an author's
    `dir`, a heading and a block of no letters are left as they are. A list item keeps
    its marker where the page puts it: its text goes into a span."""
    root = etree.fromstring(ARABIC_HANDOUT)
    set_block_directions(root)
    found = _by_id(root)
    directions = {name: element.get("dir") for name, element in found.items()}
    assert directions == {
        "duration": "ltr",
        "audience": None,
        "english": "ltr",
        "acronym": None,
        "name": None,
        "meta": None,
        "objective": None,
        "loose": None,
        "nested": None,
        "heading": None,
        "author": "rtl",
        "cell": "ltr",
        "number": None,
    }
    (span,) = found["objective"]
    assert (span.tag, span.get("dir"), span.text) == ("span", "ltr", "Follow the protocol (")
    assert "".join(span.itertext()) == "Follow the protocol (mixed text)."
    assert found["loose"][0].get("dir") == "ltr"  # its paragraph, as any other
    # An item holding a list is left as it is: a list set in a span would break.
    assert [child.tag for child in found["nested"]] == ["ul"]


def test_an_arabic_paragraph_of_an_english_handout_reads_right_to_left() -> None:
    root = etree.fromstring(
        '<html><body><p id="a">الاتجار بالبشر جريمة.</p><p id="b">Call now.</p></body></html>'
    )
    set_block_directions(root)
    assert [(p.get("id"), p.get("dir")) for p in root.iter("p")] == [("a", "rtl"), ("b", None)]
