"""What privacy.pii reports in a text (`privacy_pii`): the personal data found in it
(`find_personal_data`, `find_personal_data_in_urls`, `find_personal_data_in_paths`,
`find_locations`, `find_messenger_links`) that privacy.allow does not list (`AllowList`),
placed in the source it was read from, masked, with what its finding says
(`reported_personal_data`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from urllib.parse import unquote, unquote_plus

from ..findings import as_quoted
from ..markdown.top_level_domains import is_top_level_domain
from ..source_map import PositionMap, chained
from ..wrapped_links import unwrapped_links
from .privacy_allow import EXTENSION, Spans, public_start, whole_number_end
from .privacy_allow_list import AllowList
from .privacy_link_paths import find_personal_data_in_paths
from .privacy_links import (
    GROUP_INVITATION,
    find_escaped_addresses,
    find_messenger_links,
    find_personal_data_in_urls,
    scheme_link_spans,
    start_after_a_plus_for_a_space,
    url_spans,
)
from .privacy_locations import LOCATION, find_locations, location_message
from .privacy_masks import masked, masked_digits
from .privacy_personal_data import (
    find_personal_data,
    numbers_with_letter_o,
    street_spans,
    with_ascii_forms,
)
from .privacy_streets import COUNT_STARTS_A_LINE
from .privacy_text_keys import link_key, text_key
from .soft_breaks import soft_breaks_joined

# Where a text shows each line as a line (start, end), as a code block or a text file
# does: given the text read (`soft_breaks`).
LinesOf = Callable[[str], list[tuple[int, int]]]


def no_lines(text: str) -> list[tuple[int, int]]:
    """Where a text read in paragraphs (YAML, a web page's text) shows each line as a line:
    nowhere."""
    return []


def every_line(text: str) -> list[tuple[int, int]]:
    """Where a plain text file (`.txt`, `.csv`, `.vcf`...) shows each line as a line:
    everywhere, as a browser shows it (Excel's "Text (Tab delimited)" is a `.txt` too)."""
    return [(0, len(text))]


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
    lines_of: LinesOf = no_lines,
) -> Iterator[ReportedData]:
    """The personal data privacy.pii reports in `text`, what is read of the file `source`
    at `path` (`to_source` says where each place of it is there, `lines_of` where it shows
    each line as a line), privacy.allow's public entries left out."""
    if lines_of is every_line:  # no pass to find where: read line by line at once
        yield from _reported_in(path, source, text, to_source, allowed, lines_of)
        return
    found = list(_reported_in(path, source, text, to_source, allowed, no_lines))
    if lines_of is not no_lines and (
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
    to_source = chained(to_source, unwrapped)
    text, joined = soft_breaks_joined(text, lines_of(text))
    to_source = chained(to_source, joined)
    # Compared with the allow list as ASCII (digits, fullwidth forms); quoted from
    # `source` as written.
    text = with_ascii_forms(text)

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
    found: list[tuple[int, int]] = []  # what the text and the URLs' queries hold
    # Numbers written with a letter O for a zero (`4O2-555-O148`), each whole: what the
    # text's own reading finds of one (`555-0147` of `(4O2) 555-0147`) is no finding.
    with_o = numbers_with_letter_o(text, urls, allowed.countries)
    zeroed = Spans([(start, end) for start, end, _ in with_o]) if with_o else None
    for kind, start, end in find_personal_data(text, urls, allowed.countries):
        found.append((start, end))
        if zeroed is not None and kind == "phone number" and zeroed.overlaps(start, end):
            continue
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
        elif kind == "e-mail address" and "+" in text[start:end]:
            # In a link's body, a `+` may stand for a space (`body=write+jo@x.org`); an
            # address privacy.allow lists with a `+` of its own (`team+intake@x.org`) is
            # public so written, read from after any `+` before it (review rv56b).
            after_plus = start_after_a_plus_for_a_space(text, start, end)
            if after_plus != start and _lists_one_after_a_plus(
                text, start, after_plus, end, allowed
            ):
                continue
            start = after_plus
        if kind != "phone number" and (
            allowed.lists_address_at(text, start, end)
            or _public_apart(source, text, start, end, to_source, allowed)
        ):
            continue
        yield reported(start, end, kind, partial(_personal_data_message, kind))
    for start, end, dialled in with_o:
        found.append((start, end))
        if not allowed.lists_number(dialled):
            yield reported(
                start, end, "phone number", partial(_personal_data_message, "phone number")
            )
    in_urls = list(find_personal_data_in_urls(text, urls, lowered))
    found += ((start, end) for _, start, end, _ in in_urls)
    in_paths = list(find_personal_data_in_paths(text, urls))
    if in_paths:  # what a link's path holds, no datum found in its text or query again
        found_before = Spans(found)
        in_urls += (data for data in in_paths if not found_before.overlaps(data[1], data[2]))
    # An address whose `@` is escaped in prose, or twice in a link: once (session 55).
    # One found in prose is said to be there, not in a link (task priv7).
    escaped = list(find_escaped_addresses(text))
    in_prose: set[int] = set()  # where each found in prose starts
    if escaped:
        found_before = Spans(found + [(start, end) for _, start, end, _ in in_urls])
        links = Spans(urls + scheme_link_spans(text))
        for data in escaped:
            if not found_before.overlaps(data[1], data[2]):
                in_urls.append(data)
                if not links.overlaps(data[1], data[2]):
                    in_prose.add(data[1])
    for kind, start, end, written in in_urls:
        if kind == "phone number" and allowed.lists_number(written):
            continue
        if kind == "e-mail address" and (
            text_key(written) in allowed.texts
            or _listed_with_a_plus_before(text, start, end, allowed)
        ):
            continue
        in_link = start not in in_prose
        message = partial(_personal_data_message, kind, in_link=in_link)
        yield reported(start, end, kind, message)
    # Coordinates and map links (`privacy_locations`).
    streets = partial(street_spans, countries=allowed.countries)
    for location in find_locations(text, urls, streets, lowered):
        if location.kind == LOCATION:
            if location.point is not None and allowed.locations.lists(location.point):
                continue
        elif allowed.lists_streets_in(
            unquote_plus(text[location.start : location.end]), location.streets
        ):
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


def _public_apart(
    source: str, text: str, start: int, end: int, to_source: PositionMap, allowed: AllowList
) -> bool:
    """Whether the e-mail address `text[start:end]`, which markup splits in `source` (a
    tag, emphasis marks read through: `privacy_markdown`), is public read apart at that
    markup: what follows it up to the address's end, or what precedes it from its start
    (`<b>Email</b>help@coalition.org`, `help@coalition.org</a>or`: a missing space, not
    another address; review rv50b, which found each reported on a public address). Not
    where the markup stands before a dot that the address goes on with up to a top-level
    domain (`help@coalition.org<b>.uk</b>`): the site shows another address,
    `help@coalition.org.uk`, as it does with markup between two letters (session 54); a
    word after a lost space (`**help@coalition.org**.Thanks`) is no such domain."""
    if to_source.end(end) - to_source.start(start) == end - start:
        return False  # nothing read out of it
    goes_on = is_top_level_domain(text[start:end].rpartition(".")[2])
    for joint in range(start + 1, end):
        skipped = source[to_source.end(joint) : to_source.start(joint)]
        if skipped[:1] in _MARKUP_STARTS and (
            text_key(text[joint:end]) in allowed.texts
            or (
                text_key(text[start:joint]) in allowed.texts
                and not (goes_on and text[joint] == ".")
            )
        ):
            return True
    return False


# What markup read through an address starts with: a tag, emphasis marks.
_MARKUP_STARTS = frozenset("<*_")


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


def _lists_one_after_a_plus(
    text: str, start: int, after_plus: int, end: int, allowed: AllowList
) -> bool:
    """Whether privacy.allow lists the address `text[at:end]` that starts at `start` or
    after a `+` before `after_plus`, where a link's body reads its address from: a `+`
    there may be a space or the mailbox's own (`team+intake@x.org`)."""
    at = start
    while 0 <= at < after_plus:
        if text_key(text[at:end]) in allowed.texts:
            return True
        at = text.find("+", at, after_plus) + 1 or -1
    return False


# A character of a mailbox before a `+` in a link's body (`team+intake%40x.org`).
_MAILBOX_CHARACTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


def _listed_with_a_plus_before(text: str, start: int, end: int, allowed: AllowList) -> bool:
    """Whether privacy.allow lists the escaped address found at `text[start:end]`, in a
    link's body, with the words before it that a `+` joins to it (`team+intake%40x.org`,
    read from `intake` since a `+` there may stand for a space: review rv56b); not
    across an escape before them (`Hi%20team`)."""
    at = start
    while at > 0 and text[at - 1] == "+":
        at -= 1
        while at > 0 and text[at - 1] in _MAILBOX_CHARACTER and text[at - 3 : at - 2] != "%":
            at -= 1
        if text_key(unquote(text[at:end])) in allowed.texts:
            return True
    return False
