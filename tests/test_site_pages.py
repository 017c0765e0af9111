"""Generated pages, module facts, navigation and dates: one tiny site per behaviour."""

from __future__ import annotations

import hashlib
import html as html_module
import json
import logging
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import require_or_skip
from mkdocs.exceptions import Abort
from site_builds import (
    Element,
    SiteSettings,
    build_site,
    elements,
    protocol_yaml,
    read,
    term_links,
    term_yaml,
    write_site,
)

from coalition_handbook.site import handout_render
from coalition_handbook.site.handout_render import HandoutsUnavailable

TERMS = {
    "survivor": term_yaml(
        "survivor",
        "A person who has *experienced* trafficking.",
        version=2,
        date="2026-03-01",
        extra="""\
        aliases: [trafficking survivor]
        avoid:
          - text: slave
            reason: Reduces a person to what was done to them.
        related: [victim]
        sources:
          - title: Polaris
            url: https://polarisproject.org/
        translations: {es: sobreviviente, fa: بازمانده, zh-Hant: 倖存者}
        """,
    ),
    "victim": term_yaml(
        "victim", "A person against whom a crime was committed.", date="2026-02-01"
    ),
    "advocate": term_yaml(
        "advocate", "Someone who supports a survivor.", extra="status: proposed\n"
    ),
    "prostitute": term_yaml(
        "prostituted person",
        "Old wording.",
        extra="status: deprecated\nreplaced_by: survivor\n",
    ),
}

MODULE = """\
---
title: Hotel staff
version: 1
audience: [front desk staff]
duration: 45 minutes
objectives:
  - Recognise the signs.
  - Report safely.
protocols: [hotel]
history:
  - version: 1
    date: 2026-04-01
    summary: First taught.
---

# Hotel staff

Welcome.

## Realize

A survivor may be a guest.

## Recognize

Signs.

## Respond

Call the hotline.
"""

HOTEL = protocol_yaml("Hotel employee")
OVERDUE = protocol_yaml("Old protocol", review_by="2020-01-01").replace(
    "owner: Response committee", "owner: Safety & <Outreach> committee"
)
OPTIONS = """\
rules: {protocol.review-overdue: info}
privacy: {allow: ["1-888-373-7888", "233733"]}
handouts: false
"""
HANDOUTS = OPTIONS.replace("handouts: false", "handouts: true")
# Material and its search, as a reader finds the site, with this file's OPTIONS.
SEARCHED: SiteSettings = {"options": OPTIONS, "theme": "material", "search": True}


def _site(tmp_path: Path, **overrides: object) -> Path:
    arguments: dict = {
        "pages": {"index.md": "# Home\n\nA survivor.\n", "modules/hotel-staff.md": MODULE},
        "terms": TERMS,
        "protocols": {"hotel": HOTEL, "old": OVERDUE},
        "options": OPTIONS,
        **overrides,
    }
    return build_site(write_site(tmp_path, **arguments))


def test_generated_pages_are_present(tmp_path: Path) -> None:
    site = _site(tmp_path)
    for path in (
        "glossary/index.html",
        "glossary/survivor/index.html",
        "glossary/prostitute/index.html",
        "protocols/index.html",
        "protocols/hotel/index.html",
        "modules/index.html",
        "changes/index.html",
    ):
        assert (site / path).is_file(), path


def test_the_stylesheet_and_script_are_named_by_their_content(tmp_path: Path) -> None:
    """Under one name, a browser that kept the file of an earlier deploy ran the old
    script with the new pages (audit): each page links the plugin's stylesheet and
    script by a name that holds the start of their content's SHA-256, as Material's."""
    site = _site(tmp_path)
    changes = read(site, "changes/index.html")
    linked = re.findall(r'"\.\./(assets/handbook/handbook\.([0-9a-f]{8})\.(css|js))"', changes)
    assert sorted(extension for _, _, extension in linked) == ["css", "js"], linked
    for path, digest, _ in linked:
        assert hashlib.sha256((site / path).read_bytes()).hexdigest()[:8] == digest
    assert sorted(path.name for path in (site / "assets/handbook").iterdir()) == sorted(
        path.rpartition("/")[2] for path, _, _ in linked
    )


def test_a_term_s_search_result_lists_its_forms_once(tmp_path: Path) -> None:
    """A term's result on a phone showed its forms twice: its "Use:" line, then the same
    forms as chips, its tags (audit). The line stays on the page but is out of search;
    the tags still hold every accepted form, which find the page (DESIGN section 7)."""
    site = _site(tmp_path, **SEARCHED)
    index = json.loads(read(site, "search/search_index.json"))
    [entry] = [doc for doc in index["docs"] if doc["location"] == "glossary/survivor/"]
    assert "Use:" not in entry["text"]
    assert "trafficking survivor" not in entry["text"]
    assert entry["tags"][:2] == ["survivor", "trafficking survivor"]
    page = read(site, "glossary/survivor/index.html")
    assert "<strong>Use:</strong> survivor, trafficking survivor</p>" in page


def test_the_glossary_letters_come_before_the_introduction(tmp_path: Path) -> None:
    """After an author's introduction, the letters sat almost two screens down on a
    phone (audit): they come first, under the title, a navigation named as such, and
    out of search, whose result for the page would show them before its text."""
    pages = {
        "index.md": "# Home\n\nA survivor.\n",
        "glossary/index.md": "# Our words\n\nRead this first.\n",
    }
    html = read(_site(tmp_path, pages=pages), "glossary/index.html")
    title, after_title = re.split(r"<h1\b", html, maxsplit=1)[1].split("</h1>", 1)
    assert "Glossary" in title
    letters, after_letters = after_title.split("</nav>", 1)
    assert letters.lstrip().startswith(
        '<nav class="hb-letters" id="glossary-letters" aria-label="Glossary letters" '
        "data-search-exclude>"
    )
    assert "Read this first." not in letters
    assert "Read this first." in after_letters


def test_the_glossary_letters_are_out_of_search_and_the_page_is_in(tmp_path: Path) -> None:
    """The A-Z page's letter sections repeated every term's short definition in the search
    index (375 KB of a 6.2 MB index for 2,000 terms: audit), which a phone downloads
    before its first result; each term's own page holds it. The page itself is still
    found by its title."""
    site = _site(tmp_path, **SEARCHED)
    docs = json.loads(read(site, "search/search_index.json"))["docs"]
    glossary = [doc for doc in docs if doc["location"].partition("#")[0] == "glossary/"]
    assert [doc["title"] for doc in glossary] == ["Glossary"]
    assert "letter-" not in json.dumps(docs)
    # The page's entry keeps its introduction (found by its words, review rv44j), and the
    # letter sections' text falls into no other entry of the page.
    assert "The coalition's shared terms, A to Z." in glossary[0]["text"]
    assert "has experienced trafficking" not in glossary[0]["text"]
    definitions = [doc["text"] for doc in docs if doc["location"] == "glossary/survivor/"]
    assert definitions and "has experienced trafficking" in definitions[0]


def test_glossary_index_has_letters_and_marks_statuses(tmp_path: Path) -> None:
    html = read(_site(tmp_path), "glossary/index.html")

    letters = elements(html, "nav", "hb-letters")[0].text.split()
    assert letters[:3] == ["A", "B", "C"]
    targets = [a.attrs["href"] for a in elements(html, "a") if "nav" in a.ancestors]
    assert {"#letter-a", "#letter-p", "#letter-s", "#letter-v"} <= set(targets)
    assert "#letter-b" not in targets  # no term starts with B: the letter is not a link
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert {target[1:] for target in targets if target.startswith("#")} <= ids
    (proposed,) = elements(html, "span", "hb-badge--proposed")
    (deprecated,) = elements(html, "span", "hb-badge--deprecated")
    assert (proposed.text, deprecated.text) == ("proposed", "deprecated")
    entries = [li.text for li in elements(html, "li")]
    assert any(entry.startswith("prostituted person deprecated") for entry in entries)
    assert any("Use survivor instead" in entry for entry in entries)


def test_a_deprecated_term_sends_readers_to_the_term_to_use_now(tmp_path: Path) -> None:
    """Audit (aud60): with glossary.reference made a warning, as the settings allow,
    peonage's page and index line sent readers to servitude, deprecated in turn for
    forced labor; bondage and serfdom, each deprecated for the other by mistake, sent
    readers round and round."""
    deprecated = "status: deprecated\nreplaced_by: {}\n"
    terms = {
        "peonage": term_yaml("peonage", "Old.", extra=deprecated.format("servitude")),
        "servitude": term_yaml("servitude", "Old.", extra=deprecated.format("forced-labor")),
        "forced-labor": term_yaml("forced labor", "Work under threat."),
        "bondage": term_yaml("bondage", "Old.", extra=deprecated.format("serfdom")),
        "serfdom": term_yaml("serfdom", "Old.", extra=deprecated.format("bondage")),
    }
    options = "rules: {glossary.reference: warning}\nhandouts: false\n"
    config = write_site(tmp_path, pages={"index.md": "# Home\n"}, terms=terms, options=options)
    site = build_site(config, strict=False)
    for term_id, notice in [
        ("peonage", "Do not use this term; use forced labor instead."),
        ("servitude", "Do not use this term; use forced labor instead."),
        ("bondage", "Do not use this term."),
        ("serfdom", "Do not use this term."),
    ]:
        page = read(site, f"glossary/{term_id}/index.html")
        assert notice in " ".join(html_module.unescape(re.sub(r"<[^>]+>", "", page)).split())
    entries = [li.text for li in elements(read(site, "glossary/index.html"), "li")]
    assert [entry for entry in entries if "instead" in entry] == [
        "peonage deprecated: Old. Use forced labor instead.",
        "servitude deprecated: Old. Use forced labor instead.",
    ]


def test_a_page_without_sections_has_no_empty_table_of_contents(tmp_path: Path) -> None:
    """The training index (`modules/`, a title and no section) had Material's
    `<nav aria-label="Table of contents">` with nothing in it: a landmark a screen reader
    lists among the page's, named for contents it does not have (badux). A page with
    sections keeps it, labelled."""
    pages = {"index.md": "# Home\n\nA survivor.\n", "about.md": "# About\n\n## Who\n\nUs.\n"}
    site = _site(tmp_path, pages=pages, theme="material")
    assert elements(read(site, "index.html"), "nav", "md-nav--secondary") == []
    about = elements(read(site, "about/index.html"), "nav", "md-nav--secondary")
    assert about and all("Who" in nav.text for nav in about)
    assert all(nav.attrs.get("aria-label") == "Table of contents" for nav in about)


def test_each_letter_of_the_glossary_links_back_to_the_letters(tmp_path: Path) -> None:
    """Audit: on a phone, after a jump to S, the letter bar was 95,000 px up and the
    table of contents in the drawer. Under each letter's heading, a link back to it."""
    html = read(_site(tmp_path), "glossary/index.html")
    (letters,) = elements(html, "nav", "hb-letters")
    sections = re.split(r'<h2 data-search-exclude id="letter-', html)[1:]
    assert len(sections) >= 4  # A, P, S, V
    for section in sections:
        heading, after = section.split("</h2>", 1)
        back = after.lstrip().split("</p>", 1)[0]
        assert back.startswith('<p class="hb-letters-back" data-search-exclude>'), heading
        assert f'<a href="#{letters.attrs["id"]}">' in back


def test_terms_that_start_with_a_digit_come_last_as_in_the_letter_navigation(
    tmp_path: Path,
) -> None:
    terms = {
        "survivor": term_yaml("survivor", "A person who has experienced trafficking."),
        "24-hour-hotline": term_yaml("24-hour hotline", "A line that answers at any hour."),
    }
    config = write_site(tmp_path, pages={"index.md": "# Home\n"}, terms=terms)
    html = read(build_site(config), "glossary/index.html")
    navigation = [a.attrs["href"] for a in elements(html, "a") if "nav" in a.ancestors]
    sections = re.findall(r'<h2 data-search-exclude id="(letter-[a-z]+)"', html)
    assert navigation == ["#letter-s", "#letter-other"]
    assert sections == ["letter-s", "letter-other"]
    # A screen reader says the "#" link as its section is named, not "number sign".
    labels = [a.attrs.get("aria-label") for a in elements(html, "a") if "nav" in a.ancestors]
    (other,) = (h2.text for h2 in elements(html, "h2") if h2.attrs.get("id") == "letter-other")
    assert labels == ["Terms under S", "Other terms"] and other.startswith("Other")


