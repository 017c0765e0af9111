"""privacy.pii: what looks like personal data in published content.

E-mail addresses, phone numbers (US and international formats, with `+` or `00` before
the country code, or ten digits written together that North America can dial: not a
timestamp, 1714564800; or ten or eleven that start with a trunk `0` and then 1-9, a
national number as Europe writes it, 0201234567, but not one that reads as an identifier:
`ISBN 0306406152`, `order #...`, `order_id=...`) and street addresses in every page and
every term and protocol file, code and comments included: all of it is published with
the repository. Any Unicode space may separate a number's groups or an address's words,
or a line break inside a paragraph, a tab or a run of spaces (`soft_breaks`; not in a code
block or a plain text file, which show each line as a line, and a tab or spaces as a
column's gap); and what no reader sees (a soft hyphen, a zero width space) is read
through, as matching reads text.
A character reference is read as the character a reader is shown
(`jane&#64;gmail.com`, `555&nbsp;867&nbsp;5309`), in pages and in HTML, XML and SVG
files, and reported as written; a term's or protocol's double-quoted YAML string as its
value, its escapes decoded (`"jo\\x40gmail.com"`: `privacy_yaml_escapes`). In Markdown,
a backslash before punctuation, an HTML comment by a character not a space, an inline
element's tag and emphasis by a digit or an `@` are read through (`402\\-555\\-0124`,
`402-<span>555</span>-0128`, `**402**-555-0160`, `**jane**@example.org`; inside a group
of digits too, `402-555-01<ins>28</ins>`, and between two letters of an address,
`<b>jane</b>doe@example.org`: `privacy_markdown`), as converted Word documents write
them. `privacy.allow` lists public data (hotlines, office addresses); phone numbers are
compared as the world dials them (`phone_key`), however the entry and the text write
them, and a number is public written at home and abroad
(`0800 0121 700` and `+44 800 0121 700`: `privacy_allow`). A North American number is
whole at ten digits; another country's is read to its last group of digits, so that a
direct line dialled on is no public one, while a count ("365 days a year") or a number
of its own is no part of it. An extension written on (x12, x 12, ext. 12) is personal,
unless privacy.allow lists the number with it, and quoted with it. Emergency and relay
numbers (911, 711), SMS short codes (233733), years, dates, statute numbers (22 U.S.C.
7102) and digits in an identifier (`case_id_5551234567`) do not look like phone numbers
and are not reported.
An address at a documentation domain (example.org) is reported like any other: only
privacy.allow says what is public. An address written out against harvesters
(`jane [at] gmail [dot] com`, `jane.doe @ gmail.com`) is read as written plainly; in plain
words (`jane at gmail dot com`) it cannot be told from prose (`privacy_emails`).

Where privacy.countries lists countries, a number written in groups in one's national
format is read too (`020 7946 0958`, `01 23 45 67 89`), where Google's libphonenumber
says it is a valid number there (`national_phones`), with the exclusions above (an
identifier, an ISBN after its label, a number in a link's other parameters) and no
second finding for a number found otherwise; privacy.allow's numbers are then compared
as E.164 writes them too, so that each writing allows the other (`AllowList`).

A street address that names something else in prose is not reported where nothing
around it reads as an address (a unit, city or ZIP code after it; "at", "on", "to",
"near" or a label's colon before it): a court ("5 Drug Court programs"), a title
("Module 2 A Way Forward") or a numbered road after a count ("40 Route 66 motels"); and
a drive, place, way, circle or square after a year that the word before reads as a time
or an owner ("our 2024 Winter Coat Drive", "Since 1983 Safe Place"). So "the 1999 Oak
Drive motel" and "5 Justice Court" alone are missed. A name may have accents or an
apostrophe (10 Bolívar Street, 8 O'Brien Road), and the street type may come before it,
as Puerto Rico and the Southwest write it ("123 Calle Luna", "1200 Camino del Rio"), if
the name is capitalised ("the 2 Camino trails" is none); such a street after a year read
as one ("Since 2005 Camino Health Center"), or whose type is an English word too
("Option 1 Via Email"), is reported only with an address around it. Spain and Latin
America write the type and name first and the number after ("Calle Luna 123", "Av.
Insurgentes Sur 1602"): `privacy_name_first_streets`; as do Italian, Portuguese and
Catalan, read where privacy.countries lists a country that writes them so ("Via Roma 10",
"Rua Augusta, 1500"): `privacy_italian_portuguese_catalan_streets`. A file name with
an `@` (`logo@2x.png`) is no e-mail address. A link's or an image's path, which the site
publishes, is read for e-mail addresses and numbers written in groups, a segment at a
time (`files/jane.doe@example.org.pdf`, `photos/402-555-0123.jpg`: `privacy_link_paths`).
Of a URL's query, only what it gives whoever opens it is checked: the number of a
WhatsApp link (international, with or without its `+`; the app's
`whatsapp://send?phone=...` too, and Telegram's `tg://resolve?phone=...`), the e-mail
address and phone number of a form filled in beforehand. Messenger links reach a
person, with `https://` or without: a WhatsApp or Signal link's number
("wa.me/15558675309", "signal.me/#p/+15558675309"), a Telegram account ("t.me/jane_doe",
the app's "tg://resolve?domain=jane_doe") and a Signal username link; and so does an
invitation to a private group ("t.me/+...", "t.me/joinchat/...", "tg://join?invite=...",
"chat.whatsapp.com/...", "signal.group/#..."): whoever has one
joins, and sees who is there. A public channel or group is listed in privacy.allow, as
any link writes it. A link that another carries (a redirect's `?q=https%3A%2F%2Fwa.me%2F...`) is
read as a link of its own (`wrapped_links`). Not checked: a Google Form's `entry.N`
fields. Links are read in `privacy_links`.

Locations are read too (`privacy_locations`): coordinates precise enough to find a
building, and a map link's coordinates or the street address it leads to.

The names the site publishes in its addresses (a page's and a text file's path under
docs_dir, a term's and a protocol's id) are read too (`privacy_file_names`): a page saved
as `cases/mary-major-402-555-0142.md` publishes the number in every page's navigation.

The files of docs_dir that the site publishes as they are and that hold text
(`model.files`: a `.csv`, `.txt`, `.html`, `.vcf`...) are read too, each whole; of an
HTML, XML or SVG file only its text, as a browser shows it (`markup.shown_text`: a
number split across inline tags, `867-</span><span>5309`, is read joined). One that is no UTF-8 is
read with U+FFFD for each bad byte, and said to be, as information (at the level the
settings give the rule, if they do), as is one in UTF-16 without a byte order mark
(`model.files.utf16_without_bom`); one with binary data in it cannot be read, an error.

This module says what is read, and where (`check`). What is reported in a text is found
by `privacy_reported`, with `privacy_personal_data` (e-mail, phone and street passes:
`privacy_emails`, `privacy_phones`, `privacy_streets`) and `privacy_allow_list`.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import PurePosixPath

from ..config import HandbookConfig
from ..documents import ALONG_WITH_THE_SCAN
from ..findings import Finding, Severity
from ..forms import has_invisible
from ..lazy_pattern import LazyPattern
from ..markdown import LineIndex, code_block_spans
from ..markup import decoded_references, shown_text
from ..model.files import XML_DATA_SUFFIXES
from ..model.source import MARKDOWN_SUFFIXES
from ..model.types import Origin, RejectedRecord
from ..parallel import Along, in_two_processes
from ..source_map import UNCHANGED, ChainedMap, PositionMap, SourceMap, chained
from .base import CheckContext, rule_level
from .folded_lines import is_folded, unfolded
from .preformatted import preformatted_lines
from .privacy_allow_list import AllowList
from .privacy_file_names import name_message, personal_data_in_names
from .privacy_links import may_hold_a_messenger_link
from .privacy_locations import may_hold_a_map_link, may_hold_decimal_coordinates
from .privacy_markdown import also_found, markdown_readings, without_comments_by_text
from .privacy_reported import ReportedData, every_line, no_lines, reported_personal_data
from .privacy_settings import setting_texts
from .privacy_yaml_escapes import may_hold_escapes, yaml_escapes_decoded
from .soft_breaks import may_write_out_a_mark, reads_lines_on

RULE = "privacy.pii"


def check(context: CheckContext) -> Iterator[Finding]:
    config = context.config
    allowed = _allowed(context)
    handbook = context.handbook
    origins = _origins(context)
    # Each page is read alone, the term and protocol files joined (`_reported_in_files`):
    # in two processes where that pays (`parallel`), a third of a cold `handbook check` of
    # a large handbook; in the scan's child, where the scan forks (`read_along`). The
    # findings are made here, in order.
    read: ReadAlong = context.shared(READ_ALONG, ReadAlong)
    read.checked = True  # a scan made after this carries no reading of them (`read_along`)
    missing = [origin for origin in origins if not read.has(origin)]
    fresh = iter(in_two_processes(partial(_reported_in_files, allowed), missing, _cost))
    reported = [
        read.found[id(origin)][1] if read.has(origin) else next(fresh) for origin in origins
    ]
    for origin, found in zip(origins, reported, strict=True):
        yield from _check_text(context, origin.path, origin.text, found)
    # mkdocs.yml's copyright, nav, social links...: shown on every page (`privacy_settings`).
    for setting in setting_texts(config.shown_texts):
        found = reported_personal_data(
            setting.path, setting.source, setting.text, setting.to_source, allowed
        )
        yield from _check_text(context, setting.path, setting.source, found)
    # Files pymdownx.snippets includes in code blocks: shown as written, as text files are.
    for text_file in (*handbook.text_files, *handbook.included_code):
        if text_file.problem is not None:  # not read at all
            line, column, message = text_file.problem
            yield context.finding(RULE, text_file.path, line, column, message)
        if text_file.note is not None:
            # Information: what it holds was read, all but the bytes that are no UTF-8, and
            # the site publishes it all the same (a Windows-1252 export is common).
            line, column, message = text_file.note
            note = context.finding(RULE, text_file.path, line, column, message)
            yield note.with_severity(Severity.INFO)
        source = text = text_file.origin.text
        to_source: PositionMap = SourceMap()
        lines_of = every_line  # shown as written, line by line
        if text_file.markup:  # its text, not its tags, styles and scripts, as shown
            found = _reported_in_markup(text_file.path, source, source, UNCHANGED, allowed)
            # A comment inside an address or a number is shown as nothing: read again
            # without those by a character not a space (task priv9).
            joined, cut = (
                without_comments_by_text(source) if "<!--" in source else (source, UNCHANGED)
            )
            if cut is not UNCHANGED:
                more = _reported_in_markup(text_file.path, source, joined, cut, allowed)
                found = also_found(found, more)
            yield from _check_text(context, text_file.path, source, found)
            continue
        if text_file.path.lower().endswith(_CALENDAR_SUFFIXES):
            text = _without_calendar_identifiers(text)
        if is_folded(text_file.path):  # a long line folded onto the next, read whole
            text, to_source = unfolded(text)
        found = reported_personal_data(text_file.path, source, text, to_source, allowed, lines_of)
        yield from _check_text(context, text_file.path, source, found)
    # The names the site publishes in its addresses, its sitemap and its search index.
    published = list(_published_names(context))
    names = personal_data_in_names([name for _, name in published], allowed)
    for (path, _), found in zip(published, names, strict=True):
        for what in found:
            yield context.finding(RULE, path, 1, 1, name_message(what))


READ_ALONG = "privacy.pii read along"


@dataclass
class ReadAlong:
    """What the scan's child read for privacy.pii (`read_along`), one for the contexts of
    a run: by `id` of each origin, the origin (kept, so that no other takes its `id`) and
    what is reported in it; and whether privacy.pii has run (`checked`). Its files are read
    along with one scan at most, and with none made after the rule has run (review,
    session 57: where the rules that scan before it were off, the scan made after it read
    every file again in its child)."""

    found: dict[int, tuple[Origin, list[ReportedData]]] = field(default_factory=dict)
    checked: bool = False

    def has(self, origin: Origin) -> bool:
        """Whether the scan's child read `origin`."""
        taken = self.found.get(id(origin))
        return taken is not None and taken[0] is origin


