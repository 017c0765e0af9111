"""The words on either side of a line break, apart in the search index.

Material's search drops a `<br>` as it reads a page's HTML, and joins the texts on either
side: "Labor<br>recruiters" was indexed as the one word "laborrecruiters", so searching
"recruiters" found no page that wrote it so, though the checks read the two words as a
use of "labor recruiter" (DESIGN section 4) and the page links it. Search reads the page
with a line break after each `<br>` that has none; the page is published as written.
"""

from __future__ import annotations

import re

from ..lazy_pattern import LazyPattern

# A line break written in HTML with no white space after it.
_GLUED_BREAK = LazyPattern(r"<br\s*/?>(?!\s)", re.IGNORECASE)


def spaced_line_breaks(html: str) -> str:
    """`html` with a line break after each `<br>` that white space does not follow."""
    if "<br" not in html and "<BR" not in html:  # most pages: at once
        return html
    return _GLUED_BREAK.sub(lambda found: found.group() + "\n", html)