def test_each_glossary_letter_is_named_for_its_terms_as_the_term_pages_name_it(
    tmp_path: Path,
) -> None:
    """Audit: a screen reader's list of the page's links said "A", "B", "C", with
    nothing to tell what they lead to. Each says it, as a term page's navigation does
    ("Terms under S"), its letter in the name that voice control users say."""
    html = read(_site(tmp_path), "glossary/index.html")
    letters = [a for a in elements(html, "a") if "nav" in a.ancestors]
    assert letters
    for letter in letters:
        assert letter.attrs.get("aria-label") == f"Terms under {letter.text.strip()}"


def test_term_pages_go_from_one_to_the_next_in_the_index_s_order(tmp_path: Path) -> None:
    """Their previous and next pages follow the glossary index, `#` last (found in
    review: they put the terms that start with a digit first)."""
    from helpers_model import load

    from coalition_handbook.site.pages import terms_a_to_z

    handbook, _ = load(
        tmp_path,
        {
            "glossary/survivor.yml": term_yaml("survivor", "A person."),
            "glossary/adult.yml": term_yaml("adult", "A person of 18 or more."),
            "glossary/24-hour-hotline.yml": term_yaml("24-hour hotline", "A line."),
            "glossary/eacute.yml": term_yaml("Élan", "A word."),
        },
    )
    order = [term.id for term in terms_a_to_z(handbook.terms, "en")]
    assert order == ["adult", "eacute", "survivor", "24-hour-hotline"]


# Spanish words with and without ñ, each dated so that the changes page lists them in a day.
SPANISH_TERMS = {
    "nandu": term_yaml("ñandú", "Un ave."),
    "nino": term_yaml("niño", "Una persona menor de edad."),
    "ano": term_yaml("año", "Doce meses."),
    "anuncio": term_yaml("anuncio", "Un aviso."),
}


@pytest.mark.parametrize(
    ("language", "bar", "under_n", "anchors", "letter_title"),
    [
        # Spanish files ñ as a letter after n (RAE): niño before ñandú, anuncio before año.
        (
            "es",
            "LMNÑOP",
            ["niño"],
            ["letter-a", "letter-n", "letter-ntilde"],
            "Terms under Ñ",
        ),
        # Other languages keep the accent-folded A-Z order and anchors.
        ("en", "LMNOP", ["ñandú", "niño"], ["letter-a", "letter-n"], "Terms under N"),
    ],
)
def test_the_glossary_index_files_letters_as_the_sites_language_does(
    tmp_path: Path,
    language: str,
    bar: str,
    under_n: list[str],
    anchors: list[str],
    letter_title: str,
) -> None:
    """Audit: a Spanish site filed `ñandú` under N, before `niño`, and its letter bar had
    no Ñ. The letter bar, the sections, the term pages' place in the index and their
    order, and the changes page follow the site's `theme.language`."""
    config = write_site(
        tmp_path,
        pages={"index.md": "# Inicio\n"},
        terms=SPANISH_TERMS,
        theme="material",
        theme_options=f"language: {language}",
    )
    site = build_site(config)
    html = read(site, "glossary/index.html")

    (letter_bar,) = elements(html, "nav", "hb-letters")
    assert bar in "".join(letter_bar.text.split())
    letter_links, index = html.split('class="hb-letters"', 1)[1].split("</nav>", 1)
    assert [a.attrs["href"] for a in elements(letter_links, "a")] == [f"#{a}" for a in anchors]
    sections = re.findall(r'<h2 data-search-exclude id="(letter-[a-z]+)"', index)
    assert sections == anchors
    names = [a.text for a in elements(index, "a")]
    spanish_order = ["anuncio", "año", "niño", "ñandú"]
    english_order = ["año", "anuncio", "ñandú", "niño"]
    order = spanish_order if language == "es" else english_order
    assert [name for name in names if name in order] == order
    n_section = index.split('id="letter-n"', 1)[1].split("<h2", 1)[0]
    assert [li.text.split(":")[0] for li in elements(n_section, "li")] == under_n

    term = read(site, "glossary/nandu/index.html")
    sidebar = _primary_sidebar(term)
    links = {link.text.strip(): link.attrs for link in elements(sidebar, "a", "md-nav__link")}
    assert links[letter_title]["href"] == f"../#{anchors[-1]}"
    neighbours = [
        (rel, link.text.strip())
        for link in elements(sidebar, "a", "md-nav__link")
        if (rel := link.attrs.get("rel"))
    ]
    if language == "es":  # the last term: niño before it, none after
        assert neighbours == [("prev", "niño")]
    else:
        assert neighbours == [("prev", "anuncio"), ("next", "niño")]
    changes = [a.text for a in elements(read(site, "changes/index.html"), "a")]
    assert [name for name in changes if name in order] == order


def test_term_page_shows_every_part_of_the_term(tmp_path: Path) -> None:
    html = read(_site(tmp_path), "glossary/survivor/index.html")

    assert "<em>experienced</em>" in html  # the definition is rendered as Markdown
    assert "survivor, trafficking survivor" in html
    cells = [cell.text for cell in elements(html, "td")]
    assert "slave" in cells and "Reduces a person to what was done to them." in cells
    assert '<a href="../victim/">victim</a>' in html
    assert '<a href="https://polarisproject.org/">Polaris</a>' in html
    # Languages by name, right-to-left ones marked so (audit: `fa` showed as its code).
    assert '<span lang="es" dir="auto">sobreviviente</span>' in html
    assert '<span lang="fa" dir="rtl">بازمانده</span>' in html
    assert {"Spanish", "Persian", "Chinese (Traditional)"} <= set(cells)
    assert "This is version 2 of the term." in html
    used_on = html.split('id="used-on"')[1].split("<h2")[0]
    assert '<a href="../../">Home</a>' in used_on
    assert '<a href="../../modules/hotel-staff/">Hotel staff</a>' in used_on


def test_protocol_page_numbers_steps_and_links_contacts(tmp_path: Path) -> None:
    html = read(_site(tmp_path), "protocols/hotel/index.html")

    (steps,) = elements(html, "ol")
    assert "Stay safe" in steps.text and "Write down what you saw." in steps.text
    assert html.index("Stay safe") < html.index("Call the hotline")
    assert 'href="tel:+18883737888"' in html
    assert 'href="sms:233733"' in html
    assert "Response committee" in html and "2099-01-01" in html
    assert '<a href="../../modules/hotel-staff/">Hotel staff</a>' in html
    (notice,) = elements(html, "div", "admonition")
    assert notice.attrs["data-review-by"] == "2099-01-01" and "hidden" in notice.attrs


def test_search_finds_a_protocol_by_who_it_is_for_and_its_steps(tmp_path: Path) -> None:
    """A member asks as they would ask a colleague ("I am a nurse", "how do I report"):
    the protocol page's first search entry holds its audience, what it is about and its
    steps, in a field weighed as a title is, which handbook.js reads as one."""
    site = _site(tmp_path, **SEARCHED)
    index = json.loads(read(site, "search/search_index.json"))
    fields = index["config"]["fields"]
    assert fields["handbook_steps"]["boost"] == fields["title"]["boost"]
    steps = {entry["location"]: entry.get("handbook_steps") for entry in index["docs"]}
    assert steps["protocols/hotel/"] == (
        "hotel staff What to do when you suspect trafficking. Stay safe Call the hotline"
    )
    assert [location for location, held in steps.items() if held] == [
        "protocols/hotel/",
        "protocols/old/",
    ]


def test_a_contact_without_a_number_to_dial_is_no_link(tmp_path: Path) -> None:
    """A phone written as an extension alone (`Front desk, ext. 0`) linked `tel:;ext=0`,
    which calls nobody (review): it is text; a number beside it still links."""
    hotel = HOTEL.replace(
        '    text: "233733"\n',
        '    text: "233733"\n  - name: Security\n    phone: "Front desk, ext. 0"\n'
        '    text: "ext 5"\n',
    )
    html = read(_site(tmp_path, protocols={"hotel": hotel}), "protocols/hotel/index.html")
    contacts = html.split('id="contacts"')[1].split("<h2")[0]
    hrefs = [link.attrs["href"] for link in elements(contacts, "a")]
    assert "tel:+18883737888" in hrefs and "sms:233733" in hrefs
    assert not [href for href in hrefs if ":;" in href]
    assert "Front desk, ext. 0" in contacts and "ext 5" in contacts


# Contacts written as the review found them, with the link a phone should dial: an
# extension before its number dialled its digit first (tel:55550100), a short code's
# keyword glued on was dialled too (sms:233733233733), keys' letters with a digit among
# them or apart were left out (tel:18004, tel:1800), and an extension in brackets too.
WRITTEN_CONTACTS = (
    '  - name: Night desk\n    phone: "ext. 5 at 555-0100"\n    text: "233733BEFREE"\n'
    '  - name: Childhelp\n    phone: "1-800-4A-CHILD"\n'
    '  - name: NCMEC\n    phone: "+1 800 THE LOST"\n'
    '  - name: Intake\n    phone: "1-888-373-7888 (ext. 2)"\n'
    '  - name: Shout\n    text: "85258 Shout"\n'
)
DIALLED = {
    "ext. 5 at 555-0100": "tel:5550100;ext=5",
    "233733BEFREE": "sms:233733",
    "1-800-4A-CHILD": "tel:+18004224453",
    "+1 800 THE LOST": "tel:+18008435678",
    "1-888-373-7888 (ext. 2)": "tel:+18883737888;ext=2",
    "85258 Shout": "sms:85258",  # printed "text 85258 Shout": no postal code and city
}


def test_a_contact_s_link_dials_what_a_phone_would(tmp_path: Path) -> None:
    """Each contact's link dials its number as a phone does; its text is as written."""
    hotel = HOTEL.replace('    text: "233733"\n', '    text: "233733"\n' + WRITTEN_CONTACTS)
    public = OPTIONS.replace('"233733"]', '"233733", "555-0100 ext. 5"]')
    site = _site(tmp_path, protocols={"hotel": hotel}, options=public)
    contacts = read(site, "protocols/hotel/index.html").split('id="contacts"')[1].split("<h2")[0]
    links = {link.text: link.attrs["href"] for link in elements(contacts, "a")}
    assert {written: links.get(written) for written in DIALLED} == DIALLED


def test_a_contact_s_link_says_where_it_leads(tmp_path: Path) -> None:
    """A screen reader's list of links read "website, website" (audit): a contact's link
    reads as its address, which the print stylesheet then does not repeat (`hb-url`)."""
    hotel = HOTEL.replace(
        '    text: "233733"\n',
        '    text: "233733"\n    url: https://humantraffickinghotline.org\n'
        "  - name: Blue Campaign\n    url: https://www.dhs.gov/blue_campaign/\n",
    )
    html = read(_site(tmp_path, protocols={"hotel": hotel}), "protocols/hotel/index.html")
    contacts = html.split('id="contacts"')[1].split("<h2")[0]
    links = [
        (link.attrs["href"], link.text, link.attrs.get("class"))
        for link in elements(contacts, "a")
        if link.attrs["href"].startswith("https:")
    ]
    assert links == [
        ("https://humantraffickinghotline.org", "humantraffickinghotline.org", "hb-url"),
        ("https://www.dhs.gov/blue_campaign/", "www.dhs.gov/blue_campaign", "hb-url"),
    ]


def test_a_protocol_carries_its_review_notice_for_the_reader_s_browser_to_show(
    tmp_path: Path,
) -> None:
    """A protocol's page, and its line in the protocols index, carry a hidden "review
    overdue" notice with the review date, which handbook.js shows once that date has
    passed where the page is read (tests/test_browser.py). It is left out of search."""
    site = _site(tmp_path)
    html = read(site, "protocols/old/index.html")

    (banner,) = elements(html, "div", "admonition")
    assert "warning" in banner.attrs["class"].split()
    assert "Review overdue" in banner.text and "2020-01-01" in banner.text
    assert "until its owner (Safety &amp; &lt;Outreach&gt; committee) reviews it" in html
    assert banner.attrs["data-review-by"] == "2020-01-01"
    assert "hidden" in banner.attrs and "data-search-exclude" in banner.attrs
    badges = elements(read(site, "protocols/index.html"), "span", "hb-badge--overdue")
    assert sorted(badge.attrs["data-review-by"] for badge in badges) == ["2020-01-01", "2099-01-01"]
    assert all(badge.text == "review overdue" and "hidden" in badge.attrs for badge in badges)


