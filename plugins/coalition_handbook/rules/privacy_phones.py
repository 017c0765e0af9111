"""Phone numbers as privacy.pii reads them (`privacy_pii`), found in one pass with street
addresses (`candidates`), and where one reads as an identifier instead (`names_no_phone`).

In groups (555-123-4567, +44 20 7946 0958, 0034 612 345 678) any digits are read as a
phone number; written together, ten digits as North America dials them (5552345678) and
ten or eleven after a trunk `0` (0201234567), but not a number that its label, mark or
key names an identifier ("ISBN 0306406152", "order #0612345678", "order_id=...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..forms import has_digit_past_ascii
from ..lazy_pattern import LazyPattern
from .national_phones import DASHES, SEPARATOR
from .privacy_allow import LONGEST_NUMBER, digit_count
from .privacy_links import PHONE_WORDS
from .privacy_streets import BEFORE_WINDOW, STREET_REST

# Phone numbers and street addresses, both found in one pass: the pattern consumes the
# one character either can start with (a digit, `+` or `(`), so the engine skips prose
# at C speed until one turns up, then looks ahead for a phone number and a street address
# that start there. What must come before (a word boundary, no `+`...) is checked by a
# lookbehind over that character and the one before it. In ASCII text, `[0-9]` is what
# `\d` means, and much faster to test.
# Ten digits alone are a phone number only as North America dials them (NANP): the area
# code and the exchange start with 2-9. Not a Unix timestamp (1714564800) or an id
# (1234567890), which data files hold on every row (review). Ten or eleven digits
# written together that start with a trunk `0` and then 1-9 are a national number as
# most of Europe dials it (0612345678 in France, 0201234567 in Germany, 07700900123 in
# the UK): a timestamp never starts so, and an id padded with zeros has more than one
# (0012345678); nor is one that reads as an identifier (`names_no_phone`: ISBN 0306406152,
# order #0123456789). Written in groups (555-123-4567), any digits are read as a phone
# number: little else is so written.
# An international number may have `00` for its `+`, as most of Europe and Latin America
# write it (0034 612 345 678): then its country code is set apart (0034612345678 reads
# as an id), it follows no other group of digits (an IBAN's `DE89 3704 0044 0532 ...`),
# and it has 8 to 15 digits after the `00` (`_INTERNATIONAL_DIGITS`: not a price,
# `0049.99`, a postcode, `00184`, or a run of digit groups).
# A label glued to a number with a dot, as Europe writes it (`Tel.402-555-0199`,
# `Ph.+44 20 ...`), is no number's dot: only a digit's (`3.402-...`, `v1.402-...`) is
# (session 57: none was reported). North America's 3-3-4 digits are read with a dash a
# space apart, and an area code before a slash (`402/555-0199`) too; those only with an
# area code and an exchange North America has, from 2 to 9 (`100 - 150 - 2000`, a price
# list's, `123/456-7890`, an order's, were reported, review rv57b).
_PHONE_REST = r"""
    (?<![^\W_].)                     # not inside a word or number, but for emphasis:
    (?<![+/{dashes}].)(?<![\W\d_]\..)  # a label's dot (`Tel.402-...`) is no number's
    (?<![^\W_]_.)                     # `_555-123-4567_`, not `case_id_5551234567`
    (?<!\u3012.)(?<!\u3012[ \u00a0\u3000].)  # nor a Japanese postal code after its mark
                                      # (`\u3012100-0001`, review rv56b)
    (?:
        (?<=\+)1{sep}?(?:\(\d{{3}}\)|\d{{3}}){sep}?\d{{3}}{sep}?\d{{4}}  # +1 888 373 7888
      | (?<=\+)(?!1)\d{{1,3}}(?:{sep}?\(0\))?                       # +44 20 7946 0958,
        (?:{sep}?\(?\d{{1,4}}\)?){{2,5}}\d                            # +33 (0)1 23 45 67 89
      | (?<=1){sep}?\(\d{{3}}\){sep}?\d{{3}}{sep}?\d{{4}}       # 1 (555) 123-4567, 1(555)
      | (?<=\()\d{{3}}\){sep}?\d{{3}}{sep}?\d{{4}}               # (555) 123-4567, (555)1234567
      | (?<=1){sep}\d{{3}}{sep}\d{{3}}{sep}\d{{4}}               # 1-888-373-7888
      | (?<=\d)\d{{2}}{sep}\d{{3}}{sep}\d{{4}}                    # 555-123-4567
      | (?<=[2-9])\d{{2}}(?:{spaced}|/)[2-9]\d{{2}}(?:{sep}|{spaced})\d{{4}}  # 555 - 234 -
      | (?<=[2-9])\d{{2}}{sep}[2-9]\d{{2}}{spaced}\d{{4}}          # 4567, 555/234-4567
      | (?<=\d)\d{{2}}{dash}\d{{4}}                                 # 123-4567
      | (?<=[2-9])\d{{2}}[2-9]\d{{6}}                               # 5552345678
      | (?<=0)[1-9]\d{{8,9}}                                       # 0201234567
      | (?<=0)(?<!\d{sep}0)0(?P<after_zero_zero>                 # a + form after 00,
          1{sep}(?:\(\d{{3}}\)|\d{{3}}){sep}?\d{{3}}{sep}?\d{{4}}    # 001 888 373 7888, its
        | (?!1)[1-9]\d{{0,2}}(?=[(]|{sep})(?:{sep}?\(0\))?         # country code apart:
          (?:{sep}?\(?\d{{1,4}}\)?){{2,5}}\d                        # 0044 20 7946 0958
        )
    )
    (?!(?!x\d)[^\W_]|[/{dashes}]|\.\d)  # an extension (555-123-4567x12) is no part of it
"""
# A dash with a space either side (`402 - 555 - 0199`), as a word processor's autoformat
# or a hand writes it (session 57: no number was found).
_SPACED_DASH = f"[ \u00a0][{DASHES}][ \u00a0]"
_PHONE = (
    _PHONE_REST.replace("{sep}", SEPARATOR)
    .replace("{spaced}", _SPACED_DASH)
    .replace("{dashes}", DASHES)
    .replace("{dash}", f"[{DASHES}]")
)
_CANDIDATES = f"""
    [+({{digit}}]
    (?:(?=(?P<phone>{_PHONE}))(?=(?P<street>{STREET_REST}))?
      |(?=(?P<street_alone>{STREET_REST})))
"""


@cache
def candidates(ascii_only: bool) -> re.Pattern[str]:
    """The pattern of phone numbers and street addresses, for ASCII text or for any text.
    Compiled on first use: a site build whose checks come from the cache never reads one,
    and compiling both is a tenth of a second of its start-up."""
    return re.compile(_CANDIDATES.format(digit="0-9" if ascii_only else r"\d"), re.VERBOSE)


def candidates_found(text: str) -> Iterator[re.Match[str]]:
    """What `candidates(text.isascii()).finditer(text)` finds. Each match consumes the one
    character a number or an address starts with (a digit, `+` or `(`) after no letter or
    digit (the first lookbehind of both), so that the pattern is tried at each such
    character, and only there. In ASCII, these are found at C speed (`_ascii_starts`): the
    engine's own search tested every character, and tried the pattern at every digit of a
    word ("tier1") and of a number, which took half of the pass. So too in text past
    ASCII with no digit of another script (privacy.pii reads those as ASCII digits first:
    `with_ascii_forms`), each of its characters past ASCII taken for a mark: a digit after
    a letter past ASCII ("é5") is tried too, and the pattern says no; a page's curly
    apostrophes and accented letters made it test every character (spd66)."""
    if text.isascii():
        shadow, pattern = text.encode("ascii"), candidates(True)
    elif has_digit_past_ascii(text):
        yield from candidates(False).finditer(text)
        return
    else:  # one "?" for each character past ASCII: where each stands is kept
        shadow, pattern = text.encode("ascii", "replace"), candidates(False)
    for start in _ascii_starts(text, shadow):
        found = pattern.match(text, start)
        if found is not None:
            yield found


def _ascii_starts(text: str, shadow: bytes) -> list[int]:
    """Where in `text` a digit, `+` or `(` stands after no letter or digit, in order, and
    where an ASCII digit stands after a character past ASCII (`shadow`: `text` in ASCII,
    a "?" for each character past it). A digit so is found as " 0" in the text made
    classes of characters (`_CLASSES`), by `bytes.find`: the digits inside words and
    numbers (`tier1`, `kind381`, a date's `026`), most of a page's and of a term file's,
    are skipped at C speed, not tested one by one (the bench's 2,000 term files: 17,753
    of 27,753 starts). A `+` and a `(`, spaces in the classes (a digit after one
    starts), are found by `str.find`."""
    # A space first: `classes[k:k + 2]` are the classes of `text[k - 1]` and `text[k]`.
    classes = b" " + shadow.translate(_CLASSES)
    if "+" not in text and "(" not in text:
        return _digit_starts(classes)
    return sorted([*_digit_starts(classes), *_mark_starts(text, "+"), *_mark_starts(text, "(")])


def _digit_starts(classes: bytes) -> list[int]:
    starts: list[int] = []
    start = classes.find(b" 0")
    while start >= 0:
        starts.append(start)
        start = classes.find(b" 0", start + 2)
    return starts


def _mark_starts(text: str, mark: str) -> list[int]:
    starts: list[int] = []
    start = text.find(mark)
    while start >= 0:
        if start == 0 or not text[start - 1].isalnum():
            starts.append(start)
        start = text.find(mark, start + 1)
    return starts


# ASCII made classes of characters for `_ascii_starts`: a digit "0", a letter "a", any
# other character (`+` and `(` too: a digit may start after one) a space.
_CLASSES = bytes(
    ord("0") if char in "0123456789" else ord("a") if char.isascii() and char.isalpha() else 32
    for char in map(chr, range(256))
)


def phone_end(text: str, found: re.Match[str]) -> int:
    """Where the phone number that `found` (`candidates_found` in `text`) starts ends, or
    -1 if none starts there: a `+` form written after `00` has an international number's
    length (`is_international_length`)."""
    end = found.end("phone")
    after_zero_zero = found.start("after_zero_zero")
    if after_zero_zero >= 0 and not is_international_length(text[after_zero_zero:end]):
        return -1
    return end


# An ISBN's label right before a number: "ISBN 0306406152", "ISBN-10: 0306406152",
# "**ISBN:** 0306406152"; a paragraph's line break between them too, which `soft_breaks`
# reads as a line feed (differential fuzzing: "ISBN\n0306406152" was a phone number);
# one, not the blank line that ends the paragraph (review rv39).
_ISBN_BEFORE = LazyPattern(
    r"(?<![^\W_])(?i:isbn)(?:[- ]?10)?[*_]*:?[*_]*[ \u00a0]*(?:\n[ \u00a0]*)?\Z"
)
# A number sign right before a number ("order #0612345678"), or a key, as a link's query
# or a setting writes it ("order_id=0612345678"), or an HTML attribute, its value quoted
# (`data-isbn="0306406152"`: a tag's attribute values are read; review rv56b).
_MARK_BEFORE = LazyPattern(r"(?:\#|(?<![\w.-])(?P<key>[\w.-]+)=[\"']?)\Z")
# The number sign, as Russian and other languages write `#`, with the space their
# typography puts after it, after a word that names a document or a record ("Заказ №
# 8 495 123 45 67", "Invoice № 020 7946 0958", "Договор аренды № ...": pii67, an order's
# number was reported with RU listed), maybe one more word between: an identifier. Not
# after any other word, nor alone (review rv66c: "Горячая линия: № 8 800 333-00-16",
# "WhatsApp № 8 916 123 45 67" went unreported when every `№` but a phone's word's was
# one): a phone's context has more words than a list can hold, and a number missed is
# published.
_NUMBER_SIGN_BEFORE = LazyPattern(r"\u2116[ \u00a0\u202f]*\Z")
_DOCUMENT_WORD_BEFORE_A_SIGN = LazyPattern(
    r"(?<![^\W_])(?:(?i:заказ|сч[её]т|догов[оі]р|приказ|закон|постановлени|решени|протокол"
    r"|паспорт|документ|справк|квитанци|накладн|заявк|заявлени|полис|лиценз|свидетельств"
    r"|удостоверени|сертификат|обращени|плат[её]ж|талон|билет|замовлен|рахун|наказ|постанов"
    r"|рішен|довідк|заяв|поліс|ліценз|свідоцтв|посвідчен|тапсырыс|бұйрық|хаттама|құжат"
    r"|анықтама|өтініш)[^\W\d_]*"
    r"|(?i:дел[оауе]|акт[аеу]?|чек[аеу]?|рейс[аеу]?|шот[ыі]?|шарт[ыі]?|заң[ыі]?|invoice"
    r"|order|account|acct|case|ref|reference|contract|ticket|file|receipt|policy"
    r"|licen[cs]e|passport|certificate|claim|application|booking|flight|serial|document"
    r"|record|tracking|registration|permit|item|id)s?(?![^\W_]))\.?"
    r"(?:[ \u00a0-]+[^\W\d_]+\.?)?[ \u00a0:]*\u2116[ \u00a0\u202f]*\Z"
)
# A phone's word earlier on the line makes it a phone's still ("Телефон для заказа № 8 800
# 333-00-16", "Звоните для оформления заказа № ...": the number to order by), as far back
# as a line's label and its words reach.
_PHONE_WORD_ON_THE_LINE_BEFORE_A_SIGN = LazyPattern(
    r"(?<![^\W_])(?i:тел|моб|факс|звон|дзвон|phone|tel|mobile|fax|call|whatsapp|viber"
    r"|telegram)[^\n]*\u2116[ \u00a0\u202f]*\Z"
)
_PHONE_WORD_WINDOW = 64
# A key's words, in any case: `hotel_id`, `orderId`, `case.ref`.
_KEY_WORD = LazyPattern(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# The words of a key that names an identifier, not a phone number: no other key is read
# as one (review 2: `number=`, `?to=` were).
_IDENTIFIER_WORDS = frozenset(
    {"id", "uid", "uuid", "isbn", "issn", "ref", "reference", "order", "invoice", "case"}
    | {"ticket", "record", "account", "serial", "tracking", "booking"}
)
# The digits of an ISBN-10, whose check digit makes this sum a multiple of 11.
_ISBN_10_DIGITS = 10
_ISBN_10_MODULUS = 11


def names_no_phone(text: str, start: int, end: int) -> bool:
    """Whether the phone number found at `text[start:end]`, if a national number written
    together after its trunk 0 (0201234567), is an identifier: a book's ISBN-10 after
    its label ("ISBN 0306406152": the check digit fits), or one whose mark or key before
    it names an identifier ("order #0612345678", "order_id=0612345678"; not `number=`
    or `contact=`). Found in review: books cited by ISBN failed the build; and then the
    check digit alone, which one real number in eleven has, let them through
    (0612345610), as did any key but a phone's."""
    number = text[start:end]
    return number.isdigit() and number.startswith("0") and reads_as_identifier(text, start, number)


def reads_as_identifier(text: str, start: int, digits: str) -> bool:
    """Whether the number at `start` of `text`, whose digits are `digits`, reads as an
    identifier by what is written right before it (`names_no_phone`): an ISBN-10 after
    its label, whose check digit fits, or a number after a mark or a key that names an
    identifier, or after the number sign `№` and a word that names a document."""
    window = max(0, start - BEFORE_WINDOW)
    if _ISBN_BEFORE.search(text, window, start):
        return _is_isbn_10(digits)
    if _NUMBER_SIGN_BEFORE.search(text, window, start):
        return bool(_DOCUMENT_WORD_BEFORE_A_SIGN.search(text, window, start)) and not (
            _PHONE_WORD_ON_THE_LINE_BEFORE_A_SIGN.search(
                text, max(0, start - _PHONE_WORD_WINDOW), start
            )
        )
    mark = _MARK_BEFORE.search(text, window, start)
    return mark is not None and (mark["key"] is None or _names_identifier(mark["key"]))


def _names_identifier(key: str) -> bool:
    """Whether a key names an identifier, and no phone (`order_id`, not `phone_id`)."""
    words = {word.lower() for word in _KEY_WORD.findall(key)}
    return bool(words & _IDENTIFIER_WORDS) and words.isdisjoint(PHONE_WORDS)


def _is_isbn_10(digits: str) -> bool:
    """Whether `digits` are an ISBN-10's, the check digit a digit (not X) that fits."""
    if len(digits) != _ISBN_10_DIGITS:
        return False
    weights = range(_ISBN_10_DIGITS, 0, -1)
    weighted = sum(weight * int(digit) for weight, digit in zip(weights, digits, strict=True))
    return weighted % _ISBN_10_MODULUS == 0


# How many digits a number written with `00` for its `+` has after it, country code
# included.
_INTERNATIONAL_DIGITS = range(8, LONGEST_NUMBER + 1)


def is_international_length(number: str) -> bool:
    """Whether `number`, written after a `00`, has as many digits as an international
    number, country code included."""
    return digit_count(number) in _INTERNATIONAL_DIGITS
