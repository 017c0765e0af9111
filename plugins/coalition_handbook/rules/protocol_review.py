"""protocol.review-overdue: a protocol whose `review_by` date has passed."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from .base import CheckContext

RULE = "protocol.review-overdue"


def check(context: CheckContext) -> Iterator[Finding]:
    today = context.config.today
    handbook = context.handbook
    # A protocol file with problems, whose review date is valid, is overdue all the same.
    review_dates = [(protocol, protocol.review_by) for protocol in handbook.protocols.values()]
    review_dates += [
        (record, record.review_by)
        for record in handbook.rejected_records
        if record.kind == "protocol" and record.review_by is not None
    ]
    for protocol, review_by in review_dates:
        if review_by >= today:
            continue
        days = (today - review_by).days
        yield context.finding_at(
            RULE,
            protocol.origin,
            "review_by",
            f"review of protocol '{protocol.id}' was due on {review_by.isoformat()} "
            f"({days} day{'s' if days != 1 else ''} ago): review it, then set a new review_by "
            "(a new version, with its history entry)",
        )
