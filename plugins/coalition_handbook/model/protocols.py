"""Response protocols: `protocols/<id>.yml` files into `Protocol` records (DESIGN 3.2)."""

from __future__ import annotations

import datetime as dt

from ..cache import RunCache
from ..config import HandbookConfig
from ..findings import Finding
from .glossary import history_entries
from .records import Record, checked_strings, load_record_folder
from .types import Contact, Protocol, RejectedRecord, Step

RULE = "protocol.schema"


def load_protocols(
    config: HandbookConfig, cache: RunCache | None = None
) -> tuple[dict[str, Protocol], list[Finding], list[RejectedRecord]]:
    """Every protocol of `config.protocols_dir` (none if it does not exist), the problems,
    and what can still be checked of the protocol files with problems."""
    return load_record_folder(config.protocols_dir, config, "protocol", RULE, build_protocol, cache)


def build_protocol(record: Record) -> Protocol:
    fields = record.fields
    return Protocol(
        id=record.id,
        title=fields["title"],
        version=fields["version"],
        owner=fields["owner"],
        effective=dt.date.fromisoformat(fields["effective"]),
        review_by=dt.date.fromisoformat(fields["review_by"]),
        audience=tuple(fields.get("audience", ())),
        summary=fields["summary"],
        steps=tuple(Step(item["title"], item["detail"]) for item in fields.get("steps", ())),
        contacts=tuple(
            Contact(item["name"], item.get("phone"), item.get("text"), item.get("url"))
            for item in fields.get("contacts", ())
        ),
        history=history_entries(fields.get("history", ())),
        origin=record.origin,
        texts=checked_strings("protocol", fields, record.origin),
    )
