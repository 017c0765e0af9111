"""Contact cards and calendars as their readers read them: a long line folded onto the
next ones, unfolded.

vCard (RFC 6350, section 3.2) and iCalendar (RFC 5545, section 3.1) fold a line longer
than 75 octets: a line break and one space or tab go in, anywhere, even inside a word or
a number (`TEL:402-555-\\r\\n 0142`); every reader takes both out. Contacts and calendar
apps fold what they export, so a phone number or an e-mail address may be split; read
unfolded, it is found whole, and placed where the file writes it.
"""

from __future__ import annotations

from ..lazy_pattern import LazyPattern
from ..source_map import SourceMap, rewritten

# The files that fold their lines so (`model.files.TEXT_FILE_SUFFIXES`), in any case.
FOLDED_SUFFIXES = (".vcf", ".vcard", ".ics", ".ical")
# A fold: a line break (CRLF, as the RFCs write it, or LF, as many tools save it) and the
# one space or tab that starts the line it continues.
_FOLD = LazyPattern(r"\r?\n[ \t]")


def is_folded(path: str) -> bool:
    """Whether the file at `path` is a contact card or a calendar, which folds its lines."""
    return path.lower().endswith(FOLDED_SUFFIXES)


def unfolded(text: str) -> tuple[str, SourceMap]:
    """`text` with each fold taken out, and where each place of the result is in `text`."""
    return rewritten(text, ((*fold.span(), "") for fold in _FOLD.finditer(text)))
