"""Validate loaded YAML against the JSON Schemas in `coalition_handbook/schemas/`.

The field rules live only in the schema files (editors' YAML language servers read the
same files); this module turns each `ValidationError` into a message an editor can act on
("unknown field 'aliasses' (did you mean 'aliases'?)") and the path of the value it is
about.

Most files fit: a validator that fastjsonschema compiles from the same schema says so
first, three to four times faster; jsonschema walks only the files that do not fit, to
describe every problem. Both check the one format the schemas use, `date`, with
`is_calendar_date`, so a run whose files all fit never imports jsonschema (0.06-0.1 s).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..forms import STRAY_INVISIBLE
from ..hints import nearest, suggested
from ..lazy_pattern import LazyPattern
from ..slugs import letters_left_out, slugify, words_left_out
from ..url_userinfo import without_userinfo
from .language_names import language_code
from .yaml_messages import QUOTED_CHARACTERS, quoted, shortened, value_label

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

# The text of the value at a path as the file writes it, where YAML read it from a plain
# scalar on one line (`1:30`, `no`, `~`); None elsewhere.
Written = Callable[[tuple[str | int, ...]], str | None]


def _unwritten(path: tuple[str | int, ...]) -> None:
    return None


_TYPE_NAMES = {
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing",
}


@dataclass(frozen=True, slots=True)
class SchemaProblem:
    """A value that does not fit the schema. `path` is the value's path in the document;
    `at_key` says the problem is the key itself (an unknown field), not its value;
    `unknown_field` that it is an unknown field near no valid one (`colour`), which the
    checks can read past: a misspelt valid field (`case_sensitve`) changes the record."""

    path: tuple[str | int, ...]
    message: str
    at_key: bool = False
    unknown_field: bool = False
    # A character no reader sees that the value holds and the schema refuses: the
    # problem is placed at it where the file writes it as it is (not as an escape).
    invisible: str | None = None
    # The required field it says is missing, where the problem is only that.
    missing: str | None = None

    @property
    def dotted(self) -> str:
        return ".".join(str(part) for part in self.path)


@cache
def load_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of `kind` (term, protocol or module), as shipped in the package."""
    text = (resources.files("coalition_handbook") / "schemas" / f"{kind}.schema.json").read_text(
        encoding="utf-8"
    )
    return json.loads(text)


