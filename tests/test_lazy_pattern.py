"""Patterns compiled on first use (`lazy_pattern`), and what importing the plugin spares."""

from __future__ import annotations

import re
import subprocess
import sys

from coalition_handbook.lazy_pattern import LazyPattern
from coalition_handbook.rules import privacy_allow, privacy_emails


def test_a_lazy_pattern_is_compiled_on_first_use_and_matches_as_the_pattern_does() -> None:
    lazy = LazyPattern(r"a(?P<b>b+)", re.IGNORECASE)
    assert lazy._compiled is None
    compiled = re.compile(r"a(?P<b>b+)", re.IGNORECASE)
    found = lazy.search("xABb")
    assert found is not None and found.group("b") == "Bb"
    assert lazy._compiled is compiled  # re's own cache: the very same pattern
    assert (lazy.pattern, lazy.flags, lazy.groupindex) == (
        compiled.pattern,
        compiled.flags,
        compiled.groupindex,
    )
    assert [m.span() for m in lazy.finditer("ab abb")] == [(0, 2), (3, 6)]


def test_the_privacy_patterns_are_the_patterns_they_were() -> None:
    # As compiled at import before: the same text and flags.
    assert privacy_emails.EMAIL.pattern == privacy_emails.EMAIL_REST.format(at="@")
    assert privacy_allow._INTERNATIONAL_PREFIX.pattern == r"\s*(?:\+|00(?=[1-9]))"


def test_a_lazy_pattern_s_text_is_read_without_compiling_it() -> None:
    # A pattern built from another's text at import (`X.pattern + ...`) compiled that one.
    lazy = LazyPattern(r"a+", re.IGNORECASE)
    assert lazy.pattern == "a+"
    assert lazy._compiled is None
    assert LazyPattern(lazy.pattern + "b").fullmatch("aab") is not None


def printed_after_importing_the_plugin(code: str) -> str:
    """What `code` prints in a new process that has imported the plugin, as a build does."""
    code = "import coalition_handbook.plugin\n" + code
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return completed.stdout.strip()


def test_importing_the_plugin_compiles_no_lazy_pattern() -> None:
    # The privacy rules' patterns among them (EMAIL, EXTENSION: the first ones made lazy).
    shown = printed_after_importing_the_plugin(
        "import gc\n"
        "from coalition_handbook.lazy_pattern import LazyPattern\n"
        "print(sorted(repr(o) for o in gc.get_objects()"
        " if isinstance(o, LazyPattern) and o._compiled is not None))\n"
    )
    assert shown == "[]", (
        f"{shown} compiled while the plugin is imported: a module uses it at import (a "
        "search in a constant's definition, a default argument); do that inside the "
        "function that needs it"
    )


def test_a_lazy_pattern_without_its_state_raises_attribute_error_not_recursion() -> None:
    # As copy and pickle make one (`__new__`, then the state): a read before it is set
    # must fail as a missing attribute does, not recurse through `__getattr__`.
    bare = LazyPattern.__new__(LazyPattern)
    for name in ("_compiled", "_source", "search"):
        try:
            getattr(bare, name)
        except AttributeError:
            continue
        raise AssertionError(name)


def test_no_module_the_plugin_imports_compiles_a_pattern_of_its_own_at_import() -> None:
    # Python-Markdown's placeholder pattern, imported by the autolink modules, is its own.
    shown = printed_after_importing_the_plugin(
        "import re, sys\n"
        "from markdown.util import HTML_PLACEHOLDER_RE\n"
        "print(sorted(f'{name}.{key}' for name, module in list(sys.modules.items())"
        " if name.startswith('coalition_handbook')"
        " for key, value in vars(module).items()"
        " if isinstance(value, re.Pattern) and value is not HTML_PLACEHOLDER_RE))\n"
    )
    assert shown == "[]", (
        f"{shown} compiled at import, which every mkdocs build pays for: make each "
        "`NAME = LazyPattern(pattern, flags)` (coalition_handbook.lazy_pattern), or compile "
        "it inside the function that uses it"
    )
