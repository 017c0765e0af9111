"""How many findings there are, by severity and by rule: one line for a person.

The text and github formats write a finding a line and nothing else on stdout (DESIGN
section 6); with thousands of them the editor learnt the totals only by counting lines
(audit). The CLI writes this line on stderr, the build logs it.
"""

from __future__ import annotations

from collections import Counter

from ..findings import Finding, count_by_severity


def counted(count: int, noun: str) -> str:
    """`1 error`, `12,105 warnings`."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def totals_line(findings: list[Finding]) -> str | None:
    """`12,105 findings: 0 errors, 12,105 warnings, 0 infos (term.avoid 12,105)`, the
    rules most found first; None when there is nothing to count."""
    if not findings:
        return None
    by_severity = ", ".join(
        counted(count, severity) for severity, count in count_by_severity(findings).items()
    )
    by_rule = Counter(finding.rule for finding in findings)
    rules = ", ".join(
        f"{rule} {count:,}"
        for rule, count in sorted(by_rule.items(), key=lambda item: (-item[1], item[0]))
    )
    return f"{counted(len(findings), 'finding')}: {by_severity} ({rules})"
