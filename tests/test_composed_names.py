"""A page whose name macOS wrote decomposed (NFD: `protección.md`, as Finder and TextEdit
save it) is the page a link typed to it (composed, NFC) names: in the checks' findings,
the built site, its search and Used on lists, and `handbook diff` (audit: on a Mac,
`mkdocs build --strict` failed on the link, and the page's address was decomposed).
Findings name it composed, as git on macOS and CI's clone do."""

from __future__ import annotations

import json
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import require_names_apart
from handbooks import finding_rows, make_handbook
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config

from coalition_handbook.cli import diff_command as run_diff
from coalition_handbook.config import load_config

COMPOSED = unicodedata.normalize("NFC", "protección")
DECOMPOSED = unicodedata.normalize("NFD", "protección")
PAGE = "# Protección\n\nNo person experiencing homelessness is a vagrant.\n"
CLEAN_PAGE = "# Protección\n\nNo person experiencing homelessness is turned away.\n"
HOME = f"# Home\n\nSee [{COMPOSED}]({COMPOSED}.md).\n"


def test_names_differ_on_disk() -> None:
    assert COMPOSED != DECOMPOSED


def test_findings_name_a_decomposed_page_composed(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path, HOME, **{f"content__{DECOMPOSED}.md": PAGE})
    assert (tmp_path / "content" / f"{DECOMPOSED}.md").is_file()
    paths = {row[0] for row in finding_rows(config_file)}
    assert paths == {f"content/{COMPOSED}.md"}


def test_the_site_publishes_a_decomposed_page_at_its_composed_address(tmp_path: Path) -> None:
    config_file = make_handbook(tmp_path, HOME, **{f"content__{DECOMPOSED}.md": CLEAN_PAGE})
    config = load_mkdocs_config(str(config_file), strict=True)
    build(config)  # the typed link leads to the page: no warning under --strict
    site = tmp_path / "site"
    assert (site / COMPOSED / "index.html").is_file()
    assert not (site / DECOMPOSED).exists()
    address = "protecci%C3%B3n/"  # composed, as a link typed to it
    assert f'href="{address}"' in (site / "index.html").read_text(encoding="utf-8")
    term_page = (site / "glossary" / "person-experiencing-homelessness" / "index.html").read_text(
        encoding="utf-8"
    )
    assert f'href="../../{address}"' in term_page  # Used on
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert address in {entry["location"] for entry in index["docs"]}


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_diff_takes_a_page_saved_decomposed_for_the_page_committed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Git on macOS commits the composed name; a Mac app saves the page again with its
    name decomposed: no page moved, no old address to keep."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "handbook"
    make_handbook(root, HOME, **{f"content__{COMPOSED}.md": PAGE})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    (root / "content" / f"{COMPOSED}.md").rename(root / "content" / f"{DECOMPOSED}.md")
    code = run_diff(load_config(root / "mkdocs.yml", require_folders=False), "HEAD", None)
    out = capsys.readouterr().out
    assert code == 0
    assert "### Old addresses" not in out
    assert "No glossary term, protocol or training module changed." in out


def test_a_page_beside_its_name_encoded_otherwise_is_named(tmp_path: Path) -> None:
    """Both committed from Linux, `protección.md` composed and decomposed are one file to
    macOS: a Mac editor's clone holds one of the two, as with names that differ in case."""
    require_names_apart(tmp_path)
    config_file = make_handbook(
        tmp_path,
        **{f"content__{COMPOSED}.md": CLEAN_PAGE, f"content__{DECOMPOSED}.md": CLEAN_PAGE},
    )
    assert finding_rows(config_file) == [
        (
            f"content/{COMPOSED}.md",
            1,
            "warning",
            "page.source",
            f"its name is {COMPOSED}.md's with its accents encoded otherwise (composed or "
            "decomposed): a clone on macOS, where such names are the same, holds only one "
            "of the two; rename one",
        )
    ]


