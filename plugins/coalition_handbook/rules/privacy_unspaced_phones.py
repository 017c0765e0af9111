"""Phone numbers written against Han or kana, as Chinese and Japanese write them with no
space (`請撥打+886 912 345 678求助`, `お電話は090-1234-5678まで`, `手機0912-345-678`), for
privacy.pii (`privacy_personal_data`): `phones_among_unspaced`.

The phone passes read a Han or kana character as a letter of the number's word, so no
number so written was found. Here they read the text with each Han and kana character as
a space, and keep a number only where its digits are set in groups by a separator of
their own or start with a `+` or `(`, no Han or kana among them: a number written
together against Han is a document's, a case's or a company's number far more often
than a phone's (`案號0950870123號`, `第1234567號`, `統一編號12345678`), and a date's
parts are set apart by Han (`2024年1月1日`), which are not separators here. Nor is a
number kept that a label ending in 號/号/番号 names (`案號 095-0870-123`, unless the label
is a phone's: `手機號`, `電話番号`), nor one followed by 號/号 (`1-2號`, an address's or a
document's). Korean spaces its words, but writes a particle against a number as against
a noun (`010-1234-5678로`): Hangul is read as a space too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..lazy_pattern import LazyPattern
from ..unspaced_words import UNSPACED_LETTERS
from .national_phones import national_numbers
from .privacy_allow import Spans
from .privacy_phones import candidates_found, names_no_phone, phone_end, reads_as_identifier

# Korean spaces its words but writes a particle against a number (`010-1234-5678로`,
# "at 010-1234-5678"): Hangul is read as a space here too, as Han and kana are.
_HANGUL = "\uac00-\ud7a3"
_GLUED_LETTERS = f"{UNSPACED_LETTERS}{_HANGUL}"
_UNSPACED_LETTER = LazyPattern(f"[{_GLUED_LETTERS}]")
# A label that names a number (案號, 編號, 字號, 番号) right before it, a colon and spaces
# between; a phone's own (手機號, 电话号, 電話番号) is no identifier's. The words a phone's
# label holds, in Traditional and Simplified Chinese and Japanese.
_NUMBER_LABEL_BEFORE = LazyPattern(rf"[{UNSPACED_LETTERS}]{{0,6}}(?:[號号]|番号)[:：\s]*\Z")
_PHONE_LABEL_WORDS = LazyPattern(r"電話|电话|手機|手机|傳真|传真|携帯|専用|專線|专线|熱線|热线")
_NUMBER_MARK_AFTER = LazyPattern(r"\s*[號号]")
_LABEL_WINDOW = 12
# A digit, `+` or `(` after Han or kana, or a digit or `)` before them, or a group of
# three or four digits after a separator before Hangul (`5678로`: not `2024년`, a year,
# which Korean writes with a digit against Hangul at every date and count); and how far
# either side of one a number against it is read.
# (The engine skips to a digit or mark at C speed, then looks around it.)
_GLUED_DIGIT = LazyPattern(
    f"[+()\\d](?:(?<=[{UNSPACED_LETTERS}][+(\\d])|(?<=[\\d)])(?=[{UNSPACED_LETTERS}])"
    f"|(?<=[-.\\s)]\\d\\d\\d)(?=[{_HANGUL}])|(?<=[-.\\s)]\\d\\d\\d\\d)(?=[{_HANGUL}]))"
)
_WINDOW = 40


def phones_among_unspaced(
    text: str, countries: Sequence[str], found_before: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """(start, end) of each phone number in `text` that stands against Han or kana, in
    groups or after a `+` (the module's docstring), that overlaps none of `found_before`
    (what the other passes found). Nothing in a text with no Han or kana."""
    if text.isascii():
        return
    taken = Spans(found_before)
    last_end = 0  # one finding a number: the two passes may both find it
    for start, end in _spans_around_glued_digits(text, countries):
        if start < last_end or taken.overlaps(start, end):
            continue
        if not _grouped_against_unspaced(text, start, end):
            continue
        if _named_by_a_label(text, start) or _NUMBER_MARK_AFTER.match(text, end):
            continue
        last_end = end
        yield start, end


def _spans_around_glued_digits(text: str, countries: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The phone passes' spans (`_phone_spans`) in `text` read with Han and kana as
    spaces, in order: only in the characters around a digit, `+` or `(` that stands
    against Han or kana (a page of Chinese and Japanese prose was read in 1.35 times its
    time when the whole text was so read), windows that overlap merged; a span that
    reaches a window's first or last characters is left to the next window or to none
    (a number against Han is at most a number's length from the character it touches)."""
    windows: list[list[int]] = []
    for glued in _GLUED_DIGIT.finditer(text):
        first, last = max(0, glued.start() - _WINDOW), glued.end() + _WINDOW
        if windows and first <= windows[-1][1]:
            windows[-1][1] = last
        else:
            windows.append([first, last])
    for first, last in windows:
        spaced = _UNSPACED_LETTER.sub(" ", text[first:last])
        inside = range(0 if first == 0 else 1, len(spaced) - (last < len(text)))
        for start, end in sorted(_phone_spans(spaced, countries)):
            if start in inside and end - 1 in inside:
                yield first + start, first + end


def _phone_spans(spaced: str, countries: Sequence[str]) -> Iterator[tuple[int, int]]:
    """What the phone passes find in `spaced` (`privacy_personal_data`), identifiers left
    out as they leave them."""
    for found in candidates_found(spaced):
        end = phone_end(spaced, found)
        if end >= 0 and not names_no_phone(spaced, found.start(), end):
            yield found.start(), end
    for start, end in national_numbers(spaced, countries):
        digits = "".join(char for char in spaced[start:end] if char.isdigit())
        if not reads_as_identifier(spaced, start, digits):
            yield start, end


def _grouped_against_unspaced(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` stands against Han or kana, holds none, and is no run
    of digits alone (a separator, or a `+` or `(` before them)."""
    number = text[start:end]
    if _UNSPACED_LETTER.search(number) or number.isdigit():
        return False
    before = start > 0 and _UNSPACED_LETTER.match(text, start - 1) is not None
    return before or _UNSPACED_LETTER.match(text, end) is not None


def _named_by_a_label(text: str, start: int) -> bool:
    """Whether a label that names an identifier stands right before `start`."""
    label = _NUMBER_LABEL_BEFORE.search(text, max(0, start - _LABEL_WINDOW), start)
    return label is not None and not _PHONE_LABEL_WORDS.search(label.group())
