"""Work measured by counting, not timing: tests never assert on seconds (a shared machine
makes them noise); the benchmarks time things."""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import locale
import os
import re
import select
import signal
import subprocess
import sys
import threading
import time
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
    """Python with `arguments`, in a child process allowed `limit` seconds of CPU time: a
    fork of `guard_server`'s process, which imported the package once for every guard of
    this test process (one interpreter start and package import a guard fewer)."""
    command = [sys.executable, *arguments]
    outcome = _GuardServer.get().run(
        arguments, {**os.environ, DISABLE_VARIABLE: "1"}, limit, limit * 30
    )
    if outcome is None:  # only if the child cannot run at all
        raise TooMuchWork(f"{what} not done after {limit * 30} s")
    returncode, stdout, stderr = outcome
    if returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise TooMuchWork(f"{what} not done in {limit} s of CPU time")
    return subprocess.CompletedProcess(command, returncode, _as_text(stdout), _as_text(stderr))


def _as_text(output: bytes) -> str:
    """`output` decoded as `subprocess.run(..., text=True)` decodes a child's."""
    return io.TextIOWrapper(io.BytesIO(output), encoding=locale.getpreferredencoding(False)).read()


class _GuardServer:
    """`guard_server.py` in a process of its own, started on the first guard of a test
    process and used by every guard after it; started again if a guard's child hung."""

    _running: _GuardServer | None = None

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("guard_server.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, DISABLE_VARIABLE: "1"},
        )
        self.pending = b""
        atexit.register(self.stop)

    @classmethod
    def get(cls) -> _GuardServer:
        if cls._running is None or cls._running.process.poll() is not None:
            cls._running = cls()
        return cls._running

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()

    def _line(self, seconds: float) -> dict[str, Any] | None:
        """The server's next line, read as it comes (select, then the bytes there): a
        buffered reader could hold the next line where select does not see it."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + seconds
        while b"\n" not in self.pending:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.process.stdout], [], [], max(left, 0))
            chunk = os.read(self.process.stdout.fileno(), 1 << 16) if ready else b""
            if not chunk:  # no line in time, or the server has gone
                return None
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return json.loads(line)

    def run(
        self, arguments: list[str], env: dict[str, str], limit: int, seconds: float
    ) -> tuple[int, bytes, bytes] | None:
        """(exit status, stdout, stderr) of `python *arguments` forked with `env` and a CPU
        limit of `limit` s; None if it has not ended after `seconds` of wall time."""
        assert self.process.stdin is not None
        request = {"arguments": arguments, "env": env, "limit": limit, "cwd": str(Path.cwd())}
        self.process.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
        self.process.stdin.flush()
        started = self._line(seconds)
        outcome = self._line(seconds) if started is not None else None
        if outcome is None:  # a child stuck, not working (the CPU limit ends that)
            if started is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(started["pid"], signal.SIGKILL)
            self.stop()
            _GuardServer._running = None
            return None
        return (
            outcome["returncode"],
            outcome["stdout"].encode("latin-1"),
            outcome["stderr"].encode("latin-1"),
        )


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
