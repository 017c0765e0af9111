"""Where a fork starts to pay: cold `handbook check`s with the fork forced on and off.

    python -m benchmarks.fork_break_even                 # the sizes below, 7 pairs each
    python -m benchmarks.fork_break_even --pairs 9 --only example-2x gen-50p-200t

`parallel.MIN_COST` is the least work (by the work's `cost`) worth a second process. A
fork pays in wall time and costs CPU time (start-up, pickling, copy-on-write faults), so
its break-even is found on handbooks of real shapes: the example's pages copied 1, 2, 3,
5 and 10 times, and generated ones (`benchmarks.generate`) of 50 to 500 terms. Each
handbook is checked cold (a new process, no `.cache`) in pairs, the fork forced on
(every fork, or with `--fork on:N` the Nth considered) and off (`HANDBOOK_ONE_PROCESS=1`)
taking turns; each line gives the forks' costs (in ms, as `in_two_processes` sums them)
and the medians of the pairs' on/off ratios, with their spread (lowest, highest), of wall
time, of wall time as two free CPUs would give it (each process's CPU time, its parts of
each fork replaced by the longer of them and the child's: `fork_path.fork_marks`), and of
CPU time (the process's and its children's user and system time). On a busy machine only
the last two tell anything.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate
from benchmarks.handouts import COPIED
from coalition_handbook.parallel import ONE_PROCESS_VARIABLE

ROOT = Path(__file__).resolve().parents[1]
COPIES = (1, 2, 3, 5, 10)
GENERATED = ((20, 50), (50, 50), (50, 200), (100, 200), (50, 500), (150, 500), (400, 500))
# The check, with every fork's cost written to standard error and `MIN_COST` 0 (forced
# on) or as it is (forced off by the variable).
FORCED = """
import resource, sys, time
from benchmarks.fork_path import fork_marks
from coalition_handbook import parallel
from coalition_handbook.cli import main

calls = []

class Noted(float):
    def __gt__(self, total):  # `total < MIN_COST`: whether this work stays here
        calls.append(total)
        print(f"fork-cost {total / 1000:.1f}", file=sys.stderr)
        forced = sys.argv[1] == "on" or sys.argv[1] == f"on:{len(calls) - 1}"
        return not forced

parallel.MIN_COST = Noted(parallel.MIN_COST)
forks = []
with fork_marks(forks):
    status = main(["check", "-f", sys.argv[2], "--format", "json"])
# Two free CPUs' wall time: this process's CPU time, its parts in each fork replaced by
# the longer of them and the child's.
used = resource.getrusage(resource.RUSAGE_SELF)
waited = sum(max(join - fork, child) - (join - fork) for fork, join, child in forks)
print(f"modelled-wall {used.ru_utime + used.ru_stime + waited:.4f}", file=sys.stderr)
sys.exit(status)
"""


def example_copies(target: Path, copies: int) -> Path:
    """The example handbook in `target`, each page under its docs folder `copies` times
    (index pages once): the example's prose, terms and protocols, `copies` times the pages."""
    target.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    for page in sorted((target / "content").rglob("*.md")):
        if page.name == "index.md":
            continue
        for copy in range(2, copies + 1):
            shutil.copy2(page, page.with_name(f"{page.stem}-{copy}.md"))
    return target / "mkdocs.yml"


def handbooks(folder: Path) -> dict[str, Callable[[], Path]]:
    made: dict[str, Callable[[], Path]] = {}
    for copies in COPIES:
        made[f"example-{copies}x"] = lambda c=copies: example_copies(folder / f"ex{c}", c)
    for pages, terms in GENERATED:
        made[f"gen-{pages}p-{terms}t"] = lambda p=pages, t=terms: generate(
            folder / f"gen{p}-{t}", p, t
        )
    return made


def cold_check(config_file: Path, fork: str) -> tuple[float, float, float, list[float]]:
    """(wall, modelled wall, CPU, the forks' costs in ms) of one cold check in a new
    process; the modelled wall time is what it would be with two CPUs free for it."""
    shutil.rmtree(config_file.parent / ".cache", ignore_errors=True)
    env = dict(os.environ)
    env.pop(ONE_PROCESS_VARIABLE, None)
    env.pop("HANDBOOK_NO_CACHE", None)
    # The program imports `benchmarks` (this repository) wherever it is run from.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [env.get("PYTHONPATH"), str(ROOT)]))
    if fork == "off":
        env[ONE_PROCESS_VARIABLE] = "1"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", FORCED, fork, str(config_file)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{config_file}: check failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    noted = [line.split() for line in done.stderr.splitlines()]
    costs = [float(words[1]) for words in noted if words[:1] == ["fork-cost"]]
    (modelled,) = [float(words[1]) for words in noted if words[:1] == ["modelled-wall"]]
    return wall, modelled, cpu, costs


def spread(ratios: list[float]) -> str:
    return f"{statistics.median(ratios):.3f} ({min(ratios):.2f}-{max(ratios):.2f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=7, help="on/off pairs per handbook")
    parser.add_argument(
        "--fork", default="on", help="on: every fork forced; on:N only the Nth (from 0)"
    )
    parser.add_argument("--only", nargs="*", help="these handbooks only (by name)")
    args = parser.parse_args(argv)
    print(
        f"{'handbook':16} {'fork costs, ms':18} {'wall on/off':18} {'modelled wall':18} "
        f"{'CPU on/off':18} off: wall, CPU"
    )
    with tempfile.TemporaryDirectory(prefix="fork-break-even-") as folder:
        for name, make in handbooks(Path(folder)).items():
            if args.only and name not in args.only:
                continue
            config_file = make()
            cold_check(config_file, "off")  # the files in the page cache, for both
            walls, models, cpus, offs, costs = [], [], [], [], []
            for pair in range(args.pairs):
                order = (args.fork, "off") if pair % 2 == 0 else ("off", args.fork)
                measured = {fork: cold_check(config_file, fork) for fork in order}
                (on_wall, on_model, on_cpu, costs) = measured[args.fork]
                (off_wall, off_model, off_cpu, _) = measured["off"]
                walls.append(on_wall / off_wall)
                models.append(on_model / off_model)
                cpus.append(on_cpu / off_cpu)
                offs.append((off_wall, off_cpu))
            shown = " + ".join(f"{cost:.0f}" for cost in costs) or "no fork"
            off_wall = statistics.median(wall for wall, _ in offs)
            off_cpu = statistics.median(cpu for _, cpu in offs)
            print(
                f"{name:16} {shown:18} {spread(walls):18} {spread(models):18} {spread(cpus):18} "
                f"{off_wall:.2f} s, {off_cpu:.2f} s",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
