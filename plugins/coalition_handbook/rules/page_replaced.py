"""page.replaced: a page of docs_dir at the path where the site publishes a page of its
own, a term's (`glossary/<id>.md`) or a protocol's (`protocols/<id>.md`). The build
publishes the generated page in its place; the check says so as the build does, so that
CI which runs only `handbook check --strict` fails where a strict build would. (An index
page of those folders, or `changes.md`, is kept as the generated page's introduction.)

Read: each page's own path, and the names in the glossary and protocols folders (not the
records themselves), so the rule is a page rule for the checks that redo only what an
edit changed (`rules.base.PAGE_RULES`): those compare the folders' listings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..findings import Finding
from ..model.records import record_ids
from ..published import protocol_src_uri, term_src_uri
from .base import CheckContext

RULE = "page.replaced"


def check(context: CheckContext) -> Iterator[Finding]:
    config = context.config
    # Where each record's page is published -> (its folder, its id); a path is made only
    # for a page that stands in one's place.
    generated = {
        **{
            term_src_uri(record_id): (config.glossary_dir, record_id)
            for record_id in _ids(config.glossary_dir)
        },
        **{
            protocol_src_uri(record_id): (config.protocols_dir, record_id)
            for record_id in _ids(config.protocols_dir)
        },
    }
    for page in context.handbook.pages:
        record = generated.get(page.src_uri)
        if record is not None:
            folder, record_id = record
            yield context.finding(
                RULE,
                page.path,
                1,
                1,
                f"the site publishes the page of {config.relative(folder / f'{record_id}.yml')} "
                "here, in this page's place: move this page, or put what it says in that file",
            )


def _ids(folder: Path) -> list[str]:
    return record_ids(folder) if folder.is_dir() else []
