"""The handout's hooks on WeasyPrint's PDF tagging (site/handout_tree_builder.py): a
WeasyPrint whose private function takes other arguments is left as it is, the handout
tagged as WeasyPrint tags it, and the build says so, rather than failing every handout."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from test_handouts import require_weasyprint

from coalition_handbook.site import (
    handout_description_lists,
    handout_languages,
    handout_link_tags,
    handout_render,
    handout_tree_builder,
)

pytestmark = pytest.mark.pdf


def _hook_all(weasyprint: Any) -> None:
    handout_languages.mark_languages(weasyprint)
    handout_description_lists.pair_descriptions(weasyprint)
    handout_link_tags.join_links(weasyprint)


def test_a_function_taking_other_arguments_is_not_wrapped_and_the_build_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Review rv31: the hooks wrapped whatever had the name, and a WeasyPrint that gave it
    its page's state in one argument failed every handout ("missing 1 required
    positional argument: 'annotations'")."""
    require_weasyprint()
    weasyprint = handout_render.load_weasyprint()
    from weasyprint.pdf import tags

    def _build_box_tree(box: Any, parent: Any, pdf: Any, state: Any) -> Iterator[Any]:
        yield from ()

    monkeypatch.setattr(tags, "_build_box_tree", _build_box_tree)
    handout_tree_builder._say_untagged.cache_clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.handbook"):
        _hook_all(weasyprint)
    # Languages read the box alone, and description lists the first three: wrapped.
    assert tags._build_box_tree.__wrapped__.__wrapped__ is _build_box_tree
    warnings = [record.getMessage() for record in caplog.records]
    assert len(warnings) == 1
    assert "links are tagged as WeasyPrint tags them" in warnings[0]
    assert f"WeasyPrint {weasyprint.__version__}" in warnings[0]
