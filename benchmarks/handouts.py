"""Measure the handouts figure of DESIGN section 10: second build / first build PDF time.

    python benchmarks/handouts.py               # the shipped handbook's modules
    python benchmarks/handouts.py --copies 5    # each shipped module 5 times, for steadier times

The handbook (mkdocs.yml, content, glossary, protocols) is copied into a temporary folder,
so the first build starts with an empty cache and the repository's own `.cache` is left
alone. Both builds are timed in-process around `build_handouts`, after the handbook is
loaded and scanned (a site build has done that for its checks already). Each build gets a
fresh output folder, as `mkdocs build` cleans the site. The first build's time includes
importing WeasyPrint, as a real first build's does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from coalition_handbook.config import load_config
from coalition_handbook.documents import scan_handbook
from coalition_handbook.model import load_handbook
from coalition_handbook.rules.base import CheckContext
from coalition_handbook.site import handout_render
from coalition_handbook.site.handouts import HandoutReport, build_handouts

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.05
COPIED = ("mkdocs.yml", "content", "glossary", "protocols")


def copy_handbook(source: Path, target: Path, copies: int) -> Path:
    """The handbook at `source` in `target`, each module `copies` times."""
    target.mkdir(parents=True)
    for name in COPIED:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
        else:
            shutil.copy2(source / name, target / name)
    config = load_config(target / "mkdocs.yml")
    for module in sorted(config.modules_dir.glob("*.md")):
        if module.name == "index.md":
            continue
        for copy in range(2, copies + 1):
            shutil.copy2(module, module.with_name(f"{module.stem}-{copy}.md"))
    return target / "mkdocs.yml"


def timed_build(config_file: Path, output: Path) -> tuple[float, HandoutReport]:
    config = load_config(config_file)
    handbook, _ = load_handbook(config)
    context = CheckContext(config=config, handbook=handbook)
    scan_handbook(context)
    started = time.perf_counter()
    report = build_handouts(context, output)
    return time.perf_counter() - started, report


def describe(report: HandoutReport) -> str:
    return (
        f"{report.count('rendered')} rendered, {report.count('cached')} from the cache, "
        f"{len(report.failed)} failed"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1, help="copies of each module")
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        handout_render.load_weasyprint()
    except handout_render.HandoutsUnavailable as error:
        print(f"handouts benchmark: skipped: {error}", file=sys.stderr)
        return 1 if os.environ.get("CI") == "true" else 0

    with tempfile.TemporaryDirectory(prefix="handouts-bench-") as folder:
        root = Path(folder)
        config_file = copy_handbook(
            args.config_file.resolve().parent, root / "handbook", args.copies
        )
        first, first_report = timed_build(config_file, root / "first")
        second, second_report = timed_build(config_file, root / "second")
    modules = len(first_report.results)
    ratio = second / first if first else float("inf")
    source = "the shipped modules" if args.copies == 1 else f"{args.copies} of each module"
    print(f"handouts: {modules} modules ({source})")
    print(f"  first build, PDF time          {first:8.3f} s  ({describe(first_report)})")
    print(f"  second build, PDF time         {second:8.3f} s  ({describe(second_report)})")
    verdict = "ok" if ratio <= TARGET else "MISSED"
    print(f"  second / first                 {ratio:8.4f}    target <= {TARGET}  {verdict}")
    if first_report.failed or second_report.count("rendered"):
        print("handouts benchmark: unexpected renders or failures", file=sys.stderr)
        return 1
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
