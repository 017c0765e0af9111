"""The language of each passage of a handout, in its tagged PDF, for screen readers.

A handout marks what is not in the site's language: the plugin's English labels in the
handout of a Spanish site (`languages.english_label`), a passage an author wrote as
`<p lang="es">`. WeasyPrint tags the PDF but writes the language of the document only
(its catalog's `/Lang`): every mark was lost, and a screen reader spoke "Key terms"
with Spanish sounds, or a Spanish sentence with English ones (audit). PDF gives a
structure element a language with `/Lang`, which its descendants inherit (ISO 32000-1,
14.9.2).

WeasyPrint builds each element of its structure tree in one function of its PDF tagging
(`weasyprint.pdf.tags._build_box_tree`, a generator called again for each box inside),
which has no hook: `mark_languages` wraps it, once a process, so that an element made
for a box whose HTML element has a `lang` attribute gets that language. Where a
WeasyPrint has no such function, the PDF is tagged as WeasyPrint tags it.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

# Marks the wrapper, so that a process wraps WeasyPrint's function once.
_WRAPPED = "_handbook_marks_languages"
# Boxes whose elements stand for the whole document, in its catalog's language.
_DOCUMENT_TAGS = frozenset({"html", "body"})


def mark_languages(weasyprint: ModuleType) -> None:
    """Make the tagged PDFs WeasyPrint writes give each element in a language of its own
    (a `lang` attribute) that language as `/Lang`."""
    tagging = importlib.import_module(f"{weasyprint.__name__}.pdf.tags")
    build = getattr(tagging, "_build_box_tree", None)
    if build is None or getattr(build, _WRAPPED, False):
        return
    tagging._build_box_tree = _with_languages(build, tagging.pydyf.String)


def _with_languages(
    build: Callable[..., Iterator[Any]], pdf_string: Callable[[str], object]
) -> Callable[..., Iterator[Any]]:
    @functools.wraps(build)
    def build_with_languages(box: Any, *arguments: Any, **options: Any) -> Iterator[Any]:
        language = declared_language(box)
        for element in build(box, *arguments, **options):
            if language and isinstance(element, dict) and "Lang" not in element:
                element["Lang"] = pdf_string(language)
            yield element

    setattr(build_with_languages, _WRAPPED, True)
    return build_with_languages


def declared_language(box: Any) -> str:
    """The `lang` attribute of the HTML element `box` is made for (an anonymous box's is
    its parent's); "" where it has none, or where that element is the document (`<html>`,
    `<body>`: the catalog's `/Lang` says its language) or there is none."""
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) in _DOCUMENT_TAGS:
        return ""
    return (element.get("lang") or "").strip()
