"""module.reference: a module's `protocols` entry naming no existing protocol."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..findings import Finding
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
            close = difflib.get_close_matches(protocol_id, list(protocols), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            yield context.finding_at(
                RULE,
                module.origin,
                f"protocols.{index}",
                f"module '{module.id}' names protocol '{protocol_id}', which does not exist "
                f"(there is no {expected}){hint}",
            )
