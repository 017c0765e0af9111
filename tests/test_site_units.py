"""The site's pure helpers, as tables: links between pages, escaping, phone links,
tooltips, A-Z letters and where a module's facts go."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import jinja2
import markdown
import pytest
import yaml
from helpers_model import chained_terms, load, term_yaml
from mkdocs.structure.files import File
from site_builds import elements, script_source

from coalition_handbook.cache import RunCache
from coalition_handbook.plugin import site_setup
from coalition_handbook.plugin.instant_navigation import InstantNavigationPolicies
from coalition_handbook.plugin.theme import (
    SEARCH_PARTIAL,
    THEME_TEMPLATES,
    RenderedOnce,
    with_theme_s_own_templates,
)
from coalition_handbook.published import published_path
from coalition_handbook.site import earlier_anchors as earlier_anchors_module
from coalition_handbook.site import inline_scripts, navigation, other_hosts, search_boost
from coalition_handbook.site.autolink import tooltip_text
from coalition_handbook.site.content_policy import content_policy, policy_meta, with_content_policy
from coalition_handbook.site.earlier_anchors import (
    SECTION_HEADINGS,
    cached_earlier_anchors,
    earlier_anchors,
    shows_names_otherwise_before,
)
from coalition_handbook.site.handout_render import sort_key_terms
from coalition_handbook.site.html_comments import text_without_comments, without_comments
from coalition_handbook.site.inline_scripts import inline_script_hashes
from coalition_handbook.site.languages import language_name, text_direction
from coalition_handbook.site.missing_handouts import unlink_missing_handouts
from coalition_handbook.site.other_hosts import (
    copy_advice,
    draws_mermaid,
    drop_remote_assets,
    emoji_images,
    loads_own_mermaid,
    mermaid_fence,
    referrer_overrides,
    remote_connections,
    remote_form_targets,
    remote_redirects,
    remote_resources,
    remote_stylesheet_loads,
)
from coalition_handbook.site.pages import inject_module_header
from coalition_handbook.site.phone_links import dialable, phone_href
from coalition_handbook.site.search_boost import (
    BASE,
    PER_TERM_BUILT_ON,
    accentless,
    capital_search_words,
    other_search_forms,
    term_search_boosts,
    typed_form,
    typed_search_forms,
)
from coalition_handbook.site.search_numbers import joined_numbers
from coalition_handbook.site.short_text import ShortRenderer
from coalition_handbook.site.templates import (
    attribute_in_markdown,
    literal_text,
    markdown_text,
    yaml_list,
    yaml_string,
)
from coalition_handbook.site.urls import page_url, relative_page_url, relative_src, relative_url
from coalition_handbook.slugs import (
    ADDED_LETTERS,
    a_to_z_key,
    folded_latin,
    index_letter,
    index_letters,
    sort_key,
)
from coalition_handbook.url_userinfo import without_userinfo


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("index.md", "glossary/victim.md", "glossary/victim.md"),
        ("glossary/survivor.md", "glossary/victim.md", "victim.md"),
        ("modules/hotel-staff.md", "protocols/hotel.md", "../protocols/hotel.md"),
        ("a/b/deep.md", "glossary/victim.md", "../../glossary/victim.md"),
        ("a/b.md", "a/b/c.md", "b/c.md"),
    ],
)
def test_relative_src(source: str, target: str, expected: str) -> None:
    assert relative_src(source, target) == expected


@pytest.mark.parametrize(
    ("page_url", "expected"),
    [
        ("modules/hotel-staff/", "../../handouts/hotel-staff.pdf"),
        ("modules/hotel-staff.html", "../handouts/hotel-staff.pdf"),
        ("", "handouts/hotel-staff.pdf"),
        ("index.html", "handouts/hotel-staff.pdf"),
    ],
)
def test_relative_url_to_a_handout(page_url: str, expected: str) -> None:
    assert relative_url(page_url, "handouts/hotel-staff.pdf") == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("glossary/victim/", "", "../../"),
        ("glossary/victim/", "modules/hotel-staff/", "../../modules/hotel-staff/"),
        ("glossary/victim/", "glossary/survivor/", "../survivor/"),
        ("glossary/victim.html", "index.html", "../index.html"),
        ("glossary/victim.html", "modules/hotel-staff.html", "../modules/hotel-staff.html"),
        ("glossary/victim.html", "glossary/survivor.html", "survivor.html"),
    ],
)
def test_relative_page_url(source: str, target: str, expected: str) -> None:
    assert relative_page_url(source, target) == expected


@pytest.mark.parametrize(
    ("directory_urls", "expected"), [(True, "glossary/victim/"), (False, "glossary/victim.html")]
)
def test_page_url_of_a_term(directory_urls: bool, expected: str) -> None:
    assert page_url("glossary/victim.md", directory_urls) == expected


@pytest.mark.parametrize(
    ("src_uri", "directory_urls", "expected"),
    [
        ("modules/index.md", True, "modules/"),
        ("modules/index.md", False, "modules/index.html"),
        ("index.md", True, ""),
        ("a/b/index.md", True, "a/b/"),
        ("modules/reindex.md", True, "modules/reindex/"),
    ],
)
def test_page_url_of_an_index(src_uri: str, directory_urls: bool, expected: str) -> None:
    assert page_url(src_uri, directory_urls) == expected


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize(
    "src_uri",
    [
        *("index.md", "README.md", "glossary.md", "glossary/index.md", "glossary/README.md"),
        *("glossary/victim.md", "glossary/victim/index.md", "glossary/victim.markdown"),
        *("changes.mkd", "changes/README.mdown", "a/b/reindex.mkdn", "readme.md"),
    ],
)
def test_published_path_is_where_mkdocs_writes_the_page(src_uri: str, directory_urls: bool) -> None:
    """The check finds pages in a generated page's place without MkDocs (page.replaced):
    it must place each page where MkDocs' own `File` does."""
    mkdocs_file = File(src_uri, "content", "site", use_directory_urls=directory_urls)
    assert published_path(src_uri, directory_urls) == mkdocs_file.dest_uri
    assert page_url(src_uri, directory_urls) == mkdocs_file.url.removeprefix("./")


@pytest.mark.parametrize(
    ("number", "scheme", "expected"),
    [
        # written with its country code: it keeps it, to be reached from anywhere
        ("1-888-373-7888", "tel", "tel:+18883737888"),
        ("1 (888) 373-7888", "tel", "tel:+18883737888"),
        ("+1 888 373 7888", "tel", "tel:+18883737888"),
        ("+44 20 7946 0000", "tel", "tel:+442079460000"),
        # a trunk (0) is dialled only from within the country (found in review)
        ("+44 (0)20 7946 0000", "tel", "tel:+442079460000"),
        ("+52 800 5533 000", "tel", "tel:+528005533000"),
        # a trunk 0 written after the country code is not dialled from abroad (audit: it
        # was tel:+4408000121700), save where the country keeps it
        ("+44 08000 121 700", "tel", "tel:+448000121700"),
        ("+33 06 12 34 56 78", "sms", "sms:+33612345678"),
        ("+39 06 1234 5678", "tel", "tel:+390612345678"),
        # an extension is no digit of the number: it was joined on, another number (review)
        ("+44 800 121 700 x12", "tel", "tel:+44800121700;ext=12"),
        ("1-888-373-7888 ext. 5", "tel", "tel:+18883737888;ext=5"),
        ("(402) 555-0142 x3", "tel", "tel:4025550142;ext=3"),
        ("+44 08000 121 700 extension 12", "tel", "tel:+448000121700;ext=12"),
        # "ext" or "x" in a word is no extension: `Text 233733` was `sms:;ext=233733` (review)
        ("Text 233733", "sms", "sms:233733"),
        ("Next 233733", "sms", "sms:233733"),
        ("Max 402 555 0142", "tel", "tel:4025550142"),
        # a fax number is no line to call: it was dialled (review)
        ("Fax 402 555 0142", "tel", "tel:"),
        # two numbers in one field: the first is dialled, not their digits joined (review)
        ("1-888-373-7888 or 911", "tel", "tel:+18883737888"),
        ("1-888-373-7888 / 233733", "tel", "tel:+18883737888"),
        ("1-888-373-7888, option 2", "tel", "tel:+18883737888"),
        ("911 or 1-888-373-7888 ext. 2", "tel", "tel:911"),
        ("1-888-373-7888, ext. 2", "tel", "tel:+18883737888;ext=2"),
        # letters joined to the number are its keys' digits: it was tel:1800 (review)
        ("1-800-FLOWERS", "tel", "tel:+18003569377"),  # its leading 1, as 1-800-356-9377's
        ("1-888-373-7888 TTY", "tel", "tel:+18883737888"),
        ("1-888-373-7888EXT2", "tel", "tel:+18883737888;ext=2"),
        # a number in words of several groups: the last ones were left out (tel:1800843)
        ("1-800-THE-LOST", "tel", "tel:+18008435678"),
        ("1.800.THE.LOST", "tel", "tel:+18008435678"),
        # a note in brackets after the number is no digit of it: it was tel:18883737888711
        ("1-888-373-7888 (TTY: 711)", "tel", "tel:+18883737888"),
        ("1-888-373-7888 (24/7)", "tel", "tel:+18883737888"),
        ("BeFree (233733)", "sms", "sms:233733"),
        # a digit of another script is dialled as its ASCII digit: a phone dials no tel:١٢
        ("٩١١", "tel", "tel:911"),
        # an extension written before the number: its digit was dialled first (tel:55550100)
        ("ext. 5 at 555-0100", "tel", "tel:5550100;ext=5"),
        ("x5 555-0100", "tel", "tel:5550100;ext=5"),
        ("extension 5, (402) 555-0142", "tel", "tel:4025550142;ext=5"),
        # an extension in brackets after the number was dropped as a note
        ("1-888-373-7888 (ext. 2)", "tel", "tel:+18883737888;ext=2"),
        ("(402) 555-0142 (x12)", "tel", "tel:4025550142;ext=12"),
        ("(402) 555-0142 ext123", "tel", "tel:4025550142;ext=123"),
        ("(402) 555-0142 #123", "tel", "tel:4025550142;ext=123"),  # was tel:4025550142123
        ("+1 (888) 373-7888", "tel", "tel:+18883737888"),
        ("+1 (402) 555-0142 ext. 3", "tel", "tel:+14025550142;ext=3"),
        ("(402) 555-0142;ext=3", "tel", "tel:4025550142;ext=3"),  # as RFC 3966 writes it
        # a menu's option is pressed once the call is answered: no digit of the number
        # (tel:40255501422 called nobody), nor an extension
        ("(402) 555-0142 option 2", "tel", "tel:4025550142"),
        ("(402) 555-0142 Opt. 2", "tel", "tel:4025550142"),
        ("(402) 555-0142 press 2", "tel", "tel:4025550142"),
        ("1-888-373-7888 TTY 711", "tel", "tel:+18883737888"),
        # a text goes to a number: an extension is a call's (RFC 5724 has none to reach)
        ("(402) 555-0142 x12", "sms", "sms:4025550142"),
        # a short code's keyword or spelling, glued on or not, is no digit of it (the
        # hotline's BEFREE was sms:233733233733)
        ("233733BEFREE", "sms", "sms:233733"),
        ("233733 BEFREE", "sms", "sms:233733"),
        ("Text 233733 (BEFREE)", "sms", "sms:233733"),
        ("911 TTY", "tel", "tel:911"),
        # keys' letters with a digit among them, or words apart: they were left out, and
        # tel:18004 or tel:1800 called nobody
        ("1-800-4A-CHILD", "tel", "tel:+18004224453"),
        ("+1 800 THE LOST", "tel", "tel:+18008435678"),
        ("1-866-DHS-2-ICE", "tel", "tel:+18663472423"),
        ("800-FLOWERS", "tel", "tel:8003569377"),
        ("+1 800 FLOWERS", "tel", "tel:+18003569377"),
        ("1-800-FLOWERS X12", "tel", "tel:+18003569377;ext=12"),
        # a number in words longer than a number: a phone dials its first ten digits
        ("1-800-CONTACTS", "tel", "tel:+18002668228"),
        ("1800 RESPECT", "tel", "tel:1800737732"),  # Australia's: 1800 737 732
        # a name in capitals a space after a number that is no toll-free one is no keys'
        # digits: 911 EMERGENCY called tel:9113637436, no emergency line (review)
        ("911 EMERGENCY", "tel", "tel:911"),
        ("112 EMERGENCY", "tel", "tel:112"),
        ("000 EMERGENCY", "tel", "tel:000"),
        ("988 LIFELINE", "tel", "tel:988"),
        ("089 DENUNCIA", "tel", "tel:089"),  # Mexico's
        ("116 123 SAMARITANS", "tel", "tel:116123"),
        ("0800 1111 CHILDLINE", "tel", "tel:08001111"),
        ("800 290 290 NUMERO VERDE", "tel", "tel:800290290"),  # Italy's
        ("13 11 14 LIFELINE", "tel", "tel:131114"),
        ("7726 SMS ONLY", "sms", "sms:7726"),
        ("555-0142 TTY", "tel", "tel:5550142"),
        ("555-0142 VRS ASL", "tel", "tel:5550142"),
        ("555-0100 M-F 9-5", "tel", "tel:5550100"),
        ("800 THE LOST", "tel", "tel:8008435678"),  # a toll-free one's are
        ("1 (800) THE-LOST", "tel", "tel:+18008435678"),
        ("1-800-799 SAFE", "tel", "tel:+18007997233"),
        # a local number in words keeps its letters (tel:555 called nobody)
        ("555-HELP", "tel", "tel:5554357"),
        # hours written after a number are no digits of it (tel:1888373788824)
        ("1-888-373-7888 24/7", "tel", "tel:+18883737888"),
        ("(402) 555-0142 9 AM - 5 PM", "tel", "tel:4025550142"),
        ("555-0100 8am-5pm", "tel", "tel:5550100"),
        ("0800 0121 700 24h", "tel", "tel:08000121700"),
        ("Open 24 hours: 555-0100", "tel", "tel:5550100"),
        ("9am-5pm: 555-0100", "tel", "tel:5550100"),
        ("Lun-Ven 9h-17h : 01 23 45 67 89", "tel", "tel:0123456789"),
        # `#` before a number says "number", not its extension: it was no link
        ("Hotline # 1-888-373-7888", "tel", "tel:+18883737888"),
        ("Tip line #1-888-373-7888", "tel", "tel:+18883737888"),
        # a no-break space or a dash of another script is a space or a dash: 911 EMERGENCY
        # written with a no-break space was tel:9113637436, 1–888–373–7888 tel:1 (review)
        ("911\u00a0EMERGENCY", "tel", "tel:911"),
        ("116\u00a0123\u202fSAMARITANS", "tel", "tel:116123"),
        ("555-0142\u00a0TTY", "tel", "tel:5550142"),
        ("+1\u00a0800\u00a0THE\u00a0LOST", "tel", "tel:+18008435678"),
        ("1\u2013888\u2013373\u20137888", "tel", "tel:+18883737888"),
        ("(402) 555\u20110142", "tel", "tel:4025550142"),
        # an invisible mark (a zero-width space, a direction mark) is no character of the
        # number, a hyphen bullet a hyphen: 1-888\u200b-373-7888 was tel:1888 (review HIGH)
        ("1-888\u200b-373-7888", "tel", "tel:+18883737888"),
        ("1\u200b888\u200b373\u200b7888", "tel", "tel:+18883737888"),
        ("\u200f+1 888 373 7888\u200f", "tel", "tel:+18883737888"),
        ("0161\u200c496\u20600000", "tel", "tel:01614960000"),
        ("1\u2043888\u2043373\u20437888", "tel", "tel:+18883737888"),
        ("911\u200bEMERGENCY", "tel", "tel:911"),
        # a full-width plus or bracket (a page in Japanese or Chinese) is a plus or a bracket:
        # ＋４４ ２０ ... was tel:442079460000, no country code (review)
        (
            "\uff0b\uff14\uff14 \uff12\uff10 \uff17\uff19\uff14\uff16 \uff10\uff10\uff10\uff10",
            "tel",
            "tel:+442079460000",
        ),
        (
            "\uff08\uff14\uff10\uff12\uff09\uff15\uff15\uff15\uff0d\uff10\uff11\uff14\uff12",
            "tel",
            "tel:4025550142",
        ),
        # a web address is no number: its digits were dialled (tel:2024, review)
        ("https://example.org/2024/help or 555-0100", "tel", "tel:5550100"),
        ("www.example.org/contact/2024 555-0100", "tel", "tel:5550100"),
        ("555-0100 (HTTPS://example.org/help/2)", "tel", "tel:5550100"),
        # hours before a number, or a range of them, are no number: tel:9, tel:954025550142
        ("Mon\u2013Fri 9\u20135: (402) 555-0142", "tel", "tel:4025550142"),
        ("M-F 9-5 (402) 555-0142", "tel", "tel:4025550142"),
        ("(402) 555-0142 9-5 M-F", "tel", "tel:4025550142"),
        ("8:30am\u20135pm, (402) 555-0142", "tel", "tel:4025550142"),
        ("(402) 555-0142 8:30 a.m. - 5:00 p.m.", "tel", "tel:4025550142"),
        ("Mon-Fri 08:00-17:00 (402) 555-0142", "tel", "tel:4025550142"),
        ("8.30am-5pm: 0161 496 0000", "tel", "tel:01614960000"),
        ("8.30-17.30 0161 496 0000", "tel", "tel:01614960000"),
        ("01.23.45.67.89", "tel", "tel:0123456789"),
        ("Mon - Fri, 9.00 - 17.00: 020 7946 0000", "tel", "tel:02079460000"),
        ("24/7/365: 1-888-373-7888", "tel", "tel:+18883737888"),
        ("Mo\u2013Fr 9\u201317 Uhr: 030 1234567", "tel", "tel:0301234567"),
        ("9h30-17h30 : 01 23 45 67 89", "tel", "tel:0123456789"),
        ("L-V 9-14h: 91 123 45 67", "tel", "tel:911234567"),
        ("1800-419-8588 24x7", "tel", "tel:18004198588"),  # was ;ext=7 of another number
        ("9-8-8", "tel", "tel:988"),
        ("01-23-45-67-89", "tel", "tel:0123456789"),
        # a number of one or two digits before a longer one is a label's (tel:1, tel:3)
        ("#1 hotline: 1-888-373-7888", "tel", "tel:+18883737888"),
        ("Line 2: (402) 555-0142", "tel", "tel:4025550142"),
        ("Police, 3rd precinct: (402) 444-5600", "tel", "tel:4024445600"),
        ("13YARN (13 92 76)", "tel", "tel:139276"),
        ("Appelez le 17", "tel", "tel:17"),
        # an area code and its number parted by a slash are one number (tel:030)
        ("030/1234567", "tel", "tel:0301234567"),
        ("Tel. 0221 / 123456", "tel", "tel:0221123456"),
        ("0161 496 0000 / 0001", "tel", "tel:01614960000"),
        # a trunk (0) after a country code written 00 is no digit (tel:004402079460000),
        # and 00 is dialled as the + it stands for, from any country (review)
        ("0044 (0)20 7946 0000", "tel", "tel:+442079460000"),
        ("0033 (0)1 23 45 67 89", "tel", "tel:+33123456789"),
        ("Telefon: +49 (0) 221 / 12345-0", "tel", "tel:+49221123450"),
        # a trunk 0 in brackets with the area code: +630287230401 called nobody; Italy's
        # 0 is dialled from abroad too (it was tel:+3961234567)
        ("+63 (02) 8723-0401", "tel", "tel:+63287230401"),
        ("+39 (0)6 1234567", "tel", "tel:+39061234567"),
        ("+44 (020) 7946 0000", "tel", "tel:+442079460000"),
        # a local number in words written a space apart (tel:555 called nobody)
        ("555 HELP", "tel", "tel:5554357"),
        ("988 CALL", "tel", "tel:988"),
        ("999 HELP", "tel", "tel:999"),
        # an extension in French, Spanish or Filipino English
        ("514 555-0142, poste 123", "tel", "tel:5145550142;ext=123"),
        ("(02) 8723-0401 loc. 123", "tel", "tel:0287230401;ext=123"),
        # written without one: dialled as written, in the country the phone is in. Mexico's
        # hotline is no US number (found in an audit: it was tel:+18005533000).
        ("800 5533 000", "tel", "tel:8005533000"),
        ("55 5346 1000", "tel", "tel:5553461000"),
        ("(212) 555-0100", "tel", "tel:2125550100"),
        ("0800 0121 700", "tel", "tel:08000121700"),
        ("08000 116 016", "tel", "tel:08000116016"),
        ("138 0013 8000", "tel", "tel:13800138000"),  # 11 digits, but no North American 1
        ("18883737888", "tel", "tel:18883737888"),  # as written: right where it is dialled
        ("911", "tel", "tel:911"),
        ("999", "tel", "tel:999"),
        ("233733", "sms", "sms:233733"),
    ],
)
def test_phone_href(number: str, scheme: str, expected: str) -> None:
    """A number is dialled as written: a country code only where it is written."""
    assert phone_href(number, scheme) == expected


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("1-888-373-7888", True),
        ("233733BEFREE", True),
        ("extension 5, 555-0100", True),  # the number after its extension (was no link)
        ("ext. 5 at 555-0100", True),
        ("Front desk, ext. 0", False),  # an extension alone calls nobody
        ("ext 5", False),
        ("https://wa.me/15551234567", False),  # a web address: tel:15551234567, no + (review)
        ("Hotline # 1-888-373-7888", True),  # `#` before a number is no extension
        ("BEFREE", False),
        ("use the live chat", False),
    ],
)
def test_dialable(field: str, expected: bool) -> None:
    """A contact's field is a link where it writes a number to dial."""
    assert dialable(field) is expected


