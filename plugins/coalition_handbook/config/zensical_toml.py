"""zensical.toml, Zensical's own config: handbook reads its settings and options from
mkdocs.yml alone, which Zensical builds a site from too, and says so where it is given
or finds a zensical.toml (rather than read one as broken YAML)."""

from __future__ import annotations

from pathlib import Path

ZENSICAL_CONFIG = "zensical.toml"

# Zensical drops each `plugins` entry it does not know, so the handbook's options stay
# in mkdocs.yml for `handbook` to read, and no build stops on them.
KEEP_MKDOCS_YML = (
    "keep the site's config in mkdocs.yml, which Zensical builds from too, with the "
    "handbook's options under `plugins: - handbook` (Zensical skips that entry)"
)


def toml_config_problem(config_file: Path, where: str) -> str | None:
    """The message for a config file given in TOML (named `where`), which handbook does
    not read; None for any other. By its suffix, as Zensical tells its formats apart."""
    if config_file.suffix.lower() != ".toml":
        return None
    return f"{where}: handbook reads no TOML config: {KEEP_MKDOCS_YML}, and name it with -f"


def lone_zensical_config(folder: Path) -> str | None:
    """What to say where no mkdocs.yml is in `folder` but a zensical.toml is."""
    if not (folder / ZENSICAL_CONFIG).is_file():
        return None
    return f"{ZENSICAL_CONFIG} is here, but handbook reads no TOML config: {KEEP_MKDOCS_YML}"