_ISO_DATE = LazyPattern(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def is_calendar_date(instance: object) -> bool:
    """JSON Schema's `date` format as jsonschema checks it: `YYYY-MM-DD`, and a day the
    calendar has (not 2026-02-30). Anything but a string is the `type` keyword's matter."""
    if not isinstance(instance, str):
        return True
    if not _ISO_DATE.fullmatch(instance):
        return False
    try:
        dt.date.fromisoformat(instance)
    except ValueError:
        return False
    return True


@cache
def _inlined_schema(kind: str) -> dict[str, Any]:
    """The schema of `kind` with its local `$ref`s inlined: the same rules, validated
    twice as fast (the files keep the refs for editors)."""
    schema = load_schema(kind)
    return _end_anchored(_inline_refs(schema, schema.get("$defs", {})))


def _end_anchored(schema: Any) -> Any:
    """`schema` with each pattern's closing `$` made `\\Z`: both validators search with
    Python's `re`, whose `$` also matches before a final line break, so `"es\\n"` was a
    language code ("es" in JSON Schema's own regular expressions). The files keep `$`,
    which editors' tools read as JSON Schema means it."""
    if isinstance(schema, list):
        return [_end_anchored(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    anchored = {key: _end_anchored(value) for key, value in schema.items()}
    pattern = anchored.get("pattern")
    if isinstance(pattern, str) and pattern.endswith("$") and not pattern.endswith("\\$"):
        anchored["pattern"] = pattern[:-1] + "\\Z"
    return anchored


@cache
def _validator(kind: str) -> Draft202012Validator:
    # The validators are imported on first use: a run answered from the cache never
    # validates, and jsonschema alone takes about 0.1 s to import.
    from jsonschema import Draft202012Validator, FormatChecker

    format_checker = FormatChecker(formats=())
    format_checker.checks("date")(is_calendar_date)
    return Draft202012Validator(_inlined_schema(kind), format_checker=format_checker)


def _inline_refs(schema: Any, definitions: Mapping[str, Any]) -> Any:
    if isinstance(schema, list):
        return [_inline_refs(item, definitions) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: _inline_refs(value, definitions) for key, value in schema.items()}
    reference = result.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        target = _inline_refs(definitions[reference.removeprefix("#/$defs/")], definitions)
        del result["$ref"]
        result = {**target, **result}  # the referring schema's title and description win
    return result


@cache
def _fits(kind: str) -> Callable[[Any], bool]:
    """Whether a document fits the schema of `kind`, without saying why not."""
    import fastjsonschema

    # `is_calendar_date`, not fastjsonschema's own check: one meaning of "a real date"
    # for both validators.
    check = fastjsonschema.compile(
        _conditions_as_dependencies(_alternatives_by_type(_inlined_schema(kind))),
        formats={"date": is_calendar_date},
        use_default=False,
    )

    invalid = fastjsonschema.JsonSchemaValueException

    def fits(data: Any) -> bool:
        try:
            check(data)
        except invalid:
            return False
        return True

    return fits


# Keywords that constrain only the values of one type (JSON Schema ignores them for any
# other), and annotations, which constrain nothing.
_KEYWORDS_OF_TYPE = {
    "string": frozenset(("pattern", "maxLength", "minLength")),
    "array": frozenset(("items", "minItems", "maxItems", "uniqueItems")),
    "object": frozenset(("properties", "required", "additionalProperties", "propertyNames")),
}
_ANNOTATIONS = frozenset(("title", "description"))


def _alternatives_by_type(schema: Any) -> Any:
    """`schema` with each `anyOf` of alternatives of different types (a form to avoid: a
    string, or a mapping of its text and reason) written as one schema of both types
    with the keywords of each: the same rule, as each keyword constrains only values of
    its alternative's type. fastjsonschema tries the alternatives in turn, raising an
    exception at each that fails: for every form to avoid written as a mapping."""
    if isinstance(schema, list):
        return [_alternatives_by_type(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {key: _alternatives_by_type(value) for key, value in schema.items()}
    alternatives = schema.get("anyOf")
    if not isinstance(alternatives, list) or not alternatives:
        return schema
    merged = {key: value for key, value in schema.items() if key != "anyOf"}
    if set(merged) - _ANNOTATIONS:
        return schema  # the schema says more than its alternatives: left as it is
    types: list[str] = []
    for alternative in alternatives:
        kind = alternative.get("type") if isinstance(alternative, dict) else None
        if not isinstance(kind, str) or kind not in _KEYWORDS_OF_TYPE or kind in types:
            return schema
        types.append(kind)
        for key, value in alternative.items():
            if key in ("type", *_ANNOTATIONS):
                continue
            of_type = key in _KEYWORDS_OF_TYPE[kind] or (
                key == "allOf" and _only_keywords_of(value, kind)
            )
            if not of_type or key in merged:
                return schema
            merged[key] = value
    merged["type"] = types
    return merged


def _only_keywords_of(schemas: Any, kind: str) -> bool:
    """Whether `schemas` (an `allOf`) hold only keywords of the type `kind`."""
    return isinstance(schemas, list) and all(
        isinstance(item, dict) and set(item) <= _KEYWORDS_OF_TYPE[kind] | _ANNOTATIONS
        for item in schemas
    )


def _conditions_as_dependencies(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema`, a mapping's, with each of its conditions on one field ("if `status` is
    set (to deprecated), then ...", on its own or in `allOf`) written as the same rule
    under `dependencies`, which is looked at only where the field is set. fastjsonschema
    tests an `if` by raising an exception where it does not hold, as for most documents
    (no `status`): a third of the term check's time. Any other `if` leaves the schema as
    it is. For a mapping, the two say the same: (F set and `if`'s other rules hold) ->
    `then` holds, and both ignore what is no mapping."""
    if schema.get("type") != "object" or "dependencies" in schema:
        return schema
    conditions = [{key: schema[key] for key in ("if", "then", "else") if key in schema}]
    kept_all_of = [item for item in schema.get("allOf", []) if "if" not in item]
    conditions += [item for item in schema.get("allOf", []) if "if" in item]
    dependencies: dict[str, Any] = {}
    for condition in conditions:
        if not condition:
            continue
        test = condition.get("if")
        if set(condition) != {"if", "then"} or not isinstance(test, dict):
            return schema
        field = test.get("required")
        if not (isinstance(field, list) and len(field) == 1) or set(test) - {
            "required",
            "properties",
        }:
            return schema
        if field[0] in dependencies:
            return schema
        rest = {key: value for key, value in test.items() if key != "required"}
        then = condition["then"]
        dependencies[field[0]] = {"if": rest, "then": then} if rest else then
    if not dependencies:
        return schema
    rewritten = {key: value for key, value in schema.items() if key not in ("if", "then", "allOf")}
    if kept_all_of:
        rewritten["allOf"] = kept_all_of
    rewritten["dependencies"] = dependencies
    return rewritten


class _DecimalNumber(float):
    """A number YAML read with a decimal point. JSON Schema counts 1.0 as an integer;
    `version: 1.0` is no whole number to an editor, nor to DESIGN section 3."""

    def is_integer(self) -> bool:
        return False


# What `to_json_data` gives as it is: most values of a record are one of these.
_AS_THEY_ARE = frozenset((str, int, bool, type(None)))


def to_json_data(value: Any) -> Any:
    """YAML values as JSON Schema sees them: dates become ISO strings (YYYY-MM-DD), and
    numbers written with a decimal point are never integers."""
    plain = _AS_THEY_ARE
    kind = type(value)
    if kind in plain:  # by exact type: the isinstance tests below cost more
        return value
    # A mapping's or list's plain values are taken as they are, without a call each: most
    # of a record's values are texts (a call a value was a fifth of a term's validation).
    if kind is dict:
        return {
            key: item if type(item) in plain else to_json_data(item) for key, item in value.items()
        }
    if kind is list:
        return [item if type(item) in plain else to_json_data(item) for item in value]
    if isinstance(value, dict):
        return {key: to_json_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_json_data(item) for item in value]
    if isinstance(value, dt.date):  # datetime too: its ISO form fails the date pattern
        return value.isoformat()
    if isinstance(value, float):
        return _DecimalNumber(value)
    return value


def wants_date(kind: str, path: tuple[str | int, ...]) -> bool:
    """Whether the schema of `kind` wants a date at `path` (`history.0.date`), not text."""
    root = load_schema(kind)
    schema: Any = root
    for part in path:
        schema = _resolved(root, schema)
        if isinstance(part, int) and isinstance(schema.get("items"), Mapping):
            schema = schema["items"]
        elif str(part) in schema.get("properties", {}):
            schema = schema["properties"][str(part)]
        elif isinstance(schema.get("additionalProperties"), Mapping):
            schema = schema["additionalProperties"]
        else:
            return False
    return _resolved(root, schema).get("format") == "date"


def _resolved(root: Mapping[str, Any], schema: Any) -> Mapping[str, Any]:
    """`schema`, or the definition its `$ref` (`#/$defs/date`) names."""
    if not isinstance(schema, Mapping):
        return {}
    reference = schema.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/$defs/"):
        return root.get("$defs", {}).get(reference.removeprefix("#/$defs/"), {})
    return schema


def validate(
    kind: str, data: Any, written: Written = _unwritten, advice: bool = True
) -> list[SchemaProblem]:
    """Every problem of `data` (already passed through `to_json_data`) against the schema;
    `written` gives a value's text as the file writes it, which messages show where YAML
    read it as something else (`1:30` as the number 90). `advice` False leaves out the
    advice that quotes a value (`[a, b]` for a list written as text), for a text that
    may be prose, with personal data."""
    if _fits(kind)(data):
        return []
    validator = _validator(kind)
    problems: list[SchemaProblem] = []
    for error in validator.iter_errors(data):
        problems.extend(_describe(error, validator.schema, written, advice))
    problems = _kept_where_needed(problems, data, validator)
    # jsonschema yields one `required` error per missing field, each naming them all.
    unique = dict.fromkeys(_items_split(data, problems))
    return sorted(unique, key=lambda problem: [str(part) for part in problem.path])


def _items_split(data: Any, problems: list[SchemaProblem]) -> list[SchemaProblem]:
    """`problems`, with the two of an item split in two by a '- ' before one of its fields
    (`- title: x` then `- url: y`) said once, at the second: "missing 'url' in sources item
    1" and "missing 'title' in sources item 2" left the editor to work out the dash."""
    missing: dict[tuple[str | int, ...], set[str]] = {}
    for problem in problems:
        if problem.missing is not None and problem.path and isinstance(problem.path[-1], int):
            missing.setdefault(problem.path, set()).add(problem.missing)
    said: dict[tuple[str | int, ...], set[str]] = {}  # the missing fields merged, by item
    merged: list[SchemaProblem] = []
    for path, lacking in missing.items():
        *parent, index = path
        after = (*parent, index + 1)
        if after not in missing or path in said:
            continue
        items = _at(data, tuple(parent))
        if not isinstance(items, list) or index + 1 >= len(items):
            continue
        first, second = items[index], items[index + 1]
        if not (isinstance(first, dict) and isinstance(second, dict) and first and second):
            continue
        if not set(second) <= lacking or not missing[after] <= set(first):
            continue
        said[path], said[after] = set(second), missing[after]
        moved = " and ".join(quoted(str(key)) for key in second)
        verb, them = ("are", "them") if len(second) > 1 else ("is", "it")
        merged.append(
            SchemaProblem(
                after,
                f"the '- ' here starts a new item of {value_label(tuple(parent))}, so {moved} "
                f"{verb} not part of item {index + 1} above, which lacks {them}: remove the '- ' "
                f"and indent {quoted(str(next(iter(second))))} like "
                f"{quoted(str(next(iter(first))))}",
            )
        )
    kept = [p for p in problems if p.missing is None or p.missing not in said.get(p.path, ())]
    return kept + merged


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    """The value at `path` in `data`, or None where there is none."""
    for part in path:
        in_list = isinstance(data, list) and isinstance(part, int) and part < len(data)
        if not (in_list or (isinstance(data, dict) and part in data)):
            return None
        data = data[part]
    return data


def _describe(
    error: ValidationError,
    root_schema: Mapping[str, Any],
    written: Written = _unwritten,
    advice: bool = True,
) -> Iterator[SchemaProblem]:
    path = tuple(error.absolute_path)
    label = value_label(path)
    validator = error.validator
    instance = error.instance

    dependent = _dependent_problem(error, root_schema)
    if dependent is not None:
        yield dependent
        return
    if validator == "additionalProperties" and isinstance(instance, dict):
        known = list(error.schema.get("properties", {}))
        # Once, not once a key: it reads every key (10,000 unknown keys took minutes).
        misspellings = _misspelt_required(instance, error.schema)
        for key in instance:
            if key in known:
                continue
            where = f" in {label}" if path else ""
            misspelt = suggested(_nearest_field(str(key), tuple(known)))
            meant = misspellings.get(str(key))
            if meant is not None:  # one finding, not two: its missing field is said here
                misspelt += f": the required field '{meant}' is missing; rename this one"
            yield SchemaProblem(
                (*path, key),
                f"unknown field '{shortened(key)}'{where}{misspelt or _valid_fields(known)}",
                at_key=True,
                unknown_field=not misspelt,
            )
        return
    if validator == "required" and isinstance(instance, dict):
        conditional = "then" in error.schema_path
        # Required because of another field (`status: deprecated`): placed at that field,
        # the line just written, not at the top of the file (audit).
        cause = [name for name in _condition_fields(root_schema) if name in instance]
        at = (*path, cause[0]) if conditional and cause else path
        misspelt = set(_misspelt_required(instance, error.schema).values())
        for name in error.validator_value:
            if name in instance or name in misspelt:  # said at the misspelt field
                continue
            where = f" in {label}" if path else ""
            reason = _condition(root_schema) if conditional else ""
            message = f"missing required field '{name}'{where}{reason}"
            yield SchemaProblem(at, message, missing=None if conditional else name)
        return
    if validator in ("anyOf", "oneOf"):
        yield from _describe_alternatives(error, root_schema, written, advice)
        return
    if "propertyNames" in error.schema_path:  # the error is about a key, not a value
        code = language_code(instance) if "language code" in _expected(error.schema) else None
        fix = f" (write {code})" if code else ""
        yield SchemaProblem(
            (*path, str(instance)),
            f"{label} has the key {quoted(instance)}; expected {_expected(error.schema)}{fix}",
            at_key=True,
        )
        return
    if validator == "format" and _fails_pattern(error.schema, instance):
        return  # the pattern's message says it better
    if validator == "uniqueItems" and isinstance(instance, list):
        yield from _repeated_items(path, instance)
        return
    invisible = _refused_invisible(error)
    if invisible is not None:
        yield SchemaProblem(path, _invisible_message(label, invisible), invisible=invisible)
        return
    message = _message(error, label, written(path), advice)
    yield SchemaProblem(path, message + _left_empty(path, instance, root_schema))


def _left_empty(path: tuple[str | int, ...], instance: Any, root_schema: Mapping[str, Any]) -> str:
    """For an optional field left empty (`short:`), that deleting its line is a fix too,
    and what applies then: an editor who cleared the value meant to drop it (ed63)."""
    empty = instance is None or (isinstance(instance, str) and not instance.strip())
    if not empty or len(path) != 1 or path[0] in root_schema.get("required", ()):
        return ""
    field = root_schema.get("properties", {}).get(path[0])
    if not isinstance(field, Mapping):
        return ""
    default = field.get("default")
    said = str(field.get("description", "")).partition("default: ")[2].rstrip(".")
    if said:
        then = f" to use the default, {said}"
    elif default is not None:
        shown = default if isinstance(default, str) else json.dumps(default)  # false
        then = f" to use the default, {shown}"
    else:
        then = " to leave it out"
    return f"; write it, or delete the line{then}"


def _kept_where_needed(
    problems: list[SchemaProblem], data: Any, validator: Draft202012Validator
) -> list[SchemaProblem]:
    """`problems`, where an empty field another field's value requires (`replaced_by:` of
    a term with `status: deprecated`, `status:` beside `replaced_by`) is not told that its
    line may go: deleting it is a new finding (review rv65b)."""
    conditional = _conditionally_required(validator.schema)
    if not isinstance(data, dict) or not conditional:
        return problems
    kept: list[SchemaProblem] = []
    for problem in problems:
        field = problem.path[0] if len(problem.path) == 1 else None
        said = _left_empty(problem.path, data.get(field), validator.schema) if field else ""
        if field in conditional and said and problem.message.endswith(said):
            rest = {key: value for key, value in data.items() if key != field}
            if any(
                error.validator == "required" and not error.path and field in error.validator_value
                for error in validator.iter_errors(rest)
            ):
                problem = replace(problem, message=problem.message.removesuffix(said))
        kept.append(problem)
    return kept


def _conditionally_required(root_schema: Mapping[str, Any]) -> set[str]:
    """The top-level fields a condition of the schema may require (`then: required`)."""
    conditions = [root_schema, *root_schema.get("allOf", ())]
    return {
        name
        for condition in conditions
        if isinstance(condition, Mapping) and isinstance(condition.get("then"), Mapping)
        for name in condition["then"].get("required", ())
    }


@lru_cache(maxsize=4096)
def _nearest_field(key: str, known: tuple[str, ...]) -> str | None:
    """`nearest`, once for each unknown field: a file's unknown fields are looked up for
    the unknown-field message and, where a required field is missing, twice more for
    `_misspelt_required` (task lo64: three difflib searches a field)."""
    return nearest(key, known)


def _misspelt_required(instance: Mapping[str, Any], schema: Mapping[str, Any]) -> dict[str, str]:
    """Each unknown field of `instance` whose nearest valid name is a required field it
    lacks (`details` for `detail`), with that name: one slip the editor fixes by renaming,
    which was two findings (an unknown field and a missing one) at two places."""
    known = schema.get("properties")
    required = schema.get("required")
    if schema.get("additionalProperties") is not False or not known or not required:
        return {}
    missing = [name for name in required if name not in instance]
    meant: dict[str, str] = {}
    if not missing:
        return meant
    for key in instance:
        if key in known:
            continue
        name = _nearest_field(str(key), tuple(known))
        if name in missing and name not in meant.values():
            meant[str(key)] = name
    return meant


def _refused_invisible(error: ValidationError) -> str | None:
    """The character no reader sees (`STRAY_INVISIBLE`) that makes a string fail its
    pattern, if that is why it fails: without them, it would fit."""
    instance = error.instance
    if error.validator != "pattern" or not isinstance(instance, str) or instance.isascii():
        return None
    found = STRAY_INVISIBLE.search(instance)
    if found is None or _fails_pattern(error.schema, STRAY_INVISIBLE.sub("", instance)):
        return None
    return found.group()[0]  # the first of a run of joiners


def _invisible_message(label: str, character: str) -> str:
    # Named by code point and name: the editor cannot see it, and `'\u200b'` in a
    # quoted value means nothing to most.
    name = unicodedata.name(character, "FORMAT CHARACTER")
    return (
        f"{label} holds U+{ord(character):04X} ({name}), "
        "which no reader sees (text pasted from a word processor, a PDF or a web page "
        "brings such characters): delete it; the form would be published with it"
    )


def _repeated_items(path: tuple[str | int, ...], items: list[Any]) -> Iterator[SchemaProblem]:
    """Each item of a list that repeats an earlier one, at its own place."""
    first_index: dict[str, int] = {}
    for index, item in enumerate(items):
        key = repr(item)  # items may be lists or mappings, which have no hash
        if key in first_index:
            yield SchemaProblem(
                (*path, index),
                f"{quoted(item)} is listed twice in {value_label(path)} "
                f"(also as item {first_index[key] + 1}); list it once",
            )
        else:
            first_index[key] = index


def _dependent_problem(
    error: ValidationError, root_schema: Mapping[str, Any]
) -> SchemaProblem | None:
    """A rule of the form "if field F is set, then ..." whose `then` has a description
    (`replaced_by` only on a deprecated term) is about F: reported at F, with what the
    other field holds and the description's advice."""
    schema_path = list(error.schema_path)
    if "then" not in schema_path:
        return None
    branch: Any = root_schema
    for part in schema_path[: schema_path.index("then")]:
        branch = branch[part]
    trigger = branch.get("if", {}).get("required", [])
    then = branch["then"]
    description = str(then.get("description", ""))
    if len(trigger) != 1 or not description:
        return None
    held = []
    for name in then.get("properties", {}):
        if error.validator == "required" and isinstance(error.instance, dict):
            value = error.instance.get(name)
        elif tuple(error.absolute_path) == (name,):
            value = error.instance
        else:
            continue
        held.append(f"'{name}' is not set" if value is None else f"'{name}' is {quoted(value)}")
    detail = f", but {' and '.join(held)}" if held else ""
    advice = description[:1].lower() + description[1:].rstrip(".")
    return SchemaProblem((trigger[0],), f"'{trigger[0]}' is set{detail}: {advice}")


def _describe_alternatives(
    error: ValidationError, root_schema: Mapping[str, Any], written: Written, advice: bool
) -> Iterator[SchemaProblem]:
    """For 'a string or a mapping': report the branch whose type fits, else the types."""
    branches: dict[int, list[ValidationError]] = {}
    for sub in error.context or ():
        branches.setdefault(int(sub.schema_path[0]), []).append(sub)
    for sub_errors in branches.values():
        if not any(sub.validator == "type" and not sub.path for sub in sub_errors):
            for sub in sub_errors:
                yield from _describe(sub, root_schema, written, advice)
            return
    path = tuple(error.absolute_path)
    expected = [
        _TYPE_NAMES.get(sub.validator_value, str(sub.validator_value))
        for sub in error.context or ()
        if sub.validator == "type" and not sub.path
    ]
    wanted = " or ".join(dict.fromkeys(expected)) or "something else"
    found = _found(error.instance, written(path))
    yield SchemaProblem(path, f"{value_label(path)} must be {wanted} (found {found})")


def _message(
    error: ValidationError, label: str, written: str | None = None, advice: bool = True
) -> str:
    validator = error.validator
    value = error.validator_value
    instance = error.instance
    if validator == "type":
        found = _found(instance, written)
        if error.schema.get("format") == "date":  # a date is a string to JSON Schema alone
            return f"{label} must be a date, YYYY-MM-DD (found {found})"
        names = value if isinstance(value, list) else [value]
        if _unit_asked(error.schema, names, instance):
            return _no_unit(label, error.schema["examples"], found, written or str(instance))
        wanted = " or ".join(_TYPE_NAMES.get(name, name) for name in names)
        # Quotes make any scalar a string; where a list or mapping may go too (`hide: 5`,
        # which wants `[toc]`), that is not the likely fix.
        quotes_fix_it = "string" in names and not {"array", "object"} & set(names)
        hint = "; put it in quotes" if quotes_fix_it and _is_scalar(instance) else ""
        if advice:
            hint = (
                hint
                or _unquoted_hint(names, instance)
                or _list_hint(error.schema, names, instance)
                or _colon_hint(names, instance)
                or _dash_hint(error.schema, names, instance)
            )
        return f"{label} must be {wanted} (found {found}{hint})"
    if validator == "enum":
        choices = ", ".join(str(choice) for choice in value)
        # As the settings say it: `status:` with no value is empty, not Python's None.
        held = _found(instance, written).removeprefix("the string ")
        held = "empty" if held == "nothing" else held
        # `Approved`, `Deprecated`: the choice in small letters.
        cased = [c for c in value if isinstance(instance, str) and str(c) == instance.lower()]
        fix = f"; write it in small letters: {cased[0]}" if cased else ""
        return f"{label} is {held}; expected one of: {choices}{fix}"
    if validator == "const":
        return f"{label} must be {value!r}"
    if validator == "minimum":
        shown = (
            _found(instance, written) if _read_otherwise(instance, written) else quoted(instance)
        )
        return f"{label} must be at least {value} (found {shown})"
    if validator == "maxLength":
        return f"{label} is {len(instance)} characters long; at most {value} are allowed"
    if validator == "minItems":
        return f"{label} needs at least {value} item{'s' if value != 1 else ''}"
    if validator == "pattern":
        if isinstance(instance, str) and not instance.strip():
            return f"{label} must not be empty"
        examples = error.schema.get("examples")
        if isinstance(instance, str) and isinstance(examples, list) and examples:
            # The only pattern with examples: a duration's unit (`"45"`, `"1:30"`), which
            # a handout prints as written.
            return _no_unit(label, examples, quoted(instance), instance)
        fix = _pattern_fix(error.schema, instance) if advice else ""
        if _is_web_address(error.schema) and isinstance(instance, str):
            instance = without_userinfo(instance)  # a password, kept out of the CI log
        return f"{label} is {quoted(instance)}; expected {_expected(error.schema)}{fix}"
    if validator == "format":
        why = _no_such_day(instance) if value == "date" else ""
        return f"{label} is {quoted(instance)}, which is not a real {value}{why}"
    return f"{label}: {shortened(error.message, 200)}"  # jsonschema's quotes the value


def _no_such_day(text: Any) -> str:
    """Why a YYYY-MM-DD text is no date (`2024-13-01`: no month 13; `2026-02-30`: February
    2026 has 28 days), for the editor who reads the month where the day is."""
    if not isinstance(text, str) or not _ISO_SHAPE.fullmatch(text):
        return ""
    year, month, day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        return f" (there is no month {month}: the month comes second, YYYY-MM-DD)"
    if day < 1 or year < 1:
        return ""
    days = calendar.monthrange(year, month)[1]
    name = _MONTHS[month - 1]  # English, as the messages are, whatever the locale
    return f" ({name} {year} has {days} days)" if day > days else ""


_ISO_SHAPE = LazyPattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)


def _unit_asked(schema: Mapping[str, Any], names: list[str], instance: Any) -> bool:
    """Whether `instance` is a bare number where text with a unit is wanted (`duration:
    45`; the schema's `examples` say "45 minutes"), whose message asks for the unit. "Put
    it in quotes" made `"45"`, which the handout then printed with no unit."""
    examples = schema.get("examples")
    number = isinstance(instance, int | float) and not isinstance(instance, bool)
    return names == ["string"] and number and isinstance(examples, list) and bool(examples)


# Hours and minutes as a clock writes them (`1:30`), which YAML 1.1 reads as a number
# counted in sixties.
_HOURS_MINUTES = LazyPattern(r"([0-9]{1,3}):([0-5][0-9])", re.ASCII)


def _no_unit(label: str, examples: list[Any], found: str, text: str) -> str:
    """The message for a duration written with no unit (`45`, `"45"`, `1:30`): the
    schema's examples, or for hours and minutes, the same time with its units."""
    clock = _HOURS_MINUTES.fullmatch(text.strip())
    # `0:00` is no time a session takes: "write '0 minutes'" was no advice (ed63).
    if clock is None or not any(int(part) for part in clock.groups()):
        shown = " or ".join(quoted(example) for example in examples)
        return f"{label} must be text with its unit, such as {shown} (found {found}, with no unit)"
    hours, minutes = int(clock.group(1)), int(clock.group(2))
    hours_said = f"{hours} hour{'' if hours == 1 else 's'}"
    spelled = [f"{hours_said} {minutes} minutes" if minutes else hours_said]
    if not hours:
        spelled = []
    spelled.append(f"{hours * 60 + minutes} minutes")
    shown = " or ".join(quoted(way) for way in spelled)
    return f"{label} must be text with its unit: write {shown} (found {found}, with no unit)"


# The most words of an item that a comma may end in a list written as one text (`aliases:
# TIP, T.I.P.`); past it, the text is prose (an objective) whose commas are its own.
_LISTED_WORDS = 6
# An item a list in brackets may hold as it is: no sign YAML reads in one, none to start.
_FLOW_ITEM = LazyPattern(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:,\[\]{}#'\"]*")


def _list_hint(schema: Mapping[str, Any], names: list[str], instance: Any) -> str:
    """How to write as a list the items written as one text (`aliases: TIP, T.I.P.`)."""
    if names != ["array"] or not isinstance(instance, str) or not instance.strip():
        return ""
    hint = "; write each item on a line of its own, indented and starting with '- '"
    items = schema.get("items")
    if not isinstance(items, dict):
        return hint
    fields = items.get("required")
    if items.get("type") == "object" and isinstance(fields, list) and fields:
        return f"{hint}, with its fields {' and '.join(map(str, fields))}"
    if items.get("type") != "string":
        return hint
    parts = [part.strip() for part in instance.split(",") if part.strip()]
    if not parts:  # `aliases: ', ,'`: commas alone, no item to show
        return hint
    free_text = items.get("pattern") == "\\S"  # not a form (an alias) nor an id
    if free_text and any(len(part.split()) > _LISTED_WORDS for part in parts):
        # Prose (an objective), whose commas are its own: one item, not one a comma.
        return f"{hint} (- {shortened(instance.strip())})"
    if items.get("pattern") in _ID_PATTERNS:  # `related: labor trafficking, debt bondage`
        made = [slugify(part) for part in parts]
        if all(made) and not any(words_left_out(part) or letters_left_out(part) for part in parts):
            parts = made
    shown = ", ".join(parts)
    if parts and all(_FLOW_ITEM.fullmatch(part) for part in parts) and _shown_whole(shown):
        return f"{hint}, or all in brackets: [{shown}]"
    return f"{hint} (- {shortened(parts[0])})"


# A date written day or month first (`07/12/2026`, `7.12.2026`), or year first with
# other signs or one digit (`2026/12/07`, `2026-12-7`).
_DAY_OR_MONTH_FIRST = LazyPattern(r"([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})", re.ASCII)
_YEAR_FIRST = LazyPattern(r"([0-9]{4})[./-]([0-9]{1,2})[./-]([0-9]{1,2})", re.ASCII)
# A web address written without its scheme (`humantraffickinghotline.org/report`).
_NO_SCHEME = LazyPattern(r"(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#]\S*)?", re.ASCII)
# The extension of a record's file, which an id leaves out.
_FILE_NAME = LazyPattern(r"\.(?:ya?ml|md|markdown)$", re.IGNORECASE)
# An id's pattern, as the schema files write it and as validated (`_end_anchored`).
_ID_PATTERNS = ("^[a-z0-9]+(-[a-z0-9]+)*$", "^[a-z0-9]+(-[a-z0-9]+)*\\Z")


def _pattern_fix(schema: Mapping[str, Any], instance: Any) -> str:
    """What to write for a text that does not fit its pattern, where the text shows what
    was meant: a date as YYYY-MM-DD, an id for a name (`forced labor`), a web address
    with its https://."""
    if not isinstance(instance, str):
        return ""
    text = instance.strip()
    if schema.get("format") == "date":
        return _date_fix(text)
    pattern = schema.get("pattern")
    if pattern in _ID_PATTERNS:
        # A file's name for its id (`hotel-employee.yml`, `protocols/hotel-employee.yml`):
        # the id is its stem, where `hotel-employee-yml` was advised.
        named = _FILE_NAME.search(text)
        # A Windows path's folders end at a backslash (`protocols\hotel-employee.yml`).
        stem = text[: named.start()].replace("\\", "/").rpartition("/")[2] if named else text
        made = slugify(stem)
        if not made or made == text or not _shown_whole(made):
            return ""
        # Not where the id leaves words or letters out: `Москва shelter` is no `shelter`,
        # `viсtim` (a Cyrillic с) no `vi-tim`.
        return "" if words_left_out(text) or letters_left_out(text) else f" (write {made})"
    if _is_web_address(schema):
        # After the description's own "(write a space as %20)".
        if not _NO_SCHEME.fullmatch(text):
            return ""
        return f"; write https://{text}" if _shown_whole(text) else "; write https:// before it"
    return ""


def _is_web_address(schema: Mapping[str, Any]) -> bool:
    """Whether `schema` is the schemas' `url`'s: a pattern that starts with the scheme."""
    pattern = schema.get("pattern")
    return isinstance(pattern, str) and pattern.startswith("^[Hh][Tt][Tt][Pp]")


def _shown_whole(text: str) -> bool:
    """Whether a message may show `text`, made from a value, as what to write: no longer
    than the start of a value a message quotes (a copy cut short is nothing to write)."""
    return len(text) <= QUOTED_CHARACTERS


def _date_fix(text: str) -> str:
    if year_first := _YEAR_FIRST.fullmatch(text):
        year, month, day = (int(part) for part in year_first.groups())
        return f" (write {year}-{month:02}-{day:02})" if _is_day(year, month, day) else ""
    found = _DAY_OR_MONTH_FIRST.fullmatch(text)
    if found is None:
        return ""
    first, second, year = (int(part) for part in found.groups())
    day_first = _is_day(year, second, first)
    month_first = _is_day(year, first, second)
    if day_first and month_first and first != second:
        return (
            f" (write {year}-{second:02}-{first:02} if the day comes first, "
            f"{year}-{first:02}-{second:02} if the month does)"
        )
    if day_first:
        return f" (write {year}-{second:02}-{first:02})"
    if month_first:
        return f" (write {year}-{first:02}-{second:02})"
    return ""


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _dash_hint(schema: Mapping[str, Any], names: list[str], instance: Any) -> str:
    """Where a list of mappings was written with no '- ' (`avoid:` then `  text: x`),
    or a mapping with one before each key (`translations:` then `  - es: x`)."""
    if names == ["array"] and isinstance(instance, dict) and instance:
        items = schema.get("items")
        alternatives = items.get("anyOf", [items]) if isinstance(items, Mapping) else []
        if any(isinstance(a, Mapping) and a.get("type") == "object" for a in alternatives):
            first = quoted(str(next(iter(instance))))
            return (
                f"; each item starts with '- ': write '- ' before {first}, and indent the "
                "item's other fields two spaces more, under it"
            )
    mappings = isinstance(instance, list) and all(isinstance(item, dict) for item in instance)
    if names == ["object"] and instance and mappings:
        return "; remove the '- ' before each of its fields, and indent them alike"
    return ""


def _colon_hint(names: list[str], instance: Any) -> str:
    """Where a text is wanted and a mapping of one key was found (`- TIP: trafficking in
    persons`): the ': ' made it one."""
    if names != ["string"] or not isinstance(instance, dict) or len(instance) != 1:
        return ""
    [key] = instance
    return (
        f"; the ': ' after {quoted(str(key))} makes it a field and its value: remove the "
        "colon, or put the whole text in quotes"
    )


def _unquoted_hint(names: list[str], instance: Any) -> str:
    """How to write a number or true/false that was written as text (`version: "2"`,
    `version: 08`, `case_sensitive: "yes"`)."""
    if not isinstance(instance, str):
        return ""
    if names == ["integer"] and instance.isascii() and instance.isdigit():
        if instance.startswith("0") and instance.strip("0"):
            meant = instance.lstrip("0")
            return f"; write {meant}, with no leading 0" if _shown_whole(meant) else ""
        return "; write it without quotes"
    if names == ["boolean"] and instance.lower() in ("true", "false", "yes", "no", "on", "off"):
        return "; write true or false, without quotes"
    return ""


def _expected(schema: Mapping[str, Any]) -> str:
    description = str(schema.get("description", ""))
    if not description:
        return f"text matching /{schema.get('pattern', '')}/"
    return description[:1].lower() + description[1:].rstrip(".")


def _fails_pattern(schema: Mapping[str, Any], instance: Any) -> bool:
    pattern = schema.get("pattern")
    return (
        isinstance(pattern, str) and isinstance(instance, str) and not re.search(pattern, instance)
    )


def _condition(root_schema: Mapping[str, Any]) -> str:
    condition = root_schema.get("if", {}).get("properties", {})
    parts = [f"{name} is {condition[name]['const']}" for name in _condition_fields(root_schema)]
    return f" (required when {' and '.join(parts)})" if parts else ""


def _condition_fields(root_schema: Mapping[str, Any]) -> list[str]:
    """The fields whose value the schema's top-level `if` asks for (`status`)."""
    condition = root_schema.get("if", {}).get("properties", {})
    return [name for name, rule in condition.items() if isinstance(rule, dict) and "const" in rule]


def _found(value: Any, written: str | None = None) -> str:
    """What a message says was found: the value, and the text the file writes where YAML
    read it as something else (`'1:30', which YAML reads as the number 90`)."""
    said = _said(value)
    if _read_otherwise(value, written):
        return f"{quoted(written)}, which YAML reads as {said}"
    return said


def _read_otherwise(value: Any, written: str | None) -> bool:
    """Whether YAML read the plain `written` as a `value` that does not say it: `no` as
    false, `~` as nothing, `010` as 8, `1:30` as 90, `+1 555` as a number."""
    if not written:
        return False
    if value is None or isinstance(value, bool):
        return written.lower() != _said(value)
    if isinstance(value, int):
        return written != str(value)
    if isinstance(value, float):
        try:
            return float(written) != value
        except ValueError:
            return True  # `.nan`, `1:30.5`, `1_000.5`
    return False


def _said(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, float) and not math.isfinite(value):
        return "a number"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {quoted(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _is_scalar(value: Any) -> bool:
    return isinstance(value, bool | int | float)


def _valid_fields(candidates: list[str]) -> str:
    return f" (valid fields: {', '.join(candidates)})" if candidates else ""
