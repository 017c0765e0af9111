"""A link from the server's root (`[Victim](/glossary/victim/)`, a nav entry `/privacy/`)
leads nowhere on a site published under a path, as GitLab and GitHub Pages publish a
project (`https://owner.github.io/handbook/` sends it to `https://owner.github.io/glossary/`),
nor in the offline folder (`make offline`: `file:///glossary/victim/`). MkDocs reports
one at INFO and leaves it as it is, so `--strict` passed and the link broke only once
published (audit). The handbook makes it a warning, but where mkdocs.yml sets the level
itself (MkDocs' `validation` settings: `relative_to_docs` reads such links from docs_dir).

In the offline folder a link to a folder (`[About](about/)`, which MkDocs leaves as it
is, at INFO, as an "unrecognized relative link") opens the folder's file listing: the
offline build warns of it too.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig

# MkDocs' `validation` sections whose `absolute_links` the handbook raises.
_SECTIONS = ("links", "nav")


def warn_of_root_links(config: MkDocsConfig, validation: object, *, offline: bool) -> None:
    """Report links from the server's root as warnings, in each section of MkDocs'
    `validation` whose level mkdocs.yml's `validation` (as written, read with the rest of
    the file: `HandbookConfig.validation`) leaves as MkDocs' default; `offline` (the
    offline build), links to a folder too."""
    raised = [(section, "absolute_links") for section in _SECTIONS]
    if offline:
        raised.append(("links", "unrecognized_links"))
    for section, setting in raised:
        if not _level_written(validation, section, setting):
            config.validation[section][setting] = logging.WARNING


def _level_written(validation: object, section: str, setting: str) -> bool:
    """Whether mkdocs.yml's `validation` sets `setting` for `section`: in it, or for
    both sections at once (`validation: {absolute_links: ...}`)."""
    if not isinstance(validation, dict):
        return False
    inner = validation.get(section)
    return setting in validation or (isinstance(inner, dict) and setting in inner)
