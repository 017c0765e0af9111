"""Where a use of a form may stand in Chinese and Japanese, which put no spaces between words.

The matcher takes a use only as a whole word: no letter just before or after it. Chinese
and Japanese text is one run of letters from one punctuation mark to the next
(`我們打擊人口販運。`, `人身取引の被害者`), so a form there would never be a whole word.
Without a segmenter (jieba took 2-3 s to its first sentence here: DESIGN section 10),
a use stands there as follows:

- where the script changes, between a Han or kana character and any other letter or
  digit, a word ends, as where a space stands: `向NGO求助`, `1955專線`;
- where katakana meet Han or hiragana, a word ends: Japanese writes a borrowed word in
  katakana against the particles and Han words around it (`ブローカーに`, `パパ活を`), and
  one katakana word against another only inside a longer one (`ワーカー` in
  `セックスワーカー` is none);
- between two Han or hiragana characters, a form of two or more Han or katakana characters
  matches: a word of one character (`娼`) is part of too many others to be read inside a
  run, and hiragana are a sentence's particles and endings;
- where two forms overlap, the longest wins as everywhere (`兒少性剝削` over `性剝削`);
- a line break inside a paragraph between two Han or kana characters, with the indent
  after it, is no gap (`我們打擊人口` / `販運`): editors hard-wrap Chinese and Japanese
  Markdown mid-word, and CSS Text 3's segment break rules (Firefox) join such lines (at
  Chromium 156 they still show a space, which a reader reads past). A space typed
  between two of them is a gap, as written, and so is a hard break (two spaces or
  `<br>` before the line break), which the reader sees as a new line, and markup around
  the break that the view blanked (`外\\n<br>勞`, `外*\\n勞`: `view_as_read`).

What this reads wrongly: a form of two characters that a run holds across two other
words (`童工` in `兒童工作者`, "children's workers"; `外勞` in `境外勞工`) is found there,
which a glossary settles by giving the longer word as an alias of its term (the longest
wins), or a page by a `handbook-disable-next-line` (ADOPTING.md).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from .lazy_pattern import LazyPattern
from .markdown.syntax import GLUE

# Han ideographs (the iteration mark 々, 〇, unified, extension A, compatibility, the
# supplementary planes' B to H); hiragana, katakana and their half-width forms. As
# (first, last) pairs in order: a character is tested by one bisection, in C.
_HAN = (
    ("\u3005", "\u3005"),
    ("\u3007", "\u3007"),
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uf900", "\ufaff"),
    ("\U00020000", "\U0003134f"),
)
_KANA = (("\u3040", "\u30ff"), ("\u31f0", "\u31ff"), ("\uff66", "\uff9f"))
_UNSPACED = tuple(sorted(_HAN + _KANA))
# Katakana with their long-vowel marks (`ー`, `ｰ`), less the small ヵ and ヶ, counters
# written among Han characters (`3ヶ月`, `霞ヶ関`); as a set too, where Chinese text asks
# at both ends of every use (a look-up, no call).
_KATAKANA = (
    ("\u30a1", "\u30f4"),
    ("\u30f7", "\u30fa"),
    ("\u30fc", "\u30ff"),
    ("\u31f0", "\u31ff"),
    ("\uff66", "\uff9f"),
)
_KATAKANA_SET = frozenset(
    chr(code) for first, last in _KATAKANA for code in range(ord(first), ord(last) + 1)
)
# The characters of a form's stem: Han and katakana, not hiragana.
_STEM = tuple(sorted(_HAN + _KATAKANA))
# The characters of both, as the text of a regex class (`[^\W{UNSPACED_LETTERS}]`: a
# letter of a script that spaces its words).
UNSPACED_LETTERS = "".join(f"{first}-{last}" for first, last in _UNSPACED)
# Below this no character is Han or kana: the matcher asks only past it (one comparison).
UNSPACED_FROM = _UNSPACED[0][0]
# The fewest Han or katakana characters a form needs to match inside a run of Han and
# hiragana.
_FEWEST_STEM = 2


def _within(char: str, ranges: tuple[tuple[str, str], ...]) -> bool:
    place = bisect_right(ranges, (char, "\U0010ffff")) - 1
    return place >= 0 and char <= ranges[place][1]


def is_unspaced(char: str) -> bool:
    """Whether `char` is of a script written without spaces (Han, hiragana, katakana)."""
    return char >= UNSPACED_FROM and _within(char, _UNSPACED)


@lru_cache(maxsize=4096)
def _stem_count(use: str) -> int:
    """How many Han or katakana characters `use` holds: the same few hundred uses recur
    in a page."""
    return sum(_within(char, _STEM) for char in use)


def joins_unspaced(neighbour: str, edge: str, use: str) -> bool:
    """Whether `use`, whose first or last character is `edge`, may stand against
    `neighbour`, a letter or digit just outside it, as Chinese and Japanese write words
    (module docstring): where the script changes, katakana's too, or, inside a run of Han
    and hiragana, a use of two or more Han or katakana characters."""
    neighbour_unspaced = is_unspaced(neighbour)
    if neighbour_unspaced != is_unspaced(edge):
        return True
    if not neighbour_unspaced:
        return False
    katakana_edge = edge in _KATAKANA_SET
    if katakana_edge != (neighbour in _KATAKANA_SET):
        return True
    return not katakana_edge and _stem_count(use) >= _FEWEST_STEM


# A line break and the indent after it, before a Han or kana character: a literal to
# start at, which the engine finds at C speed (a pattern that starts at the character
# before it tried every character of a French page: 1.17x its scan); what stands before
# it is looked at only at these.
_WRAPPED = LazyPattern(f"\n[ \t]*(?=[{UNSPACED_LETTERS}])")


def join_wrapped_lines(text: str) -> str:
    """`text` with each line break between two Han or kana characters made `GLUE`, with
    the indent after it and a space and a carriage return before it (not two spaces:
    Markdown's hard break, `<br>` in a view too, a new line the reader sees): taken out
    as the matcher searches, and as long as before, so offsets stay. A word wrapped
    there is one word (module docstring)."""
    if text.isascii():
        return text
    pieces: list[str] = []
    previous = 0
    for wrap in _WRAPPED.finditer(text):
        start = wrap.start()
        if text[start - 1 : start] == "\r":
            start -= 1
        if text[start - 1 : start] == " ":
            start -= 1
        if start > previous and is_unspaced(text[start - 1]):
            pieces += (text[previous:start], GLUE * (wrap.end() - start))
            previous = wrap.end()
    if not pieces:
        return text
    pieces.append(text[previous:])
    return "".join(pieces)


# What the Markdown as written may hold where the view has the blanks around a wrapped
# line's break: a line break, its indent and a quote's markers (`> `). Anything else
# there is markup the view blanked (`<br>`, `&nbsp;`, a literal `*` or `[`), which the
# reader sees: a new line, a space, a mark.
_WRAP_AS_WRITTEN = frozenset(" \t\r\n>")


def view_as_read(view: str, markdown: str | None) -> str:
    """`view` as the matcher is to search it, as long as `view` (offsets stay): a line
    break between two Han or kana characters that `markdown`, the text as written at the
    view's offsets, has markup around (`外\\n<br>勞`, `外*\\n勞`: the view blanked it, and
    the reader sees a new line, a space, a mark) made a space, a gap, so that no use is
    read across it and the words on either side are searched as they stand (`勞工` in
    `境外*\\n勞工`); and a carriage return the view made a space put back (`外 \\r\\n勞`:
    one space, no hard break, read as one). Every search of a checked text's view goes
    through here (`documents.text_hits`)."""
    if markdown is None or view.isascii() or len(markdown) != len(view):
        return view
    chars: list[str] | None = None
    for wrap in _WRAPPED.finditer(view):
        position = wrap.start()
        before = position
        returned = markdown[before - 1 : before] == "\r"
        if returned or view[before - 1 : before] == "\r":
            before -= 1
        if view[before - 1 : before] == " ":
            before -= 1
        if before == 0 or not is_unspaced(view[before - 1]):
            continue
        if not _WRAP_AS_WRITTEN.issuperset(markdown[before : wrap.end()]):
            changed, char = position, " "
        elif returned:
            changed, char = position - 1, "\r"
        else:  # a wrapped line as the matcher reads it: most in Chinese and Japanese
            continue
        if chars is None:
            chars = list(view)
        chars[changed] = char
    return view if chars is None else "".join(chars)
