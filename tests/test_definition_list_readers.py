"""The rules and loaders beyond the page scan read a definition's lines as the site's
mkdocs.yml renders them too (`HandbookConfig.definition_lists`): with def_list, a
paragraph, quote, list or HTML block indented after `:   ` is the definition's; without
it, indented code, which runs and shows nothing. Each page here is rendered by
Python-Markdown with and without def_list, and the rule must agree with what it shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from handbooks import checked
from site_markdown import render
from test_definition_list_setting import WITH_DEF_LIST, site

SCRIPT = "<script>alert(1)</script>"
# A script or an event handler in a definition's indented block: it runs with def_list,
# is code without it.
ACTIVE_PAGES = [
    f"# Home\n\nTerm\n:   a definition\n\n    {SCRIPT}\n",
    f"# Home\n\nTerm\n\n:   a definition\n\n    > {SCRIPT}\n",
    f"# Home\n\nTerm\n:   a definition\n\n    - {SCRIPT}\n",
    f"# Home\n\nTerm\n:   a definition\n\n    b\n\n    <div>\n    {SCRIPT}\n    </div>\n",
    '# Home\n\nTerm\n:   a definition\n\n    b\n    {: onclick="x()" }\n',  # attr_list's
]


@pytest.mark.parametrize("definition_lists", [False, True])
@pytest.mark.parametrize("page", ACTIVE_PAGES)
def test_html_active_content_reads_a_definition_s_blocks_as_the_site_renders_them(
    tmp_path: Path, page: str, definition_lists: bool
) -> None:
    html = render(page, ("def_list",) if definition_lists else ())
    runs = "<script>alert" in html or '<p onclick="' in html
    assert runs is definition_lists  # the page is one whose reading differs
    config_file = site(tmp_path, WITH_DEF_LIST[0] if definition_lists else "")
    (config_file.parent / "content" / "index.md").write_text(page, encoding="utf-8")
    found = [finding for finding in checked(config_file) if finding.rule == "html.active-content"]
    assert bool(found) is runs, found
