"""Sharing the scan with a second process (`parallel`): the same results as one process
computes, the child's part computed by the child, and any failure of the child made
good here; no fork where it is not allowed, not safe or does not pay."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import require_or_skip

from coalition_handbook import parallel
from coalition_handbook.cache import CACHE_DIR, DISABLE_VARIABLE, STATS, RunCache
from coalition_handbook.check import run_checks
from coalition_handbook.cli import main
from coalition_handbook.config import load_config
from coalition_handbook.documents import ScannedDocument, scan, scan_handbook
from coalition_handbook.matching import Matcher
from coalition_handbook.model import load_handbook
from coalition_handbook.model.types import Origin
from coalition_handbook.parallel import Along, Meanwhile, in_two_processes, two_processes_allowed
from coalition_handbook.rules import privacy_pii
from coalition_handbook.rules.base import CheckContext
from coalition_handbook.rules.privacy_allow_list import AllowList
from coalition_handbook.rules.privacy_reported import ReportedData

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forks only on Linux with two CPUs: elsewhere these skip, and fail under CI=true (CI
    has them; a skip there would leave the forking untested, unseen).

    This process is taken to run one thread: a session fixture of other tests (a local
    web server) may have left one running in this worker, which the child never uses.
    And two processes are not turned off by whoever runs the tests."""
    require_or_skip(
        sys.platform == "linux" and parallel._usable_cpus() >= 2,
        "forks only on Linux with two CPUs",
    )
    monkeypatch.setattr(parallel, "_threads_running", lambda: 1)
    monkeypatch.delenv(parallel.ONE_PROCESS_VARIABLE, raising=False)


def patch_fork(
    monkeypatch: pytest.MonkeyPatch,
    in_parent: Callable[[], None] | None = None,
    in_child: Callable[[], None] | None = None,
) -> list[int]:
    """Record the children `in_two_processes` forks, as it forks them, and run
    `in_parent` or `in_child` the moment `fork` returns there."""
    children: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        child = real_fork()
        if child:
            children.append(child)
            if in_parent is not None:
                in_parent()
        elif in_child is not None:
            in_child()
        return child

    monkeypatch.setattr(os, "fork", fork)
    return children


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The children `in_two_processes` forks."""
    return patch_fork(monkeypatch)


@pytest.fixture
def any_size(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fork for work of any size, inside `two_processes_allowed`."""
    monkeypatch.setattr(parallel, "MIN_COST", 0)
    with two_processes_allowed():
        yield


def with_pid(items: Sequence[int]) -> list[tuple[int, int]]:
    """Each item with the process that computed it."""
    return [(item, os.getpid()) for item in items]


def failing_in_a_child(parent: int) -> Callable[[Sequence[int]], list[tuple[int, int]]]:
    """`with_pid`, which fails in any process but `parent` (a forked child)."""

    def compute(items: Sequence[int]) -> list[tuple[int, int]]:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return with_pid(items)

    return compute


