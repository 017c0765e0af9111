"""privacy.pii reads the names the site publishes in its addresses, sitemap and search
index: a page's and any other published file's path under docs_dir (a PDF's, an image's
too), a term's and a protocol's id (`rules.privacy_file_names`; a data-protection audit
found them unread)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from handbooks import TERM, checked, make_handbook, set_handbook_options
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import Abort, PluginError

from coalition_handbook.rules.privacy_allow_list import AllowList
from coalition_handbook.rules.privacy_file_names import (
    personal_data_in_name,
    personal_data_in_names,
)

PAGE = "# Notes\n\nA calm page.\n"
PROTOCOL = """\
title: Front desk
version: 1
owner: Steering committee
effective: 2026-01-01
review_by: 2099-01-01
audience: [front desk staff]
summary: What to do.
steps:
  - title: Call.
    detail: Call the hotline.
history:
  - version: 1
    date: 2026-01-01
    summary: First approved.
"""


def _name_findings(config_file: Path, cache: bool = False) -> list[tuple[str, int, int, str]]:
    """(path, line, column, masked quote) of each privacy.pii finding in a file's name."""
    return [
        (finding.path, finding.line, finding.column, finding.message.split(" looks like", 1)[0])
        for finding in checked(config_file, cache)
        if finding.rule == "privacy.pii" and "in the file's name" in finding.message
    ]


def test_the_names_of_published_files_are_read(tmp_path: Path) -> None:
    config_file = make_handbook(
        tmp_path,
        **{
            "content__cases__mary-major-202-555-0122.md": PAGE,
            "content__minutes__jane.roe@example.org.md": PAGE,
            "content__visits__77-pine-road__index.md": PAGE,
            "content__lists__call-2025550123.csv": "name\n",
            "glossary__ask-202-555-0124.yml": TERM.replace(
                "person experiencing homelessness", "person in a shelter"
            ).replace("vagrant", "drifter"),
            "protocols__call-202-555-0125.yml": PROTOCOL,
        },
    )
    assert _name_findings(config_file) == [
        ("content/cases/mary-major-202-555-0122.md", 1, 1, "'202 *** **22'"),
        ("content/lists/call-2025550123.csv", 1, 1, "'202*****23'"),
        ("content/minutes/jane.roe@example.org.md", 1, 1, "'j***@e***.org'"),
        ("content/visits/77-pine-road/index.md", 1, 1, "'7* P*** R***'"),
        ("glossary/ask-202-555-0124.yml", 1, 1, "'202 *** **24'"),
        ("protocols/call-202-555-0125.yml", 1, 1, "'202 *** **25'"),
    ]


def test_a_renamed_page_is_read_through_the_cache(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path, **{"content__notes.md": PAGE})
    assert _name_findings(config_file, cache=True) == []
    (tmp_path / "content" / "notes.md").rename(tmp_path / "content" / "notes-202-555-0126.md")
    assert [path for path, *_ in _name_findings(config_file, cache=True)] == [
        "content/notes-202-555-0126.md"
    ]


def test_a_public_number_in_a_name_is_allowed(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path, **{"content__hotline-1-888-373-7888.md": PAGE})
    assert _name_findings(config_file) != []
    set_handbook_options(config_file, 'privacy: {allow: ["1-888-373-7888"]}')
    assert _name_findings(config_file) == []


@pytest.mark.parametrize(
    "name",
    [
        "logo@2x.png",
        "2024-winter-coat-drive.md",
        "events/2024-winter-coat-drive.md",
        "minutes-2026-12-05.md",
        "22-usc-7102.md",
        "module-2-a-way-forward.md",
        "5-drug-court-programs.md",
        "top-10-signs.md",
        "911.md",
        # A slug's small words are not capitalised, as a title writes them: no street's
        # name runs across them (review rv44b).
        "8-hours-on-the-road.md",
        "3-ways-to-cross-the-road.md",
        "modules/5-ways-to-help-street-youth.md",
    ],
)
def test_names_that_hold_no_personal_data_are_not_reported(name: str) -> None:
    assert personal_data_in_name(name, AllowList.of([], [])) == []


