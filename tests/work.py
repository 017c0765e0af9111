"""Work measured by counting, not timing: tests never assert on seconds (a shared machine
makes them noise); the benchmarks time things."""

from __future__ import annotations

import contextlib
import os
import re
import resource
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

from coalition_handbook.cache import DISABLE_VARIABLE

T = TypeVar("T")


class TooMuchWork(AssertionError):
    """More calls than the budget: the work is not what the test expects (and stopping
    early keeps, say, an alias bomb that is expanded from running for ever)."""


def calls_made(function: Callable[..., Any], *args: Any, budget: int = 50_000_000) -> int:
    """How many Python and built-in functions `function(*args)` calls, regular
    expression and string methods included: the same on every machine, whatever its load."""
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1
            if count > budget:
                raise TooMuchWork(f"more than {budget:,} calls")

    sys.setprofile(profile)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return count


def checked_in_time(config_file: Path, limit: int = 20) -> subprocess.CompletedProcess[str]:
    """`handbook check` of `config_file` in a child process allowed `limit` seconds of its
    own CPU time, which other work on a shared machine does not add to. For work done
    inside one regular expression, which `calls_made` sees as one call: the limit is a
    guard, not a measure. Linear work on a test's input takes well under a second of CPU,
    quadratic work minutes, which would hold up the suite, so it is stopped. Keep one
    child's input to a fifth of the limit at most, one shape a child: CI's machine is
    slower than this one, and eight 2 MB shapes in one child ran out of 20 s there."""
    command = ["-m", "coalition_handbook.cli", "check", "-f", str(config_file)]
    return run_in_time(command, limit, "handbook check")


def python_in_time(code: str, limit: int = 20) -> subprocess.CompletedProcess[str]:
    """`python -c code` under the same guard as `checked_in_time`."""
    return run_in_time(["-c", code], limit, "the code")


def run_in_time(arguments: list[str], limit: int, what: str) -> subprocess.CompletedProcess[str]:
    """Python with `arguments`, in a child process allowed `limit` seconds of CPU time."""

    def limit_cpu() -> None:  # in the child, before it runs anything
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 1))

    try:
        completed = subprocess.run(
            [sys.executable, *arguments],
            capture_output=True,
            text=True,
            check=False,
            timeout=limit * 30,  # only if the child cannot run at all
            env={**os.environ, DISABLE_VARIABLE: "1"},
            preexec_fn=limit_cpu,
        )
    except subprocess.TimeoutExpired:
        raise TooMuchWork(f"{what} not done after {limit * 30} s") from None
    if completed.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise TooMuchWork(f"{what} not done in {limit} s of CPU time")
    return completed


def without_waiting_on(pipe: Path, call: Callable[[], T], limit: float = 120) -> T:
    """`call()`, which must not wait on the named pipe `pipe`: a reader that opens one
    waits for a writer for ever (audit). Run in a thread; one still running after `limit`
    seconds (a guard against a hang, not a measure) is let go by opening the pipe for
    writing, and the test fails."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # raised again in the test's thread
            failure.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(limit)
    if worker.is_alive():
        with contextlib.suppress(OSError):  # no reader waiting: it is stuck elsewhere
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(limit)
        raise AssertionError(f"waited on the named pipe {pipe.name}")
    if failure:
        raise failure[0]
    return outcome[0]


def without_totals(stderr: str | bytes, encoding: str = "utf-8") -> str:
    """`stderr` without the totals line a text or github report ends with: the tests that
    read stderr for a traceback or a note read it without."""
    text = stderr.decode(encoding) if isinstance(stderr, bytes) else stderr
    return re.sub(r"(?m)^handbook: [\d,]+ findings?: .*\n", "", text)
