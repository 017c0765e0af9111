"""mkdocs-include-markdown-plugin's settings, as mkdocs.yml's `plugins` writes them.

With the plugin on, a page publishes the files its directives include: the checks read
those files too (`model.markdown_includes`). Only the settings that decide which files
are included are kept: the directives' tags and names, whether the files included
files include are followed, and the files it leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .listed_plugins import listed_plugin_options

PLUGIN = "include-markdown"
# The plugin's two directives, each named as written unless its `directives` renames it.
_DIRECTIVES = ("include", "include-markdown")


@dataclass(frozen=True)
class IncludeMarkdownSettings:
    """The options of mkdocs-include-markdown-plugin that decide what a page includes."""

    opening_tag: str = "{%"
    closing_tag: str = "%}"
    directives: tuple[str, ...] = _DIRECTIVES
    """The names of its `include` and `include-markdown` directives (`directives`)."""
    recursive: bool = True
    """Whether the files included files include are included too, where a directive
    does not say (`recursive`)."""
    exclude: tuple[str, ...] = ()
    """Glob patterns, from docs_dir where relative, of the files it never includes and
    the pages whose directives it leaves unread (`exclude`)."""


def include_markdown_settings(plugins: Any) -> IncludeMarkdownSettings | None:
    """The plugin's settings where mkdocs.yml's `plugins` switches it on (its defaults
    where it names none, or names one of another type than the plugin takes, which it
    refuses); None where it does not."""
    options = listed_plugin_options(plugins, PLUGIN)
    if options is None:
        return None
    defaults = IncludeMarkdownSettings()
    opening, closing = options.get("opening_tag"), options.get("closing_tag")
    # Each directive's name, as the plugin reads `directives` (a mapping that replaces
    # its default one whole: a directive it leaves out keeps its own name).
    renamed = options.get("directives")
    names = renamed if isinstance(renamed, dict) else {}
    recursive = options.get("recursive")
    exclude = options.get("exclude")
    return IncludeMarkdownSettings(
        opening if isinstance(opening, str) and opening else defaults.opening_tag,
        closing if isinstance(closing, str) and closing else defaults.closing_tag,
        tuple(
            name if isinstance(name := names.get(directive), str) and name else directive
            for directive in _DIRECTIVES
        ),
        recursive if isinstance(recursive, bool) else defaults.recursive,
        tuple(exclude)
        if isinstance(exclude, list) and all(isinstance(item, str) for item in exclude)
        else defaults.exclude,
    )