def reaped(children: list[int]) -> bool:
    """Whether every child forked was waited for (none left running or a zombie)."""
    for child in children:
        try:
            os.waitpid(child, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return bool(children)


def test_the_last_part_is_computed_by_a_child_and_the_order_kept(
    any_size: None, forks: list[int]
) -> None:
    results = in_two_processes(with_pid, list(range(100)), lambda item: 1)
    assert [item for item, _ in results] == list(range(100))
    pids = [pid for _, pid in results]
    here = pids.index(next(pid for pid in pids if pid != os.getpid()))
    assert set(pids[:here]) == {os.getpid()}
    assert len(set(pids[here:])) == 1
    # The child's share is a little under half of the work.
    assert 40 <= 100 - here <= 50
    assert pids[here] == forks[0]
    assert reaped(forks)


def test_costs_decide_the_split(any_size: None) -> None:
    # One heavy item first: the child takes all the light ones after it.
    costs = {0: 1000, **dict.fromkeys(range(1, 11), 1)}
    results = in_two_processes(with_pid, list(range(11)), costs.__getitem__)
    assert results[0][1] == os.getpid()
    children = {pid for _, pid in results[1:]}
    assert len(children) == 1
    assert os.getpid() not in children


def test_without_permission_or_below_the_size_nothing_forks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items = list(range(10))
    assert {pid for _, pid in in_two_processes(with_pid, items, lambda item: 10**6)} == {
        os.getpid()
    }
    with two_processes_allowed():
        monkeypatch.setattr(parallel, "MIN_COST", 1000)
        assert {pid for _, pid in in_two_processes(with_pid, items, lambda item: 99)} == {
            os.getpid()
        }
        monkeypatch.setattr(parallel, "MIN_COST", 0)
        assert len({pid for _, pid in in_two_processes(with_pid, items, lambda item: 99)}) == 2
    # The permission ends with its block.
    assert {pid for _, pid in in_two_processes(with_pid, items, lambda item: 10**6)} == {
        os.getpid()
    }


def test_with_another_thread_running_nothing_forks(
    any_size: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "_threads_running", threading.active_count)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        results = in_two_processes(with_pid, list(range(10)), lambda item: 1)
    finally:
        stop.set()
        thread.join()
    assert {pid for _, pid in results} == {os.getpid()}


def test_work_along_shares_the_fork_and_its_last_part_is_the_childs(
    any_size: None, forks: list[int]
) -> None:
    done: list[list[tuple[int, int]]] = []
    along = Along(with_pid, list(range(100, 110)), lambda item: 1, done.append)
    results = in_two_processes(with_pid, list(range(10)), lambda item: 1, along=[along])
    assert len(forks) == 1
    assert [item for item, _ in results] == list(range(10))
    [read] = done
    assert [item for item, _ in read] == list(range(100, 110))
    # Each work split in the same share: the child's part is the last four or so of each.
    for part in (results, read):
        pids = [pid for _, pid in part]
        assert pids[0] == os.getpid()
        assert set(pids[-4:]) == {forks[0]}
    assert reaped(forks)


def test_work_that_costs_nothing_is_shared_too(any_size: None, forks: list[int]) -> None:
    results = in_two_processes(with_pid, list(range(10)), lambda item: 0)
    assert [item for item, _ in results] == list(range(10))
    assert results[0][1] == os.getpid()
    assert {pid for _, pid in results[1:]} == {forks[0]}
    assert reaped(forks)


def test_each_work_is_split_in_the_same_share(any_size: None, forks: list[int]) -> None:
    """The child computes the same share of each work, not the last works whole: the
    costs undercount one work more than another on real pages (privacy.pii's reading of
    the example's pages costs twice its estimate, the scan 1.4 times; on the bench both
    about their estimate), and a child given all of one work took longer than this
    process (the example's pages x20: 0.150 s of CPU against 0.116)."""
    done: list[list[tuple[int, int]]] = []
    along = Along(with_pid, list(range(100, 200)), lambda item: 3, done.append)
    results = in_two_processes(with_pid, list(range(100)), lambda item: 1, along=[along])
    [read] = done
    assert [item for item, _ in results + read] == [*range(100), *range(100, 200)]
    for part in (results, read):
        here = sum(pid == os.getpid() for _, pid in part)
        assert 50 <= here <= 58  # this process's share, a little over half
        assert {pid for _, pid in part[here:]} == {forks[0]}
    assert reaped(forks)


def test_work_along_is_left_to_its_owner_where_no_fork_is_made(forks: list[int]) -> None:
    done: list[object] = []
    along = Along(with_pid, list(range(10)), lambda item: 1, done.append)
    results = in_two_processes(with_pid, list(range(10)), lambda item: 1, along=[along])
    assert results == with_pid(list(range(10)))
    assert done == []
    assert forks == []


def test_work_along_a_child_that_fails_is_computed_here(any_size: None, forks: list[int]) -> None:
    parent = os.getpid()

    done: list[list[tuple[int, int]]] = []
    along = Along(failing_in_a_child(parent), list(range(10, 20)), lambda item: 1, done.append)
    results = in_two_processes(with_pid, list(range(10)), lambda item: 1, along=[along])
    assert results == [(item, parent) for item in range(10)]
    assert done == [[(item, parent) for item in range(10, 20)]]
    assert reaped(forks)


def test_work_meanwhile_is_done_here_while_the_child_computes_which_takes_more(
    any_size: None, forks: list[int], tmp_path: Path
) -> None:
    parent = os.getpid()
    started = tmp_path / "meanwhile started"
    done: list[int] = []

    def work() -> None:
        started.touch()
        done.append(os.getpid())

    def waits_for_the_work(items: Sequence[int]) -> list[tuple[int, int]]:
        # The child ends only once the work is under way here: done after the child's
        # results came back, it would never be, and its part would be computed here.
        if os.getpid() != parent:
            for _ in range(400):
                if started.exists():
                    break
                time.sleep(0.025)
            else:
                raise RuntimeError("no work done meanwhile")
        return with_pid(items)

    meanwhile = Meanwhile(work, 100)
    results = in_two_processes(
        waits_for_the_work, list(range(100)), lambda item: 1, meanwhile=meanwhile
    )
    assert [item for item, _ in results] == list(range(100))
    here = [item for item, pid in results if pid == parent]
    # As much work as all the items to do here beside them: the child takes nearly all.
    assert 1 <= len(here) <= 10
    assert {pid for item, pid in results if item not in here} == {forks[0]}
    meanwhile.run()  # as its owner does after: done once
    assert done == [parent]
    assert reaped(forks)


def test_work_meanwhile_is_left_to_its_owner_where_no_fork_is_made(forks: list[int]) -> None:
    done: list[int] = []
    meanwhile = Meanwhile(lambda: done.append(1), 100)
    results = in_two_processes(with_pid, list(range(10)), lambda item: 1, meanwhile=meanwhile)
    assert results == with_pid(list(range(10)))
    assert done == []
    meanwhile.run()
    meanwhile.run()
    assert done == [1]
    assert forks == []


def test_work_meanwhile_forks_no_second_child(any_size: None, forks: list[int]) -> None:
    inner: list[list[tuple[int, int]]] = []

    def work() -> None:
        inner.append(in_two_processes(with_pid, list(range(10)), lambda item: 1))

    meanwhile = Meanwhile(work, 1)
    in_two_processes(with_pid, list(range(10)), lambda item: 1, meanwhile=meanwhile)
    assert inner == [with_pid(list(range(10)))]
    assert len(forks) == 1
    assert reaped(forks)


def test_an_error_in_work_along_is_left_to_its_owner_as_in_one_process(
    any_size: None, forks: list[int]
) -> None:
    """Review (rv60c): with each work split, this process computes the first part of the
    work along before the child's part of its own; an error there was raised instead of
    the one in the child's part that one process raises (where no work along is done).
    The work along that fails is left to its owner, which computes it as alone."""
    parent = os.getpid()

    def fails_at(bad: int) -> Callable[[Sequence[int]], list[tuple[int, int]]]:
        def compute(items: Sequence[int]) -> list[tuple[int, int]]:
            if bad in items:
                raise ValueError(f"bad item {bad}")
            return with_pid(items)

        return compute

    done: list[object] = []
    along = Along(fails_at(101), list(range(100, 200)), lambda item: 1, done.append)
    with pytest.raises(ValueError, match="bad item 95"):  # in the child's part: as alone
        in_two_processes(fails_at(95), list(range(100)), lambda item: 1, along=[along])
    assert done == []
    assert reaped(forks)
    # The work's own results come back whole; the work along, failing here or in the
    # child, is not done (its owner computes it, and meets the error there).
    for bad in (101, 199):
        results = in_two_processes(
            with_pid,
            list(range(100)),
            lambda item: 1,
            along=[Along(fails_at(bad), list(range(100, 200)), lambda item: 1, done.append)],
        )
        assert [item for item, _ in results] == list(range(100))
        assert results[0][1] == parent
        assert done == []
    assert len(forks) == 3


def test_a_child_that_fails_has_its_part_computed_here(any_size: None, forks: list[int]) -> None:
    parent = os.getpid()

    results = in_two_processes(failing_in_a_child(parent), list(range(20)), lambda item: 1)
    assert results == [(item, parent) for item in range(20)]
    assert reaped(forks)


def test_a_child_that_dies_has_its_part_computed_here(any_size: None, forks: list[int]) -> None:
    parent = os.getpid()

    def dies_in_the_child(items: Sequence[int]) -> list[tuple[int, int]]:
        if os.getpid() != parent:
            os._exit(3)
        return with_pid(items)

    results = in_two_processes(dies_in_the_child, list(range(20)), lambda item: 1)
    assert results == [(item, parent) for item in range(20)]
    assert reaped(forks)


def test_an_error_is_raised_here_and_the_child_reaped(any_size: None, forks: list[int]) -> None:
    def always_fails(items: Sequence[int]) -> list[int]:
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        in_two_processes(always_fails, list(range(20)), lambda item: 1)
    assert reaped(forks)


_PRINTS_IN_THE_CHILD = """
import os, sys
from coalition_handbook import parallel
parent = os.getpid()
def compute(items):
    if os.getpid() != parent:
        print("child", flush=True)  # what a warning written by the child would do
    return list(items)
parallel.MIN_COST = 0
print("once")  # to a pipe: buffered, not yet written at the fork
with parallel.two_processes_allowed():
    assert parallel.in_two_processes(compute, list(range(20)), lambda item: 1) == list(range(20))
"""


def test_nothing_printed_before_the_fork_is_printed_twice() -> None:
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    run = subprocess.run(
        [sys.executable, "-c", _PRINTS_IN_THE_CHILD],
        capture_output=True,
        text=True,
        check=True,
        env=buffered,
    )
    assert sorted(run.stdout.split()) == ["child", "once"]


@pytest.fixture
def scan_sender(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], tuple[int, int]]:
    """(pid, count) of the process that sent scanned documents back, and how many: the
    scan's child writes them down as it sends, and their kinds in order (`kinds_sent`)."""
    sender = tmp_path / "sender"
    real = parallel.in_two_processes

    def watched(compute, items, cost, send, receive, **more):  # type: ignore[no-untyped-def]
        def sent_by_the_child(results):  # type: ignore[no-untyped-def]
            sender.write_text(f"{os.getpid()} {len(results)}", encoding="utf-8")
            kinds = " ".join(document.kind for document in results)
            sender.with_name("kinds").write_text(kinds, encoding="utf-8")
            return send(results)

        return real(compute, items, cost, sent_by_the_child, receive, **more)

    monkeypatch.setattr("coalition_handbook.documents.in_two_processes", watched)

    def sent() -> tuple[int, int]:
        pid, count = map(int, sender.read_text(encoding="utf-8").split())
        return pid, count

    return sent


