"""What the files pages include with pymdownx.snippets give the checks (`model.snippets`
finds them). Apart from it, so that a site without the extension imports neither
Python-Markdown nor pymdownx to check its pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding
from .types import Page, TextFile


@dataclass
class IncludedFiles:
    """What `load_included_files` gives: the files pages include that are no page, read
    as pages, or as code where they are included in code blocks only; the lines
    published of those included in part; the remote snippets, and where includes nest too
    deep to be followed; the lines the extension replaces and what each page includes
    (`Inclusions.replaced`, `Inclusions.in_page`)."""

    pages: list[Page]
    lines: dict[str, frozenset[int]]
    findings: list[Finding]
    code: list[TextFile] = field(default_factory=list)
    replaced: dict[str, frozenset[int]] = field(default_factory=dict)
    in_page: dict[str, tuple[str, ...]] = field(default_factory=dict)
