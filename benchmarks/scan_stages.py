"""Where the cold scan's time goes: its CPU time in one process, stage by stage.

    python -m benchmarks.scan_stages                     # the bench's: 1000 pages, 2000 terms
    python -m benchmarks.scan_stages example/mkdocs.yml  # any handbook
    python -m benchmarks.scan_stages --pages 1000 --terms 50 --runs 7

The scan is the one `benchmarks.run` rates (`Bench.cold_scan`), in one process, so that
every stage is timed where it runs (in two processes, half of each is in the child).
Each stage is the CPU time of the engine's own function for it, summed over the run; the
rest is the term rules, the acronym rule, findings and the scan's own bookkeeping, each
of which is given apart below it (what each rule spends outside the stages). A
median of `--runs` runs, each stage's median apart. What this tells is where to look:
a change is measured by paired old/new runs, never by these figures alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.run import Bench
from coalition_handbook import documents
from coalition_handbook.rules import privacy_pii

# (module, function, stage): each function runs inside the scan, none inside another.
STAGES: tuple[tuple[ModuleType, str, str], ...] = (
    (documents, "_page_texts", "pages' views (block and inline passes)"),
    (documents, "_term_texts", "term definitions' views"),
    (documents, "_record_texts", "protocols' and modules' views"),
    (documents, "_hits_of", "term matching (every view)"),
    (privacy_pii, "_reported_in_files", "privacy.pii, file by file"),
)
REST = "the rest (term rules, acronyms, findings, bookkeeping)"
# The rest, part by part: what the scan's own code and each rule's spend outside the
# stages (a rule's stages, as privacy.pii's file pass, are counted above).
PARTS = {
    "scan": "the scan's bookkeeping (jobs, documents)",
    "term_avoid": "term.avoid (and the uses the term rules report, placed once)",
    "term_case": "term.case",
    "term_deprecated": "term.deprecated",
    "term_unknown_acronym": "term.unknown-acronym",
    "privacy_pii": "privacy.pii, but its file pass",
}


@contextmanager
def timed_stages(seconds: Counter[str], calls: Counter[str]) -> Iterator[None]:
    """Within the block, each function of `STAGES` adds its CPU time to `seconds` and
    counts its calls in `calls`, under its stage's name."""
    originals = [(module, name, getattr(module, name)) for module, name, _ in STAGES]
    for (module, name, original), (_, _, stage) in zip(originals, STAGES, strict=True):
        setattr(module, name, cpu_timed(original, stage, seconds, calls))
    try:
        yield
    finally:
        for module, name, original in originals:
            setattr(module, name, original)


def cpu_timed(
    function: Callable[..., Any], stage: str, seconds: Counter[str], calls: Counter[str]
) -> Callable[..., Any]:
    def timed(*arguments: Any, **options: Any) -> Any:
        started = time.process_time()
        try:
            return function(*arguments, **options)
        finally:
            seconds[stage] += time.process_time() - started
            calls[stage] += 1

    return timed


def _part_timer(seconds: Counter[str], parts: Counter[str]) -> Callable[[str], None]:
    """What the scan calls at the end of each part (`Bench.cold_scan`): adds to `parts`
    the CPU time since the part before ended, less the stages' time in it (`seconds`)."""
    last = [time.process_time(), sum(seconds.values())]

    def done(part: str) -> None:
        now, staged = time.process_time(), sum(seconds.values())
        parts[PARTS.get(part, part)] += now - last[0] - (staged - last[1])
        last[:] = [now, staged]

    return done


def stage_times(config_file: Path, runs: int) -> tuple[dict[str, float], Counter[str]]:
    """(the median CPU seconds of each stage, the rest and the whole scan ("total"), the
    calls of each stage in one run) of `runs` cold scans of `config_file` in one process,
    after one scan not timed."""
    scan, _ = Bench(config_file.parent, 1).cold_scan(config_file, processes=1)
    scan()  # lemminflect's lexicon and the inflection caches, as `benchmarks.run` has them
    rows: dict[str, list[float]] = {}
    calls: Counter[str] = Counter()
    for _ in range(runs):
        seconds: Counter[str] = Counter()
        parts: Counter[str] = Counter()
        calls.clear()
        with timed_stages(seconds, calls):
            started = time.process_time()
            scan(_part_timer(seconds, parts))
            total = time.process_time() - started
        for _, _, stage in STAGES:
            rows.setdefault(stage, []).append(seconds[stage])
        rows.setdefault(REST, []).append(total - sum(seconds.values()))
        for part in PARTS.values():
            rows.setdefault(part, []).append(parts[part])
        rows.setdefault("total", []).append(total)
    return {stage: statistics.median(values) for stage, values in rows.items()}, calls


def handbook_options(description: str, argv: list[str] | None) -> argparse.Namespace:
    """The options of a tool that times one handbook's cold scan: a handbook's mkdocs.yml,
    or else the bench's generated one of `--pages` and `--terms`; `--runs`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("config", type=Path, nargs="?", help="a handbook's mkdocs.yml")
    parser.add_argument("--pages", type=int, default=1000, help="of the generated handbook")
    parser.add_argument("--terms", type=int, default=2000, help="of the generated handbook")
    parser.add_argument("--runs", type=int, default=5, help="runs (median)")
    return parser.parse_args(argv)


def chosen_handbook(options: argparse.Namespace, folder: Path) -> Path:
    """The mkdocs.yml `options` name, or the bench's handbook generated in `folder`."""
    config = options.config or Bench(folder, 1).handbook(options.pages, options.terms)
    return config.resolve()


def main(argv: list[str] | None = None) -> int:
    options = handbook_options(__doc__.splitlines()[0], argv)
    with tempfile.TemporaryDirectory(prefix="handbook-stages-") as folder:
        times, _ = stage_times(chosen_handbook(options, Path(folder)), options.runs)
    total = times["total"]
    print(f"cold scan, one process, CPU time, median of {options.runs}: {total * 1000:.1f} ms")
    for stage, seconds in times.items():
        if stage != "total":
            within = "    " if stage in PARTS.values() else ""  # parts of the rest
            print(f"  {seconds * 1000:7.1f} ms  {seconds / total:4.0%}  {within}{stage}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