def read_along(context: CheckContext) -> Along[Origin, list[ReportedData]] | None:
    """privacy.pii's reading of its files (`_origins`), to share the scan's fork
    (`documents.ALONG_WITH_THE_SCAN`): one fork fewer than reading them in a fork of their
    own, about 50 ms of CPU at 1000 pages. None when the rule is off."""
    if rule_level(context.config.rules, RULE) == "off":
        return None
    read: ReadAlong = context.shared(READ_ALONG, ReadAlong)
    if read.checked or read.found:
        return None  # read already, or by the rule itself: nothing is read twice
    origins = _origins(context)
    if not origins:
        return None

    def done(reported: list[list[ReportedData]]) -> None:
        read.found.update(
            (id(origin), (origin, found)) for origin, found in zip(origins, reported, strict=True)
        )

    return Along(partial(_reported_in_files, _allowed(context)), origins, _cost, done)


ALONG_WITH_THE_SCAN.append(read_along)


def _allowed(context: CheckContext) -> AllowList:
    """privacy.allow's entries, as they are compared (built once a run)."""
    config = context.config
    return context.shared(
        "privacy.pii allowed", lambda: AllowList.of(config.privacy_allow, config.privacy_countries)
    )


def _origins(context: CheckContext) -> list[Origin]:
    """The files whose text privacy.pii reads with `_reported_in_files`: the pages, term
    and protocol files."""
    handbook = context.handbook
    origins = [page.origin for page in handbook.checked_pages]
    origins += [term.origin for term in handbook.terms.values()]
    origins += [protocol.origin for protocol in handbook.protocols.values()]
    # Term and protocol files with problems: published once fixed (a module's is a page,
    # but for one that is no UTF-8, whose page is empty: `_read_apart`).
    origins += [record.origin for record in handbook.rejected_records if _read_apart(record)]
    return origins