def test_the_build_s_date_changes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two builds of one commit give the same files (DESIGN section 7), whatever day they
    run: a passed review date is the check's finding, and the reader's browser's notice."""
    sites = []
    # Not before the newest history entry, which would be dated after today (an error).
    for today in ("2026-06-01", "2100-01-01"):
        monkeypatch.setenv("HANDBOOK_TODAY", today)
        sites.append(_site(tmp_path / today))
    files = [
        {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}
        for site in sites
    ]
    assert files[0].keys() == files[1].keys()
    assert [path for path in files[0] if files[0][path] != files[1][path]] == []


def test_module_page_shows_its_facts_and_handout(tmp_path: Path) -> None:
    html = read(_site(tmp_path, options=HANDOUTS), "modules/hotel-staff/index.html")

    (facts,) = elements(html, "div", "admonition")
    for text in ("front desk staff", "45 minutes", "Recognise the signs.", "Report safely."):
        assert text in facts.text
    assert '<a href="../../protocols/hotel/">Hotel employee</a>' in html
    assert 'href="../../handouts/hotel-staff.pdf"' in html
    assert html.index("<h1") < html.index("About this module")
    # For trainers, whether or not the module.readability rule is on (it is off here).
    (grade,) = re.findall(r"Reading grade: (\d+\.\d) \(Flesch-Kincaid\)", facts.text)
    assert 0 < float(grade) < 20


@pytest.mark.parametrize(
    ("language", "graded"), [("de", False), ("es", False), ("en-GB", True), ("en", True)]
)
def test_a_module_shows_its_reading_grade_only_in_an_english_site(
    tmp_path: Path, language: str, graded: bool
) -> None:
    """Flesch-Kincaid counts English syllables: a German module's compound words made its
    plain text "above grade 8" (found in an audit). A site in another language (Material's
    `theme.language`) shows no grade; an English one, of any region, does."""
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n", "modules/hotel-staff.md": MODULE},
        terms=TERMS,
        protocols={"hotel": HOTEL},
        options=OPTIONS,
    )
    config.write_text(
        config.read_text("utf-8").replace(
            "theme: {name: mkdocs}", f"theme: {{name: mkdocs, language: {language}}}"
        ),
        "utf-8",
    )
    html = read(build_site(config), "modules/hotel-staff/index.html")
    (facts,) = elements(html, "div", "admonition")
    assert "45 minutes" in facts.text
    assert ("Reading grade:" in facts.text) is graded


# The plugin's own English on each generated page (and the 404 page): in a site of
# another language, each is marked `lang="en"`.
ENGLISH_LABELS = {
    "glossary/survivor/index.html": {
        *("Use:", "Forms to avoid", "Avoid", "Why", "Related terms", "Sources"),
        *("Translations", "Language", "Term", "Spanish", "Used on", "Version and history"),
        *("This is version 2 of the term.", "Version", "Date", "Change"),
    },
    "glossary/advocate/index.html": {
        "Proposed term",
        "This term is proposed: it is under review and its wording may still change.",
        "No page of the handbook uses this term yet.",
    },
    "glossary/prostitute/index.html": {
        *("Deprecated term", "Do not use this term; use", "instead.", "Forms:"),
        "No page of the handbook uses this term.",
    },
    "glossary/index.html": {"Glossary", "proposed", "deprecated", "Use", "instead."},
    "protocols/index.html": {
        *("Protocols", "For:", "Version 1, review by 2020-01-01", "review overdue"),
        "What to do, step by step. Each protocol says who owns it and when it is next reviewed.",
    },
    "protocols/old/index.html": {
        "Review overdue",
        "This protocol was due for review on 2020-01-01. It stays in force until its owner",
        "reviews it; check with them if a step looks out of date.",
        *("Owner:", "For:", "Effective:", "Review by:", "Version:", "Steps", "Contacts"),
        *("call", "text", "This is version 1 of the protocol."),
    },
    "protocols/hotel/index.html": {"Training", "Taught in:"},
    "modules/index.html": {"Training", "Each module follows Realize, Recognize, Respond.", "for"},
    "modules/hotel-staff/index.html": {
        *("About this module", "For:", "Duration:", "Version:", "Protocols:"),
        *("Objectives.", "After this module you can:"),
    },
    "changes/index.html": {
        *("Changes", "Every change to a term, protocol or training module, newest first."),
        *("April 2026", "Date", "What", "Change", "Module:", "Term:", "version 1"),
    },
    "404.html": {"Page not found"},
}


def _marked_english(html: str) -> set[str]:
    return {element.text for element in elements(html, "span") if element.attrs.get("lang") == "en"}


@pytest.mark.parametrize("language", ["es", "de", "en"])
def test_the_plugins_english_labels_are_marked_english_only_in_a_site_of_another_language(
    tmp_path: Path, language: str
) -> None:
    """A Spanish site's pages are `lang="es"`: the labels the plugin writes in English
    ("Forms to avoid", "Duration") were spoken by a screen reader with Spanish
    pronunciation. They are marked English there, and only they: never a value of the
    handbook's (an owner, a duration, a translation). An English site's pages are as
    they were, with no mark."""
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\nA survivor.\n", "modules/hotel-staff.md": MODULE},
        terms=TERMS,
        protocols={"hotel": HOTEL, "old": OVERDUE},
        options=OPTIONS,
        theme="material",
        theme_options=f"language: {language}",
    )
    site = build_site(config)
    for path, labels in ENGLISH_LABELS.items():
        marked = _marked_english(read(site, path))
        if language.startswith("en"):
            assert not marked, path
            continue
        assert labels <= marked, (path, labels - marked)
        handbook_values = {"sobreviviente", "45 minutes", "front desk staff", "Response committee"}
        assert not any(value in text for value in handbook_values for text in marked), path
        assert not any("Outreach" in text for text in marked), path


def test_a_module_without_a_title_line_skips_to_its_title_above_its_facts(
    tmp_path: Path,
) -> None:
    """A module whose Markdown has no `# Title` (the shipped ones): the theme wrote its own
    heading, without an id, and "Skip to content" went to the first section, past the
    facts' protocol and handout links (audit). The module's title is its heading now."""
    untitled = MODULE.replace("# Hotel staff\n\n", "")
    pages = {"index.md": "# Home\n", "modules/hotel-staff.md": untitled}
    site = _site(tmp_path, pages=pages, **SEARCHED)
    html = read(site, "modules/hotel-staff/index.html")

    assert re.findall(r'<a href="([^"]*)" class="md-skip"', html) == ["#hotel-staff"]
    assert len(re.findall(r"<h1\b", html)) == 1
    assert html.index('<h1 id="hotel-staff">Hotel staff') < html.index("About this module")
    assert "<title>Hotel staff - " in html
    # The page's contents (in the sidebar and the drawer): its sections, not its title.
    for contents in elements(html, "nav", "md-nav--secondary"):
        assert "Realize" in contents.text and "Hotel staff" not in contents.text


def test_a_module_is_graded_once_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grade is kept in the cache: a rebuild neither grades the module again nor
    imports textstat."""
    from coalition_handbook.rules import module_readability

    graded: list[str] = []
    grade = module_readability.reading_grade

    def counted(module: object, **options: bool) -> float:
        graded.append(module.id)  # type: ignore[attr-defined]
        return grade(module, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(module_readability, "reading_grade", counted)
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n", "modules/hotel-staff.md": MODULE},
        terms=TERMS,
        protocols={"hotel": HOTEL},
        options=OPTIONS,
    )
    first = read(build_site(config), "modules/hotel-staff/index.html")
    second = read(build_site(config), "modules/hotel-staff/index.html")
    assert graded == ["hotel-staff"]
    assert "Reading grade:" in second and second == first
    module = tmp_path / "content" / "modules" / "hotel-staff.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nOne more sentence.\n")
    build_site(config)
    assert graded == ["hotel-staff", "hotel-staff"]


@pytest.mark.pdf
@pytest.mark.parametrize("url_style", ["", "use_directory_urls: false\n"])
def test_a_page_may_link_to_a_handout(tmp_path: Path, url_style: str) -> None:
    """A strict build checks the link and writes it relative to the page, as for any
    file; the PDF written is the handout, not the stand-in the link was checked against."""
    try:
        handout_render.load_weasyprint()
    except HandoutsUnavailable as error:
        require_or_skip(False, str(error))
    pages = {
        "index.md": "# Home\n\nThe [handout](handouts/hotel-staff.pdf).\n",
        "training/plan.md": "# Plan\n\nThe [handout](../handouts/hotel-staff.pdf).\n",
        "modules/hotel-staff.md": MODULE,
    }
    site = _site(tmp_path, pages=pages, options=HANDOUTS, extra_config=url_style)
    plan = "training/plan.html" if url_style else "training/plan/index.html"
    expected = "../handouts/hotel-staff.pdf" if url_style else "../../handouts/hotel-staff.pdf"
    assert 'href="handouts/hotel-staff.pdf"' in read(site, "index.html")
    assert f'href="{expected}"' in read(site, plan)
    assert (site / "handouts" / "hotel-staff.pdf").read_bytes().startswith(b"%PDF-")


def test_a_handout_that_could_not_be_made_leaves_no_empty_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stand-in a page's link was checked against never reaches the site, and the
    link to it is its text, saying the handout is not in this build."""

    def unavailable() -> None:
        raise HandoutsUnavailable("no Pango here")

    monkeypatch.setattr(handout_render, "load_weasyprint", unavailable)
    monkeypatch.delenv("CI", raising=False)  # under CI=true a missing PDF fails the build
    pages = {"index.md": "# Home\n\nThe [handout](handouts/hotel-staff.pdf).\n",
             "modules/hotel-staff.md": MODULE}  # fmt: skip
    site = _site(tmp_path, pages=pages, options=HANDOUTS)
    home = read(site, "index.html")
    assert 'href="handouts/hotel-staff.pdf"' not in home
    assert "handout (no PDF in this build of the site)" in home
    assert not (site / "handouts" / "hotel-staff.pdf").exists()


