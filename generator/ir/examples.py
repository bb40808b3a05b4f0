"""Example values of a schema, as JSON values, from the spec's own examples."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from generator.ir.model import Schema


def example_value(schema: Schema, *, complete: bool = False) -> Any:
    """An example value from the spec's own examples; None where the spec gives none.

    `complete` fills what the spec leaves out with a plain value of the right type, so that a
    response example holds every required field.
    """
    if schema.has_example:
        return schema.example
    if schema.kind == "object" and schema.fields:
        value = {}
        for f in schema.fields:
            child = example_value(f.schema, complete=complete)
            if child is not None or (complete and f.required):
                value[f.wire_name] = child if child is not None else _placeholder(f.schema)
        return value if value or complete else None
    if schema.kind == "array" and schema.items is not None:
        item = example_value(schema.items, complete=complete)
        return [item] if item is not None else ([] if complete else None)
    if schema.variants:
        value = example_value(schema.variants[0], complete=complete)
        if schema.discriminator is not None and isinstance(value, dict):
            mapping = schema.discriminator.mapping
            value[schema.discriminator.property] = next(
                tag for tag, index in mapping.items() if index == 0
            )
        return value
    if schema.enum:
        return next((v for v in schema.enum if v is not None), None)
    if schema.has_default:
        return schema.default
    return _placeholder(schema) if complete else None


def _placeholder(schema: Schema) -> Any:
    if schema.nullable:
        return None
    if schema.enum:
        return schema.enum[0]
    if schema.variants:
        return _placeholder(schema.variants[0])
    if schema.kind == "string":
        return "2024-01-01T00:00:00Z" if schema.format == "date-time" else "string"
    if schema.kind == "integer":
        return int(schema.constraints.get("minimum", 0))
    if schema.kind == "number":
        return float(schema.constraints.get("minimum", 0))
    if schema.kind == "boolean":
        return True
    if schema.kind == "array":
        return []
    if schema.kind == "object":
        return example_value(schema, complete=True) if schema.fields else {}
    return None


# Steps into an example value: object keys and array indexes.
ExamplePath = tuple[str | int, ...]

_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "array": "an array",
    "object": "an object",
}


def example_problems(value: Any, schema: Schema) -> list[tuple[ExamplePath, str]]:
    """Where `value` breaks `schema`, and how, by the rules the client checks a request with
    (templates/runtime/core/validation.py): type, null, enum, string, number and array bounds,
    `pattern` (searched), required and unknown fields of a closed object, union variants."""
    found: list[tuple[ExamplePath, str]] = []
    _check(value, schema, (), found)
    return found


def _check(
    value: Any, schema: Schema, path: ExamplePath, found: list[tuple[ExamplePath, str]]
) -> None:
    if value is None:
        if not schema.nullable and schema.kind != "any":
            found.append((path, "must not be null"))
        return
    if schema.kind == "union":
        _check_union(value, schema, path, found)
        return
    if not _has_type(value, schema.kind):
        found.append((path, f"must be {_TYPE_NAMES[schema.kind]}, got {_json(value)}"))
        return
    if schema.enum is not None and value not in schema.enum:
        choices = ", ".join(_json(v) for v in schema.enum)
        found.append((path, f"must be one of {choices}, got {_json(value)}"))
    limits = schema.constraints
    if isinstance(value, str):
        if len(value) < limits.get("minLength", 0):
            found.append((path, f"must be at least {limits['minLength']} characters long"))
        if "maxLength" in limits and len(value) > limits["maxLength"]:
            found.append((path, f"must be at most {limits['maxLength']} characters long"))
        if "pattern" in limits and re.search(limits["pattern"], value) is None:
            found.append((path, f"must match the pattern {_json(limits['pattern'])}"))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        _check_number(value, limits, path, found)
    elif isinstance(value, list):
        if len(value) < limits.get("minItems", 0):
            found.append((path, f"must have at least {limits['minItems']} items"))
        if "maxItems" in limits and len(value) > limits["maxItems"]:
            found.append((path, f"must have at most {limits['maxItems']} items"))
        if limits.get("uniqueItems") and len({repr(v) for v in value}) != len(value):
            found.append((path, "must have unique items"))
        if schema.items is not None:
            for index, item in enumerate(value):
                _check(item, schema.items, (*path, index), found)
    elif isinstance(value, dict):
        _check_object(value, schema, path, found)


def _check_number(
    value: float, limits: dict[str, Any], path: ExamplePath, found: list[tuple[ExamplePath, str]]
) -> None:
    minimum, maximum = _bound(limits.get("minimum")), _bound(limits.get("maximum"))
    if minimum is not None and (
        value <= minimum if limits.get("exclusiveMinimum") else value < minimum
    ):
        found.append(
            (
                path,
                f"must be {'greater than' if limits.get('exclusiveMinimum') else 'at least'} {minimum}, got {_json(value)}",
            )
        )
    if maximum is not None and (
        value >= maximum if limits.get("exclusiveMaximum") else value > maximum
    ):
        found.append(
            (
                path,
                f"must be {'less than' if limits.get('exclusiveMaximum') else 'at most'} {maximum}, got {_json(value)}",
            )
        )
    step = limits.get("multipleOf")
    if step:
        quotient = value / step
        if not math.isclose(quotient, round(quotient), rel_tol=0, abs_tol=1e-9):
            found.append((path, f"must be a multiple of {_bound(step)}, got {_json(value)}"))


def _check_object(
    value: dict[str, Any], schema: Schema, path: ExamplePath, found: list[tuple[ExamplePath, str]]
) -> None:
    fields = {f.wire_name: f for f in schema.fields}
    for name, f in fields.items():
        if f.required and name not in value:
            found.append((path, f"lacks the required field {_json(name)}"))
    # The client refuses keys a closed object does not list (they would be sent, then ignored).
    closed = schema.values is None and not schema.open_object
    for key, item in value.items():
        if key in fields:
            _check(item, fields[key].schema, (*path, key), found)
        elif schema.values is not None:
            _check(item, schema.values, (*path, key), found)
        elif closed:
            known = ", ".join(_json(name) for name in fields) or "none"
            found.append(((*path, key), f"is not a field of this object (fields: {known})"))


def _check_union(
    value: Any, schema: Schema, path: ExamplePath, found: list[tuple[ExamplePath, str]]
) -> None:
    discriminator = schema.discriminator
    if discriminator is not None and isinstance(value, dict):
        tag = value.get(discriminator.property)
        if tag not in discriminator.mapping:
            choices = ", ".join(_json(t) for t in discriminator.mapping)
            found.append(
                ((*path, discriminator.property), f"must be one of {choices}, got {_json(tag)}")
            )
        else:
            _check(value, schema.variants[discriminator.mapping[tag]], path, found)
        return
    matches = [v for v in schema.variants if not example_problems(value, v)]
    if not matches:
        found.append((path, f"matches none of the {len(schema.variants)} variants"))
    elif schema.exclusive and len(matches) > 1:
        found.append((path, "matches more than one 'oneOf' variant"))


def _has_type(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return not isinstance(value, bool) and (
            isinstance(value, int) or (isinstance(value, float) and value.is_integer())
        )
    if kind == "number":
        return (
            isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        )
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    return True


def _bound(value: Any) -> Any:
    """10.0 as 10: the spec's `maximum: 10` reads back as a float."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
