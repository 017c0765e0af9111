"""Measure the figures of DESIGN section 10 and print each with its target: PASS or MISS.

    python -m benchmarks.run            # the contract's sizes: medians of 3 runs, 5 of builds
    python -m benchmarks.run --quick    # smaller sizes, one run each (a smoke test)
    python -m benchmarks.run --no-build # skip the mkdocs build figures

Handbooks are generated (deterministically) in a temporary folder. Every figure is the
median of several runs and is printed with its target, PASS or MISS. A ratio of two
timings is the median of the ratios of several rounds in which the two take turns, so a
slow spell of this shared machine weighs on both sides alike.

The headline, "check scanning rate", is the cold scan: with no persistent cache
(HANDBOOK_NO_CACHE=1), every page, term definition, protocol and module text turned into
checkable prose, matched against every term form, and the term and privacy rules run over
all of it, per MB of Markdown. The handbook is loaded and the matcher compiled before the
clock starts; both are timed on lines of their own. As in `handbook check`, the documents
are scanned in two processes where the machine has two CPUs (coalition_handbook.parallel);
the line after it gives the same scan in one process, as a site build runs it, and the
one after the matcher's compilation what that scan pays for each page whatever its
length: its time over that of the same Markdown and terms in a tenth as many pages, ten
times as long (`generate.join_pages`; 1.00 would be nothing). Then
`handbook check` as a whole (`run_checks`: load, every rule, suppressions), in-process, as
the command runs it:

- cold: no persistent cache, every file parsed and scanned (lemminflect's lexicon and
  the inflection caches are warm after the first run; the "new process" line is not);
- warm: after a first run filled `.cache/handbook/`, as in everyday use (a second
  `handbook check`, CI restoring `.cache`, `mkdocs serve` rebuilding), also with one page
  or one term edited before each run.

The `mkdocs build` figures compare CPU time (the build process's user and system time)
of builds with the plugin, warm (cache filled) and cold (HANDBOOK_NO_CACHE=1), to the
same handbook built without it; the three take turns, round after round, and each ratio
is the median of the rounds' ratios, so a slow spell of this shared machine weighs on
all three alike.

The PDF figure has its own benchmark: benchmarks/handouts.py.
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
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

if __package__ in (None, ""):  # run as a script (`python benchmarks/run.py`, `make bench`)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate, join_pages
from coalition_handbook.cache import CACHE_DIR, DISABLE_VARIABLE
from coalition_handbook.check import run_checks
from coalition_handbook.collection import fewer_collections
from coalition_handbook.config import HandbookConfig, load_config
from coalition_handbook.documents import scan_handbook
from coalition_handbook.matching import Matcher
from coalition_handbook.model import load_handbook
from coalition_handbook.parallel import two_processes_allowed
from coalition_handbook.rules import (
    privacy_pii,
    term_avoid,
    term_case,
    term_deprecated,
    term_unknown_acronym,
)
from coalition_handbook.rules.base import CheckContext

# The rules that read the scan (term forms, acronyms) or the raw text (personal data).
SCAN_RULES = (term_avoid, term_case, term_deprecated, term_unknown_acronym, privacy_pii)


def installed_environment(**extra: str) -> dict[str, str]:
    """The environment for a timed `handbook` or `mkdocs` process: as an installed package
    runs, with its bytecode (a shell that sets PYTHONDONTWRITEBYTECODE would otherwise
    have every run compile the engine's modules from source again)."""
    environment = {**os.environ, **extra}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def _nothing(part: str) -> None:
    pass


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median_time(
    action: Callable[[], object], runs: int, before: Callable[[], object] = list
) -> float:
    times = []
    for _ in range(runs):
        before()
        times.append(timed(action))
    return statistics.median(times)


def paired_ratio(
    numerator: Callable[[], object], denominator: Callable[[], object], rounds: int
) -> float:
    """The median, over rounds in which the two take turns, of the time of `numerator`
    over that of `denominator`: a slow spell of this shared machine weighs on both alike,
    where two medians taken minutes apart would each have their own."""
    return statistics.median(timed(numerator) / timed(denominator) for _ in range(rounds))


def as_the_command_runs(config: HandbookConfig) -> None:
    """`run_checks` as `handbook check` runs it: in two processes where that pays."""
    with two_processes_allowed():
        run_checks(config)


def markdown_megabytes(config_file: Path) -> float:
    content = config_file.parent / "content"
    return sum(path.stat().st_size for path in content.rglob("*.md")) / 1e6


@contextmanager
def cache_off() -> Iterator[None]:
    previous = os.environ.get(DISABLE_VARIABLE)
    os.environ[DISABLE_VARIABLE] = "1"
    try:
        yield
    finally:
        if previous is None:
            del os.environ[DISABLE_VARIABLE]
        else:
            os.environ[DISABLE_VARIABLE] = previous


class Bench:
    def __init__(self, root: Path, runs: int, rounds: int | None = None) -> None:
        self.root = root
        self.runs = runs
        self.rounds = rounds or runs  # of the paired ratios
        self.edits = 0

    def handbook(self, pages: int, terms: int, plugin: bool = True) -> Path:
        folder = self.root / f"p{pages}-t{terms}-{'plugin' if plugin else 'plain'}"
        config = folder / "mkdocs.yml"
        if not config.exists():
            generate(folder, pages, terms, plugin=plugin)
        return config

    def joined(self, config_file: Path, by: int) -> Path:
        """The handbook of `config_file` with `by` of its pages to a file (`join_pages`)."""
        folder = config_file.parent
        joined = folder.with_name(f"{folder.name}-joined{by}")
        config = joined / "mkdocs.yml"
        if not config.exists():
            join_pages(folder, joined, by)
        return config

    def cold_check(self, config_file: Path) -> Callable[[], object]:
        """A `handbook check` without the persistent cache."""
        config = load_config(config_file)

        def check() -> None:
            with cache_off():
                as_the_command_runs(config)

        return check

    def warm_check(self, config_file: Path) -> Callable[[], object]:
        """A `handbook check` after a first run (made now) filled the cache."""
        config = load_config(config_file)
        run_checks(config)
        return lambda: as_the_command_runs(config)

    def cold_time(self, config_file: Path) -> float:
        return median_time(self.cold_check(config_file), self.runs)

    def ratio(
        self, action: Callable[[Path], Callable[[], object]], numerator: Path, denominator: Path
    ) -> float:
        """`action`'s time on the `numerator` handbook over its time on the `denominator`
        one, the two taking turns (see `paired_ratio`)."""
        return paired_ratio(action(numerator), action(denominator), self.rounds)

    def first_time(self, config_file: Path) -> float:
        """`handbook check` with an empty cache, which it fills."""
        config = load_config(config_file)
        cache = config_file.parent / CACHE_DIR
        return median_time(
            lambda: as_the_command_runs(config),
            self.runs,
            lambda: shutil.rmtree(cache, ignore_errors=True),
        )

    def warm_time(self, config_file: Path, edit: str | None = None) -> float:
        """`handbook check` after a first run; `edit` ("page" or "term") changes one file
        before each timed run."""
        config = load_config(config_file)
        run_checks(config)
        target = {
            None: None,
            "page": config_file.parent / "content" / "page-00001.md",
            "term": sorted((config_file.parent / "glossary").glob("*.yml"))[0],
        }[edit]
        original = target.read_bytes() if target else b""

        def change() -> None:
            if target is not None:
                self.edits += 1
                line = f"An edit, number {self.edits}.\n" if edit == "page" else ""
                extra = f"tags: [edit{self.edits}]\n" if edit == "term" else ""
                target.write_bytes(original + (line + extra).encode())

        try:
            return median_time(lambda: as_the_command_runs(config), self.runs, change)
        finally:
            if target is not None:
                target.write_bytes(original)

    def cold_scan(
        self, config_file: Path, processes: int = 2
    ) -> tuple[Callable[..., object], Callable[[], object]]:
        """(a cold scan, a matcher compilation): see the module docstring. With
        `processes=1`, never in two processes, as a site build scans."""
        config = load_config(config_file)
        with cache_off():
            handbook, _ = load_handbook(config)
        terms = handbook.terms.values()
        term_matcher = Matcher.from_terms(terms)

        def scan(done: Callable[[str], object] = _nothing) -> None:
            """The scan; `done(part)` is called at the end of each part: "scan" (the
            documents, which every rule reads), then each rule's module name."""
            context = CheckContext(config=config, handbook=handbook)
            context.shared("matcher", lambda: term_matcher)
            allowed = two_processes_allowed() if processes == 2 else nullcontext()
            with fewer_collections(), allowed:  # as run_checks does, in `handbook check`
                scan_handbook(context)  # as the first rule would: shared by every rule
                done("scan")
                for rule in SCAN_RULES:
                    list(rule.check(context))
                    done(rule.__name__.rpartition(".")[2])

        return scan, lambda: Matcher.from_terms(terms)

    def scan_times(self, config_file: Path) -> tuple[float, float]:
        """(cold scan, matcher compilation)."""
        scan, compile_matcher = self.cold_scan(config_file)
        return median_time(scan, self.runs), median_time(compile_matcher, self.runs)

    def process_time(self, config_file: Path) -> float | None:
        """`handbook check` in a new process, no cache: start-up and imports included."""
        handbook = Path(sys.executable).with_name("handbook")
        env = installed_environment(**{DISABLE_VARIABLE: "1"})
        command = [str(handbook), "check", "-f", str(config_file), "--format", "json"]
        try:
            return median_time(
                lambda: subprocess.run(command, capture_output=True, env=env, check=False),
                self.runs,
            )
        except FileNotFoundError:
            return None

    def build_ratios(self, pages: int) -> tuple[float, float, float] | None:
        """(warm, cold, floor): `mkdocs build` with the plugin / without it, at `pages`
        pages and 500 terms. The three builds take turns, round after round (a first warm
        build fills the cache), so a slower spell of this shared machine weighs on all
        three alike; each figure is the median of the rounds' ratios of CPU time (the
        build's user and system time, which other processes on the machine do not add
        to). `floor` is the ratio the build would have if the plugin did nothing but write
        its term pages' folders and files (see `page_writing_time`)."""
        plain = self.handbook(pages, 500, plugin=False)
        with_plugin = self.handbook(pages, 500)
        try:
            self.build_cpu_time(with_plugin, cached=True)
            warm, cold, floor = [], [], []
            for _ in range(self.rounds):
                without = self.build_cpu_time(plain, cached=False)
                warm.append(self.build_cpu_time(with_plugin, cached=True) / without)
                cold.append(self.build_cpu_time(with_plugin, cached=False) / without)
                floor.append(1 + page_writing_time(with_plugin.parent / "site") / without)
        except (subprocess.CalledProcessError, FileNotFoundError) as error:
            stderr = getattr(error, "stderr", b"") or b""
            tail = stderr.decode(errors="replace").strip().splitlines()[-1:] or [str(error)]
            print(f"  (mkdocs build failed at {pages} pages: {tail[0]})")
            return None
        return statistics.median(warm), statistics.median(cold), statistics.median(floor)

    def build_cpu_time(self, config_file: Path, cached: bool) -> float:
        """CPU seconds of one `mkdocs build` (without the cache unless `cached`)."""
        mkdocs = Path(sys.executable).with_name("mkdocs")
        site = config_file.parent / "site"
        env = installed_environment(NO_MKDOCS_2_WARNING="1")
        if not cached:
            env[DISABLE_VARIABLE] = "1"
        shutil.rmtree(site, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            [str(mkdocs), "build", "-q", "-f", str(config_file), "-d", str(site)],
            check=True,
            capture_output=True,
            env=env,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def page_writing_time(site: Path) -> float:
    """CPU seconds to write the built term pages (`glossary/<id>/index.html`) again, a
    folder and a file each, as MkDocs does: DESIGN section 7 asks for a page per term, so
    this much the plugin adds to a build however fast it renders them."""
    pages = [path.read_bytes() for path in sorted(site.glob("glossary/*/index.html"))]
    target = Path(tempfile.mkdtemp(prefix="handbook-bench-pages-"))
    try:
        before = resource.getrusage(resource.RUSAGE_SELF)
        for index, page in enumerate(pages):
            folder = target / str(index)
            folder.mkdir()
            (folder / "index.html").write_bytes(page)
        after = resource.getrusage(resource.RUSAGE_SELF)
    finally:
        shutil.rmtree(target, ignore_errors=True)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def report(
    name: str, value: float | None, target: str, unit: str = "", judged: bool = True
) -> None:
    """One figure: its value, its target and, for a judged figure, PASS or MISS."""
    shown = "skipped" if value is None else f"{value:.2f}{unit}"
    verdict = ""
    if value is not None and judged:
        bound = float(target.split()[1])
        verdict = (
            "PASS" if (value >= bound if target.startswith(">=") else value <= bound) else "MISS"
        )
    elif value is not None:
        verdict = "(info)"
    print(f"{name:<76} {shown:>12}   target {target:<8} {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, one run each")
    parser.add_argument("--no-build", action="store_true", help="skip the mkdocs build figures")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (median)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=None,
        help="rounds of the ratios, whose two sides take turns (median; default 5, 1 with --quick)",
    )
    parser.add_argument("--keep", type=Path, default=None, help="generate into this folder")
    arguments = parser.parse_args(argv)
    runs = arguments.runs or (1 if arguments.quick else 3)
    big_pages, small_pages = (200, 20) if arguments.quick else (1000, 100)
    many_terms = 2000
    root = arguments.keep or Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    # Ratios compare two timings that vary by half on a shared machine: more rounds.
    rounds = arguments.rounds or (1 if arguments.quick else 5)
    bench = Bench(root, runs, rounds)
    print(
        f"handbooks in {root}; medians of {runs} run(s), ratios of {rounds} round(s); "
        "warm = cache filled by a first run"
    )

    large = bench.handbook(big_pages, many_terms)
    megabytes = markdown_megabytes(large)

    def rate(name: str, seconds: float | None) -> None:
        report(name, megabytes / seconds if seconds else None, ">= 20", " MB/s")

    scan_large, compile_large = bench.scan_times(large)
    rate(f"check scanning rate: cold scan, no cache ({big_pages} pages, {many_terms} terms)",
         scan_large)  # fmt: skip
    print(f"  ({megabytes:.1f} MB; prose extraction, term matching, term and privacy rules)")
    rate("  the same in one process (as a site build scans)",
         median_time(bench.cold_scan(large, processes=1)[0], runs))  # fmt: skip
    report(
        f"  matcher compilation, {many_terms} terms, ms", compile_large * 1000, "-", judged=False
    )
    # What the scan pays for each page whatever its length: the same Markdown, the same
    # terms, in a tenth as many pages, ten times as long (1.00: nothing).
    fewer_pages = bench.joined(large, 10)
    per_page = bench.ratio(
        lambda config: bench.cold_scan(config, processes=1)[0], large, fewer_pages
    )
    report(f"  one process, {big_pages} pages / the same Markdown in {big_pages // 10}",
           per_page, "-", judged=False)  # fmt: skip
    cold_large = bench.cold_time(large)
    rate("  handbook check, cold (load and every rule, no cache)", cold_large)
    rate("  handbook check, cold, in a new process", bench.process_time(large))
    rate("  handbook check, first run (empty cache, filled)", bench.first_time(large))
    warm_large = bench.warm_time(large)
    rate("  handbook check, warm (cache filled by a first run)", warm_large)
    rate("  warm, one page edited before each run", bench.warm_time(large, "page"))
    rate("  warm, one term edited before each run", bench.warm_time(large, "term"))

    few_terms = bench.handbook(big_pages, 50)
    ratio = f"check time {many_terms} terms / 50 terms ({big_pages} pages)"
    report(f"{ratio}, cold", bench.ratio(bench.cold_check, large, few_terms), "<= 1.3")
    report("  warm", bench.ratio(bench.warm_check, large, few_terms), "<= 1.3")
    cold_scan = bench.ratio(lambda config: bench.cold_scan(config)[0], large, few_terms)
    report("  cold scan alone", cold_scan, "<= 1.3")
    cold_scan_one = bench.ratio(
        lambda config: bench.cold_scan(config, processes=1)[0], large, few_terms
    )
    report("  cold scan alone, in one process", cold_scan_one, "<= 1.3")

    pages_large = bench.handbook(big_pages, 500)
    pages_small = bench.handbook(small_pages, 500)
    ratio = f"check time {big_pages} pages / {small_pages} pages (500 terms)"
    report(f"{ratio}, cold", bench.ratio(bench.cold_check, pages_large, pages_small), "<= 11")
    report("  warm", bench.ratio(bench.warm_check, pages_large, pages_small), "<= 11")

    if not arguments.no_build:
        for pages, target in ((big_pages, "<= 1.10"), (2, "<= 1.25")):
            ratios = bench.build_ratios(pages)
            name = f"mkdocs build with plugin / without, {pages} pages, 500 terms, CPU time"
            report(f"{name}, warm", ratios[0] if ratios else None, target)
            report("  cold", ratios[1] if ratios else None, target)
            floor = ratios[2] if ratios else None
            report("  floor: writing the 500 term pages' folders and files alone", floor, "-",
                   judged=False)  # fmt: skip
    else:
        print("mkdocs build figures skipped (--no-build)")
    print("second build / first build PDF time: see benchmarks/handouts.py (target <= 0.05)")

    config = load_config(large)
    for label, context in (("cold", cache_off), ("warm", nullcontext)):
        with context():
            tracemalloc.start()
            run_checks(config)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        report(f"peak memory of handbook check, {label}", peak / 1e6, "-", " MB", judged=False)
    if arguments.keep is None:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
