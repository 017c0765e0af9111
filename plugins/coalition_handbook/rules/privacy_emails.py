"""E-mail addresses as privacy.pii reads them (`privacy_pii`): written plainly, and written
out against harvesters (`jane [at] gmail [dot] com`, `jane.doe @ gmail.com`), which a
reader reads all the same; a file name with an `@` (`logo@2x.png`) is none. In plain
words (`jane at gmail dot com`) an address cannot be told from prose, and is not read.
"""

from __future__ import annotations

import re

from ..lazy_pattern import LazyPattern
from ..markdown.top_level_domains import TOP_LEVEL_DOMAINS
from ..unspaced_words import UNSPACED_LETTERS
from .privacy_allow import Spans
from .soft_breaks import WORD_SPACE, may_write_out_a_mark

# Where an address may start and end: not inside a word or an identifier, but inside
# Markdown's `_` emphasis, `_jane@gmail.com_`, which hid the address whole (differential
# fuzzing): a `_` after the address, before no letter or digit, is no part of it, nor
# are the `_` it starts with (`_without_leading_marks`; `case_id_jane@x.org` is one
# word). The lookbehind is the one class it was: the engine tries it at every position
# (two, or an alternation, made the pass twice as slow).
_EMAIL_START = r"(?<![\w.+-])"
_EMAIL_END = r"(?!-|_*[^\W_])"
# A mailbox, with an apostrophe inside it, which RFC 5322 allows and Irish and Italian
# surnames have (`o'brien@`, `d'angelo@`; differential fuzzing: it was found from after
# it); not the quotes around one, `'jane@gmail.com'`. Possessive: `@` and `'` are none
# of the class, and an address's start not found gives no backtracking through a word.
_MAILBOX = r"[\w.+-]++(?:'[\w.+-]++)*+"
# An e-mail address; in a link, its `@` may be escaped (`%40`).
EMAIL_REST = _EMAIL_START + _MAILBOX + r"{at}[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{{2,}}" + _EMAIL_END
EMAIL = LazyPattern(EMAIL_REST.format(at="@"))
# Chinese and Japanese write an address against the Han and kana around it
# (`請寄信至info@coalition.org.tw洽詢`), which are no letters of its mailbox, nor end it
# (`unspaced_words`): read so in a text that holds any, by a pattern of its own, so that
# others pay only a look for them (none in ASCII). Review rv66b: `請寄信至info@…` was
# the address, no longer the public one `privacy.allow` lists, and one before `洽詢` none.
_ADDRESS_LETTER = f"[^\\W{UNSPACED_LETTERS}]"  # `\w` less Han and kana
_EMAIL_AMONG_UNSPACED = LazyPattern(
    rf"(?<![.+-])(?<!{_ADDRESS_LETTER})(?:{_ADDRESS_LETTER}|[.+-])++"
    rf"(?:'(?:{_ADDRESS_LETTER}|[.+-])++)*+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{{2,}}"
    rf"(?!-|_*[^\W_{UNSPACED_LETTERS}])"
)
_UNSPACED_LETTER = LazyPattern(f"[{UNSPACED_LETTERS}]")
# An e-mail address written out so that harvesters miss it, which a reader reads all the
# same: `jane [at] gmail [dot] com`, `jane(at)gmail(dot)com`, `jane {at} gmail {dot} com`,
# `jane[@]gmail[.]com`, spaces around its `@`
# (`jane.doe @ gmail.com`), a fullwidth `\uff20`; a paragraph's line break may stand for
# one of those spaces (`jane [at]\ngmail [dot] com`: review rv6). In plain words (`jane at
# gmail dot com`) it cannot be told from prose, and is not read. Nor is a spaced `@` after
# a word of letters alone, which flyers write before a website ("Find us online @
# coalition.org", "donate @ givebutter.com/x": review rv4): a mailbox before one has a
# dot, a digit, a `_`, `-` or `+` (`jane.doe`, `jdoe2`); nor one before `www.`; nor one
# followed by a path.
# In brackets, braces or parentheses, with a space inside or without, or a bracketed `@`
# and dot, as security advice "defangs" an address (`jane[@]gmail[.]com`: task priv8).
_AT_WORD = rf"{WORD_SPACE}*[\[({{](?: ?(?i:at) ?|@)[\])}}]{WORD_SPACE}*"  # ` [at] `, `(@)`
_DOT_WORD = rf"{WORD_SPACE}*[\[({{](?: ?(?i:dot) ?|\.)[\])}}]{WORD_SPACE}*"  # ` [dot] `, `[.]`
_WRITTEN_OUT_AT = rf"(?:{_AT_WORD}|{WORD_SPACE}+@{WORD_SPACE}+(?!(?i:www)\.)|[@\uff20])"
_WRITTEN_OUT_DOT = rf"(?:{_DOT_WORD}|\.)"
# How many dots a mailbox written out is read across: each word after a written-out dot
# may start one (`(?<![\w.+-])` lets it), so that a run of words and dots with no `@`
# after them (`a [dot] a [dot] ...`) was read from each word to its end, in quadratic time
# (task priv8: 32,000 characters took 4 s). A mailbox with more is read from a later word.
_MAILBOX_DOTS = 16
_WRITTEN_OUT_EMAIL = LazyPattern(
    rf"{_EMAIL_START}(?!_*[^\W\d_]+(?:'[^\W\d_]+)*{WORD_SPACE}+@)"
    rf"[\w+-]+(?:'[\w+-]+)*(?:{_WRITTEN_OUT_DOT}[\w+-]+(?:'[\w+-]+)*){{0,{_MAILBOX_DOTS}}}"
    rf"{_WRITTEN_OUT_AT}[\w-]+(?:{_WRITTEN_OUT_DOT}[\w-]+)*{_WRITTEN_OUT_DOT}[A-Za-z]{{2,}}"
    rf"{_EMAIL_END}(?!/\w)"
)
# What every address written out holds: the scan is skipped in a text without any. In a
# text with no `@` (fullwidth either), only the bracketed `at` or dot can be there: looked
# for alone, whose brackets the engine skips to (the `\s@` had it stop at every space of
# a page with a link's `t](`, a sixteenth of privacy.pii on the example's pages).
_BRACKETED_HINT = r"[\[({](?: ?(?i:at|dot) ?|[@.])[\])}]"
_WRITTEN_OUT_HINT = LazyPattern(rf"{_BRACKETED_HINT}|\uff20|\s@|@\s")
_WRITTEN_OUT_HINT_WITHOUT_AT = LazyPattern(_BRACKETED_HINT)
# The `@` and the dots of an address written out, as privacy.allow compares it
# (`privacy_text_keys`).
WRITTEN_OUT_AT_KEY = LazyPattern(rf"{_AT_WORD}|{WORD_SPACE}*[@\uff20]{WORD_SPACE}*")
WRITTEN_OUT_DOT_KEY = LazyPattern(_DOT_WORD)


