"""How the report shows a changed field: a value in one line, what became of a list's
items or a mapping's keys, and a text's diff (`text_diff`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence

from ..model.types import (
    AvoidForm,
    Contact,
    SourceRef,
    Step,
)
from .changes_layout import file_lines
from .changes_model import FieldChange
from .report_markdown import escape, fenced, inline_code, line_start, link_target
from .text_diff import line_diff, steps_diff, text_diff

# Fields shown as a word diff (short prose) or a line diff (long Markdown).
WORD_DIFF_FIELDS = {"definition", "short", "summary"}
LINE_DIFF_FIELDS = {"body"}
# The fields whose diffs may be long, and count against `ReportLimits.text_bytes`.
TEXT_FIELDS = WORD_DIFF_FIELDS | LINE_DIFF_FIELDS | {"steps"}


def field_lines(field: FieldChange, starts: tuple[int, int] = (1, 1)) -> list[str]:
    """The lines that show one changed field; `starts` are the file lines its old and new
    texts start at, for the line numbers of a line diff."""
    if field.old == field.new:  # the texts masked alike (`report_masks`)
        return [f"  - `{field.name}`: only personal data changed, which is shown masked"]
    if field.name == "term":
        return [f"  - preferred form: {describe(field.old)} → {describe(field.new)}"]
    if field.name in {"aliases", "avoid", "status"}:
        return []  # shown as forms, their reasons and status above
    word_diffed = field.name in WORD_DIFF_FIELDS and isinstance(field.new, str)
    blocks = text_diff(_text(field.old), field.new) if word_diffed else []
    if any(block != "…" for block in blocks):
        quoted = "\n    >\n".join(f"    > {line_start(block)}" for block in blocks)
        return [f"  - `{field.name}`:", "", *quoted.split("\n"), ""]
    # A word diff shows no change where only spaces changed what the page shows (an
    # indent that makes code, two that break a line): a line diff shows them (review).
    if word_diffed or field.name in LINE_DIFF_FIELDS or field.name == "steps":
        if field.name == "steps":
            diff = steps_diff(value_lines(field.old), value_lines(field.new))
        else:
            diff = line_diff(value_lines(field.old), value_lines(field.new), starts)
        return [f"  - `{field.name}`:", "", *fenced(diff, "diff"), ""]
    if isinstance(field.old, tuple | type(None)) and isinstance(field.new, tuple | type(None)):
        return [f"  - `{field.name}`: " + list_change(field.old or (), field.new or ())]
    if isinstance(field.old, Mapping) or isinstance(field.new, Mapping):
        return [f"  - `{field.name}`: " + _mapping_change(field.old or {}, field.new or {})]
    return [f"  - `{field.name}`: {describe(field.old)} → {describe(field.new)}"]


def list_change(old: Sequence[object], new: Sequence[object]) -> str:
    """What became of a list's items: added, removed, and changed where an item kept its
    name (a contact whose number changed, a source whose address moved: only what changed
    of it is shown). Items that share a name are not paired: which became which would be
    a guess. The lists are compared as multisets: an entry written twice is one added
    ("added `nurses` again", audit), not the list reordered."""
    old_items = [describe(value) for value in old]
    new_items = [describe(value) for value in new]
    added = _beyond(new, new_items, Counter(old_items))
    removed = _beyond(old, old_items, Counter(new_items))
    added_names = Counter(_item_name(value) for value, _ in added)
    removed_names = Counter(_item_name(value) for value, _ in removed)
    changed = []
    for value, shown in list(added):
        name = _item_name(value)
        if name is None or added_names[name] != 1 or removed_names[name] != 1:
            continue
        before = next(pair for pair in removed if _item_name(pair[0]) == name)
        changed.append(_changed_details(before[0], value))
        added.remove((value, shown))
        removed.remove(before)
    parts = []
    if changed:
        parts.append("changed " + ", ".join(changed))
    if added:
        # A copy of an entry that is there already: written twice now.
        listed = set(old_items)
        shown_added = []
        for _, shown in added:
            shown_added.append(f"{shown} again" if shown in listed else shown)
            listed.add(shown)
        parts.append("added " + ", ".join(shown_added))
    if removed:
        kept = set(new_items)
        parts.append(
            "removed "
            + ", ".join(f"a repeated {shown}" if shown in kept else shown for _, shown in removed)
        )
    return "; ".join(parts) or "reordered"


def _beyond(
    values: Sequence[object], shown: Sequence[str], others: Counter[str]
) -> list[tuple[object, str]]:
    """The items of a list (each `value` as `shown`) beyond as many of each as `others`
    has: the later copies of an entry written more often than there."""
    seen: Counter[str] = Counter()
    extra = []
    for value, text in zip(values, shown, strict=True):
        seen[text] += 1
        if seen[text] > others[text]:
            extra.append((value, text))
    return extra


def _changed_details(before: object, after: object) -> str:
    """An item that kept its name (`_item_name`), with only what changed of it: a phone
    number's one digit is seen at once (audit)."""
    if not dataclasses.is_dataclass(before) or not dataclasses.is_dataclass(after):
        return f"{describe(before)} → {describe(after)}"
    parts = []
    for field in dataclasses.fields(before):
        old_value, new_value = getattr(before, field.name), getattr(after, field.name)
        if old_value != new_value:
            parts.append(f"{field.name} {_detail(old_value)} → {_detail(new_value)}")
    return f"{escape(_item_name(after) or '')}: {', '.join(parts)}"


def _detail(value: object) -> str:
    """A contact's or a source's detail in a line of the report: an address in angle
    brackets (`link_target`), which nothing in it can close."""
    if value is None:
        return "(none)"
    text = str(value)
    if text.startswith(("http://", "https://")):
        return f"<{link_target(text)}>"
    return escape(text)


def _item_name(value: object) -> str | None:
    """The name an item of a list keeps when its details change, if it has one."""
    if isinstance(value, Contact):
        return value.name
    if isinstance(value, SourceRef):
        return value.title
    return None


def _mapping_change(old: Mapping[str, object], new: Mapping[str, object]) -> str:
    parts = []
    for key in sorted(set(old) | set(new)):
        if old.get(key) != new.get(key):
            parts.append(f"{key}: {describe(old.get(key))} → {describe(new.get(key))}")
    return "; ".join(parts)


def value_lines(value: object) -> list[str]:
    if isinstance(value, str):
        return file_lines(value)
    if isinstance(value, tuple):
        lines: list[str] = []
        for index, item in enumerate(value, start=1):
            if isinstance(item, Step):
                lines.append(f"{index}. {item.title}")
                # Indented under the step's number; a blank line stays blank.
                lines += [f"   {line}" if line else "" for line in file_lines(item.detail)]
            else:
                lines.append(describe(item))
        return lines
    return []


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def describe(value: object) -> str:
    """A value in one line of the report."""
    if value is None:
        return "(none)"
    if isinstance(value, AvoidForm):
        return inline_code(value.text)
    if isinstance(value, SourceRef):
        return f"{escape(value.title)} (<{link_target(value.url)}>)"
    if isinstance(value, Contact):
        details = [escape(part) for part in (value.phone, value.text, value.url) if part]
        return escape(value.name) + (f" ({', '.join(details)})" if details else "")
    if isinstance(value, Step):
        return escape(value.title)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return inline_code(value)
    return escape(str(value))
