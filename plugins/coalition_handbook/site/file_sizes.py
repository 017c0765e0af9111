"""A file's size as a reader is shown it next to a download link: a member on a metered
phone plan decides from it whether to fetch a handout now or on Wi-Fi (slow-connection
audit: the links said "PDF" and nothing of its size)."""

from __future__ import annotations

import math


def shown_size(size: int) -> str:
    """`size` bytes in decimal units, as phones count data: "74 kB", "1.2 MB". Rounded
    up, never down to "0 kB": the reader is not promised less than the download costs."""
    if size < 1_000_000:
        return f"{max(1, math.ceil(size / 1000))} kB"
    return f"{math.ceil(size / 100_000) / 10:g} MB"
