"""An author's HTML wearing the handout's own classes (`hb-*`) does not get the handout's
layout: a module's `<div class="hb-facts">` nested ten deep made as many nested flex
containers, and WeasyPrint took 21 s over them, minutes at twelve (audit)."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import cssselect2
import tinycss2
from test_handouts import context_of, module_text, printable_tree, write_handbook

from coalition_handbook.site import handout_render
from coalition_handbook.site.handouts import handout_content


def _flex_containers(html: str) -> list[ElementTree.Element]:
    """The elements of the handout `html`, as `render_pdf` gives it to WeasyPrint, that
    its own stylesheet (the `<style>` in its head) lays out as flex containers."""
    root = printable_tree(html)
    style = root.find("head/style")
    assert style is not None and style.text
    matcher = cssselect2.Matcher()
    for rule in tinycss2.parse_stylesheet(style.text, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        declarations = tinycss2.parse_declaration_list(
            rule.content, skip_comments=True, skip_whitespace=True
        )
        if any(
            declaration.type == "declaration"
            and declaration.lower_name == "display"
            and "flex" in tinycss2.serialize(declaration.value)
            for declaration in declarations
        ):
            for selector in cssselect2.compile_selector_list(rule.prelude):
                matcher.add_selector(selector, None)
    return [
        wrapper.etree_element
        for wrapper in cssselect2.ElementWrapper.from_html_root(root).iter_subtree()
        if matcher.match(wrapper)
    ]


def test_an_authors_nested_hb_facts_are_no_nested_flex_containers(tmp_path: Path) -> None:
    nested = '<div class="hb-facts"><dl class="hb-facts">' * 5 + "x" + "</dl></div>" * 5
    # In HTML, and after an end tag of the handout's own `<main>`, which closes it.
    body = f"\n{nested}\n\n</main>\n\n<header class='hb-masthead'>{nested}</header>\n"
    modules = {"hotel-staff": module_text("Hotel staff", body, protocols="[]")}
    context = context_of(write_handbook(tmp_path, modules=modules))
    html = handout_render.render_html(
        handout_content(context, context.handbook.modules["hotel-staff"])
    )
    assert html.count('class="hb-facts"') == 21  # the masthead's, and the author's

    containers = _flex_containers(html)

    # Only the masthead's own facts, each one's children laid out in a row.
    assert [element.tag for element in containers] == ["dl"]
    assert "Audience" in "".join(containers[0].itertext())
    assert not any(
        inner in containers for inner in containers[0].iter() if inner is not containers[0]
    )
