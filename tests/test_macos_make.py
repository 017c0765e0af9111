"""`make serve` and `make test` on a Mac (audit): macOS has GNU make 3.81, BSD awk, sed,
grep, find, xargs, readlink and date, bash 3.2 as /bin/sh, and no apt-get. The Makefile
keeps to what those have, and says what to install on macOS where Debian's way fails."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")

# GNU make features newer than 3.81 (GNU make's NEWS): .ONESHELL, .RECIPEPREFIX, private,
# undefine and `!=` came in 3.82 to 4.0, $(file ...) and guile in 4.0, grouped targets
# (`&:`) in 4.3, $(let ...) and $(intcmp ...) in 4.4.
NEWER_MAKE = {
    ".ONESHELL": r"^\.ONESHELL\b",
    ".RECIPEPREFIX": r"^\.RECIPEPREFIX\b",
    ".SHELLFLAGS": r"^\.SHELLFLAGS\b",
    "undefine": r"^\s*undefine\b",
    "private": r"^\S.*:\s*private\b|^private\b",
    "!=": r"^[A-Za-z_][A-Za-z0-9_]*\s*!=",
    "$(file ...)": r"\$\(file\s",
    "$(guile ...)": r"\$\(guile\s",
    "$(let ...)": r"\$\(let\s",
    "$(intcmp ...)": r"\$\(intcmp\s",
    "grouped targets": r"^[^\t#].*&:",
}
# What only the GNU tools do: BSD sed reads `\t` and `\n` in a script as `t` and `n`, and
# wants a suffix after -i; BSD grep has no -P; BSD readlink no -f (before macOS 12.3),
# find no -printf, date no -d, xargs no -r, stat no -c.
GNU_ONLY_TOOLS = {
    "sed with \\t or \\n": r"\bsed\b[^|;]*\\[tn]",
    "sed -i": r"\bsed\s+(?:-\w+\s+)*-i\b",
    "grep -P": r"\bgrep\s+(?:-\w+\s+)*-\w*P",
    "readlink -f": r"\breadlink\s+-f",
    "find -printf": r"\bfind\b.*-printf",
    "date -d": r"\bdate\s+(?:-\w+\s+)*-d\b",
    "xargs -r": r"\bxargs\s+(?:-\w+\s+)*-r\b",
    "stat -c": r"\bstat\s+-c",
}


def recipe_lines() -> list[str]:
    return [line for line in MAKEFILE.splitlines() if line.startswith("\t")]


@pytest.mark.parametrize("feature", sorted(NEWER_MAKE))
def test_the_makefile_needs_no_make_newer_than_3_81(feature: str) -> None:
    assert not re.search(NEWER_MAKE[feature], MAKEFILE, flags=re.MULTILINE), feature


@pytest.mark.parametrize("usage", sorted(GNU_ONLY_TOOLS))
def test_recipes_use_the_tools_as_macos_has_them(usage: str) -> None:
    found = [line for line in recipe_lines() if re.search(GNU_ONLY_TOOLS[usage], line)]
    assert found == [], usage


def test_system_deps_without_apt_get_say_what_to_install_on_macos(tmp_path: Path) -> None:
    """Audit: on a Mac, `make system-deps` stopped at `apt-get: No such file or directory`."""
    (tmp_path / "bin").mkdir()  # a PATH without apt-get
    make = shutil.which("make")
    assert make is not None
    for target in ("system-deps", "system-deps-pdf"):
        completed = subprocess.run(
            [str(make), "-C", str(ROOT), target],
            env={"PATH": str(tmp_path / "bin")},
            capture_output=True,
            text=True,
            check=False,
        )
        assert completed.returncode != 0
        assert f"make: {target} installs Debian packages with apt-get" in completed.stderr
        assert "macOS: brew install pango for the PDF handouts" in completed.stderr
        assert "apt-get update" not in completed.stdout
