"""Example values of a schema, as JSON values, from the spec's own examples."""

from __future__ import annotations

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
