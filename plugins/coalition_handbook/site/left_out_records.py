"""Record files left out of the site without a finding to say so: their schema rule is
off in mkdocs.yml.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..config import HandbookConfig
from ..model.records import record_file_kind
from ..report.encoding import in_utf8_text
from ..report.text import one_line
from ..rules.base import rule_level


def left_out_unreported(rejected: Iterable[str], config: HandbookConfig) -> list[tuple[str, str]]:
    """(path, schema rule) of each record file left out of the site whose schema rule is
    off: without a word, a term's page and every link to it would go (DESIGN section
    11: nothing already published is lost)."""
    rules = {"term": "glossary.schema", "protocol": "protocol.schema"}
    unreported = []
    for path in sorted(rejected):
        kind = record_file_kind(config, path)
        if kind is None and not path.endswith(".md"):
            continue  # a file never read as a record (notes.txt, a draft in a subfolder)
        rule = rules[kind] if kind is not None else "module.schema"
        if rule_level(config.rules, rule) == "off":
            unreported.append((path, rule))
    return unreported


def left_out_notes(rejected: Iterable[str], config: HandbookConfig) -> list[str]:
    """What the build warns of each record file `left_out_unreported`, and `handbook
    check` says on stderr: the check that CI runs before the build names it too. The
    name is shown as findings show it, on one line: a name holding a line break would
    start a line of CI's log, where `::error ...` is a workflow command (review)."""
    return [
        f"handbook: {one_line(in_utf8_text(path))} is left out of the site: it does not fit "
        f"its format, and its {rule} findings are not reported, as mkdocs.yml turns that rule off"
        for path, rule in left_out_unreported(rejected, config)
    ]