def _example_scanned_alone_and_shared(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[list[ScannedDocument], list[ScannedDocument]]:
    """The example handbook's scan in one process, then in two (every cost worth a fork)."""
    config = load_config(ROOT / "mkdocs.yml")
    handbook, _ = load_handbook(config)
    matcher = Matcher.from_terms(handbook.terms.values())
    alone = scan(handbook, matcher)
    monkeypatch.setattr(parallel, "MIN_COST", 0)
    with two_processes_allowed():
        shared = scan(handbook, matcher)
    return alone, shared


def test_the_example_handbook_scans_alike_in_one_and_in_two_processes(
    monkeypatch: pytest.MonkeyPatch, scan_sender: Callable[[], tuple[int, int]]
) -> None:
    alone, shared = _example_scanned_alone_and_shared(monkeypatch)
    pid, count = scan_sender()
    assert pid != os.getpid()
    assert 0 < count < len(alone)
    assert shared == alone
    assert [document.matches for document in shared] == [document.matches for document in alone]


def test_the_child_scans_the_pages_and_this_process_the_terms_and_records(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, scan_sender: Callable[[], tuple[int, int]]
) -> None:
    # What the child scans it sends back pickled, to be rebuilt here: a page is one text,
    # a term or a protocol many small ones, each with its value and raw scalar. So the
    # child takes the pages, the last part, and terms and records only past them.
    alone, shared = _example_scanned_alone_and_shared(monkeypatch)
    kinds = (tmp_path / "kinds").read_text(encoding="utf-8").split()
    pages = sum(document.kind == "page" for document in alone)
    assert shared == alone  # in the order of one process: pages first
    assert kinds == sorted(kinds, key=lambda kind: kind == "page")  # pages last
    assert set(kinds) == {"page"} or kinds.count("page") == pages


def test_a_terms_scan_is_costed_by_its_values_not_its_whole_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A term file's tags, sources and history are never scanned: costed by its file, each
    # term weighed about twice what it costs, and the split of the work with it.
    config = load_config(ROOT / "mkdocs.yml")
    handbook, _ = load_handbook(config)
    costs: dict[tuple[str, str], float] = {}
    real = parallel.in_two_processes

    def watched(compute, items, cost, *more, **named):  # type: ignore[no-untyped-def]
        found = compute(items)
        for item, document in zip(items, found, strict=True):
            costs[document.kind, document.owner or document.path] = cost(item)
        return real(compute, items, cost, *more, **named)

    monkeypatch.setattr("coalition_handbook.documents.in_two_processes", watched)
    scan(handbook, Matcher.from_terms(handbook.terms.values()))
    page = handbook.checked_pages[0]
    per_character = costs["page", page.path] / len(page.origin.text)  # a page: by its file
    for term in handbook.terms.values():
        values = len(term.definition) + (len(term.short) if "short" in term.origin.spans else 0)
        assert costs["term", term.id] == pytest.approx(values * per_character)
        assert costs["term", term.id] < len(term.origin.text) * per_character


def test_documents_scanned_in_two_processes_are_cached_as_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, any_size: None
) -> None:
    config = load_config(ROOT / "mkdocs.yml")
    handbook, _ = load_handbook(config)
    matcher = Matcher.from_terms(handbook.terms.values())
    cache = RunCache(tmp_path)
    scanned_before = STATS.scanned
    shared = scan(handbook, matcher, cache, "forms")
    cache.flush()
    assert STATS.scanned - scanned_before == len(shared)
    monkeypatch.setattr(parallel, "MIN_COST", 10**15)
    again = scan(handbook, matcher, RunCache(tmp_path), "forms")
    assert STATS.scanned - scanned_before == len(shared)  # every document from the cache
    assert again == shared == scan(handbook, matcher)


