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
files, and reported as written. `privacy.allow` lists the public ones (hotlines, office
addresses); phone numbers are compared as the world dials them (`phone_key`), however
the entry and the text write them, and a number is public written at home and abroad
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
("Option 1 Via Email"), is reported only with an address around it. A file name with
an `@` (`logo@2x.png`) is no e-mail address. Of a URL, only what it gives whoever opens it is
checked: the number of a WhatsApp link (international, with or without its `+`; the
app's `whatsapp://send?phone=...` too, and Telegram's `tg://resolve?phone=...`), the
e-mail address and phone number of a form filled in beforehand. Messenger links reach
a person, with `https://` or without: a WhatsApp or Signal link's number
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

The files of docs_dir that the site publishes as they are and that hold text
(`model.files`: a `.csv`, `.txt`, `.html`, `.vcf`...) are read too, each whole; of an
HTML, XML or SVG file only its text, as a browser shows it (`markup.shown_text`: a
number split across inline tags, `867-</span><span>5309`, is read joined). One that is no UTF-8 is
read with U+FFFD for each bad byte, and said to be, as information (at the level the
settings give the rule, if they do), as is one in UTF-16 without a byte order mark
(`model.files.utf16_without_bom`); one with binary data in it cannot be read, an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from ..findings import Finding, Severity, as_quoted
from ..markdown import LineIndex, code_block_spans
from ..markup import decoded_references, shown_text
from ..model.files import XML_DATA_SUFFIXES
from ..model.source import MARKDOWN_SUFFIXES
from ..source_map import ChainedMap, PositionMap, SourceMap
from ..wrapped_links import unwrapped_links
from .base import CheckContext
from .folded_lines import is_folded, unfolded
from .preformatted import preformatted_lines
from .privacy_allow import (
    EXTENSION,
    public_start,
    whole_number_end,
)
from .privacy_allow_list import AllowList
from .privacy_links import (
    GROUP_INVITATION,
    find_messenger_links,
    find_personal_data_in_urls,
    url_spans,
)
from .privacy_locations import LOCATION, find_locations, location_message
from .privacy_masks import masked, masked_digits
from .privacy_personal_data import find_personal_data, street_spans
from .privacy_settings import setting_texts
from .privacy_streets import COUNT_STARTS_A_LINE
from .privacy_text_keys import link_key, text_key
from .soft_breaks import soft_breaks_joined

RULE = "privacy.pii"


def check(context: CheckContext) -> Iterator[Finding]:
    config = context.config
    allowed = AllowList.of(config.privacy_allow, config.privacy_countries)
    handbook = context.handbook
    origins = [page.origin for page in handbook.checked_pages]
    origins += [term.origin for term in handbook.terms.values()]
    origins += [protocol.origin for protocol in handbook.protocols.values()]
    # Term and protocol files with problems: published once fixed (a module's is a page).
    origins += [record.origin for record in handbook.rejected_records if record.kind != "module"]
    for origin in origins:
        # Read as shown: Python-Markdown and browsers decode character references.
        read, to_source = decoded_references(origin.text)
        lines_of = _no_lines  # YAML: a block scalar's lines are a paragraph's
        if origin.path.lower().endswith(MARKDOWN_SUFFIXES):  # a page: its code blocks' are lines
            lines_of = partial(code_block_spans, body_line=origin.body_line)
        yield from _check_text(
            context, origin.path, origin.text, read, to_source, allowed, lines_of
        )
    # mkdocs.yml's copyright, nav, social links...: shown on every page (`privacy_settings`).
    for setting in setting_texts(config.shown_texts):
        yield from _check_text(
            context, setting.path, setting.source, setting.text, setting.to_source, allowed
        )
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
        lines_of = _every_line  # shown as written, line by line
        if text_file.markup:  # its text, not its tags, styles and scripts, as shown
            text, shown = shown_text(text, every_attribute=not _presentational(text_file.path))
            text, decoded = decoded_references(text)
            to_source = ChainedMap(outer=shown, inner=decoded)
            # A browser shows a line break as a space, but in a `<pre>`.
            lines_of = preformatted_lines(text_file.path, source, text, to_source)
        elif text_file.path.lower().endswith(_CALENDAR_SUFFIXES):
            text = _without_calendar_identifiers(text)
        if is_folded(text_file.path):  # a long line folded onto the next, read whole
            text, to_source = unfolded(text)
        yield from _check_text(context, text_file.path, source, text, to_source, allowed, lines_of)


