"""module.reference: a module's `protocols` entry naming no existing protocol."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..hints import did_you_mean
from .base import CheckContext

RULE = "module.reference"


def check(context: CheckContext) -> Iterator[Finding]:
    protocols = context.handbook.protocols
    for module in context.handbook.modules.values():
        for index, protocol_id in enumerate(module.protocols):
            if protocol_id in protocols:
                continue
            expected = context.config.relative(context.config.protocols_dir / f"{protocol_id}.yml")
            if expected in context.handbook.rejected:
                continue  # that file has problems of its own, already reported
            hint = did_you_mean(protocol_id, protocols)
            yield context.finding_at(
                RULE,
                module.origin,
                f"protocols.{index}",
                f"module '{module.id}' names protocol '{protocol_id}', which does not exist "
                f"(there is no {expected}){hint}",
            )
