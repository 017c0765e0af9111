"""privacy.pii in the files of docs_dir that the site publishes as they are: a volunteers'
list (`.csv`), an exported flyer (`.html`), notes, a contact card. Only their text is
read, with privacy.allow and the rule's settings as in pages; `handbook check`, warm or
cold, and `mkdocs build` report the same."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from handbooks import checked, make_handbook
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import Abort, PluginError

from coalition_handbook.check import run_checks
from coalition_handbook.cli import main
from coalition_handbook.config import load_config
from coalition_handbook.findings import Finding
from coalition_handbook.markup import readable_text, shown_text
from coalition_handbook.model.files import TEXT_FILE_SUFFIXES, is_text_file, utf16_without_bom

VOLUNTEERS = "name,phone,e-mail\nJane Doe,555-123-4567,jane.doe@gmail.com\n"


@pytest.fixture(autouse=True)
def cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDBOOK_NO_CACHE", raising=False)


def findings_of(config_file: Path, cache: bool = False) -> list[tuple[str, int, int, str]]:
    """(path, line, column, found) of each privacy.pii finding, through the cache or not."""
    return [
        placed(finding) for finding in checked(config_file, cache) if finding.rule == "privacy.pii"
    ]


def placed(finding: Finding) -> tuple[str, int, int, str]:
    return finding.path, finding.line, finding.column, finding.found or finding.message


@pytest.mark.parametrize(
    ("markup", "read"),
    [
        # colour codes, sizes, styles and scripts are no text
        ('<p style="color:#5551234" width="5551234567">Hi</p>', ["Hi"]),
        ("<style>p { width: 5551234px }</style><script>x = 5551234567</script>ok", ["ok"]),
        ('<svg viewBox="0 0 555 1234567"><path d="M555 123 4567"/></svg>', []),
        # links and the text a reader is shown are
        (
            '<a href="mailto:jane@x.org" class="555-123-4567">Mail</a>',
            ["mailto:jane@x.org", "Mail"],
        ),
        (
            "<a href='tel:+15551234567' title=\"Call Jane\">call</a>",
            ["tel:+15551234567", "Call Jane", "call"],
        ),
        ('<img alt="Jane, 555-123-4567" src=photo.png>', ["Jane, 555-123-4567", "photo.png"]),
        ('<use xlink:href="https://wa.me/15551234567"/>', ["https://wa.me/15551234567"]),
        # a comment's text, not the tags commented out in it
        ('<!-- Jane <b style="x:5551234567">555-123-4567</b> -->', ["Jane", "555-123-4567"]),
        ("<![CDATA[ 555-123-4567 ]]>", ["555-123-4567"]),
        # JSON-LD is data
        (
            '<script type="application/ld+json">{"telephone": "555"}</script>',
            ['{"telephone": "555"}'],
        ),
        # unclosed: the rest is read (an attribute's quote), or the script's
        ("<p title='x 555-123-4567", ["'x 555-123-4567"]),
        ("<script>5551234567", []),
    ],
)
def test_markup_is_read_for_its_text(markup: str, read: list[str]) -> None:
    text = readable_text(markup)
    assert len(text) == len(markup)
    assert text.split() == " ".join(read).split()


def test_markup_keeps_every_line_where_it_is() -> None:
    markup = '<p\nstyle="a:\r\nb">x\n<!--\ny\n-->\n<script>\n1\n</script>z'
    text = readable_text(markup)
    assert [len(line) for line in text.splitlines()] == [len(line) for line in markup.splitlines()]
    assert text.split() == ["x", "y", "z"]


def test_xml_data_is_read_with_its_attributes() -> None:
    markup = '<volunteer phone="555-123-4567" id="12"/>'
    assert readable_text(markup, every_attribute=True).split() == ["555-123-4567", "12"]
    assert readable_text(markup).split() == []


@pytest.mark.parametrize(
    ("name", "read"),
    [
        *((f"a{suffix}", True) for suffix in TEXT_FILE_SUFFIXES),
        ("VOLUNTEERS.CSV", True),
        ("NOTES.MD", True),  # no page to MkDocs, which takes `.md` in lower case only
        *((f"a.{suffix}", False) for suffix in ("js", "css", "png", "pdf", "docx", "woff2")),
    ],
)
def test_which_files_are_text(name: str, read: bool) -> None:
    assert is_text_file(name) is read


def test_every_published_text_file_is_checked(tmp_path: Path) -> None:
    config_file = make_handbook(
        tmp_path,
        **{
            "content__files__volunteers.csv": VOLUNTEERS,
            "content__notes.txt": "Jane lives at 12 Oak Street.\n",
            "content__card.vcf": "BEGIN:VCARD\nFN:Jane Doe\nTEL;TYPE=CELL:+1 555 444 5555\n",
            "content__events.ics": "BEGIN:VEVENT\nORGANIZER:mailto:jane@gmail.com\n",
            "content__data.json": '{"phone": "(555) 222-3333"}\n',
            "content__poster.svg": '<svg width="5551234567"><text>555-777-8888</text></svg>\n',
            "content__flyer.html": (
                '<p style="color:#5551234">Ask for Jane:\n'
                '  <a href="tel:+15559876543">call</a></p>\n'
            ),
            # not published as they are, or no text
            "content__.private__list.csv": VOLUNTEERS,
            "content__.notes.txt": VOLUNTEERS,
            "content__app.js": "var phone = '555-123-4567';\n",
            "content__style.css": "p { color: #555123 }\n",
        },
    )
    assert findings_of(config_file) == [
        ("content/card.vcf", 3, 15, "+1 555 444 5555"),
        ("content/data.json", 1, 12, "(555) 222-3333"),
        ("content/events.ics", 2, 18, "jane@gmail.com"),
        ("content/files/volunteers.csv", 2, 10, "555-123-4567"),
        ("content/files/volunteers.csv", 2, 23, "jane.doe@gmail.com"),
        ("content/flyer.html", 2, 16, "+15559876543"),
        ("content/notes.txt", 1, 15, "12 Oak Street"),
        ("content/poster.svg", 1, 31, "555-777-8888"),
    ]


def test_character_references_in_markup_are_read_as_shown(tmp_path: Path) -> None:
    """Review: a flyer's `jane&#64;gmail.com`, `555&nbsp;867&nbsp;5309` (Word's exports
    write `&nbsp;` freely) are reported where the file writes them, as it writes them; a
    plain text file is shown as written, its references too."""
    flyer = (
        "<p>Write to jane&#64;gmail.com or bob&#x40;yahoo.com</p>\n"
        "<p title='Call 555&nbsp;867&#8209;5308'>Call 555&nbsp;867&nbsp;5309</p>\n"
        "<svg><text>Office: 12&nbsp;Oak&nbsp;Street</text></svg>\n"
    )
    config_file = make_handbook(
        tmp_path,
        **{"content__flyer.html": flyer, "content__notes.txt": "jane&#64;gmail.com\n"},
    )
    assert findings_of(config_file) == [
        ("content/flyer.html", 1, 13, "jane&#64;gmail.com"),
        ("content/flyer.html", 1, 35, "bob&#x40;yahoo.com"),
        ("content/flyer.html", 2, 16, "555&nbsp;867&#8209;5308"),
        ("content/flyer.html", 2, 46, "555&nbsp;867&nbsp;5309"),
        ("content/flyer.html", 3, 20, "12&nbsp;Oak&nbsp;Street"),
    ]


def test_text_split_across_inline_tags_is_read_joined(tmp_path: Path) -> None:
    """Review: Word's "Save as Web Page" and Illustrator's SVG export split a line into
    runs (`<span>`, `<tspan>`); a browser shows them joined, and so they are read, and
    reported where the file writes them. A block's tags still part the words."""
    flyer = (
        "<p class=MsoNormal><span lang=EN-US>Call Jane at (555) 867-</span>"
        "<span lang=EN-US style='color:red'>5309</span></p>\n"
        "<p><span>jane.doe@</span><span>gmail.com</span><o:p></o:p></p>\n"
        "<p><span>555</span><span>-</span><b>301</b><i>-</i><span>2298</span></p>\n"
        "<p>555-123-</p><p>4567 <span>Office: 12 Oak </span><span>St&#x72;eet</span></p>\n"
    )
    poster = (
        '<svg xmlns="http://www.w3.org/2000/svg"><text x="100" y="200">Shelter intake: '
        '<tspan x="100" dy="14">555-867-</tspan><tspan>5397</tspan></text></svg>\n'
    )
    config_file = make_handbook(
        tmp_path, **{"content__files__f3.html": flyer, "content__files__map.svg": poster}
    )
    assert findings_of(config_file) == [
        (
            "content/files/f3.html",
            1,
            50,
            "(555) 867-</span><span lang=EN-US style='color:red'>5309",
        ),
        ("content/files/f3.html", 2, 10, "jane.doe@</span><span>gmail.com"),
        ("content/files/f3.html", 3, 10, "555</span><span>-</span><b>301</b><i>-</i><span>2298"),
        ("content/files/f3.html", 4, 38, "12 Oak </span><span>St&#x72;eet"),
        ("content/files/map.svg", 1, 102, "555-867-</tspan><tspan>5397"),
    ]