# A contact's `text` is printed after "text" (`text 85258 Shout`): a code of five digits
# that starts it is no postal code before its city, as it is in `phone` (`10115 Berlin`),
# where another number follows it nowhere. It was no link (session 56).
TEXTED = [
    ("85258 Shout", "sms:85258", False),
    ("50808 Samaritans", "sms:50808", False),
    ("11611 Kinder", "sms:11611", False),
    ("85258 Shout (24/7)", None, False),  # digits after it: a postal code's, or hours?
    ("10115 Berlin, 030 1234567", "sms:0301234567", True),
]


@pytest.mark.parametrize(("field", "texted", "called"), TEXTED)
def test_a_code_of_five_digits_that_starts_a_text_field_is_texted(
    field: str, texted: str | None, called: bool
) -> None:
    """The same field as a `phone` is read as before: a postal code and its city."""
    assert (phone_href(field, "sms") if dialable(field, "sms") else None) == texted
    assert dialable(field) is called


# Relay UK's prefix before a number: a textphone's call, which a text reaches nowhere (a UK
# coalition's `text: "Textphone: 18001 01632 960 456"` was sms:1800101632960456). As a
# `phone` it is dialled whole; Australia's 1800 numbers are texted as before.
RELAYED = [
    ("Textphone: 18001 01632 960 456", None, "tel:1800101632960456"),
    ("18002 0113 496 0000", None, "tel:1800201134960000"),
    ("18001 999", None, "tel:18001999"),
    ("1800 123 456", "sms:1800123456", "tel:1800123456"),
    ("1800123456", "sms:1800123456", "tel:1800123456"),
]


@pytest.mark.parametrize(("field", "texted", "called"), RELAYED)
def test_a_number_after_relay_uks_prefix_is_called_not_texted(
    field: str, texted: str | None, called: str
) -> None:
    """No `sms:` link after 18001, 18002 or 18000 written as a group of its own."""
    assert (phone_href(field, "sms") if dialable(field, "sms") else None) == texted
    assert phone_href(field) == called


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("*not* emphasis_here", r"\*not\* emphasis\_here"),
        ("<b>tag</b> & co", "&lt;b>tag&lt;/b> &amp; co"),
        ("a | b", "a &#124; b"),
        ("two\nlines", "two lines"),
        ("[link](x)", r"\[link\](x)"),
        # pymdownx's mark, keys, tilde and caret: a single + or = is none (a phone's +44)
        ("==x== ++k++", "&#61;&#61;x&#61;&#61; &#43;&#43;k&#43;&#43;"),
        ("H~2~O a^b^ +44 a=b", "H&#126;2&#126;O a&#94;b&#94; +44 a=b"),
        # A heading's closing hashes: only those it ends with
        ("C# and F##", "C# and F&#35;&#35;"),
    ],
)
def test_markdown_text_is_literal(text: str, expected: str) -> None:
    assert markdown_text(text) == expected


def test_markdown_text_writes_a_long_run_of_hashes_in_linear_time() -> None:
    """Review rv61b: the closing hashes it writes as references (`#+$`) were looked for
    from each `#` of a run that does not end the name, to its end: 20,000 took 1.7 s."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.site.templates import markdown_text\n"
        "assert markdown_text('a' + '#' * 400_000 + 'b') == 'a' + '#' * 400_000 + 'b'\n"
        "assert markdown_text('C' + '#' * 400_000) == 'C' + '&#35;' * 400_000\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


@pytest.mark.parametrize("name", ["C#", "Room 4 #", "F##"])
def test_a_name_ending_in_a_hash_keeps_it_as_a_heading(name: str) -> None:
    """A term's or protocol's page heading is `# name`: Python-Markdown read the hashes
    it ends with as the heading's closing ones, and showed "C#" as C."""
    assert unescape(markdown.markdown(f"# {markdown_text(name)}")) == f"<h1>{name}</h1>"


# The extensions that read punctuation or digits in text as syntax.
_TEXT_SYNTAX_EXTENSIONS = [
    "smarty",
    "pymdownx.smartsymbols",
    "pymdownx.mark",
    "pymdownx.tilde",
    "pymdownx.caret",
    "pymdownx.keys",
    "pymdownx.emoji",
    "pymdownx.arithmatex",
    "pymdownx.critic",
]


@pytest.mark.parametrize(
    "name",
    [
        "(c) clause",
        "(R) and (TM) marks",
        "--x--",
        ":smile: policy",
        "$x$ rule",
        "$$x$$ rule",
        'survivor\'s "choice"...',
        "<<a>> >> b",
        "c/o a shelter, 1/2 of cases, +/- =/= --> <-- <-->",
        "the 1st and 22nd contact",
        "10:30:00 a:b: x",
        "==x== H~2~O a^b^ ++k++ C#",
    ],
)
def test_a_name_is_shown_as_typed_by_the_sites_extensions(name: str) -> None:
    """A term's name in its page's heading and in the glossary index's link
    (`markdown_text`): smarty, smartsymbols, emoji and arithmatex made `(c) clause`
    `© clause`, `--x--` `–x–`, `:smile: policy` an image and `$x$ rule` TeX (review)."""
    converter = markdown.Markdown(extensions=["toc", *_TEXT_SYNTAX_EXTENSIONS])
    heading = converter.convert(f"# {markdown_text(name)}")
    assert re.fullmatch(r'<h1 id="[^"<]*">([^<]*)</h1>', heading), heading
    assert unescape(heading.split(">", 1)[1].removesuffix("</h1>")) == name
    link = converter.reset().convert(f"- [{markdown_text(name)}](x.md)")
    assert unescape(link) == f'<ul>\n<li><a href="x.md">{name}</a></li>\n</ul>'


# magiclink with its shorthands on: mentions, a repository's issues and commits.
_MAGICLINK = {
    "pymdownx.magiclink": {
        "repo_url_shorthand": True,
        "social_url_shorthand": True,
        "provider": "github",
        "user": "coalition",
        "repo": "handbook",
    }
}


@pytest.mark.parametrize(
    "name",
    [
        "www.example.org rule",
        "WWW.Example.org rule",
        "https://example.org/x policy",
        "ftp://example.org",
        "@someone",
        "a@example.org contact",
        "twitter:@someone",
        "coalition/handbook#12 rule",
        "Room #1",
        "Case !12 and ?3",
        "@someone/repo",
        "user/repo@" + "a" * 40,
        "commit " + "0123456789abcdef" * 2 + "01234567",
    ],
)
def test_a_name_is_no_link_with_magiclink_on(name: str) -> None:
    """A term's name in its page's heading and the glossary index's list (`markdown_text`)
    with pymdownx.magiclink on: `www.example.org rule` and `@someone` were links
    (review, session 60); shown as typed, its anchor the slug of the name as typed."""
    converter = markdown.Markdown(extensions=["toc", *_MAGICLINK], extension_configs=_MAGICLINK)
    heading = converter.convert(f"# {markdown_text(name)}")
    assert re.fullmatch(r'<h1 id="[^"<]*">([^<]*)</h1>', heading), heading
    assert unescape(heading.split(">", 1)[1].removesuffix("</h1>")) == name
    plain = markdown.Markdown(extensions=["toc"]).convert(f"# {markdown_text(name)}")
    assert heading.split(">", 1)[0] == plain.split(">", 1)[0]
    item = converter.reset().convert(f"- {markdown_text(name)}")
    assert unescape(item) == f"<ul>\n<li>{name}</li>\n</ul>"


def test_an_earlier_heading_id_is_kept_where_it_differs_and_no_section_has_it() -> None:
    """Session 60's leftover: with smarty, smartsymbols or emoji on, `(c) clause`'s id
    was `#clause`, the slug of "© clause": the page keeps it (site/earlier_anchors.py).
    Not where a section of the page has that id now (`(c) sources` was `#sources`, the
    Sources section's id: one id is one element's), nor where it is the id made now, nor
    without those extensions."""
    on = ShortRenderer(["toc", *_TEXT_SYNTAX_EXTENSIONS], {})
    names = ["(c) clause", "--x--", "(c) sources", "c/o a shelter", "safety plan", "(tm) x"]
    assert earlier_anchors(names, on.convert) == {"(c) clause": "clause", "--x--": "x"}
    assert earlier_anchors(names, ShortRenderer(["toc"], {}).convert) == {}
    assert shows_names_otherwise_before(_TEXT_SYNTAX_EXTENSIONS)
    assert not shows_names_otherwise_before(["toc", "tables", "pymdownx.superfences"])


