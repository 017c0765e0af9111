"""What a privacy.pii message shows of the personal data it found: a mask, never the
data itself (privacy audit). The text, GitHub and SARIF outputs and the build's log end
up in check-run annotations, run logs, step summaries and code-scanning alerts, which
outlive the clean-up of a leak (a force-push, a purged commit); `file:line:column`
already points at the data, and JSON's `found` keeps it exactly (DESIGN section 6).

A mask keeps enough for an editor to tell which one is meant, and no more:

- a phone number keeps its separators, its last two digits and, from ten digits on, its
  first three (a country or area code): `402-***-**42`, `+44 2* **** **58`, `***-**42`;
- an e-mail address keeps the first character of its mailbox and its domain:
  `j***@gmail.com` (the length of the mailbox is not shown);
- a link to a messenger account or group keeps what leads to the messenger
  (`t.me/`, `https://chat.whatsapp.com/`) and masks the name or key after it;
- coordinates keep their degrees and mask what locates a building, decimals, minutes
  and seconds: `41.****, -95.****`, `41°**'**.*"N 95°**'**.*"W`;
- anything else (a street address) keeps the first letter or digit of each word:
  `1* O** S*****`.

A character reference (`&#64;`) or a link's escape (`%40`) counts as the character it
stands for, and is kept as written where that character is kept.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from .privacy_locations import LOCATION

_MASK = "*"
# A character as written: a character reference, a link's `%XX` escape, or itself.
_WRITTEN_CHARACTER = re.compile(r"&#?[A-Za-z0-9]+;|%[0-9A-Fa-f]{2}|.", re.DOTALL)
# Where a messenger link's name or key starts: after its last `/`, `#`, `=` or `+`.
_LINK_NAME_START = re.compile(r".*[/#=+]", re.DOTALL)
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
    read = html.unescape(written) if written.startswith("&") else unquote(written)
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
    if at < 0:
        return _masked_words(found)
    first = characters[0][0] if at > 0 else ""
    return first + _MASK * 3 + "".join(written for written, _ in characters[at:])


def _masked_words(text: str) -> str:
    shown: list[str] = []
    in_word = False
    for written, read in _characters(text):
        if read.isalnum():
            shown.append(_MASK if in_word else written)
            in_word = True
        else:
            shown.append(written)
            in_word = False
    return "".join(shown)


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
