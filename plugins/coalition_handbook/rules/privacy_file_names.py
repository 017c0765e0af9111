"""privacy.pii in the names of published files (`privacy_pii`): a page's path under
docs_dir, a text file's, a term's or a protocol's id. The site publishes each in its
web address, and so in every link to it, the sitemap and the search index: a page saved
as `cases/mary-major-202-555-0122.md` publishes the number as surely as its text would.

A name is read as written, without its extension, so that an e-mail address keeps its
dots and hyphens (`jane.roe@example.org.pdf`); and each folder's and the file's name
as words, each `-`, `_` and `.` a space and each word but a small one (`on`, `the`)
capitalised, as a title writes it,
so that a slug's `202-555-0122`, `2025550122` and `77-pine-road` read as the phone
number and street address they are (as written, a digit after a letter's hyphen is part
of an identifier, and a lower-case street name is prose). Each is read after "The", as
a title: a year that starts a name reads as one (`2024-winter-coat-drive.md` names no
street, as "our 2024 Winter Coat Drive" does not). privacy.allow's public entries are
not reported.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from ..lazy_pattern import LazyPattern
from ..source_map import SourceMap
from .privacy_allow_list import AllowList
from .privacy_reported import reported_personal_data

# What parts the words of a folder's or a file's name: a slug's hyphen, an underscore, a dot.
_WORD_PARTS = LazyPattern(r"[_.\-]+")
# What every phone number, street address and location has (a digit, of any script), or
# an e-mail address (an `@`, fullwidth too): a name with neither holds none of them, and
# is not read.
_MAY_HOLD_DATA = LazyPattern(r"[\d@\uff20]")
# What a title reading starts with: an article, after which a year that starts a name
# reads as one, as in prose ("the 2024 Winter Coat Drive": `privacy_streets.names_no_street`),
# and a number no street's, as a slug's first words are no sentence's.
_TITLE_START = "The "
# The words a title leaves in lower case: capitalised, a slug's `8-hours-on-the-road`
# would read as a street's name ("8 Hours On The Road"), which runs across none of them.
# Not `via`, `de`, `del`, `la`: the first words of a street's name (12 Via Roma).
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of"}
    | {"on", "onto", "or", "over", "the", "to", "up", "upon", "with"}
)
# Between two readings: a blank line, which ends a paragraph (nothing is read across it).
_APART = "\n\n"
# What the readings of one name write apart in one phone number or address: the name's
# separators as written, a title's spaces (`'202-***-**22'` and `'202 *** **22'`).
_SEPARATORS = LazyPattern(r"[\s_.\-]+")


def personal_data_in_names(names: Sequence[str], allowed: AllowList) -> list[list[str]]:
    """What privacy.pii reports in each published name of `names` (a path under
    docs_dir, or an id), each as its message's masked quote and kind (`'202 *** **22'
    looks like a personal phone number`), once each, in the order found. All are read as
    one text, their readings apart as paragraphs: read one by one, a handbook's thousands
    of names (`page-00184.md`) cost a cold check a tenth of its time."""
    readings: list[str] = []
    owners: list[int] = []  # the index in `names` of each reading
    for index, name in enumerate(names):
        if _MAY_HOLD_DATA.search(name):
            for reading in _readings(name):
                readings.append(reading)
                owners.append(index)
    said: list[list[str]] = [[] for _ in names]
    text = _APART.join(readings)
    starts = list(accumulate((len(reading) + len(_APART) for reading in readings), initial=0))
    seen: set[tuple[int, str]] = set()
    for found in reported_personal_data("", text, text, SourceMap(), allowed):
        what = found.message.split(";", 1)[0]
        owner = owners[bisect_right(starts, found.start) - 1]
        # Both readings of a name may find the same number: it is reported once, as
        # written (the first reading).
        if (owner, _SEPARATORS.sub("", what)) not in seen:
            seen.add((owner, _SEPARATORS.sub("", what)))
            said[owner].append(what)
    return said


def personal_data_in_name(name: str, allowed: AllowList) -> list[str]:
    """`personal_data_in_names` of the name `name` alone."""
    return personal_data_in_names([name], allowed)[0]


def _readings(name: str) -> list[str]:
    """`name` as written, without its extension, then each of its parts as a title."""
    folder, slash, file_name = name.rpartition("/")
    stem, dot, _ = file_name.rpartition(".")
    without_extension = folder + slash + (stem if dot and stem else file_name)
    return [without_extension, *map(_as_title, without_extension.split("/"))]


def _as_title(part: str) -> str:
    """A folder's or a file's name `part` as a title writes it: its `-`, `_` and `.` as
    spaces, each word capitalised but a small word after the first (`77 Pine Road`,
    `8 Hours on the Road`), after `_TITLE_START`."""
    words = _WORD_PARTS.split(part)
    return _TITLE_START + " ".join(
        word if index and word in _SMALL_WORDS else word.capitalize()
        for index, word in enumerate(words)
    )


def name_message(what: str) -> str:
    """The message of privacy.pii's finding of `what` (`personal_data_in_names`) in a
    file's name."""
    return (
        f"{what}, in the file's name, which the site publishes in its web address, "
        "the sitemap and the search index; rename the file, or list it under "
        "privacy.allow if it is public"
    )