def test_the_probe_of_names_apart_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    """The tests that write two names a Mac holds as one skip there (through
    `require_or_skip`, which fails under CI=true); the probe writes nothing to keep."""
    require_names_apart(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_decomposed_page_name_keeps_the_check_by_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The survey names the page as its findings do (composed): else no warm run keeps
    the findings by page, and each edit of one page re-ran every rule over every page
    (review rv42: 15 times as long on a handbook of 1,500 pages)."""
    from coalition_handbook.cache import RunCache
    from coalition_handbook.check import run_checks
    from coalition_handbook.snapshot import Snapshot

    monkeypatch.delenv("HANDBOOK_NO_CACHE", raising=False)
    config_file = make_handbook(tmp_path, HOME, **{f"content__{DECOMPOSED}.md": PAGE})
    run_checks(load_config(config_file))
    snapshot = Snapshot.load(RunCache.beside(tmp_path, "mkdocs.yml"))
    assert snapshot is not None
    assert snapshot.pages_apart
    assert f"content/{COMPOSED}.md" in snapshot.page_findings


# A folder and a page committed decomposed from a Mac, as a Linux clone (CI's) has them.
FOLDER = unicodedata.normalize("NFD", "protección")
INDEX = unicodedata.normalize("NFD", "índice.md")
IN_FOLDER = f"content__{FOLDER}__"
SHOWN_FOLDER = f"content/{COMPOSED}"
AVOIDED = "No person experiencing homelessness is a vagrant.\n"
SNIPPETS = (
    "markdown_extensions:\n  - pymdownx.snippets:\n      base_path:\n        - !relative\n"
    "      check_paths: true\n"
    "exclude_docs: |\n  _*.md\n"
)


def avoided_paths(config_file: Path) -> list[tuple[str, str]]:
    return [(row[0], row[3]) for row in finding_rows(config_file)]


def test_a_file_included_from_a_decomposed_folder_with_dot_slash_is_checked(
    tmp_path: Path,
) -> None:
    """Audit: `{% include-markdown "./_part.md" %}` on a page in a folder committed
    decomposed was looked for in the composed folder, which Linux does not have: the file
    the site publishes in the page went unchecked."""
    config_file = make_handbook(
        tmp_path,
        **{
            f"{IN_FOLDER}{INDEX}": '# Índice\n\n{% include-markdown "./_part.md" %}\n',
            f"{IN_FOLDER}_part.md": AVOIDED,
        },
    )
    text = config_file.read_text(encoding="utf-8")
    text += "  - include-markdown\nexclude_docs: |\n  _*.md\n"
    config_file.write_text(text, encoding="utf-8")
    assert avoided_paths(config_file) == [(f"{SHOWN_FOLDER}/_part.md", "term.avoid")]


def handbook_with_snippet_in_folder(root: Path) -> Path:
    """A page in a decomposed folder that includes a file beside it through a bare
    `!relative` base_path, the file left out of the site (`_part.md`)."""
    config_file = make_handbook(
        root,
        **{
            f"{IN_FOLDER}{INDEX}": '# Índice\n\n--8<-- "_part.md"\n',
            f"{IN_FOLDER}_part.md": AVOIDED,
        },
    )
    config_file.write_text(config_file.read_text(encoding="utf-8") + SNIPPETS, encoding="utf-8")
    return config_file


def test_a_snippet_beside_a_page_in_a_decomposed_folder_is_checked(tmp_path: Path) -> None:
    """Audit: the checks looked for the snippet in the composed folder: a page.source
    error (no such file) where the build found it, and the snippet unchecked."""
    config_file = handbook_with_snippet_in_folder(tmp_path)
    assert avoided_paths(config_file) == [(f"{SHOWN_FOLDER}/_part.md", "term.avoid")]


def test_the_site_includes_a_snippet_beside_a_page_in_a_decomposed_folder(
    tmp_path: Path,
) -> None:
    """Audit: MkDocs' `!relative` is docs_dir joined to the page's src_path, composed
    since ba4ed69: the build stopped with a SnippetMissingError traceback."""
    config_file = handbook_with_snippet_in_folder(tmp_path)
    build(load_mkdocs_config(str(config_file)))
    page = tmp_path / "site" / COMPOSED / unicodedata.normalize("NFC", "índice") / "index.html"
    assert "is a vagrant." in page.read_text(encoding="utf-8")


def test_a_handout_link_to_a_page_in_a_decomposed_folder_leads_to_it(tmp_path: Path) -> None:
    """Audit: a handout's link to the page (typed composed) was looked for on disk by its
    composed name: no such file on Linux, and the handout printed the link's text alone."""
    from coalition_handbook.site.handout_links import PublishedSite

    make_handbook(tmp_path, **{f"{IN_FOLDER}{INDEX}": CLEAN_PAGE})
    site = PublishedSite("https://example.org/", True, tmp_path / "content", (), frozenset())
    href = f"../{COMPOSED}/{unicodedata.normalize('NFC', INDEX)}"
    assert site.address("modules/hotel-staff.md", href) == (
        "https://example.org/protecci%C3%B3n/%C3%ADndice/"
    )


def test_a_destination_another_plugin_gave_a_decomposed_page_is_kept(tmp_path: Path) -> None:
    """Review: composing the page's name worked its destination out again, dropping the
    one a plugin listed before the handbook had set (`file.dest_uri` in its on_files)."""
    from mkdocs.structure.files import File, Files

    from coalition_handbook.plugin.composed_names import compose_file_names

    docs, site = str(tmp_path / "content"), str(tmp_path / "site")
    moved = File(f"{DECOMPOSED}.md", docs, site, use_directory_urls=True)
    moved.dest_uri = "elsewhere/index.html"
    plain = File(f"{FOLDER}/{INDEX}", docs, site, use_directory_urls=True)
    assert plain.url == "proteccio%CC%81n/i%CC%81ndice/"  # worked out, then kept
    compose_file_names(Files([moved, plain]))
    assert (moved.src_uri, moved.dest_uri, moved.url) == (
        f"{COMPOSED}.md",
        "elsewhere/index.html",
        "elsewhere/",
    )
    assert moved.abs_src_path == str(tmp_path / "content" / f"{DECOMPOSED}.md")
    composed_index = unicodedata.normalize("NFC", "índice")
    assert plain.dest_uri == f"{COMPOSED}/{composed_index}/index.html"
    assert plain.url == "protecci%C3%B3n/%C3%ADndice/"
    assert plain.abs_src_path == str(tmp_path / "content" / FOLDER / INDEX)


def test_a_name_is_found_on_disk_past_a_twin_folder_without_it(tmp_path: Path) -> None:
    """Review rv44e: `protección/` composed (holding other pages) beside `protección/`
    decomposed (holding `índice.md`): the composed folder was taken, `índice.md` not found
    in it, and the page's neighbours (a `./` include, a bare `!relative` snippet) were
    looked for in a folder that is not the page's."""
    from coalition_handbook.file_names import on_disk

    require_names_apart(tmp_path)
    (tmp_path / COMPOSED).mkdir()
    (tmp_path / COMPOSED / "otra.md").write_text("", encoding="utf-8")
    (tmp_path / DECOMPOSED).mkdir()
    index = unicodedata.normalize("NFD", "índice.md")
    (tmp_path / DECOMPOSED / index).write_text("", encoding="utf-8")
    typed = f"{COMPOSED}/{unicodedata.normalize('NFC', 'índice.md')}"
    assert on_disk(tmp_path, typed) == tmp_path / DECOMPOSED / index
    # Where the name is found in both, the composed twin, as typed, is read.
    (tmp_path / COMPOSED / unicodedata.normalize("NFC", "índice.md")).write_text("", "utf-8")
    assert on_disk(tmp_path, typed) == tmp_path / typed


def test_a_folder_of_decomposed_names_is_listed_once_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review rv44e: each name found on disk listed its folder again: 1,000 pages
    committed decomposed in one folder took 1.1 s of listings. A file added after (a
    rebuild of `mkdocs serve`) is still found."""
    import os

    from coalition_handbook.file_names import on_disk

    require_names_apart(tmp_path)
    for number in range(20):
        (tmp_path / unicodedata.normalize("NFD", f"índice-{number}.md")).write_text("", "utf-8")
    listed: list[object] = []
    for lister in ("scandir", "listdir"):
        real = getattr(os, lister)
        monkeypatch.setattr(os, lister, lambda *args, real=real: listed.append(args) or real(*args))
    for number in range(20):
        name = unicodedata.normalize("NFC", f"índice-{number}.md")
        assert on_disk(tmp_path, name).name == unicodedata.normalize("NFD", name)
    assert len(listed) == 1
    added = unicodedata.normalize("NFD", "índice-new.md")
    (tmp_path / added).write_text("", "utf-8")
    assert on_disk(tmp_path, unicodedata.normalize("NFC", added)).name == added
