"""The API surface as data: what `api-surface.json` holds and `--changes` compares.

`api_surface` reads the Python view into plain JSON values: every operation by its Python
access path, with its arguments, and every request (`params`) and response (`models`) class
with its fields. The generator writes it as `api-surface.json`, so the committed file is the
surface of the committed client; generator/changes.py compares two of them.
"""

from __future__ import annotations

import json
from typing import Any

from generator.ir.model import Schema
from generator.views.python.model import PyApi
from generator.views.python.types import PyField

SURFACE_FILE = "api-surface.json"

Surface = dict[str, Any]


def api_surface(api: PyApi) -> Surface:
    """The API's surface: plain, JSON-ready values read from the model, nothing derived."""
    operations: dict[str, Any] = {}
    for resource in api.resources:
        for op in resource.operations:
            operations[f"{resource.access_path}.{op.method_name}"] = {
                "http_method": op.http_method,
                "path": op.path,
                "deprecated": bool(op.operation.deprecated),
                "generate": op.workflow is not None,
                "arguments": {
                    a.py_name: {
                        "wire_name": a.wire_name,
                        "location": a.location,
                        "required": bool(a.required),
                        "annotation": a.type,
                        **_enum_entry(a.schema),
                    }
                    for a in op.arguments
                },
                "body": op.body_params_class,
                "response": op.response_model,
            }
    return {
        "operations": operations,
        "params": {
            cls.name: {"fields": {f.wire_name: _field(f) for f in cls.fields}}
            for cls in api.params_classes
        },
        "models": {
            cls.name: {"fields": {f.wire_name: _field(f) for f in cls.fields}}
            for cls in api.model_classes
        },
    }


def surface_json(api: PyApi) -> str:
    """`api-surface.json`: sorted keys, two-space indent, a final newline."""
    return json.dumps(api_surface(api), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _field(f: PyField) -> dict[str, Any]:
    return {
        "py_name": f.py_name,
        "required": bool(f.required),
        "annotation": f.type,
        **_enum_entry(f.schema),
    }


def _enum_entry(schema: Schema) -> dict[str, Any]:
    values = enum_values(schema)
    return {"enum": values} if values is not None else {}


def enum_values(schema: Schema) -> list[Any] | None:
    """The enum values of a schema, of its array items, map values or union variants (nested
    classes have entries of their own); None when there are none."""
    found: list[Any] = []
    seen: set[str] = set()
    any_enum = False
    pending: list[Schema] = [schema]
    while pending:
        current = pending.pop(0)
        if current.enum is not None:
            any_enum = True
            for value in current.enum:
                key = json.dumps(value, sort_keys=True)
                if key not in seen:
                    seen.add(key)
                    found.append(value)
        pending.extend(inner for inner in (current.items, current.values) if inner is not None)
        pending.extend(current.variants)
    return found if any_enum else None
