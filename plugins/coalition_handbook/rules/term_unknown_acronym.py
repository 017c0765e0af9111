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
# Every capital A-Z becomes "A": an acronym starts where "AA" is, found by str.find.
_CAPITALS = str.maketrans(dict.fromkeys("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "A"))


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
    for found in acronyms(text.view):
        word = found.group(1)
        if word in known or found.group() in known or _ROMAN.fullmatch(word):
            continue
        yield found


def acronyms(view: str) -> Iterator[re.Match[str]]:
    """What `_ACRONYM.finditer(view)` gives, the pattern tried only where two capitals
    start: a pattern that starts with a class of characters scans prose ~3 times slower
    than `str.translate` and `str.find` together."""
    capitals = view.translate(_CAPITALS)
    start = capitals.find("AA")
    while start >= 0:
        found = _ACRONYM.match(view, start)
        if found:
            yield found
            start = capitals.find("AA", found.end())
        else:
            start = capitals.find("AA", start + 1)