def test_a_link_in_a_redirect_is_read_in_an_exported_flyer(tmp_path: Path) -> None:
    """A Google Doc exported to HTML wraps every link in a redirect, its `&` written
    `&amp;`: the WhatsApp link it carries is reported where the file writes it."""
    flyer = (
        '<p><a href="https://www.google.com/url?q=https://wa.me/15558675309&amp;sa=D&amp;'
        'ust=1700000000">Text Maria</a></p>\n'
        '<p><a href="https://www.google.com/url?q=https%3A%2F%2Fwa.me%2F15551234567&amp;sa=D">'
        "Jo</a></p>\n"
    )
    config_file = make_handbook(tmp_path, **{"content__flyer.html": flyer})
    assert findings_of(config_file) == [
        ("content/flyer.html", 1, 56, "15558675309"),
        ("content/flyer.html", 2, 64, "15551234567"),
    ]


def test_shown_text_joins_inline_elements_only() -> None:
    markup = '<p>a<span\nclass="x">b</span></p><p>c</p><a href="tel:1">d</a>e<br>f'
    text, to_markup = shown_text(markup)
    assert text.split() == ["ab", "c", "tel:1", "de", "f"]
    b = text.index("b")
    assert (to_markup.start(b), to_markup.end(b + 1)) == (
        markup.index(">b") + 1,
        markup.index("b<") + 1,
    )
    assert markup[to_markup.start(text.index("de")) : to_markup.end(text.index("de") + 2)] == (
        "d</a>e"
    )


