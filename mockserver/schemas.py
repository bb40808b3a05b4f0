"""OpenAPI 3.0 schemas as JSON Schema 2020-12, and their violations as field-named messages."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

# jsonschema ships no type information, and the project pins no stub package for it.
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from jsonschema.exceptions import ValidationError, best_match  # type: ignore[import-untyped]

from generator.ir import model as ir

# OpenAPI keywords with no JSON Schema meaning (`nullable` and the boolean exclusive bounds
# are translated instead).
_OPENAPI_ONLY = frozenset(
    {"nullable", "discriminator", "readOnly", "writeOnly", "xml", "externalDocs", "example"}
)
_ENUM_SHOWN = 8

Resolve = Callable[[dict[str, Any]], dict[str, Any]]


def to_json_schema(schema: Any, resolve: Resolve, *, closed: bool) -> Any:
    """`schema` as JSON Schema, every `$ref` inlined through `resolve`.

    With `closed`, an object that lists its properties refuses others, as the generated client
    does for request bodies. A schema that refers back to itself is checked down to the first
    repeat; below that anything is accepted.
    """
    return _Converter(resolve, closed).convert(schema, in_all_of=False, seen=())


def validator(schema: Any) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


class _Converter:
    def __init__(self, resolve: Resolve, closed: bool) -> None:
        self.resolve = resolve
        self.closed = closed

    def convert(self, schema: Any, *, in_all_of: bool, seen: tuple[str, ...]) -> Any:
        if not isinstance(schema, dict):
            return schema
        if "$ref" in schema:
            ref = schema["$ref"]
            if ref in seen:
                return {}
            return self.convert(self.resolve(schema), in_all_of=in_all_of, seen=(*seen, ref))

        def sub(value: Any, all_of: bool = False) -> Any:
            return self.convert(value, in_all_of=all_of, seen=seen)

        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key in _OPENAPI_ONLY or key.startswith("x-"):
                continue
            if key == "properties":
                out[key] = {name: sub(item) for name, item in value.items()}
            elif key in ("items", "not", "additionalProperties"):
                out[key] = sub(value)
            elif key == "allOf":
                # Each part sees only some of the properties, so only the whole is closed.
                out[key] = [sub(item, all_of=True) for item in value]
            elif key in ("anyOf", "oneOf"):
                out[key] = [sub(item) for item in value]
            else:
                out[key] = value
        out = _exclusive_bounds(out)
        if "required" in out:
            # A spec wart: `required` may name a property that `properties` never defines.
            properties = schema.get("properties") or {}
            out["required"] = [
                name
                for name in out["required"]
                if name in properties
                and not (self.closed and _flag(properties[name], "readOnly", self.resolve))
            ]
        if self.closed and not in_all_of and not _declares_extras(out):
            if "allOf" in out:
                out["unevaluatedProperties"] = False
            elif "properties" in out and not ("anyOf" in out or "oneOf" in out):
                out["additionalProperties"] = False
        if schema.get("nullable") is True:
            out = _nullable(out)
        return out


def _exclusive_bounds(schema: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI 3.0's exclusive bounds (a flag next to the bound) as JSON Schema's (the bound)."""
    out = dict(schema)
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if isinstance(out.get(exclusive), bool):
            flag = out.pop(exclusive)
            if flag and bound in out:
                out[exclusive] = out.pop(bound)
    return out


def _flag(schema: Any, name: str, resolve: Resolve) -> bool:
    if isinstance(schema, dict) and "$ref" in schema:
        schema = resolve(schema)
    return isinstance(schema, dict) and schema.get(name) is True


def _declares_extras(schema: dict[str, Any]) -> bool:
    return "additionalProperties" in schema or "unevaluatedProperties" in schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if any(key in schema for key in ("allOf", "anyOf", "oneOf", "not")):
        return {"anyOf": [{"type": "null"}, schema]}
    out = dict(schema)
    if isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    if "enum" in out and None not in out["enum"]:
        out["enum"] = [*out["enum"], None]
    return out


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


def ir_json_schema(schema: ir.Schema) -> dict[str, Any]:
    """A schema of the IR (`$ref`s followed, `allOf` merged) as JSON Schema."""
    out: dict[str, Any] = {}
    if schema.kind not in ("any", "union"):
        out["type"] = schema.kind
    if schema.enum is not None:
        out["enum"] = list(schema.enum)
    out.update(schema.constraints)
    if schema.variants:
        out["oneOf" if schema.exclusive else "anyOf"] = [ir_json_schema(v) for v in schema.variants]
    if schema.items is not None:
        out["items"] = ir_json_schema(schema.items)
    if schema.fields:
        out["properties"] = {f.wire_name: ir_json_schema(f.schema) for f in schema.fields}
        out["required"] = [f.wire_name for f in schema.fields if f.required]
    if schema.values is not None:
        out["additionalProperties"] = ir_json_schema(schema.values)
    return _nullable(_exclusive_bounds(out)) if schema.nullable else _exclusive_bounds(out)
