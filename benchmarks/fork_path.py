"""The two-process cold scan's critical path, as CPU time of each process.

    python -m benchmarks.fork_path                     # the bench's: 1000 pages, 2000 terms
    python -m benchmarks.fork_path example/mkdocs.yml  # any handbook
    python -m benchmarks.fork_path --pages 1000 --terms 50 --runs 7

The scan is the one `benchmarks.run` rates (`Bench.cold_scan`, two processes). On a busy
machine its wall time tells little; each process's CPU time tells where it waits. The
scan forks once (`parallel.in_two_processes`): this process works before the fork, then
computes its part while the child computes the other, then receives the child's results
and runs the rules over them all. The modelled wall time is

    before the fork + max(this process's part, the child) + after the join

with the receiving in "after the join". Where the scan forks more than once (one fork
each for work that shares none), each fork's part waits for its own child, and "after
the join" is all this process does outside its parts. Work moved from after the join into the fork
shortens it only where this process's part is not the longer one, or by less than it
costs the child to send its results. A median of `--runs` runs, each figure's median
apart (the modelled wall time and the total are each run's own, then their median).
Where the scan makes no fork, the child is 0 and everything after the start is "this
process's part". What this tells is where to look: a change is measured by paired
old/new runs, never by these figures alone.
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.run import Bench
from benchmarks.scan_stages import chosen_handbook, handbook_options
from coalition_handbook import parallel

BEFORE = "before the fork"
HERE = "this process's part"
CHILD = "the child"
AFTER = "after the join (receiving, the rules)"
WALL = "modelled wall time"
TOTAL = "CPU time, both processes"
FIGURES = (BEFORE, HERE, CHILD, AFTER, WALL, TOTAL)


@contextmanager
def fork_marks(forks: list[tuple[float, float, float]]) -> Iterator[None]:
    """Within the block, `forks` gets for each fork (this process's CPU time at it, its
    pipe being made just before; where it starts to receive the child's results; the
    child's CPU time, known once it is waited for)."""
    pipe, receive = parallel._Pipe, parallel._receive
    forked: list[tuple[float, float]] = []

    def piped() -> Any:
        forked.append((time.process_time(), _children_seconds()))
        return pipe()

    def received(reader: int, child: int) -> Any:
        joined = time.process_time()
        try:
            return receive(reader, child)
        finally:
            at, children = forked.pop()
            forks.append((at, joined, _children_seconds() - children))

    parallel._Pipe, parallel._receive = piped, received  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        parallel._Pipe, parallel._receive = pipe, receive  # type: ignore[misc]


def _children_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def split(scan: Callable[[], object]) -> dict[str, float]:
    """The figures (`FIGURES`, in seconds) of one `scan()`."""
    forks: list[tuple[float, float, float]] = []
    with fork_marks(forks):
        started = time.process_time()
        scan()
        ended = time.process_time()
    if not forks:
        return {BEFORE: 0.0, HERE: ended - started, CHILD: 0.0, AFTER: 0.0} | {
            WALL: ended - started,
            TOTAL: ended - started,
        }
    here = sum(join - fork for fork, join, _ in forks)
    child = sum(seconds for _, _, seconds in forks)
    before = forks[0][0] - started
    waited = sum(max(join - fork, seconds) for fork, join, seconds in forks)
    return {
        BEFORE: before,
        HERE: here,
        CHILD: child,
        AFTER: ended - started - before - here,
        WALL: ended - started - here + waited,
        TOTAL: ended - started + child,
    }


def fork_path(config_file: Path, runs: int) -> dict[str, float]:
    """The median of each figure over `runs` cold scans of `config_file` in two processes,
    after one scan not timed."""
    scan, _ = Bench(config_file.parent, 1).cold_scan(config_file, processes=2)
    scan()  # lemminflect's lexicon and the inflection caches, as `benchmarks.run` has them
    rows = [split(scan) for _ in range(runs)]
    return {figure: statistics.median(row[figure] for row in rows) for figure in FIGURES}


def main(argv: list[str] | None = None) -> int:
    options = handbook_options(__doc__.splitlines()[0], argv)
    with tempfile.TemporaryDirectory(prefix="handbook-fork-") as folder:
        figures = fork_path(chosen_handbook(options, Path(folder)), options.runs)
    print(f"cold scan, two processes, CPU time, median of {options.runs}:")
    for figure in FIGURES:
        print(f"  {figures[figure] * 1000:7.1f} ms  {figure}")
    if not figures[CHILD]:
        print("  (no fork: too little work, HANDBOOK_ONE_PROCESS=1, or one CPU to use)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