def test_earlier_heading_ids_are_found_in_one_document_and_kept_for_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name rendered alone, then and now, cost 11 s for 1,000 names with an apostrophe
    (own review): the names are rendered in a document as written then and one as now,
    a name whose id a document numbered (`clause_1`, alike with another's) alone again,
    and a build with the same names and extensions reads them from the cache."""
    renderer = ShortRenderer(["toc", "pymdownx.smartsymbols", "smarty"], {})
    rendered: list[str] = []
    convert = renderer.convert
    monkeypatch.setattr(renderer, "convert", lambda text: rendered.append(text) or convert(text))
    names = ["(c) clause", "(r) clause", "clause", "(c) sources", "survivor's plan"]
    expected = {"(c) clause": "clause", "(r) clause": "clause"}
    assert cached_earlier_anchors(names, renderer, RunCache.beside(tmp_path, "mkdocs.yml")) == (
        expected
    )
    # A document of the names as written then, one as now, then alone the headings
    # they numbered: the second `clause`, and `sources` (the section's first); the
    # apostrophe's name in neither (`_quotes_leave_ids_alike`'s three renders before).
    assert len(rendered) == 7 and rendered[5:] == ["# (r) clause", "# (c) sources"], rendered
    assert "survivor" not in " ".join(rendered[3:]), rendered
    assert cached_earlier_anchors(names, renderer, RunCache.beside(tmp_path, "mkdocs.yml")) == (
        expected
    )
    assert len(rendered) == 7


def test_a_name_that_differs_only_by_a_quote_is_not_rendered_where_slugs_drop_quotes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A name with an apostrophe is written otherwise now (`&#39;`), but smarty's curled
    quote and the straight one make the same id: a cold build (every CI run) rendered
    1,000 such names, 1.9 s, for no anchor (review rv62d). Three renders ask the site's
    Markdown; a slugify that keeps quotes gets each name's earlier id still."""
    renderer = ShortRenderer(["toc", "smarty", "pymdownx.smartsymbols"], {})
    rendered: list[str] = []
    convert = renderer.convert
    monkeypatch.setattr(renderer, "convert", lambda text: rendered.append(text) or convert(text))
    names = [f"survivor's plan {number}" for number in range(50)]
    names += ['the "T" visa', "survivors' fund", "(c) clause"]
    assert earlier_anchors(names, renderer.convert) == {"(c) clause": "clause"}
    assert len(rendered) == 5 and "survivor" not in " ".join(rendered[3:]), rendered
    keeping = ShortRenderer(
        ["toc", "smarty"], {"toc": {"slugify": lambda value, separator: value.replace(" ", "-")}}
    )
    found = earlier_anchors(["survivor's plan", "the 'T' visa"], keeping.convert)
    assert found == {"survivor's plan": "survivor’s-plan", "the 'T' visa": "the-‘T’-visa"}


def test_the_sections_an_earlier_heading_id_leaves_alone_are_the_templates_own() -> None:
    templates = Path(earlier_anchors_module.__file__).parent.parent / "templates" / "site"
    labels = {
        found
        for name in ("term.md.j2", "protocol.md.j2")
        for found in re.findall(r'^## \{\{ "([^"]+)"', (templates / name).read_text(), re.M)
    }
    assert labels == set(SECTION_HEADINGS)


@pytest.mark.parametrize(
    ("name", "anchor"),
    [
        ("(c) clause", "c-clause"),
        ("--x--", "-x-"),
        ("the :smile: policy", "the-smile-policy"),
        ('survivor\'s "choice"...', "survivors-choice"),
        ("c/o a shelter, 1/2 of cases", "co-a-shelter-12-of-cases"),
        ("the 1st contact", "the-1st-contact"),
    ],
)
def test_a_name_s_heading_anchor_is_the_slug_of_the_name_as_typed(name: str, anchor: str) -> None:
    """A term's or protocol's heading id is the slug of its name as typed, whatever the
    site's extensions: it is what a site without smarty, smartsymbols or emoji made
    before and makes now, and links to it stay when one is turned on or off (with them
    on, before the name was shown as typed, `(c) clause` was `#clause` and `--x--` `#x`,
    slugs of the © and dashes shown: decided in review, session 60)."""
    for extensions in ([], _TEXT_SYNTAX_EXTENSIONS):
        converter = markdown.Markdown(extensions=["toc", *extensions])
        heading = converter.convert(f"# {markdown_text(name)}")
        assert heading.startswith(f'<h1 id="{anchor}">'), (extensions, heading)


@pytest.mark.parametrize(
    "text",
    [
        # smartsymbols: care of, a fraction, ordinals (review rv58e: made ℅, ½, 1<sup>st</sup>)
        "c/o a shelter, 1/2 of cases, the 1st and 22nd contact, 3rd 4th",
        "(c) (tm) +/- =/= --> <-- ==mark== ~~del~~ ^^ins^^ ++ctrl+c++ \"q\" 'q' -- ...",
        "see https://example.org or www.example.org, a@example.org :smile: {++a++}",
        "&amp; &lt; <b>x</b> & co; ñ é 10 4x4 H2O 1.5m",
    ],
)
def test_literal_text_is_shown_as_typed_by_the_sites_extensions(text: str) -> None:
    """`literal_text` in a list item, rendered with the extensions that read punctuation
    or digits as syntax: its text as typed, no markup."""
    extensions = [
        "smarty",
        "pymdownx.smartsymbols",
        "pymdownx.mark",
        "pymdownx.tilde",
        "pymdownx.caret",
        "pymdownx.keys",
        "pymdownx.magiclink",
        "pymdownx.emoji",
        "pymdownx.critic",
    ]
    rendered = markdown.markdown(f"- {literal_text(text)}", extensions=extensions)
    item = rendered.removeprefix("<ul>\n<li>").removesuffix("</li>\n</ul>")
    assert "<" not in item
    assert unescape(item) == text


@pytest.mark.parametrize(
    ("short", "expected"),
    [
        ("Plain text.", "Plain text."),
        # Plain text, as the glossary index and the handouts show it (found in an audit).
        (
            "Under [22 U.S.C. 7102](https://x.org), *force*.",
            "Under [22 U.S.C. 7102](https://x.org), *force*.",
        ),
        ("Two\n  lines", "Two lines"),
        ("<b>kept</b> as text", "<b>kept</b> as text"),
    ],
)
def test_tooltip_text(short: str, expected: str) -> None:
    assert tooltip_text(short) == expected


@pytest.mark.parametrize(
    ("term", "letter"),
    [
        ("victim", "V"),
        ("Émigré", "E"),
        ("T visa", "T"),
        ("3Ps", "#"),
        ("  spaced", "S"),
        # Latin letters with no accent to drop, filed where a reader looks for them
        ("Łódź office", "L"),
        ("Øresund bridge", "O"),
        ("Æsir plan", "A"),
        ("Прием", "#"),
        ("Ħal Far", "H"),
        # Punctuation before the first letter is passed over (audit: `’til` under Other)
        ("\u2019til", "T"),
        ("'Ndrangheta", "N"),
        ("\u201cLoverboy\u201d method", "L"),
        ("\u00a1Basta!", "B"),
        ("\u02bbokina", "O"),
        ("...", "#"),
        # And invisible marks copied with a name: right-to-left, embedding, isolate, BOM
        ("\u200fAbuse", "A"),
        ("\u202b\u00abZona\u00bb roja", "Z"),
        ("\u2068Isolate\u2069", "I"),
        ("\ufeffBondage", "B"),
    ],
)
def test_index_letter(term: str, letter: str) -> None:
    assert index_letter(term) == letter


@pytest.mark.parametrize(
    ("language", "term", "letter"),
    [
        # Spanish files ñ as a letter of its own, after N (RAE), whatever its case or how
        # it was typed (n and a combining tilde); other accents are folded.
        ("es", "ñandú", "Ñ"),
        ("es", "Ñu", "Ñ"),
        ("es", "n\u0303andu", "Ñ"),
        ("es-MX", "ñandú", "Ñ"),
        ("es", "niño", "N"),
        ("es", "Émigré", "E"),
        ("es", "Øresund", "O"),
        # Danish and Norwegian: Æ Ø Å after Z, Ä filed as Æ and Ö as Ø.
        ("da", "Æble", "Æ"),
        ("nb", "ørn", "Ø"),
        ("no", "Åre", "Å"),
        ("nn", "Ärlig", "Æ"),
        ("da", "Östra", "Ø"),
        ("da", "ñandú", "N"),
        # Swedish and Finnish: Å Ä Ö after Z, Æ filed as Ä and Ø as Ö.
        ("sv", "Åre", "Å"),
        ("fi", "äiti", "Ä"),
        ("sv", "Øresund", "Ö"),
        ("sv", "Æsir", "Ä"),
        ("sv", "3Ps", "#"),
        # Any other language: A to Z, as before.
        ("en", "ñandú", "N"),
        ("de", "Äpfel", "A"),
        ("fr", "Åland", "A"),
        # Vietnamese: seven letters of its own, a tone mark on them or not, NFD too
        ("vi", "Đường dây nóng", "Đ"),
        # Ð (U+00D0, Latin eth) looks as Đ and stands for it in text converted from
        # Windows-1258: a Vietnamese site files it as Đ, not under D (review rv67h)
        ("vi", "\u00d0ường dây nóng", "Đ"),
        ("vi", "ăn", "Ă"),
        ("vi", "Ấn Độ", "Â"),
        ("vi", "ê\u0301m", "Ê"),
        ("vi", "Ổn định", "Ô"),
        ("vi", "ờ", "Ơ"),
        ("vi", "Ưu tiên", "Ư"),
        ("vi", "Ủy ban", "U"),
        ("vi", "Ánh sáng", "A"),
        ("vi", "hòa giải", "H"),
        ("en", "Đường dây nóng", "D"),
        ("fr", "Ơn", "O"),
    ],
)
def test_index_letter_in_the_sites_language(language: str, term: str, letter: str) -> None:
    assert index_letter(term, language) == letter


@pytest.mark.parametrize("language", ["es", "sv"])
def test_a_name_with_the_character_after_all_others_is_filed_as_the_rest(language: str) -> None:
    """Review: U+10FFFF, which YAML and the schema let through, was read as the mark of
    a letter the language adds, and `index_letter` failed with a KeyError (a traceback in
    the build); "n" + U+10FFFF + "1" was filed as "ñ". The character is no letter."""
    assert index_letter("a\U0010ffffb", language) == "A"
    assert index_letter("n\U0010ffff1", "es") == "N"
    assert sort_key("n\U0010ffff1", "es") < sort_key("nz", "es")


@pytest.mark.parametrize(
    ("language", "term", "letter", "group"),
    [
        # Letters a language adds to A-Z and another script's share one way of filing
        # (`slugs._IndexAlphabet`): a letter typed as a base and a combining mark is the
        # composed letter in either; the added ones are listed among A-Z, the script's first.
        ("es", "N\u0303u", "Ñ", 1),
        ("uk", "И\u0306од", "Й", 0),
        ("ar", "ا\u0653ب", "ا", 0),
        ("ar", "\u0640كتاب", "ك", 0),  # tatweel, no letter to file by
        ("uk", "мʼята", "М", 0),
        # A Latin letter another script's language has not: folded as everywhere.
        ("uk", "ñandú", "N", 1),
        ("ar", "Æsir", "A", 1),
        ("es", "Мати", "#", 2),
        # U+10FFFF is no letter in either kind: left out, as "a\U0010ffffb" shows above.
        ("uk", "\U0010ffffяблуко", "Я", 0),
        # Arabic presentation forms, as a PDF's text gives them: filed by their letters,
        # not under `#` (`ﺍ` is an alef, `ﻻ` lam-alef, `ﮊ` Persian jeh).
        ("ar", "\ufe8d\ufefb\ufe97\ufea0\ufe8e\ufead", "ا", 0),
        ("ar", "\ufefbجئ", "ل", 0),
        ("fa", "\ufb8aاله", "ژ", 0),
    ],
)
def test_added_letters_and_another_scripts_are_filed_alike(
    language: str, term: str, letter: str, group: int
) -> None:
    assert index_letter(term, language) == letter
    assert a_to_z_key(term, language)[0] == group


def test_a_name_after_an_apostrophe_is_listed_among_its_letters_names(tmp_path: Path) -> None:
    """Filed under T, `’til` sat after Z's section (its key began with the apostrophe):
    among the Ts, in their order, on the glossary index."""
    from coalition_handbook.site.pages import SiteInputs, glossary_index

    ordered = ["take", "\u2019til", "trafficker", "zone"]
    assert sorted([*ordered[2:], *ordered[:2]], key=a_to_z_key) == ordered
    terms = {f"glossary/t{n}.yml": term_yaml(name) for n, name in enumerate(ordered)}
    handbook, _ = load(tmp_path, terms)
    page = glossary_index(SiteInputs(handbook))
    assert "## Other" not in page
    t_section = page.split("## T ", 1)[1].split("## Z ", 1)[0]
    assert t_section.index("take") < t_section.index("\u2019til") < t_section.index("trafficker")


@pytest.mark.parametrize(
    ("language", "ordered"),
    [
        # Audit: a Spanish site put ñandú before niño; RAE files ñ after every n.
        ("es", ["anuncio", "año", "ninguno", "niña", "niño", "ñandú", "Ñu", "oasis"]),
        ("es", ["n-b", "nz", "ñ-a", "ñandú"]),  # word by word after ñ too
        ("da", ["Oslo", "zulu", "Æble", "ärlig", "ørn", "Östra", "Åre"]),
        ("sv", ["Oslo", "zulu", "Åre", "ärlig", "Æsir", "Øresund", "östra"]),
        ("en", ["Æble", "año", "anuncio", "Åre", "ñandú", "niño", "Øresund", "zulu"]),
        # Vietnamese: Ă, Â after A, Đ after D, Ê after E, Ô, Ơ after O, Ư after U, a
        # tone on either (`ắ`, `ồ`) filed as its letter; tones alone as accents (audit ar66)
        (
            "vi",
            [
                "an toàn",
                "ăn",
                "ắt",
                "ân",
                "dân",
                "Đà Nẵng",
                "đường dây",
                "em",
                "êm",
                "ổn",
                "Ở",
                "ơn",
                "quyền",
                "uỷ ban",
                "ưu tiên",
                "xã hội",
            ],
        ),
    ],
)
def test_sort_key_in_the_sites_language(language: str, ordered: list[str]) -> None:
    assert sorted(ordered, key=lambda text: sort_key(text, language)) == ordered


@pytest.mark.parametrize(
    ("language", "letters"),
    [
        ("en", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        ("es", "ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"),
        ("es_MX", "ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"),
        ("nb-NO", "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"),
        ("fi", "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ"),
        ("pt-BR", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        ("vi", "AĂÂBCDĐEÊFGHIJKLMNOÔƠPQRSTUƯVWXYZ"),
        ("ar", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        ("fa", "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        ("uk", "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    ],
)
def test_index_letters(language: str, letters: str) -> None:
    assert "".join(index_letters(language)) == letters


@pytest.mark.parametrize("language", sorted(ADDED_LETTERS))
def test_each_letter_of_the_index_has_its_own_ascii_anchor(tmp_path: Path, language: str) -> None:
    """An anchor is part of a link others keep: ASCII, one per letter, and A to Z's
    unchanged (`letter-a`) in every language."""
    from coalition_handbook.site.pages import SiteInputs, glossary_index

    letters = index_letters(language)
    terms = {f"glossary/t{n}.yml": term_yaml(f"{letter}x") for n, letter in enumerate(letters)}
    handbook, _ = load(tmp_path, terms)
    page = glossary_index(SiteInputs(handbook, language=language))
    anchors = re.findall(r"^## (\S+) \{ #(\S+) data-search-exclude \}$", page, re.MULTILINE)
    assert [letter for letter, _ in anchors] == list(letters)
    ids = [anchor for _, anchor in anchors]
    assert all(re.fullmatch(r"letter-[a-z]+", anchor) for anchor in ids)
    assert len(set(ids)) == len(ids)
    assert {f"letter-{chr(code)}" for code in range(ord("a"), ord("z") + 1)} <= set(ids)


@pytest.mark.parametrize(
    ("language", "ordered", "letters"),
    [
        # Audit: every Arabic, Persian and Ukrainian term was under "Other", in the order
        # of its code points (Persian ق before پ, Ukrainian Ї after Я). Filed by the
        # script's own letters, before A-Z; alef with a hamza as alef, the vowel marks
        # and tatweel aside; Arabic kaf and yeh as Persian keheh and yeh in Persian.
        ("ar", ["الاتجار", "أمل", "بَيت", "ضحية", "كتاب", "هوا", "ولد", "يد", "NGO", "1 خط"],
         "اابضكهويN#"),
        ("fa", ["آب", "پناهنده", "چهره", "قاچاق انسان", "كودك", "گزارش", "ولد", "هوا", "یک"],
         "اپچقکگوهی"),
        ("uk", ["Ґанок", "Європа", "Іван", "їжа", "йод", "Мати", "мʼята", "яблуко", "Fax"],
         "ҐЄІЇЙММЯF"),
    ],
)  # fmt: skip
def test_a_language_of_another_script_files_terms_by_its_letters(
    tmp_path: Path, language: str, ordered: list[str], letters: str
) -> None:
    from coalition_handbook.site.pages import SiteInputs, glossary_index

    rotated = [*ordered[1:], ordered[0]]
    assert sorted(rotated, key=lambda name: a_to_z_key(name, language)) == ordered
    assert "".join(index_letter(name, language) for name in ordered) == letters
    terms = {f"glossary/t{n}.yml": term_yaml(name) for n, name in enumerate(ordered)}
    handbook, _ = load(tmp_path, terms)
    page = glossary_index(SiteInputs(handbook, language=language))
    anchors = re.findall(r"^## (\S+) \{ #(\S+) data-search-exclude \}$", page, re.MULTILINE)
    assert "".join(dict.fromkeys(letters)) == "".join(
        "#" if letter == "Other" else letter for letter, _ in anchors
    )
    ids = [anchor for _, anchor in anchors]
    assert all(re.fullmatch(r"letter-[a-z]+(?:-[a-z]+)*", anchor) for anchor in ids)
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize(
    "ordered",
    [
        ["action-means-purpose model", "action plan", "actions"],
        ["person-first language", "person with lived experience", "personal"],
        ["co\u2011worker", "co-worker's", "coworker"],  # a non-breaking hyphen too
        ["Łódź-based office", "Lodz office", "Lodzkie"],
        ["-hyphen first", "A-team"],  # no word before it: not a space
    ],
)
def test_a_hyphen_between_words_sorts_as_a_space(ordered: list[str]) -> None:
    """Word by word, as a dictionary files names (audit: "action plan" came before
    "action-means-purpose model" in the A-Z index)."""
    assert sorted(ordered, key=sort_key) == ordered


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Title\n\nBody.\n", "# Title\n\nFACTS\n\n\nBody.\n"),
        ("\n# Title\nBody.\n", "\n# Title\n\nFACTS\n\nBody.\n"),
        # No title of its own: the module's, for an id the skip link goes to (audit).
        ("Body first.\n", "# The module\n\nFACTS\n\nBody first.\n"),
    ],
)
def test_module_facts_go_under_the_title(markdown: str, expected: str) -> None:
    assert inject_module_header(markdown, "FACTS\n", "The module") == expected


def test_a_module_title_written_as_a_heading_stays_text() -> None:
    injected = inject_module_header("Body.\n", "FACTS\n", "C# <b> & *me*")
    assert injected == "# C\\# &lt;b> &amp; \\*me\\*\n\nFACTS\n\nBody.\n"


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        # Only the `#` of no character reference escaped: "H~2~O" had the anchor
        # #h1262126o, its references' digits, and "a | b" #a-124-b.
        ("H~2~O", "H&#126;2&#126;O"),
        # A `#` before a digit is a reference already: magiclink's issue (`#1`).
        ("a | b #1", "a &#124; b &#35;1"),
        ("&#126;", "&amp;&#35;126;"),
    ],
)
def test_a_module_title_s_references_stay_references(title: str, heading: str) -> None:
    assert inject_module_header("Body.\n", "FACTS\n", title).startswith(f"# {heading}\n")


class _FakePage:
    def __init__(self, title: str) -> None:
        self.meta = {"title": title}


def test_a_block_rendered_once_shows_each_pages_title() -> None:
    once = RenderedOnce()
    calls: list[str] = []

    def header_of(page: _FakePage) -> Callable[[], str]:
        def render() -> str:
            calls.append(page.meta["title"])
            return f"<header>{page.meta['title']}</header>"

        return render

    first, second = _FakePage("survivor"), _FakePage("victim")
    assert once("header", "..", header_of(first), first) == "<header>survivor</header>"
    assert once("header", "..", header_of(second), second) == "<header>victim</header>"
    assert calls == ["survivor", RenderedOnce.TITLE_SLOT]  # the second page reused it
    assert first.meta["title"] == "survivor"  # the stand-in title was put back


def test_a_block_that_shows_the_title_twice_is_rendered_for_every_page() -> None:
    once = RenderedOnce()
    calls: list[str] = []

    def twice_of(page: _FakePage) -> Callable[[], str]:
        def render() -> str:
            calls.append(page.meta["title"])
            return f"{page.meta['title']} {page.meta['title'].upper()}"

        return render

    for title in ("survivor", "victim"):
        page = _FakePage(title)
        assert once("header", "..", twice_of(page), page) == f"{title} {title.upper()}"
    # the first page twice (its own title, the stand-in), then each page's own
    assert calls == ["survivor", RenderedOnce.TITLE_SLOT, "victim"]


def test_the_theme_s_search_box_is_rendered_once_for_pages_at_one_depth(tmp_path: Path) -> None:
    """The plugin's search partial adds its no-script link to the theme's own search box,
    which is the same on every page: rendered once a build for each `base_url`, not once
    a page (0.3 s of a 1000-page build), each page's HTML as before."""
    theme = tmp_path / "theme"
    (theme / "partials").mkdir(parents=True)
    (theme / SEARCH_PARTIAL).write_text('<div class="md-search">{{ rendered() }}</div>\n')
    dirs = [str(THEME_TEMPLATES), str(theme)]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(dirs))
    with_theme_s_own_templates(env, dirs)
    renders: list[str] = []
    env.globals.update(
        rendered=lambda: renders.append("search") or "",
        handbook_once=RenderedOnce(),
        handbook_glossary=None,
    )
    template = env.get_template(SEARCH_PARTIAL)
    pages = [template.render(base_url=base_url) for base_url in ("..", "..", "../..", "..")]
    assert pages == ['<div class="md-search"></div>'] * 4
    assert renders == ["search", "search"]  # once for "..", once for "../.."


