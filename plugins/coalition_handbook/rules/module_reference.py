"""module.reference: a module's `protocols` entry naming no existing protocol."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..hints import NamedIds, did_you_mean_id
from ..model.types import Origin
from .base import CheckContext

RULE = "module.reference"


def check(context: CheckContext) -> Iterator[Finding]:
    handbook = context.handbook
    named: list[tuple[str, Origin, str, str]] = [
        (module.id, module.origin, f"protocols.{index}", protocol_id)
        for module in handbook.modules.values()
        for index, protocol_id in enumerate(module.protocols)
    ]
    # A module file with problems of its own (module.schema) still names its protocols:
    # the editor sees every finding of the file at once, not one round at a time.
    named += [
        (record.id, record.origin, key, protocol_id)
        for record in handbook.rejected_records
        if record.kind == "module"
        for key, protocol_id in record.references
    ]
    # A protocol's title where its id belongs (`Hotel employee who...`): the schema's
    # advice made an id of it, which names no file.
    titles = NamedIds(
        lambda: ((other.id, other.title) for other in handbook.protocols.values()),
        "the protocol titled",
    )
    for module_id, origin, key, protocol_id in named:
        if protocol_id in handbook.protocols:
            continue
        expected = context.config.relative(context.config.protocols_dir / f"{protocol_id}.yml")
        if handbook.is_rejected(expected):
            continue  # that file (named in any case) has problems of its own, already reported
        hint = did_you_mean_id(protocol_id, handbook.protocols) or titles.did_you_mean(protocol_id)
        yield context.finding_at(
            RULE,
            origin,
            key,
            f"module '{module_id}' names protocol '{protocol_id}', which does not exist "
            f"(there is no {expected}){hint}",
        )
