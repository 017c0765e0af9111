"""term.unknown-acronym: an all-caps word of 2-6 letters that no term defines.

A word is known when it is (a word of) a form of some term or in `known_acronyms`; a plain
plural `s` is ignored (`NGOs` is `NGO`). Roman numerals (`II`, `XIV`) are not acronyms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..documents import CheckedText, scan_handbook
from ..findings import Finding
from ..markdown import LineIndex
from .base import CheckContext

RULE = "term.unknown-acronym"

# The first capital is consumed at once (the engine skips to it at C speed); the
# lookbehind over it and the character before says the word starts there.
_ACRONYM = re.compile(r"([A-Z](?<![\w'\u2019][A-Z])[A-Z]{1,5})(s?)(?![\w'\u2019])")
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")


def check(context: CheckContext) -> Iterator[Finding]:
    from ..documents import matcher

    known = set(matcher(context).form_words) | set(context.config.known_acronyms)
    for document in scan_handbook(context):
        lines: LineIndex | None = None
        for text in document.texts:
            for found in _unknown(text, known):
                lines = lines or LineIndex.of(text.source)
                start, end = text.source_span(found.start(), found.end())
                line, column = lines.position(start)
                word = text.source[start:end]
                yield context.finding(
                    RULE,
                    document.path,
                    line,
                    column,
                    f"'{word}' looks like an acronym that no term defines; add a term "
                    "or list it in known_acronyms",
                    found=word,
                )


def _unknown(text: CheckedText, known: set[str]) -> Iterator[re.Match[str]]:
    for found in _ACRONYM.finditer(text.view):
        word = found.group(1)
        if word in known or found.group() in known or _ROMAN.fullmatch(word):
            continue
        yield found
