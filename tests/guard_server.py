"""The parent of the CPU-time guard's children (`work.run_in_time`): started once per test
process, it imports the package once, then forks one child per guard, which runs the
guard's `python -c CODE` or `python -m MODULE ARGS` as a new interpreter would, allowed
its own `limit` seconds of CPU time (a forked child's CPU time starts at zero). Each
guard used to start an interpreter that imported the package again (0.1-0.3 s of CPU
time each, the work itself often less). One request a line on stdin, as JSON; the
child's pid, then its outcome, a line each on stdout."""

from __future__ import annotations

import atexit
import builtins
import contextlib
import json
import os
import pkgutil
import resource
import runpy
import sys
import tempfile
import traceback
from importlib import import_module
from pathlib import Path


def _preload() -> None:
    """What the guards' children import: the command line, the check and every rule."""
    import_module("coalition_handbook.cli")
    import_module("coalition_handbook.check")
    for package in ("coalition_handbook.rules", "coalition_handbook.model"):
        for module in pkgutil.iter_modules(import_module(package).__path__):
            import_module(f"{package}.{module.name}")


def _exit_code(error: SystemExit) -> int:
    """The exit status of an interpreter that `error` ended, as Python's own."""
    if error.code is None:
        return 0
    if isinstance(error.code, int):
        return error.code
    print(error.code, file=sys.stderr)
    return 1


def _run(arguments: list[str]) -> int:
    """`python *arguments` (`-c CODE` or `-m MODULE ...`) in this process; its exit status."""
    option, rest = arguments[0], arguments[1:]
    try:
        if option == "-c":
            sys.argv, sys.path[0] = ["-c", *rest[1:]], ""
            main = {"__name__": "__main__", "__builtins__": builtins}
            exec(compile(rest[0], "<string>", "exec"), main)
        elif option == "-m":
            sys.argv, sys.path[0] = [rest[0], *rest[1:]], str(Path.cwd())
            sys.modules.pop(rest[0], None)  # run afresh as __main__, as `python -m` does
            runpy.run_module(rest[0], run_name="__main__", alter_sys=True)
        else:
            raise ValueError(f"unknown option {option!r}")
    except SystemExit as error:
        return _exit_code(error)
    except BaseException as error:  # reported as the interpreter does, from the code down
        traceback.print_exception(type(error), error, error.__traceback__.tb_next)
        return 1
    return 0


def _child(request: dict, stdout: Path, stderr: Path) -> None:
    """In the forked child: the guard's limit, environment and streams, then its run."""
    limit = request["limit"]
    resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 1))
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    for fd, path in ((1, stdout), (2, stderr)):
        os.dup2(os.open(path, os.O_WRONLY | os.O_TRUNC), fd)
    atexit._clear()  # the server's: a new interpreter has only those its run registers
    code = _run(request["arguments"])
    try:
        atexit._run_exitfuncs()  # as an interpreter that ends
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code & 0xFF)


def _log_cpu(request: dict, seconds: float) -> None:
    """A line `seconds limit test` for the child's CPU time, appended to the file that
    HANDBOOK_GUARD_LOG names (if set): how to find guards near their limit."""
    log = os.environ.get("HANDBOOK_GUARD_LOG")
    if log:
        test = request["env"].get("PYTEST_CURRENT_TEST", "? ").rsplit(" ", 1)[0]  # no " (call)"
        # A log that cannot be written must not fail the guard (the server would end).
        with contextlib.suppress(OSError), Path(log).open("a", encoding="utf-8") as file:
            file.write(f"{seconds:.2f} {request['limit']} {test}\n")


def serve() -> None:
    _preload()
    for line in sys.stdin:
        request = json.loads(line)
        with tempfile.TemporaryDirectory() as folder:
            stdout, stderr = Path(folder) / "out", Path(folder) / "err"
            for path in (stdout, stderr):
                path.write_bytes(b"")
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                _child(request, stdout, stderr)
            print(json.dumps({"pid": pid}), flush=True)
            _, status, usage = os.wait4(pid, 0)
            _log_cpu(request, usage.ru_utime + usage.ru_stime)
            returncode = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
            outcome = {
                "returncode": returncode,
                "stdout": stdout.read_bytes().decode("latin-1"),
                "stderr": stderr.read_bytes().decode("latin-1"),
            }
        print(json.dumps(outcome), flush=True)


if __name__ == "__main__":
    serve()
