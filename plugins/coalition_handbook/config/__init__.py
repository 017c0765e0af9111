"""The handbook's settings, validated into one frozen `HandbookConfig`.

The CLI reads mkdocs.yml with `load_config` (`loading`; `config_yml` reads the
file); the plugin passes the options MkDocs already validated to `build_config`
(`options`). Both end with the same `HandbookConfig` (`settings`), or a `ConfigError`
naming every problem at once (`problems` gathers them). These four are the package's
API; the modules beside them each check one part of the settings.
"""

from __future__ import annotations

from ..config_yml import ConfigError
from .loading import load_config
from .options import build_config
from .settings import HandbookConfig

__all__ = ["ConfigError", "HandbookConfig", "build_config", "load_config"]