def test_a_term_that_other_terms_build_on_gets_a_higher_search_boost(tmp_path: Path) -> None:
    handbook, problems = load(
        tmp_path,
        {
            "glossary/human-trafficking.yml": term_yaml(
                "human trafficking", "aliases: [trafficking in persons, TIP]\n"
            ),
            "glossary/prevention-month.yml": term_yaml(
                "National Human Trafficking Prevention Month",
                "aliases: [Human-Trafficking Prevention Month]\n",
            ),
            "glossary/tip-line.yml": term_yaml("HSI Tip Line"),
            "glossary/office.yml": term_yaml("Office to Monitor and Combat Trafficking in Persons"),
            "glossary/victim.yml": term_yaml("victim"),
            "glossary/victims-act.yml": term_yaml("Trafficking Victims Protection Act"),
        },
    )
    assert problems == []
    boosts = term_search_boosts(handbook.terms.values())
    # Built on by three terms: the month (by its name and its alias, once), the office
    # ("trafficking in persons") and the tip line ("TIP": the search ignores case).
    assert boosts["human-trafficking"] == pytest.approx(BASE + 3 * PER_TERM_BUILT_ON)
    # "victims" is another word than "victim"; nothing contains a whole longer term.
    assert boosts["victim"] == BASE
    assert {boosts[term_id] for term_id in ("prevention-month", "tip-line", "office")} == {BASE}


# The policy of a page with no inline script.
META = policy_meta()


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<html><head><title>A</title></head></html>", f"<html><head>{META}<title>A</title>"),
        ('<html><HEAD lang="en">\n<meta charset="utf-8">', f'<html><HEAD lang="en">{META}\n'),
        # a policy of the page's own stays, and the site's applies too: a browser applies
        # both, so the page's can only forbid more (front matter can put one in the head)
        (
            '<head><meta http-equiv="content-security-policy" content="default-src *">',
            f'<head>{META}<meta http-equiv="content-security-policy" content="default-src *">',
        ),
        # no head written: where the browser's own head starts (a file copied from docs_dir)
        ("<p>No head</p>", f"{META}<p>No head</p>"),
        ("<!DOCTYPE html>\n<html lang=en><p>A", f"<!DOCTYPE html>\n<html lang=en>{META}<p>A"),
        ("<!-- a note --> <img src=x>", f"<!-- a note --> {META}<img src=x>"),
        # one in the body is no policy to a browser: the page still gets the site's
        (
            '<head></head><body><meta http-equiv="content-security-policy" content="x">',
            f"<head>{META}</head><body>",
        ),
        (
            '<HEAD></HEAD><BODY><meta http-equiv="content-security-policy" content="x">',
            f"<HEAD>{META}</HEAD><BODY>",
        ),
        (  # no end tag: the head ends where the body starts
            '<head><title>A</title><body><meta http-equiv="content-security-policy">',
            f"<head>{META}<title>A</title><body>",
        ),
        ("<header>Not the head</header>", f"{META}<header>Not the head</header>"),
        (  # the head's tag written again later: the meta goes after the first only
            "<head></head><body><textarea><head></textarea>",
            f"<head>{META}</head><body><textarea><head></textarea>",
        ),
    ],
)
def test_the_content_policy_heads_a_page_once(page: str, expected: str) -> None:
    with_policy = with_content_policy(page)
    assert with_policy.startswith(expected)
    assert with_policy.count(META) == 1
    assert with_content_policy(with_policy) == with_policy


@pytest.mark.parametrize(
    ("html", "runs"),
    [
        ("<script>a()</script>", ["a()"]),
        ('<SCRIPT TYPE=" Text/JavaScript ">a()</SCRIPT >', ["a()"]),
        ('<script type="module">a()</script><script>b()</script>', ["a()", "b()"]),
        ("<script data-x='>'>a()</script>", ["a()"]),  # a `>` in a quoted value
        ('<script title="src" data-x=src>a()</script>', ["a()"]),  # "src" as a value
        ('<script language="javascript">a()</script>', ["a()"]),
        ("<script>a()\r\nb()\rc()</script>", ["a()\nb()\nc()"]),  # as the browser reads it
        ("<script></script>", [""]),
        # data, not script
        ('<script id="__config" type="application/json">{"a": 1}</script>', []),
        ('<script type="text/plain">a()</script>', []),
        ('<script type="text/javascript; charset=utf-8">a()</script>', []),
        ('<script language="vbscript">a()</script>', []),
        # loaded, not inline
        ('<script src="a.js"></script>', []),
        ("<script async src>a()</script>", []),
        ("<!-- <script>a()</script> -->", []),  # in a comment
        ("<!-- a --><script>b()</script><!-- <script>c()</script>", ["b()"]),  # left open
        # not a script as a browser reads it: no HTML space after the name, no `s`
        ("<script\u00a0>a()</script>", []),
        ("<\u017fcript>a()</script>", []),
        ("<script>a()</script\u00a0><script>b()</script>", ["a()</script\u00a0><script>b()"]),
        # a `<` in the text, or an end tag of another name, ends no script
        ("<script>if (a<b) c()</script>", ["if (a<b) c()"]),
        ("<script>a()</scripts>b()</script>", ["a()</scripts>b()"]),
        ("<script>a()</script", ["a()</script"]),  # left open: to the end of the page
        ("<p>no script</p>", []),
    ],
)
def test_the_scripts_a_page_runs_are_named_by_their_hash(html: str, runs: list[str]) -> None:
    assert inline_script_hashes(html) == {script_source(text) for text in runs}


