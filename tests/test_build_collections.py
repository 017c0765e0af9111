"""A site build renders its pages with fewer garbage collections (collection.py), and
puts the collector's threshold back when it ends, whether it succeeds or fails."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from handbooks import make_handbook
from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import Abort

from coalition_handbook.collection import fewer_collections
from coalition_handbook.plugin.plugin import HandbookPlugin


def thresholds_while_rendering(config_file: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The first generation's threshold while each page's Markdown is read."""
    seen: list[int] = []
    on_page_markdown = HandbookPlugin.on_page_markdown

    def watched(self: HandbookPlugin, markdown: str, **kwargs: Any) -> str | None:
        seen.append(gc.get_threshold()[0])
        return on_page_markdown(self, markdown, **kwargs)

    monkeypatch.setattr(HandbookPlugin, "on_page_markdown", watched)
    build(load_mkdocs_config(str(config_file)))
    return seen


def test_pages_render_with_fewer_collections_and_the_threshold_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = gc.get_threshold()
    with fewer_collections():
        raised = gc.get_threshold()[0]
    seen = thresholds_while_rendering(make_handbook(tmp_path), monkeypatch)
    assert seen and all(threshold == raised for threshold in seen)
    assert raised > before[0]
    assert gc.get_threshold() == before


def test_a_failing_build_puts_the_threshold_back(tmp_path: Path) -> None:
    before = gc.get_threshold()
    config_file = make_handbook(tmp_path, page="# Home\n\n[x](javascript:alert(1))\n")
    with pytest.raises(Abort):
        build(load_mkdocs_config(str(config_file)))
    assert gc.get_threshold() == before