# What ends a file name and no host: `logo@2x.png` and `flyer@print.pdf` are files, not
# e-mail addresses. Only endings that are no top-level domain: `x@host.md` may be one.
_FILE_EXTENSIONS = (
    frozenset(
        {"png", "jpg", "jpeg", "jpe", "gif", "webp", "avif", "svg", "svgz", "bmp", "ico"}
        | {"tif", "tiff", "heic", "heif", "psd", "eps", "sketch", "xcf", "pdf", "doc"}
        | {"docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "csv", "tsv", "ppt", "pptx"}
        | {"odp", "html", "htm", "xhtml", "css", "js", "mjs", "json", "xml", "yml", "yaml"}
        | {"toml", "markdown", "zip", "gz", "tgz", "rar", "tar", "webm", "mkv", "mov", "avi"}
        | {"wav", "ogg", "oga", "ogv", "flac", "woff", "ttf", "otf", "eot", "vcf", "ics"}
        | {"epub", "apk", "exe", "dmg", "msi", "iso", "bin", "dat", "log", "bak", "tmp"}
    )
    - TOP_LEVEL_DOMAINS
)


def is_file_name(address: str) -> bool:
    """Whether what reads as an e-mail address is a file name (`logo@2x.png`): it ends
    with a file's extension that is no top-level domain. Other endings are kept, listed or
    not (`.church`, `.online`): a top-level domain list never holds them all. One written
    out is read as written plainly (`logo [at] 2x [dot] png`)."""
    ending = WRITTEN_OUT_DOT_KEY.split(address)[-1].rpartition(".")[2]
    return ending.lower() in _FILE_EXTENSIONS


def file_name_stem_end(name: str) -> int:
    """Where the name `name` ends before a file's extension that is no top-level domain
    (`jane.doe@example.org.pdf`: before `.pdf`), or its length."""
    stem, dot, ending = name.rpartition(".")
    return len(stem) if dot and ending.lower() in _FILE_EXTENSIONS else len(name)


def find_email_addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of every e-mail address in `text` (its URLs blanked: `privacy_personal_data`),
    written plainly or written out, in that order; no file name (`is_file_name`)."""
    emails: list[tuple[int, int]] = []
    # A file name read first may hold the start of an address that the plain pattern,
    # going on after it, cannot find (`.@2x.png@2x.org`); the written-out one finds it.
    after_a_file_name = False
    if "@" in text:
        among_unspaced = not text.isascii() and _UNSPACED_LETTER.search(text)
        plain = _EMAIL_AMONG_UNSPACED if among_unspaced else EMAIL
        for found in plain.finditer(text):
            if is_file_name(found.group()):
                after_a_file_name = True
            else:
                emails.append(_without_leading_marks(found))
    if after_a_file_name or (_may_write_out_an_address(text) and _holds_a_hint(text)):
        written_plainly = Spans(emails)
        for found in _WRITTEN_OUT_EMAIL.finditer(text):
            start, end = found.span()
            if not written_plainly.overlaps(start, end) and not is_file_name(found.group()):
                emails.append(_without_leading_marks(found))
    return emails


def _without_leading_marks(found: re.Match[str]) -> tuple[int, int]:
    """(start, end) of the address `found`, without the `_` it starts with, before a
    letter or digit: Markdown's emphasis (`_jane@gmail.com_`), or so rare in a mailbox
    that the rest of it, reported, says enough; nor the hex digits of an escape before
    it, in a link (`mailto:a@x.org,%20b@y.org`, `?body=Hi%0Ab@y.org`: review rv54c, which
    found `20b@y.org` reported where `b@y.org` is public)."""
    start, end = found.span()
    written = found.group()
    if found.string[start - 1 : start] == "%" and _ESCAPE_DIGITS.match(written):
        start += 2
        written = written[2:]
    marks = _LEADING_MARKS.match(written)
    return start + (marks.end() if marks else 0), end


# The hex digits of an escape (`%20`) that an address's mailbox goes on from.
_ESCAPE_DIGITS = LazyPattern(r"[0-9A-Fa-f]{2}(?=[\w.+'-]*[^\W_])")


# The `_` an address starts with, before a letter or a digit.
_LEADING_MARKS = LazyPattern(r"_+(?=[^\W_])")


def _holds_a_hint(text: str) -> bool:
    """Whether `text` holds what every address written out holds (`_WRITTEN_OUT_HINT`)."""
    hint = _WRITTEN_OUT_HINT if "@" in text or "\uff20" in text else _WRITTEN_OUT_HINT_WITHOUT_AT
    return hint.search(text) is not None


def _may_write_out_an_address(text: str) -> bool:
    """Whether `text` may hold an e-mail address written out (`_WRITTEN_OUT_HINT`), by
    what `str` methods find at C speed (the ends of `@`, `[at]`, `(dot)`... in any case:
    `may_write_out_a_mark`): that pattern, which starts with no literal, is slow to search
    in a page that has none, as most have."""
    return may_write_out_a_mark(text)