def test_a_calendars_identifiers_are_no_e_mail_addresses(tmp_path: Path) -> None:
    """Review: every Google Calendar export failed, its events' `UID:...@google.com`
    read as personal e-mail addresses. An organizer's or attendee's address is read,
    where it stands in the file, after a UID folded over two lines too."""
    calendar = (
        "BEGIN:VCALENDAR\r\n"
        "X-WR-RELCALID:cal-7f3a@group.calendar.google.com\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:3F2504E04F8911D39A0C0305E82C3301@google.com\r\n"
        "uid;X-P=1:a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4\r\n"
        " e5f6a7b8@google.com\r\n"
        "RELATED-TO:parent-42@google.com\r\n"
        "ORGANIZER;CN=Jane:mailto:jane@gmail.com\r\n"
        "ATTENDEE:mailto:bob.smith@yahoo.com\r\n"
        "END:VEVENT\r\n"
    )
    config_file = make_handbook(tmp_path, **{"content__events__cal.ICS": calendar})
    assert findings_of(config_file) == [
        ("content/events/cal.ICS", 8, 26, "jane@gmail.com"),
        ("content/events/cal.ICS", 9, 17, "bob.smith@yahoo.com"),
    ]


def test_a_contact_card_or_calendar_line_folded_onto_the_next_is_read_whole(
    tmp_path: Path,
) -> None:
    """vCard and iCalendar fold a long line anywhere (a line break and one space or tab),
    inside a number or an address too, and every reader unfolds it: read unfolded, and
    found at its first character, quoted as the file writes it. A line that starts
    otherwise is no fold."""
    card = (
        "BEGIN:VCARD\r\nFN:Jane Doe\r\nTEL;TYPE=CELL:402-555-\r\n 0142\r\n"
        "EMAIL:jane.doe@gm\r\n\tail.com\r\nNOTE:Room\n402\n555\n0143\r\nEND:VCARD\r\n"
    )
    calendar = "BEGIN:VEVENT\nORGANIZER;CN=Jane:mailto:jane@gm\n ail.com\nEND:VEVENT\n"
    config_file = make_handbook(
        tmp_path, **{"content__card.VCF": card, "content__events.ics": calendar}
    )
    assert findings_of(config_file) == [
        ("content/card.VCF", 3, 15, "402-555-\r\n 0142"),
        ("content/card.VCF", 5, 7, "jane.doe@gm\r\n\tail.com"),
        ("content/events.ics", 2, 26, "jane@gm\n ail.com"),
    ]


