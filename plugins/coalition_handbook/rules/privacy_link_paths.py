"""The paths of links and images as privacy.pii reads them (`privacy_pii`): the site
publishes a link's and an image's URL in its page (`href`, `src`, and every other URL
attribute of a tag: `srcset`, `poster`...), so an e-mail address or a phone number in
its path is published (`files/jane.doe@example.org.pdf`, `photos/402-555-0123.jpg`):
`find_personal_data_in_paths`. Of a URL's query, only what it gives whoever opens it is
read (`privacy_links`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from ..lazy_pattern import LazyPattern
from .privacy_allow import LONGEST_NUMBER, SHORTEST_NUMBER
from .privacy_emails import file_name_stem_end, is_file_name
from .privacy_links import LINKED_EMAIL
from .privacy_personal_data import find_personal_data

# A link's or an image's destination written with no `://`, which the site publishes as
# written (`href`, `src`): a Markdown link's or image's, a reference definition's, an HTML
# URL attribute's (`_URL_ATTRIBUTES`). One with a scheme (`mailto:`, `tel:`) is read as
# text, or below.
# Each alternative starts with a literal character, `]`, so the engine skips prose at C
# speed: a `^` (a reference definition's line), a lookbehind or an `s` or `h` first
# stopped it at every place or every other word, which made privacy.pii's reading of the
# bench handbook half as slow again. An attribute's name is looked for behind its `=`, in
# a pass of its own over a text with an `=` (`_ATTRIBUTE`): as an alternative of this
# pattern, or after a search for each name, it made the reading of the bench's pages,
# a third of which have an `=` (code, content tabs), twice as slow.
_MARKDOWN_DESTINATION = (
    # Brackets in pairs, as Python-Markdown reads them (`files/(402)%20555-0126.pdf`).
    r"\]\([ \t]*<?(?P<inline>(?:[^\s()<>]++|\([^\s()<>]*+\))++)"
    r"|\]:[ \t]*(?:\r?\n[ \t]*)?<?(?P<reference>[^\s<>]+)"  # on the label's line, or the next
)
# The HTML attributes whose value is a URL, or a list of them, that the site publishes as
# written (review, session 53: only `href` and `src` were read): a link's and an image's,
# an image's `srcset` (its URLs and their sizes), a video's `poster`, a form's `action`, a
# quote's `cite`, an object's `data` (a name of its own: not `metadata`), a link's `ping`
# (URLs parted by spaces), an old page's `background` and `longdesc`. A name is read by
# its end: `data-src`, `data-srcset`, `imagesrcset`, `xlink:href`, `formaction`.
_URL_ATTRIBUTES = ("href", "src", "srcset", "poster", "action", "cite", "ping", "background")
_URL_ATTRIBUTES += ("longdesc",)


def _in_any_case(name: str) -> str:
    """`name` as a pattern of its letters in either case (`[hH][rR][eE][fF]`), fixed width
    for a lookbehind."""
    return "".join(
        f"[{letter.lower()}{letter.upper()}]" if letter.isalpha() else letter for letter in name
    )


# An attribute's name before its `=`, with up to two spaces or tabs between (HTML allows
# any, as hand-written pages have: `<a href = "...">`), each a fixed-width lookbehind.
_AFTER_AN_ATTRIBUTE_NAME = "|".join(
    f"(?<={name}{spaces}=)"
    # `data` whole, after a space: no other attribute's end (`metadata`).
    for name in (*map(_in_any_case, _URL_ATTRIBUTES), r"\s" + _in_any_case("data"))
    for spaces in ("", "[ \t]", "[ \t]{2}")
)
_DESTINATION = LazyPattern(_MARKDOWN_DESTINATION)
# A URL attribute's value: quoted, all of it (a `srcset` lists URLs, each with its size
# after a space); or unquoted, or after a quote that nothing closes, to a space.
_ATTRIBUTE = LazyPattern(
    rf"=(?:{_AFTER_AN_ATTRIBUTE_NAME})[ \t]*"
    + r"""(?:"(?P<double>[^"<>]*+)"|'(?P<single>[^'<>]*+)'|["']?(?P<bare>[^"'\s<>]++))"""
)
# A URL of an attribute's value, or a size after one (`2x,`: no personal data).
_VALUE_PART = LazyPattern(r"\S++")
# A reference definition's label, from its line's start: `[x]:` after a quote's `>` and
# an indent, a list item's or an admonition's (Python-Markdown reads one there too).
_REFERENCE_LABEL = LazyPattern(r"[ \t>]{0,99}\[[^\]\n]{1,999}\]:")
_SCHEME_START = LazyPattern(r"[A-Za-z][\w+.-]*:")
# A path's segment, between its `/`.
_SEGMENT = LazyPattern(r"[^/]++")
# What a path's segment holds before a phone number or an e-mail address is sought in it:
# digits parted by a mark (`402-555-0123`, `+1.402...`) or an escape (`402%2D555`), an `@`
# or its escape.
_PATH_DATA_HINT = LazyPattern(r"\d[-._\s()%]|%40|@", re.IGNORECASE)


def find_personal_data_in_paths(
    text: str, urls: list[tuple[int, int]]
) -> Iterator[tuple[str, int, int, str]]:
    """(kind, start, end, as written) of every e-mail address and phone number in the path
    of a link or an image, which the site publishes in its page: of a URL (`urls`, after
    its host) or of a destination with no scheme (`photos/402-555-0123.jpg`), one segment
    at a time, without a file's extension (`jane.doe@example.org.pdf`). Digits written
    together are an id, a timestamp, and no number, but after a segment that names a
    call (`/call/4025550123`: `_CALL_WORDS`); a date is none either."""
    for url_start, url_end in urls:
        host = text.find("://", url_start, url_end) + 3
        path_start = text.find("/", host, url_end)
        if path_start >= 0:
            yield from _data_in_path(text, path_start, url_end)
    if "]" in text:  # one character, which `str` finds at C speed, several times as fast as two
        for found in _destinations(text):
            group = found.lastgroup or "inline"
            start, end = found.span(group)
            if group == "reference" and not _defines_a_reference(text, found.start()):
                continue
            yield from _data_in_destination(text, start, end)
    if "=" in text:
        for found in _ATTRIBUTE.finditer(text):
            for part in _VALUE_PART.finditer(text, *found.span(found.lastgroup or "bare")):
                yield from _data_in_destination(text, *part.span())


def _destinations(text: str) -> Iterator[re.Match[str]]:
    """What `_DESTINATION.finditer(text)` finds, the pattern tried only at a `]` before a
    `(` or a `:`, where each of its matches starts (found by `str.find`, at C speed: the
    engine's search stopped at every `]`, a twelfth of this rule's pass over a page)."""
    searched_to = 0  # where the last match ends: finditer goes on from there
    bracket = text.find("]")
    while bracket >= 0:
        if bracket >= searched_to and text[bracket + 1 : bracket + 2] in _AFTER_THE_BRACKET:
            found = _DESTINATION.match(text, bracket)
            if found is not None:
                searched_to = found.end()
                yield found
        bracket = text.find("]", bracket + 1)


# What follows the `]` a destination's match starts with (`_MARKDOWN_DESTINATION`).
_AFTER_THE_BRACKET = ("(", ":")


def _data_in_destination(text: str, start: int, end: int) -> Iterator[tuple[str, int, int, str]]:
    """`_data_in_path` in the destination `text[start:end]`, if it has no scheme: one with
    `://` is a URL's (`url_spans`), one with another (`mailto:`) is read as text."""
    if text.find("://", start, end) < 0 and not _SCHEME_START.match(text, start, end):
        yield from _data_in_path(text, start, end)


