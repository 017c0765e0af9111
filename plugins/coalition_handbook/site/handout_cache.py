"""The handout cache: finished PDFs kept by a hash of everything that goes into them.

`.cache/handouts/<module-id>/<key>.pdf` beside mkdocs.yml. The key covers the module's
file, the files of the protocols it names, the key terms' forms and definitions, the paper
size, the site name, the package and WeasyPrint versions, and a digest of the templates,
stylesheet and rendering code. One PDF is kept per module: the newest good one, so a
failed render still has the last good handout to fall back on.

Every file is written atomically (a temporary file in the same folder, then a rename):
a reader never sees half a PDF and a failure never removes a good one.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path

from .. import __version__
from .handout_render import HandoutContent, renderer_digest

CACHE_DIR = Path(".cache") / "handouts"


def cache_key(content: HandoutContent) -> str:
    """A hex digest that changes whenever the PDF of `content` would."""
    module = content.module
    ingredients = {
        "module": module.origin.text,
        "protocols": [[protocol.id, protocol.origin.text] for protocol in content.protocols],
        "key_terms": [
            [term.id, term.term, term.status, term.short, term.definition]
            for term in content.key_terms
        ],
        "paper_size": content.paper_size,
        "site_name": content.site_name,
        "package": __version__,
        "weasyprint": _weasyprint_version(),
        "renderer": renderer_digest(),
    }
    # surrogatepass: a key for any text, even one no file could hold
    encoded = json.dumps(ingredients, ensure_ascii=False, sort_keys=True).encode(
        "utf-8", "surrogatepass"
    )
    return hashlib.sha256(encoded).hexdigest()


class HandoutCache:
    """Finished PDFs under `directory`, one folder per module id."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path(self, module_id: str, key: str) -> Path:
        return self.directory / module_id / f"{key}.pdf"

    def get(self, module_id: str, key: str) -> Path | None:
        path = self.path(module_id, key)
        return path if path.is_file() else None

    def put(self, module_id: str, key: str, pdf: bytes) -> Path:
        """Keep `pdf` as the module's newest good handout; older ones are removed."""
        path = self.path(module_id, key)
        write_atomically(path, pdf)
        for older in path.parent.glob("*.pdf"):
            if older != path:
                older.unlink(missing_ok=True)
        return path

    def last_good(self, module_id: str) -> Path | None:
        """The module's newest cached PDF, whatever its key (for a render that failed)."""
        folder = self.directory / module_id
        candidates = sorted(folder.glob("*.pdf"), key=lambda path: path.stat().st_mtime)
        return candidates[-1] if candidates else None


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        # mkstemp makes files only their owner can read; a published PDF is for everyone.
        Path(temporary).chmod(0o644)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _weasyprint_version() -> str:
    # Read from the package metadata: importing WeasyPrint costs 0.4 s and may fail.
    try:
        return metadata.version("weasyprint")
    except metadata.PackageNotFoundError:
        return "none"