def _read_apart(record: RejectedRecord) -> bool:
    """Whether privacy.pii reads the text of `record`, a file with problems, on its own:
    a term or protocol file; a module's text is its page's, but for one that is no UTF-8
    (`model.records.unread_record`: no headings), whose page is empty so that no other
    rule reads what its bytes spell."""
    return record.kind != "module" or record.headings is None


def _published_names(context: CheckContext) -> Iterator[tuple[str, str]]:
    """(path, name) of each file whose name the site publishes: a page's and any other
    published file's path under docs_dir (a PDF's, an image's too, its content unread), a
    term's and a protocol's id (`glossary/<id>/`)."""
    handbook = context.handbook
    for page in handbook.checked_pages:
        yield page.path, page.src_uri
    for text_file in handbook.text_files:
        yield text_file.path, _under_docs(context.config, text_file.path)
    for path in handbook.other_files:  # a PDF, an image: its name, never its bytes
        yield path, _under_docs(context.config, path)
    records = (*handbook.terms.values(), *handbook.protocols.values())
    for record in records:
        yield record.origin.path, record.id
    for rejected in handbook.rejected_records:
        if rejected.kind != "module":  # a module is a page, its name read there
            # Its file's name: the id, which may hold dots (not a slug), and its `.yml`.
            yield rejected.origin.path, PurePosixPath(rejected.origin.path).name


