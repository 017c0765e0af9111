"""protocol.review-overdue: a protocol whose `review_by` date has passed."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from .base import CheckContext

RULE = "protocol.review-overdue"


def check(context: CheckContext) -> Iterator[Finding]:
    today = context.config.today
    for protocol in context.handbook.protocols.values():
        if protocol.review_by >= today:
            continue
        days = (today - protocol.review_by).days
        yield context.finding_at(
            RULE,
            protocol.origin,
            "review_by",
            f"review of protocol '{protocol.id}' was due on {protocol.review_by.isoformat()} "
            f"({days} day{'s' if days != 1 else ''} ago): review it, then set a new review_by",
        )
