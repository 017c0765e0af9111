"""Forms in Korean text, which glues a noun's particles to it (audit ko64).

The matcher took a use only as a whole word, with no letter just after it, so a form
followed by a particle (`인신매매를`, `피해자에게`, `ILO는`) was never found: no link, no
search hit, and no `term.avoid` for a form to avoid. See `hangul_words` for the rule.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from handbooks import checked, make_handbook
from site_builds import write_site
from test_matching import make_term

from coalition_handbook.matching import COMPOSING_STARTERS, Matcher

MATCHER = Matcher.from_terms(
    [
        make_term("human-trafficking", "인신매매"),
        make_term("victim", "피해자", aliases=("피해 생존자",)),
        make_term("forced-labour", "강제노동"),
        make_term("labour", "노동"),
        make_term("sex", "성"),
        make_term("ilo", "ILO"),
        make_term("migrant-worker-zh", "移工"),
        make_term("victim-en", "victim"),
    ]
)


def found(text: str) -> list[tuple[str, str]]:
    return [(match.found, match.term_id) for match in MATCHER.scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a particle or the copula glued to the form
        ("인신매매를 막아야 합니다.", [("인신매매", "human-trafficking")]),
        ("피해자에게 먼저 묻습니다", [("피해자", "victim")]),
        ("피해자는 처벌받지 않는다", [("피해자", "victim")]),
        ("강제노동의 징후", [("강제노동", "forced-labour")]),
        ("그는 피해자입니다.", [("피해자", "victim")]),
        ("피해자이며 증인이다", [("피해자", "victim")]),
        ("쉼터에서는 피해 생존자와 함께", [("피해 생존자", "victim")]),
        # the source, "but", "while", "whether" and "that it is" (review rv66g)
        ("피해자로부터 들었다", [("피해자", "victim")]),
        ("피해자이지만 처벌받았다", [("피해자", "victim")]),
        ("피해자이면서 증인", [("피해자", "victim")]),
        ("피해자인지 확인한다", [("피해자", "victim")]),
        ("피해자임을 입증했다", [("피해자", "victim")]),
        ("강제노동으로부터 벗어나", [("강제노동", "forced-labour")]),
        # the plural, alone or before a particle
        ("피해자들은 말했다", [("피해자", "victim")]),
        ("피해자들", [("피해자", "victim")]),
        # stacked particles
        ("노동에서도", [("노동", "labour")]),
        # an acronym before a particle
        ("ILO는 강제노동을 정의한다", [("ILO", "ilo"), ("강제노동", "forced-labour")]),
        # Korean quotes a word in single quotes, its particle after them
        ("‘인신매매’를 막자", [("인신매매", "human-trafficking")]),
        ("'피해자'라는 말", [("피해자", "victim")]),
        ("“강제노동”의", [("강제노동", "forced-labour")]),
        ("‘victim’은", [("victim", "victim-en")]),
        # the longest form wins, as everywhere
        ("강제노동으로", [("강제노동", "forced-labour")]),
        # no use: a longer word, a letter before, a verb made with 하다
        ("인신매매범", []),
        ("노동자", []),
        ("국제인신매매를", []),
        ("ILO협약", []),
        ("노동하는", []),
        # a one-syllable form matches only as a whole word
        ("성을", []),
        ("성 착취", [("성", "sex")]),
        # other scripts are unchanged
        ("victim은", [("victim", "victim-en")]),
        ("victims", [("victims", "victim-en")]),
        ("移工의", [("移工", "migrant-worker-zh")]),
    ],
)
def test_forms_before_korean_particles(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_form_to_avoid_before_a_particle_is_reported(tmp_path: Path) -> None:
    """An editor writes a form to avoid with its particle: the check reports it at its
    column, as it would in English."""
    term = (
        "term: 성착취 피해 아동\nversion: 1\ndefinition: 성적으로 착취당한 아동.\n"
        "avoid:\n  - text: 원조교제\n    reason: 착취를 거래처럼 보이게 한다.\n"
        "history:\n  - version: 1\n    date: 2026-12-07\n    summary: 승인.\n"
    )
    config = make_handbook(tmp_path, "# 첫 페이지\n\n언론은 원조교제를 말한다.\n")
    (tmp_path / "glossary" / "child-victim.yml").write_text(term, encoding="utf-8")
    rows = [
        (finding.rule, finding.line, finding.column, finding.found, finding.suggestion)
        for finding in checked(config)
    ]
    assert ("term.avoid", 3, 5, "원조교제", "성착취 피해 아동") in rows


def test_an_unknown_acronym_before_a_particle_is_reported(tmp_path: Path) -> None:
    """`IOM은`: Korean glues the particle to the acronym; one glued to a word that is no
    particle (`IOM협약`) is no acronym, as one glued to Latin letters."""
    page = "# 첫 페이지\n\nIOM은 돕는다. UNODC의 보고서. IOM협약. xIOM에.\n"
    config = make_handbook(tmp_path, page)
    found = [
        (finding.column, finding.found)
        for finding in checked(config)
        if finding.rule == "term.unknown-acronym"
    ]
    assert found == [(1, "IOM"), (11, "UNODC")]


def test_long_runs_of_hangul_are_scanned_in_linear_time() -> None:
    """400 forms that each start a run of 40,000 syllables (its first two, three,
    ... letters): each of their hits reads a few letters after it for a particle, not the
    run to its end (which made 480 million reads of 30 runs)."""
    from work import python_in_time

    completed = python_in_time(
        "import sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from test_matching import make_term\n"
        "from coalition_handbook.matching import Matcher\n"
        "run = ''.join(chr(0xAC00 + n % 11_172) for n in range(40_000))\n"
        "terms = [make_term(f't{n}', run[:n]) for n in range(2, 402)]\n"
        "hits = Matcher.from_terms(terms).hits((run + ' ') * 30)\n"
        "assert hits == [], hits[:3]\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


def test_a_korean_page_links_a_form_before_a_particle_with_its_tooltip(tmp_path: Path) -> None:
    """A member reading `인신매매를 막습니다.` gets the term's link and tooltip, the
    particle left outside the link, and the term's page lists the page among those that
    use it."""
    from site_builds import READERS_SITE, build_site, read, term_yaml

    config = write_site(
        tmp_path,
        pages={"index.md": "# 첫 페이지\n\n우리는 인신매매를 막습니다.\n"},
        terms={"human-trafficking": term_yaml("인신매매", "착취를 목적으로 사람을 모집하는 것.")},
        **{**READERS_SITE, "theme_options": "language: ko"},
    )
    site = build_site(config)
    assert (
        '우리는 <a class="hb-term" data-term="human-trafficking" '
        'href="glossary/human-trafficking/" title="착취를 목적으로 사람을 모집하는 것.">'
        "인신매매</a>를 막습니다."
    ) in read(site, "index.html")
    used_on = read(site, "glossary/human-trafficking/index.html").split('class="hb-used-on"')
    assert '<li><a href="../../">첫 페이지</a></li>' in used_on[1].split("</ul>")[0]


@pytest.mark.parametrize(
    "text",
    ["인신매매 막자", "인신매매를 막자", "피해자들은 말했다", "‘인신매매’를", "নতুন পোশাক 인신매매"],
)
def test_korean_saved_as_jamo_is_read_composed(text: str) -> None:
    """A page saved decomposed (NFD, as a Mac may save it) writes each syllable as two or
    three jamo, which are no combining marks: they were composed one at a time, so no
    form in the page was found; the use is reported as written, in its jamo."""
    decomposed = unicodedata.normalize("NFD", text)
    hits = [(match.found, match.term_id) for match in MATCHER.scan(decomposed)]
    expected = [(unicodedata.normalize("NFD", form), term) for form, term in found(text)]
    assert hits == expected != []


def test_letters_that_compose_without_a_mark_are_all_listed() -> None:
    """Every letter of canonical class 0 that NFC joins to the one before it (Python's
    Unicode) is one the matcher keeps in its cluster."""
    composing = set()
    for code in range(0x110000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            pair = "".join(chr(int(part, 16)) for part in parts)
            if unicodedata.normalize("NFC", pair) == chr(code):
                composing.add(pair[1])
    assert {char for char in composing if not unicodedata.combining(char)} == set(
        COMPOSING_STARTERS
    )


def test_a_korean_page_saved_as_jamo_links_its_terms(tmp_path: Path) -> None:
    """A page saved decomposed gets the term's link around the jamo of the use, the
    particle's outside it, as the page wrote them."""
    from site_builds import READERS_SITE, build_site, read, term_yaml

    config = write_site(
        tmp_path,
        pages={
            "index.md": unicodedata.normalize("NFD", "# 첫 페이지\n\n우리는 인신매매를 막습니다.\n")
        },
        terms={"human-trafficking": term_yaml("인신매매", "착취를 목적으로 사람을 모집하는 것.")},
        **{**READERS_SITE, "theme_options": "language: ko"},
    )
    page = read(build_site(config), "index.html")
    link = unicodedata.normalize("NFD", "인신매매</a>를 막습니다.")
    assert 'data-term="human-trafficking"' in page
    assert link in page
