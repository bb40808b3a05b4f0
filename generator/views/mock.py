"""The mock server's view: what the shipped mock knows of the API, as one JSON document.

The generator writes it into the package (`mock/api.json`), so that the mock runs wherever the
package is installed, with no spec folder: every operation with its role in a project's life,
its parameters and body as JSON Schema, its credentials, its success status and examples; and
the conventions the mock plays (statuses, error codes, URL lifetimes, where it listens).
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator import conventions
from generator.ir import model as ir

MOCK_DESCRIPTION_FILE = "mock/api.json"

# What the mock does for an operation: a project's create, get or delete, the upload-URLs
# call, or (anything else) answer the success example.
CREATE, GET, DELETE, UPLOAD_URLS, EXAMPLE = "create", "get", "delete", "upload_urls", "example"

UNAUTHORIZED = {"message": "Unauthorized"}
NOT_FOUND = {"message": "Not Found"}


def mock_description(api: ir.Api) -> dict[str, Any]:
    """The API as the mock serves it: plain JSON values."""
    return {
        "title": " ".join(api.title.split()),
        "version": api.version,
        "url": conventions.MOCK_SERVER_URL,
        "url_variable": conventions.MOCK_SERVER_URL_VARIABLE,
        "conventions": {
            "waiting_statuses": list(conventions.WAITING_STATUSES),
            "terminal_statuses": list(conventions.TERMINAL_STATUSES),
            "complete": conventions.COMPLETE,
            "error_codes": conventions.ERROR_CODES,
            "storage_prefix": conventions.STORAGE_PREFIX,
            "download_url_hours": conventions.DOWNLOAD_URL_HOURS,
            "upload_url_hours": conventions.UPLOAD_URL_HOURS,
            "webhook_signature_header": conventions.WEBHOOK_SIGNATURE_HEADER,
            "webhook_timestamp_header": conventions.WEBHOOK_TIMESTAMP_HEADER,
            "deprecated_fields": {
                name: {"from": field, "take": take}
                for name, (field, take) in conventions.DEPRECATED_FIELDS.items()
            },
        },
        "operations": [_operation(operation, api) for operation in api.operations],
        # The events the mock sends as projects move: each a kind's, fired by a status (an
        # event the conventions do not tie to a project's status is not sent).
        "webhook_events": [
            {"type": event.name, "kind": event.kind, "status": event.status}
            for event in api.webhook_events
            if event.kind is not None and event.status is not None
        ],
    }


def mock_json(api: ir.Api) -> str:
    return json.dumps(mock_description(api), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _operation(operation: ir.Operation, api: ir.Api) -> dict[str, Any]:
    role, kind = _role(operation, api)
    workflow = next((w for w in api.workflows if operation in (w.create, w.getter)), None)
    variables = re.findall(r"\{([^{}]+)\}", operation.path)
    id_parameter = variables[-1] if variables and role in (GET, DELETE) else None
    named = next(
        (p for p in operation.parameters if p.location == "path" and p.name == id_parameter),
        None,
    )
    example_id = None
    if named is not None:
        example_id = named.example if named.example is not None else named.schema.example
    body = None
    if operation.body is not None:
        body = {
            "schema": json_schema(operation.body, closed=True),
            "required": operation.body_required,
            "defaults": {
                f.wire_name: f.schema.default for f in operation.body.fields if f.schema.has_default
            },
        }
    return {
        "method": operation.http_method,
        "path": operation.path,
        "role": role,
        "kind": kind,
        "id_parameter": id_parameter,
        "example_id": example_id if isinstance(example_id, str) else None,
        "outputs": workflow.outputs if workflow else conventions.OUTPUTS_FIELD,
        "outcomes": _outcomes(workflow) if role == CREATE else None,
        # A create's getter (its projects' answers, which webhook events carry), and whether it
        # starts a task (face detection), which sends no project event.
        "getter": (
            f"{workflow.getter.http_method} {workflow.getter.path}"
            if role == CREATE and workflow
            else None
        ),
        "task": role == CREATE and operation.project_kind is None,
        "auth": [list(pair) for pair in operation.auth],
        "parameters": [
            {
                "name": p.name,
                "location": p.location,
                "required": p.required,
                "schema": json_schema(p.schema, closed=False),
            }
            for p in operation.parameters
        ],
        "body": body,
        "success_status": operation.success_status,
        "invalid_status": 422 if 422 in operation.error_statuses else 400,
        "unauthorized_body": operation.error_examples.get(401, UNAUTHORIZED),
        "not_found_body": operation.error_examples.get(404, NOT_FOUND),
        "example": operation.response_example,
    }


def _outcomes(workflow: ir.Workflow | None) -> list[str] | None:
    """The ends a create's projects can report: the terminal statuses its getter's `status`
    lists (face detection has no `canceled`). None: any."""
    if workflow is None:
        return None
    status = next(f for f in workflow.project.fields if f.wire_name == "status")
    listed = status.schema.enum
    return [s for s in conventions.TERMINAL_STATUSES if listed is None or s in listed]


def _role(operation: ir.Operation, api: ir.Api) -> tuple[str, str | None]:
    for workflow in api.workflows:  # projects, and tasks such as face detection
        if operation is workflow.create:
            return CREATE, workflow.kind
        if operation is workflow.getter:
            return GET, workflow.kind
    if operation.project_kind is not None:
        return CREATE, operation.project_kind
    if operation.reports_on is not None:
        return GET, operation.reports_on
    if operation.deletes is not None:
        return DELETE, operation.deletes
    if operation.uploads:
        return UPLOAD_URLS, None
    return EXAMPLE, None


def json_schema(schema: ir.Schema, *, closed: bool) -> dict[str, Any]:
    """A schema of the IR (`$ref`s followed, `allOf` merged) as JSON Schema 2020-12.

    With `closed`, an object that lists its properties refuses others, as the generated client
    does for request bodies.
    """
    out: dict[str, Any] = {}
    if schema.kind not in ("any", "union"):
        out["type"] = schema.kind
    if schema.enum is not None:
        out["enum"] = list(schema.enum)
    out.update(_exclusive_bounds(schema.constraints))
    if schema.variants:
        variants = [json_schema(v, closed=closed) for v in schema.variants]
        out["oneOf" if schema.exclusive else "anyOf"] = variants
    if schema.items is not None:
        out["items"] = json_schema(schema.items, closed=closed)
    if schema.object is not None:
        out["properties"] = {
            f.wire_name: json_schema(f.schema, closed=closed) for f in schema.fields
        }
        out["required"] = [f.wire_name for f in schema.fields if f.required]
        if closed and not schema.open_object:
            out["additionalProperties"] = False
    if schema.values is not None:
        out["additionalProperties"] = json_schema(schema.values, closed=closed)
    return _nullable(out) if schema.nullable else out


def _exclusive_bounds(constraints: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI 3.0's exclusive bounds (a flag next to the bound) as JSON Schema's (the bound)."""
    out = dict(constraints)
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if isinstance(out.get(exclusive), bool):
            flag = out.pop(exclusive)
            if flag and bound in out:
                out[exclusive] = out.pop(bound)
    return out


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if any(key in schema for key in ("anyOf", "oneOf")):
        return {"anyOf": [{"type": "null"}, schema]}
    out = dict(schema)
    if isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    if "enum" in out and None not in out["enum"]:
        out["enum"] = [*out["enum"], None]
    return out
