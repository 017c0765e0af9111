"""module.readability: each training module's reading grade, for trainers (info).

The grade is Flesch-Kincaid (US school grade) of the module's prose as a reader sees it:
the engine's `checkable_text` view of the body, without headings, code, URLs or markup,
each block (paragraph, list item, table cell) counted as a sentence.

The rule is off unless the settings turn it on (`rules: {module.readability: info}`);
a site in English (`theme.language`) shows every module's grade on its page
(`cached_reading_grade`) either way, and one in another language never does: the
formula counts English syllables.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from ..deferred_import import deferring_import
from ..findings import Finding
from ..lazy_pattern import LazyPattern
from ..markdown import GLUE, HARD, checkable_text
from ..model.types import Module
from .base import CheckContext

if TYPE_CHECKING:
    from textstat.textstat import textstatistics

    from ..cache import RunCache

RULE = "module.readability"

# Plain-language guidance for the general public: about US grade 8 or below.
TARGET_GRADE = 8.0

_BLANK_LINE = LazyPattern(r"\n[ \t]*\n")
# Blanked markup (a link's destination) can leave a space before punctuation.
_SPACE_BEFORE_PUNCTUATION = LazyPattern(r" +(?=[.,;:!?])")
_SENTENCE_END = (".", "!", "?")


def module_plain_text(module: Module, *, definition_lists: bool = True) -> str:
    """The module's body as plain prose: one sentence (at least) per block, no headings;
    read with def_list or without (`definition_lists`), as the site renders it."""
    view = checkable_text(
        module.origin.text, module.origin.body_line, definition_lists=definition_lists
    )
    headings = {" ".join(heading.text.split()) for heading in module.headings}
    sentences: list[str] = []
    for chunk in view.replace(GLUE, "").split(HARD):
        for block in _BLANK_LINE.split(chunk):
            words = _SPACE_BEFORE_PUNCTUATION.sub("", " ".join(block.split()))
            if not words or words in headings or not any(char.isalpha() for char in words):
                continue
            sentences.append(words if words.endswith(_SENTENCE_END) else words + ".")
    return " ".join(sentences)


def cached_reading_grade(
    module: Module, cache: RunCache | None, *, definition_lists: bool = True
) -> float:
    """`reading_grade(module)`, kept in the run's cache by the module's text (and whether
    the site runs def_list): a build that shows the grade on each module's page imports
    textstat only when a module changed."""
    if cache is None or not cache.enabled:
        return reading_grade(module, definition_lists=definition_lists)
    key = cache.key("reading-grade", f"definition_lists={definition_lists}", module.origin.text)
    grade = cache.load("reading-grades", key)
    if not isinstance(grade, float):
        grade = reading_grade(module, definition_lists=definition_lists)
        cache.store("reading-grades", key, grade)
    return grade


def reading_grade(module: Module, *, definition_lists: bool = True) -> float:
    """The module's Flesch-Kincaid grade level, to one decimal (0.0 for a body without
    prose). About 0.07 s for the first call in a process (importing textstat)."""
    return _grade(module_plain_text(module, definition_lists=definition_lists))


def _grade(text: str) -> float:
    if not text:
        return 0.0
    # The formula goes below zero for a few very short sentences; no school grade does.
    return max(0.0, round(float(_textstat().flesch_kincaid_grade(text)), 1))


@cache
def _textstat() -> textstatistics:
    # Imported on first use; NLTK, which textstat imports (about 0.3 s), only if read:
    # the syllables here are pyphen's (below).
    with deferring_import("nltk"):
        from textstat.textstat import textstatistics

    statistics = textstatistics()
    # textstat 0.7.13 counts English syllables with NLTK's CMU dictionary, which it tries
    # to download from the network on first use (and fails without one). "en-US" is
    # English hyphenation to pyphen but not the "en" root that triggers that lookup, so
    # syllables come from pyphen's bundled dictionary: offline and deterministic.
    statistics.set_lang("en-US")
    return statistics


def check(context: CheckContext) -> Iterator[Finding]:
    for module in sorted(context.handbook.modules.values(), key=lambda module: module.id):
        text = module_plain_text(module, definition_lists=context.config.definition_lists)
        if not text:
            continue
        grade = _grade(text)
        advice = (
            f"; above grade {TARGET_GRADE:g}: shorter sentences and everyday words help "
            "every member follow it"
            if grade > TARGET_GRADE
            else ""
        )
        yield context.finding_at(
            RULE,
            module.origin,
            "title",
            f"reading grade {grade:.1f} (Flesch-Kincaid){advice}",
        )