_CALENDAR_SUFFIXES = (".ics", ".ical")
# An iCalendar property that names an event or a calendar, not a mailbox (UID, RELATED-TO,
# X-WR-RELCALID), with its parameters, then its value to the line's end and the lines
# folded onto it (each starts with a space or a tab).
_CALENDAR_IDENTIFIER = re.compile(
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


def _presentational(path: str) -> bool:
    """Whether a markup file is HTML or SVG, whose attributes are mostly layout (sizes,
    colours, paths), not XML data, whose attributes are data."""
    return not path.lower().endswith(XML_DATA_SUFFIXES)


# Where a text shows each line as a line (start, end), as a code block or a text file
# does: given the text read (`soft_breaks`).
LinesOf = Callable[[str], list[tuple[int, int]]]


def _no_lines(text: str) -> list[tuple[int, int]]:
    """Where a text read in paragraphs (YAML, a web page's text) shows each line as a line:
    nowhere."""
    return []


def _every_line(text: str) -> list[tuple[int, int]]:
    """Where a plain text file (`.txt`, `.csv`, `.vcf`...) shows each line as a line:
    everywhere, as a browser shows it (Excel's "Text (Tab delimited)" is a `.txt` too)."""
    return [(0, len(text))]


def _check_text(
    context: CheckContext,
    path: str,
    source: str,
    text: str,
    to_source: PositionMap,
    allowed: AllowList,
    lines_of: LinesOf = _no_lines,
) -> Iterator[Finding]:
    """The findings in `text`, what is read of the file `source` (`to_source` says where
    each place of it is there): each names its line and column in `source`, and quotes
    it as `source` writes it. `lines_of` says where `text` shows each line as a line (a
    code block's): a paragraph wrapped over lines is read whole elsewhere (`soft_breaks`)."""
    lines: LineIndex | None = None
    for reported in reported_personal_data(path, source, text, to_source, allowed, lines_of):
        lines = lines or LineIndex.of(source)
        line, column = lines.position(reported.start)
        found = source[reported.start : reported.end]
        yield context.finding(RULE, path, line, column, reported.message, found=found)


@dataclass(frozen=True)
class ReportedData:
    """Personal data that privacy.pii reports, placed in the source it was read from."""

    start: int
    end: int
    """What a finding's `found` holds: `source[start:end]`."""
    message: str
    shown_end: int
    """Where what the message quotes ends: `end`, or past the direct line or extension
    dialled after a public number."""
    shown: str
    """What the message quotes of `source[start:shown_end]`: masked."""


def reported_personal_data(
    path: str,
    source: str,
    text: str,
    to_source: PositionMap,
    allowed: AllowList,
    lines_of: LinesOf = _no_lines,
) -> Iterator[ReportedData]:
    """The personal data privacy.pii reports in `text`, what is read of the file `source`
    at `path` (`to_source` says where each place of it is there, `lines_of` where it shows
    each line as a line), privacy.allow's public entries left out."""
    if lines_of is _every_line:  # no pass to find where: read line by line at once
        yield from _reported_in(path, source, text, to_source, allowed, lines_of)
        return
    found = list(_reported_in(path, source, text, to_source, allowed, _no_lines))
    if lines_of is not _no_lines and (
        any(_across_a_gap(source, data) for data in found) or COUNT_STARTS_A_LINE.search(text)
    ):
        # Read first as if every line break were a paragraph's, since finding where a
        # page's code blocks are takes a second pass over its lines (it doubled the cold
        # scan); again with them only where something was found across a line break, a
        # tab or a run of spaces, which in code or a text file part lines or columns, or
        # where a line starts with a count's noun, which may have let an address on the
        # line before go as a count ("12 Oak Street" / "locations 2": review rv6).
        found = list(_reported_in(path, source, text, to_source, allowed, lines_of))
    yield from found


def _across_a_gap(source: str, data: ReportedData) -> bool:
    """Whether what `data` quotes of `source` holds a line break, a tab or a run of
    spaces, which `soft_breaks` may have read as one space."""
    written = source[data.start : data.shown_end]
    return "\n" in written or "\t" in written or "  " in written


def _reported_in(
    path: str,
    source: str,
    text: str,
    to_source: PositionMap,
    allowed: AllowList,
    lines_of: LinesOf,
) -> Iterator[ReportedData]:
    """`reported_personal_data`, with `lines_of` read."""
    # A redirect's link read as a link of its own: it is given to whoever opens it.
    text, unwrapped = unwrapped_links(text)
    to_source = ChainedMap(outer=to_source, inner=unwrapped)
    text, joined = soft_breaks_joined(text, lines_of(text))
    to_source = ChainedMap(outer=to_source, inner=joined)

    def placed(start: int, end: int) -> tuple[int, int]:
        return to_source.start(start), to_source.end(end)

    def reported(start: int, end: int, kind: str, message: Callable[[str], str]) -> ReportedData:
        """`text[start:end]`, of `kind`, placed in `source`; `message`, what its
        finding says, given it masked."""
        start, end = placed(start, end)
        shown = masked(kind, source[start:end])
        return ReportedData(start, end, message(as_quoted(shown)), end, shown)

    urls = url_spans(text)  # found once for both scans
    # Lowered once for the hints that the link and map link scans look for first.
    lowered = text.lower()
    for kind, start, end in find_personal_data(text, urls, allowed.countries):
        if kind == "phone number":
            # Compared as dialled only (and as E.164 writes it, where countries are
            # listed): a number is public however it is written.
            if allowed.lists_number_in(text, start, end):
                continue
            public = public_start(text, start, end, allowed.phones)
            if public is not None:
                # The public number as written, and what is dialled after it masked; an
                # extension is found with it, as written.
                whole_end = whole_number_end(text, start, end)
                whole = public + masked_digits(text[start + len(public) : whole_end])
                found_end = whole_end if EXTENSION.search(text, end, whole_end) else end
                source_start, source_end = placed(start, found_end)
                shown_end = placed(start, whole_end)[1]
                message = _direct_line_message(as_quoted(public), as_quoted(whole))
                yield ReportedData(source_start, source_end, message, shown_end, whole)
                continue
        elif text_key(text[start:end]) in allowed.texts:
            continue
        yield reported(start, end, kind, partial(_personal_data_message, kind))
    for kind, start, end, written in find_personal_data_in_urls(text, urls, lowered):
        if kind == "phone number" and allowed.lists_number(written):
            continue
        if kind == "e-mail address" and text_key(written) in allowed.texts:
            continue
        yield reported(start, end, kind, partial(_personal_data_message, kind, in_link=True))
    # Coordinates and map links (`privacy_locations`).
    for location in find_locations(text, urls, street_spans, lowered):
        if location.kind == LOCATION:
            if location.point is not None and allowed.locations.lists(location.point):
                continue
        elif all(text_key(street) in allowed.texts for street in location.streets):
            continue
        message = partial(location_message, location)
        yield reported(location.start, location.end, location.kind, message)
    for kind, start, end, written in find_messenger_links(text):
        if kind == "phone number":
            if allowed.lists_number(written):
                continue
        elif link_key(written) in allowed.texts:
            continue
        yield reported(start, end, kind, partial(_messenger_message, kind))


def _personal_data_message(kind: str, found: str, in_link: bool = False) -> str:
    """What a finding says of personal data of `kind` (`found`, masked)."""
    where = " in a link" if in_link else ""
    return (
        f"'{found}'{where} looks like a personal {kind}; remove it, or list it under "
        "privacy.allow if it is public"
    )


def _direct_line_message(public: str, whole: str) -> str:
    """What a finding says of a direct line or extension dialled after the public number
    `public` (`whole`, the two, what is dialled after it masked)."""
    # What to list is named, not quoted: the quote is masked (review rv4).
    return (
        f"'{whole}' looks like a personal phone number: what is written right after "
        f"'{public}', which privacy.allow lists, reads as its direct line or extension; "
        "remove that, or list the number with it, as written at this line and column, "
        "under privacy.allow if it is public"
    )


def _messenger_message(kind: str, found: str) -> str:
    """What a finding says of a messenger link (`find_messenger_links`)."""
    if kind == GROUP_INVITATION:
        return (
            f"'{found}' looks like an invitation to a private group or channel: whoever "
            "opens it can join, and see its members and what they write; remove it, or "
            "list it under privacy.allow if the group is public"
        )
    what = (
        f"a link to a personal {kind}"
        if kind != "phone number"
        else "a personal phone number in a messenger link"
    )
    return (
        f"'{found}' looks like {what}; remove it, or list it under privacy.allow if "
        "it is public (a coalition's own channel)"
    )