def test_preformatted_html_is_read_line_by_line(tmp_path: Path) -> None:
    """A `<pre>` (or `<textarea>`) shows each line as a line, and its spaces as written,
    as a Markdown code block does: a fixed-width table or a column of numbers in one is
    no phone number, while a number on one line is found, and a paragraph is read
    wrapped as before."""
    flyer = (
        "<p>Call her at 402 555\n0142 tonight.</p>\n<PRE class=x>\n"
        "County       Calls   Tips   Cases\nDouglas        312    455    1420\n"
        "402\n555\n0143\n</pre>\n<pre><b>Jane</b>  402-555-0144</pre>\n"
        "<textarea>312\n455\n1420</textarea><p>Or 402 555\n0145.</p>\n"
    )
    config_file = make_handbook(tmp_path, **{"content__flyer.html": flyer})
    assert findings_of(config_file) == [
        ("content/flyer.html", 1, 16, "402 555\n0142"),
        ("content/flyer.html", 10, 19, "402-555-0144"),
        ("content/flyer.html", 13, 22, "402 555\n0145"),
    ]


def test_files_the_site_does_not_publish_are_not_checked(tmp_path: Path) -> None:
    """MkDocs' own exclusions and the site's `exclude_docs`; the files of a glossary kept
    in docs_dir, which the site publishes as their pages. A file that no nav names is
    published all the same, and a draft (`draft_docs`) is checked, as a draft page is:
    `mkdocs serve` shows it, and it is written to be published."""
    config_file = make_handbook(
        tmp_path,
        **{
            "content__private__list.csv": VOLUNTEERS,
            "content__templates__list.csv": VOLUNTEERS,
            "content__terms__notes.txt": "Ask Jane: 555-123-4567\n",
            "content__drafts__notes.txt": "Ask Jane: 555-123-4567\n",
            "content__not-in-nav.txt": "Ask Jane: 555-123-4567\n",
        },
    )
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(
        text.replace("  - handbook\n", "  - handbook:\n      glossary_dir: content/terms\n")
        + "exclude_docs: |\n  private/\ndraft_docs: |\n  drafts/\nnav: [index.md]\n",
        encoding="utf-8",
    )
    (tmp_path / "content" / "terms").mkdir(exist_ok=True)
    for term in (tmp_path / "glossary").iterdir():
        term.rename(tmp_path / "content" / "terms" / term.name)
    assert findings_of(config_file) == [
        ("content/drafts/notes.txt", 1, 11, "555-123-4567"),
        ("content/not-in-nav.txt", 1, 11, "555-123-4567"),
    ]


def test_allow_list_severity_and_off_apply_as_in_pages(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path, **{"content__list.csv": VOLUNTEERS})
    text = config_file.read_text(encoding="utf-8")

    def configured(options: str) -> list[Finding]:
        config_file.write_text(text.replace("  - handbook\n", f"  - handbook:\n{options}"))
        os.environ["HANDBOOK_NO_CACHE"] = "1"
        try:
            result = run_checks(load_config(config_file))
        finally:
            del os.environ["HANDBOOK_NO_CACHE"]
        return [finding for finding in result.findings if finding.rule == "privacy.pii"]

    allowed = configured('      privacy: {allow: ["(555) 123-4567"]}\n')
    assert [finding.found for finding in allowed] == ["jane.doe@gmail.com"]
    warned = configured("      rules: {privacy.pii: warning}\n")
    assert {finding.severity.value for finding in warned} == {"warning"}
    assert configured("      rules: {privacy.pii: off}\n") == []


