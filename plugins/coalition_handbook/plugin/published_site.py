"""The site published before this build, set aside while it runs (site/publishing.py):
put back, with a word in the build's log, when the build fails or stops.
"""

from __future__ import annotations

from ..site.publishing import PreviousSite
from .build_log import log


def restore_previous_site(previous: PreviousSite | None) -> None:
    """Put `previous` back in place, if a build set it aside, and say where it is if it
    cannot be."""
    if previous is None:
        return
    try:
        previous.restore()
    except OSError as problem:
        log.error(f"handbook: the site published before is in {previous.aside}: {problem}")
    else:
        log.info("handbook: the build failed; the site published before is back in place")
