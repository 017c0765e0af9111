"""On macOS, WeasyPrint finds the Pango of `brew install pango` (audit: on Apple Silicon
Homebrew keeps it in /opt/homebrew/lib, where macOS's loader does not look, and the
build told the editor to install what was installed)."""

from __future__ import annotations

import builtins
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from coalition_handbook.site import handout_render
from coalition_handbook.site.homebrew_libraries import FALLBACK, fallback_with_homebrew


def test_the_defaults_come_first_then_homebrew() -> None:
    assert fallback_with_homebrew({}).split(":") == [
        str(Path("~/lib").expanduser()),
        "/usr/local/lib",
        "/lib",
        "/usr/lib",
        "/opt/homebrew/lib",
    ]


def test_a_fallback_set_is_kept_and_a_homebrew_prefix_added() -> None:
    environ = {FALLBACK: "/opt/local/lib", "HOMEBREW_PREFIX": "/Users/dana/brew"}
    assert fallback_with_homebrew(environ) == (
        "/opt/local/lib:/Users/dana/brew/lib:/opt/homebrew/lib:/usr/local/lib"
    )


@pytest.mark.parametrize(("platform", "during"), [("darwin", True), ("linux", False)])
def test_weasyprint_is_imported_with_homebrew_s_folders_on_macos_only(
    monkeypatch: pytest.MonkeyPatch, platform: str, during: bool
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.delenv(FALLBACK, raising=False)
    seen: list[str | None] = []
    real_import = builtins.__import__

    def recording_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            seen.append(os.environ.get(FALLBACK))
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", recording_import)
    handout_render._import_weasyprint.__wrapped__()
    assert len(seen) == 1
    assert ("/opt/homebrew/lib" in (seen[0] or "")) is during
    assert FALLBACK not in os.environ  # as it was after


def test_an_import_that_removes_the_fallback_itself_is_no_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review rv42a: the variable, unset before, is put back by removing it; an import
    that had removed it already made that removal raise KeyError (2bdebe0 had no test)."""
    from coalition_handbook.site.homebrew_libraries import homebrew_libraries_found

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.delenv(FALLBACK, raising=False)
    with homebrew_libraries_found():
        assert "/opt/homebrew/lib" in os.environ[FALLBACK]
        del os.environ[FALLBACK]  # as a library's import may
    assert FALLBACK not in os.environ
