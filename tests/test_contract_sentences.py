"""Sentences of DESIGN that no other test held the project to, checked as a user meets
them: through `handbook check`'s JSON and the files a build writes (black box)."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from site_builds import protocol_yaml, run_build, term_yaml, write_site
from test_handouts import require_weasyprint

from coalition_handbook.cli import main

TERMS = {
    "survivor": term_yaml(
        "survivor",
        "A person who has experienced trafficking.",
        extra="avoid: [victim]\nrelated: [human-trafficking]\n",
    ),
    "human-trafficking": term_yaml(
        "human trafficking",
        "The exploitation of a person through force, fraud or coercion.",
        extra="aliases: [trafficking in persons, TIP]\n",
    ),
    "prostitute": term_yaml(
        "prostitute", "An old word.", extra="status: deprecated\nreplaced_by: survivor\n"
    ),
}
MODULE = """\
---
title: Hotel staff
version: 1
audience: [hotel staff]
duration: 45 minutes
objectives: [Recognize human trafficking]
protocols: [hotel]
history:
  - version: 1
    date: 2026-01-01
    summary: First version.
---
# Hotel staff

## Realize

Human trafficking happens in hotels; a survivor may be a guest.

## Recognize

Signs of trafficking in persons.

## Respond

Follow the [hotel protocol](../protocols/hotel.md).
"""
PAGES = {
    "index.md": "# Home\n\nA survivor spoke about human trafficking.\n",
    "guides/deep/page.md": "# Deep\n\nTIP cases and a survivor's story.\n",
    "modules/hotel-staff.md": MODULE,
}
PRIVACY = 'privacy: {allow: ["1-888-373-7888", "233733"]}\n'


def test_an_all_capitals_word_of_two_to_six_letters_is_an_unknown_acronym(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DESIGN 5: term.unknown-acronym is "an all-caps word of 2-6 letters" (info): the
    bounds themselves, which only words that also matched other rules of the rule tested."""
    config = write_site(
        tmp_path,
        pages={
            "index.md": "# Home\n\nThe QX team met. The QZXWVU team met. The QZXWVUT team met.\n"
            "The Q team met.\n"
        },
        terms={"survivor": term_yaml("survivor", "A person who has experienced trafficking.")},
    )
    assert main(["check", "-f", str(config), "--format", "json", "--strict"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [
        (f["rule"], f["severity"], f["line"], f["column"], f["found"], f["suggestion"], f["term"])
        for f in report["findings"]
    ] == [
        ("term.unknown-acronym", "info", 3, 5, "QX", None, None),
        ("term.unknown-acronym", "info", 3, 22, "QZXWVU", None, None),
    ]
    assert report["counts"] == {"error": 0, "warning": 0, "info": 2}


def _site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def _write_handbook(root: Path, options: str, extra_config: str = "") -> Path:
    return write_site(
        root,
        pages=PAGES,
        terms=TERMS,
        protocols={"hotel": protocol_yaml("Hotel protocol")},
        theme="material",
        search=True,
        options=options,
        extra_config=extra_config,
    )


def test_two_clones_of_one_commit_build_the_same_files(tmp_path: Path) -> None:
    """DESIGN 7: "Two builds of the same commit give the same files": two checkouts in
    different folders, each built cold (no cache) by its own `mkdocs build` process (a
    hash seed of its own), PDF handouts included. The shipped site's test builds one
    folder twice, the second time with the first build's caches."""
    require_weasyprint()
    sites = []
    for clone in ("one", "another/clone"):
        config = _write_handbook(tmp_path / clone, f"handouts: true\n{PRIVACY}")
        sites.append(run_build("mkdocs", tmp_path / clone / "site", config=config).require())
    first, second = map(_site_files, sites)
    assert "handouts/hotel-staff.pdf" in first
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


_LINK = re.compile(r"""<(?:a|link|script|img)\b[^>]*?\b(?:href|src)=["']([^"']*)["']""")


def _broken_links(site: Path, path_prefix: str) -> tuple[int, list[str]]:
    """How many links into the site its pages hold, and each that leads to no file of
    it: relative ones from the page, ones from the server's root under `path_prefix`
    (where the site lives)."""
    followed, broken = 0, []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        for raw in _LINK.findall(page.read_text(encoding="utf-8")):
            address = urlsplit(html.unescape(raw))
            if address.scheme or address.netloc or not address.path:
                continue
            path = unquote(address.path)
            if path.startswith("/"):
                if not path.startswith(path_prefix):
                    broken.append(f"{name}: {raw} (outside {path_prefix})")
                    continue
                target = path.removeprefix(path_prefix)
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path))
            followed += 1
            file = site / target
            if not (file.is_file() or (file / "index.html").is_file()):
                broken.append(f"{name}: {raw}")
    return followed, broken


def test_a_site_under_a_path_without_directory_urls_links_every_page(tmp_path: Path) -> None:
    """DESIGN 7 names its pages "with the default use_directory_urls": with it off, and
    the site published under a path (site_url with one), each generated page is an
    `.html` file, every autolink (`autolink: all`) is relative, and every link of every
    page (index, term, protocol, module, changes, nested pages) reaches a file."""
    config = _write_handbook(
        tmp_path,
        f"handouts: false\nautolink: all\n{PRIVACY}",
        "use_directory_urls: false\nsite_url: https://example.org/group/handbook/\n",
    )
    site = run_build("mkdocs", tmp_path / "site", config=config).require()
    for page in (
        "glossary/index.html",
        "glossary/survivor.html",
        "glossary/human-trafficking.html",
        "glossary/prostitute.html",
        "protocols/hotel.html",
        "modules/hotel-staff.html",
        "changes.html",
    ):
        assert (site / page).is_file(), page
    deep = (site / "guides/deep/page.html").read_text(encoding="utf-8")
    assert re.findall(r'<a class="hb-term" data-term="([^"]+)" href="([^"]+)" title=', deep) == [
        ("human-trafficking", "../../glossary/human-trafficking.html"),
        ("survivor", "../../glossary/survivor.html"),
    ]
    followed, broken = _broken_links(site, "/group/handbook/")
    assert broken == []
    assert followed > 200  # the crawl read the pages' links: a dozen pages, each with its nav
