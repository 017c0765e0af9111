"""mkdocs.yml's `markdown_extensions`, read alike for every reader of it: its entries as
MkDocs takes them (pymdownx.snippets' options are read off them: `snippet_settings`),
and whether def_list runs, for `HandbookConfig.definition_lists` (the checks read a
definition's lines as the site renders them). `handbook check` reads the list as
written in mkdocs.yml, the plugin MkDocs' validated list of names."""

from __future__ import annotations

from collections.abc import Mapping


def extension_entries(extensions: object) -> list[object]:
    """`markdown_extensions` as a list of names and one-key mappings, as MkDocs takes it
    (one mapping of names to options read so too); nothing where it is neither."""
    if isinstance(extensions, Mapping):
        return [{name: value} for name, value in extensions.items()]
    return list(extensions) if isinstance(extensions, list) else []


# The extensions that run Python-Markdown's def_list: itself, and both `extra`s.
_DEFINITION_LIST_EXTENSIONS = frozenset(
    {
        "def_list",
        "markdown.extensions.def_list",
        "extra",
        "markdown.extensions.extra",
        "pymdownx.extra",
    }
)


def definition_lists_on(extensions: object) -> bool:
    """Whether `extensions` (mkdocs.yml's `markdown_extensions` as written, or MkDocs'
    validated list of names) runs def_list: named as a string or a mapping's key."""
    return any(name in _DEFINITION_LIST_EXTENSIONS for name in _extension_names(extensions))


def _extension_names(extensions: object) -> list[str]:
    """The names listed in `markdown_extensions` (`extension_entries`)."""
    names: list[str] = []
    for entry in extension_entries(extensions):
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, Mapping):
            names += [name for name in entry if isinstance(name, str)]
    return names
