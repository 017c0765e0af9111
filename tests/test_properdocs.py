"""The shipped handbook also builds with ProperDocs, the maintained MkDocs 1.x line, into
the same pages (DESIGN section 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_builds import SiteBuild, run_build, term_links


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
