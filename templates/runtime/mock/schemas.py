"""Checking values against the description's JSON Schemas, each violation a field-named message."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

try:
    # jsonschema ships no type information, and the package pins no stub package for it.
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
    from jsonschema.exceptions import ValidationError, best_match  # type: ignore[import-untyped]
except ImportError as exc:  # pragma: no cover - depends on what is installed
    raise ImportError(
        "the mock server needs jsonschema, which the `mock` extra installs:"
        " pip install 'magic-hour[mock]'"
    ) from exc

_ENUM_SHOWN = 8
Validator = Draft202012Validator


def validator(schema: Any) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def violations(checker: Draft202012Validator, instance: Any, prefix: str = "") -> list[str]:
    """Every way `instance` breaks the schema, as `field.path: problem`, sorted by field."""
    found: dict[str, None] = {}
    for error in checker.iter_errors(instance):
        for message in _describe(error, prefix):
            found[message] = None
    return sorted(found, key=lambda message: message.split(": ", 1)[0])


def field_path(prefix: str, parts: Iterable[str | int]) -> str:
    text = prefix
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text = f"{text}.{part}" if text else part
    return text or "body"


def _describe(error: ValidationError, prefix: str) -> list[str]:
    parts = list(error.absolute_path)
    instance, rule, keyword = error.instance, error.validator_value, error.validator
    if keyword == "required" and isinstance(instance, dict):
        missing = [name for name in rule if name not in instance]
        return [
            f"{field_path(prefix, [*parts, name])}: required field is missing" for name in missing
        ]
    if keyword == "additionalProperties" and rule is False and isinstance(instance, dict):
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extra = [name for name in instance if name not in known]
        return [f"{field_path(prefix, [*parts, name])}: unknown field" for name in extra]
    if keyword in ("anyOf", "oneOf") and error.context:
        closest = best_match(error.context)
        if closest is not None:
            return _describe(closest, prefix)
    return [f"{field_path(prefix, parts)}: {_problem(keyword, rule, instance, error.message)}"]


def _problem(keyword: Any, rule: Any, instance: Any, fallback: str) -> str:
    if keyword == "type":
        expected = " or ".join(rule) if isinstance(rule, list) else str(rule)
        return f"expected {expected}, got {_json_type(instance)}"
    if keyword == "enum":
        return f"must be one of {_some(rule)}"
    if keyword == "const":
        return f"must be {json.dumps(rule)}"
    messages = {
        "minLength": "must have at least {} character(s)",
        "maxLength": "must have at most {} character(s)",
        "minimum": "must be >= {}",
        "maximum": "must be <= {}",
        "exclusiveMinimum": "must be > {}",
        "exclusiveMaximum": "must be < {}",
        "multipleOf": "must be a multiple of {}",
        "pattern": "must match the pattern {}",
        "minItems": "must have at least {} items",
        "maxItems": "must have at most {} items",
        "minProperties": "must have at least {} fields",
        "maxProperties": "must have at most {} fields",
    }
    if keyword in messages:
        # The spec's loader reads every bound as a float: 1.0 reads better as 1.
        shown = int(rule) if isinstance(rule, float) and rule.is_integer() else rule
        return messages[keyword].format(shown)
    if keyword == "uniqueItems":
        return "items must be unique"
    return fallback


def _some(values: Sequence[Any]) -> str:
    shown = ", ".join(json.dumps(value) for value in values[:_ENUM_SHOWN])
    return shown + (f", ... ({len(values)} values)" if len(values) > _ENUM_SHOWN else "")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"
