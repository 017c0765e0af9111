"""page.replaced: a page of docs_dir at the path where the site publishes a page of its
own, a term's (`glossary/<id>.md`) or a protocol's (`protocols/<id>.md`). The build
publishes the generated page in its place; the check says so as the build does, so that
CI which runs only `handbook check --strict` fails where a strict build would. (An index
page of those folders, or `changes.md`, is kept as the generated page's introduction.)"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..site.urls import protocol_src_uri, term_src_uri
from .base import CheckContext

RULE = "page.replaced"


def check(context: CheckContext) -> Iterator[Finding]:
    handbook = context.handbook
    generated = {term_src_uri(term_id): term for term_id, term in handbook.terms.items()}
    generated.update(
        {protocol_src_uri(item_id): item for item_id, item in handbook.protocols.items()}
    )
    for page in handbook.pages:
        item = generated.get(page.src_uri)
        if item is not None:
            yield context.finding(
                RULE,
                page.path,
                1,
                1,
                f"the site publishes the page of {item.origin.path} here, in this page's "
                "place: move this page, or put what it says in that file",
            )
