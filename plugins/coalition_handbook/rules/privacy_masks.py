"""What a privacy.pii message shows of the personal data it found: a mask, never the
data itself (privacy audit). The text, GitHub and SARIF outputs and the build's log end
up in check-run annotations, run logs, step summaries and code-scanning alerts, which
outlive the clean-up of a leak (a force-push, a purged commit); `file:line:column`
already points at the data, and JSON's `found` keeps it exactly (DESIGN section 6).

A mask keeps enough for an editor to tell which one is meant, and no more:

- a phone number keeps its separators, its last two digits and, from ten digits on, its
  first three (a country or area code): `402-***-**42`, `+44 2* **** **58`, `***-**42`;
- an e-mail address keeps the first character of its mailbox and a common mail
  provider's domain, `j***@gmail.com` (the length of the mailbox is not shown); of any
  other domain, which may be the person's own (`janedoe.com`: review rv4), the first
  character and its top-level domain: `j***@j***.com`;
- a link to a messenger account or group keeps what leads to the messenger
  (`t.me/`, `https://chat.whatsapp.com/`) and masks the name or key after it;
- coordinates keep their degrees and mask what locates a building, decimals, minutes
  and seconds: `41.****, -95.****`, `41°**'**.*"N 95°**'**.*"W`;
- anything else (a street address) keeps the first letter or digit of each word:
  `1* O** S*****`; but a house number of one digit is masked whole (`* O** S*****`).

A character reference (`&#64;`), a link's escape (`%40`) or a YAML string's (`\x40`,
`\u0040`) counts as the character it stands for, and is kept as written where that
character is kept.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from ..character_references import unescape
from ..lazy_pattern import LazyPattern
from .privacy_locations import LOCATION

_MASK = "*"
# A character as written: a character reference, a link's `%XX` escape, a YAML string's
# `\xXX` or `\uXXXX` (mkdocs.yml's `site_author: "jo\x40x.org"`), or itself.
_WRITTEN_CHARACTER = LazyPattern(
    r"&#?[A-Za-z0-9]+;|%[0-9A-Fa-f]{2}|\\x[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}|.", re.DOTALL
)
# The mail providers whose domain tells nothing of whose address it is: kept in a mask.
_MAIL_PROVIDERS = frozenset(
    {"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com"}
    | {"yahoo.com", "icloud.com", "me.com", "proton.me", "protonmail.com", "pm.me"}
    | {"aol.com", "gmx.com", "mail.com"}
)
# What an address written out with a bracketed `@` or dot holds (`jo[@]gmail[.]com`), which
# a mask shows as a street's words are: `j*[@]g****[.]c**` (task priv8).
_BRACKETS = frozenset("[({")
# Where a messenger link's name or key starts: after its last `/`, `#`, `=` or `+`.
_LINK_NAME_START = LazyPattern(r".*[/#=+]", re.DOTALL)
# Digits a phone number's mask keeps at its end, and at its start from `_LONG_NUMBER`
# digits on (a country or area code, which many people share).
_LAST_DIGITS_KEPT = 2
_FIRST_DIGITS_KEPT = 3
_LONG_NUMBER = 10
# What comes before the digits of a coordinate that locate a building: its decimals, its
# minutes, its seconds.
_FRACTION_MARKS = frozenset(".\u00b0\u00ba\u02da'\u2032\u2019\"\u2033\u201d")


def masked(kind: str, found: str) -> str:
    """`found`, personal data of the `kind` privacy.pii names ("phone number", "e-mail
    address", "street address", "location", or a messenger link's kind), as a message shows it."""
    if kind == "phone number":
        return _masked_number(found)
    if kind == "e-mail address":
        return _masked_address(found)
    if kind == "street address":
        return _masked_words(found)
    if kind == LOCATION:
        return _masked_coordinates(found)
    link = _LINK_NAME_START.match(found)
    start = link.end() if link else 0
    return found[:start] + _masked_words(found[start:])


def _characters(text: str) -> list[tuple[str, str]]:
    """(as written, as read) of each character of `text`, escapes read as one."""
    return [(written, _read(written)) for written in _WRITTEN_CHARACTER.findall(text)]


def _read(written: str) -> str:
    if len(written) == 1:
        return written
    if written.startswith("\\"):
        return chr(int(written[2:], 16))
    read = unescape(written) if written.startswith("&") else unquote(written)
    return read if len(read) == 1 else written


def masked_digits(text: str) -> str:
    """`text` with every digit masked: what is dialled after a public number (a direct
    line, an extension), which the public number before it already names."""
    return _masked_number(text, keep_ends=False)


def _masked_number(found: str, keep_ends: bool = True) -> str:
    characters = _characters(found)
    digits = sum(read.isdigit() for _, read in characters)
    first = _FIRST_DIGITS_KEPT if digits >= _LONG_NUMBER and keep_ends else 0
    last = _LAST_DIGITS_KEPT if keep_ends else 0
    shown: list[str] = []
    seen = 0
    for written, read in characters:
        if read.isdigit():
            seen += 1
            kept = seen <= first or seen > digits - last
            shown.append(written if kept else _MASK)
        else:
            shown.append(written)
    return "".join(shown)


def _masked_address(found: str) -> str:
    characters = _characters(found)
    at = max((index for index, (_, read) in enumerate(characters) if read == "@"), default=-1)
    if at < 0 or not _BRACKETS.isdisjoint(found):  # written out: `jo [at] x`, `jo[@]x[.]org`
        return _masked_words(found)
    first = characters[0][0] if at > 0 else ""
    domain = characters[at + 1 :]
    name = "".join(read for _, read in domain).strip().casefold()
    if name in _MAIL_PROVIDERS:
        shown = domain
    else:  # a domain of its own may name its person: its first character and its TLD
        letters = [index for index, (_, read) in enumerate(domain) if read.isalnum()]
        dots = [index for index, (_, read) in enumerate(domain) if read == "."]
        if not letters or not dots:
            shown = domain
        else:
            shown = [*domain[: letters[0] + 1], (_MASK * 3, ""), *domain[dots[-1] :]]
    return first + _MASK * 3 + characters[at][0] + "".join(written for written, _ in shown)


def _masked_words(text: str) -> str:
    shown: list[str] = []
    in_word = False
    word_start = 0  # where the last word's first character is in `shown`
    for written, read in _characters(text):
        if read.isalnum():
            if not in_word:
                word_start = len(shown)
            shown.append(_MASK if in_word else written)
            in_word = True
        else:
            _mask_one_digit(shown, word_start, in_word)
            shown.append(written)
            in_word = False
    _mask_one_digit(shown, word_start, in_word)
    return "".join(shown)


def _mask_one_digit(shown: list[str], word_start: int, in_word: bool) -> None:
    """Mask the word that just ended at the end of `shown`, if it is one digit: a house
    number of one digit kept whole would show all of it (review rv4: `7 W C****`)."""
    if in_word and word_start == len(shown) - 1 and _read(shown[word_start]).isdigit():
        shown[word_start] = _MASK


def _masked_coordinates(found: str) -> str:
    """`found`, coordinates, with only the digits of their degrees kept: each run of digits
    after a decimal point or a degree's or minute's mark (spaces aside) is masked."""
    shown: list[str] = []
    before = ""  # the last character read that is no space
    kept = False
    for written, read in _characters(found):
        if read.isdigit():
            if not before.isdigit():
                kept = before not in _FRACTION_MARKS
            shown.append(written if kept else _MASK)
        else:
            shown.append(written)
        if not read.isspace():
            before = read
    return "".join(shown)