def test_the_theme_s_scripts_are_hashed_once_for_all_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every page of a site holds the theme's same scripts: each is read and hashed once
    a build, not once a page (the policy is worked out for every page written)."""
    hashed: list[bytes] = []
    sha256 = inline_scripts.hashlib.sha256

    class CountingHashlib:
        @staticmethod
        def sha256(data: bytes) -> object:
            hashed.append(data)
            return sha256(data)

    monkeypatch.setattr(inline_scripts, "hashlib", CountingHashlib)
    page = "<html><head><script>a()</script></head><body><script>{}</script></body></html>"
    texts = [f"page({number})" for number in range(3)] + ["a()"]
    getattr(inline_scripts._source, "cache_clear", list)()  # hashes of earlier tests
    for number in range(3):
        assert inline_script_hashes(page.format(f"page({number})")) == {
            script_source("a()"),
            script_source(f"page({number})"),
        }
    assert sorted(hashed) == sorted(text.encode() for text in texts)


def test_the_content_policy_names_the_page_s_scripts_and_lets_no_handler_run() -> None:
    """Security audit: the policy let every inline script run, an event handler too
    (`{: onfocus=... autofocus }` in a term's definition ran). It names the hashes of the
    page's own scripts, which a browser that knows them heeds in place of
    `'unsafe-inline'` (kept for older ones); a page with none runs no inline script."""
    page = '<html><head><script>a()</script></head><body><p onclick="b()">B</p></body></html>'
    policy = f"default-src 'self'; script-src 'self' 'unsafe-inline' {script_source('a()')}; "
    assert policy in with_content_policy(page)
    assert "script-src 'self'; " in content_policy()


def _material_page(script: str = "") -> str:
    """A page as Material writes it: a head script that differs with the page's depth,
    and content (with a script of its own, if given) that instant navigation replaces."""
    return (
        f"<html><head><script>scope({len(script)})</script></head><body>"
        f'<div data-md-component="container"><script>tabs()</script>{script}</div></body></html>'
    )


def test_with_instant_navigation_every_page_lets_the_content_scripts_of_all_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Material's instant navigation runs the next page's content scripts under the
    policies of the pages shown before: each page's names them all, its own head script
    besides. Only a page written before a script it lacks is written again."""
    policies = InstantNavigationPolicies()
    pages = {
        "a.html": _material_page(),
        "redirect.html": "<html><head><script>go()</script></head></html>",
        "b.html": _material_page("<script>own()</script>"),
        "c.html": _material_page(),
    }
    for name, html in pages.items():
        (tmp_path / name).write_text(policies.with_content_policy(html, tmp_path / name))
    rewritten: list[str] = []
    write_bytes = Path.write_bytes
    monkeypatch.setattr(
        Path,
        "write_bytes",
        lambda path, data: (rewritten.append(path.name), write_bytes(path, data)),
    )
    policies.complete()
    assert rewritten == ["a.html"]
    content = {script_source("tabs()"), script_source("own()")}
    for name, head in (("a.html", "scope(0)"), ("b.html", "scope(22)"), ("c.html", "scope(0)")):
        html = (tmp_path / name).read_text()
        assert html.count("Content-Security-Policy") == 1
        assert policy_meta({script_source(head), *content}) in html, name
    redirect = (tmp_path / "redirect.html").read_text()  # never shown in another's place
    assert policy_meta({script_source("go()")}) in redirect


def test_with_instant_navigation_pages_alike_are_written_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policies = InstantNavigationPolicies()
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(
            policies.with_content_policy(_material_page(), tmp_path / name)
        )
    monkeypatch.setattr(Path, "write_bytes", lambda path, data: pytest.fail(f"{path} rewritten"))
    policies.complete()


def test_a_page_tells_no_other_host_where_its_reader_came_from() -> None:
    """DESIGN 7: a link followed to another host (a source, a contact) does not give it
    the handbook page's address (audit: no referrer policy)."""
    html = with_content_policy("<html><head><title>A</title></head><body>B</body></html>")
    referrers = [meta.attrs for meta in elements(html, "meta") if meta.attrs.get("name")]
    assert referrers == [{"name": "referrer", "content": "no-referrer"}]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p>A <a href="https://example.org/">link</a> is no load.</p>', []),
        ('<p><img alt="x" src="https://example.org/a.png"></p>', ["https://example.org/a.png"]),
        ('<img src="//cdn.example.org/a.png">', ["//cdn.example.org/a.png"]),
        ('<img src="../img/a.png" srcset="a.png 1x, https://x.org/b.png 2x">', ["https://x.org/b.png"]),
        ('<IFRAME SRC="https://www.youtube.com/embed/x"></IFRAME>', ["https://www.youtube.com/embed/x"]),
        ('<video poster="https://x.org/p.jpg"><source src="v.mp4"></video>', ["https://x.org/p.jpg"]),
        ('<link rel="stylesheet" href="https://x.org/s.css">', ["https://x.org/s.css"]),
        ('<link rel="canonical" href="https://x.org/">', []),
        ('<img src="data:image/png;base64,AAAA">', []),
        ('<img src="https://x.org/a.png?a=1&amp;b=2">', ["https://x.org/a.png?a=1&b=2"]),
        ("<pre><code>&lt;img src=\"https://x.org/a.png\"&gt;</code></pre>", []),
        ('<img src="https://x.org/a.png"><img src="https://x.org/a.png">', ["https://x.org/a.png"]),
        ('<!-- <img src="https://x.org/old.png"> --><p>A page.</p>', []),
        # A comment ends where a browser ends it: `<!-->`, `--!>` (the shared rule).
        ('<!--><img src="https://x.org/a.png">-->', ["https://x.org/a.png"]),
        ('<!-- x --!><img src="https://x.org/b.png">-->', ["https://x.org/b.png"]),
        # What browsers read as another host, with no "//" in it (found in review)
        ('<img src="https:x.org/a.png">', ["https:x.org/a.png"]),
        ('<img src="\\\\x.org/a.png">', ["\\\\x.org/a.png"]),
        ('<img src="https-guide.png">', []),
        # Character references and line breaks, as browsers read them (found in review)
        ('<img src="https&#58;x.org/a.png">', ["https:x.org/a.png"]),
        ('<img src="&#47;&#47;x.org/a.png">', ["//x.org/a.png"]),
        ('<img src="h\nttps:x.org/a.png">', ["h\nttps:x.org/a.png"]),
        # CSS, SVG and old attributes a browser fetches by (found in an audit)
        ('<div style="background:url(https://x.org/bg.png)">A</div>', ["https://x.org/bg.png"]),
        ('<p STYLE="background-image: url(&quot;//x.org/q.png&quot;)">', ["//x.org/q.png"]),
        ('<p style="background: u\\72l(https://x.org/e.png)">', ["https://x.org/e.png"]),
        ('<p style="background: image-set(\'https://x.org/s.png\' 1x)">', ["https://x.org/s.png"]),
        ('<p style="text-align: left">A</p><p style="background: url(bg.png)">', []),
        ('<style>@import url("https://x.org/i.css"); .x{background:url(https://x.org/b.png)}</style>',
         ["https://x.org/i.css", "https://x.org/b.png"]),
        ('<style media="print">@import "//x.org/p.css" print;</style>', ["//x.org/p.css"]),
        ("<style>/* url(https://x.org/c.png) */ @namespace svg url(http://www.w3.org/2000/svg);"
         "</style>", []),
        ('<style><!-- .x{background:url(https://x.org/old-style.png)} --></style>',
         ["https://x.org/old-style.png"]),
        ('<!-- <div style="background:url(https://x.org/gone.png)"> -->', []),
        ('<svg><image href="https://x.org/i.png"/><use xlink:href="https://x.org/u.svg#a"/></svg>',
         ["https://x.org/i.png", "https://x.org/u.svg#a"]),
        ('<svg><feImage href="//x.org/f.png"/><a href="https://x.org/">link</a></svg>',
         ["//x.org/f.png"]),
        ('<image src="https://x.org/read-as-img.png">', ["https://x.org/read-as-img.png"]),
        ('<table background="https://x.org/t.png"><tr><td background="//x.org/d.png">',
         ["https://x.org/t.png", "//x.org/d.png"]),
        ('<div background="https://x.org/not-drawn.png">', []),
        ('<link rel="prerender" href="https://x.org/next">', ["https://x.org/next"]),
        ('<link rel="preconnect" href="https://x.org">', []),  # remote_connections
        # A tag ends where a browser ends it: not at a `>` in a quoted value, nor at a
        # quote in an unquoted one; one left open at the end of the page is none.
        ('<img alt="a>b" src="https://x.org/a.png">', ["https://x.org/a.png"]),
        ('<img alt=x"y" src="https://x.org/q.png">', ["https://x.org/q.png"]),
        ('<p>A</p><img src="https://x.org/open.png"', []),
        # Loaded by a browser with scripts off (Tor Browser's safest setting)
        ('<noscript><img src="https://x.org/n.png"></noscript>', ["https://x.org/n.png"]),
        ('<INPUT type="image" SRC="https://x.org/button.png">', ["https://x.org/button.png"]),
    ],
)  # fmt: skip
def test_what_a_page_would_load_from_another_host(html: str, expected: list[str]) -> None:
    assert remote_resources(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<link rel="dns-prefetch" href="//x.org">', [("//x.org", "dns-prefetch")]),
        ('<LINK REL="Preconnect" HREF="https://x.org" crossorigin>',
         [("https://x.org", "preconnect")]),
        ('<link rel="preconnect" href="/">', []),
        ('<!-- <link rel="preconnect" href="https://x.org"> -->', []),
        ('<link rel="stylesheet" href="https://x.org/s.css">', []),  # remote_resources
    ],
)  # fmt: skip
def test_the_other_hosts_a_page_has_browsers_reach_ahead(
    html: str, expected: list[tuple[str, str]]
) -> None:
    """No fetch, but the host or its name server learns of the visit (found in an audit)."""
    assert remote_connections(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p>A</p>\n<meta name="referrer" content="unsafe-url">',
         ['<meta name="referrer" content="unsafe-url">']),
        ('<META NAME=Referrer CONTENT=" Always ">', ['<META NAME=Referrer CONTENT=" Always ">']),
        ('<a href="https://x.org" referrerpolicy="origin">x</a>',
         ['<a href="https://x.org" referrerpolicy="origin">']),
        ('<meta name="referrer" content="no-referrer"><a referrerpolicy="same-origin">', []),
        ('<meta name="referrer" content="unknown">', []),  # ignored: the site's stays
        ('<!-- <meta name="referrer" content="unsafe-url"> -->', []),
        ('<code>&lt;meta name="referrer" content="unsafe-url"&gt;</code>', []),
        ("<p>Its referrer policy is unsafe-url.</p>", []),
    ],
)  # fmt: skip
def test_a_referrer_policy_that_tells_other_hosts_is_found(html: str, expected: list[str]) -> None:
    """Security review: a page's own `<meta name="referrer" content="unsafe-url">`, in
    its body, had Chromium send the page's address to the host of a link followed from
    it, over the site's no-referrer, with nothing in the log."""
    assert referrer_overrides(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<form action="https://other.example/a"><input name=q></form>',
            ["https://other.example/a"],
        ),
        ("<FORM ACTION=' //other.example/b '>", ["//other.example/b"]),
        ('<form><input type=submit formaction="http:other.example">', ["http:other.example"]),
        ('<form action="/search"></form><form action="../x"></form><form>', []),
        ('<!-- <form action="https://other.example/"> -->', []),
        ('<p>action="https://other.example/" formaction</p><a href="https://x.org/">', []),
    ],
)
def test_a_form_that_sends_to_another_host_is_found(html: str, expected: list[str]) -> None:
    assert remote_form_targets(html) == expected


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("https://u:p@h.example/x", "https://***@h.example/x"),
        ("HTTP://u:Pa(ss)[1]'@h.example/x", "HTTP://***@h.example/x"),
        ("  ftp://u:p@ss@h.example", "  ftp://***@h.example"),
        ("//u:p@h.example/x", "//***@h.example/x"),
        ("http:u:p@h.example", "http:***@h.example"),
        ("sftp://u:p@h.example/x", "sftp://***@h.example/x"),
        (
            "https://h.example/@user?mail=a@b.example#c@d",
            "https://h.example/@user?mail=a@b.example#c@d",
        ),
        ("mailto:a@b.example", "mailto:a@b.example"),
    ],
)
def test_a_password_before_a_host_is_not_repeated(address: str, shown: str) -> None:
    """Review rv65f: a whole value's password is masked whatever it holds (`(`, `'`,
    `[`), after a space too; what follows the host keeps its `@`."""
    assert without_userinfo(address) == shown


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        (b'@import url("https://fonts.googleapis.com/css2?family=Roboto");\nbody { color: red }',
         [("https://fonts.googleapis.com/css2?family=Roboto", 1)]),
        (b'@import "//x.org/a.css" screen;', [("//x.org/a.css", 1)]),
        (b"h1 { color: red }\n\nbody {\n  background: url(https://x.org/b.png) }",
         [("https://x.org/b.png", 4)]),
        (b"@font-face { font-family: F;\n src: url('https://x.org/f.woff2') format('woff2') }",
         [("https://x.org/f.woff2", 2)]),
        (b"@media print { .a { background: url(//x.org/p.png) } }", [("//x.org/p.png", 1)]),
        (b".a { background: url(https://x.org/b.png) }\n"
         b".b { background: url(https://x.org/b.png) }",
         [("https://x.org/b.png", 1)]),
        (b"@namespace svg url(http://www.w3.org/2000/svg);\n/* url(https://x.org/c.png) */", []),
        (b".a { background: url(img/a.png) } .b { content: 'https://x.org/' }", []),
        (b"\xef\xbb\xbf.a { background: url(https://x.org/bom.png) }",
         [("https://x.org/bom.png", 1)]),
        (b"\xff\xfe", []),  # no CSS at all: nothing, and no exception
        # An `@import` after any other rule is ignored by browsers (found in review)
        (b".a { color: red }\n@import url(https://x.org/late.css);", []),
        (b"@font-face { font-family: F }\n@import url(https://x.org/late.css);", []),
        (b"@layer a { .b { color: red } }\n@import url(https://x.org/late.css);", []),
        (b'@charset "utf-8";\n@layer base, theme;\n@import "//x.org/a.css";\n'
         b'@import url(https://x.org/b.css);',
         [("//x.org/a.css", 3), ("https://x.org/b.css", 4)]),
    ],
)  # fmt: skip
def test_what_a_stylesheet_would_load_from_another_host(
    css: bytes, expected: list[tuple[str, int]]
) -> None:
    assert remote_stylesheet_loads(css) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("0; url=https://x.org/", ["https://x.org/"]),
        ("0; url=https:x.org/", ["https:x.org/"]),  # no "//", another host all the same
        ("0; url=/\\x.org/", ["/\\x.org/"]),
        ("0; url=next.html", []),
        ("0; url=https&colon;x.org/", ["https:x.org/"]),
    ],
)
def test_where_a_page_sends_its_reader_as_it_opens(content: str, expected: list[str]) -> None:
    assert remote_redirects(f'<meta http-equiv="refresh" content="{content}">') == expected


def test_a_page_whose_only_input_is_a_content_tab_is_not_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Content tabs put an `<input>` in many pages, and one loads only by its `src`: a
    full reading of those pages made the scan six times slower (found in review)."""
    monkeypatch.setattr(other_hosts, "start_tags", lambda *_, **__: pytest.fail("parsed"))
    tabs = '<div class="tabbed-set"><input checked="checked" id="t1" type="radio"></div>'
    assert remote_resources(tabs) == []


def test_a_stylesheet_is_parsed_again_only_when_its_bytes_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`mkdocs serve` reads every stylesheet on each rebuild (found in review)."""
    parsed: list[bytes] = []
    parse = other_hosts.stylesheet_file_urls
    monkeypatch.setattr(
        other_hosts, "stylesheet_file_urls", lambda css: (parsed.append(css), parse(css))[1]
    )
    first = b".unique-to-this-test { background: url(https://x.org/a.png) }"
    second = first.replace(b"a.png", b"b.png")
    loads = [remote_stylesheet_loads(css) for css in (first, first, second, first)]
    a, b = [("https://x.org/a.png", 1)], [("https://x.org/b.png", 1)]
    assert loads == [a, a, b, a]
    assert parsed == [first, second]


@pytest.mark.parametrize(
    ("url", "advice"),
    [
        ("https://fonts.googleapis.com/css2?family=Inter", "Download the font files"),
        ("//fonts.gstatic.com/s/inter/v1/a.woff2", "Download the font files"),
        ("https://example.org/a.png", "Copy the file into content/ and link to the copy."),
    ],
)
def test_a_web_font_stylesheet_is_not_enough_to_copy(url: str, advice: str) -> None:
    """Google Fonts' stylesheet loads the fonts themselves from fonts.gstatic.com (found
    in review): a copy of it still loads them."""
    assert copy_advice(url, "content").startswith(advice)


@pytest.mark.parametrize(
    ("html", "found"),
    [
        # pymdownx.emoji's image, with its shortcode as title (the default)
        (
            '<img alt="x" class="twemoji" src="https://cdn.x/1f604.svg" title=":smile:" />',
            {"https://cdn.x/1f604.svg": ":smile:"},
        ),
        (
            '<img class="emojione" src="https://cdn.x/1.png" title=":+1:">',
            {"https://cdn.x/1.png": ":+1:"},
        ),
        # a long title (`title: long`) names no shortcode
        (
            '<img class="gemoji" src="https://cdn.x/2.png" title="grinning face">',
            {"https://cdn.x/2.png": None},
        ),
        # Material's icons are inline SVG; an author's image is no emoji
        ('<span class="twemoji"><svg viewBox="0 0 24 24"></svg></span>', {}),
        ('<img src="https://x.org/twemoji-logo.png" title=":smile:">', {}),
    ],
)
def test_emoji_images_are_told_by_their_class(html: str, found: dict[str, str | None]) -> None:
    assert emoji_images(html) == found


def test_scripts_and_stylesheets_on_another_host_go_off_with_a_warning() -> None:
    """A site opened from files has no content policy to refuse them (found in an
    audit): they are left out, as Material's web fonts are."""
    scripts = ["js/local.js", "https://unpkg.com/mathjax@3/es5/tex-mml-chtml.js"]
    stylesheets = ["//fonts.googleapis.com/css?family=Lato", "css/handbook.css", "data:text/css,a"]
    warnings = drop_remote_assets(scripts, stylesheets, "content")
    assert len(warnings) == 2
    assert warnings[0].startswith("handbook: extra_javascript names https://unpkg.com/mathjax")
    assert warnings[1].startswith("handbook: extra_css names //fonts.googleapis.com/css")
    assert "Download the font files and serve them from the site" in warnings[1]
    assert warnings[0].endswith("Copy the file into content/ and name the copy.")
    assert scripts == ["js/local.js"]
    assert stylesheets == ["css/handbook.css", "data:text/css,a"]


@pytest.mark.parametrize(
    "url",
    [
        "https:/\\evil.example.org/b.css",  # browsers read a backslash as a slash
        "https:///evil.example.org/b.css",  # and skip extra slashes
        "https:evil.example.org/b.css",  # from a page opened from files, another host
        "\\\\evil.example.org/b.css",
        "/\\evil.example.org/b.css",
        " HTTPS://evil.example.org/b.css",
    ],
)
def test_every_way_a_browser_reads_another_host_is_another_host(url: str) -> None:
    """Python's urlsplit finds no host in these; browsers do (found in review)."""
    stylesheets = [url, "css/handbook.css", "/css/site.css"]
    assert len(drop_remote_assets([], stylesheets)) == 1
    assert stylesheets == ["css/handbook.css", "/css/site.css"]


