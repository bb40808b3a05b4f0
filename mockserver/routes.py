"""What the mock knows about each operation, from the generator's IR, built once at start-up.

The IR says what each operation is (its path, verb, role in a project's life, parameters,
credentials, success status, examples). Request bodies are the exception: they are checked
with jsonschema against the raw schemas of the spec, on purpose, as an oracle independent of
the IR and of the client's own validation (see `_body_schema`).
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, SchemaError  # type: ignore[import-untyped]

from generator import conventions
from generator.ir import model as ir
from generator.load import LoadedSpec
from generator.problems import Problem, SpecError
from mockserver.schemas import Resolve, ir_json_schema, to_json_schema, validator, violations

UNAUTHORIZED = {"message": "Unauthorized"}
NOT_FOUND = {"message": "Not Found"}

# What the mock does for an operation: a project's create, get or delete, the upload-URLs
# call, or (anything else) answer the success example.
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
    checker: Draft202012Validator


@dataclass(frozen=True)
class Endpoint:
    operation: ir.Operation
    role: str
    kind: str | None  # image | video | audio for project operations
    id_parameter: str | None  # the path variable naming the project
    # The spec's example of that variable: a project that always exists, complete, so that the
    # docs' examples (which use the spec's values) work offline.
    example_id: str | None
    outputs: str  # the field of a project's answer that lists its outputs
    parameters: list[Parameter]
    body_required: bool
    body_checker: Draft202012Validator | None  # None: no JSON body to check
    body_defaults: dict[str, Any]  # the spec's defaults for top-level body fields
    invalid_status: int
    unauthorized_body: Any
    not_found_body: Any

    def authorized(self, headers: Headers, query: Query) -> bool:
        """Whether the request carries the key where the operation's security puts it."""
        auth = self.operation.auth
        return all(_has_credential(where, name, headers, query) for where, name in auth)

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


def build_router(spec: LoadedSpec, api: ir.Api) -> Router:
    document = spec.document.model_dump(by_alias=True, exclude_none=True, mode="json")

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        for _ in range(50):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                return node
            found: Any = document
            for step in node["$ref"].removeprefix("#/").split("/"):
                found = found[step.replace("~1", "/").replace("~0", "~")]
            node = found
        raise ValueError(f"$ref chain too long at {node.get('$ref')}")

    routes: dict[str, Route] = {}
    problems: list[Problem] = []
    for operation in api.operations:
        if operation.path not in routes:
            pattern, variables = _path_pattern(operation.path)
            routes[operation.path] = Route(operation.path, pattern, variables, {})
        try:
            body_schema = _body_schema(document, operation, resolve)
            endpoint = _endpoint(operation, api, body_schema, resolve)
        except SchemaError as exc:
            where = f"{operation.file}: {operation.http_method} {operation.path}"
            problems.append(Problem(None, f"{where}: a schema the mock cannot use: {exc.message}"))
            continue
        routes[operation.path].endpoints[operation.http_method] = endpoint
    if problems:
        raise SpecError(problems)
    return Router(list(routes.values()))


def _body_schema(document: dict[str, Any], operation: ir.Operation, resolve: Resolve) -> Any:
    """The operation's JSON body schema as the spec writes it, `$ref`s and all.

    Deliberately read from the raw document rather than the IR: the mock checks request bodies
    with jsonschema on the spec's own schemas, an oracle that shares nothing with the IR's
    reading of them (or with the validation rules the client is generated with), so a
    misreading in either shows up as a disagreement in the tests.
    """
    raw = document["paths"][operation.path][operation.http_method.lower()]
    if "requestBody" not in raw:
        return None
    content = resolve(raw["requestBody"]).get("content", {})
    media = content.get("application/json")
    if media is None:
        media = next((m for t, m in content.items() if "json" in t), None)
    return resolve(media).get("schema", {}) if media is not None else None


def _endpoint(operation: ir.Operation, api: ir.Api, body_schema: Any, resolve: Resolve) -> Endpoint:
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
    body_defaults = {
        f.wire_name: f.schema.default
        for f in (operation.body.fields if operation.body else [])
        if f.schema.has_default
    }
    body_checker = None
    if body_schema is not None:
        body_checker = validator(to_json_schema(body_schema, resolve, closed=True))
    return Endpoint(
        operation=operation,
        role=role,
        kind=kind,
        id_parameter=id_parameter,
        example_id=example_id if isinstance(example_id, str) else None,
        outputs=workflow.outputs if workflow else conventions.OUTPUTS_FIELD,
        parameters=[_parameter(p) for p in operation.parameters],
        body_required=operation.body_required,
        body_checker=body_checker,
        body_defaults=body_defaults,
        invalid_status=422 if 422 in operation.error_statuses else 400,
        unauthorized_body=operation.error_examples.get(401, UNAUTHORIZED),
        not_found_body=operation.error_examples.get(404, NOT_FOUND),
    )


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


def _path_pattern(template: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    pieces = re.split(r"\{([^{}]+)\}", template)
    # re.split with a group alternates literal text and variable names.
    regex = "".join(re.escape(p) if i % 2 == 0 else "([^/]+)" for i, p in enumerate(pieces))
    return re.compile(regex), tuple(pieces[1::2])


def _parameter(parameter: ir.Parameter) -> Parameter:
    schema = ir_json_schema(parameter.schema)
    return Parameter(
        name=parameter.name,
        location=parameter.location,
        required=parameter.required,
        schema=schema,
        checker=validator(schema),
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
