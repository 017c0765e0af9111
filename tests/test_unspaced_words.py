"""Forms in Chinese and Japanese text, which puts no spaces between words (audit zh64).

The matcher took a use only as a whole word, with no letter just before or after it, so a
Han form inside a sentence (`我們打擊人口販運。`) was never found: no link, no search
hit, and no `term.avoid` for a form to avoid. See `unspaced_words` for the rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from handbooks import checked, make_handbook
from site_builds import write_site
from test_matching import make_term

from coalition_handbook.documents import CheckedText, text_hits
from coalition_handbook.markdown import checkable_text
from coalition_handbook.matching import Matcher

MATCHER = Matcher.from_terms(
    [
        make_term("human-trafficking", "人口販運", aliases=("人身取引",)),
        make_term("child-sexual-exploitation", "兒少性剝削", avoid=("雛妓",)),
        make_term("sexual-exploitation", "性剝削"),
        make_term("migrant-worker", "移工", avoid=("外勞",)),
        make_term("prostitute", "娼"),
        make_term("ngo", "NGO"),
        make_term("victim", "victim"),
        make_term("t-visa", "T簽證"),
        make_term("broker", "ブローカー", avoid=("パパ活",)),
        make_term("sex-worker", "セックスワーカー"),
        make_term("jk-business", "JKビジネス"),
        make_term("shelter", "シェルター"),
    ]
)


def found(text: str) -> list[tuple[str, str]]:
    return [(match.found, match.term_id) for match in MATCHER.scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # between Han characters and punctuation, as Chinese writes a sentence
        ("我們打擊人口販運。", [("人口販運", "human-trafficking")]),
        ("請勿再使用外勞一詞", [("外勞", "migrant-worker")]),
        ("媒體有時仍稱被剝削的兒童為雛妓，這是錯誤的。", [("雛妓", "child-sexual-exploitation")]),
        # Japanese: a particle after the form, kana before it
        ("人身取引の被害者", [("人身取引", "human-trafficking")]),
        ("これは人身取引です", [("人身取引", "human-trafficking")]),
        # Japanese: a katakana word stands against Han and hiragana (audit rv66b: none
        # was found in a sentence), a form of Han and katakana against hiragana
        ("悪質なブローカーに騙された。", [("ブローカー", "broker")]),
        ("セックスワーカーの権利", [("セックスワーカー", "sex-worker")]),
        ("JKビジネスの被害", [("JKビジネス", "jk-business")]),
        ("被害者シェルターに入る", [("シェルター", "shelter")]),
        ("パパ活をする", [("パパ活", "broker")]),
        # ...but not inside a longer katakana word
        ("メッセージブローカーの設定", []),
        ("ブローカーズ", []),
        # the longest form wins, as everywhere
        ("防制兒少性剝削的工作", [("兒少性剝削", "child-sexual-exploitation")]),
        # where the script changes, a word ends: a Latin acronym glued to Chinese
        ("可以向NGO求助", [("NGO", "ngo")]),
        ("申請T簽證", [("T簽證", "t-visa")]),
        ("1955移工專線", [("移工", "migrant-worker")]),
        # a form of one Han character is part of too many words to be read in a run
        ("娼妓", []),
        ("私娼問題", []),
        ("娼", [("娼", "prostitute")]),
        ("「娼」", [("娼", "prostitute")]),
        # English is unchanged: a use glued to a letter of its own script is no use
        ("victimhood", []),
        ("NGOs", [("NGOs", "ngo")]),
        ("XNGO", []),
        ("victim的", [("victim", "victim")]),
        # a line break inside a paragraph between two Han or kana characters is no gap
        # (review rv66b: an editor's hard wrap lost the form), a space typed there is one
        ("我們打擊人口\n販運。", [("人口\n販運", "human-trafficking")]),
        ("悪質なブロー\nカーに騙された。", [("ブロー\nカー", "broker")]),
        ("人口 \r\n  販運", [("人口 \r\n  販運", "human-trafficking")]),
        # ...but a hard break (two spaces) is a new line the reader sees
        ("人口  \n販運", []),
        ("人口 販運", []),
        ("人口\n\n販運", []),
        ("向NGO\n求助", [("NGO", "ngo")]),
    ],
)
def test_forms_in_text_without_spaces(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_form_to_avoid_in_chinese_is_reported(tmp_path: Path) -> None:
    """A coalition's editor writes a form to avoid inside a Chinese sentence: the check
    reports it at its column, as it would in English."""
    term = (
        "term: 移工\nversion: 1\ndefinition: 離開原居國家到其他國家工作的人。\n"
        "avoid:\n  - text: 外勞\n    reason: 帶有排斥意味。\n"
        "history:\n  - version: 1\n    date: 2026-12-07\n    summary: 通過。\n"
    )
    config = make_handbook(tmp_path, "# 首頁\n\n請勿再使用外勞一詞。\n")
    (tmp_path / "glossary" / "migrant-worker.yml").write_text(term, encoding="utf-8")
    rows = [
        (finding.rule, finding.line, finding.column, finding.found, finding.suggestion)
        for finding in checked(config)
    ]
    assert ("term.avoid", 3, 6, "外勞", "移工") in rows


def test_an_unknown_acronym_among_han_or_kana_is_reported(tmp_path: Path) -> None:
    """`向IOM求助`: Chinese writes an acronym against the characters around it, which are
    no letters of its word; one glued to Latin letters or digits is still no acronym."""
    page = "# 首頁\n\n可以向IOM求助。人身取引はILOに相談。向XIOM2求助。NGOs的。\n"
    config = make_handbook(tmp_path, page)
    found = [
        (finding.column, finding.found)
        for finding in checked(config)
        if finding.rule == "term.unknown-acronym"
    ]
    assert found == [(4, "IOM"), (15, "ILO"), (31, "NGOs")]


def test_a_form_to_avoid_wrapped_over_two_lines_is_reported_where_it_starts(
    tmp_path: Path,
) -> None:
    """An editor who hard-wraps Chinese Markdown breaks a line inside a word, in a
    paragraph, a list item and a quote: the form is found, at its first line and column;
    not across a hard break (`<br>`), a new line the reader sees."""
    term = (
        "term: 移工\nversion: 1\ndefinition: 離開原居國家到其他國家工作的人。\n"
        "avoid:\n  - text: 外勞\n    reason: 帶有排斥意味。\n"
        "history:\n  - version: 1\n    date: 2026-12-07\n    summary: 通過。\n"
    )
    page = (
        "# 首頁\n\n請勿再使用外\n勞一詞。\n\n- 不要說外\n  勞。\n\n> 不要說外\n> 勞。\n\n"
        "地址：桃園市中壢區境外<br>\n勞工大樓\n"
    )
    config = make_handbook(tmp_path, page)
    (tmp_path / "glossary" / "migrant-worker.yml").write_text(term, encoding="utf-8")
    rows = [
        (finding.rule, finding.line, finding.column, finding.found)
        for finding in checked(config)
        if finding.rule == "term.avoid"
    ]
    assert rows == [
        ("term.avoid", 3, 6, "外\n勞"),
        ("term.avoid", 6, 6, "外\n  勞"),
        ("term.avoid", 9, 6, "外\n> 勞"),
    ]


def test_a_case_sensitive_form_in_chinese_is_checked(tmp_path: Path) -> None:
    term = (
        "term: T簽證\nversion: 1\ncase_sensitive: true\ndefinition: 美國的一種簽證。\n"
        "history:\n  - version: 1\n    date: 2026-12-07\n    summary: 通過。\n"
    )
    config = make_handbook(tmp_path, "# 首頁\n\n倖存者可以申請t簽證。\n")
    (tmp_path / "glossary" / "t-visa.yml").write_text(term, encoding="utf-8")
    rows = [(finding.rule, finding.found, finding.suggestion) for finding in checked(config)]
    assert rows == [("term.case", "t簽證", "T簽證")]


def test_a_long_run_of_overlapping_han_uses_is_scanned_in_linear_time() -> None:
    """Inside a run of Han characters every two of `人人人...` is a use of `人人`, each
    overlapping the next, which the matcher settles as one run of overlaps (no space
    ever parts them, as it does in English): 200,000 characters, each looked at a few
    times, not against every other."""
    from work import python_in_time

    completed = python_in_time(
        "import sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from test_matching import make_term\n"
        "from coalition_handbook.matching import Matcher\n"
        "terms = [make_term('a', '人人'), make_term('b', '人人人', avoid=('口人',))]\n"
        "hits = Matcher.from_terms(terms).hits('人' * 200_000)\n"
        "assert len(hits) == 66_666, len(hits)\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


def test_wrapped_lines_among_han_are_joined_in_linear_time() -> None:
    """Line breaks among Han characters with long runs of spaces around them, joined or
    not (a space run ending in no Han): each character looked at a few times."""
    from work import python_in_time

    completed = python_in_time(
        "import sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from test_matching import make_term\n"
        "from coalition_handbook.matching import Matcher\n"
        "text = '人口 \\n 販運' * 50_000 + '人' + ' ' * 200_000 + '\\n' + ' ' * 200_000 + 'x'\n"
        "hits = Matcher.from_terms([make_term('a', '人口販運')]).hits(text)\n"
        "assert len(hits) == 50_000, len(hits)\n"
    )
    assert (completed.returncode, completed.stderr) == (0, "")


def test_a_chinese_page_links_a_form_inside_a_sentence_with_its_tooltip(tmp_path: Path) -> None:
    """A member reading `我們打擊人口販運。` gets the term's link and tooltip, and the term's
    page lists the page among those that use it (neither happened: the form was never
    found)."""
    from site_builds import READERS_SITE, build_site, read, term_yaml

    config = write_site(
        tmp_path,
        pages={
            "index.md": "# 首頁\n\n我們打擊人口販運。\n",
            "wrapped.md": "# 換行\n\n他們也打擊人口\n販運。\n",
            # a hard break, a new line the reader sees, parts the words (review rv66h)
            "broken.md": "# 斷行\n\n人口<br>\n販運、人口  \n販運、人口\n<br>販運。\n",
        },
        terms={"human-trafficking": term_yaml("人口販運", "以強暴、脅迫等手段剝削他人。")},
        **{**READERS_SITE, "theme_options": "language: zh-TW"},
    )
    site = build_site(config)
    assert (
        '我們打擊<a class="hb-term" data-term="human-trafficking" '
        'href="glossary/human-trafficking/" title="以強暴、脅迫等手段剝削他人。">人口販運</a>。'
    ) in read(site, "index.html")
    # a form an editor's hard wrap breaks (review rv66b): the link holds both lines' text
    assert (
        '他們也打擊<a class="hb-term" data-term="human-trafficking" '
        'href="../glossary/human-trafficking/" title="以強暴、脅迫等手段剝削他人。">'
        "人口\n販運</a>。"
    ) in read(site, "wrapped/index.html")
    assert 'class="hb-term"' not in read(site, "broken/index.html")
    used_on = read(site, "glossary/human-trafficking/index.html").split('class="hb-used-on"')
    assert '<li><a href="../../">首頁</a></li>' in used_on[1].split("</ul>")[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an address written against Chinese or Japanese text (review rv66b): the Han
        # and kana are no letters of it, and do not hide it
        ("可寫信到jane.doe@gmail.com求助。", ["jane.doe@gmail.com"]),
        ("請寄信至jane.doe@gmail.com", ["jane.doe@gmail.com"]),
        ("info@coalition.org.tw洽詢", ["info@coalition.org.tw"]),
        ("メールはjane@example.jpまで", ["jane@example.jp"]),
        ("信箱：jane.doe@gmail.com。", ["jane.doe@gmail.com"]),
        ("logo@2x.png的圖", []),
    ],
)
def test_an_address_among_han_or_kana_is_read_whole(text: str, expected: list[str]) -> None:
    from coalition_handbook.rules.privacy_emails import find_email_addresses

    assert [text[start:end] for start, end in find_email_addresses(text)] == expected


def test_a_public_address_written_against_chinese_is_allowed(tmp_path: Path) -> None:
    """The coalition's own address, listed in `privacy.allow`, written with no space after
    `請寄信至`: it was read with those characters, no longer the public one, an error
    failing every build; one written before `洽詢` was none and is now reported."""
    from handbooks import set_handbook_options

    page = "# 首頁\n\n請寄信至info@coalition.org.tw洽詢。\n\n或寫信到jane.doe@gmail.com求助。\n"
    config = make_handbook(tmp_path, page)
    set_handbook_options(config, 'privacy: {allow: ["info@coalition.org.tw"]}')
    rows = [(f.rule, f.line, f.column, f.found) for f in checked(config)]
    assert rows == [("privacy.pii", 5, 5, "jane.doe@gmail.com")]


def test_an_address_with_a_fullwidth_at_sign_among_han_is_reported(tmp_path: Path) -> None:
    """Chinese input methods type `＠` and fullwidth letters; such an address written
    against Han (review rv66b: `abc＠gmail.com求助` was missed at session 64's start) is
    reported, without the Han around it."""
    page = "# 首頁\n\nabc＠gmail.com求助。\n\n請寄信至ａｂｃ＠ｇｍａｉｌ．ｃｏｍ求助。\n"
    rows = [(f.rule, f.line, f.column, f.found) for f in checked(make_handbook(tmp_path, page))]
    assert rows == [
        ("privacy.pii", 3, 1, "abc＠gmail.com"),
        ("privacy.pii", 5, 5, "ａｂｃ＠ｇｍａｉｌ．ｃｏｍ"),
    ]


def test_an_address_among_latin_letters_is_read_as_on_a_page_without_han() -> None:
    """A page that holds Han is read by a pattern of its own: Latin letters, digits, `_`
    and `-` glued to an address are read as on any other page."""
    from coalition_handbook.rules.privacy_emails import find_email_addresses

    text = "Write to jane@gmail.com1, _a.b@c.org_, x@y.comZ, 2x@y.org- or k@l.museum."
    assert find_email_addresses(text + " 中") == find_email_addresses(text)
    assert len(find_email_addresses(text)) == 3


def test_a_form_is_not_read_across_a_line_break_next_to_markup_the_reader_sees(
    tmp_path: Path,
) -> None:
    """Review rv66h: the view blanks markup, so a `<br>` opening the next line (a new
    line the reader sees), a `&nbsp;`, a literal `*` or `[`, or a `* ` a paragraph holds
    as text (no list without a blank line before it) looked like the indent of a wrapped
    line: `外勞` was a term.avoid where the reader sees `外` and `勞` apart. A wrapped line
    inside a quote is still read whole."""
    term = (
        "term: 移工\nversion: 1\ndefinition: 離開原居國家到其他國家工作的人。\n"
        "avoid:\n  - text: 外勞\n    reason: 帶有排斥意味。\n"
        "history:\n  - version: 1\n    date: 2026-12-07\n    summary: 通過。\n"
    )
    page = (
        "# 首頁\n\n地址：桃園市中壢區境外\n<br>勞工大樓\n\n境外\n&nbsp;勞工\n\n境外*\n勞工\n\n"
        "境外\n[勞工\n\n注意境外\n* 勞工\n\n> 不要說外\n> 勞。\n"
    )
    config = make_handbook(tmp_path, page)
    (tmp_path / "glossary" / "migrant-worker.yml").write_text(term, encoding="utf-8")
    rows = [
        (finding.line, finding.column, finding.found)
        for finding in checked(config)
        if finding.rule == "term.avoid"
    ]
    assert rows == [(18, 6, "外\n> 勞")]


LABOUR = Matcher.from_terms(
    [make_term("migrant-worker", "移工", avoid=("外勞",)), make_term("labour", "勞工")]
)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # The use across the gap left out, the words after it were not searched again.
        ("境外*\n勞工", ["勞工"]),
        ("境外\n<br>勞工大樓", ["勞工"]),
        ("境外\n&nbsp;勞工", ["勞工"]),
        # One space and a Windows line break: a soft break, the words read whole.
        ("不要說外 \r\n勞。", ["外 \r\n勞"]),
        ("不要說外\r\n勞。", ["外\r\n勞"]),
        ("不要說外  \r\n勞。", []),  # two spaces: a hard break, a new line
        ("> 不要說外\n> 勞。", ["外\n> 勞"]),
    ],
)
def test_a_wrapped_line_is_read_as_its_reader_reads_it(markdown: str, expected: list[str]) -> None:
    """Review (session 64): a use read across a wrapped line's break next to markup was
    dropped after the search, so the words it had taken were not looked for again
    (`勞工` in `境外*\\n勞工`); and a carriage return after one space was a blank in the
    view, read as Markdown's hard break (two spaces), so `外 \\r\\n勞` was never read whole."""
    text = CheckedText("index.md", "", markdown, checkable_text(markdown))
    assert [markdown[hit[0] : hit[1]] for hit in text_hits(LABOUR, text)] == expected
