"""The lines that report what became of the handouts: the same for the build's log
(`publish_handouts`) and `handbook handouts` (`run_handouts`), each naming files its way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import HandbookConfig
from .handout_problems import HandoutProblem

if TYPE_CHECKING:  # handouts.py imports this module to report its results
    from .handouts import HandoutReport, HandoutResult


def unavailable_message(report: HandoutReport, failing: bool) -> str:
    """The one message of a build that cannot render PDFs: why, and what the site has
    instead of each handout: the last PDF made of it (which may be out of date), or none.
    A `failing` build (CI requires the PDFs) publishes no site to speak of."""
    why = f"handouts: {len(report.failed)} PDF handout(s) not made: {report.unavailable}."
    if failing:
        return why
    earlier = [result.module.id for result in report.failed if result.path is not None]
    missing = [result.module.id for result in report.failed if result.path is None]
    published = []
    if earlier:
        published.append(
            f"the last PDF made of {', '.join(earlier)} (out of date if the module, its "
            "protocols or its terms changed since)"
        )
    if missing:
        published.append(f"no handout of {', '.join(missing)}")
    return f"{why} The site is published with {' and '.join(published)}."


def cache_unwritable_message(unwritable: tuple[Path, str], config: HandbookConfig) -> str:
    path, reason = unwritable
    return (
        f"handouts: {config.relative(path)} cannot be written ({reason}): the handout cache "
        "is not written in this run; the PDFs are published all the same, and the next "
        "build makes them again"
    )


def describe(result: HandoutResult, name: Callable[[Path], str]) -> str:
    """The line of a PDF made or cached, naming it with `name`: from the current folder
    for `handbook handouts` (as `-o` is read, and `handbook new` names what it writes;
    audit: `-f other/mkdocs.yml` printed paths from that config's folder), from the
    config's folder in the build's log, as MkDocs names files."""
    where = name(result.path) if result.path else result.module.id
    if result.outcome == "cached":
        return f"{where}: cached"
    return f"{where}: rendered in {result.seconds:.2f} s"


def printing_problem_message(result: HandoutResult, problem: HandoutProblem) -> str:
    """`path:line: warning: <module>.pdf: message`."""
    return f"{problem.path}:{problem.line}: warning: {result.module.id}.pdf: {problem.message}"


def describe_failure(result: HandoutResult, name: Callable[[Path], str]) -> str:
    """The line of a handout not made: its module file as findings name it, the PDF kept
    as `describe` names it."""
    kept = f"; kept the previous {name(result.path)}" if result.path else "; no handout published"
    return f"{result.module.origin.path}: handout not made: {result.problem}{kept}"
