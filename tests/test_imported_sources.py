"""The package's own modules that a module imports, read from its import statements."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition_handbook.imported_sources import _imported_by as imported_by
from coalition_handbook.imported_sources import imported_sources
from coalition_handbook.rules import privacy_pii
from coalition_handbook.site import handout_render

RULES = "coalition_handbook.rules"


@pytest.mark.parametrize(
    ("statement", "names"),
    [
        ("from .soft_breaks import LINE_SPACE", [f"{RULES}.soft_breaks"]),
        ("from ..letters import SMALL_LETTERS", ["coalition_handbook.letters"]),
        # From a package: each name imported may be one of its modules, on one line or in
        # parentheses over several, with comments.
        ("from . import soft_breaks  # why", [RULES, f"{RULES}.soft_breaks"]),
        ("from . import soft_breaks as breaks", [RULES, f"{RULES}.soft_breaks"]),
        (
            "from ..markdown import (\n    raw_html,  # why\n    definitions,\n)",
            [
                "coalition_handbook.markdown",
                "coalition_handbook.markdown.raw_html",
                "coalition_handbook.markdown.definitions",
            ],
        ),
        # In a function, as an import made on first use is written.
        ("def masks():\n    from .privacy_masks import masked", [f"{RULES}.privacy_masks"]),
        # Not the package's: another package's, or more dots than packages (a docstring's).
        ("import re\nfrom markdown import Markdown", []),
        ("from .... import nothing", []),
    ],
)
def test_each_relative_import_names_a_module_of_the_package(
    tmp_path: Path, statement: str, names: list[str]
) -> None:
    source = tmp_path / "example.py"
    source.write_text(f"{statement}\n", encoding="utf-8")
    assert imported_by(f"{RULES}.example", source) == names


def test_the_modules_a_module_imports_through_another_are_found_too() -> None:
    """privacy_pii imports privacy_streets, which imports letters."""
    found = imported_sources(privacy_pii)
    assert {
        f"{RULES}.privacy_pii",
        f"{RULES}.privacy_streets",
        "coalition_handbook.letters",
    } <= set(found)
    assert found["coalition_handbook.letters"].name == "letters.py"


def test_the_packages_a_module_is_in_are_found_with_what_they_import() -> None:
    """Review rv8: `from ..model.types import Term` runs model/__init__.py, which imports
    model.glossary; neither was read."""
    found = imported_sources(handout_render)
    assert {
        "coalition_handbook",
        "coalition_handbook.model",
        "coalition_handbook.model.glossary",
    } <= set(found)
    assert found["coalition_handbook.model"].name == "__init__.py"
