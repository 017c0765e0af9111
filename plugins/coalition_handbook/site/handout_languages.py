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
for a box whose HTML element has a `lang` attribute, or is inside one that has, gets
that language. Inside too: WeasyPrint does not always nest the elements as the HTML
does (a list inside a list item is its list's child), and an element moved out of a
passage in another language lost it (review rv20: a nested list under `<li lang="fr">`
spoke French with English sounds). Where a WeasyPrint has no such function, or one
that takes other arguments (`handout_tree_builder`), the PDF is tagged as WeasyPrint
tags it.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

from .handout_tree_builder import wrap_tree_builder

# Marks the wrapper, so that a process wraps WeasyPrint's function once.
_WRAPPED = "_handbook_marks_languages"
# Per thread: the languages of the boxes being built (`_building_in`).
_BUILDING = threading.local()
# Boxes whose elements stand for the whole document, in its catalog's language.
_DOCUMENT_TAGS = frozenset({"html", "body"})


def mark_languages(weasyprint: ModuleType) -> None:
    """Make the tagged PDFs WeasyPrint writes give each element in a language of its own
    (a `lang` attribute) that language as `/Lang`."""
    wrap_tree_builder(
        weasyprint,
        1,
        "languages of passages",
        _WRAPPED,
        lambda build, tagging: _with_languages(build, tagging.pydyf.String),
    )


def _with_languages(
    build: Callable[..., Iterator[Any]], pdf_string: Callable[[str], object]
) -> Callable[..., Iterator[Any]]:
    @functools.wraps(build)
    def build_with_languages(box: Any, *arguments: Any, **options: Any) -> Iterator[Any]:
        # The language the box's HTML element is in: its own, else its parent box's.
        stack = _building_in()
        language = declared_language(box) or (stack[-1] if stack else "")
        elements = iter(build(box, *arguments, **options))
        while True:
            # The boxes inside are built while this one's language is the last.
            stack.append(language)
            try:
                element = next(elements)
            except StopIteration:
                return
            finally:
                stack.pop()
            if language and isinstance(element, dict) and "Lang" not in element:
                element["Lang"] = pdf_string(language)
            yield element

    setattr(build_with_languages, _WRAPPED, True)
    return build_with_languages


def _building_in() -> list[str]:
    """The languages of the boxes whose elements this thread is building, innermost last."""
    stack: list[str] | None = getattr(_BUILDING, "languages", None)
    if stack is None:
        stack = _BUILDING.languages = []
    return stack


def declared_language(box: Any) -> str:
    """The `lang` attribute of the HTML element `box` is made for (an anonymous box's is
    its parent's); "" where it has none, or where that element is the document (`<html>`,
    `<body>`: the catalog's `/Lang` says its language) or there is none."""
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) in _DOCUMENT_TAGS:
        return ""
    return (element.get("lang") or "").strip()