def test_a_module_the_site_leaves_out_is_listed_linked_and_printed_nowhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trainer audit: a draft module left out with `exclude_docs` had its handout
    published, and the training index, its protocol's page and changes/ linked to its
    page, which is not there (MkDocs says so only as INFO: `--strict` passed). A page's
    link to its handout is its text, as to one this build cannot publish."""
    monkeypatch.setattr(
        handout_render, "render_pdf", lambda content, **_: b"%PDF-1.7 " + content.module.id.encode()
    )
    draft = MODULE.replace("Hotel staff", "Night shift draft").replace("First taught", "Drafted")
    pages = {
        "index.md": "# Home\n\nThe [draft's handout](handouts/night-shift.pdf).\n",
        "modules/hotel-staff.md": MODULE,
        "modules/night-shift.md": draft,
    }
    site = _site(
        tmp_path,
        pages=pages,
        options=HANDOUTS,
        extra_config="exclude_docs: |\n  modules/night-shift.md\n",
    )
    assert sorted(path.name for path in (site / "handouts").iterdir()) == ["hotel-staff.pdf"]
    for page in ("modules/index.html", "protocols/hotel/index.html", "changes/index.html"):
        html = read(site, page)
        assert "Hotel staff" in html, page
        assert "night-shift" not in html and "Night shift" not in html, page
        assert "Drafted" not in html, page
    home = read(site, "index.html")
    assert "night-shift.pdf" not in home
    assert "draft's handout (no PDF in this build of the site)" in home


def test_with_handouts_off_a_link_to_a_handout_is_its_text(tmp_path: Path) -> None:
    """Audit: with `handouts: false` such a link led to a file the site does not have
    (MkDocs warned, and `--strict` failed); the same link when WeasyPrint is missing is
    its text, saying the handout is not in this build. A PDF of docs_dir stays linked."""
    pages = {
        "index.md": "# Home\n\nThe [handout](handouts/hotel-staff.pdf), [ours](handouts/own.pdf)\n",
        "modules/hotel-staff.md": MODULE,
    }
    config_file = write_site(
        tmp_path, pages=pages, terms=TERMS, protocols={"hotel": HOTEL}, options=OPTIONS
    )
    (tmp_path / "content" / "handouts").mkdir()
    (tmp_path / "content" / "handouts" / "own.pdf").write_bytes(b"%PDF-1.7 a file of ours")
    site = build_site(config_file)  # strict: no warning
    home = read(site, "index.html")
    assert 'href="handouts/hotel-staff.pdf"' not in home
    assert "handout (no PDF in this build of the site)" in home
    assert 'href="handouts/own.pdf"' in home
    assert not (site / "handouts" / "hotel-staff.pdf").exists()
    assert "hb-handout" not in read(site, "modules/hotel-staff/index.html")


def test_a_pdf_of_docs_dir_at_a_handout_s_path_is_named_as_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The module's handout is written over the copy of a PDF of docs_dir at its path:
    the build said nothing (review). It warns, naming the file, so --strict fails."""
    monkeypatch.setattr(handout_render, "load_weasyprint", _no_weasyprint)
    monkeypatch.delenv("CI", raising=False)  # the PDF itself is not what is tested
    config_file = write_site(
        tmp_path,
        pages={"index.md": "# Home\n", "modules/hotel-staff.md": MODULE},
        terms=TERMS,
        protocols={"hotel": HOTEL},
        options=HANDOUTS,
    )
    (tmp_path / "content" / "handouts").mkdir()
    (tmp_path / "content" / "handouts" / "hotel-staff.pdf").write_bytes(b"%PDF-1.7 ours")
    with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises(Abort):
        build_site(config_file, strict=True)
    assert any(
        record.getMessage().startswith(
            "content/handouts/hotel-staff.pdf: the handout of module 'hotel-staff' is "
            "published at handouts/hotel-staff.pdf in its place"
        )
        for record in caplog.records
    ), [record.getMessage() for record in caplog.records]


def _no_weasyprint() -> None:
    raise HandoutsUnavailable("no Pango here")


def test_handout_link_follows_the_url_style(tmp_path: Path) -> None:
    site = _site(tmp_path, options=HANDOUTS, extra_config="use_directory_urls: false\n")
    html = read(site, "modules/hotel-staff.html")
    assert 'href="../handouts/hotel-staff.pdf"' in html


@pytest.mark.parametrize(
    ("url_style", "term_path", "links"),
    [
        (
            "",
            "glossary/survivor/index.html",
            [
                *("../..", "../../protocols/", "../", "../#letter-s", "../prostitute/"),
                *("./", "../victim/", "../../modules/", "../../about/", "../../changes/"),
            ],
        ),
        (
            "use_directory_urls: false\n",
            "glossary/survivor.html",
            [
                *("../index.html", "../protocols/index.html", "index.html"),
                *("index.html#letter-s", "prostitute.html", "survivor.html", "victim.html"),
                *("../modules/index.html", "../about.html", "../changes.html"),
            ],
        ),
    ],
)
def test_a_term_page_has_materials_header_and_a_compact_sidebar(
    tmp_path: Path, url_style: str, term_path: str, links: list[str]
) -> None:
    pages = {"index.md": "# Home\n", "about.md": "# About\n", "modules/hotel-staff.md": MODULE}
    site = _site(tmp_path, pages=pages, extra_config=url_style, **SEARCHED)
    term = read(site, term_path)
    home = read(site, "index.html")

    sidebar = _primary_sidebar(term)
    assert [link.attrs["href"] for link in _navigation_links(sidebar)] == links
    titles = [link.text.strip() for link in _navigation_links(sidebar)]
    # A deprecated neighbour says so, as the glossary index does (its badge's word, then
    # in brackets for a screen reader alone)
    assert titles[2:7] == [
        "Glossary",
        "Terms under S",
        "prostituted person deprecated(deprecated)",
        "survivor",
        "victim",
    ]
    # The navigation's top level, as the other pages show it, but not the whole tree: no
    # module's page under Training.
    assert titles[7:] == ["Training", "About", "Changes"]
    assert "About" in _primary_sidebar(home)
    assert "Hotel" not in sidebar and "Hotel" in _primary_sidebar(home)
    assert elements(term, "header", "md-header") and elements(term, "input", "md-search__input")
    (toc,) = elements(term.split("md-sidebar--secondary", 1)[1], "nav", "md-nav--secondary")
    assert "Related terms" in toc.text
    # The page's contents in the sidebar too, as Material's navigation gives the page shown
    # (its drawer shows them in a narrow window, where the contents beside the page are
    # hidden): a term page's were out of reach there (audit).
    (toggle,) = elements(sidebar, "input", "md-nav__toggle")
    assert toggle.attrs["id"] == "__toc"
    (opener,) = [label for label in elements(sidebar, "label") if label.attrs.get("for") == "__toc"
                 and "md-nav__link" in label.attrs.get("class", "")]  # fmt: skip
    assert opener.text.strip() == "survivor"
    (own_toc,) = elements(sidebar, "nav", "md-nav--secondary")
    assert own_toc.text.split() == toc.text.split()
    assert "ul" in own_toc.ancestors and "li" in own_toc.ancestors


