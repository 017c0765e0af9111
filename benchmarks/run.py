"""Measure the figures of DESIGN section 10 in one run and print them with their targets.

    python -m benchmarks.run            # the contract's sizes, medians of 3 runs
    python -m benchmarks.run --quick    # smaller sizes, one run each (a smoke test)
    python -m benchmarks.run --no-build # skip the mkdocs build figures

Handbooks are generated (deterministically) in a temporary folder. `handbook check` is
timed in-process (`run_checks`: load, every rule, suppressions); the scan alone (Markdown
prose plus one matcher pass over pages, definitions, protocols and modules) is timed too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from coalition_handbook.check import run_checks
from coalition_handbook.config import load_config
from coalition_handbook.documents import scan
from coalition_handbook.matching import Matcher
from coalition_handbook.model import load_handbook

from .generate import generate


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def markdown_megabytes(config_file: Path) -> float:
    content = config_file.parent / "content"
    return sum(path.stat().st_size for path in content.rglob("*.md")) / 1e6


class Bench:
    def __init__(self, root: Path, runs: int) -> None:
        self.root = root
        self.runs = runs

    def handbook(self, pages: int, terms: int, plugin: bool = True) -> Path:
        folder = self.root / f"p{pages}-t{terms}-{'plugin' if plugin else 'plain'}"
        config = folder / "mkdocs.yml"
        if not config.exists():
            generate(folder, pages, terms, plugin=plugin)
        return config

    def check_time(self, config_file: Path) -> float:
        config = load_config(config_file)
        return median_time(lambda: run_checks(config), self.runs)

    def scan_time(self, config_file: Path) -> float:
        config = load_config(config_file)
        handbook, _ = load_handbook(config)

        def scan_once() -> None:
            scan(handbook, Matcher.from_terms(handbook.terms.values()))

        return median_time(scan_once, self.runs)

    def build_time(self, config_file: Path) -> float | None:
        mkdocs = Path(sys.executable).with_name("mkdocs")
        site = config_file.parent / "site"

        def build() -> None:
            shutil.rmtree(site, ignore_errors=True)
            subprocess.run(
                [str(mkdocs), "build", "-q", "-f", str(config_file), "-d", str(site)],
                check=True,
                capture_output=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )

        try:
            return median_time(build, self.runs)
        except (subprocess.CalledProcessError, FileNotFoundError) as error:
            stderr = getattr(error, "stderr", b"") or b""
            tail = stderr.decode(errors="replace").strip().splitlines()[-1:] or [str(error)]
            print(f"  (mkdocs build failed for {config_file.parent.name}: {tail[0]})")
            return None


def report(name: str, value: float | None, target: str, unit: str = "") -> None:
    shown = "skipped" if value is None else f"{value:.2f}{unit}"
    print(f"{name:<58} {shown:>12}   target {target}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, one run each")
    parser.add_argument("--no-build", action="store_true", help="skip the mkdocs build figures")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (median)")
    parser.add_argument("--keep", type=Path, default=None, help="generate into this folder")
    arguments = parser.parse_args(argv)
    runs = arguments.runs or (1 if arguments.quick else 3)
    big_pages, small_pages = (200, 20) if arguments.quick else (1000, 100)
    many_terms = 2000
    root = arguments.keep or Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    bench = Bench(root, runs)
    print(f"handbooks in {root}; medians of {runs} run(s)")

    large = bench.handbook(big_pages, many_terms)
    megabytes = markdown_megabytes(large)
    check_large = bench.check_time(large)
    scan_large = bench.scan_time(large)
    report(
        f"handbook check rate, {big_pages} pages, {many_terms} terms",
        megabytes / check_large,
        ">= 20",
        " MB/s",
    )
    report(
        "  scan alone (prose + matching), same handbook", megabytes / scan_large, ">= 20", " MB/s"
    )

    few_terms = bench.handbook(big_pages, 50)
    report(
        f"check time {many_terms} terms / 50 terms ({big_pages} pages)",
        check_large / bench.check_time(few_terms),
        "<= 1.3",
    )
    report("  scan alone, same ratio", scan_large / bench.scan_time(few_terms), "<= 1.3")

    pages_large = bench.handbook(big_pages, 500)
    pages_small = bench.handbook(small_pages, 500)
    report(
        f"check time {big_pages} pages / {small_pages} pages (500 terms)",
        bench.check_time(pages_large) / bench.check_time(pages_small),
        "<= 11",
    )
    report(
        "  scan alone, same ratio",
        bench.scan_time(pages_large) / bench.scan_time(pages_small),
        "<= 11",
    )

    if not arguments.no_build:
        for pages, target in ((big_pages, "<= 1.10"), (2, "<= 1.25")):
            with_plugin = bench.build_time(bench.handbook(pages, 500))
            without = bench.build_time(bench.handbook(pages, 500, plugin=False))
            ratio = with_plugin / without if with_plugin and without else None
            report(f"mkdocs build with plugin / without, {pages} pages, 500 terms", ratio, target)
    else:
        print("mkdocs build figures skipped (--no-build)")

    config = load_config(large)
    tracemalloc.start()
    run_checks(config)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report(
        f"peak memory of handbook check ({megabytes:.1f} MB of Markdown)", peak / 1e6, "-", " MB"
    )
    if arguments.keep is None:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
