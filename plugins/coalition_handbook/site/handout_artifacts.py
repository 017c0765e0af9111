"""A handout's running header, footer and page numbers as artifacts of its tagged PDF.

WeasyPrint draws the text of the page margins (`@top-right`, `@bottom-left`, "Page 2 of
8") as tagged content with a number of its own, and builds structure elements for it that
it links into no tree (`weasyprint.pdf.tags._build_box_tree`: artifacts in the tree are
PDF 2.0 only). Neither text nor artifact, it was read aloud on every page by the screen
readers that read a page's content rather than its tree, the module's title, version and
edition before each page's first line, and a checker reports it as untagged (audit pdf64).
PDF has artifacts for such pagination (ISO 32000-1, 14.8.2.2): the margins' text is
drawn as one here, and no element is built for it.

Two hooks, both or neither, so that nothing drawn untagged is looked for in the tree (a
failed render) nor tagged content left out of it: WeasyPrint's stream's `marked`, which
draws an artifact for a box flagged by `flag_page_margins`, and its `add_tags`, which
builds the tree with the flagged margin boxes out of their pages for the while. Not in
the function that builds each element (`handout_tree_builder`), which calls itself for
each level of nesting: a wrapper there costs stack at every level, and a list nested 64
deep that rendered failed (measured: 128 elements rendered, 106 with such a wrapper).
Only boxes flagged for this render are drawn otherwise: another render is not.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import logging
from collections.abc import Callable, Iterator, Sequence
from types import ModuleType
from typing import Any

from .handout_laid_out import say_unread

# The lines that say a hook could not be put in place are INFO: a WeasyPrint upgrade must
# not fail every `--strict` build (review rv62d); the handouts are made, tagged as before.
# Marks the wrappers, so that a process wraps WeasyPrint's functions once.
_WRAPPED = "_handbook_margin_artifacts"
# Set on a margin box of a laid-out page, and on each box inside it: drawn as an artifact.
_ARTIFACT = "_handbook_artifact"


def draw_margins_as_artifacts(weasyprint: ModuleType) -> bool:
    """Make the tagged PDFs WeasyPrint writes draw the flagged margin boxes' content as
    artifacts; whether they do (both hooks in place)."""
    stream_class = _stream_class(weasyprint)
    writing = _pdf_writing(weasyprint)
    if stream_class is None or writing is None:
        return False
    if not getattr(writing.add_tags, _WRAPPED, False):
        writing.add_tags = _without_flagged_margins(writing.add_tags)
    if not getattr(stream_class.marked, _WRAPPED, False):
        stream_class.marked = _marked_or_artifact(stream_class.marked)
    return True


def flag_page_margins(pages: Sequence[Any]) -> None:
    """Flag the margin boxes of the laid-out `pages`, and every box inside them, to be
    drawn as artifacts (`draw_margins_as_artifacts`)."""
    for page in pages:
        page_box = getattr(page, "_page_box", None)
        if page_box is None or not hasattr(page_box, "children"):
            say_unread("their boxes (Page._page_box)", "page headers are read aloud", logging.INFO)
            return
        for margin in page_box.children:
            if type(margin).__name__ == "MarginBox" and hasattr(margin, "descendants"):
                for box in margin.descendants():
                    setattr(box, _ARTIFACT, True)


def _stream_class(weasyprint: ModuleType) -> type | None:
    """WeasyPrint's PDF stream class, where it draws marked content and artifacts as
    WeasyPrint 70 does; else None, said once."""
    try:
        stream = importlib.import_module(f"{weasyprint.__name__}.pdf.stream")
    except ImportError:
        stream = None
    found = getattr(stream, "Stream", None)
    if found is None or not all(callable(getattr(found, name, None)) for name in _DRAWS):
        say_unread("their drawing (pdf.stream.Stream)", "page headers are read aloud", logging.INFO)
        return None
    return found


_DRAWS = ("marked", "artifact")


def _marked_or_artifact(marked: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(marked)
    @contextlib.contextmanager
    def marked_or_artifact(stream: Any, box: Any, tag: str) -> Iterator[None]:
        context = stream.artifact() if _flagged(box) else marked(stream, box, tag)
        with context:
            yield

    setattr(marked_or_artifact, _WRAPPED, True)
    return marked_or_artifact


def _pdf_writing(weasyprint: ModuleType) -> ModuleType | None:
    """WeasyPrint's module that writes a PDF, where it tags it with an `add_tags` of its
    own, as WeasyPrint 70 does; else None, said once."""
    try:
        writing = importlib.import_module(f"{weasyprint.__name__}.pdf")
    except ImportError:
        writing = None
    if not callable(getattr(writing, "add_tags", None)):
        say_unread("their tagging (pdf.add_tags)", "page headers are read aloud", logging.INFO)
        return None
    return writing


def _without_flagged_margins(add_tags: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(add_tags)
    def add_tags_without_flagged_margins(
        pdf: Any, document: Any, *arguments: Any, **options: Any
    ) -> Any:
        hidden: list[tuple[Any, Sequence[Any]]] = []
        try:
            for page in getattr(document, "pages", ()):
                page_box = getattr(page, "_page_box", None)
                children = getattr(page_box, "children", None)
                if isinstance(children, (list, tuple)) and any(map(_flagged, children)):
                    hidden.append((page_box, children))
                    page_box.children = type(children)(box for box in children if not _flagged(box))
            return add_tags(pdf, document, *arguments, **options)
        finally:
            for page_box, children in hidden:
                page_box.children = children

    setattr(add_tags_without_flagged_margins, _WRAPPED, True)
    return add_tags_without_flagged_margins


def _flagged(box: Any) -> bool:
    return getattr(box, _ARTIFACT, False)