def test_a_term_pages_sidebar_follows_the_authors_nav(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n", "about.md": "# About\n"}
    nav = "nav:\n  - Home: index.md\n  - About us: about.md\n  - Words: glossary/index.md\n"
    site = _site(tmp_path, pages=pages, extra_config=nav, **SEARCHED)
    sidebar = _primary_sidebar(read(site, "glossary/survivor/index.html"))
    titles = [link.text.strip() for link in elements(sidebar, "a", "md-nav__link")]
    assert titles[:4] == ["Home", "About us", "Words", "Terms under S"]
    assert "Protocols" not in titles and "Changes" not in titles


def test_a_term_pages_place_goes_under_the_section_that_holds_the_glossary(
    tmp_path: Path,
) -> None:
    pages = {"index.md": "# Home\n", "about.md": "# About\n"}
    nav = (
        "nav:\n  - Home: index.md\n  - Reference:\n      - about.md\n"
        "      - Glossary: glossary/index.md\n"
        "  - Links:\n      - Polaris: https://polarisproject.org/\n"
    )
    site = _site(tmp_path, pages=pages, extra_config=nav, **SEARCHED)
    sidebar = _primary_sidebar(read(site, "glossary/survivor/index.html"))
    titles = [link.text.strip() for link in _navigation_links(sidebar)]
    # A section without an index page is a heading over its entries (see the next test).
    assert titles[:4] == ["Home", "About", "Glossary", "Terms under S"]
    assert titles[-1] == "Polaris"  # a section of links only, as the other pages show it
    assert _section_headings(sidebar) == ["Reference", "Links"]


def test_a_term_pages_sidebar_shows_a_section_as_the_other_pages_do(tmp_path: Path) -> None:
    """A section led to its first page by the section's name: "Coalition" opened "Member
    sectors", and its other pages were not there (audit). A section with an index page
    leads there (the protocols' index, the glossary's, the training's), by the section's
    name; any other is a heading over its pages, as the theme shows it on the other
    pages. Its heading is no link, nor a stop for Tab."""
    pages = {
        "index.md": "# Home\n",
        "coalition/member-sectors.md": "# Member sectors\n",
        "coalition/propose-a-change.md": "# Propose a change\n",
        "coalition/what-is-a-coalition.md": "# What is a coalition?\n",
        "resources/index.md": "# Resources\n",
        "resources/hotlines.md": "# Hotlines\n",
        "modules/hotel-staff.md": MODULE,
    }
    site = _site(tmp_path, pages=pages, **SEARCHED)
    sidebar = _primary_sidebar(read(site, "glossary/survivor/index.html"))
    links = {link.text.strip(): link.attrs["href"] for link in _navigation_links(sidebar)}
    assert _section_headings(sidebar) == ["Coalition"]
    assert "Coalition" not in links
    assert [title for title in links if title in COALITION_PAGES] == list(COALITION_PAGES)
    assert links["Member sectors"] == "../../coalition/member-sectors/"
    assert links["What is a coalition?"] == "../../coalition/what-is-a-coalition/"
    # Sections with an index page lead there, and list no other page of theirs.
    assert links["Resources"] == "../../resources/"
    assert links["Protocols"] == "../../protocols/"
    assert links["Training"] == "../../modules/"
    assert "Hotlines" not in links and "Hotel staff" not in links
    (heading,) = elements(sidebar, "span", "hb-term-nav__heading")
    assert "a" not in heading.ancestors and "tabindex" not in heading.attrs
    # The pages under it, a list in its item, as the term's place is under the Glossary.
    for title in COALITION_PAGES:
        (item,) = [link for link in _navigation_links(sidebar) if link.text.strip() == title]
        assert item.ancestors.count("ul") == 2, item.ancestors


def test_a_term_pages_sidebar_shows_a_large_section_as_one_link(tmp_path: Path) -> None:
    """Every term page repeated every entry of every section: 2,000 term pages and a
    section of 200 made a site of 195 MB, 50 KB of each 74 KB term page its sidebar
    (audit). A section of more than twelve entries without an index page is one link,
    by its name, to its first page (whose own sidebar, the theme's, lists the section);
    a small one is still a heading over its pages, the term's place under the Glossary."""
    pages = {
        "index.md": "# Home\n",
        **{f"guide/step-{number:02d}.md": f"# Step {number}\n" for number in range(30)},
        **{f"coalition/{name}.md": f"# {name.title()}\n" for name in ("members", "minutes")},
        "modules/hotel-staff.md": MODULE,
    }
    site = _site(tmp_path, pages=pages, **SEARCHED)
    term = read(site, "glossary/survivor/index.html")
    sidebar = _primary_sidebar(term)
    links = [(link.text.strip(), link.attrs["href"]) for link in _navigation_links(sidebar)]
    assert ("Guide", "../../guide/step-00/") in links
    assert not [title for title, _ in links if title.startswith("Step")]
    assert _section_headings(sidebar) == ["Coalition"]
    assert ("Members", "../../coalition/members/") in links
    titles = [title for title, _ in links]
    assert titles[titles.index("Glossary") + 1 : titles.index("Glossary") + 3] == [
        "Terms under S",
        "prostituted person deprecated(deprecated)",
    ]
    # The section's first page lists the section, as the theme shows it.
    first = _primary_sidebar(read(site, "guide/step-00/index.html"))
    assert "Step 29" in first
    # The 404 page lists the same main pages.
    not_found = read(site, "404.html").split('class="hb-not-found"', 1)[1]
    assert ">Guide</a>" in not_found and "Step 1" not in not_found
    assert ">Members</a>" in not_found


def test_a_term_pages_sidebar_folds_a_long_run_of_top_level_pages(tmp_path: Path) -> None:
    """A `nav` of pages side by side put every one of them on every term page (200
    pages, 2,000 terms: audit). More than twelve are one link, named by the first and
    the last, to the first, whose own sidebar lists them all; the home page and the
    Glossary, the term's place under it, stay as they were."""
    steps = {f"step-{number:02d}.md": f"# Step {number}\n" for number in range(20)}
    nav = "".join(f"  - {name}\n" for name in steps)
    pages = {"index.md": "# Home\n", **steps, "modules/hotel-staff.md": MODULE}
    site = _site(
        tmp_path,
        pages=pages,
        extra_config=f"nav:\n  - index.md\n{nav}  - glossary/index.md\n",
        **SEARCHED,
    )
    term = read(site, "glossary/survivor/index.html")
    links = [
        (" ".join(link.text.split()), link.attrs["href"])
        for link in _navigation_links(_primary_sidebar(term))
    ]
    assert links[:4] == [
        ("Home", "../.."),
        ("Step 0 \N{EN DASH} Step 19", "../../step-00/"),
        ("Glossary", "../"),
        ("Terms under S", "../#letter-s"),
    ]
    assert not [title for title, _ in links if title.startswith("Step 1")]
    # A screen reader is told the link stands for the twenty (session 53), its visible
    # words first; no other link has a name but its text.
    named = {
        " ".join(link.text.split()): link.attrs.get("aria-label")
        for link in _navigation_links(_primary_sidebar(term))
    }
    assert {title: name for title, name in named.items() if name} == {
        "Step 0 \N{EN DASH} Step 19": "Step 0 \N{EN DASH} Step 19, 20 pages"
    }
    # The page the link leads to lists every page it stands for, as the theme does.
    first = _navigation_links(_primary_sidebar(read(site, "step-00/index.html")))
    shown = {" ".join(link.text.split()) for link in first}
    assert {f"Step {number}" for number in range(20)} <= shown
    not_found = read(site, "404.html").split('class="hb-not-found"', 1)[1]
    assert ">Step 0 \N{EN DASH} Step 19</a>" in not_found and ">Step 7<" not in not_found
    assert not_found.count("aria-label=") == 1
    assert 'aria-label="Step 0 \N{EN DASH} Step 19, 20 pages"' in not_found


COALITION_PAGES = ("Member sectors", "Propose a change", "What is a coalition?")


def _section_headings(sidebar: str) -> list[str]:
    return [
        " ".join(span.text.split()) for span in elements(sidebar, "span", "hb-term-nav__heading")
    ]


def test_each_term_page_heads_with_its_own_title(tmp_path: Path) -> None:
    """Material's header is rendered once for all term pages; each shows its own title."""
    site = _site(tmp_path, **SEARCHED)
    for term_id, title in (
        ("survivor", "survivor"),
        ("victim", "victim"),
        ("prostitute", "prostituted person"),
    ):
        html = read(site, f"glossary/{term_id}/index.html")
        topics = elements(html, "div", "md-header__topic")
        assert [topic.text.strip() for topic in topics] == ["Tiny handbook", title]
        assert f"<title>{title} - Tiny handbook</title>" in html


def test_markup_in_a_term_or_protocol_title_is_text_in_every_part_of_the_page(
    tmp_path: Path,
) -> None:
    """Found by fuzzing: Material writes a page's title into `<title>`, its header and
    the navigation as HTML, and its description into an attribute, as they are."""
    terms = {
        **TERMS,
        # The checks refuse `<` and `>` in a form: an entity written out is what is left.
        "odd": term_yaml(
            "odd &lt;img src=x onerror=alert(1)&gt; x",
            'Called "odd" & <b>bold</b>. More. <script>alert(3)</script>',
        ),
    }
    protocols = {"hotel": protocol_yaml("<script>alert(2)</script> Hotel")}
    site = _site(tmp_path, terms=terms, protocols=protocols, **SEARCHED)
    for path in ("glossary/odd/index.html", "protocols/hotel/index.html", "index.html"):
        html = read(site, path)
        assert "<img src=x" not in html and "<script>alert" not in html, path
    term_page = read(site, "glossary/odd/index.html")
    assert "<title>odd &amp;lt;img src=x onerror=alert(1)&amp;gt; x - Tiny handbook</title>" in (
        term_page
    )
    # The definition's own tags are text on its page too (DESIGN section 11).
    assert "&lt;b&gt;bold&lt;/b&gt;. More. &lt;script&gt;alert(3)&lt;/script&gt;" in term_page
    (description,) = [
        meta.attrs["content"]
        for meta in elements(term_page, "meta")
        if meta.attrs.get("name") == "description"
    ]
    assert description == 'Called "odd" & <b>bold</b>.'  # as typed, as in its tooltips


# A written short with what the site's extensions below read as syntax: shown as typed.
SYNTAX_SHORT = (
    "Work ==compelled== by ~~debt~~, ^^force^^ or ++ctrl+c++ -- \"fraud\" and 'lies'... "
    "(c) see https://example.org, *not* `code` <b>x</b>."
)


def test_the_glossary_index_shows_a_written_short_as_its_tooltips_do(tmp_path: Path) -> None:
    """A written `short` is plain text: the tooltips and the page's description show it
    as typed, but the glossary index read it as Markdown with the site's extensions
    (`==compelled==` marked, smarty's curly quotes, magiclink's links: audit)."""
    terms = {
        "labor": term_yaml(
            "forced labor", "Work compelled by force.", extra=f"short: {json.dumps(SYNTAX_SHORT)}\n"
        )
    }
    extra = (
        "markdown_extensions: [pymdownx.mark, pymdownx.tilde, pymdownx.caret, pymdownx.keys,"
        " smarty, pymdownx.smartsymbols, pymdownx.magiclink]\n"
    )
    pages = {"index.md": "# Home\n\nForced labor here.\n"}
    site = _site(tmp_path, pages=pages, terms=terms, protocols={}, extra_config=extra)
    (tooltip,) = [a.attrs["title"] for a in elements(read(site, "index.html"), "a", "hb-term")]
    assert tooltip == SYNTAX_SHORT
    index = read(site, "glossary/index.html")
    (line,) = [li for li in elements(index, "li") if li.text.startswith("forced labor")]
    assert line.text == f"forced labor: {SYNTAX_SHORT}"
    for tag in ("<mark>", "<del>", "<ins>", 'class="keys"', "<em>", "<code>", "<b>", "&ldquo;"):
        assert tag not in index
    assert 'href="https://example.org"' not in index


def test_a_term_s_name_and_forms_are_text_with_the_sites_extensions(tmp_path: Path) -> None:
    """A term's name is plain text: with pymdownx.mark on, `==x== work` was `<mark>x</mark>
    work` in its page's heading and forms, the glossary index and the changes page (and
    H~2~O's 2 a subscript, ++ctrl++ a key)."""
    terms = {
        "marked": term_yaml(
            "==x== work", "Work that is marked.", extra='aliases: [H~2~O, "++ctrl++ a^b^"]\n'
        )
    }
    extra = "markdown_extensions: [pymdownx.mark, pymdownx.tilde, pymdownx.caret, pymdownx.keys]\n"
    pages = {"index.md": "# Home\n\nText.\n"}
    site = _site(tmp_path, pages=pages, terms=terms, extra_config=extra)
    term_page = read(site, "glossary/marked/index.html")
    (heading,) = elements(term_page, "h1")
    assert heading.text == "==x== work"
    assert "Use: ==x== work, H~2~O, ++ctrl++ a^b^" in [p.text for p in elements(term_page, "p")]
    index = read(site, "glossary/index.html")
    assert "==x== work" in [link.text for link in elements(index, "a")]
    changes = read(site, "changes/index.html")
    assert "==x== work" in [link.text for link in elements(changes, "a")]
    for html in (term_page, index, changes):
        for tag in ("<mark>", "<sub>", "<sup>", "<del>", "<ins>", 'class="keys"'):
            assert tag not in html


# Term names that smarty, smartsymbols, emoji and arithmatex read as syntax.
TYPOGRAPHY_NAMES = {"clause": "(c) clause", "dashed": "--x--", "smile": "the :smile: policy"}


def test_a_term_s_name_is_text_with_typography_emoji_and_math_on(tmp_path: Path) -> None:
    """A term's name in its page's heading and title, the glossary index and the changes
    page is shown as typed: with smarty, smartsymbols, emoji and
    arithmatex on, `(c) clause` was `© clause`, `--x--` `–x–`, `:smile: policy` an
    image and `$x$ rule` TeX (review)."""
    names = {**TYPOGRAPHY_NAMES, "math": "$x$ rule", "web": "www.example.org rule"}
    names |= {"mention": "@someone", "issue": "Room #1"}
    terms = {term_id: term_yaml(name, "A rule.") for term_id, name in names.items()}
    # magiclink linked a name's address, mention or issue number (review, session 60).
    extra = (
        "markdown_extensions: [smarty, pymdownx.smartsymbols, pymdownx.emoji,"
        " {pymdownx.arithmatex: {generic: true}}, {pymdownx.magiclink:"
        " {repo_url_shorthand: true, social_url_shorthand: true, provider: github,"
        " user: coalition, repo: handbook}}]\n"
    )
    # Each heading's id is the slug of the name as typed (decided in review, session 60).
    anchors = {"clause": "c-clause", "dashed": "-x-", "smile": "the-smile-policy"}
    anchors |= {"math": "x-rule", "web": "wwwexampleorg-rule", "mention": "someone"}
    anchors |= {"issue": "room-1"}
    pages = {"index.md": "# Home\n\nText.\n"}
    site = _site(tmp_path, pages=pages, terms=terms, protocols={}, extra_config=extra)
    index = read(site, "glossary/index.html")
    changes = read(site, "changes/index.html")
    for term_id, name in names.items():
        term_page = read(site, f"glossary/{term_id}/index.html")
        (heading,) = elements(term_page, "h1")
        assert heading.text == name
        assert heading.attrs["id"] == anchors[term_id]
        assert name in elements(term_page, "title")[0].text
        assert name in [link.text for link in elements(index, "a")]
        assert name in [link.text for link in elements(changes, "a")]
    for html in (index, changes, *(read(site, f"glossary/{i}/index.html") for i in names)):
        for made in ("&copy;", "&ndash;", "<img", "arithmatex", "magiclink"):
            assert made not in html


def test_a_link_saved_to_a_heading_s_earlier_id_still_leads_to_the_name(tmp_path: Path) -> None:
    """With smarty, smartsymbols or emoji on, a name's heading id was the slug of what
    they showed before session 60 (`(c) clause` was `#clause`, `--x--` `#x`); it is the
    slug of the name as typed now (`#c-clause`), and a member's saved link to the earlier
    one led to the page's top (review, session 60). The page keeps the earlier id on an
    element just before the heading, a protocol's as a term's; a page's link to it
    passes MkDocs' anchor check under --strict; a name whose id is the same keeps one."""
    names = {**TYPOGRAPHY_NAMES, "plain": "safety plan", "math": "$x$ rule"}
    terms = {term_id: term_yaml(name, "A rule.") for term_id, name in names.items()}
    earlier = {"clause": "clause", "dashed": "x", "smile": "the-policy"}
    links = "".join(f"[{i}](glossary/{i}.md#{anchor}) " for i, anchor in earlier.items())
    pages = {"index.md": f"# Home\n\n{links}[p](protocols/care.md#care-plan)\n"}
    extra = (
        "markdown_extensions: [smarty, pymdownx.smartsymbols, pymdownx.emoji,"
        " {pymdownx.arithmatex: {generic: true}}]\nvalidation: {anchors: warn}\n"
    )
    protocols = {"care": protocol_yaml("(c) care plan")}
    site = _site(tmp_path, pages=pages, terms=terms, protocols=protocols, extra_config=extra)
    for path, anchor in [
        *((f"glossary/{term_id}/index.html", anchor) for term_id, anchor in earlier.items()),
        ("protocols/care/index.html", "care-plan"),
    ]:
        before_heading = read(site, path).split("<h1", 1)[0].rstrip()
        assert before_heading.endswith(f'<div id="{anchor}"></div>'), (path, before_heading)
    for term_id in ("plain", "math"):  # the same id then and now: no element more
        before_heading = read(site, f"glossary/{term_id}/index.html").split("<h1", 1)[0]
        assert not before_heading.rstrip().endswith("</div>"), term_id


def test_a_history_summary_links_no_term_as_used_on_leaves_it_out(tmp_path: Path) -> None:
    """A history summary is a record, no use of a term: "Used on" leaves it out, and the
    history tables of the term pages, the protocol pages and the changes page linked its
    terms ("First approved at the coalition's meeting" linked coalition on every term).
    A phone number in it is tapped all the same."""
    history = (
        "history:\n  - version: 2\n    date: 2026-02-01\n"
        "    summary: Agreed with the widget group, 1-888-373-7888.\n"
        "  - version: 1\n    date: 2026-01-01\n    summary: First approved.\n"
    )
    terms = {
        "gadget": f"term: gadget\nversion: 2\ndefinition: A device.\n{history}",
        "widget": term_yaml("widget", "A tool."),
    }
    protocol = protocol_yaml(
        "Hotel",
        history="  - version: 1\n    date: 2026-01-01\n"
        "    summary: Agreed with the widget group, 1-888-373-7888.\n",
    )
    pages = {"index.md": "# Home\n\nText.\n"}
    site = _site(tmp_path, pages=pages, terms=terms, protocols={"hotel": protocol})
    for path in ("glossary/gadget/index.html", "changes/index.html", "protocols/hotel/index.html"):
        html = read(site, path)
        assert "Agreed with the widget group, " in html, path
        assert "widget" not in [link.attrs["data-term"] for link in term_links(html)], path
        assert 'href="tel:+18883737888">1-888-373-7888</a>.' in html, path  # its number is
    used_on = read(site, "glossary/widget/index.html").split('id="used-on"')[1]
    assert "No page of the handbook uses this term yet." in used_on.split("</p>")[0]


MODULE_TITLE = 'Police & "shelters" <img src=x onerror=alert(1)></script><script>alert(2)</script>'
MODULE_SUBTITLE = "<img src=y onerror=alert(3)> & co"
MODULE_DESCRIPTION = 'For "staff"><img src=z onerror=alert(4)> & co'
PAGE_TITLE = "Hotels & <b>'motels'</b> <script>alert(5)</script>"


def _text(value: str) -> str:
    return " ".join(value.split())


def test_markup_in_a_module_s_or_page_s_front_matter_is_text_on_every_page(
    tmp_path: Path,
) -> None:
    """Found by the security audit: Material prints a page's front matter `title` (in
    `<title>`, its header, the navigation, the tabs, the footer), `subtitle` (the
    navigation) and `description` (`<meta content>`) as they are, so a module's title ran
    script on every page whose navigation lists it and on the 404 page. They are text, read
    as typed, and the footer's aria-labels and the search index hold no `&amp;amp;`."""
    module = MODULE.replace(
        "title: Hotel staff\n",
        f"title: {json.dumps(MODULE_TITLE)}\nsubtitle: {json.dumps(MODULE_SUBTITLE)}\n"
        f"description: {json.dumps(MODULE_DESCRIPTION)}\n",
    ).replace("# Hotel staff\n\n", "")
    about = f"---\ntitle: {json.dumps(PAGE_TITLE)}\n---\n\nText of the page.\n"
    config = write_site(
        tmp_path,
        pages={
            "index.md": "# Home\n\nA survivor.\n",
            "about.md": about,
            "modules/hotel-staff.md": module,
        },
        terms=TERMS,
        protocols={"hotel": HOTEL},
        **SEARCHED,
    )
    features = "{name: material, features: [navigation.footer, navigation.tabs]}"
    config.write_text(config.read_text("utf-8").replace("{name: material}", features), "utf-8")
    site = build_site(config)

    pages = {str(path.relative_to(site)): path.read_text("utf-8") for path in site.rglob("*.html")}
    assert len(pages) > 10
    for path, html in pages.items():
        for element in elements(html, "img") + elements(html, "script") + elements(html, "b"):
            assert not any(name.startswith("on") for name in element.attrs), path
            assert "alert(" not in element.text, path
        assert "&amp;amp;" not in html, path
    titled = [path for path, html in pages.items() if MODULE_TITLE.split(" <")[0] in _text(
        " ".join(link.text for link in elements(html, "a")))]  # fmt: skip
    assert {"index.html", "404.html", "about/index.html", "modules/index.html"} <= set(titled)

    own = pages["modules/hotel-staff/index.html"]
    (title,) = elements(own, "title")
    assert title.text == f"{MODULE_TITLE} - Tiny handbook"
    (heading,) = elements(own, "h1")
    assert _text(heading.text).startswith(MODULE_TITLE)
    (description,) = [
        meta for meta in elements(own, "meta") if meta.attrs.get("name") == "description"
    ]
    assert description.attrs["content"] == MODULE_DESCRIPTION
    home = pages["index.html"]
    nav_links = [_text(link.text) for link in elements(home, "a", "md-nav__link")]
    assert f"{MODULE_TITLE} {MODULE_SUBTITLE}" in nav_links  # the subtitle under the title
    assert MODULE_SUBTITLE in [small.text for small in elements(home, "small")]

    about_page = pages["about/index.html"]
    (about_title,) = elements(about_page, "title")
    assert about_title.text == f"{PAGE_TITLE} - Tiny handbook"
    (about_heading,) = elements(about_page, "h1")
    assert about_heading.text == PAGE_TITLE
    footer_labels = [link.attrs.get("aria-label", "") for link in elements(about_page, "a")]
    assert f"Next: {MODULE_TITLE}" in footer_labels or f"Previous: {MODULE_TITLE}" in footer_labels

    index = json.loads(read(site, "search/search_index.json"))["docs"]
    (entry,) = [doc for doc in index if doc["location"] == "about/"]
    # HTML, as the theme's search results show it, holding the title as typed.
    assert "<" not in entry["title"] and html_module.unescape(entry["title"]) == PAGE_TITLE


FILE_TITLE = "<img src=x onerror=alert(1)>"
FOLDER_TITLE = "<img src=y onerror=alert(2)>"
HEADING_TITLE = "</title><script>alert(3)</script> & co"
PLAIN_TITLE = 'Hotels & "motels"'


def test_a_title_made_of_a_file_or_folder_name_or_a_heading_is_text_on_every_page(
    tmp_path: Path,
) -> None:
    """Security audit: where no front matter gives a title, MkDocs makes a page's from
    its first heading or its file's name, and a section's from its folder's name, and
    Material prints them as HTML in the navigation (on every page), the tabs, the
    breadcrumbs, the header, the footer and the search results, and `<title>` through
    `striptags`, which unescapes a heading's `&lt;/title&gt;` into the element's end. They
    read as typed everywhere, and a heading's `&` is escaped once, never `&amp;amp;`."""
    pages = {
        "index.md": "# Home\n\nA survivor.\n",
        f"{FILE_TITLE}.md": "A page without a heading.\n",
        f"{FOLDER_TITLE}/page.md": "# Page\n\nText.\n",
        "closing.md": f"# `{HEADING_TITLE.removesuffix(' & co')}` & co\n\nText.\n",
        "hotels.md": f"# {PLAIN_TITLE}\n\nText.\n",
    }
    config = write_site(tmp_path, pages=pages, **SEARCHED)
    features = "{name: material, features: [navigation.footer, navigation.tabs, navigation.path]}"
    config.write_text(config.read_text("utf-8").replace("{name: material}", features), "utf-8")
    # Not strict: a name holding `<` is warned of (page.source: Windows cannot hold it).
    site = build_site(config, strict=False)

    html_pages = {
        str(path.relative_to(site)): path.read_text("utf-8") for path in site.rglob("*.html")
    }
    for path, html in html_pages.items():
        for element in elements(html, "img") + elements(html, "script"):
            assert not any(name.startswith("on") for name in element.attrs), path
            assert "alert(" not in element.text, path
        assert "&amp;amp;" not in html, path
    home = html_pages["index.html"]
    nav_links = [_text(link.text) for link in elements(home, "a", "md-nav__link")]
    assert {FILE_TITLE, HEADING_TITLE, PLAIN_TITLE} <= set(nav_links)
    assert FOLDER_TITLE in [_text(label.text) for label in elements(home, "label")]
    tabs = [_text(tab.text) for tab in elements(home, "a", "md-tabs__link")]
    assert {FILE_TITLE, FOLDER_TITLE} <= set(tabs)

    closing = html_pages["closing/index.html"]
    (title,) = elements(closing, "title")
    assert title.text == f"{HEADING_TITLE} - Tiny handbook"
    named = html_pages[f"{FILE_TITLE}/index.html"]
    (heading,) = elements(named, "h1")
    assert _text(heading.text) == FILE_TITLE
    assert FILE_TITLE in [_text(topic.text) for topic in elements(named, "div", "md-header__topic")]
    in_folder = html_pages[f"{FOLDER_TITLE}/page/index.html"]
    assert FOLDER_TITLE in [_text(link.text) for link in elements(in_folder, "a", "md-path__link")]
    footer_labels = {
        link.attrs.get("aria-label", "")
        for html in html_pages.values()
        for link in elements(html, "a", "md-footer__link")
    }
    assert {f"Next: {PLAIN_TITLE}", f"Previous: {PLAIN_TITLE}"} & footer_labels

    index = json.loads(read(site, "search/search_index.json"))["docs"]
    (file_entry,) = [entry for entry in index if entry["location"] == quote(f"{FILE_TITLE}/")]
    assert "<" not in file_entry["title"]
    assert html_module.unescape(file_entry["title"]) == FILE_TITLE


def test_a_title_written_in_the_nav_of_mkdocs_yml_is_text(tmp_path: Path) -> None:
    """A section's and a page's title written in mkdocs.yml's `nav` are text too: MkDocs'
    own theme prints them as they are, as Material does."""
    nav = (
        'nav:\n  - index.md\n  - "<img src=n onerror=alert(6)> & co":\n'
        '      - "<b>Notes</b>": notes.md\n'
    )
    pages = {"index.md": "# Home\n\nA survivor.\n", "notes.md": "# Notes\n\nText.\n"}
    site = build_site(write_site(tmp_path, pages=pages, options=OPTIONS, extra_config=nav))
    html = read(site, "index.html")
    assert elements(html, "img") == [] and elements(html, "b") == []
    shown = [_text(link.text) for link in elements(html, "a")]
    assert {"<img src=n onerror=alert(6)> & co", "<b>Notes</b>"} <= set(shown)


def _search_words(index: dict, html: str) -> set[str]:
    """The words Material's search reads in an entry's title or tag: split at the index's
    separator, in lower case (its pipeline trims no punctuation off them)."""
    return {word.lower() for word in re.split(index["config"]["separator"], html) if word}


def test_search_finds_a_page_or_a_term_by_a_word_of_its_title_with_an_apostrophe(
    tmp_path: Path,
) -> None:
    """A title the theme prints has its quotes escaped, as it also goes into attributes;
    in the search index, "Children's shelters" (front matter) and "Tom's notes" (a file's
    name) were `Children&#x27;s`, and a term's form "survivor's advocate" its page's tag
    `survivor&#39;s advocate`: typing "children's" found nothing. The index holds them as
    Material writes a heading's: HTML, with quotes as they are."""
    pages = {
        "index.md": "# Home\n\nA survivor.\n",
        "shelters.md": '---\ntitle: "Children\'s shelters, the \\"safe\\" ones"\n---\n\nText.\n',
        "tom's-notes.md": "Text of the notes.\n",
    }
    terms = {
        **TERMS,
        "survivors-advocate": term_yaml("survivor's advocate", "Someone who stands by a survivor."),
    }
    config = write_site(tmp_path, pages=pages, terms=terms, **SEARCHED)
    index = json.loads(read(build_site(config), "search/search_index.json"))
    entries = {entry["location"]: entry for entry in index["docs"]}
    assert "children's" in _search_words(index, entries["shelters/"]["title"])
    assert "tom's" in _search_words(index, entries["tom%27s-notes/"]["title"])
    tags = " ".join(entries["glossary/survivors-advocate/"]["tags"])
    assert "survivor's" in _search_words(index, tags)
    assert entries["shelters/"]["title"] == 'Children\'s shelters, the "safe" ones'


def test_search_reads_the_words_on_either_side_of_a_line_break_apart(tmp_path: Path) -> None:
    """Material's search drops a `<br>`: "Labor<br>recruiters" was the word
    "laborrecruiters", and searching "recruiters" found no page that wrote it so, though
    the checks read the two words as a use of "labor recruiter" and the page links it
    (differential test of the engine, the autolinks and search). The page as published
    keeps its break as written."""
    pages = {"index.md": "# Home\n\nLabor<br>recruiters and<br/>*shelter<br />staff* now.\n"}
    config = write_site(
        tmp_path, pages=pages, terms=TERMS, options=OPTIONS, theme="material", search=True
    )
    site = build_site(config)
    index = json.loads(read(site, "search/search_index.json"))
    text = " ".join(entry["text"] for entry in index["docs"] if entry["location"] == "")
    words = _search_words(index, re.sub(r"<[^>]*>", " ", text))
    assert {"labor", "recruiters", "and", "shelter", "staff"} <= words
    assert "Labor<br>recruiters and<br/><em>shelter<br />staff</em>" in read(site, "index.html")


@pytest.mark.parametrize("changed_by", ["hook", "search"])
def test_a_page_another_plugin_changes_while_search_reads_it_keeps_its_links_whole(
    tmp_path: Path, changed_by: str
) -> None:
    """Search reads a page's term links without their attributes (site/search_links.py),
    which is published as written; a page that another plugin changes while search reads
    it (a hook's `on_page_context`, or Material's search taking `data-search-*`
    attributes off) is published as that plugin left it, its links whole."""
    (tmp_path / "hooks.py").write_text(
        "def on_page_context(context, page, config, nav):\n"
        "    page.content += '<!-- seen -->'\n"
        "    return context\n",
        encoding="utf-8",
    )
    extra = "hooks:\n  - hooks.py\n" if changed_by == "hook" else ""
    text = '<p data-search-boost="2">A survivor.</p>' if changed_by == "search" else ""
    pages = {"index.md": f"# Home\n\nA survivor here.\n\n{text}\n"}
    config = write_site(
        tmp_path,
        pages=pages,
        terms=TERMS,
        options=OPTIONS,
        theme="material",
        search=True,
        extra_config=extra,
    )
    site = build_site(config)
    published = read(site, "index.html")
    assert '<a class="hb-term" data-term="survivor" href="glossary/survivor/" title=' in published
    assert "<a>survivor</a>" not in published
    assert ("<!-- seen -->" in published) == (changed_by == "hook")


def test_a_term_page_s_search_entry_is_tagged_with_its_translations(tmp_path: Path) -> None:
    """Searching a translation ("trata de personas") listed its term's page first, said
    "Missing: trata personas" under it and linked to the page marking only "de" (audit):
    the theme tells the words a result holds, and marks them, from its entry's own
    fields. The page's first entry holds its translations as tags, after its forms, in
    the order of its page's table (by language); its sections hold no tags."""
    site = _site(tmp_path, **SEARCHED)
    index = json.loads(read(site, "search/search_index.json"))
    entries = {entry["location"]: entry for entry in index["docs"]}
    assert entries["glossary/survivor/"]["tags"] == [
        *("survivor", "trafficking survivor", "sobreviviente", "بازمانده", "倖存者")
    ]
    assert entries["glossary/victim/"]["tags"] == ["victim"]  # no translations
    assert [
        location for location, entry in entries.items() if "#" in location and "tags" in entry
    ] == []


REDIRECTS = {
    # An address of the site's own, with `&` in it: it must still lead there.
    "moved": "../new-page/?from=old&lang=en#step-2",
    # A quote, a script's end and a backslash: Material printed them as they are.
    "attack": '"]);alert(1);//</script><script>alert(2)</script>\\',
}


def test_a_redirect_pages_location_is_escaped_where_material_prints_it(tmp_path: Path) -> None:
    """Security audit: Material's `redirect.html` (front matter `template: redirect.html`)
    prints `location` as it is into `<meta http-equiv="refresh" content="...">` and into a
    script's string, so a pull request's page could run script in every reader's browser.
    It is escaped for each (HTML, a JSON string), and an address with `&` still leads
    where it says. So are the keys the handbook's own term template prints."""
    pages = {
        "index.md": "# Home\n\nA survivor.\n",
        **{
            f"{name}.md": "---\ntemplate: redirect.html\n"
            f"location: {json.dumps(location)}\n---\n\n# Moved\n"
            for name, location in REDIRECTS.items()
        },
        "letter.md": "---\ntemplate: hb-term.html\n"
        "glossary_letter: '<img src=x onerror=alert(3)>'\n"
        "glossary_anchor: '\"><img src=x onerror=alert(4)>'\n---\n\n# Letter\n\nText.\n",
    }
    config = write_site(tmp_path, pages=pages, terms=TERMS, **SEARCHED)
    site = build_site(config)
    for name, location in REDIRECTS.items():
        html = read(site, f"{name}/index.html")
        (refresh,) = [
            meta for meta in elements(html, "meta") if meta.attrs.get("http-equiv") == "refresh"
        ]
        assert refresh.attrs["content"] == f"0;url={location}"
        (script,) = elements(html, "script")
        assert html.count("<script") == 1 and html.count("</script>") == 1
        written = script.text.removeprefix("window.location.replace([").split(",window.")[0]
        assert json.loads(written) == location
        assert elements(html, "img") == []
    letter = read(site, "letter/index.html")
    assert elements(letter, "img") == []
    assert "<img src=x onerror=alert(3)>" in [_text(span.text) for span in elements(letter, "span")]
    assert any(
        link.attrs["href"].endswith('#"><img src=x onerror=alert(4)>')
        for link in elements(letter, "a")
    )


def _navigation_links(sidebar: str) -> list[Element]:
    """The links of a primary sidebar but for the page's contents (`#...`)."""
    links = elements(sidebar, "a", "md-nav__link")
    return [link for link in links if not link.attrs["href"].startswith("#")]


def _primary_sidebar(html: str) -> str:
    return html.split("md-sidebar--primary", 1)[1].split("md-sidebar--secondary", 1)[0]


@pytest.mark.slow
def test_used_on_follows_pages_another_plugin_moves(tmp_path: Path) -> None:
    """Material's blog plugin gives a post its dated URL after the handbook has read the
    pages: the term page's "Used on" links to where the post is published, and the
    excerpt it renders into its index is autolinked from there."""
    pages = {
        "index.md": "# Home\n",
        "blog/index.md": "# Blog\n",
        "blog/posts/first.md": "---\ndate: 2026-11-20\nslug: new-beds\n---\n\n"
        "# New beds\n\nA survivor found a bed.\n\n<!-- more -->\n\nMore.\n",
    }
    config = write_site(tmp_path, pages=pages, terms=TERMS, **SEARCHED)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - handbook", "  - blog\n  - handbook", 1), "utf-8")
    site = build_site(config)
    assert (site / "blog" / "2026" / "11" / "20" / "new-beds" / "index.html").is_file()
    used_on = read(site, "glossary/survivor/index.html").split('class="hb-used-on"', 1)[1]
    assert 'href="../../blog/2026/11/20/new-beds/"' in used_on.split("</ul>", 1)[0]
    # The post's excerpt on the blog's index is autolinked from the index, not from the
    # page whose Markdown MkDocs read last.
    assert 'href="../glossary/survivor/"' in read(site, "blog/index.html")


@pytest.mark.slow
def test_used_on_names_no_draft_the_blog_leaves_out(tmp_path: Path) -> None:
    """Audit (other plugins): a draft post, which Material's blog plugin leaves out of the
    site, was listed in the "Used on" list of every term it uses, its title shown and
    linked to a page that does not exist. It is checked all the same, as drafts are."""
    pages = {
        "index.md": "# Home\n",
        "blog/index.md": "# Blog\n",
        "blog/posts/draft.md": "---\ndate: 2026-11-20\ndraft: true\n---\n\n"
        "# Plans for the shelter on Elm Street\n\nA survivor found a bed.\n",
        "blog/posts/out.md": "---\ndate: 2026-11-21\n---\n\n# Out\n\nA survivor spoke.\n",
    }
    config = write_site(tmp_path, pages=pages, terms=TERMS, **SEARCHED)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - handbook", "  - blog\n  - handbook", 1), "utf-8")
    site = build_site(config)
    assert not (site / "blog" / "2026" / "11" / "20").exists()
    used_on = read(site, "glossary/survivor/index.html").split('class="hb-used-on"', 1)[1]
    used_on = used_on.split("</ul>", 1)[0]
    assert 'href="../../blog/2026/11/21/out/"' in used_on
    assert "Elm Street" not in used_on
    assert "2026/11/20" not in used_on


def test_used_on_links_follow_the_url_style(tmp_path: Path) -> None:
    site = _site(tmp_path, extra_config="use_directory_urls: false\n")
    used_on = read(site, "glossary/survivor.html").split('id="used-on"')[1].split("<h2")[0]
    assert '<a href="../index.html">Home</a>' in used_on
    assert '<a href="../modules/hotel-staff.html">Hotel staff</a>' in used_on


@pytest.mark.parametrize(
    ("url_style", "survivor_page", "victim_page", "from_survivor", "from_victim"),
    [
        (
            "",
            "glossary/survivor/index.html",
            "glossary/victim/index.html",
            "notes/",
            "../survivor/notes/",
        ),
        (
            "use_directory_urls: false\n",
            "glossary/survivor.html",
            "glossary/victim.html",
            "survivor/notes.html",
            "survivor/notes.html",
        ),
    ],
)
def test_used_on_links_from_every_term_page_reach_the_page(
    tmp_path: Path,
    url_style: str,
    survivor_page: str,
    victim_page: str,
    from_survivor: str,
    from_victim: str,
) -> None:
    """A page's item is shared by the term pages, but not where a term's folder holds it."""
    pages = {
        "index.md": "# Home\n\nA survivor and a victim.\n",
        "glossary/survivor/notes.md": "# Notes\n\nA survivor and a victim.\n",
    }
    site = _site(tmp_path, pages=pages, extra_config=url_style)
    home = "../../" if not url_style else "../index.html"
    advocate = "../advocate/" if not url_style else "advocate.html"  # its definition
    for path, listed in (
        (survivor_page, [home, from_survivor, advocate]),
        (victim_page, [home, from_victim]),
    ):
        used_on = read(site, path).split('id="used-on"')[1].split("<h2")[0]
        hrefs = [link.attrs["href"] for link in elements(used_on, "a")]
        assert hrefs == listed, path


@pytest.mark.parametrize(
    ("url_style", "page", "expected"),
    [
        (
            "",
            "glossary/{}/index.html",
            {
                "home": "../../",
                "module": "../../modules/hotel-staff/",
                "hotel": "../../protocols/hotel/",
                "advocate": "../advocate/",
            },
        ),
        (
            "use_directory_urls: false\n",
            "glossary/{}.html",
            {
                "home": "../index.html",
                "module": "../modules/hotel-staff.html",
                "hotel": "../protocols/hotel.html",
                "advocate": "advocate.html",
            },
        ),
    ],
)
def test_used_on_lists_protocol_pages_and_module_front_matter(
    tmp_path: Path, url_style: str, page: str, expected: dict[str, str]
) -> None:
    """Pages by title, then protocol pages by title, then the pages of the terms whose
    definition uses it (advocate's names a survivor), each once; a module whose only use
    of a term is in its objectives is listed; a protocol that names a term only in its
    history is not (audit: history is not checked text)."""
    module = MODULE.replace("Report safely.", "Report safely; believe a victim.")
    hotel = HOTEL.replace(
        "What to do when you suspect trafficking.",
        "What to do when a survivor, or a victim, needs help.",
    ).replace("Do not confront anyone.", "Do not confront anyone; a victim may be watched.")
    old = OVERDUE.replace("summary: First version.", "summary: For a survivor and a victim.")
    pages = {"index.md": "# Home\n\nA survivor.\n", "modules/hotel-staff.md": module}
    site = _site(
        tmp_path, pages=pages, protocols={"hotel": hotel, "old": old}, extra_config=url_style
    )

    def used_on(term_id: str) -> list[tuple[str, str]]:
        html = read(site, page.format(term_id)).split('id="used-on"')[1].split("<h2")[0]
        return [(link.attrs["href"], link.text) for link in elements(html, "a")]

    # "Hotel employee" sorts before "Hotel staff", but protocols come after the pages.
    assert used_on("survivor") == [
        (expected["home"], "Home"),
        (expected["module"], "Hotel staff"),
        (expected["hotel"], "Hotel employee"),
        (expected["advocate"], "advocate"),
    ]
    assert used_on("victim") == [
        (expected["module"], "Hotel staff"),
        (expected["hotel"], "Hotel employee"),
    ]


def test_no_handout_link_when_handouts_are_off(tmp_path: Path) -> None:
    site = _site(tmp_path)
    assert "handouts/" not in read(site, "modules/hotel-staff/index.html")


def test_changes_lists_every_history_entry_newest_first(tmp_path: Path) -> None:
    html = read(_site(tmp_path), "changes/index.html")

    rows = [row.text.split() for row in elements(html, "tr") if "tbody" in row.ancestors]
    rows = [row for row in rows if re.fullmatch(r"\d{4}-\d\d-\d\d", row[0])]
    dates = [row[0] for row in rows]
    assert dates == sorted(dates, reverse=True)
    assert len(rows) == 4 + 2 + 1  # four terms, two protocols, one module
    assert rows[0][:3] == ["2026-04-01", "Module:", "Hotel"]
    assert "Term: survivor" in " ".join(rows[1])
    assert [heading.text for heading in elements(html, "h2")][:2] == ["April 2026", "March 2026"]


NOTED_PAGE = """\
# Home

<!-- editor: NOTE-1 do not publish the shelter's schedule -->

A survivor spoke. <!-- NOTE-2 -->

<!-- handbook-disable-next-line term.avoid -->
A headline said slave.

Comments in code are code: `<!-- shown-1 -->`

```html
<!-- shown-2 -->
```

<!-- handbook-disable-next-line html.active-content -->
<script>const marker = "<!-- shown-3 -->";</script>
"""
NOTED_PROTOCOL = (
    protocol_yaml("Hotel employee")
    .replace("summary: What to do", "summary: <!-- NOTE-3 --> What to do")
    .replace("detail: Do not confront anyone.", "detail: Do not confront anyone. <!-- NOTE-4 -->")
)


def test_an_editors_comment_is_published_nowhere(tmp_path: Path) -> None:
    """Audit: a note in a comment of a page, a protocol's summary or a step stayed in
    the page's source, and one in a history summary showed as text on the term page,
    the Changes page and in search. Term definitions had lost theirs already. Code keeps
    them as text, and suppression comments, read from the source, still work (--strict)."""
    terms = {
        **TERMS,
        "victim": term_yaml("victim", "A person against whom a crime was committed.").replace(
            "summary: First approved.", "summary: First approved. <!-- NOTE-5 ask legal -->"
        )
        # Review: a short's comment was in every tooltip, the index and the description.
        + "short: A person harmed by a crime. <!-- NOTE-6 ask the survivor council -->\n"
        # Review rv58e: a reason's comment showed as text in the forms to avoid table.
        + "avoid:\n  - text: prey\n    reason: Dehumanising. <!-- NOTE-7 she asked -->\n",
    }
    site = _site(
        tmp_path,
        pages={"index.md": NOTED_PAGE},
        terms=terms,
        protocols={"hotel": NOTED_PROTOCOL},
        **SEARCHED,
    )
    published = {
        str(path.relative_to(site)): path.read_text("utf-8")
        for path in site.rglob("*")
        if path.suffix in (".html", ".json")
    }
    leaks = {path for path, text in published.items() if "NOTE-" in text}
    assert leaks == set()
    home = published["index.html"]
    assert "&lt;!-- shown-1 --&gt;" in home and "&lt;!-- shown-2 --&gt;" in home
    assert '<script>const marker = "<!-- shown-3 -->";</script>' in home
    assert (
        '<td><span class="hb-summary">First approved.</span></td>'
        in published["glossary/victim/index.html"]
    )
    assert "First approved.</span></td>" in published["changes/index.html"]
    assert "What to do when you suspect trafficking." in published["protocols/index.html"]


def test_used_on_lists_a_term_page_that_names_the_term_in_a_reason_to_avoid_a_form(
    tmp_path: Path,
) -> None:
    """A term page's reasons to avoid a form are on its page, and link the terms they
    name, but no checked text: survivor's "use person-first language" did not list
    survivor under person-first language (audit). Its history, a record of edits as a
    protocol's is, lists none: "approved at the coalition's meeting" is no use."""
    terms = {
        "survivor": term_yaml(
            "survivor",
            "A person who has experienced trafficking.",
            extra="""\
            avoid:
              - text: slave
                reason: Reduces a person to one act; use person-first language.
              - text: sex slave
                reason: Sensational; a survivor is more.
            """,
        ),
        "pfl": term_yaml("person-first language", "Language that names the person first."),
        "coalition": term_yaml("coalition", "A network.", date="2026-02-01").replace(
            "summary: First approved.", "summary: Approved by the person-first language group."
        ),
    }
    site = _site(tmp_path, pages={"index.md": "# Home\n"}, terms=terms, protocols={})

    def used_on(term_id: str) -> list[str]:
        html = read(site, f"glossary/{term_id}/index.html").split('id="used-on"')[1]
        return [link.text for link in elements(html.split("<h2")[0], "a")]

    assert used_on("pfl") == ["survivor"]
    assert used_on("survivor") == []  # its own reasons name it: no use of it


def test_a_deprecated_term_is_used_on_no_page_not_yet(tmp_path: Path) -> None:
    """Audit: "No page of the handbook uses this term yet." read oddly for a retired term."""
    site = _site(tmp_path, pages={"index.md": "# Home\n"})
    deprecated = read(site, "glossary/prostitute/index.html")
    assert "No page of the handbook uses this term." in deprecated
    assert "No page of the handbook uses this term yet." in read(site, "glossary/victim/index.html")


def test_navigation_puts_the_handbook_first_and_changes_last(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n",
        "about.md": "# About\n",
        "modules/hotel-staff.md": MODULE,
    }
    html = read(_site(tmp_path, pages=pages), "index.html")

    nav = elements(html, "ul", "navbar-nav")[0].text.split()
    titles = {"Home", "Protocols", "Glossary", "Training", "About", "Changes"}
    order = list(dict.fromkeys(word for word in nav if word in titles))
    assert order == ["Home", "Protocols", "Glossary", "Training", "About", "Changes"]
    assert "survivor" not in nav  # terms are listed by the A-Z index, not the sidebar


def test_the_navigation_lists_protocols_by_title_as_their_index_does(tmp_path: Path) -> None:
    """By title, case ignored, not by file name (audit: the two orders disagreed); the
    previous and next links follow the navigation."""
    protocols = {
        "a-zoo": protocol_yaml("Zoo staff"),
        "b-airport": protocol_yaml("airport staff"),
        "c-bus": protocol_yaml("Bus drivers"),
        "hotel": HOTEL,
    }
    site = _site(tmp_path, protocols=protocols)
    home = elements(read(site, "index.html"), "a")
    in_nav = [a.attrs.get("href", "") for a in home]
    in_nav = [href for href in in_nav if re.fullmatch(r"protocols/[a-z-]+/", href)]
    index = elements(read(site, "protocols/index.html"), "a")
    listed = [a.attrs["href"] for a in index if "h2" in a.ancestors]
    expected = ["b-airport", "c-bus", "hotel", "a-zoo"]
    assert in_nav == [f"protocols/{name}/" for name in expected]
    assert listed == [f"{name}/" for name in expected]
    airport = elements(read(site, "protocols/b-airport/index.html"), "a")
    assert [a.attrs["href"] for a in airport if a.attrs.get("rel") == "next"] == ["../c-bus/"]


def test_a_nav_written_by_the_author_is_kept(tmp_path: Path) -> None:
    config = "nav:\n  - Start: index.md\n  - Words: glossary/index.md\n"
    html = read(_site(tmp_path, extra_config=config), "index.html")
    nav = elements(html, "ul", "navbar-nav")[0].text.split()
    assert nav == ["Start", "Words"]


def test_an_authors_index_page_becomes_the_intro(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n",
        "glossary/index.md": "---\ntitle: Ours\n---\n# Our words\n\nRead this first.\n",
    }
    html = read(_site(tmp_path, pages=pages), "glossary/index.html")
    assert "Read this first." in html
    assert "Our words" not in html
    assert html.index("Read this first.") < html.index('id="letter-a"')


def test_pages_carry_the_newest_history_date_outside_git(tmp_path: Path) -> None:
    site = _site(tmp_path, extra_config="site_url: https://handbook.example.org/\n")
    sitemap = read(site, "sitemap.xml")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2026-04-01"}


def test_a_handbook_without_modules_yet_has_a_training_index_its_nav_can_name(
    tmp_path: Path,
) -> None:
    """ADOPTING.md has an author's own `nav` name modules/index.md, as it names the other
    indexes: a new handbook with no modules (nor protocols) yet still builds under
    --strict, and those indexes say plainly that there are none."""
    nav = (
        "nav:\n  - index.md\n  - protocols/index.md\n  - glossary/index.md\n"
        "  - modules/index.md\n  - changes.md\n"
    )
    (tmp_path / "new" / "content" / "modules").mkdir(parents=True)  # no module in it yet
    empty = _site(tmp_path / "new", pages={"index.md": "# Home\n"}, protocols={}, extra_config=nav)
    assert "There are no training modules yet." in read(empty, "modules/index.html")
    assert "There are no protocols yet." in read(empty, "protocols/index.html")
    full = _site(tmp_path / "full")
    assert "There are no training modules yet." not in read(full, "modules/index.html")
    assert "There are no protocols yet." not in read(full, "protocols/index.html")


def test_without_a_modules_folder_an_authors_page_keeps_the_training_address(
    tmp_path: Path,
) -> None:
    """A glossary-only handbook has no training index: its own `modules.md` is published,
    not replaced by an empty index (nor reported by `page.replaced`)."""
    page = "# Our training\n\nSessions are run by the coalition's trainers.\n"
    site = _site(tmp_path, pages={"index.md": "# Home\n", "modules.md": page})
    assert "Sessions are run by" in read(site, "modules/index.html")


@pytest.mark.parametrize(
    ("extra", "listed"),
    [
        (
            "translations:\n  es: trata\n  fr: traite\n",
            [("Spanish", "trata", "es"), ("French", "traite", "fr")],
        ),
        # Spelled alike in two languages: both named, and no one language marked.
        (
            "translations:\n  pt: trata\n  es: trata\n  fr: traite\n",
            [("Spanish and Portuguese", "trata", ""), ("French", "traite", "fr")],
        ),
        # Three: a list, not "Spanish and Galician and Portuguese" (review rv56d).
        (
            "translations:\n  pt: trata\n  gl: trata\n  es: trata\n",
            [("Spanish, Galician and Portuguese", "trata", "")],
        ),
        # Two variants of one language: marked in it.
        (
            "translations:\n  es-MX: trata\n  es: trata\n",
            [("Spanish and Spanish (Mexico)", "trata", "es")],
        ),
        # A form of the term in the site's language too: none, as it is the term's own.
        (
            "aliases: [bracero]\ntranslations:\n  es: bracero\n  fr: ouvrier\n",
            [("French", "ouvrier", "fr")],
        ),
    ],
)
def test_a_translation_spelled_as_another_form_is_marked_in_no_one_language(
    tmp_path: Path, extra: str, listed: list[tuple[str, str, str]]
) -> None:
    """badux3: handbook.js marks the result's form as the first translation spelled so
    ("Matched: Spanish, trata", `lang="es"`), where Portuguese spells it alike too, or
    where it is an English alias of the term: the triples it reads say every language
    of a spelling, and a term's own form is no translation."""
    from helpers_model import load, term_yaml

    from coalition_handbook.site.pages import search_translations

    handbook, _ = load(tmp_path, {"glossary/survivor.yml": term_yaml(extra=extra)})
    assert search_translations(handbook.terms["survivor"]) == listed


@pytest.mark.parametrize(
    ("language", "english"),
    [("en", []), ("es", ["en"]), ("ar", ["en", "ltr"]), ("fr", ["en"])],
)
def test_a_deprecated_or_proposed_term_s_search_entry_carries_its_notice_as_plain_text(
    tmp_path: Path, language: str, english: list[str]
) -> None:
    """handbook.js shows a term's `handbook_notice` first in its search result, escaped,
    since the theme shows only the paragraphs that hold the words typed. A proposed
    term's entry had none, so its result never said it was proposed (site audit); a
    Spanish site's notice held its `<span lang="en">` marks, which the result showed as
    text; review (rv57d): as plain text, it lost them, read in the page's language (and
    in an Arabic site, "instead." ended on the line's other side). Its parts: the text,
    then its language and direction where the English words need them, as the page
    marks them (`english_label`), the replacement's name in the site's own."""
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n\nA survivor.\n"},
        terms=TERMS,
        options=OPTIONS,
        theme="material",
        theme_options=f"language: {language}",
        search=True,
    )
    index = json.loads(read(build_site(config), "search/search_index.json"))
    notices = {doc["location"]: doc.get("handbook_notice") for doc in index["docs"]}
    assert notices["glossary/advocate/"] == [
        ["This term is proposed: it is under review and its wording may still change.", *english]
    ]
    assert notices["glossary/prostitute/"] == [
        ["Do not use this term; use ", *english],
        ["survivor"],
        [" instead.", *english],
    ]
    assert notices["glossary/survivor/"] is None
