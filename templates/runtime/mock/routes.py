"""What the mock knows about each operation, read once at start-up from its description.

The description (`api.json`, written by the generator) says what each operation is: its path,
verb, role in a project's life, parameters and body as JSON Schema, credentials, success
status and examples. Parameters and bodies are checked with jsonschema, independently of the
client's own validation.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from magic_hour.mock.schemas import Validator, validator, violations

NOT_FOUND = {"message": "Not Found"}

# What the mock does for an operation (its `role`): a project's create, get or delete, the
# upload-URLs call, or (anything else) answer the success example.
CREATE, GET, DELETE, UPLOAD_URLS, EXAMPLE = "create", "get", "delete", "upload_urls", "example"

Query = Mapping[str, list[str]]
Headers = Mapping[str, str]  # lower-case names


@dataclass(frozen=True)
class Rejection:
    status: int
    message: str


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # path | query | header
    required: bool
    schema: dict[str, Any]  # as JSON Schema
    checker: Validator


@dataclass(frozen=True)
class Endpoint:
    method: str  # upper case
    path: str  # the template: `/v1/image-projects/{id}`
    role: str
    kind: str | None  # image | video | audio for project operations
    id_parameter: str | None  # the path variable naming the project
    # The spec's example of that variable: a project that always exists, complete, so that the
    # docs' examples (which use the spec's values) work offline.
    example_id: str | None
    outputs: str  # the field of a project's answer that lists its outputs
    # The ends a create's projects can report (its getter's statuses); None: any.
    outcomes: tuple[str, ...] | None
    getter: str | None  # a create's: the name of the GET that reports on its projects
    task: bool  # a create of a task (face detection), not of a project
    parameters: list[Parameter]
    body_required: bool
    body_checker: Validator | None  # None: no JSON body to check
    body_defaults: dict[str, Any]  # the spec's defaults for top-level body fields
    auth: tuple[tuple[str, str], ...]  # (where, name): `bearer` is `Authorization: Bearer`
    success_status: int
    invalid_status: int
    unauthorized_body: Any
    not_found_body: Any
    example: Any  # the success answer, every required field filled in

    @property
    def name(self) -> str:
        return f"{self.method} {self.path}"

    def authorized(self, headers: Headers, query: Query) -> bool:
        """Whether the request carries the key where the operation's security puts it."""
        return all(_has_credential(where, name, headers, query) for where, name in self.auth)

    def check(
        self, path_values: Mapping[str, str], query: Query, headers: Headers, body: bytes
    ) -> tuple[Any, Rejection | None]:
        """The parsed JSON body (None if none), and why the request is refused, if it is."""
        problems: list[str] = []
        for parameter in self.parameters:
            problems.extend(_check_parameter(parameter, path_values, query, headers))
        value: Any = None
        if self.body_checker is None:
            value = _lenient_json(body)
        elif not body.strip():
            if self.body_required:
                return None, Rejection(400, "Missing request body")
        else:
            try:
                value = json.loads(body)
            except ValueError as exc:
                return None, Rejection(400, f"Request body is not valid JSON: {exc}")
            except RecursionError:
                return None, Rejection(400, "Request body is nested too deeply")
            problems.extend(violations(self.body_checker, value))
        if problems:
            return value, Rejection(self.invalid_status, "; ".join(problems))
        return value, None


@dataclass(frozen=True)
class Route:
    template: str
    pattern: re.Pattern[str]
    variables: tuple[str, ...]
    endpoints: dict[str, Endpoint]  # by upper-case HTTP method


class Router:
    def __init__(self, routes: list[Route]) -> None:
        # A literal segment wins over a variable at the same place: `/files/upload-urls`
        # before `/files/{id}`.
        self.routes = sorted(routes, key=lambda r: [("{" in s) for s in r.template.split("/")])

    def match(self, path: str) -> tuple[Route, dict[str, str]] | None:
        for route in self.routes:
            found = route.pattern.fullmatch(path)
            if found:
                values = [urllib.parse.unquote(v) for v in found.groups()]
                return route, dict(zip(route.variables, values))
        return None