def _defines_a_reference(text: str, colon: int) -> bool:
    """Whether the `]:` at `colon` - 1 ends a reference definition's label, from its line's
    start, looked for back as far as a label can run (bounded: linear on a line of `]:`)."""
    window = max(0, colon - _LONGEST_LABEL)
    line_start = text.rfind("\n", window, colon) + 1
    if line_start == 0 and window > 0:
        return False
    label = _REFERENCE_LABEL.match(text, line_start, colon + 2)
    return label is not None and label.end() == colon + 2


_LONGEST_LABEL = 1_110  # 99 indents and marks, `[`, 999 characters, `]:`, with room to spare


def _data_in_path(text: str, start: int, end: int) -> Iterator[tuple[str, int, int, str]]:
    """`find_personal_data_in_paths` in the path `text[start:end]`, up to its query. After
    a DOI's prefix (`10.1037`), its suffix is an identifier, whose numbers are none (an
    APA journal's ISSN, `0022-3514.65.6.1190`, read as `00` and a country's number)."""
    query = min((at for mark in "?#" if (at := text.find(mark, start, end)) >= 0), default=end)
    in_a_doi = after_a_call = False
    for segment in _SEGMENT.finditer(text, start, query):
        stem_end = file_name_stem_end(segment.group()) + segment.start()
        if _DOI_PREFIX.fullmatch(segment.group()):
            in_a_doi = True
            continue
        if after_a_call and not in_a_doi:
            called = _CALLED_NUMBER.fullmatch(text, segment.start(), stem_end)
            if called is not None and not _DATE_OR_TIMESTAMP.fullmatch(called.group()):
                yield "phone number", *called.span(), unquote(called.group())
        after_a_call = segment.group().lower() in _CALL_WORDS
        if not _PATH_DATA_HINT.search(text, segment.start(), stem_end):
            continue
        for email in LINKED_EMAIL.finditer(text, segment.start(), stem_end):
            address = unquote(email.group())
            if not is_file_name(address):
                yield "e-mail address", email.start(), email.end(), address
        if in_a_doi:
            continue
        stem = text[segment.start() : stem_end]
        if "%" not in stem:
            yield from _numbers_in(stem, segment.start())
        else:
            yield from _unescaped_numbers_in(text, segment.start(), stem_end)


