"""Words too long for a line print in linear time: each gets a break opportunity (a
zero-width space) every few characters.

A word longer than its line breaks where it must (`overflow-wrap: break-word` in
handout.css), and WeasyPrint lays out the rest of the paragraph again at each such
break: a module with one word of 100,000 characters did not print in 15 minutes
(fuzzing), 8,000 took 1.5 s and 2,000 0.2 s. With a break opportunity every
`_PIECE` characters, shorter than any line, there is no such break to make: 100,000
characters take 4 s. Only words far longer than a line are touched, so an ordinary
page prints as it did.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from .handout_phones import NOT_TEXT

# A word this long runs over many lines of any column: nothing a reader types, nor a
# web address a trainer copies out of the PDF (the break would be copied with it). Up to
# it, the forced breaks cost some 0.05 s a word.
_LONGEST_WORD = 1000
# Shorter than a line of the narrowest column the handout prints in, at 8 pt.
_PIECE = 40
# Not a word's letters: spaces, the breaks already there, and the Chinese, Japanese and
# Korean characters a line may break between anyway (a paragraph of them, with no space,
# needs no breaks put in: review).
_NO_WORD = r"\s\u200b\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_LONG_WORD = re.compile(rf"[^{_NO_WORD}]{{{_LONGEST_WORD + 1},}}")
_PIECES = re.compile(rf"[^{_NO_WORD}]{{{_PIECE}}}(?=[^{_NO_WORD}])")
_BREAK = "\u200b"  # a zero-width space: a line may break there, nothing is printed


def break_long_words(root: etree.Element) -> None:
    """Give each word of more than `_LONGEST_WORD` characters in the text of the document
    `root` a break opportunity every `_PIECE` characters (see the module's docstring)."""
    body = root.find("body")
    if body is None:
        return
    for element in body.iter():
        tag = element.tag
        # Not a drawing's text (an SVG element's tag names its namespace): no HTML there.
        if isinstance(tag, str) and not tag.startswith("{") and tag not in NOT_TEXT:
            element.text = _broken(element.text)
        element.tail = _broken(element.tail)


def _broken(text: str | None) -> str | None:
    if text is None or len(text) <= _LONGEST_WORD or not _LONG_WORD.search(text):
        return text
    return _LONG_WORD.sub(lambda word: _PIECES.sub(rf"\g<0>{_BREAK}", word.group()), text)
