"""A quick, conservative "does it fit?" for the shipped JSON Schemas.

jsonschema's `iter_errors` walks a document with a validator object per keyword and costs
about 80 us per term file, although nearly every file fits. `compile_fits(schema)` turns a
schema into a plain predicate that answers True only when the value surely fits (then
there is nothing to report) and False when it may not (then jsonschema runs and says what
is wrong, exactly as before). A keyword it does not know makes the predicate always
False, so a new keyword in a schema can only make validation slower, never laxer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jsonschema import FormatChecker

Fits = Callable[[Any], bool]

_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples"}
)
# Exact types only: a subclass, a float that is a whole number... is left to jsonschema.
_TYPES: dict[str, Fits] = {
    "string": lambda value: type(value) is str,
    "integer": lambda value: type(value) is int,
    "number": lambda value: type(value) is int or type(value) is float,
    "boolean": lambda value: type(value) is bool,
    "array": lambda value: type(value) is list,
    "object": lambda value: type(value) is dict,
    "null": lambda value: value is None,
}


class _Unsupported(Exception):
    """The schema uses something this module does not check."""


def compile_fits(schema: Any, format_checker: FormatChecker) -> Fits:
    """The predicate of `schema` (see the module docstring)."""
    try:
        return _compile(schema, format_checker)
    except _Unsupported:
        return lambda value: False


def _compile(schema: Any, format_checker: FormatChecker) -> Fits:
    if isinstance(schema, bool):
        return (lambda value: True) if schema else (lambda value: False)
    if not isinstance(schema, dict):
        raise _Unsupported
    checks = [
        _keyword(name, argument, schema, format_checker)
        for name, argument in schema.items()
        if name not in _ANNOTATIONS and name not in ("then", "else")
    ]
    return _all_of(checks)


def _all_of(checks: list[Fits]) -> Fits:
    """True when every check passes (a plain loop: cheaper than `all()` over a generator,
    and this runs for every value of every record)."""

    def fits(value: Any) -> bool:
        for check in checks:  # noqa: SIM110 - see the docstring
            if not check(value):
                return False
        return True

    return fits


def _keyword(name: str, argument: Any, schema: dict[str, Any], formats: FormatChecker) -> Fits:
    if name == "type":
        names = [argument] if isinstance(argument, str) else argument
        if not all(type_name in _TYPES for type_name in names):
            raise _Unsupported
        tests = [_TYPES[type_name] for type_name in names]
        return lambda value: any(test(value) for test in tests)
    if name == "properties":
        properties = {key: _compile(sub, formats) for key, sub in argument.items()}
        return _on_objects(
            lambda value: all(fits(value[key]) for key, fits in properties.items() if key in value)
        )
    if name == "additionalProperties":
        known = set(schema.get("properties", {}))
        if "patternProperties" in schema:
            raise _Unsupported
        extra = _compile(argument, formats)
        return _on_objects(
            lambda value: all(extra(item) for key, item in value.items() if key not in known)
        )
    if name == "required":
        return _on_objects(lambda value: all(key in value for key in argument))
    if name == "propertyNames":
        names_fit = _compile(argument, formats)
        return _on_objects(lambda value: all(names_fit(key) for key in value))
    if name == "pattern":
        pattern = re.compile(argument)
        return lambda value: (
            not isinstance(value, str) or (type(value) is str and pattern.search(value) is not None)
        )
    if name == "minimum":
        return lambda value: _at_least(value, argument)
    if name in ("enum", "const"):
        choices = argument if name == "enum" else [argument]
        if not all(isinstance(choice, str) for choice in choices):
            raise _Unsupported
        return lambda value: type(value) is str and value in choices
    if name == "items":
        item_fits = _compile(argument, formats)
        return _on_arrays(lambda value: all(item_fits(item) for item in value))
    if name == "minItems":
        return _on_arrays(lambda value: len(value) >= argument)
    if name == "anyOf":
        alternatives = [_compile(sub, formats) for sub in argument]
        return lambda value: any(fits(value) for fits in alternatives)
    if name == "format":
        return lambda value: formats.conforms(value, argument)
    if name == "if":
        condition = _exact(argument)
        then = _compile(schema.get("then", True), formats)
        otherwise = _compile(schema.get("else", True), formats)
        return lambda value: then(value) if condition(value) else otherwise(value)
    raise _Unsupported


def _on_objects(check: Fits) -> Fits:
    """A keyword about mappings: anything else passes; a dict subclass is left to
    jsonschema."""
    return lambda value: not isinstance(value, dict) or (type(value) is dict and check(value))


def _on_arrays(check: Fits) -> Fits:
    return lambda value: not isinstance(value, list) or (type(value) is list and check(value))


def _at_least(value: Any, minimum: float) -> bool:
    """`minimum` checks numbers only; other plain JSON values pass."""
    kind = type(value)
    if kind is int or kind is float:
        return value >= minimum
    return kind is str or kind is bool or kind is list or kind is dict or value is None


def _exact(schema: Any) -> Fits:
    """The exact validity of an `if` schema: only `required`, `properties` and string
    `const`/`enum` (what decides whether `then` applies must not be a guess)."""
    if not isinstance(schema, dict):
        raise _Unsupported
    checks: list[Fits] = []
    for name, argument in schema.items():
        if name in _ANNOTATIONS:
            continue
        if name == "required":
            keys = list(argument)
            checks.append(
                lambda value, keys=keys: (
                    not isinstance(value, dict) or all(key in value for key in keys)
                )
            )
        elif name == "properties":
            properties = {key: _exact(sub) for key, sub in argument.items()}
            checks.append(
                lambda value, properties=properties: (
                    not isinstance(value, dict)
                    or all(fits(value[key]) for key, fits in properties.items() if key in value)
                )
            )
        elif name in ("enum", "const"):
            choices = argument if name == "enum" else [argument]
            if not all(isinstance(choice, str) for choice in choices):
                raise _Unsupported
            # jsonschema compares with a string by ==, whatever the other value is.
            checks.append(lambda value, choices=choices: any(value == c for c in choices))
        else:
            raise _Unsupported
    return lambda value: all(check(value) for check in checks)
