"""The plugin's `known_acronyms` option: words in capitals term.unknown-acronym lets
through, each checked to be one that rule would meet."""

from __future__ import annotations

from typing import Any

from .problems import Problems


def known_acronyms(listed: Any, where: str, problems: Problems) -> frozenset[str]:
    """The `known_acronyms` option (`listed`, written at `where`); what is wrong in it is
    added to `problems`, a list that is no list of strings read as empty."""
    if not isinstance(listed, list) or not all(isinstance(item, str) for item in listed):
        items = listed if isinstance(listed, list) else []
        # YAML 1.1 reads a bare ON, OFF, YES, NO, Y or N as true or false.
        hint = (
            " (quote each, as in 'NO': YAML reads NO or ON as false or true)"
            if any(isinstance(item, bool) for item in items)
            else ""
        )
        problems.add(f"{where}: 'known_acronyms' must be a list of strings{hint}")
        return frozenset()
    for item in listed:
        problem = _known_acronym_problem(item)
        if problem is not None:
            problems.add(
                f"{where}: 'known_acronyms' lists {item!r}, which "
                f"term.unknown-acronym never meets: {problem}"
            )
    return frozenset(listed)


def _as_acronym(entry: str) -> str | None:
    """The acronym a known_acronyms entry is written for, where it is written otherwise:
    in lower case (`fbi`), with a capital first only (`Unicef`), or dotted (`F.B.I.`,
    `f.b.i.`; also `e.g.`, which the message's "or leave it out" answers); None for
    anything else, which may be meant as it is (`PhD`)."""
    if entry.isalpha() and (entry.islower() or entry.istitle()):
        return entry.upper()
    undotted = entry.replace(".", "")
    if "." in entry and undotted.isalpha():
        return undotted.upper()
    return None


# Quotation marks a word processor writes (`“FBI”`), and the ones YAML does not take
# off an entry quoted inside its own quotes (`'"FBI"'`).
_QUOTATION_MARKS = "\"'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a"


def _known_acronym_problem(entry: str) -> str | None:
    """Why term.unknown-acronym, which reports words in capitals, never meets the
    known_acronyms `entry`, and what to write instead; None for an entry it meets or
    that may be meant as it is (`PhD`, `T-visa`)."""
    from ..rules.term_unknown_acronym import can_be_known

    unquoted = entry.strip(_QUOTATION_MARKS)
    quoted = (
        "its quotation marks are part of it (YAML takes off only the ' or \" around a value); "
        if unquoted != entry
        else ""
    )
    written = _as_acronym(unquoted)
    if written is not None and not can_be_known(unquoted) and can_be_known(written):
        # A plain plural s is the rule's to read ("NGOs" is "NGO"): an S may be one.
        plural = written[:-1] + "s"
        also = (
            f", or {plural!r} if its s is a plural"
            if written.endswith("S") and can_be_known(plural)
            else ""
        )
        return (
            f"{quoted}it reports words in capitals; write {written!r} if that is the "
            f"acronym meant{also}, or leave it out"
        )
    if not any(char.isupper() for char in unquoted):  # `é`, `t-visa`, `“”`
        return f"{quoted}it reports words in capitals, and this has no capital letter; leave it out"
    return f"{quoted}write {unquoted!r}" if quoted else None
