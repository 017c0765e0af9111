"""Share a long computation with a second process, where a core is free for it.

A cold `handbook check` of a large handbook spends most of its time turning pages into
prose and matching terms in them, one document at a time: work that splits cleanly.
`in_two_processes(compute, items, cost)` gives what `compute(items)` gives, computing the
last part of `items` in a forked child while this process computes the first part; the
child sends its results back pickled through a pipe. `cost(item)` estimates the time an
item takes, in microseconds: the parts are split by it.

It forks only where that is safe and pays, and otherwise computes everything here:

- inside `two_processes_allowed()`, which a program that owns its process enters (the
  `handbook` command); never inside a site build, whose server threads a fork would leave
  behind in the child, and whose cost is counted in CPU time;
- on Linux (a fork there is cheap and safe for a process with one thread), with one
  thread running and at least two CPUs this process may use;
- for at least `MIN_COST` of work (60 ms, by `cost`); below that, forking and pickling
  (about 10 ms) cost more than they save.

If the child fails for any reason (an error in `compute`, killed, out of memory), its
part is computed here instead: the results are the same either way, and an error in
`compute` is raised here as it would be without a child.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from itertools import accumulate
from typing import Any, TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")

# The least work worth sharing, in microseconds.
MIN_COST = 60_000
# The child's share of the work: a little less than half, as it also pickles its
# results, which this process unpickles after its own part.
CHILD_SHARE = 0.46

_allowed = False


@contextmanager
def two_processes_allowed() -> Iterator[None]:
    """Let `in_two_processes` fork within this block (see the module docstring)."""
    global _allowed
    previous, _allowed = _allowed, True
    try:
        yield
    finally:
        _allowed = previous


def _as_they_are(results: list[Result]) -> object:
    return results


def _as_sent(items: Sequence[Item], sent: Any) -> list[Result]:
    return cast(list[Result], sent)


def in_two_processes(
    compute: Callable[[Sequence[Item]], list[Result]],
    items: Sequence[Item],
    cost: Callable[[Item], float],
    send: Callable[[list[Result]], object] = _as_they_are,
    receive: Callable[[Sequence[Item], Any], list[Result]] = _as_sent,
) -> list[Result]:
    """`compute(items)` (one result per item, in order), computed in two processes where
    that is allowed and pays (see the module docstring). The child's results go back as
    `send(results)` pickles them, and `receive(its items, what was sent)` makes them
    results again: a compact form for the pipe, where results share much with what both
    processes hold already."""
    if not _may_fork():
        return compute(items)
    costs = list(accumulate(map(cost, items)))
    if not costs or costs[-1] < MIN_COST:
        return compute(items)
    split = next(
        index for index, total in enumerate(costs) if total >= costs[-1] * (1 - CHILD_SHARE)
    )
    split = max(split, 1)
    if split >= len(items):
        return compute(items)
    here, there = items[:split], items[split:]
    sys.stdout.flush()  # nothing buffered may be written twice
    sys.stderr.flush()
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:
        _run_child(compute, send, there, reader, writer)
    os.close(writer)
    try:
        results = compute(here)
        received = _receive(reader, child)
    except BaseException:
        _stop(child)
        raise
    finally:
        os.close(reader)
    if received is None:
        return results + compute(there)
    return results + receive(there, received[0])


def _may_fork() -> bool:
    return (
        _allowed
        and sys.platform == "linux"
        and _threads_running() == 1
        and len(os.sched_getaffinity(0)) >= 2
    )


def _threads_running() -> int:
    return threading.active_count()


def _run_child(
    compute: Callable[[Sequence[Item]], list[Result]],
    send: Callable[[list[Result]], object],
    items: Sequence[Item],
    reader: int,
    writer: int,
) -> None:
    """The forked child: compute `items`, write the pickled results, and leave at once,
    running none of the parent's clean-up (`os._exit`). Any failure sends nothing."""
    status = 1
    try:
        os.close(reader)
        payload = pickle.dumps(send(compute(items)), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
        status = 0
    finally:
        os._exit(status)


def _receive(reader: int, child: int) -> tuple[Any] | None:
    """What the child sent, in a tuple, or None when it failed to send it whole."""
    with os.fdopen(reader, "rb", closefd=False) as pipe:
        payload = pipe.read()
    _, status = os.waitpid(child, 0)
    if status != 0 or not payload:
        return None
    try:
        return (pickle.loads(payload),)
    except Exception:  # cut short: the child was killed while writing
        return None


def _stop(child: int) -> None:
    """End the child when this process gives up waiting for it (an error, Ctrl-C)."""
    with suppress(OSError):
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
