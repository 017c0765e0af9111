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
        days = _days((today - review_by).days)
        # As of a day `HANDBOOK_TODAY` sets (a month ahead, in the weekly "Reviews due
        # soon" workflow), the review may not be due yet: "15 days ago" misled (audit).
        when = (
            f"is due by {review_by.isoformat()}, {days} before {today.isoformat()}, the day "
            "HANDBOOK_TODAY sets"
            if context.config.today_given
            else f"was due on {review_by.isoformat()} ({days} ago)"
        )
        yield context.finding_at(
            RULE,
            protocol.origin,
            "review_by",
            f"review of protocol '{protocol.id}' {when}: review it, then set a new review_by "
            "(a new version, with its history entry)",
        )


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"