def test_a_related_term_listed_twice_is_linked_once(tmp_path: Path) -> None:
    from helpers_model import load, term_yaml

    from coalition_handbook.site.pages import SiteInputs, term_page

    handbook, _ = load(
        tmp_path,
        {
            "glossary/survivor.yml": term_yaml(extra="related: [victim, victim]\n"),
            "glossary/victim.yml": term_yaml("victim"),
        },
    )
    page = term_page(handbook.terms["survivor"], SiteInputs(handbook), 2.0)
    assert page.count("- [victim](victim.md)") == 1


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Sex-Trafficking\u2019s", "sex trafficking's"),
        ("  T   visas ", "t visas"),
        ("anti-trafficking  task force", "anti trafficking task force"),
        ("Cafe\u0301", "caf\u00e9"),  # composed as a browser composes what is typed
        ("Trafficking in Persons\u2019s", "trafficking in persons'"),
        ("Jones's law", "jones' law"),
        # The modifier letter apostrophe (U+02BC) of some phone keyboards, as the matcher
        # reads it: "survivorʼs" typed was compared with no form
        ("Survivor\u02bcs", "survivor's"),
        # A left single quotation mark typed for one (U+2018: some keyboards and
        # autocorrect), and a fullwidth one (U+FF07, an IME's), as the matcher reads them
        ("Survivor\u2018s", "survivor's"),
        ("Survivor\uff07s", "survivor's"),
        # ß and ẞ as "ss", as the checks compare forms (forms.fold_case)
        ("Straßenstrich", "strassenstrich"),
        ("STRAẞENSTRICH", "strassenstrich"),
    ],
)
def test_a_form_is_compared_with_a_query_as_handbook_js_compares_them(
    written: str, typed: str
) -> None:
    """handbook.js's `typedForm` does the same to a query: any case, either apostrophe,
    hyphens and runs of spaces alike."""
    assert typed_form(written) == typed


@pytest.mark.parametrize(
    ("forms", "words"),
    [
        (["víctima"], ["victima"]),
        (["trata con fines de explotación sexual"], ["explotacion"]),
        (["École Ørsted", "Łódź"], ["ecole", "orsted", "lodz"]),
        (["Línea", "línea nacional"], ["linea"]),  # each once
        (["Straßenprostitution", "GROẞRAZZIA"], ["strassenprostitution", "grossrazzia"]),
        (["survivor", "T visa", "victim's"], []),  # nothing to leave out
    ],
)
def test_a_form_s_accented_words_are_also_found_typed_without_accents(
    forms: list[str], words: list[str]
) -> None:
    assert accentless(forms) == words


def test_a_term_page_is_listed_first_for_a_translation_typed_without_accents(
    tmp_path: Path,
) -> None:
    handbook, problems = load(
        tmp_path,
        {
            "glossary/victim.yml": term_yaml(
                "victim", "translations: {es: víctima, fr: victime de la traite}\n"
            )
        },
    )
    assert problems == []
    typed = typed_search_forms(handbook.terms["victim"], ())
    assert typed == ["victim", "víctima", "victime de la traite", "victima"]


def test_a_term_page_types_each_ascii_form_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A form in ASCII has no accents to drop: typed without them it is the form as
    typed, so `typed_form` reads it once (a build of 500 term pages read each twice); a
    form with accents is read both ways, and the list is the same as reading all twice."""
    handbook, problems = load(
        tmp_path,
        {
            "glossary/victim.yml": term_yaml(
                "victim", "aliases: [Crime Victim]\ntranslations: {es: v\u00edctima}\n"
            )
        },
    )
    assert problems == []
    read: list[str] = []

    def counted(text: str) -> str:
        read.append(text)
        return typed_form(text)

    monkeypatch.setattr(search_boost, "typed_form", counted)
    typed = typed_search_forms(handbook.terms["victim"], ["victims"])
    assert typed == ["victim", "crime victim", "victims", "v\u00edctima", "victima"]
    assert sorted(read) == sorted(["victim", "Crime Victim", "victims", "v\u00edctima", "victima"])


def test_a_term_page_lists_the_words_of_its_forms_written_in_capitals(tmp_path: Path) -> None:
    """handbook.js counts them only for words typed in capitals (DESIGN section 4): "tip"
    is no form of human trafficking, whose acronym is TIP."""
    handbook, problems = load(
        tmp_path,
        {
            "glossary/human-trafficking.yml": term_yaml(
                "human trafficking", "aliases: [TIP, HSI Tip Line, T visa]\n"
            )
        },
    )
    assert problems == []
    written = ["TIPs", "TIP\u2019s", "HSI Tip Lines", "T visas"]
    words = capital_search_words(handbook.terms["human-trafficking"], written)
    assert words == ["tip", "hsi", "tips", "tip's"]


def test_a_term_s_search_forms_hold_each_possessive_once(tmp_path: Path) -> None:
    """Each possessive was in the index twice, with a straight and a curly apostrophe
    (95 KB of a 2,000-term glossary's 6.2 MB index: audit): the site's search now reads a
    curly apostrophe as a straight one in the words it indexes and is asked for
    (assets/search-fold.js), so "victim’s" typed finds "victim's"."""
    handbook, problems = load(tmp_path, {"glossary/victim.yml": term_yaml("victim", "")})
    assert problems == []
    written = ["victim", "victims", "victim's", "victims'"]
    forms = other_search_forms(handbook.terms["victim"], written)
    assert forms == ["victims", "victim's", "victims'"]


def test_a_term_is_found_by_its_hyphenated_words_typed_as_one(tmp_path: Path) -> None:
    """The site's search splits words at hyphens: "survivorinformed", typed as members
    type it, found no page (audit). The index holds such words joined, and a form typed
    so is the form typed whole (handbook.js ranks it first)."""
    term_file = term_yaml("survivor-informed", "aliases: [Trauma\u2010Informed care]\n")
    handbook, problems = load(tmp_path, {"glossary/si.yml": term_file})
    assert problems == []
    term = handbook.terms["si"]
    forms = other_search_forms(term, ["survivor-informed"])
    assert forms == ["survivorinformed", "traumainformed"]
    typed = typed_search_forms(term, ["survivor-informed"])
    assert typed[-2:] == ["survivorinformed", "traumainformed care"]


@pytest.mark.parametrize(
    ("html", "drawn"),
    [
        ('<pre class="mermaid"><code>graph LR</code></pre>', True),
        ("<pre class='highlight mermaid'><code>graph LR</code></pre>", True),
        ("<PRE CLASS=mermaid>graph LR</PRE>", True),
        ('<pre id="d1" class = "mermaid">graph LR</pre>', True),
        ('<pre data-class="mermaid">graph LR</pre>', False),
        ('<pre title="class=mermaid">graph LR</pre>', False),  # a value, no attribute
        ('<pre title="a>b" class="mermaid">graph LR</pre>', True),
        ("<pre hidden class=mermaid>graph LR</pre>", True),
        ('<pre class="language-mermaid"><code>graph LR</code></pre>', False),  # code shown
        ('<pre class="mermaid-source"><code>graph LR</code></pre>', False),
        ('<div class="mermaid">graph LR</div>', False),  # Material draws pre.mermaid only
        ('<!-- <pre class="mermaid">graph LR</pre> -->', False),
        ("<p>A mermaid in a story.</p>", False),
    ],
)
def test_a_mermaid_diagram_is_what_material_draws(html: str, drawn: bool) -> None:
    assert draws_mermaid(html) is drawn


@pytest.mark.parametrize(
    ("script", "own_copy"),
    [
        ("js/vendor/Mermaid.min.js", True),
        ("mermaid.js", True),
        ("js/mermaid-11.4.1.min.js", True),
        ("js/mermaid.esm.min.mjs", False),  # a module: it sets no global `mermaid`
        ("mermaid.mjs", False),
        ("js/mermaid.min.js?v=2#top", True),
        ("js/mermaid-init.js", False),  # sets Mermaid up; Material still fetches it
        ("mermaid/setup.js", False),
    ],
)
def test_a_copy_of_mermaid_of_its_own_is_a_script_so_named(script: str, own_copy: bool) -> None:
    assert loads_own_mermaid(["js/handbook.js", script]) is own_copy


def test_mermaid_diagrams_are_looked_for_in_linear_time() -> None:
    """Found in reviews: 20,000 unclosed `<pre` took 35 s, a tag of 10,000 classes 4 s, a
    fence's 40,000 spaces 8 s; linear, each takes well under a second."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.site.other_hosts import draws_mermaid\n"
        "from coalition_handbook.site.other_hosts import mermaid_fence\n"
        "assert not draws_mermaid('mermaid ' + '<pre ' * 200_000)\n"
        "assert not draws_mermaid('<pre ' + 'class=x ' * 200_000 + 'mermaid')\n"
        "assert mermaid_fence('```' + ' ' * 200_000 + 'x') is None\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>A survivor. <!-- a note --></p>", "<p>A survivor. </p>"),
        ("<!-- one\nnote on\nlines -->\n<p>Text</p>", "\n<p>Text</p>"),
        # As a browser ends them: at once, at `--!>`, or (left open) at the end.
        ("a <!--> b", "a  b"),
        ("a <!---> b", "a  b"),
        ("a <!-- x --!> b", "a  b"),
        ("<div>a</div><!-- left open <p>b</p>", "<div>a</div>"),
        # No comment: code as Markdown writes it, raw text, CDATA, attribute values.
        ("<code>&lt;!-- shown --&gt;</code>", "<code>&lt;!-- shown --&gt;</code>"),
        ('<script>s = "<!-- x -->";</script>', '<script>s = "<!-- x -->";</script>'),
        ("<STYLE>/*<!--*/</style ><!--n-->", "<STYLE>/*<!--*/</style >"),
        ("<svg><![CDATA[<!-- x -->]]></svg>", "<svg><![CDATA[<!-- x -->]]></svg>"),
        ('<a title="<!-- x -->" href=y>l</a><!--n-->', '<a title="<!-- x -->" href=y>l</a>'),
        ("<p don't><!-- n -->t</p>", "<p don't>t</p>"),
        ("<!x <!-- in a bogus comment --> y>z", "<!x <!-- in a bogus comment --> y>z"),
        ("</p <!-- x -->><!-- n -->", "</p <!-- x -->>"),
        # No tag or comment made of what was around one: the `<` stays text.
        ("<div><<!-- n -->b>", "<div>&lt;b>"),
        ("<div><<!-- n -->!-- shown --></div>", "<div>&lt;!-- shown --></div>"),
        ("<p>No comment.</p>", "<p>No comment.</p>"),
    ],
)
def test_an_editors_comment_is_taken_out_of_the_html(html: str, expected: str) -> None:
    assert without_comments(html) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("First approved. <!-- ask legal -->", "First approved. "),
        ("A <b> and <!-- a\nnote --> c", "A <b> and  c"),
        ("Left <!-- open", "Left <!-- open"),
        ("<!-- a --><!-- b --> c <!-- d", " c <!-- d"),
        # Where a browser ends a comment, as in a page's HTML (`without_comments`).
        ("A <!--> b -->", "A  b -->"),
        ("A <!-- a --!> b -->", "A  b -->"),
        ("No note.", "No note."),
    ],
)
def test_an_editors_comment_is_taken_out_of_plain_text(text: str, expected: str) -> None:
    assert text_without_comments(text) == expected


def test_comments_are_taken_out_in_linear_time() -> None:
    """Unclosed comments, quotes and raw text elements: each is read once."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.site.html_comments import without_comments\n"
        "assert without_comments('<!--' + '<a ' * 200_000) == ''\n"
        "assert without_comments('<!-- -->' + '<a b=\"' * 200_000).startswith('<a')\n"
        "assert without_comments('<!-- -->' + '<script>' * 200_000).startswith('<script>')\n"
        "assert without_comments('<p>' * 200_000 + '<!-- x -->') == '<p>' * 200_000\n"
        "from coalition_handbook.site.html_comments import text_without_comments\n"
        "assert text_without_comments('<!--' * 300_000) == '<!--' * 300_000\n"
        "assert text_without_comments('<!--!>' * 300_000) == ''\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


@pytest.mark.parametrize(
    ("source", "offset"),
    [
        ("# Home\n\n```mermaid\ngraph LR\n```\n", 8),
        ("# Home\n\n- Steps:\n\n    ~~~~ { .mermaid }\n", 18),
        ("# Home\n\nA mermaid.\n\n```python\nmermaid = 1\n```\n", None),
    ],
)
def test_a_mermaid_fence_is_found_where_it_starts(source: str, offset: int | None) -> None:
    assert mermaid_fence(source) == offset


def test_an_attribute_of_raw_html_in_markdown_keeps_its_text() -> None:
    """Review: a module title with a code span or `&` in the training index's aria-label
    came out as `<code>` and `&amp;amp;` in it, where the link's text showed it as typed."""
    title = 'Hotel `front desk` & *motel* <staff> "2026" [1]'
    html = markdown.markdown(f'<a href="x" aria-label="{attribute_in_markdown(title)}">x</a>')
    assert [link.attrs["aria-label"] for link in elements(html, "a")] == [title]


def test_handout_key_terms_are_ordered_as_the_glossary_index(tmp_path: Path) -> None:
    """A trainer finds a key term where the A-Z index has it: Łódź among the Ls."""
    names = ["Zebra crossing", "Émigré", "Łódź office", "Lawyer", "Øresund", "Oath", "ℌ line"]
    names += ["988 Lifeline", "Прием"]  # under "#", after Z
    files = {f"glossary/t{index}.yml": term_yaml(name) for index, name in enumerate(names)}
    handbook, _ = load(tmp_path, files)
    ordered = [term.term for term in sort_key_terms(handbook.terms.values(), "en")]
    assert ordered == [
        "Émigré", "ℌ line", "Lawyer", "Łódź office", "Oath", "Øresund", "Zebra crossing",
        "988 Lifeline", "Прием",
    ]  # fmt: skip


def test_handout_key_terms_follow_the_sites_language(tmp_path: Path) -> None:
    """As the glossary of a Spanish site orders them: ñ after every n (audit)."""
    names = ["ñandú", "niño", "año", "anuncio", "oasis"]
    files = {f"glossary/t{index}.yml": term_yaml(name) for index, name in enumerate(names)}
    handbook, _ = load(tmp_path, files)
    ordered = [term.term for term in sort_key_terms(handbook.terms.values(), "es")]
    assert ordered == ["anuncio", "año", "niño", "ñandú", "oasis"]


@pytest.mark.parametrize(
    ("code", "name", "direction"),
    [
        ("es", "Spanish", "auto"),
        ("so", "Somali", "auto"),
        ("ar", "Arabic", "rtl"),
        ("he", "Hebrew", "rtl"),
        ("zh-Hant", "Chinese (Traditional)", "auto"),
        ("pt-BR", "Portuguese (Brazil)", "auto"),
        ("tl", "Tagalog", "auto"),  # CLDR says "Filipino (Philippines)"
        ("hmn", "Hmong", "auto"),  # CLDR has no Hmong
        ("xx", "xx", "auto"),  # no such language: shown as written
        # Review: a script decides the direction; codes CLDR reads otherwise.
        ("ar-Latn", "Arabic", "auto"),
        # CLDR 48 (babel 2.19) names the script too: either name is right.
        ("ku-Arab", {"Kurdish", "Kurdish (Arabic)"}, "rtl"),
        ("ht", "Haitian Creole", "auto"),  # CLDR before babel 2.18 has no name for it
        ("prs", "Dari", "rtl"),
        ("und", "und", "auto"),
        ("tl-PH", "Tagalog", "auto"),
    ],
)
def test_a_translation_s_language_has_its_name_and_direction(
    code: str, name: str | set[str], direction: str
) -> None:
    names = name if isinstance(name, set) else {name}
    assert language_name(code) in names
    assert text_direction(code) == direction


