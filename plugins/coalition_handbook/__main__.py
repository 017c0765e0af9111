"""`python -m coalition_handbook`: the `handbook` command where its console script is not on
PATH (a venv not activated, a CI step that runs the interpreter by its path)."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