def _under_docs(config: HandbookConfig, path: str) -> str:
    """`path`, relative to mkdocs.yml, as relative to docs_dir: as the site names it."""
    try:
        return (config.root / path).relative_to(config.docs_dir).as_posix()
    except ValueError:  # docs_dir elsewhere: its whole path is read, more than published
        return path


_CALENDAR_SUFFIXES = (".ics", ".ical")
# An iCalendar property that names an event or a calendar, not a mailbox (UID, RELATED-TO,
# X-WR-RELCALID), with its parameters, then its value to the line's end and the lines
# folded onto it (each starts with a space or a tab).
_CALENDAR_IDENTIFIER = LazyPattern(
    r"^(?:UID|RELATED-TO|X-[A-Z0-9-]*ID)(?:;[^:\r\n]*)?:"
    r"(?P<value>[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)",
    re.IGNORECASE | re.MULTILINE,
)


def _without_calendar_identifiers(text: str) -> str:
    """`text`, an iCalendar file, with the values of its identifier properties written
    over with spaces (lines and columns kept): Google Calendar gives each event a UID
    `...@google.com`, which read as a personal e-mail address (review), and cannot be
    removed without breaking the calendar's updates. ORGANIZER and ATTENDEE are read."""

    def blanked(found: re.Match[str]) -> str:
        start = found.start("value") - found.start()
        value = re.sub(r"[^\r\n]", " ", found.group("value"))
        return found.group()[:start] + value

    return _CALENDAR_IDENTIFIER.sub(blanked, text)


def _reported_in_markup(
    path: str, source: str, markup: str, to_source: PositionMap, allowed: AllowList
) -> list[ReportedData]:
    """What privacy.pii reports in `markup`, an HTML, XML or SVG file's text read from
    `source` at `path` (`to_source` says where each place of it is there): its text, not
    its tags, styles and scripts, as shown."""
    text, shown = shown_text(markup, every_attribute=not _presentational(path))
    text, decoded = decoded_references(text)
    to_source = chained(to_source, ChainedMap(outer=shown, inner=decoded))
    # A browser shows a line break as a space, but in a `<pre>`.
    lines_of = preformatted_lines(path, source, text, to_source)
    return list(reported_personal_data(path, source, text, to_source, allowed, lines_of))