MISSING = '<span class="hb-handout-missing">{} (no PDF in this build of the site)</span>'


@pytest.mark.parametrize(
    ("page_url", "html", "expected"),
    [
        (
            "modules/links/",
            '<p>See <a href="../../handouts/community.pdf">its handout</a>.</p>',
            f"<p>See {MISSING.format('its handout')}.</p>",
        ),
        (
            "modules/links.html",
            '<a href="../handouts/community.pdf#page=2" title="a > b"><b>PDF</b></a>',
            MISSING.format("<b>PDF</b>"),
        ),
        ("", '<A HREF="handouts/community.pdf">x</A >', MISSING.format("x")),
        (
            "modules/links/",
            '<a href="../../handouts/hotel-staff.pdf">ours</a> '
            '<a href="https://example.org/handouts/community.pdf">theirs</a> '
            '<a href="../../handouts/community.pdf.txt">notes</a> '
            '<abbr title="x">PDF</abbr> <a href="../community/">page</a>',
            None,  # a handout that is published, another site's file, other files
        ),
    ],
)
def test_a_link_to_a_handout_the_build_cannot_publish_is_its_text(
    page_url: str, html: str, expected: str | None
) -> None:
    assert unlink_missing_handouts(html, page_url, {"community"}) == (expected or html)


@pytest.mark.parametrize(
    "ordered",
    [
        ["Page 9", "Page 85", "Page 85: intake", "page 86", "Page 853"],
        ["Step 2 of 10", "Step 10 of 10", "Step 10 of 12", "Steps"],
        ["2 hotlines", "10 hotlines", "Hotline"],
    ],
)
def test_natural_sort_key_compares_numbers_as_numbers(ordered: list[str]) -> None:
    """Audit: "Used on" lists sorted titles as strings, "Page 853" before "Page 85"."""
    from coalition_handbook.slugs import natural_sort_key

    assert sorted(ordered, key=natural_sort_key) == ordered


def test_natural_sort_key_orders_numbers_longer_than_python_reads() -> None:
    """Review rv10: a title holding 5,000 digits (a pasted id) stopped the build, as
    Python's `int()` reads at most 4,300; it is a number like the others."""
    from coalition_handbook.slugs import natural_sort_key

    huge = "9" * 5000
    ordered = ["Page 9", f"Page 0{huge}", f"Page {huge}1", f"Page 1{'0' * 5000}0"]
    shuffled = [ordered[2], ordered[0], ordered[3], ordered[1]]
    assert sorted(shuffled, key=natural_sort_key) == ordered
    assert natural_sort_key(f"Page 0{huge}") == natural_sort_key(f"Page {huge}")


@pytest.mark.parametrize(
    "titles",
    [
        # Leading zeros tie with the number (the next part, then the input, decides),
        # a digit of another script is its value: as when each run was read by `int()`.
        ["Step 007 b", "Step 7 a", "Step 07", "Step 0", "Step 00", "Step 10", "Step 9"],
        ["Paso \u0663", "Paso 3", "Paso \u0662\u0660", "Paso 4", "Paso 03 x"],
        ["x1y02z3", "x01y2z03", "x1y2z", "x1y10", "x 1", "x1"],
    ],
)
def test_natural_sort_key_orders_as_numbers_read_by_int(titles: list[str]) -> None:
    from coalition_handbook.slugs import natural_sort_key, sort_key

    def read_by_int(text: str) -> tuple[str | int, ...]:
        parts = re.split(r"(\d+)", sort_key(text))
        return tuple(int(part) if place % 2 else part for place, part in enumerate(parts))

    for shown in (titles, titles[::-1]):
        assert sorted(shown, key=natural_sort_key) == sorted(shown, key=read_by_int)


def _used_on_lists(tmp_path: Path, titles: dict[str, str]) -> dict[str, str]:
    """The "Used on" list of each term page of a handbook whose pages (`titles`: path
    under content/ -> title) all use survivor."""
    from helpers_model import load, term_yaml

    from coalition_handbook.site.pages import SiteInputs, used_on, used_on_lists
    from coalition_handbook.site.urls import page_url

    files = {f"content/{path}": f"# {title}\n\nA survivor.\n" for path, title in titles.items()}
    handbook, _ = load(tmp_path, {"glossary/survivor.yml": term_yaml(), **files})
    paths = [page.path for page in handbook.pages if page.src_uri in titles]
    usage = used_on(handbook, {"survivor": paths}, "en")
    urls = {src_uri: page_url(src_uri, True) for src_uri in titles}
    return used_on_lists(SiteInputs(handbook, usage=usage, page_urls=urls))


def test_used_on_lists_numbers_in_order_and_tells_pages_of_one_title_apart(
    tmp_path: Path,
) -> None:
    """Audit: eight "Coalition onboarding" copies were eight alike links, and "Page 853"
    came before "Page 85"."""
    titles = {
        "page-853.md": "Page 853",
        "page-85.md": "Page 85",
        "services/index.md": "Overview",
        "about/overview.md": "overview",
        "page-9.md": "Page 9",
    }
    lists = _used_on_lists(tmp_path, titles)
    shown = lists["glossary/survivor.md"]
    texts = [link.text for link in elements(shown, "a")]
    assert texts == [
        "overview (about/overview/)",
        "Overview (services/)",
        "Page 9",
        "Page 85",
        "Page 853",
    ]
    assert '<span class="hb-used-on__where">(services/)</span>' in shown


def test_used_on_sorts_out_a_page_once_however_many_terms_it_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large handbook's pages each use dozens of terms: a page's sort keys were worked
    out again for each of them (24,000 times for 1,000 pages and 500 terms)."""
    from helpers_model import load, term_yaml

    from coalition_handbook.site import pages as site_pages

    files = {f"content/page-{n}.md": f"# Page {n}\n\nA survivor and a victim.\n" for n in (1, 2)}
    terms = {f"glossary/{name}.yml": term_yaml(name) for name in ("survivor", "victim")}
    handbook, _ = load(tmp_path, {**terms, **files})
    paths = [page.path for page in handbook.pages if page.src_uri.startswith("page-")]
    keys: list[str] = []
    natural_sort_key = site_pages.natural_sort_key

    def counted(text: str, language: str = "en") -> tuple[object, ...]:
        keys.append(text)
        return natural_sort_key(text, language)

    monkeypatch.setattr(site_pages, "natural_sort_key", counted)
    usage = site_pages.used_on(handbook, {"survivor": paths, "victim": paths[::-1]}, "en")
    assert sorted(keys) == ["Page 1", "Page 2", "page-1.md", "page-2.md"]  # title, path
    for term_id in ("survivor", "victim"):
        assert [ref.title for ref in usage[term_id]] == ["Page 1", "Page 2"]


def test_used_on_lists_a_page_whose_title_holds_thousands_of_digits(tmp_path: Path) -> None:
    """Review rv10: `mkdocs build` stopped with a traceback on such a title."""
    huge = "9" * 5000
    titles = {"big.md": f"Page {huge}", "page-10.md": "Page 10"}
    lists = _used_on_lists(tmp_path, titles)
    texts = [link.text for link in elements(lists["glossary/survivor.md"], "a")]
    assert texts == ["Page 10", f"Page {huge}"]


def test_a_long_used_on_list_folds_past_its_first_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Audit: the "coalition" term listed 3,528 pages open, hundreds of phone screens.
    Past `USED_ON_SHOWN` (lowered here to 2) the rest are folded, none left out."""
    from coalition_handbook.site import pages

    monkeypatch.setattr(pages, "USED_ON_SHOWN", 2)
    titles = {f"page-{number}.md": f"Page {number}" for number in range(1, 6)}
    lists = _used_on_lists(tmp_path, titles)
    shown, folded = lists["glossary/survivor.md"].split("<details", 1)
    assert [link.text for link in elements(shown, "a")] == ["Page 1", "Page 2"]
    assert "<summary>3 more pages</summary>" in folded
    assert [link.text for link in elements(folded, "a")] == ["Page 3", "Page 4", "Page 5"]


@pytest.mark.parametrize(
    "values",
    [
        [],
        ["victim"],
        ['say "no"', "back\\slash", "víctima", "trata de personas", "a: b", "#tag", "- item"],
        ["&lt;b&gt;", "line\nbreak", "tab\there", "\u2028", "emoji \U0001f600", "  spaced  "],
    ],
)
def test_a_front_matter_list_is_its_strings_as_yaml_reads_them(values: list[str]) -> None:
    """A term page's lists of forms, written at once, read back as the strings they hold,
    written as each string on its own was (the pages are the same as before)."""
    written = yaml_list(values)
    assert written == "[" + ", ".join(yaml_string(value) for value in values) + "]"
    assert yaml.safe_load(f"forms: {written}\n") == {"forms": values}


def test_folding_ascii_text_is_lowercasing_it() -> None:
    """`folded_latin`'s shortcut for ASCII text (most of a term page's words) gives what
    the whole folding gives: each ASCII character before an accented letter, which the
    whole folding reads, folds as it does alone."""
    for code in range(128):
        character = chr(code)
        assert folded_latin(character) == folded_latin(character + "É")[:-1]
    assert folded_latin("Human TRAFFICKING's") == "human trafficking's"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call 1-888-373-7888 or text 233733.", ["18883737888", "8883737888", "3737888"]),
        ("(888) 373-7888", ["8883737888", "3737888"]),
        ("888.373.7888", ["8883737888", "3737888"]),
        ("+44 20 7946 0958", ["442079460958", "2079460958", "79460958"]),
        # Not phone numbers: a date, a version, two years, a statute, a word's digits.
        ("on 2026-03-01, version 1.2.3", []),
        ("between 2016 2019, 24 hours, 7 days", []),
        ("22 U.S.C. 7102", []),
        ("v1-888-373-7888", []),
        # A number after more than 15 groups in a row (hotlines written one after the
        # other, spaces between them) is found as when it stood alone (review rv40).
        (
            "Hotlines: 1 888 373 7888 1 800 656 4673 1 866 331 9474 1 800 799 7233.",
            ["947418007997233", "18007997233", "8007997233", "7997233"],
        ),
        (
            "Codes 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 555 1234 end",
            ["131415165551234", "1415165551234", "15165551234", "165551234", "5551234"],
        ),
    ],
)
def test_joined_numbers(text: str, expected: list[str]) -> None:
    assert joined_numbers(text) == expected


def test_a_text_without_the_mark_of_a_grouped_number_holds_none() -> None:
    """`joined_numbers` reads only a text with a digit or `)`, a separator and a digit in a
    row (`_MAY_HOLD_A_NUMBER`): every number in groups has one before its last group, and
    a page's text mostly has none (a cold build read 6,000 entries' text with the whole
    pattern for nothing). Every text of up to 6 characters of those a number is made of
    that holds a number in groups has the mark."""
    from itertools import product

    from coalition_handbook.site.search_numbers import _GROUPED, _MAY_HOLD_A_NUMBER

    alphabet = "1()+ .-a"
    for length in range(1, 7):
        for characters in product(alphabet, repeat=length):
            text = "".join(characters).replace("1", "123")
            if _GROUPED.search(text) is not None:
                assert _MAY_HOLD_A_NUMBER.search(text) is not None, text


@pytest.mark.parametrize(
    ("language", "marked"),
    [
        ("ar", '<span lang="en" dir="ltr">Forms to avoid.</span>'),
        ("fa", '<span lang="en" dir="ltr">Forms to avoid.</span>'),
        ("es", '<span lang="en">Forms to avoid.</span>'),
        ("uk", '<span lang="en">Forms to avoid.</span>'),
        ("en", "Forms to avoid."),
    ],
)
def test_an_english_label_in_a_right_to_left_site_reads_left_to_right(
    language: str, marked: str
) -> None:
    """Audit (an Arabic site): the glossary's English introduction ended ".use and to
    avoid": in a right-to-left paragraph its full stop went to the line's other side."""
    from coalition_handbook.site.languages import english_label

    assert english_label("Forms to avoid.", language) == marked


