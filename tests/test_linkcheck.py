"""LinkChecker over the shipped site, served on 127.0.0.1: every internal link and every
anchor resolves (external links are not fetched)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from site_builds import BIN, BUILD_ENV, SiteBuild, serve

# AnchorCheck checks `#fragment`s too; warnings are reported like errors.
LINKCHECKERRC = """\
[checking]
threads=4
maxrequestspersecond=100
[filtering]
checkextern=0
[output]
status=0
warnings=1
[AnchorCheck]
"""


def _world_readable(path: Path) -> None:
    """LinkChecker run as root drops to `nobody`, who must read its config (and the
    temporary folders above it)."""
    for folder in [path, *path.parents]:
        if folder == Path("/"):
            break
        folder.chmod(folder.stat().st_mode | 0o005)


@pytest.mark.slow
def test_every_link_and_anchor_of_the_site_resolves(
    shipped_site: SiteBuild, tmp_path: Path
) -> None:
    site = shipped_site.require()
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKERRC, encoding="utf-8")
    config.chmod(0o644)
    _world_readable(tmp_path)
    with serve(site) as url:
        completed = subprocess.run(
            [str(BIN / "linkchecker"), "--config", str(config), "--no-status", url],
            env={**BUILD_ENV, "HOME": str(tmp_path)},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    report = completed.stdout + completed.stderr
    assert completed.returncode == 0, report[-8000:]
    assert "0 warnings found. 0 errors found." in report, report[-3000:]
    # And the site was crawled: a server or crawl that reached the home page alone would
    # find no error either (the shipped site has over 60 term pages alone).
    checked = re.search(r"(\d+) URLs checked", report)
    assert checked and int(checked[1]) > 100, report[-3000:]
