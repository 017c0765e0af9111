"""What editors, Windows and Word leave beside the files of docs_dir (`index.md~`,
`index.md.bak`, `Thumbs.db`, `~$notes.docx`) is left out of the site, as MkDocs leaves out
hidden files, with a page.source warning at each (audit: a backup, the text before the
personal data was taken out, was published unread); in the term and protocol folders it
is let be. A page saved with its extension in capitals (`Tips.MD`) is no page to MkDocs:
a page.source warning says to rename it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import require_names_apart
from handbooks import finding_rows, make_handbook, set_handbook_options
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config

from coalition_handbook.findings import Severity
from coalition_handbook.model.files import LEFTOVER_WHY
from coalition_handbook.model.records import editors_leftover

BACKUP = "Old text. Call Dana at 402-555-0142.\n"
LEFTOVERS = {
    "content__index.md~": BACKUP,
    "content__index.md.bak": BACKUP,
    "content__#index.md#": BACKUP,
    "content__about.md.orig": BACKUP,
    "content__about.md.save": BACKUP,
    "content__files__INDEX.MD.BAK": BACKUP,
    "content__~$notes.docx": "Jane Doe",
    "content__Thumbs.db": "thumbnails",
    "content__desktop.ini": "[.ShellClassInfo]\r\n",
    # macOS Finder's custom folder icon: its name ends in a carriage return.
    "content__modules__Icon\r": "",
}
# What Finder leaves (binary): `.DS_Store`, and AppleDouble `._name` files (a zip made on a
# Mac, a volume that is not APFS), which start with the bytes 00 05 16 07.
APPLE_DOUBLE = "\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02"
FINDER_FILES = {
    "__.DS_Store": "Bud1\x00\x00\x10\x00",
    "__._survivor.yml": APPLE_DOUBLE,
    "__._index.md": APPLE_DOUBLE,
    "__Icon\r": "",
}
# Their paths, as findings name them, sorted as findings are.
LEFTOVER_PATHS = sorted(name.replace("__", "/") for name in LEFTOVERS)


def leftover_finding(path: str) -> tuple[str, int, str, str, str]:
    return (path, 1, Severity.WARNING.value, "page.source", LEFTOVER_WHY)


@pytest.mark.parametrize(
    ("name", "leftover"),
    [
        *((name.rpartition("__")[2], True) for name in LEFTOVERS),
        ("survivor.yml~", True),
        ("4913", True),
        ("x.swp", True),
        ("THUMBS.DB", True),
        ("Desktop.ini", True),
        ("~$Handout.DOCX", True),
        # files meant to be published
        ("index.md", False),
        ("notes.txt", False),
        ("thumbs.db.csv", False),
        ("a~b.txt", False),
        ("$notes.docx", False),
        ("Icon", False),
        ("Icon.png", False),
        ("x.rej", False),  # a change `patch` could not apply: named in a record folder
    ],
)
def test_which_names_are_editors_leftovers(name: str, leftover: bool) -> None:
    assert editors_leftover(name) is leftover


def test_each_leftover_is_a_warning_at_the_file(tmp_path: Path) -> None:
    config_file = make_handbook(
        tmp_path,
        **LEFTOVERS,
        # not published, or meant to be: no finding
        **{
            "content__.index.md.swp": BACKUP,
            "content__.~lock.notes.docx#": "Jane",
            "content__private__index.md~": BACKUP,
            "content__logo.png": "png",
        },
    )
    with config_file.open("a", encoding="utf-8") as settings:
        settings.write("exclude_docs: |\n  private/\n")
    # The backups' phone numbers are not read: the site leaves them out.
    assert finding_rows(config_file) == [leftover_finding(path) for path in LEFTOVER_PATHS]


def test_the_built_site_holds_no_leftover(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config_file = make_handbook(tmp_path, **LEFTOVERS, **{"content__notes.txt": "Notes.\n"})
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build(load_mkdocs_config(str(config_file)))
    site = tmp_path / "site"
    published = sorted(
        path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()
    )
    assert "notes.txt" in published
    leftovers = [path for path in published if editors_leftover(path.rpartition("/")[2])]
    assert leftovers == []
    assert not (site / "files").exists()
    # Said once per file: the check's warning, at the file.
    warned = [
        record.getMessage() for record in caplog.records if LEFTOVER_WHY in record.getMessage()
    ]
    # A log line shows a name's carriage return escaped (Finder's `Icon\\r`).
    shown = [path.replace("\r", "\\r") for path in LEFTOVER_PATHS]
    assert warned == [f"{path}:1:1: page.source {LEFTOVER_WHY}" for path in shown]


def test_with_page_source_off_a_leftover_is_still_left_out(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path, **{"content__index.md~": BACKUP})
    set_handbook_options(config_file, "rules: {page.source: 'off'}")
    assert finding_rows(config_file) == []
    build(load_mkdocs_config(str(config_file)))
    assert (tmp_path / "site" / "index.html").is_file()
    assert not (tmp_path / "site" / "index.md~").exists()


def test_the_cache_sees_a_leftover_come_and_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HANDBOOK_NO_CACHE", raising=False)
    config_file = make_handbook(tmp_path)
    assert finding_rows(config_file, cache=True) == []
    backup = tmp_path / "content" / "index.md~"
    backup.write_text(BACKUP, encoding="utf-8")
    assert finding_rows(config_file, cache=True) == [leftover_finding("content/index.md~")]
    assert finding_rows(config_file, cache=True) == finding_rows(config_file)
    backup.unlink()
    assert finding_rows(config_file, cache=True) == []


def test_record_folders_let_windows_and_word_leftovers_be(tmp_path: Path) -> None:
    """Audit: a `desktop.ini` in glossary/ was a glossary.schema error, which failed the
    build over a file Explorer hides."""
    config_file = make_handbook(
        tmp_path,
        **{
            "glossary__desktop.ini": "[.ShellClassInfo]\r\n",
            "glossary__Thumbs.db": "thumbnails",
            "glossary__~$terms.docx": "Jane Doe",
            "glossary__~$draft.yml": "Jane Doe",
            "protocols__desktop.ini": "[.ShellClassInfo]\r\n",
            "protocols__X.BAK": "old",
        },
    )
    assert finding_rows(config_file) == []


def test_what_finder_leaves_is_neither_read_nor_published(tmp_path: Path) -> None:
    """Audit (macOS): Finder's `Icon\\r` in glossary/ was a glossary.schema error, which
    failed the build; its `.DS_Store` and AppleDouble `._survivor.yml` are hidden files,
    neither read as records nor published. In content/, `Icon\\r` is a leftover (one
    warning, as Thumbs.db), not also a name Windows cannot hold."""
    folders = ("glossary", "protocols", "content", "content/modules")
    config_file = make_handbook(
        tmp_path,
        **{
            f"{folder}{name}".replace("/", "__"): text
            for folder in folders
            for name, text in FINDER_FILES.items()
        },
    )
    assert finding_rows(config_file) == [
        leftover_finding("content/Icon\r"),
        leftover_finding("content/modules/Icon\r"),
    ]
    build(load_mkdocs_config(str(config_file)))
    published = [path.name for path in (tmp_path / "site").rglob("*")]
    assert "index.html" in published
    assert [name for name in published if name.startswith((".", "Icon"))] == []


def test_a_page_with_its_extension_in_capitals_is_named(tmp_path: Path) -> None:
    require_names_apart(tmp_path)  # Tips.Md beside tips.md
    config_file = make_handbook(
        tmp_path,
        **{
            "content__Tips.Md": "# Tips\n\nCall 402-555-0142.\n",
            "content__modules__night-staff.MD": "# Night staff\n",
            "content__notes.MARKDOWN": "# Notes\n",
            "content__tips.md": "# Tips\n",
        },
    )
    why = (
        "is no page: MkDocs makes pages only of files whose extension is in lower case "
        "({}), and publishes this one's Markdown as it is, which the checks read for "
        "personal data alone; rename it to {}"
    )
    found = [finding for finding in finding_rows(config_file) if finding[3] == "page.source"]
    assert found == [
        ("content/Tips.Md", 1, "warning", "page.source", why.format(".md", "Tips.md")),
        (
            "content/modules/night-staff.MD",
            1,
            "warning",
            "page.source",
            why.format(".md", "night-staff.md"),
        ),
        (
            "content/notes.MARKDOWN",
            1,
            "warning",
            "page.source",
            why.format(".markdown", "notes.markdown"),
        ),
        # Renamed, it would take the other's place: that is said at the other.
        (
            "content/tips.md",
            1,
            "warning",
            "page.source",
            "its name differs from Tips.Md's only in case: a clone on Windows or macOS, "
            "where file names are the same in any case, holds only one of the two; rename one",
        ),
    ]
    # Still read for personal data, which MkDocs publishes.
    assert ("content/Tips.Md", 3, "error") in {finding[:3] for finding in finding_rows(config_file)}
