"""The terms a term page names in the reasons of its forms to avoid. Its page shows them
(and links them, as its definition's uses), but they are no checked text (DESIGN section
4), so the check's scan has no hits of them: a term's "Used on" list left out the term
pages that name it only there (audit: survivor's reasons name person-first language).
A history's summaries are not read: a record of edits, which the changes page holds too,
is no use of a term, for a term as for a protocol ("First approved at the coalition's
January general meeting" would list every term page under coalition).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..markdown.inline import mask_addresses
from ..matching import Matcher
from ..model.types import Term
from .html_comments import text_without_comments


def terms_named_in_avoid_reasons(
    terms: Iterable[Term], term_matcher: Matcher
) -> dict[str, list[str]]:
    """Term id -> the term files whose reasons to avoid a form name one of its forms (of
    any kind, as a page's use counts in `documents.pages_using_terms`), in `terms`'
    order. A term's own forms are no use of it. The reasons are searched together, as
    plain text: the page shows them so (templates/site/term.md.j2), without an editor's
    comments, which it does not publish, and with no form used inside an address, as
    its autolinks read it (DESIGN section 4)."""
    owners: list[Term] = []
    reasons: list[str] = []
    for term in terms:
        for avoided in term.avoid:
            if avoided.reason:
                owners.append(term)
                reasons.append(mask_addresses(text_without_comments(avoided.reason)))
    named: dict[str, dict[str, None]] = {}
    for owner, hits in zip(owners, term_matcher.hits_each(reasons), strict=True):
        for hit in hits:
            if hit[2].term_id != owner.id:
                named.setdefault(hit[2].term_id, {})[owner.origin.path] = None
    return {term_id: list(paths) for term_id, paths in named.items()}


def with_avoid_reason_uses(
    usage: Mapping[str, Sequence[str]], named: Mapping[str, Sequence[str]]
) -> dict[str, list[str]]:
    """`usage` (term id -> the paths of the files that use it) with the term files that
    name it in their reasons (`terms_named_in_avoid_reasons`) after its own, each once."""
    merged = {term_id: list(paths) for term_id, paths in usage.items()}
    for term_id, paths in named.items():
        listed = merged.setdefault(term_id, [])
        seen = set(listed)
        listed.extend(path for path in paths if path not in seen)
    return merged