@pytest.mark.parametrize(
    ("name", "quoted"),
    [
        ("notes-2025550127.md", "'202*****27'"),
        # Digits of another script and a fullwidth `@` are read as in a page's text.
        (
            "notes-\uff12\uff10\uff12\uff15\uff15\uff15\uff10\uff11\uff12\uff17.md",
            "'２０２*****２７'",
        ),
        ("jane.roe\uff20example.org.csv", "'j***.r**＠e******.o**'"),
    ],
)
def test_names_that_hold_personal_data_are_reported(name: str, quoted: str) -> None:
    [said] = personal_data_in_name(name, AllowList.of([], []))
    assert said.startswith(quoted + " looks like")


def test_names_read_together_are_read_apart() -> None:
    # One text holds every name's readings: the end of one is no part of the next.
    names = ["notes/call-202", "555-0199.md", "meet-at", "page-1.md", "x-202-555-0122.md"]
    assert personal_data_in_names(names, AllowList.of([], [])) == [
        [],
        ["'***-**99' looks like a personal phone number"],
        [],
        [],
        ["'202 *** **22' looks like a personal phone number"],
    ]


@pytest.mark.parametrize("name", ["202-555-0122.md", "cases/202-555-0122/index.md"])
def test_a_number_read_as_written_and_as_a_title_is_reported_once(name: str) -> None:
    # Both readings of a name find it, each with its own spaces (review rv44b).
    [said] = personal_data_in_name(name, AllowList.of([], []))
    assert said.endswith("**22' looks like a personal phone number")


def test_the_name_of_a_rejected_term_is_read_whole(tmp_path: Path) -> None:
    # Its id is not a slug (glossary.schema), and its dots no extension's (review rv44b).
    term = TERM.replace("person experiencing homelessness", "person in a shelter")
    config_file = make_handbook(
        tmp_path, **{"glossary__jane.roe@example.org.yml": term.replace("vagrant", "drifter")}
    )
    assert _name_findings(config_file) == [
        ("glossary/jane.roe@example.org.yml", 1, 1, "'j***@e***.org'")
    ]


# The first bytes of a PNG: no text, never read (its name is).
_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def _write_png(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_PNG)


@pytest.mark.parametrize("cache", [False, True])
def test_the_name_of_a_published_image_or_pdf_is_read(tmp_path: Path, cache: bool) -> None:
    # Copied to site/<the same path>, its name published as a page's is (review rv44b).
    config_file = make_handbook(tmp_path)
    _write_png(tmp_path / "content" / "photo-202-555-0144.png")
    _write_png(tmp_path / "content" / "cases" / "intake-202-555-0188.pdf")
    assert _name_findings(config_file, cache) == [
        ("content/cases/intake-202-555-0188.pdf", 1, 1, "'202 *** **88'"),
        ("content/photo-202-555-0144.png", 1, 1, "'202 *** **44'"),
    ]


def test_an_image_added_and_renamed_is_read_through_the_cache(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path, **{"content__notes.md": PAGE})
    _write_png(tmp_path / "content" / "logo.png")
    assert _name_findings(config_file, cache=True) == []
    photo = tmp_path / "content" / "photo-202-555-0144.png"
    _write_png(photo)
    assert [path for path, *_ in _name_findings(config_file, cache=True)] == [
        "content/photo-202-555-0144.png"
    ]
    # A page edited alone: the image's finding is kept, as a cold check finds it.
    (tmp_path / "content" / "notes.md").write_text(PAGE + "More.\n", encoding="utf-8")
    assert [path for path, *_ in _name_findings(config_file, cache=True)] == [
        "content/photo-202-555-0144.png"
    ]
    photo.rename(tmp_path / "content" / "photo.png")
    assert _name_findings(config_file, cache=True) == []


def test_an_image_the_site_leaves_out_is_not_read(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(
        config_file.read_text(encoding="utf-8") + "exclude_docs: |\n  private/\n",
        encoding="utf-8",
    )
    _write_png(tmp_path / "content" / "private" / "photo-202-555-0144.png")
    _write_png(tmp_path / "content" / ".hidden-202-555-0145.png")
    # An editor's leftover (`records.editors_leftover`), which the plugin leaves out.
    _write_png(tmp_path / "content" / "photo-202-555-0146.png~")
    assert _name_findings(config_file) == []


def test_the_build_reports_an_image_s_name(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = make_handbook(tmp_path)
    _write_png(tmp_path / "content" / "photo-202-555-0144.png")
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises((PluginError, Abort)):
        build(load_mkdocs_config(str(config_file)))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "content/photo-202-555-0144.png:1:1: privacy.pii '202 *** **44' looks like" in logged
