"""What the report of `handbook diff` quotes of the handbook, with the personal data in
it masked as privacy.pii's messages show it (`rules.privacy_masked_text`): CI writes the
report to a pull request's step summary, which stays after a leak is cleaned up (the
branch force-pushed, the commit purged), until someone deletes the run (privacy audit).

The changed items, and the load problems of the files not compared, are masked before
the report is written, each of their texts whole:
a word diff then compares masked words, and cannot split a phone number written in
groups across its change marks (`402 555 ~~0142~~ **0199**`, which no mask finds).
Whether a change is recorded, and so the exit code, is told of the texts as written.
Where privacy.pii is turned off (`rules:`), nothing is masked: the coalition has said
there is nothing of the kind to find.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TypeVar

from ..config import HandbookConfig
from ..forms import form_key
from ..rules.base import rule_level
from ..rules.privacy_allow_list import AllowList
from ..rules.privacy_masked_text import mask_personal_data
from ..rules.privacy_pii import RULE
from .changes_model import Changes, FieldChange, ItemChange

# What the report shows in a line of its own where it shows personal data masked.
MASKED_NOTE = "Personal data is shown masked; `handbook check` names where."
# An item's fields left as they are: its id, its file's name, which privacy.pii does not
# read and which tells a rename; where it was read; its texts and headings again (its
# other fields hold them).
_NOT_MASKED = frozenset({"id", "origin", "texts", "headings"})

Value = TypeVar("Value")
# Where a file stops loading (`line:column`) and why (`diff_report.render`'s `not_compared`).
Problem = tuple[str, str]


@dataclasses.dataclass
class PersonalDataMask:
    """Masks the personal data privacy.pii reports in the texts of the report (`allowed`
    None: none, the rule being off), each text once."""

    allowed: AllowList | None
    _shown: dict[str, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, config: HandbookConfig) -> PersonalDataMask:
        if rule_level(config.rules, RULE) == "off":
            return cls(None)
        return cls(AllowList.of(config.privacy_allow, config.privacy_countries))

    @property
    def masked_any(self) -> bool:
        """Whether any text was masked so far."""
        return any(shown != text for text, shown in self._shown.items())

    def text(self, text: str) -> str:
        if self.allowed is None:
            return text
        shown = self._shown.get(text)
        if shown is None:
            shown = self._shown[text] = mask_personal_data(text, self.allowed)
        return shown

    def changes(self, changes: Changes) -> Changes:
        """`changes` with every text of their items and forms masked."""
        if self.allowed is None:
            return changes
        return dataclasses.replace(
            changes,
            items=tuple(map(self._item_change, changes.items)),
            form_changes=tuple(map(self._value, changes.form_changes)),
        )

    def uses(self, changes: Changes, uses: Mapping[str, Value]) -> dict[str, Value]:
        """`uses`, found by the key of each form of `changes` (`form_key`), found by
        the key of the form masked too, as `changes(changes)` shows it."""
        shown: dict[str, Value] = dict(uses)
        for change in changes.form_changes:
            key = change.key
            if key in uses:
                masked = form_key(self.text(change.form), change.case_sensitive, change.language)
                shown[masked] = uses[key]
        return shown

    def problems(self, problems: Mapping[str, Problem | None]) -> dict[str, Problem | None]:
        """`problems`, each file's first load problem (`line:column`, message), with each
        message masked: a YAML error quotes the line it stops at, a phone number too."""
        return {
            path: None if problem is None else (problem[0], self.text(problem[1]))
            for path, problem in problems.items()
        }

    def _item_change(self, change: ItemChange) -> ItemChange:
        return dataclasses.replace(
            change,
            old=self._value(change.old),
            new=self._value(change.new),
            fields=tuple(map(self._field, change.fields)),
            unpublished=tuple(map(self._field, change.unpublished)),
        )

    def _field(self, field: FieldChange) -> FieldChange:
        return dataclasses.replace(field, old=self._value(field.old), new=self._value(field.new))

    def _value(self, value: object) -> object:
        """`value` with each text in it masked: in a string, a list, a mapping's values, or
        a record's fields (an item, a step, a contact, a form's state), each as a copy."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, tuple):
            return tuple(map(self._value, value))
        if isinstance(value, Mapping):
            return {key: self._value(item) for key, item in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(
                value,
                **{
                    field.name: self._value(getattr(value, field.name))
                    for field in dataclasses.fields(value)
                    if field.init and field.name not in _NOT_MASKED
                },
            )
        return value