def build_router(operations: list[dict[str, Any]]) -> Router:
    """The routes of the operations in a mock description (`api.json`)."""
    routes: dict[str, Route] = {}
    for described in operations:
        path = described["path"]
        if path not in routes:
            pattern, variables = _path_pattern(path)
            routes[path] = Route(path, pattern, variables, {})
        routes[path].endpoints[described["method"]] = _endpoint(described)
    return Router(list(routes.values()))


def _endpoint(described: dict[str, Any]) -> Endpoint:
    body = described["body"]
    return Endpoint(
        method=described["method"],
        path=described["path"],
        role=described["role"],
        kind=described["kind"],
        id_parameter=described["id_parameter"],
        example_id=described["example_id"],
        outputs=described["outputs"],
        outcomes=_optional_tuple(described.get("outcomes")),
        getter=described.get("getter"),
        task=bool(described.get("task")),
        auth=tuple((where, name) for where, name in described["auth"]),
        parameters=[_parameter(p) for p in described["parameters"]],
        body_required=bool(body and body["required"]),
        body_checker=validator(body["schema"]) if body is not None else None,
        body_defaults=dict(body["defaults"]) if body is not None else {},
        success_status=described["success_status"],
        invalid_status=described["invalid_status"],
        unauthorized_body=described["unauthorized_body"],
        not_found_body=described["not_found_body"],
        example=described["example"],
    )


def _optional_tuple(values: list[str] | None) -> tuple[str, ...] | None:
    return tuple(values) if values is not None else None


def _path_pattern(template: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    pieces = re.split(r"\{([^{}]+)\}", template)
    # re.split with a group alternates literal text and variable names.
    regex = "".join(re.escape(p) if i % 2 == 0 else "([^/]+)" for i, p in enumerate(pieces))
    return re.compile(regex), tuple(pieces[1::2])


def _parameter(described: dict[str, Any]) -> Parameter:
    return Parameter(
        name=described["name"],
        location=described["location"],
        required=described["required"],
        schema=described["schema"],
        checker=validator(described["schema"]),
    )


def _check_parameter(
    parameter: Parameter, path_values: Mapping[str, str], query: Query, headers: Headers
) -> list[str]:
    raw: list[str] | None = None
    if parameter.location == "path":
        raw = [path_values[parameter.name]] if parameter.name in path_values else None
    elif parameter.location == "query":
        raw = query.get(parameter.name)
    elif parameter.location == "header":
        header = headers.get(parameter.name.lower())
        raw = None if header is None else [header]
    if raw is None:
        if parameter.required:
            return [f"{parameter.name}: required {parameter.location} parameter is missing"]
        return []
    return violations(parameter.checker, _coerce(raw, parameter), parameter.name)


def _coerce(raw: list[str], parameter: Parameter) -> Any:
    """A parameter's text as the JSON value its schema describes, where it reads as one."""
    schema = parameter.schema
    if "array" in _types(schema):
        values = raw
        # A query array is `name=a&name=b` (exploded form); a path or header one `a,b`.
        if parameter.location != "query":
            values = [part for value in raw for part in value.split(",")]
        items = schema.get("items", {})
        return [_scalar(v, items if isinstance(items, dict) else {}) for v in values]
    return _scalar(raw[-1], schema)


def _scalar(text: str, schema: dict[str, Any]) -> Any:
    types = _types(schema)
    if "integer" in types and re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if "number" in types:
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if re.fullmatch(r"[+-]?\d+", text) else number
    if "boolean" in types and text in ("true", "false"):
        return text == "true"
    if "null" in types and text == "null":
        return None
    return text


def _types(schema: Any) -> set[str]:
    kind = schema.get("type") if isinstance(schema, dict) else None
    if isinstance(kind, str):
        return {kind}
    return set(kind) if isinstance(kind, list) else set()


def _has_credential(where: str, name: str, headers: Headers, query: Query) -> bool:
    if where == "query":
        return any(v.strip() for v in query.get(name, []))
    if where == "header":
        return bool(headers.get(name.lower(), "").strip())
    # A bearer token, as http bearer, OAuth2 and OpenID Connect schemes send it.
    given, _, token = headers.get(name.lower(), "").partition(" ")
    return given.lower() == "bearer" and bool(token.strip())


def _lenient_json(body: bytes) -> Any:
    try:
        return json.loads(body) if body.strip() else None
    except (ValueError, RecursionError):
        return None
