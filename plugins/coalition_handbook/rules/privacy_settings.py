"""The texts of mkdocs.yml that privacy.pii reads: those the site's pages show
(`config.HandbookConfig.shown_texts`: `site_name`, `site_description`, `site_author`,
`repo_name`, `copyright`, `nav`'s titles and links, every value under `extra`). Material
writes the copyright, the author and the footer's social links (`mailto:`, `tel:`,
`https://wa.me/...`) into every page of the site, so that one personal detail there is
published everywhere at once (privacy audit). Each is read as the browser shows it
(character references decoded) and placed at its line and column in the config file; a
suppression comment does not apply to YAML.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..config_yml import ShownText
from ..markup import decoded_references
from ..source_map import ChainedMap, PositionMap
from ..yaml_text import source_offsets


@dataclass(frozen=True)
class SettingText:
    """A text of mkdocs.yml as privacy.pii reads it: `text`, read from `source` (the
    config file's lines up to the setting, blanked, then the setting as written: a
    finding's line and column are the file's), `to_source` mapping one to the other."""

    path: str
    source: str
    text: str
    to_source: PositionMap


def setting_texts(shown: Iterable[ShownText]) -> Iterator[SettingText]:
    """Each of the texts `shown` as privacy.pii reads it."""
    for setting in shown:
        before = "\n" * (setting.line - 1) + " " * (setting.column - 1)
        offsets = _ScalarOffsets(
            setting.raw, source_offsets(setting.raw, setting.value), len(before)
        )
        text, decoded = decoded_references(setting.value)
        yield SettingText(
            setting.where, before + setting.raw, text, ChainedMap(outer=offsets, inner=decoded)
        )


@dataclass(frozen=True)
class _ScalarOffsets:
    """Where each character of a YAML scalar's value is in `raw`, its source
    (`yaml_text.source_offsets`), shifted by `shift`."""

    raw: str
    offsets: list[int]
    shift: int

    def start(self, position: int) -> int:
        return self.shift + self.offsets[position]

    def end(self, position: int) -> int:
        if position == 0:
            return self.shift + self.offsets[0]
        last = self.offsets[position - 1]
        # An escape (`\x40`) is one character of the value: it ends where the next starts.
        width = 1 if self.raw[last : last + 1] != "\\" else self.offsets[position] - last
        return self.shift + last + width
