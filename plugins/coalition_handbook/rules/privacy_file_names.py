"""privacy.pii in the names of published files (`privacy_pii`): a page's path under
docs_dir, a text file's, a term's or a protocol's id. The site publishes each in its
web address, and so in every link to it, the sitemap and the search index: a page saved
as `cases/mary-major-202-555-0122.md` publishes the number as surely as its text would.

A name is read as written, without its extension, so that an e-mail address keeps its
dots and hyphens (`jane.roe@example.org.pdf`); and each folder's and the file's name
as words, each `-`, `_` and `.` a space and each word capitalised, as a title writes it,
so that a slug's `202-555-0122`, `2025550122` and `77-pine-road` read as the phone
number and street address they are (as written, a digit after a letter's hyphen is part
of an identifier, and a lower-case street name is prose). Each is read after "The", as
a title: a year that starts a name reads as one (`2024-winter-coat-drive.md` names no
street, as "our 2024 Winter Coat Drive" does not). privacy.allow's public entries are
not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from ..source_map import SourceMap
from .privacy_allow_list import AllowList
from .privacy_reported import reported_personal_data

# What parts the words of a folder's or a file's name: a slug's hyphen, an underscore, a dot.
_WORD_PARTS = re.compile(r"[_.\-]+")
# What every phone number, street address and location has (a digit, of any script), or
# an e-mail address (an `@`, fullwidth too): a name with neither holds none of them.
_MAY_HOLD_DATA = re.compile(r"[\d@\uff20]")


def personal_data_in_name(name: str, allowed: AllowList) -> list[str]:
    """What privacy.pii reports in the published name `name` (a path under docs_dir, or
    an id), each as its message's masked quote and kind (`'202 *** **22' looks like a
    personal phone number`), once each, in the order found."""
    if not _MAY_HOLD_DATA.search(name):  # most names: reading them cost 80 us each
        return []
    without_extension = str(PurePosixPath(name).with_suffix("")) if "." in name else name
    as_titles = [
        "The " + " ".join(word.capitalize() for word in _WORD_PARTS.split(part))
        for part in without_extension.split("/")
    ]
    said: list[str] = []
    for reading in (without_extension, *as_titles):
        for found in reported_personal_data(name, reading, reading, SourceMap(), allowed):
            what = found.message.split(";", 1)[0]
            if what not in said:
                said.append(what)
    return said


def name_messages(name: str, allowed: AllowList) -> Iterator[str]:
    """The message of each finding privacy.pii makes in the published name `name`."""
    for what in personal_data_in_name(name, allowed):
        yield (
            f"{what}, in the file's name, which the site publishes in its web address, "
            "the sitemap and the search index; rename the file, or list it under "
            "privacy.allow if it is public"
        )
