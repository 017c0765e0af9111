"""The editor's workflow: `handbook new` scaffolds files, `handbook diff` reports changes.

Nothing here imports MkDocs; `git` is run as a subprocess (see `git.py`).
"""