def _unescaped_numbers_in(text: str, start: int, end: int) -> Iterator[tuple[str, int, int, str]]:
    """The numbers of `_numbers_in` in `text[start:end]` read unescaped, as the link means
    it (`Jane%20Doe%20402-555-0123.jpg`), each from the first character that writes it to
    the last, escapes included (`402%2D555%2D0123`, `(888)%20373-7888`: review, session
    53); not one with an escape in it that is no mark a number is written with, a space, a
    dash, a dot, a bracket or a `+` (a DOI's `10.1037%2F0022-3514...`)."""
    pieces: list[str] = []
    starts: list[int] = []  # where each character read starts in `text`
    ends: list[int] = []  # and ends
    foreign: list[bool] = []  # whether it is an escape of no mark of a number
    for piece in _ESCAPES_OR_TEXT.finditer(text, start, end):
        written = piece.group()
        if piece.group("text") is not None:
            pieces.append(written)
            starts += range(piece.start(), piece.end())
            ends += range(piece.start() + 1, piece.end() + 1)
            foreign += [False] * len(written)
        elif (
            written.isascii()
            and all(  # each escape one character
                int(written[at + 1 : at + 3], 16) < _FIRST_NON_ASCII
                for at in range(0, len(written), 3)
            )
        ):
            for at in range(piece.start(), piece.end(), 3):
                read = unquote(text[at : at + 3])
                pieces.append(read)
                starts.append(at)
                ends.append(at + 3)
                foreign.append(read not in _NUMBER_MARKS)
        else:  # a character of several bytes (`%E2%80%93`): its escapes as one
            read = unquote(written)
            pieces.append(read)
            starts += [piece.start()] * len(read)
            ends += [piece.end()] * len(read)
            foreign += [True] * len(read)
    for kind, found_start, found_end, number in _numbers_in("".join(pieces), 0):
        if not any(foreign[found_start:found_end]):
            yield kind, starts[found_start], ends[found_end - 1], number


def _numbers_in(stem: str, at: int) -> Iterator[tuple[str, int, int, str]]:
    """The phone numbers, with a mark between their digits, of `stem`, a path's segment
    or a piece of one with no escape, at `at` in the text."""
    # As written, and as words, a slug's `-`, `_` and `.` a space each (the same
    # length): `c-402-555-0123.png` is no number as written (a digit after a letter's
    # hyphen is an identifier's), but a name's, as `privacy_file_names` reads one.
    numbers: dict[tuple[int, int], str] = {}
    for reading in (stem, _WORD_PARTS.sub(_spaces, stem)):
        for kind, found_start, found_end in find_personal_data(reading):
            number = stem[found_start:found_end]
            # With a mark between its digits: `+15558675309` is a messenger link's,
            # read as one (`privacy_links`), or an id.
            if kind == "phone number" and not number.lstrip("+").isdigit():
                numbers.setdefault((found_start, found_end), number)
    for (found_start, found_end), number in numbers.items():
        yield "phone number", at + found_start, at + found_end, number


# A DOI's prefix, a segment of its own (`doi.org/10.1037/...`, `/doi/full/10.1080/...`).
_DOI_PREFIX = LazyPattern(r"10\.\d{4,9}")
# What a number's groups are parted with, escaped in a path (`%20`, `%2D`...).
_NUMBER_MARKS = frozenset(" -.()+")
_FIRST_NON_ASCII = 0x80
# A segment of a path that names a call, a message or a fax (`/call/4025550123`): the
# digits written together in the next are the number it calls, as a `phone=` parameter's
# are (`privacy_links`). Not `contact`, whose next segment is as often a record's id.
_CALL_WORDS = frozenset(
    {"call", "callto", "tel", "phone", "telephone", "mobile", "cell", "sms", "fax"}
    | {"whatsapp", "msisdn"}
)
# Those digits, with a `+` (`%2B`) or none.
_CALLED_NUMBER = LazyPattern(rf"(?:\+|%2[bB])?\d{{{SHORTEST_NUMBER},{LONGEST_NUMBER}}}")
# Digits written together that read as a date or a time (`20240115`, `20240115123045`)
# or as a Unix time in seconds or milliseconds (`1714564800`), which no number dialled
# without its `+` starts with a 1 at 10 or 13 digits: an id after `/call/` or `/mobile/`
# as anywhere else, no number (review rv50b).
_DATE_OR_TIMESTAMP = LazyPattern(
    r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d*+|1\d{9}(?:\d{3})?"
)
# A path's escapes (`%20`), or what stands between them.
_ESCAPES_OR_TEXT = LazyPattern(r"(?:%[0-9A-Fa-f]{2})++|(?P<text>(?:[^%]|%(?![0-9A-Fa-f]{2}))++)")


# What parts the words of a slug: a hyphen, an underscore, a dot.
_WORD_PARTS = LazyPattern(r"[_.\-]+")


def _spaces(found: re.Match[str]) -> str:
    return " " * len(found.group())
