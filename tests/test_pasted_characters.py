"""Text pasted from Word, Google Docs, a PDF or a chat app on a phone: characters no
reader sees in a glossary form are refused where they are, and what a reader reads
as an apostrophe is one to the matcher (audit of an editor who edits on a phone)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_model import run_rules, term_yaml, write_files

from coalition_handbook.check import run_checks

TERM_FILE = "glossary/peonage.yml"


@pytest.mark.parametrize(
    ("extra", "term", "line", "column", "named"),
    [
        # A zero width space before the name filed the term under "#" in the A-Z index.
        ("", "\u200bpeonage", 1, 7, "U+200B (ZERO WIDTH SPACE)"),
        ("", "peo\u00adnage", 1, 10, "U+00AD (SOFT HYPHEN)"),
        # Written as an escape in double quotes: at the value, the character named.
        ("", '"peo\\u2060nage"', 1, 7, "U+2060 (WORD JOINER)"),
        ("", "peo\ufeffnage", 1, 10, "U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
        # A zero width space between words made a form "forcedlabour" that never matched.
        ("aliases:\n  - forced\u200blabour\n", "peonage", 5, 11, "U+200B"),
        # A right-to-left override published the form reversed ("noep tbed").
        ("aliases:\n  - \u202edebt peon\u202c\n", "peonage", 5, 5, "U+202E"),
        ("avoid:\n  - text: debt\u200e slave\n    reason: R.\n", "peonage", 5, 15, "U+200E"),
        ("avoid:\n  - debt\u200dslave\n", "peonage", 5, 9, "U+200D (ZERO WIDTH JOINER)"),
        # Two of them pasted together: each stood beside a character past ASCII, the
        # other (review rv39).
        ("avoid:\n  - debt\u200c\u200dslave\n", "peonage", 5, 9, "U+200C"),
        ("aliases:\n  - debt\u200e\u200e peon\n", "peonage", 5, 9, "U+200E"),
    ],
)
def test_an_invisible_character_in_a_form_is_refused_where_it_is(
    tmp_path: Path, extra: str, term: str, line: int, column: int, named: str
) -> None:
    findings = run_rules(tmp_path, {TERM_FILE: term_yaml(term, extra=extra)})
    schema = [f for f in findings if f.rule == "glossary.schema"]
    assert [(f.line, f.column) for f in schema] == [(line, column)], findings
    assert named in schema[0].message
    assert "no reader sees" in schema[0].message


@pytest.mark.parametrize(
    "extra",
    [
        # Persian writes a zero width non-joiner inside words; Hebrew and Arabic mix
        # direction marks with Latin acronyms: only between ASCII are they stray.
        "aliases:\n  - \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645\n",
        "aliases:\n  - \u05d0\u05d1\u200e TIP\n",
        # Not a form: a definition or short may hold what it likes.
        "short: Compulsory ser\u00advice.\n",
    ],
)
def test_joiners_that_a_script_needs_and_other_fields_are_no_finding(
    tmp_path: Path, extra: str
) -> None:
    findings = run_rules(tmp_path, {TERM_FILE: term_yaml("peonage", extra=extra)})
    assert [f for f in findings if f.rule == "glossary.schema"] == []


def test_the_guide_quotes_the_message_for_an_invisible_character(tmp_path: Path) -> None:
    guide = (Path(__file__).parent.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    (quoted,) = [
        line.split(" error glossary.schema ", 1)[1]
        for line in guide.splitlines()
        if " glossary.schema " in line and "no reader sees" in line
    ]
    findings = run_rules(tmp_path, {TERM_FILE: term_yaml("\u200bpeonage")})
    assert [f.message for f in findings if f.rule == "glossary.schema"] == [quoted]


def test_search_reads_a_page_as_its_reader_does(tmp_path: Path) -> None:
    """A soft hyphen or zero width space pasted inside a word, a ligature from a PDF and
    accents written apart (NFD, as a Mac's files have them) went into the search index as
    they were: a member typing "survivor", "trafficking" or "código" did not find the page
    that shows those words."""
    import json

    from site_builds import build_site, write_site

    config = write_site(
        tmp_path,
        pages={
            "index.md": "# Home\n\nA page.\n",
            "pasted.md": (
                "# Sur\u00advivor voices\n\n"
                "Every sur\u00advivor and sur\u200bvivor, labor tra\ufb03cking,\n"
                "the co\u0301digo penal, \u202ewhat\u202c, and care\u200dworker here.\n"
            ),
        },
        theme="material",
        search=True,
    )
    site = build_site(config)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    (entry,) = [doc for doc in index["docs"] if doc["location"] == "pasted/"]
    assert entry["title"] == "Survivor voices"
    assert "Every survivor and survivor, labor trafficking, the c\u00f3digo penal" in entry["text"]
    assert "what, and careworker here" in entry["text"]


def test_search_indexes_arabic_presentation_forms_as_their_letters() -> None:
    """Text pasted from a PDF writes Arabic in presentation forms (`ﺍ`, an isolated alef;
    `ﻻ`, lam-alef; `ﹺ`, an isolated kasra): the reader sees the letters, and searches
    for them."""
    from coalition_handbook.site.search_boost import as_read

    assert as_read("ﺍﻻﺗﺠﺎﺭ ﺑﺎﻟﺒﺸﺮﹺ، ﻭ ﺿﺤﻴﺔ") == "الاتجار بالبشرِ، و ضحية"
    assert as_read("tra\ufb03cking") == "trafficking"


def test_search_indexes_a_presentation_form_of_a_phrase_as_its_words() -> None:
    """`ﷺ` (U+FDFA) and `ﷻ` (U+FDFB) are each a phrase in one character, kept as written
    by the matcher (fd53ccf): the index holds their words, as before, so that a reader
    who types one of them finds the page (review rv43: it held the character alone)."""
    from coalition_handbook.site.search_boost import as_read

    assert as_read("\u0646\u0628\u064a \ufdfa") == "\u0646\u0628\u064a " + "صلى الله عليه وسلم"
    assert as_read("\ufdfb") == "جل جلاله"


@pytest.mark.parametrize(
    ("page", "found"),
    [
        # U+02BC, the modifier letter apostrophe some keyboards and autocorrect type: a
        # letter to Unicode, so "slaveʼs" was one word, and no use of "slave".
        ("The slave\u02bcs story.", "slave\u02bcs"),
        ("The slaves\u02bc stories.", "slaves\u02bc"),
        ("The slave\u2019s story.", "slave\u2019s"),
    ],
)
def test_a_modifier_letter_apostrophe_reads_as_an_apostrophe(
    tmp_path: Path, page: str, found: str
) -> None:
    avoid = "avoid:\n  - text: slave\n    reason: Not person-first.\n"
    files = {TERM_FILE: term_yaml("survivor", extra=avoid), "content/index.md": f"# Hi\n\n{page}\n"}
    findings = [
        f for f in run_checks(write_files(tmp_path, files)).findings if f.rule == "term.avoid"
    ]
    assert [(f.line, f.column, f.found) for f in findings] == [(3, 5, found)]


@pytest.mark.parametrize("apostrophe", ["\u2018", "\uff07"])
def test_a_left_quotation_mark_or_fullwidth_apostrophe_in_a_word_reads_as_an_apostrophe(
    tmp_path: Path, apostrophe: str
) -> None:
    """U+2018, a left single quotation mark, typed for an apostrophe ("survivor‘s": some
    keyboards and autocorrect), and U+FF07, the fullwidth one an IME types, read as the
    curly one does (DESIGN section 4, "curly apostrophes too"): "slave‘s network" was
    "slave" then "s network", and the longer form went unfound."""
    avoid = (
        "avoid:\n  - text: slave\n    reason: Not person-first.\n"
        "  - text: slave's network\n    reason: Not person-first.\n"
    )
    page = f"The slave{apostrophe}s network, a \u2018slave\u2019 story."
    files = {TERM_FILE: term_yaml("survivor", extra=avoid), "content/index.md": f"# Hi\n\n{page}\n"}
    findings = [
        f for f in run_checks(write_files(tmp_path, files)).findings if f.rule == "term.avoid"
    ]
    assert [(f.line, f.column, f.found) for f in findings] == [
        (3, 5, f"slave{apostrophe}s network"),
        (3, 25, "slave"),
    ]


def test_a_term_with_an_invisible_character_in_a_form_is_still_read(tmp_path: Path) -> None:
    """The error asks for the character to go; meanwhile the term stays in the glossary,
    its forms found as a reader reads them: a page that uses it keeps its links, and
    `handbook diff` still shows what the change does."""
    from helpers_model import load

    files = {TERM_FILE: term_yaml("peo\u00adnage", extra="aliases:\n  - debt\u200b servitude\n")}
    handbook, findings = load(tmp_path, files)
    assert sorted((f.rule, f.line) for f in findings) == [
        ("glossary.schema", 1),
        ("glossary.schema", 5),
    ]
    assert handbook.rejected == set()
    assert handbook.terms["peonage"].aliases == ("debt\u200b servitude",)


def test_a_page_with_decomposed_accents_is_composed_only_where_it_is_past_ascii(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Text saved with decomposed accents (NFD, as a Mac may save it) was read a
    character at a time in Python to compose it, and scanned eight times slower (audit):
    only the runs past ASCII are read so, and what they give is unchanged."""
    import unicodedata

    from coalition_handbook import matching

    looked_at: list[str] = []

    class Counting:
        def __getattr__(self, name: str) -> object:
            return getattr(unicodedata, name)

        @staticmethod
        def combining(char: str) -> int:
            looked_at.append(char)
            return unicodedata.combining(char)

    monkeypatch.setattr(matching, "unicodedata", Counting())
    text = "A victim. " * 1000 + "cafe\u0301 A\u030a\u0327 x"
    nfc, offsets = matching._nfc(text)
    assert nfc == unicodedata.normalize("NFC", text)
    assert offsets is not None and len(offsets) == len(nfc) + 1
    # The cedilla NFC leaves after `Å` keeps its own offset (mt65: it took the letter's,
    # and a use ending at the letter ended before it)
    assert [text[offset] for offset in offsets[-7:-1]] == ["e", " ", "A", "\u0327", " ", "x"]
    assert len(looked_at) <= 5


def test_an_acronyms_possessive_with_a_modifier_letter_apostrophe_is_read(
    tmp_path: Path,
) -> None:
    files = {"content/index.md": "# Hi\n\nThe QWRT\u02bcs plan, DON\u02bcT go.\n"}
    findings = run_checks(write_files(tmp_path, files)).findings
    acronyms = [f for f in findings if f.rule == "term.unknown-acronym"]
    assert [(f.line, f.column, f.found) for f in acronyms] == [(3, 5, "QWRT")]


def test_an_acronym_form_with_a_modifier_letter_apostrophe_is_found(tmp_path: Path) -> None:
    """Found by the fuzzed comparison with the reference scan: an all-capitals form is
    compared as written, and "DMSTʼs", letters alone to `str.isalnum`, was not
    straightened first."""
    avoid = "avoid:\n  - text: DMST\n    reason: Retired.\n"
    files = {
        TERM_FILE: term_yaml("child sex trafficking", extra=avoid),
        "content/index.md": "# Hi\n\nThe DMST\u02bcs cases.\n",
    }
    findings = [
        f for f in run_checks(write_files(tmp_path, files)).findings if f.rule == "term.avoid"
    ]
    assert [(f.line, f.column, f.found) for f in findings] == [(3, 5, "DMST\u02bcs")]


def test_the_schema_and_the_checks_refuse_the_same_invisible_characters() -> None:
    """The term schema's `withoutInvisible` pattern (what an editor's YAML tooling shows)
    and `forms.STRAY_INVISIBLE` (what the checks name and search leaves out) are one rule
    written twice: they agree on every character of the Basic Multilingual Plane, alone,
    between ASCII letters, beside an Arabic letter, and doubled between ASCII letters
    (two joiners pasted together, review rv39)."""
    import json
    import re

    from coalition_handbook.editor.scaffold import SCHEMAS_DIR
    from coalition_handbook.forms import STRAY_INVISIBLE

    schema = json.loads((SCHEMAS_DIR / "term.schema.json").read_text(encoding="utf-8"))
    fits = re.compile(schema["$defs"]["withoutInvisible"]["pattern"])
    contexts = ("{}", "a{}b", "\u0628{}b", "a{}\u0628", "a{0}{0}b")
    disagreeing = [
        (context, hex(code))
        for code in range(0x10000)
        if not 0xD800 <= code <= 0xDFFF
        for context in contexts
        if (fits.search(text := context.format(chr(code))) is None)
        != (STRAY_INVISIBLE.search(text) is not None)
    ]
    assert disagreeing == []
