"""A text with the personal data privacy.pii reports in it masked, as the rule's messages
show it (`privacy_masks`): for `handbook diff`, whose report CI writes to a pull request's
step summary, which outlives the clean-up of a leak as the rule's annotations do
(privacy audit). What is masked is what the rule reports, found by its own finders
(`privacy_reported.reported_personal_data`): privacy.allow's public entries (a hotline's
number) stay as written, and privacy.countries' national formats are read.
"""

from __future__ import annotations

from ..markup import decoded_references
from .privacy_allow_list import AllowList
from .privacy_reported import reported_personal_data


def mask_personal_data(text: str, allowed: AllowList) -> str:
    """`text` with each piece of personal data privacy.pii would report in it, read as a
    page is (character references decoded), masked as the rule's message quotes it."""
    read, to_source = decoded_references(text)
    found = reported_personal_data("", text, read, to_source, allowed)
    shown: list[str] = []
    position = 0
    for reported in sorted(found, key=lambda reported: (reported.start, -reported.shown_end)):
        if reported.start < position:  # in what is masked already (a link and its number)
            continue
        shown += [text[position : reported.start], reported.shown]
        position = reported.shown_end
    shown.append(text[position:])
    return "".join(shown)
