"""The suite's own standard, read from its source: a test must be able to fail. Every
test asserts something, and nothing skips but through conftest's `require_or_skip`, which
fails under CI=true (README; a test audit found importorskip and skipif that skipped there)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path
from types import SimpleNamespace

import conftest
import pytest
from _pytest.outcomes import Skipped

TESTS = Path(__file__).resolve().parent

# Names whose call makes a test able to fail, besides `assert` and `raise` (subprocess's
# `check_*` raise for a command that failed). Not `require_or_skip`, nor a helper named
# `check...` that only reads: a helper counts where it asserts itself (review rv26).
CHECKING_CALLS = (
    "raises", "warns", "fail", "deprecated_call", "check_call", "check_output", "check_returncode",
)  # fmt: skip
CHECKING_PREFIXES = ("assert", "expect")

# Ways to skip that CI=true does not turn into a failure.
SKIPPING = {"skip", "skipif", "importorskip", "xfail"}

# The shared conformance folder stands beside the project, not in it: a skip when it is
# absent is known (reported in the test audit), not yet decided.
SKIP_ALLOWED = {("test_conformance.py", "skipif")}


@functools.cache  # read-only to every rule: the suite's 65,000 lines parsed once (~1.5 s)
def _trees() -> dict[Path, ast.Module]:
    return {
        path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(TESTS.glob("*.py"))
    }


def _called(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Name):
        return function.id
    return function.attr if isinstance(function, ast.Attribute) else ""


def asserting_nothing(trees: dict[Path, ast.Module]) -> list[str]:
    """`test_*` functions with no assert, raise or checking call, in their body or in a
    helper of the suite they call (by name)."""
    helpers: dict[str, list[ast.FunctionDef]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                helpers.setdefault(node.name, []).append(node)
    known: dict[int, bool] = {}

    def checks(function: ast.FunctionDef, seen: frozenset[int]) -> bool:
        if id(function) in known:
            return known[id(function)]
        if id(function) in seen:
            return False
        found = False
        for node in ast.walk(function):
            if isinstance(node, ast.Assert | ast.Raise):
                found = True
            elif isinstance(node, ast.Call):
                name = _called(node)
                found = (
                    name in CHECKING_CALLS
                    or name.startswith(CHECKING_PREFIXES)
                    or any(
                        helper is not function and checks(helper, seen | {id(function)})
                        for helper in helpers.get(name, [])
                    )
                )
            if found:
                break
        known[id(function)] = found
        return found

    return [
        f"{path.name}:{node.lineno} {node.name}"
        for path, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and node.name.startswith("test_")
        and not checks(node, frozenset())
    ]


def skips_outside_conftest(trees: dict[Path, ast.Module]) -> list[str]:
    """Each `pytest.skip`, `skipif`, `importorskip` or `xfail` outside conftest.py, used
    as an attribute or imported by name (`from pytest import skip`)."""
    found = sorted(
        (path.name, node.lineno, name)
        for path, tree in trees.items()
        if path.name != "conftest.py"
        for node in ast.walk(tree)
        for name in _skipping_names(node)
        if (path.name, name) not in SKIP_ALLOWED
    )
    return [f"{name}:{line} {attribute}" for name, line, attribute in found]


def _skipping_names(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Attribute):
        return [node.attr] if node.attr in SKIPPING else []
    if isinstance(node, ast.ImportFrom):
        return [alias.name for alias in node.names if alias.name in SKIPPING]
    return []


def property_tests_with_a_deadline(trees: dict[Path, ast.Module]) -> list[str]:
    """`@given` tests without `@settings(deadline=None)`: Hypothesis's default deadline
    (200 ms of wall time an example) fails a test on a loaded machine, a timed assertion
    in all but name."""
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            calls = [d for d in node.decorator_list if isinstance(d, ast.Call)]
            if not any(_called(call) == "given" for call in calls):
                continue
            if not any(
                _called(call) == "settings"
                and any(
                    keyword.arg == "deadline"
                    and isinstance(keyword.value, ast.Constant)
                    and keyword.value.value is None
                    for keyword in call.keywords
                )
                for call in calls
            ):
                found.append(f"{path.name}:{node.lineno} {node.name}")
    return sorted(found)


def test_every_test_can_fail() -> None:
    trees = _trees()
    assert len(trees) > 50
    silent = asserting_nothing(trees)
    assert silent == [], (
        f"{silent} can never fail: assert what the test is about, or call pytest.raises "
        "(or another of CHECKING_CALLS) or a helper of the suite that asserts"
    )


def test_nothing_skips_but_through_require_or_skip() -> None:
    skips = skips_outside_conftest(_trees())
    assert skips == [], (
        f"{skips}: skip through conftest's require_or_skip(condition, reason), which fails "
        "under CI=true instead (CI installs what the tests need), or a marker (browser, "
        "pdf) that conftest turns into it"
    )


def test_no_property_test_has_a_deadline() -> None:
    timed = property_tests_with_a_deadline(_trees())
    assert timed == [], (
        f"{timed}: add @settings(deadline=None); speed is measured by the benchmarks, "
        "and a loaded CI machine is no failure"
    )


def test_a_property_test_with_the_default_deadline_is_found() -> None:
    source = (
        "from hypothesis import given, settings, strategies as st\n"
        "@given(st.text())\n"
        "def test_default(text):\n    assert text == text\n"
        "@settings(max_examples=5)\n"
        "@given(st.text())\n"
        "def test_other_settings(text):\n    assert text == text\n"
        "@settings(deadline=None)\n"
        "@given(st.text())\n"
        "def test_none(text):\n    assert text == text\n"
    )
    trees = {TESTS / "test_example.py": ast.parse(source)}
    assert property_tests_with_a_deadline(trees) == [
        "test_example.py:3 test_default",
        "test_example.py:7 test_other_settings",
    ]


def test_the_rules_find_what_they_forbid() -> None:
    source = (
        "import pytest\n"
        "def helper(x):\n    assert x\n"
        "def test_quiet():\n    print(1)\n"
        "def test_through_a_helper():\n    helper(1)\n"
        "def test_raises():\n    with pytest.raises(ValueError):\n        int('x')\n"
        "@pytest.mark.skipif(True, reason='x')\n"
        "def test_skipped():\n    pytest.skip('later')\n    assert 1\n"
        "pytest.importorskip('nothing')\n"
        # A helper that skips or reads, asserting nothing, checks nothing (review rv26).
        "def require_tool():\n    require_or_skip(True, 'x')\n"
        "def checked(x):\n    return x\n"
        "def test_only_required():\n    require_tool()\n    require_or_skip(True, 'x')\n"
        "def test_only_read():\n    checked(1)\n"
        "def test_run_checked():\n    subprocess.check_call(['true'])\n"
        "from pytest import importorskip as skipping\n"
    )
    trees = {TESTS / "test_example.py": ast.parse(source)}
    assert asserting_nothing(trees) == [
        "test_example.py:4 test_quiet",
        "test_example.py:20 test_only_required",
        "test_example.py:23 test_only_read",
    ]
    assert skips_outside_conftest(trees) == [
        "test_example.py:11 skipif",
        "test_example.py:13 skip",
        "test_example.py:15 importorskip",
        "test_example.py:27 importorskip",
    ]


def test_a_browser_test_without_chromium_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Audit (a newcomer's laptop): the skip said "/usr/bin/chromium is not installed" and
    nothing of how to get it."""
    monkeypatch.setattr(conftest, "CHROMIUM", str(tmp_path / "chromium"))
    monkeypatch.setattr(conftest, "CI", False)
    item = SimpleNamespace(get_closest_marker=lambda name: name == "browser" or None)
    with pytest.raises(Skipped) as skipped:
        conftest.pytest_runtest_setup(item)  # type: ignore[arg-type]
    assert "is not installed: install Debian's chromium (`make system-deps`" in str(skipped.value)


def test_every_skip_ci_lets_through_is_explained_to_contributors() -> None:
    """Audit (a newcomer's first `make test`): the conformance test skipped, under CI=true
    too, while README and CONTRIBUTING said every skip fails there."""
    guide = (TESTS.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    readme = " ".join((TESTS.parent / "README.md").read_text(encoding="utf-8").split())
    assert SKIP_ALLOWED
    for file, _ in SKIP_ALLOWED:
        assert f"`tests/{file}`" in guide, file
    assert "(but the conformance test's, which CONTRIBUTING.md explains)" in readme