def _presentational(path: str) -> bool:
    """Whether a markup file is HTML or SVG, whose attributes are mostly layout (sizes,
    colours, paths), not XML data, whose attributes are data."""
    return not path.lower().endswith(XML_DATA_SUFFIXES)


def _reported_in_files(allowed: AllowList, origins: Sequence[Origin]) -> list[list[ReportedData]]:
    """What privacy.pii reports in each page, term or protocol file of `origins`: the term
    and protocol files read as written (`_joinable`) in one pass over them joined
    (`_reported_joined`), those in ASCII apart from the others, each with those that turn
    on the same slow scans (`_alike`); each other file alone."""
    reported: list[list[ReportedData]] = []
    joinable: dict[bool, list[int]] = {True: [], False: []}  # by `str.isascii`
    for origin in origins:
        if _joinable(origin):
            joinable[origin.text.isascii()].append(len(reported))
            reported.append([])
        else:
            reported.append(_reported_in_file(origin, allowed))
    for indexes in (group for kind in joinable.values() for group in _alike(origins, kind)):
        joined = _reported_joined([origins[index].text for index in indexes], allowed)
        if joined is None:  # something found across two files: none is, each read alone
            joined = [_reported_in_file(origins[index], allowed) for index in indexes]
        for index, found in zip(indexes, joined, strict=True):
            reported[index] = found
    return reported


# What turns on a slow scan of the whole text read: an `@`, a `[at]` or a `(dot)`, for
# an address written out or a file name (`may_write_out_a_mark`); a decimal of four
# places, for coordinates; a map's host; a messenger's.
_SLOW_SCANS = (
    may_write_out_a_mark,
    may_hold_decimal_coordinates,
    may_hold_a_map_link,
    may_hold_a_messenger_link,
)


def _alike(origins: Sequence[Origin], indexes: list[int]) -> list[list[int]]:
    """`indexes` of `origins` in groups, none empty, of the files that turn on the same
    `_SLOW_SCANS`: joined with files that turn none on, one that turns one on makes them
    all pay for it (one `jane [at] gmail [dot] com` among the bench's 2,000 term files
    made their joined read 2.3 times as slow as reading each alone: review rv48c). Each
    file is asked only where all of them together turn one on, as few do."""
    texts = [origins[index].text for index in indexes]
    together = "\n".join(texts)
    turned_on = [scan for scan in _SLOW_SCANS if scan(together)]
    if not turned_on:
        return [indexes] if indexes else []
    groups: dict[tuple[bool, ...], list[int]] = {}
    for index, text in zip(indexes, texts, strict=True):
        groups.setdefault(tuple(scan(text) for scan in turned_on), []).append(index)
    return list(groups.values())


# What stands between two files read joined (`_reported_joined`): a run of NUL characters,
# which no YAML file holds (`_joinable`) and no pattern of privacy.pii reads as a word, a
# digit, a space or a mark, longer than any reach across them (a coordinate's `lat` reads
# up to 40 characters on to its `lon`: with 8 NULs, `lat: 41.2565` and the next file's
# `lon: -95.9345` were one place; the windows before a place, `BEFORE_WINDOW`, 24); then a
# line break, so that each file's first line starts a line. Each file ends with a line
# break (`_joinable`), a soft one before the NULs as at the end of a text.
_BETWEEN_FILES = "\x00" * 64 + "\n"


def _joinable(origin: Origin) -> bool:
    """Whether privacy.pii may read `origin` joined with others (`_reported_joined`): a
    term or protocol file (YAML, in paragraphs: `no_lines`) read as written (no
    character reference, no Markdown to read through: `markdown_readings`), with no
    invisible character (which `find_personal_data` reads through), no NUL (which YAML
    refuses), no CR and no quote's `>` at a line's start (which make `soft_breaks` read
    every number's next lines: `reads_lines_on`), that starts with a letter or a `#` (a
    key, a comment) and ends with a line break after a line's last character, no space.
    At its start and end, such a file reads as it does alone: nothing before it but a
    line break, nothing a pattern reads after its own."""
    text = origin.text
    if origin.path.lower().endswith(MARKDOWN_SUFFIXES) or has_invisible(text):
        return False
    if not (text[:1] in _FIRST and text.endswith("\n") and not text[-2:-1].isspace()):
        return False
    if "\x00" in text or "\r" in text or reads_lines_on(text) or may_hold_escapes(text):
        return False
    [(read, to_source), *more] = markdown_readings(text)
    return not more and to_source is UNCHANGED and decoded_references(read)[1] is UNCHANGED


