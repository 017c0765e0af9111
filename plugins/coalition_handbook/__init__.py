"""Coalition Handbook: an anti-trafficking coalition's shared language as code.

The engine (model, matching, rules, reports) imports nothing from MkDocs; only
`coalition_handbook.plugin` does.
"""

from __future__ import annotations

__version__ = "0.1.0"