def test_handbook_check_reports_alike_in_one_and_in_two_processes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    scan_sender: Callable[[], tuple[int, int]],
) -> None:
    for name in ("content", "glossary", "protocols"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    # Findings of every term rule, of privacy.pii and of a term file with problems.
    (tmp_path / "glossary" / "broken.yml").write_text(
        "term: broken\nversion: 0\ndefinition: A child prostitute.\n", encoding="utf-8"
    )
    (tmp_path / "content" / "findings.md").write_text(
        "# Findings\n\nA child prostitute met the ZQX desk about her t visa.\n\n"
        "Call 555-123-4567 for the blue campaign.\n",
        encoding="utf-8",
    )
    check = ["check", "-f", str(tmp_path / "mkdocs.yml"), "--format", "json"]
    monkeypatch.setattr(parallel, "MIN_COST", 10**15)  # one process
    with monkeypatch.context() as patched:
        patched.setenv(DISABLE_VARIABLE, "1")
        assert main(check) == 1
    alone = json.loads(capsys.readouterr().out)
    rules = {finding["rule"] for finding in alone["findings"]}
    assert rules >= {
        "term.avoid",
        "term.case",
        "term.unknown-acronym",
        "privacy.pii",
        "glossary.schema",
    }
    monkeypatch.setattr(parallel, "MIN_COST", 0)
    for _ in ("first run, filling the cache", "warm run"):
        assert main(check) == 1
        assert json.loads(capsys.readouterr().out) == alone
    assert scan_sender()[0] != os.getpid()  # the command let the first run fork


@pytest.mark.parametrize("cache", ["off", "first run"])
def test_the_pages_are_read_while_the_child_reads_term_files(
    cache: str,
    any_size: None,
    forks: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A check that reads every file (no cache, or none filled yet) reads the pages,
    protocols and modules here while its child reads term files, not after."""
    from coalition_handbook import model

    for name in ("content", "glossary", "protocols"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    if cache == "off":
        monkeypatch.setenv(DISABLE_VARIABLE, "1")
    during: list[tuple[int, bool]] = []
    read_rest = model._load_rest

    def noted(*args: Any, **kwargs: Any) -> Any:
        # Inside the fork's window no second child may fork: so it says where it runs.
        during.append((len(forks), parallel._ALLOWED.get()))
        return read_rest(*args, **kwargs)

    monkeypatch.setattr(model, "_load_rest", noted)
    result = run_checks(load_config(tmp_path / "mkdocs.yml"))
    assert during == [(1, False)]
    assert result.handbook.pages
    assert reaped(forks)


def test_a_first_runs_pages_are_costed_as_read_not_as_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first run with the cache on finds none of its pages there, and reads each as a
    run with the cache off does: the child is given as many more term files as that
    takes, not a tenth as many (a first run read pages ~90 ms past its child's end at
    2,000 terms and 1,000 pages). A run after it finds them all."""
    from coalition_handbook import model
    from coalition_handbook.model.pages import walk_docs

    for name in ("content", "glossary", "protocols"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    costs: list[float] = []

    class Noted(Meanwhile):
        def __init__(self, work: Callable[[], object], cost: float) -> None:
            costs.append(cost)
            super().__init__(work, cost)

    monkeypatch.setattr(model, "Meanwhile", Noted)
    config = load_config(tmp_path / "mkdocs.yml")
    pages = len(walk_docs(config).pages)
    first = RunCache(tmp_path / CACHE_DIR)
    load_handbook(config, first)
    first.flush()
    load_handbook(config, RunCache(tmp_path / CACHE_DIR))
    assert pages > 1
    read = model._PAGE_COST + model._STORED_PAGE_COST
    assert costs == [pages * read, pages * model._CACHED_PAGE_COST]


def test_privacy_pii_reads_files_in_two_processes_as_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, any_size: None
) -> None:
    """The files privacy.pii reads are shared as the scan's are: the child reads its part,
    and the findings are those one process makes, in the same order."""
    for name in ("content", "glossary", "protocols"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    for number in range(4):
        (tmp_path / "content" / f"calls-{number}.md").write_text(
            f"# Calls\n\nCall 555-123-456{number}, or write to jane{number}@gmail.com.\n",
            encoding="utf-8",
        )
    readers = tmp_path / "readers"
    read_files = privacy_pii._reported_in_files

    def reading(allowed: AllowList, origins: Sequence[Origin]) -> list[list[ReportedData]]:
        with readers.open("a", encoding="utf-8") as written:
            written.write(f"{os.getpid()}\n")
        return read_files(allowed, origins)

    monkeypatch.setattr(privacy_pii, "_reported_in_files", reading)
    config = load_config(tmp_path / "mkdocs.yml")
    handbook, _ = load_handbook(config)
    shared = list(privacy_pii.check(CheckContext(config=config, handbook=handbook)))
    pids = set(map(int, readers.read_text(encoding="utf-8").split()))
    assert os.getpid() in pids
    assert len(pids) == 2  # and the child
    monkeypatch.setattr(parallel, "MIN_COST", 10**15)
    assert shared == list(privacy_pii.check(CheckContext(config=config, handbook=handbook)))
    assert len(shared) >= 8


def test_privacy_pii_reads_its_files_in_the_scans_fork(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, any_size: None, forks: list[int]
) -> None:
    """Where the scan forks, privacy.pii's files are read in its child: one fork, not two
    (~50 ms of CPU at 1000 pages), and the findings one process makes, in order."""
    for name in ("content", "glossary", "protocols"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    for number in range(4):
        (tmp_path / "content" / f"calls-{number}.md").write_text(
            f"# Calls\n\nCall 555-123-456{number}, or write to jane{number}@gmail.com.\n",
            encoding="utf-8",
        )
    config = load_config(tmp_path / "mkdocs.yml")
    handbook, _ = load_handbook(config)
    context = CheckContext(config=config, handbook=handbook)
    loading = len(forks)
    scan_handbook(context)
    assert len(forks) == loading + 1
    shared = list(privacy_pii.check(context))
    assert len(forks) == loading + 1  # read in the scan's child
    monkeypatch.setattr(parallel, "MIN_COST", 10**15)
    assert shared == list(privacy_pii.check(CheckContext(config=config, handbook=handbook)))
    assert len(shared) >= 8
    assert reaped(forks)


def logged_reading(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Have each process that reads privacy.pii's files write their paths to `log`."""
    reading = privacy_pii._reported_in_files

    def logged(allowed: AllowList, origins: Sequence[Origin]) -> list[list[ReportedData]]:
        with log.open("a", encoding="utf-8") as written:
            written.writelines(f"{origin.path}\n" for origin in origins)
        return reading(allowed, origins)

    monkeypatch.setattr(privacy_pii, "_reported_in_files", logged)


@pytest.mark.parametrize("cache", [False, True])
def test_privacy_pii_read_before_the_scan_is_not_read_again_in_its_fork(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, any_size: None, cache: bool
) -> None:
    """Where privacy.pii runs before any rule that scans (those that scan before it turned
    off), the scan made after it carries no second reading of its files in its fork
    (review, session 57: every page and term file was read twice, 0.16 s more CPU in a
    cold check of 1000 bench pages)."""
    handbook = tmp_path / "handbook"
    for name in ("content", "glossary", "protocols"):
        shutil.copytree(ROOT / name, handbook / name)
    config_text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    off = "".join(
        f"        {rule}: off\n"
        for rule in ("glossary.html", "html.active-content", "link.unsafe", "markdown.nesting")
    )
    assert "      handouts: true\n" in config_text
    config_text = config_text.replace(
        "      handouts: true\n", f"      handouts: true\n      rules:\n{off}", 1
    )
    (handbook / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    (handbook / "content" / "calls.md").write_text(
        "# Calls\n\nCall 555-123-4567, or write to jane@gmail.com.\n", encoding="utf-8"
    )
    if not cache:
        monkeypatch.setenv(DISABLE_VARIABLE, "1")
    log = tmp_path / "read.log"
    logged_reading(monkeypatch, log)
    forks = patch_fork(monkeypatch)
    findings = run_checks(load_config(handbook / "mkdocs.yml")).findings
    read = log.read_text(encoding="utf-8").splitlines()
    assert forks  # the scan forked
    assert "content/calls.md" in read
    assert sorted(read) == sorted(set(read))  # each file read once
    assert sum(finding.rule == "privacy.pii" for finding in findings) >= 2


def test_privacy_pii_is_read_along_with_one_scan_at_most(any_size: None, forks: list[int]) -> None:
    """Once a scan's fork has read privacy.pii's files, or the rule has run, no other scan
    of the run (of another of its contexts) reads them again."""
    config = load_config(ROOT / "mkdocs.yml")
    handbook, _ = load_handbook(config)
    context = CheckContext(config=config, handbook=handbook)
    assert privacy_pii.read_along(context) is not None
    scan_handbook(context)
    assert forks
    assert context.shared(privacy_pii.READ_ALONG, privacy_pii.ReadAlong).found
    assert privacy_pii.read_along(context) is None
    checked = CheckContext(config=config, handbook=handbook)
    assert privacy_pii.read_along(checked) is not None
    list(privacy_pii.check(checked))
    assert privacy_pii.read_along(checked) is None


def test_privacy_pii_off_reads_nothing_in_the_scans_fork(forks: list[int]) -> None:
    config = load_config(ROOT / "mkdocs.yml")
    handbook, _ = load_handbook(config)
    off = CheckContext(config=replace(config, rules={"privacy.pii": "off"}), handbook=handbook)
    assert privacy_pii.read_along(off) is None
    along = privacy_pii.read_along(CheckContext(config=config, handbook=handbook))
    assert along is not None
    assert len(along.items) == len(handbook.checked_pages) + len(handbook.terms) + len(
        handbook.protocols
    ) + sum(record.kind != "module" for record in handbook.rejected_records)


def test_handbook_one_process_turns_it_off(any_size: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.ONE_PROCESS_VARIABLE, "1")
    assert {pid for _, pid in in_two_processes(with_pid, list(range(10)), lambda item: 1)} == {
        os.getpid()
    }


def test_one_cpu_to_run_on_turns_it_off(any_size: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process held to one CPU (`taskset -c 0`, a container's cpuset) never forks."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert {pid for _, pid in in_two_processes(with_pid, list(range(10)), lambda item: 1)} == {
        os.getpid()
    }


@pytest.mark.parametrize(
    ("cgroup", "quotas", "forked"),
    [
        ("0::/service/check", {"service/check": "max 100000"}, True),
        ("0::/service/check", {"service/check": "200000 100000"}, True),
        ("0::/service/check", {"service/check": "50000 100000"}, False),
        # A group above this process's holds it to one CPU.
        ("0::/service/check", {"service/check": "max 100000", "service": "100000 100000"}, False),
        ("0::/", {"": "150000 100000"}, False),  # a container's own namespace
        ("0::/service/check", {}, True),
        ("1:cpu:/\n2:cpuacct:/", {"": "50000 100000"}, True),  # cgroup v1: nothing read
    ],
)
def test_a_control_group_quota_under_two_cpus_turns_it_off(
    any_size: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cgroup: str,
    quotas: dict[str, str],
    forked: bool,
) -> None:
    (tmp_path / "cgroup").write_text(cgroup + "\n", encoding="utf-8")
    root = tmp_path / "sys" / "fs" / "cgroup"
    (root / "service" / "check").mkdir(parents=True)
    for group, quota in quotas.items():
        (root / group / "cpu.max").write_text(quota + "\n", encoding="ascii")
    monkeypatch.setattr(parallel, "PROC_CGROUP", tmp_path / "cgroup")
    monkeypatch.setattr(parallel, "CGROUP_ROOT", root)
    results = in_two_processes(with_pid, list(range(10)), lambda item: 1)
    assert (len({pid for _, pid in results}) == 2) is forked


def test_a_process_that_ignores_sigchld_gets_the_childs_results(any_size: None) -> None:
    # A supervisor may start the command so: the child is reaped by the system, and
    # there is no exit status to wait for.
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        results = in_two_processes(with_pid, list(range(20)), lambda item: 1)
    finally:
        signal.signal(signal.SIGCHLD, previous)
    assert [item for item, _ in results] == list(range(20))
    assert len({pid for _, pid in results}) == 2


@pytest.fixture
def signalled_at_fork(
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[[signal.Signals], None]:
    """`signalled_at_fork(number)`: the child gets that signal the moment it is forked."""

    def arrange(number: signal.Signals) -> None:
        patch_fork(monkeypatch, in_child=lambda: os.kill(os.getpid(), number))

    return arrange


@pytest.fixture
def handler_marks(tmp_path: Path) -> Iterator[tuple[Path, signal.Signals]]:
    """A Python handler of SIGUSR1 that leaves a mark wherever it runs, and the mark."""
    mark = tmp_path / "handled"

    def handler(number: int, frame: object) -> None:
        mark.write_text(str(os.getpid()), encoding="utf-8")
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGUSR1, handler)
    try:
        yield mark, signal.SIGUSR1
    finally:
        signal.signal(signal.SIGUSR1, previous)


def test_ctrl_c_at_the_fork_never_runs_a_python_handler_in_the_child(
    any_size: None,
    signalled_at_fork: Callable[[signal.Signals], None],
    handler_marks: tuple[Path, signal.Signals],
) -> None:
    # Were the handler to run there, it would act for this process, or unwind the child
    # into this test, which would go on in it.
    mark, number = handler_marks
    signalled_at_fork(number)
    results = in_two_processes(with_pid, list(range(20)), lambda item: 1)
    assert not mark.exists()
    # The child ended as the signal ends a program; its part was computed here.
    assert results == [(item, os.getpid()) for item in range(20)]


def test_a_signal_ignored_here_is_ignored_by_the_child(
    any_size: None, signalled_at_fork: Callable[[signal.Signals], None]
) -> None:
    # `handbook check &` from a script: Ctrl-C is ignored, by both processes.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        signalled_at_fork(signal.SIGINT)
        results = in_two_processes(with_pid, list(range(20)), lambda item: 1)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert len({pid for _, pid in results}) == 2


def test_the_signal_mask_comes_back_as_it_was(any_size: None) -> None:
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR2})
    try:
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, ())
        results = in_two_processes(with_pid, list(range(20)), lambda item: 1)
        assert signal.pthread_sigmask(signal.SIG_BLOCK, ()) == blocked
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
    assert len({pid for _, pid in results}) == 2
    assert signal.pthread_sigmask(signal.SIG_BLOCK, ()) == before


class _ClosedReader(io.StringIO):
    """An output whose reader is gone: flushing it fails."""

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_an_output_that_cannot_be_flushed_stops_nothing(
    any_size: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedReader())
    monkeypatch.setattr(sys, "stderr", None)
    results = in_two_processes(with_pid, list(range(20)), lambda item: 1)
    assert [item for item, _ in results] == list(range(20))
    assert len({pid for _, pid in results}) == 2


def test_ctrl_c_here_at_the_fork_ends_the_child_too(
    any_size: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It arrives while every signal is blocked, and is raised as the mask is put back.
    # Sent to this thread, which blocks it: another thread of the test worker would take
    # a signal sent to the process, and the handler would run here at once.
    children = patch_fork(
        monkeypatch, in_parent=lambda: signal.pthread_kill(threading.get_ident(), signal.SIGINT)
    )
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    with pytest.raises(KeyboardInterrupt):
        in_two_processes(with_pid, list(range(20)), lambda item: 1)
    assert reaped(children)
    assert signal.pthread_sigmask(signal.SIG_BLOCK, ()) == mask


def with_mask(items: Sequence[int]) -> list[tuple[int, int, frozenset[int]]]:
    """Each item with the process that computed it and the signals it had blocked."""
    blocked = frozenset(signal.pthread_sigmask(signal.SIG_BLOCK, ()))
    return [(item, os.getpid(), blocked) for item in items]


def test_the_child_has_the_callers_signal_mask(any_size: None) -> None:
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR2})
    try:
        results = in_two_processes(with_mask, list(range(20)), lambda item: 1)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
    assert len({pid for _, pid, _ in results}) == 2
    assert {blocked for _, _, blocked in results} == {frozenset(before | {signal.SIGUSR2})}


@pytest.mark.parametrize("call", ["pipe", "fork"])
def test_no_pipe_or_process_to_spare_computes_it_all_here(
    any_size: None, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    def refused() -> None:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(os, call, refused)
    assert in_two_processes(with_pid, list(range(20)), lambda item: 1) == [
        (item, os.getpid()) for item in range(20)
    ]


def test_a_child_whose_pid_a_signal_kept_from_being_known_ends_by_itself(
    any_size: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A handler that runs the moment `fork` returns (the signal taken by another thread,
    # a native one of a library): the pid is lost, but the pipe is closed.
    def interrupted() -> None:
        raise KeyboardInterrupt

    children = patch_fork(monkeypatch, in_parent=interrupted)
    with pytest.raises(KeyboardInterrupt):
        in_two_processes(with_pid, list(range(20_000)), lambda item: 1)
    for _ in range(200):  # its results fill the pipe's buffer: writing them fails
        pid, status = os.waitpid(children[0], os.WNOHANG)
        if pid:
            break
        time.sleep(0.05)
    assert pid == children[0]
    assert os.waitstatus_to_exitcode(status) == 1


def test_record_files_are_read_warm_in_the_child(
    any_size: None, forks: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first record file read sets up what every read needs (the schema's validator,
    # some 30 ms): read here before the fork, the child is not set up again.
    from coalition_handbook.model import records, schema

    for index in range(20):
        (tmp_path / "glossary").mkdir(exist_ok=True)
        (tmp_path / "glossary" / f"term-{index}.yml").write_text(
            f"term: term {index}\nversion: 1\ndefinition: A term.\n"
            "history:\n  - version: 1\n    date: 2026-01-01\n    summary: First.\n",
            encoding="utf-8",
        )
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - handbook\n", "utf-8")
    config = load_config(tmp_path / "mkdocs.yml")
    schema._fits.cache_clear()
    warm: list[bool] = []
    read = records.load_yaml_records

    def noted(*args: object, **kwargs: object) -> object:
        warm.append(schema._fits.cache_info().currsize > 0)
        return read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(records, "load_yaml_records", noted)
    paths = records.record_files(tmp_path / "glossary")
    built, findings, _ = records.cached_records(
        paths, config, "term", "glossary.schema", lambda record: (os.getpid(), warm[-1]), None
    )
    assert findings == []
    by_child = [was_warm for pid, was_warm in built.values() if pid != os.getpid()]
    assert by_child  # the child read its part
    assert all(by_child)
    assert [pid for pid, _ in built.values()].count(os.getpid()) >= 1