# What a joinable file starts with: a key's first letter, or a comment's `#` (`handbook new`
# writes `# yaml-language-server: $schema=...` first): no gap, no mark of a lead-in.
_FIRST = frozenset(string.ascii_letters + "#")


def _reported_joined(texts: Sequence[str], allowed: AllowList) -> list[list[ReportedData]] | None:
    """What privacy.pii reports in each of `texts` (`_joinable` files), read in one pass
    over them joined (`_BETWEEN_FILES`): some 30 passes over each small term file were
    half of what reading it cost. Each finding is placed in its own file; None if one
    were found across two (none is: `_BETWEEN_FILES`), for each to be read alone."""
    if not texts:
        return []
    joined = _BETWEEN_FILES.join(texts)
    starts: list[int] = []
    position = 0
    for text in texts:
        starts.append(position)
        position += len(text) + len(_BETWEEN_FILES)
    reported: list[list[ReportedData]] = [[] for _ in texts]
    for found in reported_personal_data("", joined, joined, UNCHANGED, allowed):
        index = bisect_right(starts, found.start) - 1
        start = starts[index]
        if max(found.end, found.shown_end) > start + len(texts[index]):
            return None
        reported[index].append(
            replace(
                found,
                start=found.start - start,
                end=found.end - start,
                shown_end=found.shown_end - start,
            )
        )
    return reported


def _reported_in_file(origin: Origin, allowed: AllowList) -> list[ReportedData]:
    found: list[ReportedData] = []
    text, unescaped = origin.text, UNCHANGED
    if not origin.path.lower().endswith(MARKDOWN_SUFFIXES):  # YAML: its values published
        text, unescaped = yaml_escapes_decoded(text)
    for read, to_source in markdown_readings(text):  # one, or kept apart and joined
        # Read as shown: Python-Markdown and browsers decode character references.
        read, decoded = decoded_references(read)
        to_source = chained(chained(unescaped, to_source), decoded)
        lines_of = no_lines  # YAML: a block scalar's lines are a paragraph's
        if origin.path.lower().endswith(MARKDOWN_SUFFIXES):  # a page: its code blocks' lines
            lines_of = partial(code_block_spans, body_line=origin.body_line)
        reported = reported_personal_data(
            origin.path, origin.text, read, to_source, allowed, lines_of
        )
        found = also_found(found, reported)
    return found


def _cost(origin: Origin) -> float:
    """About how long reading `origin` takes, in microseconds (`in_two_processes`): a
    term file's few hundred characters cost more than a page's thousands would, read at
    one rate (each finder's set-up, the maps back to the file): by length alone, the
    child, which reads the terms, was given half as much again as this process. Since
    term files are read joined (`_reported_joined`), each costs a seventh of a bench
    page (4,100 characters), not a third: the child was given too little (2,000 terms:
    0.11 s to this process's 0.20 s), and the two processes' time is the longer one's."""
    return _MICROSECONDS_A_FILE + len(origin.text) / _CHARACTERS_PER_MICROSECOND


# Reading a file for personal data: about 8 microseconds, and 42 characters a microsecond
# (in proportion: a bench page 224 us, a term file read joined 33 us, on a busy machine).
_MICROSECONDS_A_FILE = 8
_CHARACTERS_PER_MICROSECOND = 42


def _check_text(
    context: CheckContext, path: str, source: str, reported: Iterable[ReportedData]
) -> Iterator[Finding]:
    """The findings of what privacy.pii reports (`reported_personal_data`) in a text read
    from the file `source` at `path`: each names its line and column in `source`, and
    quotes it as `source` writes it."""
    lines: LineIndex | None = None
    for found in reported:
        lines = lines or LineIndex.of(source)
        line, column = lines.position(found.start)
        written = source[found.start : found.end]
        yield context.finding(RULE, path, line, column, found.message, found=written)
