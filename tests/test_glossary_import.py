"""What importing the plugin spares: `regex` is imported only when a term's text is cut."""

from __future__ import annotations

import subprocess
import sys

from coalition_handbook.model.glossary import _whole_characters


def test_importing_the_plugin_imports_no_regex() -> None:
    code = "import sys\nimport coalition_handbook.plugin\nprint('regex' in sys.modules)\n"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.split() == ["False"]


def test_a_cut_text_still_keeps_whole_characters() -> None:
    assert _whole_characters("e\u0301e\u0301e\u0301", 3) == "e\u0301"
