"""Autolinks in built pages: one tiny site per behaviour (DESIGN section 7)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest
from site_builds import (
    build_site,
    elements,
    protocol_yaml,
    read,
    term_links,
    term_yaml,
    write_site,
)

from coalition_handbook.site.autolink import RawSpans, with_expansions
from coalition_handbook.site.autolink_across import LinksAcross
from coalition_handbook.site.autolink_raw_tags import ENDS_TOO, NOLINK, carried, marked_tags

TERMS = {
    "survivor": term_yaml(
        "survivor",
        "A person who has experienced trafficking. Prefer it to victim outside legal contexts.",
        extra="short: A person who has experienced trafficking.\n",
    ),
    "victim": term_yaml(
        "victim",
        "A person against whom a crime has been committed.",
        extra="short: A legal status.\n",
    ),
    "human-trafficking": term_yaml(
        "human trafficking",
        "The exploitation of a person through force, fraud or coercion.",
        extra="aliases: [trafficking in persons, TIP]\nshort: Exploitation by force or fraud.\n",
    ),
}

PAGE = """\
# Survivor support

## Survivor stories

A survivor told us what helped. Another survivor agreed.

The victims' advocate and the victim's family came. TIP cases and trafficking in persons
are the same thing; a tip from the front desk is not.

See [survivor](https://example.org/) and `survivor` in code.

    survivor in an indented code block

!!! note "Survivor"
    The title above is no prose.
"""


def _site(
    tmp_path: Path, autolink: str = "first", pages: dict[str, str] | None = None, options: str = ""
) -> Path:
    config = write_site(
        tmp_path,
        pages=pages or {"index.md": PAGE},
        terms=TERMS,
        options=f"autolink: {autolink}\n{options}",
        extra_config="markdown_extensions: [admonition]\n",
    )
    return build_site(config)


def test_first_use_links_each_term_once_with_its_tooltip(tmp_path: Path) -> None:
    links = term_links(read(_site(tmp_path), "index.html"))

    by_term = {link.attrs["data-term"]: link for link in links}
    assert sorted(by_term) == ["human-trafficking", "survivor", "victim"]
    assert len(links) == 3
    survivor = by_term["survivor"]
    assert survivor.text == "survivor"
    assert survivor.attrs["href"] == "glossary/survivor/"
    assert survivor.attrs["title"] == "A person who has experienced trafficking."
    assert survivor.ancestors[-1] == "p"


def test_all_links_every_use_and_none_links_nothing(tmp_path: Path) -> None:
    every = term_links(read(_site(tmp_path / "all", "all"), "index.html"))
    assert [link.text for link in every] == [
        "survivor",
        "survivor",
        "victims'",
        "victim's",
        "TIP",
        "trafficking in persons",
    ]
    assert term_links(read(_site(tmp_path / "none", "none"), "index.html")) == []


def test_plurals_possessives_and_aliases_link_to_their_term(tmp_path: Path) -> None:
    links = term_links(read(_site(tmp_path, "all"), "index.html"))
    targets = {link.text: link.attrs["data-term"] for link in links}

    assert targets["victims'"] == "victim"
    assert targets["victim's"] == "victim"
    assert targets["TIP"] == "human-trafficking"
    assert "tip" not in targets  # an all-capitals alias matches only in capitals


def test_a_form_inside_a_hyphenated_compound_is_not_linked(tmp_path: Path) -> None:
    """Audit: "victim-centered" linked "victim" to its definition, which is not what the
    compound means. A use of the whole form with its hyphen still links."""
    page = (
        "# Care\n\nVictim-centered care and anti-trafficking work are not the terms; a "
        "survivor\u2011led group is not either. Later, a victim came, and\n"
        "human-trafficking cases grew.\n"
    )
    links = term_links(read(_site(tmp_path, pages={"index.md": page}), "index.html"))
    assert [(link.text, link.attrs["data-term"]) for link in links] == [
        ("victim", "victim"),
        ("human-trafficking", "human-trafficking"),
    ]


def test_a_form_after_an_elided_article_links_the_form_alone(tmp_path: Path) -> None:
    """French, Italian and Catalan write "l'exploitation": the form after the apostrophe
    is linked, not the article; other letters before one are a name ("O'Brien")."""
    terms = {
        "exploitation-sexuelle": term_yaml("exploitation sexuelle", "Exploitation."),
        "brien": term_yaml("Brien", "A name."),
    }
    page = (
        "# Page\n\nO'Brien: L'exploitation sexuelle, d\u2019exploitation sexuelle, "
        "l\u02bcexploitation sexuelle.\n"  # a phone keyboard's apostrophe (U+02BC)
    )
    config = write_site(tmp_path, pages={"index.md": page}, terms=terms, options="autolink: all\n")
    html = read(build_site(config), "index.html")
    assert [(link.text, link.attrs["data-term"]) for link in term_links(html)] == [
        ("exploitation sexuelle", "exploitation-sexuelle"),
        ("exploitation sexuelle", "exploitation-sexuelle"),
        ("exploitation sexuelle", "exploitation-sexuelle"),
    ]
    assert 'L\'<a class="hb-term"' in html and 'd\u2019<a class="hb-term"' in html
    assert 'l\u02bc<a class="hb-term"' in html


@pytest.mark.parametrize(
    "text",
    [
        # Review: a form of several words glued to a word by a hyphen may mean the
        # opposite of the term ("Non-commercial sex act"): no use glued so is linked...
        "Anti-human trafficking work, then human trafficking.",
        "Anti-human-trafficking work, then human trafficking.",
        "TIP-funded work, then human trafficking.",
        "Human-trafficking-related work, then human trafficking.",
        # Emphasis does not unglue them (review).
        "*Anti*-human trafficking work, then human trafficking.",
        "Anti-*human trafficking* work, then human trafficking.",
    ],
)
def test_no_use_glued_by_a_hyphen_is_linked(tmp_path: Path, text: str) -> None:
    html = read(_site(tmp_path, pages={"index.md": f"# Work\n\n{text}\n"}), "index.html")
    links = term_links(html)
    # ...and the later use is the first one linked.
    assert [(link.text, link.attrs["data-term"]) for link in links] == [
        ("human trafficking", "human-trafficking")
    ]
    assert 'then <a class="hb-term"' in html


@pytest.mark.parametrize("tag", ["h1", "h2", "a", "code", "pre"])
def test_no_link_inside_headings_links_or_code(tmp_path: Path, tag: str) -> None:
    links = term_links(read(_site(tmp_path, "all"), "index.html"))
    assert links
    assert all(tag not in link.ancestors for link in links)


@pytest.mark.parametrize("autolink", ["first", "all"])
def test_no_link_inside_links_or_code_written_in_html(tmp_path: Path, autolink: str) -> None:
    """A term in a raw `<a href>` became a link inside a link, and one in `<code>` or
    `<kbd>` a link in code (found in an audit): the first use is the one in prose."""
    page = (
        "# Home\n\n"
        'Go to <a href="https://example.org">the survivor page</a> now; <code>victim</code>'
        ' and <kbd>TIP</kbd>. <a href="https://example.org"><strong>survivor</strong></a>'
        " and <var>victim</var>.\n\nA survivor, a victim, and TIP, in prose.\n"
    )
    html = read(_site(tmp_path, autolink, pages={"index.md": page}), "index.html")
    links = term_links(html)
    assert [(link.text, link.ancestors[-1]) for link in links] == [
        ("survivor", "p"),
        ("victim", "p"),
        ("TIP", "p"),
    ]
    assert '<a href="https://example.org">the survivor page</a>' in html


@pytest.mark.parametrize(
    "paragraph",
    [
        '<a title="x>y" href="https://example.org">survivor</a>',  # `>` in an attribute
        '<a href="https://example.org"/>survivor</a>',  # `/>` opens a link all the same
        "<KBD>survivor</KBD>",
        "<kbd>Ctrl <var>survivor</kbd>",  # unbalanced: not linked, to be safe
    ],
)
def test_tags_of_raw_html_are_read_as_browsers_read_them(tmp_path: Path, paragraph: str) -> None:
    page = f"# Home\n\n{paragraph} here.\n\nA survivor, in prose.\n"
    html = read(_site(tmp_path, "all", pages={"index.md": page}), "index.html")
    assert [link.text for link in term_links(html)] == ["survivor"]
    assert term_links(html)[0].ancestors[-1] == "p"


def test_a_tag_left_open_ends_as_browsers_end_it(tmp_path: Path) -> None:
    """Browsers close a `<kbd>` or `<var>` left open at the end of its paragraph or item:
    the terms of the next one are prose (found in review). A link or code left open they
    take on into the next paragraph or item, up to a table cell (found in the review of
    that)."""
    page = (
        "# Home\n\nPress <kbd>Ctrl. A survivor here is in the key.\n\n"
        "- <var>survivor\n- a survivor in the next item\n\n"
        "| a | b |\n|---|---|\n| <code>survivor | a survivor in the next cell |\n\n"
        'See <a href="https://example.org">the guide.\n\nA survivor, in the link still.\n\n'
        "| a |\n|---|\n| A survivor in a cell. |\n"
    )
    config = write_site(
        tmp_path,
        pages={"index.md": page},
        terms=TERMS,
        options="autolink: all\n",
        extra_config="markdown_extensions: [tables]\n",
    )
    links = term_links(read(build_site(config), "index.html"))
    # The link left open goes on through the table after it, as in Chromium.
    assert [link.ancestors[-1] for link in links] == ["li", "td"]


@pytest.mark.parametrize(
    "page",
    [
        # A link starts where another is left open: the first ends there (found in review).
        'One <a href="https://e.org">stray\n\nTwo <a href="https://f.org">g</a> survivor\n',
        # What a cell leaves open ends with it, not after the table (found in review).
        "| a | b |\n|---|---|\n| c | cell <code>x |\n\nAfter, a survivor.\n",
    ],
    ids=["second-link", "after-a-table"],
)
def test_what_raw_html_left_open_ends_where_browsers_end_it(tmp_path: Path, page: str) -> None:
    config = write_site(
        tmp_path,
        pages={"index.md": f"# Home\n\n{page}"},
        terms=TERMS,
        options="autolink: all\n",
        extra_config="markdown_extensions: [tables]\n",
    )
    links = term_links(read(build_site(config), "index.html"))
    assert [(link.text, link.ancestors[-1]) for link in links] == [("survivor", "p")]


def test_no_link_in_an_admonition_title(tmp_path: Path) -> None:
    html = read(_site(tmp_path, "all"), "index.html")
    assert '<p class="admonition-title">Survivor</p>' in html


def test_a_term_page_does_not_link_to_itself(tmp_path: Path) -> None:
    links = term_links(read(_site(tmp_path, "all"), "glossary/survivor/index.html"))

    assert links, "the definition names victim, which links"
    assert {link.attrs["data-term"] for link in links} == {"victim"}
    assert links[0].attrs["href"] == "../victim/"


def test_links_are_relative_from_nested_pages(tmp_path: Path) -> None:
    site = _site(tmp_path, pages={"index.md": "# Home\n", "a/b/deep.md": "A survivor.\n"})
    (link,) = term_links(read(site, "a/b/deep/index.html"))
    assert link.attrs["href"] == "../../../glossary/survivor/"


def test_links_are_relative_without_directory_urls(tmp_path: Path) -> None:
    # Autolinks are written with their final URLs (after MkDocs resolves links): they
    # follow use_directory_urls as MkDocs' own links do.
    config = write_site(
        tmp_path,
        pages={"index.md": "A survivor.\n", "a/b/deep.md": "A survivor.\n"},
        terms=TERMS,
        extra_config="use_directory_urls: false\n",
    )
    site = build_site(config)
    (home,) = term_links(read(site, "index.html"))
    (deep,) = term_links(read(site, "a/b/deep.html"))
    (own,) = term_links(read(site, "glossary/survivor.html"))
    assert home.attrs["href"] == "glossary/survivor.html"
    assert deep.attrs["href"] == "../../glossary/survivor.html"
    assert own.attrs["href"] == "victim.html"


def test_html_in_a_definition_is_escaped_in_the_tooltip(tmp_path: Path) -> None:
    """A tag typed in a definition shows as typed (DESIGN section 11), in a short made
    of the definition as on the term's page, and in a short the file writes."""
    definition = 'Building <b>trust</b> to exploit; see "<script>alert(1)</script>" & more.'
    terms = {
        "grooming": term_yaml("grooming", definition),  # short: its first sentence
        "lure": term_yaml("lure", "A false promise.", extra=f"short: {json.dumps(definition)}\n"),
    }
    page = "# Home\n\nAbout grooming and a lure.\n"
    config = write_site(tmp_path, pages={"index.md": page}, terms=terms)
    html = read(build_site(config), "index.html")

    grooming, lure = term_links(html)
    assert grooming.attrs["title"] == definition
    assert lure.attrs["title"] == definition
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2
    assert "<script>alert" not in html
    assert "<b>trust" not in html


def test_a_proposed_term_s_tooltip_says_it_is_proposed(tmp_path: Path) -> None:
    """DESIGN 3.1: proposed terms are published, marked as proposed; a link's tooltip (and
    description to a screen reader) gave only the definition (audit). It says so first,
    in the words of the term page's note; the title stays escaped plain text."""
    terms = {
        "lure": term_yaml(
            "lure",
            "A false promise.",
            extra='status: proposed\nshort: "A <b>false</b> promise & more."\n',
        ),
        "victim": term_yaml("victim", "A person harmed.", extra="short: A person harmed.\n"),
    }
    page = "# Home\n\nA lure for a victim.\n"
    config = write_site(tmp_path, pages={"index.md": page}, terms=terms)
    html = read(build_site(config), "index.html")
    lure, victim = term_links(html)
    assert lure.attrs["title"] == "Proposed term: A <b>false</b> promise & more."
    assert 'title="Proposed term: A &lt;b&gt;false&lt;/b&gt; promise &amp; more."' in html
    assert victim.attrs["title"] == "A person harmed."


@pytest.mark.parametrize(
    ("autolink", "linked"), [("first", ["T visa"]), ("all", ["T visa", "T-visa"])]
)
def test_a_case_sensitive_form_in_another_case_is_not_linked(
    tmp_path: Path, autolink: str, linked: list[str]
) -> None:
    """A miscased use is a finding (term.case), not a use of the form: it is not linked,
    and the first use as written is."""
    terms = {
        "t-visa": term_yaml(
            "T visa", "A visa for survivors of trafficking.", extra="case_sensitive: true\n"
        )
    }
    page = "# Home\n\nA t visa, then a T visa and a T-visa; t Visa.\n"
    config = write_site(
        tmp_path,
        pages={"index.md": page},
        terms=terms,
        options=f"autolink: {autolink}\nrules: {{term.case: off}}\n",
    )
    links = term_links(read(build_site(config), "index.html"))
    assert [link.text for link in links] == linked


AHLA = "American Hotel & Lodging Association"
NO_ROOM_SHORT = f"The {AHLA}'s program for hotel staff."


@pytest.mark.parametrize("autolink", ["first", "all"])
def test_a_form_with_an_ampersand_links_where_markdown_wrote_a_reference(
    tmp_path: Path, autolink: str
) -> None:
    """The glossary index escapes `&` in a short as `&amp;`, and so may an author: a form
    with `&` matches there (and across `&#38;` and `&nbsp;`) as it matches a bare `&`.
    Python-Markdown keeps such references out of the text, for raw HTML placeholders."""
    terms = {
        "ahla": term_yaml(AHLA, "A trade association.", extra="aliases: [AHLA]\n"),
        "no-room": term_yaml(
            "No Room for Trafficking",
            "A hotel industry program.",
            extra=f"short: {json.dumps(NO_ROOM_SHORT)}\n",
        ),
    }
    page = (
        "# Home\n\nThe American Hotel &amp; Lodging Association's program.\n\n"
        "The American&nbsp;Hotel &#38; Lodging Association, and the American Hotel &amp;\n"
        "Lodging <span>Association</span>; the American Hotel & Lodging Association.\n"
        "AT&amp;T &copy; 2026.\n"
    )
    config = write_site(
        tmp_path, pages={"index.md": page}, terms=terms, options=f"autolink: {autolink}\n"
    )
    site = build_site(config)

    index = read(site, "glossary/index.html")
    (link,) = [link for link in term_links(index) if link.attrs["data-term"] == "ahla"]
    assert (link.text, link.attrs["href"]) == (f"{AHLA}'s", "ahla/")
    # The short as typed: its apostrophe a reference, which smarty would curl (`literal_text`)
    assert f'title="A trade association.">{AHLA.replace("&", "&amp;")}&#39;s</a> program' in index

    html = read(site, "index.html")
    expected = [f"{AHLA}'s"]
    if autolink == "all":
        # The one over a raw `<span>` too, as the checks read it (differential test).
        expected += [
            "American\xa0Hotel & Lodging Association",
            "American Hotel &\nLodging Association",
        ]
        expected += [AHLA]
    assert [link.text for link in term_links(html)] == expected
    assert "<span>Association</span>" in html
    if autolink == "all":
        assert "American Hotel &amp;\nLodging <span>Association</span></a>;" in html
    assert "AT&amp;T &copy; 2026." in html


def test_no_link_inside_a_bare_url_or_e_mail_address(tmp_path: Path) -> None:
    """A form inside a bare URL or an e-mail address is no use of it (DESIGN section 4):
    it gets no link and does not take the page's first one."""
    page = (
        "# Home\n\nSee https://example.org/human-trafficking/info and www.example.org/survivor"
        " or ovc.ojp.gov/topics/survivor, or write to survivor@example.org.\n\n"
        "Later, human trafficking and a survivor.\n"
    )
    public = 'privacy: {allow: ["survivor@example.org"]}\n'
    html = read(_site(tmp_path, pages={"index.md": page}, options=public), "index.html")

    links = term_links(html)
    assert [(link.text, link.ancestors[-1]) for link in links] == [
        ("human trafficking", "p"),
        ("survivor", "p"),
    ]
    assert "https://example.org/human-trafficking/info and www.example.org/survivor" in html
    assert " or ovc.ojp.gov/topics/survivor, " in html
    assert "Later, <a " in html


PHONE_PAGE = """\
# Call 1-888-373-7888

Call 1-888-373-7888, or (888) 373-7888 from a desk phone; a survivor may text.

Not `1-888-373-7888` in code, nor [1-888-373-7888](https://example.org/hotline), nor
in an address: 1-888-373-7888@txt.example.org or https://example.org/1-888-373-7888.
"""
HOTLINE = 'privacy: {allow: ["1-888-373-7888", "1-888-373-7888@txt.example.org"]}\n'


def _phone_links(html: str) -> list[tuple[str, str]]:
    return [(link.text, link.attrs["href"]) for link in elements(html, "a", "hb-phone")]


@pytest.mark.parametrize("autolink", ["first", "none"])
def test_a_public_phone_number_in_prose_is_a_link_to_call_it(tmp_path: Path, autolink: str) -> None:
    """A number privacy.allow lists, however its digits are grouped, can be tapped on a
    phone (and, as a link, never breaks at a hyphen); headings, code and links keep
    theirs as written. Linking terms (`autolink`) is another matter."""
    site = _site(tmp_path, autolink, pages={"index.md": PHONE_PAGE}, options=HOTLINE)
    html = read(site, "index.html")
    assert _phone_links(html) == [
        ("1-888-373-7888", "tel:+18883737888"),
        ("(888) 373-7888", "tel:8883737888"),  # dialled as written: no country code
    ]
    assert len(term_links(html)) == (1 if autolink == "first" else 0)  # survivor


def test_a_number_without_its_country_code_is_dialled_as_written(tmp_path: Path) -> None:
    """A Mexican coalition's hotline, in a contact and in prose, calls the hotline on a
    phone in Mexico (found in an audit: both were `tel:+18005533000`, a US number); with
    its `+52` it is reached from anywhere."""
    protocol = (
        protocol_yaml("Hotel staff")
        .replace("Call the hotline.", "Llame al 800 553 3000 o al +52 800 5533 000.")
        .replace("phone: 1-888-373-7888", "phone: 800 5533 000")
    )
    options = 'privacy: {allow: ["800 5533 000", "+52 800 5533 000", "233733"]}\n'
    config = write_site(
        tmp_path, pages={"index.md": "# Home\n"}, protocols={"hotel": protocol}, options=options
    )
    html = read(build_site(config), "protocols/hotel/index.html")
    assert _phone_links(html) == [
        ("800 553 3000", "tel:8005533000"),
        ("+52 800 5533 000", "tel:+528005533000"),
    ]
    contact = [link.attrs["href"] for link in elements(html, "a") if link.text == "800 5533 000"]
    assert contact == ["tel:8005533000"]


# "Text 233733": a short code can be texted, not called. "Call 911" in a protocol's step:
# a reader on a phone taps it as the hotline's number beside it (found in an audit: only
# the contacts' 911 was a link); only the three-digit numbers privacy.allow lists. A
# number that only holds their digits (a longer number, a decimal, a word) is none.
SHORT_NUMBERS = [
    (
        "Call 1-888-373-7888 or text 233733 (HELP to 233733).\n\n"
        "Not 2337330, 233733.5, 1-233733, 233733a or `233733`.",
        '["1-888-373-7888", "233733"]',
        [
            ("1-888-373-7888", "tel:+18883737888"),
            ("233733", "sms:233733"),
            ("233733", "sms:233733"),
        ],
    ),
    (
        "If anyone is in danger, call 911. Deaf callers may use 711 (or 988).\n\n"
        "Not 9/11, 911.5, 1-911, 911a, 4911, 7-11, `911`, 9:11, 911 1234, Room 911, Form "
        "911, $988, No. 211, ref. 911, Reference 988, ext. 911, 18 U.S.C. 911, 911 km, "
        "988 miles, 711\u00a0km, "
        "18 U.S.C. \u00a7 911, 8 CFR 211, "
        "nor 311, unlisted. Our office: +1 202 988 1234, 211 Main Street.\n\n"
        "Call 911/988: either.",
        '["911", "711", "988 Lifeline", "211", "+1 202 988 1234", "211 Main Street"]',
        [
            ("911", "tel:911"),
            ("711", "tel:711"),
            ("988", "tel:988"),
            ("+1 202 988 1234", "tel:+12029881234"),
            ("911", "tel:911"),
            ("988", "tel:988"),
        ],
    ),
    # Another country's listed numbers, as its prose writes them (found in an audit: only
    # North American numbers and 911-style ones were linked).
    (
        "Call 999 in an emergency, 101 otherwise, or the helpline on 0800 0121 700 (08000 "
        "121 700).\n\nNot Room 101, 1999, 101.5 nor 111, unlisted.",
        '["999", "101", "0800 0121 700"]',
        [
            ("999", "tel:999"),
            ("101", "tel:101"),
            ("0800 0121 700", "tel:08000121700"),
            ("08000 121 700", "tel:08000121700"),
        ],
    ),
    (
        "Notruf 110 oder 112, Hilfetelefon 08000 116 016.\n\nNicht Art. 112 GG, Zimmer 110.",
        '["110", "112", "08000 116 016"]',
        [("110", "tel:110"), ("112", "tel:112"), ("08000 116 016", "tel:08000116016")],
    ),
    # A distance written with an entity's space; a fort's town after the number, no feet
    # (`Ft.`: the number was no link); a height's word capitalised, no fort (pii65: a link).
    (
        "Drive 911&nbsp;km, 911&#160;ft or 911 Ft. high. Climb 911 Ft. High. "
        "In Texas call 911 Ft. Worth police.",
        '["911"]',
        [("911", "tel:911")],
    ),
]


@pytest.mark.parametrize(("text", "allow", "expected"), SHORT_NUMBERS)
def test_a_public_short_code_or_service_number_in_prose_is_a_link(
    tmp_path: Path, text: str, allow: str, expected: list[tuple[str, str]]
) -> None:
    options = f"privacy: {{allow: {allow}}}\n"
    site = _site(tmp_path, "none", pages={"index.md": f"# Home\n\n{text}\n"}, options=options)
    assert _phone_links(read(site, "index.html")) == expected


def test_a_number_at_the_end_of_an_element_is_linked_inside_it(tmp_path: Path) -> None:
    """A number a raw element ends with, as a history summary's (`<span
    class="hb-summary">`), is linked inside it: the link took its closing tag in
    (`<a>1-888-373-7888</span></a>`); one with a tag or a character reference inside is
    linked whole and dials its digits (its `tel:` was empty)."""
    page = (
        "# Home\n\n"
        '| Change |\n| --- |\n| <span class="hb-summary">Hotline: 1-888-373-7888</span> |\n\n'
        "Call <b>1-888-373-7888</b> or <span>1-888</span>-373-7888.\n\n"
        # As the glossary index writes a short (literal_text): the example's hotline there
        # was <a href="tel:">
        "Or 1&#45;888&#45;373&#45;7888.\n"
    )
    html = read(_site(tmp_path, "none", pages={"index.md": page}, options=HOTLINE), "index.html")
    assert _phone_links(html) == [("1-888-373-7888", "tel:+18883737888")] * 4
    assert 'Hotline: <a class="hb-phone" href="tel:+18883737888">1-888-373-7888</a></span>' in html
    assert '<b><a class="hb-phone" href="tel:+18883737888">1-888-373-7888</a></b>' in html
    assert '<a class="hb-phone" href="tel:+18883737888"><span>1-888</span>-373-7888</a>' in html


def test_links_in_a_paragraph_keep_its_words_in_their_order(tmp_path: Path) -> None:
    """A public number linked before a term in the same text: each link is cut out where
    it is, so the paragraph reads as written, links in the order they stand."""
    site = _site(tmp_path, "first", pages={"index.md": PHONE_PAGE}, options=HOTLINE)
    html = read(site, "index.html")
    (paragraph,) = [p for p in elements(html, "p") if p.text.startswith("Call")]
    assert paragraph.text == (
        "Call 1-888-373-7888, or (888) 373-7888 from a desk phone; a survivor may text."
    )
    links = [link for link in elements(html, "a") if link.attrs.get("class", "").startswith("hb-")]
    assert [(link.text, link.attrs["class"]) for link in links] == [
        ("1-888-373-7888", "hb-phone"),
        ("(888) 373-7888", "hb-phone"),
        ("survivor", "hb-term"),
    ]


def test_a_number_or_a_form_that_ends_its_paragraph_is_linked(tmp_path: Path) -> None:
    """The last words of a paragraph end where its text ends: they are no less a use."""
    page = "# Home\n\nCall 1-888-373-7888\n\nWe help a survivor\n"
    site = _site(tmp_path, "all", pages={"index.md": page}, options=HOTLINE)
    html = read(site, "index.html")
    assert _phone_links(html) == [("1-888-373-7888", "tel:+18883737888")]
    assert [(link.text, link.ancestors[-1]) for link in term_links(html)] == [("survivor", "p")]


def test_a_form_holding_a_public_number_is_one_link_to_its_term(tmp_path: Path) -> None:
    """A link inside a link is no HTML a browser keeps: the term's form, digits and all,
    links to the term, and its number is no call link of its own."""
    terms = {
        **TERMS,
        "hotline": term_yaml("Hotline 1-888-373-7888", "The national hotline."),
    }
    page = "# Home\n\nText the Hotline 1-888-373-7888 today, or call 1-888-373-7888.\n"
    config = write_site(
        tmp_path, pages={"index.md": page}, terms=terms, options=f"autolink: all\n{HOTLINE}"
    )
    html = read(build_site(config), "index.html")
    assert [(link.text, link.attrs["data-term"]) for link in term_links(html)] == [
        ("Hotline 1-888-373-7888", "hotline")
    ]
    assert _phone_links(html) == [("1-888-373-7888", "tel:+18883737888")]
    assert not any("a" in link.ancestors for link in elements(html, "a"))


NOT_CHECKED = "rules: {privacy.pii: off}\n"  # else an unlisted number fails the build


def test_a_listed_number_whose_digits_look_like_others_is_no_link(tmp_path: Path) -> None:
    """Security review: privacy.allow listing `1-888-373-7৪৪৪` (a Bengali 4, shaped as 8)
    beside the hotline made prose that reads as the hotline a link to another line; in
    doubt (site/phone_links), it is text, never a `tel:` that dials nothing. (privacy.pii
    reports it all the same: off here.)"""
    page = "# Call\n\nCall 1-888-373-7\u09ea\u09ea\u09ea or 1-888-373-7888.\n"
    options = 'privacy: {allow: ["1-888-373-7888", "1-888-373-7\u09ea\u09ea\u09ea"]}\n'
    options += NOT_CHECKED
    html = read(_site(tmp_path, pages={"index.md": page}, options=options), "index.html")
    assert _phone_links(html) == [("1-888-373-7888", "tel:+18883737888")]


def test_a_number_not_listed_as_public_is_no_link(tmp_path: Path) -> None:
    html = read(_site(tmp_path, pages={"index.md": PHONE_PAGE}, options=NOT_CHECKED), "index.html")
    assert _phone_links(html) == []


def test_a_generated_page_is_rendered_again_when_the_public_numbers_change(
    tmp_path: Path,
) -> None:
    """Protocol pages come from the render cache: listing a number must reach them."""
    protocol = protocol_yaml("Hotel staff").replace(
        "Call the hotline.", "Call the hotline at 1-888-373-7888."
    )
    options = {"": NOT_CHECKED, "listed": HOTLINE}
    found = {}
    for name, option in [*options.items(), ("again", NOT_CHECKED)]:
        config = write_site(
            tmp_path, pages={"index.md": "# Home\n"}, protocols={"hotel": protocol}, options=option
        )
        html = read(build_site(config), "protocols/hotel/index.html")
        found[name] = _phone_links(html)
    assert found == {"": [], "listed": [("1-888-373-7888", "tel:+18883737888")], "again": []}
    assert (tmp_path / ".cache").is_dir()  # the builds after the first were warm


def test_a_list_item_about_a_term_does_not_link_to_it_again(tmp_path: Path) -> None:
    """An item that starts with a link to a term's page (each entry of the glossary's
    index; a list of terms on a page) is about that term: a use of it in the rest of the
    item leads where the item's first word does, so it is not linked; others are (found
    in an audit: the index linked three entries to themselves)."""
    terms = {
        **TERMS,
        "survivor": term_yaml(
            "survivor",
            "A person who has experienced trafficking.",
            extra="short: Every survivor decides; a victim is a legal status.\n",
        ),
    }
    page = (
        "# Terms\n\n"
        "- [Survivor](glossary/survivor.md): each survivor decides.\n"
        "- [Stories](stories.md): what a survivor told us.\n"
        # a part of the term's page, and lists in lists (found in review)
        "- [Survivor's history](glossary/survivor.md#history): a survivor's words.\n"
        "- [Survivor](glossary/survivor.md?x=1): a survivor's words.\n"
        "- [Survivor](glossary/survivor.md): nested.\n"
        "    - [Victim](glossary/victim.md): a survivor, a victim.\n"
    )
    config = write_site(
        tmp_path,
        pages={"index.md": page, "stories.md": "# Stories\n"},
        terms=terms,
        options="autolink: all\n",
    )
    site = build_site(config)

    links = term_links(read(site, "index.html"))
    assert [link.attrs["data-term"] for link in links] == ["survivor"]  # in the second item
    index = term_links(read(site, "glossary/index.html"))
    # survivor's entry links victim, not survivor
    assert [(link.attrs["data-term"], link.text) for link in index] == [("victim", "victim")]


def test_a_name_marked_hb_nolink_holds_no_link_and_the_next_use_takes_it(tmp_path: Path) -> None:
    """A UK adopter's audit: a term inside a name ("Modern Slavery Act 2015") took the
    page's first link; ADOPTING says to mark the name `.hb-nolink`, as it does a number."""
    page = (
        "# Law\n\n"
        "Under the *Human Trafficking Act 2015*{ .hb-nolink }, human trafficking is a crime.\n"
    )
    html = read(_site(tmp_path, pages={"index.md": page}), "index.html")
    assert [link.text for link in term_links(html)] == ["human trafficking"]
    assert '<em class="hb-nolink">Human Trafficking Act 2015</em>' in html


def test_raw_html_marked_hb_nolink_holds_no_link(tmp_path: Path) -> None:
    """A raw `<span class="hb-nolink">` holds no link either, a span inside it or not
    (a generated page's history summaries are in one); the next use takes the link."""
    page = (
        "# Law\n\n"
        '| Act | Note |\n| --- | --- |\n| 1 | <span class="x hb-nolink">The <span>human'
        "</span> trafficking act.</span> |\n\n"
        "Under <span class='hb-nolink'>the Human Trafficking Act</span>, <span>human "
        "trafficking</span> is a crime.\n"
    )
    html = read(_site(tmp_path, pages={"index.md": page}), "index.html")
    assert [link.text for link in term_links(html)] == ["human trafficking"]
    assert "Trafficking Act</span>, <span><a " in html


@pytest.mark.parametrize(
    ("opening", "marked"),
    [
        ('<span title="see class=hb-nolink">', False),  # a title's text, no class
        ('<span title="x class=\'y\'" class="hb-nolink">', True),  # its class is the second
        ('<SPAN\nCLASS="a hb-nolink">', True),
        ('<span data-class="hb-nolink">', False),
    ],
)
def test_hb_nolink_is_read_from_the_class_attribute_only(opening: str, marked: bool) -> None:
    expected = {0: (NOLINK, False), 3: (NOLINK, True)} if marked else {}
    assert marked_tags([opening, "<span>", "</span>", "</span>"], NOLINK) == expected


@pytest.mark.parametrize(
    ("stash", "expected"),
    [
        # opens a marked span, which `</span>` ends
        (['<span class="hb-nolink"/>', "</span>"], {0: (NOLINK, False), 1: (NOLINK, True)}),
        # an inner `<span/>` is open: the first `</span>` ends it, the second the marked one
        (
            ['<span class="hb-nolink">', "<span/>", "</span>", "</span>"],
            {0: (NOLINK, False), 3: (NOLINK, True)},
        ),
        (['<span class="hb-nolink">', "<br/>", "</span>"], {0: (NOLINK, False), 2: (NOLINK, True)}),
    ],
)
def test_a_start_tag_written_self_closing_opens_its_element(
    stash: list[str], expected: dict[int, tuple[str, bool]]
) -> None:
    """A browser reads `<span/>` as `<span>` (only a void element has no end tag), and
    Python-Markdown passes it on as written: the autolinker read it as a closed span."""
    assert marked_tags(stash, NOLINK) == expected


def test_text_after_a_self_closing_hb_nolink_span_holds_no_link(tmp_path: Path) -> None:
    """`<span class="hb-nolink"/>` opens a span that holds the rest of its paragraph in
    the browser: a use there was linked, as if the span were closed."""
    page = (
        "# Law\n\n"
        'Under <span class="hb-nolink"/>the Human Trafficking Act, human trafficking is a '
        "crime.\n\n"
        "Human trafficking is a crime.\n"
    )
    html = read(_site(tmp_path, pages={"index.md": page}), "index.html")
    (link,) = term_links(html)
    assert link.text == "Human trafficking"
    assert '<span class="hb-nolink"/>the Human Trafficking Act, human trafficking is' in html


# An `hb-nolink` formatting element left open holds the next paragraphs too, as the
# browser reads it (it opens it again in each, to its end tag); a span ends with its own.
NOLINK_LEFT_OPEN = (
    "# Law\n\n"
    'Under <em class="hb-nolink">the survivor one act\n\n'
    "Its survivor two clause.</em> A survivor three, in prose.\n\n"
    '<span class="hb-nolink">A survivor four\n\n'
    "A survivor five after it.</span> A survivor six.\n"
)


def test_a_formatting_element_marked_hb_nolink_left_open_holds_the_next_paragraphs(
    tmp_path: Path,
) -> None:
    """Review, session 60 (a stray end tag in a later paragraph): the autolinker ended
    every `hb-nolink` element left open with its paragraph, but a browser opens an `<em>`,
    `<b>` or `<i>` again in the next paragraphs, class and all, to its end tag: "survivor
    two" was linked inside the editor's `hb-nolink`. A span ends with its paragraph, and
    its stray end tag later ends nothing (test_browser checks Chromium's reading)."""
    html = read(_site(tmp_path, "all", pages={"index.md": NOLINK_LEFT_OPEN}), "index.html")
    links = term_links(html)
    assert len(links) == 3
    assert "Its survivor two clause.</em> A <a " in html
    assert "A survivor four</p>" in html


@pytest.mark.parametrize("container", ["> ", '!!! note "Note"\n    '])
def test_an_hb_nolink_element_opened_in_a_quote_or_note_ends_at_its_end_tag_after_it(
    tmp_path: Path, container: str
) -> None:
    """Review rv62e: Python-Markdown stashes the tags of a quote's or a note's paragraphs
    after the page's own, and `marked_tags` paired them in that order: the `</em>` after
    the quote ended nothing, and no term was linked for the rest of the page."""
    page = (
        f'# Law\n\n{container}Under <em class="hb-nolink">the survivor one act\n\n'
        "Its survivor two clause.</em> A survivor three, in prose.\n\n"
        "A survivor four.\n"
    )
    html = read(_site(tmp_path, "all", pages={"index.md": page}), "index.html")
    assert len(term_links(html)) == 2
    assert "Its survivor two clause.</em> A <a " in html


# `hb-nolink` elements as Chromium ends them (task site63): a `</b>` ends the span opened
# in the `<b>` ("adoption agency"); of four identical `<em>` left open, the next paragraph
# opens again three ("Noah's Ark"); one `</em>` ends the em and the span in it; an `</a>`
# ends the link and the span in it (session 63: its use after was read inside the link).
NOLINK_AS_CHROMIUM_ENDS_IT = (
    "# Law\n\n"
    '<b><span class="hb-nolink">survivor one</b> survivor two</span> in prose.\n\n'
    + '<em class="hb-nolink">'
    * 4
    + "survivor three\n\nsurvivor four</em></em></em> survivor five in prose.\n\n"
    '<em class="hb-nolink"><span class="hb-nolink">survivor six</em> survivor seven</span> '
    "survivor eight.\n\n"
    '<a href="x"><span class="hb-nolink">x</a> survivor nine</span> in prose.\n'
)


def test_hb_nolink_elements_end_where_chromium_ends_them(tmp_path: Path) -> None:
    """Task site63: a use after `<b><span class="hb-nolink">x</b>`, after three `</em>` of
    four identical ones left open the paragraph before, and after an `</em>` that ends a
    marked span in it, was left unlinked: Chromium reads each outside the `hb-nolink`
    elements (test_browser checks its reading)."""
    page = {"index.md": NOLINK_AS_CHROMIUM_ENDS_IT}
    html = read(_site(tmp_path, "all", pages=page), "index.html")
    assert len(term_links(html)) == 5
    for word in ("two", "five", "seven", "eight", "nine"):
        assert f"survivor</a> {word}" in html, word


@pytest.mark.parametrize(
    ("stash", "expected"),
    [
        (["<b>", '<span class="hb-nolink">', "</b>"], {1: (NOLINK, False), 2: (NOLINK, True)}),
        (
            ['<em class="hb-nolink">', '<span class="hb-nolink">', "</em>", "</span>"],
            {
                0: (carried(NOLINK), False),
                1: (NOLINK, False),
                2: (f"{carried(NOLINK)}{ENDS_TOO}{NOLINK}", True),
            },
        ),
        (  # not identical: each its own name, carried
            ['<em class="hb-nolink">', '<em class="hb-nolink" id="a">', "<em CLASS='hb-nolink'>"],
            {
                0: (carried(NOLINK), False),
                1: (carried(NOLINK, 2), False),
                2: (carried(NOLINK), False),
            },
        ),
        # a `<kbd>` left open before ends nothing opened after it
        (["<kbd>", '<span class="hb-nolink">', "</kbd>"], {1: (NOLINK, False)}),
    ],
)
def test_an_end_tag_ends_the_marked_elements_chromium_ends(
    stash: list[str], expected: dict[int, tuple[str, bool]]
) -> None:
    assert marked_tags(stash, NOLINK) == expected


# Misnested tags whose `</b>` Chromium does not let end the marked element (review of
# task site63): a `<b>` opened in another table cell, or before the table (a cell starts
# the formatting elements afresh), and a `<button>` opened in the `<b>`, which keeps what
# it holds (the "furthest block").
NOLINK_CHROMIUM_KEEPS_OPEN = (
    "# Law\n\n"
    "| a | b |\n|---|---|\n"
    '| <b>x | <span class="hb-nolink">y</b> survivor one</span> |\n\n'
    "<b>lead\n\n"
    "| a | b |\n|---|---|\n"
    '| <span class="hb-nolink">y</b> survivor two</span> | c |\n\n'
    '<b><button class="hb-nolink">x</b> survivor three</button> end.\n'
)


def test_no_link_is_put_inside_an_hb_nolink_element_a_misnested_b_leaves_open(
    tmp_path: Path,
) -> None:
    """Review of task site63: the `</b>` of a `<b>` opened in another cell, or before the
    table, or of one with a `<button>` opened in it, ended the marked element in the
    autolinker's reading, and the use after it was linked: inside the `hb-nolink` element
    as Chromium reads it (test_browser checks its reading)."""
    config = write_site(
        tmp_path,
        pages={"index.md": NOLINK_CHROMIUM_KEEPS_OPEN},
        terms=TERMS,
        options="autolink: all\n",
        extra_config="markdown_extensions: [tables]\n",
    )
    assert term_links(read(build_site(config), "index.html")) == []


def test_an_end_tag_ends_the_marked_elements_of_its_own_block_only() -> None:
    stash = ["<b>", '<span class="hb-nolink">', "</b>", "</span>"]
    cell, other = object(), object()
    assert marked_tags(stash, NOLINK, range(4), dict.fromkeys(range(4), cell)) == {
        1: (NOLINK, False),
        2: (NOLINK, True),
    }
    in_another = {0: other, 1: cell, 2: cell, 3: cell}
    expected = {1: (NOLINK, False), 3: (NOLINK, True)}
    assert marked_tags(stash, NOLINK, range(4), in_another) == expected
    with_button = ["<b>", '<span class="hb-nolink">', "<button>", "</b>", "</span>"]
    assert marked_tags(with_button, NOLINK) == {1: (NOLINK, False), 4: (NOLINK, True)}


@pytest.mark.parametrize(
    ("stash", "expected"),
    [
        (
            ['<em class="hb-nolink">', "</em>"],
            {0: (carried(NOLINK), False), 1: (carried(NOLINK), True)},
        ),
        (
            ['<B class="hb-nolink">', "<b>", "</b>", "</b>"],
            {0: (carried(NOLINK), False), 3: (carried(NOLINK), True)},
        ),
        (
            ['<span class="hb-nolink">', "<em>", "</em>", "</span>"],
            {0: (NOLINK, False), 3: (NOLINK, True)},
        ),
    ],
)
def test_a_marked_formatting_element_is_named_as_carried(
    stash: list[str], expected: dict[int, tuple[str, bool]]
) -> None:
    assert marked_tags(stash, NOLINK) == expected


def _site_with(tmp_path: Path, page: str, extensions: str, autolink: str = "first") -> str:
    terms = {
        **TERMS,
        "hsi-tip-line": term_yaml("HSI Tip Line", "The tip line of Homeland Security."),
    }
    config = write_site(
        tmp_path,
        pages={"index.md": page},
        terms=terms,
        options=f"autolink: {autolink}\n",
        extra_config=f"markdown_extensions: [{extensions}]\n",
    )
    return read(build_site(config), "index.html")


@pytest.mark.parametrize("autolink", ["first", "all"])
def test_an_abbreviation_is_linked_inside_the_link_that_holds_it(
    tmp_path: Path, autolink: str
) -> None:
    """Audit: the abbr extension's `<abbr>` stopped the autolink of the acronym and of
    every form holding it ("HSI Tip Line"). The link now holds the abbreviation whole;
    headings still hold no link. Audit imp64: Material opened the abbreviation's tooltip
    over the term's in Chromium, covering its first line: inside a term's link the
    `<abbr>` stays, without its title; outside one it keeps it. Session 64: the
    expansion was then shown nowhere on hover; the link's title starts with it."""
    page = (
        "# Call the HSI Tip Line\n\n"
        "Call the HSI Tip Line to report TIP. A survivor called the HSI Tip Line.\n\n"
        "*[HSI]: Homeland Security Investigations\n*[TIP]: Trafficking in Persons\n"
    )
    html = _site_with(tmp_path, page, "abbr", autolink)

    links = [(link.text, link.attrs["data-term"]) for link in term_links(html)]
    expected = [
        ("HSI Tip Line", "hsi-tip-line"),
        ("TIP", "human-trafficking"),
        ("survivor", "survivor"),
    ]
    assert links == (expected if autolink == "first" else [*expected, expected[0]])
    hsi = '<abbr title="Homeland Security Investigations">HSI</abbr>'
    assert (
        'title="HSI: Homeland Security Investigations. The tip line of Homeland Security.">'
        "<abbr>HSI</abbr> Tip Line</a>"
    ) in html
    assert '"><abbr>TIP</abbr></a>' in html
    assert f'">Call the {hsi} Tip Line</h1>' in html  # no link in a heading, abbr kept
    if autolink == "first":  # a later use, no link around it: its own tooltip stays
        assert f" called the {hsi} Tip Line." in html


@pytest.mark.parametrize(
    ("title", "expansions", "expected"),
    [
        (
            "A tip line.",
            [("HSI", "Homeland Security Investigations")],
            "HSI: Homeland Security Investigations. A tip line.",
        ),
        # Said once, in the order written; one the title says already is not repeated.
        (
            "A law.",
            [
                ("TVPA", "Trafficking Victims Protection Act"),
                ("US", "United States."),
                ("TVPA", "Trafficking Victims Protection Act"),
            ],
            "TVPA: Trafficking Victims Protection Act. US: United States. A law.",
        ),
        (
            "The tip line of Homeland Security Investigations.",
            [("HSI", "homeland security investigations")],
            "The tip line of Homeland Security Investigations.",
        ),
        ("Proposed term: A law.", [("ILO", "ILO")], "Proposed term: A law."),
    ],
)
def test_a_term_link_s_title_is_led_by_the_expansions_it_holds(
    title: str, expansions: list[tuple[str, str]], expected: str
) -> None:
    assert with_expansions(title, expansions) == expected


def test_no_link_inside_math(tmp_path: Path) -> None:
    """Audit: the autolinker wrote links inside pymdownx.arithmatex's TeX, which MathJax
    then no longer reads as a formula; the first use outside it takes the link."""
    page = "# Math\n\n$\\text{survivor}$ and\n\n$$\n\\text{victim}\n$$\n\nA survivor, a victim.\n"
    html = _site_with(tmp_path, page, "{pymdownx.arithmatex: {generic: true}}")

    assert [link.text for link in term_links(html)] == ["survivor", "victim"]
    assert all(link.ancestors[-1] == "p" for link in term_links(html))
    assert '<span class="arithmatex">\\(\\text{survivor}\\)</span>' in html
    assert "\\text{victim}\n\\]</div>" in html


def test_no_link_inside_text_critic_marks_for_deletion(tmp_path: Path) -> None:
    """Review rv8: with pymdownx.critic, the first link landed in `<del class="critic">`
    (a deletion, or the old side of a substitution), struck-out text that the checks do
    not read; the first use readers keep takes it. Added text is linked."""
    page = (
        "# Edits\n\n"
        "Old {--a **survivor** here--} then survivor. {~~victim~>person~~} and victim.\n\n"
        "Now {++human trafficking++} is added.\n"
    )
    html = _site_with(tmp_path, page, "pymdownx.critic")

    links = [(link.text, link.ancestors[-1]) for link in term_links(html)]
    assert links == [("survivor", "p"), ("victim", "p"), ("human trafficking", "ins")]
    assert '<del class="critic">a <strong>survivor</strong> here</del>' in html
    assert '<del class="critic">victim</del><ins class="critic">person</ins>' in html


def test_a_link_holds_the_arabic_marks_after_the_last_letter() -> None:
    """The vowel marks and tatweel after a use's last letter are that letter's: a link
    ending before them would part a mark from its letter, which Arabic shaping and the
    reader need together (review, session 48)."""
    from xml.etree import ElementTree

    from test_matching import make_term

    from coalition_handbook.matching import Matcher
    from coalition_handbook.site.autolink import Autolinker, LinkTarget

    matcher = Matcher.from_terms([make_term("human-trafficking-ar", "الاتجار بالبشر")])
    target = LinkTarget("human-trafficking-ar", "glossary/human-trafficking-ar.md", "")
    linker = Autolinker(matcher, {"human-trafficking-ar": target}, "all")
    linker.know_pages({"glossary/human-trafficking-ar.md": "glossary/human-trafficking-ar/"})
    linker.begin_page("index/")
    root = ElementTree.fromstring("<div><p>مكافحة الاتِّجَار بالبَشَرِ، ثم الاتجار بالبشرـٌ.</p></div>")
    assert linker.link_tree(root) == 2
    assert [link.text for link in root.iter("a")] == ["الاتِّجَار بالبَشَرِ", "الاتجار بالبشرـٌ"]


def test_a_form_over_emphasis_or_a_hard_line_break_is_linked_whole(tmp_path: Path) -> None:
    """`handbook check` reads "*trafficking* in persons", "**survivor**s" and a form
    over a hard line break (two spaces, or `<br>`) as uses (DESIGN section 4), and a link
    is allowed there (section 7): the link holds the emphasis or the break, as the page
    shows them. Across code, a link or an image, or from one paragraph to the next, no
    form is read (differential test of the engine and the autolinks)."""
    page = (
        "# Page\n\nOne *trafficking* in persons. Two **survivor**s.\n"
        "Three trafficking  \nin persons. Four trafficking<br>in persons.\n\n"
        "Five *trafficking in* `x` persons, trafficking [in](https://example.org/) persons,\n"
        "trafficking ![in](https://example.org/a.png) persons, trafficking\n\nin persons.\n"
    )
    html = read(_site(tmp_path, "all", pages={"index.md": page}), "index.html")
    links = term_links(html)
    assert [(link.text, link.attrs["data-term"]) for link in links] == [
        ("trafficking in persons", "human-trafficking"),
        ("survivors", "survivor"),
        ("trafficking\nin persons", "human-trafficking"),
        ("traffickingin persons", "human-trafficking"),  # the text around the <br>
    ]
    assert 'href="glossary/human-trafficking/" title="Exploitation by force or fraud."' in html
    assert ">One <a class" in html and "><em>trafficking</em> in persons</a>. Two" in html
    assert "><strong>survivor</strong>s</a>." in html
    assert ">trafficking<br />\nin persons</a>. Four <a" in html
    assert ">trafficking<br>in persons</a>.</p>" in html  # the raw tag as written


def test_the_text_after_a_link_over_emphasis_links_too(tmp_path: Path) -> None:
    """What is left of a text that a link over emphasis ends in is linked as any text:
    with `first`, a term's first use is the one over the emphasis."""
    page = "# Page\n\nA *trafficking* in persons and trafficking in persons, then a survivor.\n"
    every = term_links(read(_site(tmp_path / "all", "all", {"index.md": page}), "index.html"))
    assert [link.text for link in every] == [
        "trafficking in persons",
        "trafficking in persons",
        "survivor",
    ]
    html = read(_site(tmp_path / "first", "first", {"index.md": page}), "index.html")
    assert [link.text for link in term_links(html)] == ["trafficking in persons", "survivor"]
    assert "<em>trafficking</em> in persons</a> and trafficking in persons, then" in html


def test_a_form_over_an_editor_s_comment_is_linked_whole(tmp_path: Path) -> None:
    """An editor's `<!-- note -->` is not published (site/html_comments.py), and the
    checks read the words around it as they show: "trafficking <!-- x --> in persons" is
    a use of "trafficking in persons" (differential test of the engine and the
    autolinks). The link holds the comment, which the page then loses."""
    page = "# Page\n\nA trafficking <!-- see the 2026 report --> in persons case.\n"
    html = read(_site(tmp_path, "all", pages={"index.md": page}), "index.html")
    assert [(link.text, link.attrs["data-term"]) for link in term_links(html)] == [
        ("trafficking  in persons", "human-trafficking")
    ]
    assert "see the 2026 report" not in html


def test_a_form_over_raw_inline_html_is_linked_with_whole_elements(tmp_path: Path) -> None:
    """The checks read "<span>trafficking</span> in persons" as a use (a tag is a word
    break to them); the link holds the span whole, so the page stays well nested, or is
    not made where it would start in one element and end in another (differential test
    of the engine and the autolinks)."""
    page = (
        "# Page\n\nOne <span>trafficking</span> in persons. Two <b><i>trafficking</i></b> in"
        " persons. Three trafficking <mark>in persons</mark> here. Four <b>trafficking</b>"
        " <i>in persons</i>. Five <b>survivor</b>s. <span>Six trafficking</span> in"
        " persons.\n"
    )
    html = read(_site(tmp_path, "all", pages={"index.md": page}), "index.html")
    assert [(link.text, link.attrs["data-term"]) for link in term_links(html)] == [
        ("trafficking in persons", "human-trafficking"),
        ("trafficking in persons", "human-trafficking"),
        ("trafficking in persons", "human-trafficking"),
        ("trafficking in persons", "human-trafficking"),
        ("survivors", "survivor"),
    ]
    assert 'One <a class="hb-term" data-term="human-trafficking"' in html
    assert "><span>trafficking</span> in persons</a>. Two <a" in html
    assert "><b><i>trafficking</i></b> in persons</a>. Three <a" in html
    assert ">trafficking <mark>in persons</mark></a> here. Four <a" in html
    assert "><b>trafficking</b> <i>in persons</i></a>. Five <a" in html
    assert "><b>survivor</b>s</a>. <span>Six trafficking</span> in persons.</p>" in html


def test_a_text_a_link_over_emphasis_ends_in_is_found_where_it_is_now() -> None:
    """`LinksAcross.current`: a text stays where it was collected until a link over
    emphasis takes part of it; what is left after the link is the link's tail, and its
    links are placed from where that starts in the text first collected."""
    paragraph = etree.fromstring("<p><em>trafficking</em> in persons, then more</p>")
    emphasis = paragraph[0]
    segments = [(emphasis, None, "trafficking"), (paragraph, emphasis, emphasis.tail or "")]
    across = LinksAcross(segments, [paragraph, paragraph], [RawSpans(), RawSpans()], {})
    assert across.current(1) == (paragraph, emphasis, " in persons, then more", 0)
    assert across.link(0, 0, 1, len(" in persons"), {"href": "t/"})
    link = paragraph[0]
    assert etree.tostring(paragraph, encoding="unicode") == (
        '<p><a href="t/"><em>trafficking</em> in persons</a>, then more</p>'
    )
    assert across.current(1) == (paragraph, link, ", then more", len(" in persons"))
    assert across.current(0) == (emphasis, None, "", 0)


def test_links_over_emphasis_one_after_another_in_a_text_link_what_is_left(
    tmp_path: Path,
) -> None:
    """Review rv44h: a link over emphasis whose text starts in what an earlier one left of
    a text (its tail, now the link's), nested emphasis, and an ordinary use after them:
    each text's links are placed where the links before moved it (`LinksAcross.current`)."""
    page = (
        "# Page\n\nA *trafficking* in persons, trafficking *in persons* and a **survivor**s"
        " and a victim, ***trafficking*** in persons and a survivor.\n"
    )
    html = read(_site(tmp_path, "all", {"index.md": page}), "index.html")
    assert [(link.text, link.attrs["data-term"]) for link in term_links(html)] == [
        ("trafficking in persons", "human-trafficking"),
        ("trafficking in persons", "human-trafficking"),
        ("survivors", "survivor"),
        ("victim", "victim"),
        ("trafficking in persons", "human-trafficking"),
        ("survivor", "survivor"),
    ]
    paragraph = html[html.index("<p>A ") : html.index("</p>", html.index("<p>A "))]
    tagged = [piece.split(">", 1)[1] for piece in paragraph.split("<a ")[1:]]
    assert [piece.split("</a>", 1)[0] for piece in tagged] == [
        "<em>trafficking</em> in persons",
        "trafficking <em>in persons</em>",
        "<strong>survivor</strong>s",
        "victim",
        "<strong><em>trafficking</em></strong> in persons",
        "survivor",
    ]


def test_end_tags_of_marked_elements_are_paired_in_linear_time() -> None:
    """A formatting element's end tag ends the marked elements opened in it (task
    site63): each is ended once, and an end tag finds its element without reading the
    others left open (a page of 100,000 of each)."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.site.autolink_raw_tags import NOLINK, marked_tags\n"
        "n = 100_000\n"
        "span = '<span class=\"hb-nolink\">'\n"
        "stash = ['<b>'] * n + ['<kbd>'] * n + [span] * n + ['</b>'] * n + ['</span>'] * n\n"
        "tags = marked_tags(stash, NOLINK)\n"
        "assert tags[3 * n] == (' + '.join([NOLINK] * n), True), tags[3 * n][1]\n"
        "assert len(tags) == n + 1, len(tags)\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


def test_end_tags_past_special_elements_or_blocks_are_paired_in_linear_time() -> None:
    """Review of task site63: a formatting element's end tag ends no marked element past
    a special element opened in it, nor one of another block; each special element is
    looked at once (a page of 100,000 of each)."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.site.autolink_raw_tags import NOLINK, marked_tags\n"
        "n = 100_000\n"
        "span = '<span class=\"hb-nolink\">'\n"
        "stash = (['<b>'] * n + ['<button>'] * n + [span] * n + ['</button>'] * (n // 2)\n"
        "    + ['</b>'] * n + ['</span>'] * n)\n"
        "tags = marked_tags(stash, NOLINK)\n"
        "assert len(tags) == 2 * n, len(tags)\n"
        "order = range(len(stash))\n"
        "tags = marked_tags(stash, NOLINK, order, {i: i % 2 for i in order})\n"
        "assert len(tags) == 2 * n, len(tags)\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")
