"""Content policies for Material's instant navigation (`navigation.instant`), which shows
the next page without loading it: it fetches the page, puts the page's content in place
of the one shown, and runs that content's inline scripts itself, under the policy of the
page first opened and of each page shown since (it adds each new page's policy `<meta>`
to the head, and a policy once applied stays). So every page's policy names the scripts
of every page's content, not its own alone (site/content_policy.py).

They are collected as the pages are written, each page naming those of the pages before
it; once the last is written, a page whose policy lacks one of them is written again.
Material's own are alike on every page, so that pass touches no file unless a page has a
script of its own; then it rewrites the pages written before that one.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..site.content_policy import policy_meta, with_policy_meta
from ..site.inline_scripts import inline_script_hashes
from .build_log import error_text, log
from .mkdocs_config import is_material

INSTANT = "navigation.instant"
# Material's element around a page's content, which instant navigation replaces.
_CONTAINER = 'data-md-component="container"'


def runs_other_pages_scripts(config: MkDocsConfig) -> bool:
    """Whether a page of the site runs the inline scripts of other pages' content."""
    features = config.theme.get("features") or []
    return is_material(config) and isinstance(features, list) and INSTANT in features


class InstantNavigationPolicies:
    """The policies of one build's pages, which name the inline scripts of every page's
    content."""

    def __init__(self) -> None:
        self.shared: set[str] = set()  # the scripts of the content of every page so far
        self.written: list[tuple[Path, frozenset[str]]] = []  # (file, what its policy names)

    def with_content_policy(self, html: str, path: Path) -> str:
        """`html`, to be written at `path`, with its policy."""
        container = html.find(_CONTAINER)
        if container == -1:  # no page of Material's (a redirect): never shown in place
            return with_policy_meta(html, policy_meta(inline_script_hashes(html)))
        self.shared |= inline_script_hashes(html, container)
        named = inline_script_hashes(html, 0, container) | self.shared
        self.written.append((path, named))
        return with_policy_meta(html, policy_meta(named))

    def complete(self) -> None:
        """Name every page's content scripts in the policies written before they were
        all known."""
        for path, named in self.written:
            if self.shared <= named:
                continue
            old = policy_meta(named).encode("utf-8")
            new = policy_meta(named | self.shared).encode("utf-8")
            try:
                html = path.read_bytes()
                if old not in html:  # another plugin rewrote it after this one
                    log.warning(
                        f"handbook: {path} changed after its content policy was written: "
                        "the scripts of other pages' content do not run there after "
                        "Material's instant navigation"
                    )
                    continue
                path.write_bytes(html.replace(old, new, 1))
            except OSError as problem:
                raise PluginError(
                    error_text([f"{path} gets no content policy: {problem}"])
                ) from None
        self.written = []
