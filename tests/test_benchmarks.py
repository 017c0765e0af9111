"""The benchmark's method (benchmarks/run.py), without timing anything: the speed figures
themselves are for `make bench`, never for tests on a shared machine."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from conftest import require_or_skip
from mkdocs.commands import build
from mkdocs.plugins import PluginCollection

from benchmarks import build_hooks, fork_break_even, fork_path, generate, run, scan_stages
from coalition_handbook import parallel


def test_a_ratio_is_the_median_of_rounds_in_which_both_sides_take_turns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order: list[str] = []
    seconds = {"large": iter([2.0, 4.0, 9.0]), "small": iter([1.0, 2.0, 1.0])}

    def scripted(action: Callable[[], object]) -> float:
        action()
        return next(seconds[order[-1]])

    monkeypatch.setattr(run, "timed", scripted)
    ratio = run.paired_ratio(lambda: order.append("large"), lambda: order.append("small"), 3)
    assert order == ["large", "small"] * 3
    assert ratio == 2.0  # the ratios of the rounds are 2, 2 and 9


def test_the_build_floor_writes_every_term_page_again_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    for term, html in (("victim", b"<p>a</p>"), ("survivor", b"<p>bb</p>")):
        (site / "glossary" / term).mkdir(parents=True)
        (site / "glossary" / term / "index.html").write_bytes(html)
    (site / "index.html").write_bytes(b"not a term page")
    written: dict[str, bytes] = {}
    remove = run.shutil.rmtree

    def record_then_remove(path: Path, **options: object) -> None:
        written.update(
            {page.parent.name: page.read_bytes() for page in Path(path).glob("*/index.html")}
        )
        remove(path, **options)

    monkeypatch.setattr(run.shutil, "rmtree", record_then_remove)
    # Scripted CPU times (before, after): the figure is user plus system time spent between.
    usages = iter(
        [SimpleNamespace(ru_utime=1.0, ru_stime=0.5), SimpleNamespace(ru_utime=1.25, ru_stime=1.0)]
    )
    monkeypatch.setattr(run.resource, "getrusage", lambda who: next(usages))
    seconds = run.page_writing_time(site)
    assert seconds == 0.75
    assert sorted(written.values()) == [b"<p>a</p>", b"<p>bb</p>"]


def test_joined_pages_hold_the_same_markdown_in_fewer_pages(tmp_path: Path) -> None:
    # What the per-page figure compares: the scan of the same bytes and terms, only the
    # number of pages differs.
    source = tmp_path / "written"
    generate.generate(source, 23, 5)
    config = generate.join_pages(source, tmp_path / "joined", 10)
    pages = sorted((source / "content").glob("*.md"))
    joined = sorted(config.parent.glob("content/*.md"))
    assert [page.name for page in joined] == ["index.md", "page-00001.md", "page-00002.md"]
    assert b"".join(map(Path.read_bytes, joined)) == b"".join(map(Path.read_bytes, pages))
    assert joined[2].read_bytes() == b"".join(map(Path.read_bytes, pages[20:]))
    assert config.read_bytes() == (source / "mkdocs.yml").read_bytes()
    terms = sorted(path.name for path in (config.parent / "glossary").glob("*.yml"))
    assert terms == sorted(path.name for path in (source / "glossary").glob("*.yml"))
    assert len(terms) == 5


def test_every_stage_of_the_scan_is_timed_where_it_runs_and_put_back(tmp_path: Path) -> None:
    # Each stage's function must be the one the scan calls: a stage renamed or no longer
    # called by its module's name would time nothing, and the rest would take its share.
    config = generate.generate(tmp_path / "handbook", 4, 3)
    functions = [getattr(module, name) for module, name, _ in scan_stages.STAGES]
    times, calls = scan_stages.stage_times(config, runs=1)
    assert calls[scan_stages.STAGES[0][2]] == 4  # each page's view, once
    called = {stage for module, name, stage in scan_stages.STAGES if name != "_record_texts"}
    assert called <= set(calls)  # the generated handbook has no protocol or module
    assert set(times) == {stage for _, _, stage in scan_stages.STAGES} | {
        scan_stages.REST,
        *scan_stages.PARTS.values(),
        "total",
    }
    # The rest is its parts, each rule's own time once. A rule renamed would be a part of
    # its own, outside the rest's split: named here, as the sum below misses a rule whose
    # time on four pages is under its tolerance (term.case, term.deprecated).
    assert set(scan_stages.PARTS) == {
        "scan",
        *(rule.__name__.rpartition(".")[2] for rule in run.SCAN_RULES),
    }
    parts = sum(times[part] for part in scan_stages.PARTS.values())
    assert parts == pytest.approx(times[scan_stages.REST], abs=0.001)
    assert [getattr(module, name) for module, name, _ in scan_stages.STAGES] == functions


def test_the_fork_path_parts_the_scan_at_its_fork_and_its_join(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Forked for work of any size: the child's CPU time is counted, this process's is
    # parted at the fork and at the join, and the modelled wall time waits for the
    # longer of the two parts.
    config = generate.generate(tmp_path / "handbook", 4, 3)
    monkeypatch.setattr(parallel, "_may_fork", lambda: True)
    monkeypatch.setattr(parallel, "MIN_COST", 0)
    pipe, receive = parallel._Pipe, parallel._receive
    figures = fork_path.fork_path(config, runs=1)
    assert (parallel._Pipe, parallel._receive) == (pipe, receive)  # put back
    assert figures[fork_path.CHILD] > 0
    assert figures[fork_path.WALL] == pytest.approx(
        figures[fork_path.BEFORE]
        + max(figures[fork_path.HERE], figures[fork_path.CHILD])
        + figures[fork_path.AFTER]
    )
    parts = (fork_path.BEFORE, fork_path.HERE, fork_path.CHILD, fork_path.AFTER)
    assert figures[fork_path.TOTAL] == pytest.approx(sum(figures[part] for part in parts))


def test_a_scan_that_makes_no_fork_is_all_this_process_s_part(tmp_path: Path) -> None:
    config = generate.generate(tmp_path / "handbook", 4, 3)  # too little to fork
    figures = fork_path.fork_path(config, runs=1)
    assert figures[fork_path.CHILD] == figures[fork_path.BEFORE] == 0
    assert figures[fork_path.AFTER] == 0
    assert figures[fork_path.WALL] == pytest.approx(figures[fork_path.TOTAL])
    assert figures[fork_path.HERE] == pytest.approx(figures[fork_path.TOTAL])


def test_each_fork_of_a_scan_is_parted_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two forks one after the other: each waits for its own child, not the last one's.
    monkeypatch.setattr(parallel, "_may_fork", lambda: True)
    monkeypatch.setattr(parallel, "MIN_COST", 0)
    forks: list[tuple[float, float, float]] = []

    def doubled(items: Sequence[int]) -> list[int]:
        return [item * 2 for item in items]

    with fork_path.fork_marks(forks):
        for _ in range(2):
            assert parallel.in_two_processes(doubled, [1, 2, 3, 4], lambda _: 1.0) == [2, 4, 6, 8]
    assert len(forks) == 2
    assert all(fork <= join and child >= 0 for fork, join, child in forks)
    assert forks[0][1] <= forks[1][0]


def test_a_build_s_time_is_parted_by_plugin_hook_and_template_and_put_back(
    tmp_path: Path,
) -> None:
    generate.generate(tmp_path / "handbook", 2, 3)
    originals = (
        PluginCollection.run_event,
        jinja2.Template.render,
        *(getattr(build, stage) for stage in build_hooks.STAGES),
    )
    total, seconds, calls = build_hooks.build_times(tmp_path / "handbook" / "mkdocs.yml", False)
    # Each plugin's methods apart, those of a CombinedEvent too; each page's template.
    assert calls["pre_build: PreBuildHooks._check_handbook"] == 1
    assert calls["page_markdown: PageHooks.on_page_markdown"] == calls["stage _populate_page"]
    assert calls["page_context: SearchPlugin.on_page_context"] == calls["stage _build_page"]
    assert calls["template hb-term.html"] == 3
    assert calls["template main.html"] >= 2
    assert 0 < seconds["stage _build_page"] < total
    assert not (tmp_path / "handbook" / ".cache").exists()  # built without the cache
    assert (
        PluginCollection.run_event,
        jinja2.Template.render,
        *(getattr(build, stage) for stage in build_hooks.STAGES),
    ) == originals


def test_an_event_without_an_item_never_passes_one_as_mkdocs_runs_it() -> None:
    # `on_page_read_source` has no item: a first plugin's text is not the second's argument.
    seen: list[dict[str, object]] = []

    def first(**options: object) -> str:
        return "text"

    def second(**options: object) -> None:
        seen.append(options)

    plugins = SimpleNamespace(events={"page_read_source": [first, second]}, _event_origins={})
    seconds: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    run_event = build_hooks._run_event_timed(seconds, calls)
    assert run_event(plugins, "page_read_source", page="a page") == "text"
    assert seen == [{"page": "a page"}]
    assert set(calls) == {
        f"page_read_source: {first.__qualname__}",
        f"page_read_source: {second.__qualname__}",
    }


def test_a_build_that_fails_is_said_in_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build_hooks.main([str(tmp_path / "mkdocs.yml")]) == 1
    said = capsys.readouterr().err
    assert said.startswith(f"{tmp_path / 'mkdocs.yml'}: the build failed: ")
    assert "Traceback" not in said


def test_the_break_even_checks_the_copied_example_with_its_forks_forced_on_and_off(
    tmp_path: Path,
) -> None:
    """Forced on, a fork is still made only where one may be: skipped without two CPUs
    to run on (`taskset -c 0`, a one-CPU container), failed there under CI=true, as the
    forks' own tests (tests/test_parallel.py)."""
    require_or_skip(
        sys.platform == "linux" and parallel._usable_cpus() >= 2,
        "forks only on Linux with two CPUs",
    )
    config = fork_break_even.example_copies(tmp_path / "example", 2)
    pages = sorted(path.name for path in (config.parent / "content" / "modules").glob("*.md"))
    assert "hotel-staff.md" in pages and "hotel-staff-2.md" in pages
    assert "index.md" in pages and "index-2.md" not in pages
    _, on_modelled, on_cpu, on_costs = fork_break_even.cold_check(config, "on")
    _, off_modelled, off_cpu, off_costs = fork_break_even.cold_check(config, "off")
    assert on_costs and on_costs[0] > 0  # the term files' load, forced to fork
    assert not off_costs  # HANDBOOK_ONE_PROCESS=1: no fork considered
    assert on_modelled > 0 and off_modelled > 0
    assert on_cpu > 0 and off_cpu > 0