def test_html_files_take_suppression_comments(tmp_path: Path) -> None:
    html = (
        "<html>\n"
        "    <!-- handbook-disable-next-line privacy.pii -->\n"
        "    <p>Front desk: 555-123-4567</p>\n"
        "    <p>Jane: 555-987-6543</p>\n"
        "    <!-- handbook-disable privacy.pii -->\n"
        "    <p>Office: 12 Oak Street</p>\n"
    )
    config_file = make_handbook(
        tmp_path, **{"content__flyer.html": html, "content__notes.txt": html}
    )
    found = findings_of(config_file)
    assert [item for item in found if item[0] == "content/flyer.html"] == [
        ("content/flyer.html", 4, 14, "555-987-6543")
    ]
    # in a file with no comments of its own, the text is no comment
    assert len([item for item in found if item[0] == "content/notes.txt"]) == 3


def test_a_file_that_is_no_utf8_is_read_and_named(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path)
    content = tmp_path / "content"
    (content / "latin.csv").write_bytes(b"name,phone\nJos\xe9,555-123-4567\n")
    (content / "binary.txt").write_bytes(b"GIF89a\x00\x01 555-123-4567")
    (content / "notepad.txt").write_bytes("Call 555-123-4567\r\n".encode("utf-16"))
    os.environ["HANDBOOK_NO_CACHE"] = "1"
    try:
        found = run_checks(load_config(config_file)).findings
    finally:
        del os.environ["HANDBOOK_NO_CACHE"]
    assert [(*placed(finding)[:3], finding.severity.value) for finding in found] == [
        ("content/binary.txt", 1, 7, "error"),  # not read: a finding that fails the check
        ("content/latin.csv", 2, 4, "info"),  # read all the same: said, as information
        ("content/latin.csv", 2, 6, "error"),
        ("content/notepad.txt", 1, 6, "error"),
    ]
    messages = [placed(finding)[3] for finding in found]
    assert messages[0].startswith("holds binary data (a NUL byte at line 1)")
    assert messages[1].startswith("is not UTF-8: byte 0xE9 at line 2")
    assert messages[2:] == ["555-123-4567", "555-123-4567"]


def test_utf16_without_a_bom_is_read_and_named(tmp_path: Path) -> None:
    """Review: a `.csv` that Excel saves as "Unicode text" without a BOM was called
    binary, not read, and the finding said nothing of saving it as UTF-8. It is read (its
    numbers reported where an editor sees them) and named, as information; text it cannot
    tell from binary data (few ASCII characters) is an error that says what to do."""
    config_file = make_handbook(tmp_path)
    content = tmp_path / "content"
    volunteers = "name,phone\r\nJane Doe,555-123-4567\r\n"
    (content / "excel.csv").write_bytes(volunteers.encode("utf-16-le"))
    (content / "mac.txt").write_bytes("Call 555-867-5309\n".encode("utf-16-be"))
    (content / "names.txt").write_bytes("王小明　李明　张伟，电话\n".encode("utf-16-le"))
    os.environ["HANDBOOK_NO_CACHE"] = "1"
    try:
        found = run_checks(load_config(config_file)).findings
    finally:
        del os.environ["HANDBOOK_NO_CACHE"]
    assert [(*placed(finding), finding.severity.value) for finding in found] == [
        ("content/excel.csv", 1, 1, found[0].message, "info"),
        ("content/excel.csv", 2, 10, "555-123-4567", "error"),
        ("content/mac.txt", 1, 1, found[2].message, "info"),
        ("content/mac.txt", 1, 6, "555-867-5309", "error"),
        ("content/names.txt", 1, 7, found[4].message, "error"),
    ]
    assert found[0].message.startswith("is UTF-16 (little-endian) without a byte order mark")
    assert found[0].message.endswith("save it as UTF-8")
    assert "(big-endian)" in found[2].message
    assert found[4].message.startswith("holds binary data (a NUL byte at line 1)")
    assert 'if it is text saved as UTF-16 or "Unicode text" (Excel, Notepad), save it as UTF-8' in (
        found[4].message
    )


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        ("Jane,555-123-4567\n".encode("utf-16-le"), "Jane,555-123-4567\n"),
        ("Nguyễn,555-123-4567\n".encode("utf-16-be"), "Nguyễn,555-123-4567\n"),
        ("李明,555-123-4567\r\n".encode("utf-16-le"), "李明,555-123-4567\r\n"),
        # binary data: control characters read as UTF-16, or NULs on both sides
        (b"GIF89a\x01\x00\x02\x00 555-123-4567 ", None),
        (b"\x00\x00\x00\x00ab", None),
        # UTF-8 with a stray NUL: too few to be UTF-16; an odd length
        ("José, 555-123-4567, \x00 ok\n".encode(), None),
        ("Jane,555".encode("utf-16-le") + b"7", None),
        # half a character left unpaired
        ("a,b".encode("utf-16-le") + b"\x00\xd8", None),
    ],
)
def test_utf16_is_told_from_binary_data(raw: bytes, read: str | None) -> None:
    found = utf16_without_bom(raw)
    assert (found[0] if found else None) == read


