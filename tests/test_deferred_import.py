"""deferred_import: a library another imports is run only when it is used, and is then
the real one for everybody."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coalition_handbook.deferred_import import deferring_import

HEAVY = "handbook_test_heavy"
LIGHT = "handbook_test_light"


@pytest.fixture
def libraries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A library (`LIGHT`) that imports another (`HEAVY`) when imported and uses it only
    in a function; `HEAVY` counts its runs in a file."""
    runs = tmp_path / "runs"
    (tmp_path / f"{HEAVY}.py").write_text(
        f"with open({str(runs)!r}, 'a', encoding='utf-8') as runs:\n    runs.write('run ')\n"
        "def answer():\n    return 42\n",
        encoding="utf-8",
    )
    (tmp_path / f"{LIGHT}.py").write_text(
        f"import {HEAVY}\ndef ask():\n    return {HEAVY}.answer()\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield runs
    for name in (HEAVY, LIGHT):
        sys.modules.pop(name, None)


def test_the_library_runs_only_when_it_is_used(libraries: Path) -> None:
    with deferring_import(HEAVY):
        import handbook_test_light as light
    assert not libraries.exists()
    assert HEAVY not in sys.modules  # an import after the block gets the real one
    assert light.ask() == 42
    assert libraries.read_text(encoding="utf-8") == "run "
    import handbook_test_heavy as heavy

    assert light.ask() == heavy.answer() == 42
    assert light.handbook_test_heavy.answer is heavy.answer
    assert libraries.read_text(encoding="utf-8") == "run "  # run once, shared


def test_a_use_within_the_block_imports_the_real_library(libraries: Path) -> None:
    with deferring_import(HEAVY):
        import handbook_test_light as light

        assert light.ask() == 42
        assert not isinstance(sys.modules[HEAVY], type(light.handbook_test_heavy))
    assert libraries.read_text(encoding="utf-8") == "run "


def test_a_library_imported_already_is_given_as_it_is(libraries: Path) -> None:
    import handbook_test_heavy as heavy

    with deferring_import(HEAVY):
        import handbook_test_light as light
    assert light.handbook_test_heavy is heavy


def test_a_library_not_installed_fails_its_import_as_before(tmp_path: Path) -> None:
    with pytest.raises(ImportError), deferring_import("handbook_test_not_installed"):
        import handbook_test_not_installed  # noqa: F401
    assert "handbook_test_not_installed" not in sys.modules


def test_a_reading_grade_does_not_import_nltk_and_textstat_still_reaches_it(
    tmp_path: Path,
) -> None:
    """textstat imports NLTK (0.3 s of a cold build) for syllables the grades read from
    pyphen: it is run only when something reads it, here another user of textstat."""
    program = (
        "import sys\n"
        "from coalition_handbook.rules.module_readability import _grade\n"
        "print(_grade('The survivor called the hotline. Staff listened.'))\n"
        "print(sorted(name for name in sys.modules if name.startswith('nltk')))\n"
        "from textstat.backend.utils import _get_cmudict\n"
        "import nltk\n"
        "print(_get_cmudict.nltk.data is nltk.data, 'nltk.corpus' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=dict(os.environ)
    )
    assert done.returncode == 0, done.stderr
    grade, imported, shared = done.stdout.splitlines()
    assert float(grade) > 0
    assert imported == "[]"
    assert shared == "True True"


def test_a_library_another_thread_starts_importing_is_left_to_it(
    libraries: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another thread whose import of the library begins while the block starts (its
    module is in `sys.modules` from its first line on) keeps it: a stand-in put over it
    made that import run the library a second time, half-done (NLTK's then failed)."""
    from coalition_handbook import deferred_import

    importing = types.ModuleType(HEAVY)
    find_spec = importlib.util.find_spec

    def found_as_another_thread_starts_importing(name: str) -> Any:
        spec = find_spec(name)
        sys.modules.setdefault(name, importing)
        return spec

    monkeypatch.setattr(
        deferred_import.importlib.util, "find_spec", found_as_another_thread_starts_importing
    )
    with deferring_import(HEAVY):
        import handbook_test_light as light
    assert light.handbook_test_heavy is importing
    assert sys.modules[HEAVY] is importing


def test_a_look_for_the_library_within_the_block_finds_how_to_load_it(libraries: Path) -> None:
    """Another thread's import that looks for the library while the stand-in is in
    `sys.modules` takes the stand-in's spec as the library's and loads from it: a spec
    without a loader failed that import ("missing loader")."""
    with deferring_import(HEAVY):
        spec = importlib.util.find_spec(HEAVY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.answer() == 42
