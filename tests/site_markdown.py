"""Python-Markdown as the example handbook's site runs it: the extensions, and their
options, of its mkdocs.yml. The extraction is checked against what this renders."""

from __future__ import annotations

from pathlib import Path

import markdown as python_markdown
import yaml

ROOT = Path(__file__).resolve().parent.parent


def site_extensions() -> tuple[list[str], dict[str, dict[str, object]]]:
    """The Markdown extensions of the example handbook's mkdocs.yml, as MkDocs loads them."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names: list[str] = []
    options: dict[str, dict[str, object]] = {}
    for entry in config["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        options[name] = {key: value == "true" for key, value in (settings or {}).items()}
    return names, options


EXTENSIONS, EXTENSION_OPTIONS = site_extensions()


def render(page: str, added: tuple[str, ...] = ()) -> str:
    """The HTML of `page` on the site, with the extensions `added` too."""
    return python_markdown.markdown(
        page, extensions=[*EXTENSIONS, *added], extension_configs=EXTENSION_OPTIONS
    )