def test_a_large_file_is_read_in_linear_time(tmp_path: Path) -> None:
    from work import checked_in_time, without_totals

    pathological = (
        "<p title='x" * 20_000
        + "<!-- " * 20_000
        + "<i "
        + "x" * 200_000
        + ">"
        + '<a b="' * 20_000
        + "<script>" * 20_000
    )
    config_file = make_handbook(
        tmp_path,
        **{
            "content__flyer.html": pathological,
            "content__list.csv": "Jane Doe,12,Main St,555-123-45,x\n" * 100_000,
        },
    )
    completed = checked_in_time(config_file)
    assert (completed.returncode, without_totals(completed.stderr)) == (0, "")


def test_check_and_build_report_the_same(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config_file = make_handbook(tmp_path, **{"content__files__list.csv": VOLUNTEERS})
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises((PluginError, Abort)):
        build(load_mkdocs_config(str(config_file)))
    logged = [record.getMessage() for record in caplog.records]
    assert "content/files/list.csv:2:10: privacy.pii '555-***-**67' looks like a personal " in (
        "\n".join(logged)
    )
    assert "handbook: 2 error(s); the site was not rebuilt" in logged


def test_a_rebuild_under_serve_reports_an_edit(tmp_path: Path) -> None:
    """`mkdocs serve` builds again with the same plugin: an edit to a list is checked."""
    config_file = make_handbook(tmp_path, **{"content__list.csv": "name\nJane\n"})
    config = load_mkdocs_config(str(config_file))
    build(config)
    (tmp_path / "content" / "list.csv").write_text(VOLUNTEERS, encoding="utf-8")
    with pytest.raises((PluginError, Abort)):
        build(config)


def test_the_cli_reports_text_files_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    config_file = make_handbook(tmp_path, **{"content__list.csv": VOLUNTEERS})
    assert main(["check", "-f", str(config_file), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["findings"][0] | {"message": ""} == {
        "rule": "privacy.pii",
        "severity": "error",
        "path": "content/list.csv",
        "line": 2,
        "column": 10,
        "found": "555-123-4567",
        "suggestion": None,
        "term": None,
        "message": "",
    }
    assert report["counts"] == {"error": 2, "warning": 0, "info": 0}


def edit_and_check(config_file: Path, edit: object) -> None:
    """After `edit`, a warm run finds what a cold one does; and a second warm run too."""
    assert callable(edit)
    edit()
    warm = findings_of(config_file, cache=True)
    assert warm == findings_of(config_file)
    assert findings_of(config_file, cache=True) == warm


def test_the_cache_never_hides_an_edit_to_a_text_file(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path, **{"content__list.csv": VOLUNTEERS})
    content = tmp_path / "content"
    assert len(findings_of(config_file, cache=True)) == 2
    assert len(findings_of(config_file, cache=True)) == 2

    def fixed() -> None:
        (content / "list.csv").write_text("name\nJane\n", encoding="utf-8")

    def edited() -> None:
        (content / "list.csv").write_text(VOLUNTEERS, encoding="utf-8")

    def same_size() -> None:  # same size and time: only the bytes tell
        path = content / "list.csv"
        before = path.stat()
        path.write_text(VOLUNTEERS.replace("4567", "4568"), encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    def added() -> None:
        (content / "more.tsv").write_text("Ann\t555-222-3333\n", encoding="utf-8")

    def renamed() -> None:
        (content / "list.csv").rename(content / "volunteers.csv")

    def removed() -> None:
        (content / "more.tsv").unlink()

    def page_and_file() -> None:
        (content / "index.md").write_text("# Home\n\nCall 555-444-5555.\n", encoding="utf-8")
        (content / "volunteers.csv").write_text("name\n", encoding="utf-8")

    for edit in (fixed, edited, same_size, added, renamed, removed, page_and_file):
        edit_and_check(config_file, edit)
    assert findings_of(config_file, cache=True) == [("content/index.md", 3, 6, "555-444-5555")]


def test_the_cache_follows_settings_that_say_what_is_published(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path, **{"content__private__list.csv": VOLUNTEERS})
    text = config_file.read_text(encoding="utf-8")
    assert len(findings_of(config_file, cache=True)) == 2
    config_file.write_text(text + "exclude_docs: |\n  private/\n", encoding="utf-8")
    assert findings_of(config_file, cache=True) == []
    config_file.write_text(text, encoding="utf-8")
    assert len(findings_of(config_file, cache=True)) == 2


def test_an_edit_to_text_files_alone_checks_those_files_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As an edit to pages alone: the run reads the changed files, not the whole handbook
    again, and finds what a cold run finds."""
    import coalition_handbook.check as check

    config_file = make_handbook(tmp_path, **{"content__list.csv": "name\nJane\n"})
    assert findings_of(config_file, cache=True) == []

    def no_whole_run(*args: object) -> None:
        raise AssertionError("the whole handbook was checked again")

    with monkeypatch.context() as patch:
        patch.setattr(check, "_recheck", no_whole_run)
        (tmp_path / "content" / "list.csv").write_text(VOLUNTEERS, encoding="utf-8")
        (tmp_path / "content" / "more.txt").write_text("Ann: 555-222-3333\n", encoding="utf-8")
        warm = findings_of(config_file, cache=True)
    assert warm == findings_of(config_file)
    assert [item[0] for item in warm] == [
        "content/list.csv",
        "content/list.csv",
        "content/more.txt",
    ]


@pytest.mark.parametrize(
    ("codec", "says"),
    [
        ("utf-16", "is UTF-16 (little-endian), not UTF-8"),
        ("utf-16-le", "is UTF-16 (little-endian) without a byte order mark, not UTF-8"),
        ("utf-16-be", "is UTF-16 (big-endian) without a byte order mark, not UTF-8"),
    ],
)
def test_a_page_saved_as_utf16_is_read_for_personal_data(
    tmp_path: Path, codec: str, says: str
) -> None:
    """Review rv3 F11: a page saved as UTF-16 was read as UTF-8, so no e-mail address or
    phone number in it could be found, while its finding said that its personal data was
    checked. It is read as UTF-16, as text files are, and its data reported in place."""
    config_file = make_handbook(tmp_path)
    page = "# Contacts\n\nWrite to jane.doe@example.org or call (555) 867-5309.\n"
    if codec == "utf-16-be":
        page = "# Contacts\r\n\r\nWrite to jane.doe@example.org or call (555) 867-5309.\r\n"
    (tmp_path / "content" / "contacts.md").write_bytes(page.encode(codec))
    os.environ["HANDBOOK_NO_CACHE"] = "1"
    try:
        found = run_checks(load_config(config_file)).findings
    finally:
        del os.environ["HANDBOOK_NO_CACHE"]
    mine = [finding for finding in found if finding.path == "content/contacts.md"]
    assert [(finding.rule, *placed(finding)[1:]) for finding in mine] == [
        ("page.source", 1, 1, mine[0].message),
        ("privacy.pii", 3, 10, "jane.doe@example.org"),
        ("privacy.pii", 3, 39, "(555) 867-5309"),
    ]
    assert mine[0].message.startswith(says)
    assert mine[0].message.endswith("nothing but personal data in it is checked)")
