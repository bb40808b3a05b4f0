"""The validation rules the runtime checks a request against before sending it.

A rule is a small subset of JSON Schema (see templates/runtime/core/validation.py), written out
as a literal next to each method, keyed by wire names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.ir.model import Parameter, Schema

Rule = dict[str, Any]


# The Python spelling of a request object's keys that the API spells otherwise, by schema.
Renames = Callable[[Schema], dict[str, str]]


def rule(schema: Schema, renames: Renames | None = None) -> Rule:
    """What a value of `schema` must be; with `renames`, the Python spellings its objects' keys
    take (`keys`: Python name -> wire name), which the runtime sends as the API spells them."""
    found: Rule = {}
    if schema.kind not in ("any", "union"):
        found["type"] = schema.kind
    if schema.nullable:
        found["nullable"] = True
    if schema.deprecated:
        found["deprecated"] = True
    if schema.enum is not None:
        found["enum"] = list(schema.enum)
    found.update(schema.constraints)
    if schema.kind == "union":
        found["oneOf" if schema.exclusive else "anyOf"] = [
            rule(v, renames) for v in schema.variants
        ]
        if schema.discriminator is not None:
            found["discriminator"] = {
                "propertyName": schema.discriminator.property,
                "mapping": schema.discriminator.mapping,
            }
    if schema.items is not None:
        found["items"] = rule(schema.items, renames)
    if schema.kind == "object":
        if schema.fields:
            found["properties"] = {f.wire_name: rule(f.schema, renames) for f in schema.fields}
            keys = renames(schema) if renames is not None else {}
            if keys:
                found["keys"] = keys
            required = [f.wire_name for f in schema.fields if f.required]
            if required:
                found["required"] = required
        if schema.values is not None:
            found["additionalProperties"] = rule(schema.values, renames)
        elif schema.open_object:
            found["additionalProperties"] = True
        else:
            # Unknown keys are refused: they would be sent and charged for, then ignored.
            found["additionalProperties"] = False
    return found


def parameter_rule(parameter: Parameter) -> Rule:
    found = rule(parameter.schema)
    return {**found, "deprecated": True} if parameter.deprecated else found


def parameters_rule(parameters: list[Parameter]) -> Rule | None:
    """The rule of a method's path, query and header arguments, by wire name."""
    if not parameters:
        return None
    return {
        "type": "object",
        "properties": {p.name: parameter_rule(p) for p in parameters},
        "required": [p.name for p in parameters if p.required],
    }