def test_numbers_are_looked_for_in_linear_time() -> None:
    """Found in a security audit: a page of 6,000 "(1)" took 4 s to index, 8,000 spaced
    digits 5 s, each twice as many four times as long (a pull request's page of 80 KB added
    35 s to a build). A number holds at most 15 digits, so at most 15 groups: each
    place in the text is looked at a bounded number of times."""
    from work import python_in_time

    completed = python_in_time(
        "from coalition_handbook.site.search_numbers import joined_numbers\n"
        "assert joined_numbers('(1) ' * 200_000) == []\n"
        "assert joined_numbers(' '.join(['1'] * 200_000) + 'x') == []\n"
        "assert joined_numbers('-'.join(['1234'] * 200_000)) == []\n"
        "assert joined_numbers('1-888-373-7888, ' * 100_000) == "
        "['18883737888', '8883737888', '3737888']\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


def test_the_plugin_s_assets_are_the_same_from_a_checkout_with_crlf_line_endings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reproducibility audit: a clone with `core.autocrlf=true` (Git for Windows' default)
    checks the plugin's stylesheet and the offline search shim out with CRLF, which were
    published as read: another stylesheet's name on every page and another shim than CI's,
    from the same commit. The pages, the search index and the PDFs were already the same."""
    lf = site_setup.plugin_assets(offline=True)
    crlf = tmp_path / "assets"
    crlf.mkdir()
    for source in site_setup.ASSETS.iterdir():
        lines = source.read_bytes().replace(b"\r\n", b"\n")
        (crlf / source.name).write_bytes(lines.replace(b"\n", b"\r\n"))
    monkeypatch.setattr(site_setup, "ASSETS", crlf)
    monkeypatch.setattr(site_setup, "SEARCH_FOLD", crlf / site_setup.SEARCH_FOLD.name)
    from_crlf = site_setup.plugin_assets(offline=True)
    assert [asset.uri for asset in from_crlf] == [asset.uri for asset in lf]
    assert from_crlf == lf
    assert not any(b"\r" in asset.content for asset in lf)


def _nav_page(src_uri: str, title: str | None = None) -> SimpleNamespace:
    url = src_uri.removesuffix("index.md").removesuffix(".md").rstrip("/")
    return SimpleNamespace(
        is_page=True,
        is_section=False,
        is_link=False,
        is_index=src_uri.rpartition("/")[2] == "index.md",
        title=title or src_uri,
        url=f"{url}/" if url else "",
        file=SimpleNamespace(src_uri=src_uri),
    )


def _nav_section(title: str, children: list[SimpleNamespace]) -> SimpleNamespace:
    return SimpleNamespace(
        is_page=False, is_section=True, is_link=False, title=title, children=children
    )


def _guide(folder: str, count: int) -> list[SimpleNamespace]:
    return [_nav_page(f"{folder}/page-{number:03d}.md") for number in range(count)]


def _shown(entries: Sequence[navigation.NavEntry]) -> list[tuple[str, str | None]]:
    """Each entry the sidebar shows, in order: (title, url), a heading's url None."""
    shown: list[tuple[str, str | None]] = []
    for entry in entries:
        shown.append((entry.title, entry.url))
        shown.extend(_shown(entry.entries))
    return shown


def test_a_term_page_s_sidebar_shows_a_section_of_up_to_twelve_entries_whole() -> None:
    items = [_nav_page("index.md", "Home"), _nav_section("Guide", _guide("guide", 12))]
    (_, guide) = navigation.top_level_entries(items)
    assert guide.url is None
    assert len(guide.entries) == 12 and len(guide.pages) == 12
    assert navigation.COMPACT_SECTION_ENTRIES == 12


def test_a_term_page_s_sidebar_shows_a_larger_section_as_one_link_to_its_first_page() -> None:
    """A term page repeated every entry of every section: 2,000 term pages and a section
    of 200 made a site of 195 MB (audit). A section without an index page and more than
    twelve entries is a link to its first page, by the section's name; it keeps its
    pages (the Glossary's place is looked for among them)."""
    pages = _guide("guide", 13)
    items = [_nav_page("index.md", "Home"), _nav_section("Guide", pages)]
    (_, guide) = navigation.top_level_entries(items)
    assert (guide.title, guide.url, guide.entries) == ("Guide", "guide/page-000/", ())
    assert guide.pages == tuple(pages)


def test_a_large_section_s_nested_sections_are_made_one_link_first() -> None:
    """Entries are counted as the sidebar shows them, nested ones too, after a large
    nested section is made one link: a section of small ones stays a heading over them."""
    coalition = _nav_section(
        "Coalition",
        [
            _nav_page("coalition/about.md", "About"),
            _nav_section("Member sectors", _guide("coalition/sectors", 40)),
            _nav_section("Meetings", _guide("coalition/meetings", 9)),
        ],
    )
    (section,) = navigation.top_level_entries([coalition])
    assert section.url is None
    assert _shown(section.entries) == [
        ("About", "coalition/about/"),
        ("Member sectors", "coalition/sectors/page-000/"),
        ("Meetings", None),
        *[(f"coalition/meetings/page-{n:03d}.md", f"coalition/meetings/page-{n:03d}/")
          for n in range(9)],
    ]  # fmt: skip
    # Twelve shown, nested ones counted; one more and the whole section is one link.
    coalition.children.append(_nav_page("coalition/last.md", "Last"))
    (section,) = navigation.top_level_entries([coalition])
    assert (section.url, section.entries) == ("coalition/about/", ())


def test_a_large_section_that_holds_the_glossary_stays_whole() -> None:
    """The term's place goes under the Glossary, wherever the author's nav puts it: the
    section holding it is shown whole; its other large sections are one link each."""
    glossary = _nav_page("glossary/index.md", "Glossary")
    reference = _nav_section(
        "Reference",
        [*_guide("reference", 14), glossary, _nav_section("Laws", _guide("laws", 20))],
    )
    (section,) = navigation.top_level_entries([reference])
    assert section.url is None and glossary in section.pages
    assert _shown(section.entries) == [  # its 14 pages side by side are one link
        ("reference/page-000.md \N{EN DASH} reference/page-013.md", "reference/page-000/"),
        ("Glossary", "glossary/"),
        ("Laws", "laws/page-000/"),
    ]


def test_a_section_with_an_index_page_is_one_link_whatever_its_size() -> None:
    section = _nav_section("Protocols", [_nav_page("protocols/index.md"), *_guide("p", 30)])
    (entry,) = navigation.top_level_entries([section])
    assert (entry.url, entry.entries, len(entry.pages)) == ("protocols/", (), 31)


def _nav_link(title: str, url: str) -> SimpleNamespace:
    return SimpleNamespace(is_page=False, is_section=False, is_link=True, title=title, url=url)


def test_a_large_section_leads_to_a_page_and_one_of_links_only_stays_whole() -> None:
    """A large section whose first entry is a link off the site, or a nested section,
    leads to its first page. One with no page stayed a link to its first address: the
    section's name led to another host (a survivor leaving a trace there unawares) and
    its other links were nowhere on the term page (review rv45e, LOW); it is shown whole."""
    resources = _nav_section(
        "Resources",
        [
            _nav_link("Hotline", "https://example.org/hotline"),
            _nav_section("Sub", _guide("sub", 5)),
            *_guide("resources", 10),
        ],
    )
    links = _nav_section(
        "Links", [_nav_link(f"L{n}", f"https://example.org/l{n}") for n in range(14)]
    )
    (first, second) = navigation.top_level_entries([resources, links])
    assert (first.title, first.url, first.entries) == ("Resources", "sub/page-000/", ())
    assert second.url is None
    assert _shown(second.entries) == [(f"L{n}", f"https://example.org/l{n}") for n in range(14)]


def _flat(count: int, folder: str = "flat") -> list[SimpleNamespace]:
    return [_nav_page(f"{folder}/{n:03d}.md", f"Page {n:03d}") for n in range(count)]


def test_a_term_page_s_sidebar_folds_a_long_run_of_top_level_pages() -> None:
    """A `nav` of 200 pages side by side put 200 links on each of 2,000 term pages (a
    section of them was folded, not the top level: audit). More than twelve pages side
    by side are one link to the first of them, named by the first and the last, whose
    own sidebar (the theme's) lists them all; the home page, the Glossary (where the
    term's place goes) and Changes stay links of their own, and so do the pages after
    them."""
    home, glossary = _nav_page("index.md", "Home"), _nav_page("glossary/index.md", "Glossary")
    run, after = _flat(200), _flat(5, "after")
    changes = _nav_page("changes.md", "Changes")
    entries = navigation.top_level_entries([home, *run, glossary, *after, changes])
    assert _shown(entries) == [
        ("Home", ""),
        ("Page 000 \N{EN DASH} Page 199", "flat/000/"),
        ("Glossary", "glossary/"),
        *[(f"Page {n:03d}", f"after/{n:03d}/") for n in range(5)],
        ("Changes", "changes/"),
    ]
    assert entries[1].pages == tuple(run)  # the term's place is looked for among them
    assert glossary in entries[2].pages
    # A screen reader hears the folded link as a group, its visible words first; each
    # other entry by its title alone (session 53: it was heard as one page's link).
    assert [entry.group_name for entry in entries] == [
        None,
        "Page 000 \N{EN DASH} Page 199, 200 pages",
        *[None] * 7,
    ]


def test_a_folded_run_s_screen_reader_name_is_its_visible_text_as_read() -> None:
    """A page's title is HTML (MkDocs escapes a heading's `&` and quotes, `Q&amp;A`), shown
    as the browser reads it (`Q&A`), and the folded link's `aria-label` is escaped once
    more by the template: it was `Q&amp;amp;A ...`, heard as "Q amp A" and no longer
    starting with the visible words (WCAG 2.5.3; review). The name is the text read."""
    run = _flat(20)
    run[0].title = "Q&amp;A: &quot;Who&quot; calls"
    run[-1].title = "Rights &amp; <code>duties</code>"
    (entry,) = navigation.top_level_entries(run)
    assert entry.group_name == 'Q&A: "Who" calls \N{EN DASH} Rights & duties, 20 pages'


def test_a_run_of_twelve_top_level_pages_is_shown_whole() -> None:
    """Twelve pages side by side are shown as they are, as a section of twelve is; a
    section, a link, the home page or Changes between two runs ends each one."""
    items = [
        *_flat(12),
        _nav_page("index.md", "Home"),
        *_flat(12, "b"),
        _nav_link("Hotline", "https://example.org/hotline"),
        *_flat(12, "c"),
        _nav_section("Guide", _guide("guide", 3)),
        *_flat(13, "d"),
        _nav_page("changes.md", "Changes"),
        *_flat(12, "e"),
    ]
    shown = _shown(navigation.top_level_entries(items))
    assert len(shown) == 12 + 1 + 12 + 1 + 12 + 4 + 1 + 1 + 12
    assert shown[-14] == ("Page 000 \N{EN DASH} Page 012", "d/000/")


def test_the_section_that_holds_the_glossary_folds_its_long_runs_of_pages() -> None:
    """The section holding the Glossary is shown whole for the term's place: its pages
    side by side are folded as the top level's are; another section's are not counted
    apart (more than twelve entries make the section itself one link)."""
    glossary = _nav_page("glossary/index.md", "Glossary")
    reference = _nav_section("Reference", [*_flat(30), glossary, *_flat(3, "z")])
    guide = _nav_section("Guide", _guide("guide", 30))
    (section, other) = navigation.top_level_entries([reference, guide])
    assert section.url is None and glossary in section.pages
    assert [title for title, _ in _shown(section.entries)] == [
        "Page 000 \N{EN DASH} Page 029",
        "Glossary",
        "Page 000",
        "Page 001",
        "Page 002",
    ]
    assert (other.title, other.url) == ("Guide", "guide/page-000/")


def test_term_pages_side_by_side_are_never_folded() -> None:
    """Review rv48b: a `nav` listing term pages one by one (a "Key terms" list) folded
    them with the author's pages into one link, so a term page's sidebar, rendered once
    for all term pages, hid the term's own link. A term page ends a run and stays a link."""
    terms = [_nav_page(f"glossary/term-{n:02d}.md", f"Term {n:02d}") for n in range(14)]
    shown = _shown(navigation.top_level_entries([*terms, *_flat(13)]))
    assert shown[:14] == [(f"Term {n:02d}", f"glossary/term-{n:02d}/") for n in range(14)]
    assert shown[14:] == [("Page 000 \N{EN DASH} Page 012", "flat/000/")]


def test_search_reads_an_autolinked_page_as_it_reads_it_with_its_links_whole() -> None:
    """Material's search parses each page's HTML and reads no attribute of a term's
    link: it is given the links without theirs (`links_for_search`), and indexes the
    page just as it did with them (differential test against the theme's parser)."""
    from material.plugins.search.plugin import Parser

    from coalition_handbook.site.search_links import links_for_search

    link = (
        '<a class="hb-term" data-term="survivor" href="../glossary/survivor/" '
        'title="A person who &quot;survived&quot; &gt; harm.">survivor</a>'
    )
    html = (
        f"<h1 id='home'>Home {link}</h1><p>A {link}, and <code>{link}</code>.</p>"
        f"<div data-search-exclude>{link} hidden</div><h2 id='more'>More</h2>"
        f"<ul><li>{link} <a href='x/' class='hb-phone'>555</a></li></ul>"
        f"<script>var a = '{link}';</script>"
    )

    def sections(text: str) -> list[tuple[str, str, str | None]]:
        parser = Parser()
        parser.feed(text)
        parser.close()
        return [
            ("".join(section.title), "".join(section.text), section.id) for section in parser.data
        ]

    short = links_for_search(html)
    assert 'class="hb-term"' not in short and "survivor</a>" in short
    assert sections(short) == sections(html)
    assert links_for_search("<p>No links.</p>") == "<p>No links.</p>"


@pytest.mark.parametrize(
    ("form", "joined"),
    [
        ("survivor-informed", ["survivorinformed"]),
        ("survivor\u2010informed", ["survivorinformed"]),
        # A non-breaking hyphen, as a word processor keeps a word on one line (review rv58e)
        ("survivor\u2011informed", ["survivorinformed"]),
        ("person-to-person care", ["persontoperson"]),
        ("COVID-19 fraud", ["covid19"]),
        # An en dash joins no word: a range or a pair ("labour–sex")
        ("labour\u2013sex", []),
    ],
)
def test_joined_words(form: str, joined: list[str]) -> None:
    assert search_boost.joined_words([form]) == joined


def test_the_stylesheet_spaces_by_the_text_s_direction() -> None:
    """A site may be right-to-left (`theme.language`): a margin or padding on one side
    is set where the text starts or ends (`-inline-start`), not on the left or the
    right. The sidebar's status mark, spaced on its left, touched its title in Arabic
    (review rv58e)."""
    stylesheet = (site_setup.ASSETS / "handbook.css").read_text(encoding="utf-8")
    assert re.findall(r"(?:margin|padding)-(?:left|right)\s*:", stylesheet) == []


def test_the_screen_reader_s_mark_is_left_out_of_a_copy_in_safari_too() -> None:
    """The sidebar's bracketed mark for a screen reader is left out of a selection
    (`user-select: none`, checked in Chromium by the browser test); Safari, on the phones
    many members read the site on, reads the property only as `-webkit-user-select`, and
    copied "gamma deprecated(deprecated)" still (review rv60f)."""
    stylesheet = (site_setup.ASSETS / "handbook.css").read_text(encoding="utf-8")
    rule = re.search(r"\.hb-visually-hidden \{([^}]*)\}", stylesheet)
    assert rule is not None
    assert re.findall(r"(?:-webkit-)?user-select: none;", rule.group(1)) == [
        "-webkit-user-select: none;",
        "user-select: none;",
    ]


def test_a_reason_s_comment_and_addresses_name_no_term(tmp_path: Path) -> None:
    """A term page's reasons to avoid a form list it under the terms they name ("Used
    on"), as its page shows them: an editor's comment is not published, and no form is
    used inside an address, which the page does not link (review rv58e: both listed)."""
    from helpers_model import write_files

    from coalition_handbook.documents import matcher
    from coalition_handbook.model import load_handbook
    from coalition_handbook.rules.base import CheckContext
    from coalition_handbook.site.avoid_reasons import terms_named_in_avoid_reasons

    reasons = {
        "Sensational <!-- ask the coordinated response group -->.": [],
        "See https://example.org/coordinated-response/ or coordinated.response@example.org.": [],
        "Use coordinated response instead.": ["glossary/victim.yml"],
    }
    for number, (reason, named) in enumerate(reasons.items()):
        avoid = f"avoid:\n  - text: prey\n    reason: {yaml_string(reason)}\n"
        files = {
            "glossary/victim.yml": term_yaml("victim", avoid),
            "glossary/cr.yml": term_yaml("coordinated response"),
        }
        config = write_files(tmp_path / str(number), files)
        handbook, problems = load_handbook(config)
        assert problems == []
        context = CheckContext(config=config, handbook=handbook)
        found = terms_named_in_avoid_reasons(handbook.terms.values(), matcher(context))
        assert found.get("cr", []) == named, reason


def test_a_deprecated_term_s_forms_search_to_the_term_to_use_now(tmp_path: Path) -> None:
    """Audit (aud60): peonage, deprecated for servitude, deprecated in turn for forced
    labor, gave its forms to servitude's page, which says not to use it either; two
    terms deprecated for each other by mistake give them to neither."""
    files = chained_terms()
    handbook, _ = load(tmp_path, files)
    assert search_boost.deprecated_by_replacement(handbook.terms.values()) == {
        "forced-labor": ["peonage", "servitude"]
    }


def test_the_chains_of_replacements_are_followed_once_for_a_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv60a: each term page, its cache key and its index line followed its
    term's chain of replacements on their own, in time as the square of a long chain's
    length; the site follows them once for the pages, once for search."""
    from coalition_handbook.model import replacements
    from coalition_handbook.site import pages
    from coalition_handbook.site.term_page_cache import term_page_inputs

    followed: list[int] = []

    def counted(terms: Mapping[str, replacements.Replaceable]) -> replacements.Replacements:
        followed.append(len(terms))
        return replacements.replacements(terms)

    monkeypatch.setattr(pages, "replacements", counted)
    monkeypatch.setattr(search_boost, "replacements", counted)
    deprecated = "status: deprecated\nreplaced_by: t{}\n"
    files = {
        f"glossary/t{index}.yml": term_yaml(
            f"t{index}", extra=deprecated.format(index + 1) if index < 29 else ""
        )
        for index in range(30)
    }
    handbook, _ = load(tmp_path, files)
    inputs = pages.SiteInputs(handbook=handbook)
    generated = pages.generate_pages(inputs)
    for term in handbook.terms.values():
        term_page_inputs(term, inputs, 1.0)
    assert followed == [30, 30]
    assert "use [t29](t29.md) instead." in generated["glossary/t0.md"]
    assert "Use [t29](t29.md) instead." in generated["glossary/index.md"]
