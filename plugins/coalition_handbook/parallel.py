"""Share a long computation with a second process, where a CPU is free for it.

A cold `handbook check` of a large handbook spends most of its time reading record files
and turning pages into prose and matching terms in them, one file at a time: work that
splits cleanly. `in_two_processes(compute, items, cost)` gives what `compute(items)`
gives, computing the last part of `items` in a forked child while this process computes
the first part; the child sends its results back pickled through a pipe. `cost(item)`
estimates the time an item takes, in microseconds: the parts are split by it.

It forks only where that is safe and pays, and otherwise computes everything here:

- inside `two_processes_allowed()`, which a program that owns its process enters (the
  `handbook` command); never inside a site build, whose server threads a fork would leave
  behind in the child, and whose cost is counted in CPU time;
- on Linux (a fork there is cheap, and safe while one Python thread runs), with one
  Python thread running and two CPUs this process may use, by its affinity and by its
  control group's quota and those above it;
- unless `HANDBOOK_ONE_PROCESS=1` is set (a machine whose two CPUs are busy anyway);
- for at least `MIN_COST` of work (60 ms, by `cost`). A fork costs about 45 ms of CPU
  time (pickling is 3 ms of it at the example), some of it on this process's path, and
  saves a little less than half its work's time. Cold checks in a new process with the
  forks forced on / off (`benchmarks.fork_break_even`, 7 pairs each, session 65); wall
  time as two free CPUs give it, from each process's CPU time (on this shared machine
  the measured wall ratios ranged 0.4-2.3):

      handbook, forks forced            costs, ms      wall             CPU
      example, 1-10x pages, both        56 + 13..60    0.95-1.03        1.07-1.13
      20-150 pages, 50-500 terms, both  8..77 + 8..67  0.94-1.03        1.11-1.16
      the load's alone                  56; 77; 155    1.02; 1.00; 0.97 1.02-1.05
      the scan's alone                  67; 158        0.97; 0.95       1.10; 1.11

  The scan's fork pays from about 60 ms (its cost undercounts real pages), the load's
  only near 100 ms: one threshold at 100 ms made the example's pages copied ten times
  1.06 times slower (its scan, 60 ms, no longer forked), for 4% less CPU time.

What two processes cost over one is CPU time, not wall time: besides pickling (the
load's and the scan's results, about 60 ms in all at 2000 terms and 1000 pages: 38 ms
pickling in the children, 22 ms unpickling here, session 65), both
processes take a copy-on-write page fault at each page they write that they still share
(reference counts make almost every page touched one): about 46,000 faults, 0.16 s of
system time, in the three forks a cold check made at 2000 terms, 0.06 s at 50 terms. So
work that is due after another's may share its fork (`Along`): privacy.pii's files are
read in the scan's child, where the scan forks (two forks, not three). The child redoes
nothing the parent has done: it computes its part at the parent's rate.

Work that needs none of the shared work's results may be done here while the child
computes (`Meanwhile`): the pages a cold check reads while a child reads term files,
where they were read after it. The child takes that much more of the shared work, and
no second child is forked meanwhile.

If the child fails for any reason (an error in `compute`, killed, out of memory), its
part is computed here instead: the results are the same either way, and an error in
`compute` is raised here as it would be without a child.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path, PurePosixPath
from typing import Any, Generic, TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")

# The least work worth sharing, in microseconds.
MIN_COST = 60_000
# The child's share of the work: a little less than half, as it also pickles its
# results, which this process unpickles after its own part.
CHILD_SHARE = 0.46
ONE_PROCESS_VARIABLE = "HANDBOOK_ONE_PROCESS"

_ALLOWED: ContextVar[bool] = ContextVar("two_processes_allowed", default=False)
# What the child writes before its pickled results: their length, so that results cut
# short are known as such, whatever the child's exit status says (or cannot say: a
# process that ignores SIGCHLD has no status to wait for).
_LENGTH = struct.Struct("<Q")
# Where cgroup v2 is mounted, and where a process finds its own control group in it.
CGROUP_ROOT = Path("/sys/fs/cgroup")
PROC_CGROUP = Path("/proc/self/cgroup")


@contextmanager
def two_processes_allowed() -> Iterator[None]:
    """Let `in_two_processes` fork within this block (see the module docstring)."""
    token = _ALLOWED.set(True)
    try:
        yield
    finally:
        _ALLOWED.reset(token)


def _as_they_are(results: list[Result]) -> object:
    return results


def _as_sent(items: Sequence[Item], sent: Any) -> list[Result]:
    return cast(list[Result], sent)


@dataclass(frozen=True)
class Along(Generic[Item, Result]):
    """Work that shares another's fork (`in_two_processes(..., along=...)`): `compute`,
    `items`, `cost`, `send` and `receive` as there; `done(results)` is given its results
    (one per item, in order) when that fork is made. When it is not, or the work fails,
    `done` is never called: whoever asked for the work computes it later, as it would
    have alone (and meets the error there). One fork fewer saves its set-up and the
    copy-on-write page faults both processes take (privacy.pii's files read in the
    scan's: `rules.privacy_pii.read_along`)."""

    compute: Callable[[Sequence[Item]], list[Result]]
    items: Sequence[Item]
    cost: Callable[[Item], float]
    done: Callable[[list[Result]], object]
    send: Callable[[list[Result]], object] = _as_they_are
    receive: Callable[[Sequence[Item], Any], list[Result]] = _as_sent


class Meanwhile:
    """Work that this process may do while a child of `in_two_processes` computes, which
    needs none of its results (a handbook's pages, read while the child reads terms):
    `run()` does it, once; whoever made it calls `run()` after `in_two_processes`
    returns, which does it then where no child was made to wait for. `cost` estimates
    its time, in microseconds: the child takes that much more of the work it shares."""

    def __init__(self, work: Callable[[], object], cost: float) -> None:
        self.cost = cost
        self._work: Callable[[], object] | None = work

    def run(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            work()


def in_two_processes(
    compute: Callable[[Sequence[Item]], list[Result]],
    items: Sequence[Item],
    cost: Callable[[Item], float],
    send: Callable[[list[Result]], object] = _as_they_are,
    receive: Callable[[Sequence[Item], Any], list[Result]] = _as_sent,
    along: Sequence[Along[Any, Any]] = (),
    meanwhile: Meanwhile | None = None,
) -> list[Result]:
    """`compute(items)` (one result per item, in order), computed in two processes where
    that is allowed and pays (see the module docstring). The child's results go back as
    `send(results)` pickles them, and `receive(its items, what was sent)` makes them
    results again: a compact form for the pipe, where results share much with what both
    processes hold already. The work `along` it is shared in the same fork, if one is
    made, each work split in the same share: the last part of each is the child's.
    The work `meanwhile`, if a fork is made, is done here while the child computes, and
    the child is given that much more of `items` (see `Meanwhile`)."""
    if not _may_fork():
        return compute(items)
    main: Along[Item, Result] = Along(compute, items, cost, list, send, receive)
    works = [main, *along]
    costs = [list(accumulate(map(work.cost, work.items))) or [0.0] for work in works]
    total = sum(work_costs[-1] for work_costs in costs)
    if total < MIN_COST or not any(work.items for work in works):
        return compute(items)
    # This process's share, the work it does meanwhile in it: it computes that much less.
    extra = meanwhile.cost if meanwhile is not None else 0.0
    share = ((total + extra) * (1 - CHILD_SHARE) - extra) / total if total else 0.0
    # Each work is split in that share (its first part here, the rest the child's), not
    # the works as one list: how far the costs undercount differs from work to work and
    # from handbook to handbook (privacy.pii's reading of a real page costs twice its
    # estimate, the scan's 1.4 times, the bench's about 1), and a child given the same
    # mix of each work as this process takes as long, whatever the estimates miss.
    cuts = [bisect_left(work_costs, share * work_costs[-1]) for work_costs in costs]
    if not any(cuts):  # at least one item here
        cuts[next(number for number, work in enumerate(works) if work.items)] = 1
    # Each work's items computed here and there (the child's, the rest of this one's).
    here = [work.items[:cut] for work, cut in zip(works, cuts, strict=True)]
    there = [work.items[cut:] for work, cut in zip(works, cuts, strict=True)]
    if not any(there):
        return compute(items)
    for stream in (sys.stdout, sys.stderr):
        # Nothing buffered may be written twice; what cannot be written now is no reason
        # to stop (the command reports a closed output where it writes its report).
        with suppress(OSError, ValueError):
            if stream is not None:
                stream.flush()
    # Every signal is blocked from before the fork until each process has set itself up
    # (see _run_child); what comes meanwhile arrives here when the mask is put back.
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    pipe: _Pipe | None = None
    child: int | None = None
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
        with suppress(OSError):  # no pipe or process to spare: all of it here
            pipe = _Pipe()
            child = os.fork()
            if child == 0:
                _run_child(works, there, pipe.reader, pipe.writer, mask)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        if pipe is None or child is None:
            return compute(items)
        pipe.close(pipe.writer)
        results = [
            _computed(work, part, number)
            for number, (work, part) in enumerate(zip(works, here, strict=True))
        ]
        if meanwhile is not None:
            # No second child while this one runs: two CPUs are all a fork uses.
            token = _ALLOWED.set(False)
            try:
                meanwhile.run()
            finally:
                _ALLOWED.reset(token)
        received = _receive(pipe.reader, child)
    except BaseException:
        if child is not None:
            _stop(child)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        raise
    finally:
        if pipe is not None:
            pipe.close_all()
    for number, (work, part) in enumerate(zip(works, there, strict=True)):
        if received is None or not _whole(received[0], len(works)):
            more = _computed(work, part, number)
        else:
            more = work.receive(part, received[0][number]) if part else []
        first = results[number]
        if not number:
            results[0] = cast(list[Any], first) + cast(list[Any], more)
        elif first is not None and more is not None:
            work.done(first + more)
    return cast(list[Result], results[0])


def _computed(work: Along[Any, Any], part: Sequence[Any], number: int) -> list[Any] | None:
    """`work.compute(part)`; for a work along (`number` past 0), None where it fails: its
    `done` is then not called, and its owner computes it as alone, meeting the error
    there. One process raises an error in the first work's part the child computes, not
    one in a work along (`in_two_processes` computes none there), which this process
    computes before the child's part of the first work is known."""
    if not part:
        return []
    if not number:
        return work.compute(part)
    try:
        return work.compute(part)
    except Exception:
        return None


class _Pipe:
    """The pipe from the child, whose ends this process closes once each: an end closed
    twice could close a file opened since under the same number. Closing both also ends
    a child whose pid a signal kept from being known (between `fork` returning and its
    pid being kept): its writing then fails, and it leaves."""

    def __init__(self) -> None:
        self.reader, self.writer = os.pipe()
        self._open = {self.reader, self.writer}

    def close(self, end: int) -> None:
        if end in self._open:
            self._open.discard(end)
            os.close(end)

    def close_all(self) -> None:
        for end in sorted(self._open):
            self.close(end)


def _may_fork() -> bool:
    return (
        _ALLOWED.get()
        and sys.platform == "linux"
        and os.environ.get(ONE_PROCESS_VARIABLE, "") in ("", "0")
        and _threads_running() == 1
        and _usable_cpus() >= 2
    )


def _threads_running() -> int:
    return threading.active_count()


def _usable_cpus() -> float:
    """The CPUs this process may run on, fewer where a control group's quota allows
    less (a container given one CPU of a larger machine, a service's `CPUQuota=`)."""
    return min([len(os.sched_getaffinity(0)), *_cpu_quotas()])


def _cpu_quotas() -> Iterator[float]:
    """The CPU quota (in CPUs) of this process's control group and of each above it, as
    cgroup v2 gives them in `cpu.max` ("max 100000": none; "50000 100000": half a CPU);
    nothing where there is no cgroup v2 to read."""
    try:
        lines = PROC_CGROUP.read_text(encoding="utf-8").splitlines()
    except OSError:
        return
    group = next((line[len("0::") :] for line in lines if line.startswith("0::")), None)
    if group is None:
        return
    parts = PurePosixPath(group).parts[1:]
    if ".." in parts:  # not a group's path: nothing to read
        return
    folder = CGROUP_ROOT.joinpath(*parts)
    while True:
        with suppress(OSError, ValueError, ZeroDivisionError):
            quota, period = (folder / "cpu.max").read_text(encoding="ascii").split()
            if quota != "max":
                yield int(quota) / int(period)
        if folder == CGROUP_ROOT or CGROUP_ROOT not in folder.parents:
            return
        folder = folder.parent


def _run_child(
    works: Sequence[Along[Any, Any]],
    items: Sequence[Sequence[Any]],
    reader: int,
    writer: int,
    mask: set[int | signal.Signals],  # as pthread_sigmask gives it
) -> None:
    """The forked child: compute each work's `items`, write the pickled results (sent as
    each work's `send` gives them), and leave at once, running none of the parent's
    clean-up (`os._exit`). Any failure sends nothing whole.
    Signals the parent handles in Python (Ctrl-C's KeyboardInterrupt) get their system
    default before they are unblocked: no Python handler ever runs here, to act for the
    parent or to unwind into its code. An ignored signal stays ignored."""
    status = 1
    try:
        for number in signal.valid_signals():
            if callable(signal.getsignal(number)):
                signal.signal(number, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        os.close(reader)
        sent = [
            work.send(work.compute(part)) if part else None
            for work, part in zip(works, items, strict=True)
        ]
        payload = pickle.dumps(sent, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(_LENGTH.pack(len(payload)))
            pipe.write(payload)
        status = 0
    finally:
        os._exit(status)


def _receive(reader: int, child: int) -> tuple[Any] | None:
    """What the child sent, in a tuple, or None when it failed to send it whole."""
    with os.fdopen(reader, "rb", closefd=False) as pipe:
        data = pipe.read()
    with suppress(ChildProcessError):  # reaped already where SIGCHLD is ignored
        os.waitpid(child, 0)
    if len(data) < _LENGTH.size:
        return None
    (length,) = _LENGTH.unpack_from(data)
    if len(data) - _LENGTH.size != length:
        return None
    try:
        return (pickle.loads(memoryview(data)[_LENGTH.size :]),)
    except Exception:  # not what the child pickled: its part is computed here
        return None


def _whole(sent: Any, works: int) -> bool:
    """Whether `sent` has the shape the child sends: one value for each work."""
    return isinstance(sent, list) and len(sent) == works


def _stop(child: int) -> None:
    """End the child when this process gives up waiting for it (an error, Ctrl-C)."""
    with suppress(OSError):
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
