"""The shipped handbook also builds with ProperDocs, the maintained MkDocs 1.x line, into
the same pages (DESIGN section 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_builds import SiteBuild, run_build, term_links, write_site


def _html_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


@pytest.mark.slow
def test_properdocs_builds_the_same_pages_under_strict(
    shipped_site: SiteBuild, tmp_path: Path
) -> None:
    mkdocs_site = shipped_site.require()
    properdocs_site = run_build("properdocs", tmp_path / "site").require()

    assert _html_pages(properdocs_site) == _html_pages(mkdocs_site)
    glossary = (properdocs_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="letter-a"' in glossary
    protocol = next((properdocs_site / "protocols").glob("hotel*/index.html"))
    assert term_links(protocol.read_text(encoding="utf-8"))
    assert (properdocs_site / "search" / "search_index.json").is_file()


def test_properdocs_names_a_skipped_page_holding_a_line_break_on_one_line(
    tmp_path: Path,
) -> None:
    """Review rv35: ProperDocs' build logger (`properdocs.commands.build`) quotes a page's
    name as it is ("Page skipped: '...'"), so a page of a pull request named with a line
    break started a line of CI's log with the `::error ...` it holds."""
    (tmp_path / "hooks.py").write_text(
        "from mkdocs.plugins import event_priority\n\n"
        "@event_priority(-10000)  # after the handbook's, which would fill an empty page\n"
        "def on_post_page(output, page, **kwargs):\n"
        "    return '' if '::error' in page.file.src_uri else output\n",
        encoding="utf-8",
    )
    config = write_site(
        tmp_path,
        pages={"index.md": "# Home\n", "p\n::error file=README.md::x.md": "# P\n"},
        extra_config="hooks:\n  - hooks.py\n",
        theme="material",  # ProperDocs ships MkDocs' own theme apart
    )
    output = run_build("properdocs", tmp_path / "site", config=config, strict=False).output
    assert "Page skipped: 'p\\n::error file=README.md::x.md'. Generated empty output." in output
    assert not [line for line in output.splitlines() if line.lstrip().startswith("::")], output
