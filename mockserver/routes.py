"""What the mock knows about each operation, read from the specs once at start-up.

The generator's model says what each operation is (its path, verb, method name, project kind,
success status and response example); the raw merged document gives what the model does not
keep in a form a server needs: security, parameters and body schemas, error examples.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, SchemaError  # type: ignore[import-untyped]

from generator.load import LoadedSpec
from generator.conventions import PROJECT_TAGS
from generator.ir import Api, Operation
from generator.problems import Problem, SpecError
from mockserver.schemas import Resolve, to_json_schema, validator, violations

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
    location: str  # path | query | header | cookie
    required: bool
    schema: dict[str, Any]
    checker: Draft202012Validator | None  # None: a style the mock does not check
    explode: bool


@dataclass(frozen=True)
class Endpoint:
    operation: Operation
    role: str
    kind: str | None  # image | video | audio for project operations
    id_parameter: str | None  # the path variable naming the project
    # The spec's example of that variable: a project that always exists, complete, so that the
    # docs' examples (which use the spec's values) work offline.
    example_id: str | None
    security: list[dict[str, list[str]]]  # alternatives; [] or [{}] needs nothing
    schemes: dict[str, dict[str, Any]]
    parameters: list[Parameter]
    body_required: bool
    body_checker: Draft202012Validator | None  # None: no JSON body to check
    body_defaults: dict[str, Any]  # the spec's defaults for top-level body fields
    invalid_status: int
    unauthorized_body: Any
    not_found_body: Any

    def authorized(self, headers: Headers, query: Query) -> bool:
        if not self.security:
            return True
        return any(
            all(_has_credential(self.schemes.get(name, {}), headers, query) for name in needs)
            for needs in self.security
        )

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


def build_router(spec: LoadedSpec, api: Api) -> Router:
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

    schemes = {
        name: resolve(scheme)
        for name, scheme in document.get("components", {}).get("securitySchemes", {}).items()
    }
    routes: dict[str, Route] = {}
    problems: list[Problem] = []
    for operation in api.operations:
        item = document["paths"][operation.path]
        raw = item[operation.http_method.lower()]
        if operation.path not in routes:
            pattern, variables = _path_pattern(operation.path)
            routes[operation.path] = Route(operation.path, pattern, variables, {})
        try:
            endpoint = _endpoint(operation, raw, item, document, schemes, resolve)
        except SchemaError as exc:
            where = f"{operation.file}: {operation.http_method} {operation.path}"
            problems.append(Problem(None, f"{where}: a schema the mock cannot use: {exc.message}"))
            continue
        routes[operation.path].endpoints[operation.http_method] = endpoint
    if problems:
        raise SpecError(problems)
    return Router(list(routes.values()))


def _endpoint(
    operation: Operation,
    raw: dict[str, Any],
    item: dict[str, Any],
    document: dict[str, Any],
    schemes: dict[str, dict[str, Any]],
    resolve: Resolve,
) -> Endpoint:
    # Operation parameters replace path-level ones of the same name and place.
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for parameter in [*item.get("parameters", []), *raw.get("parameters", [])]:
        parameter = resolve(parameter)
        by_key[(parameter["name"], parameter["in"])] = parameter
    parameters = [_parameter(p, resolve) for p in by_key.values()]

    body_required, body_checker, body_schema = False, None, None
    body_defaults: dict[str, Any] = {}
    if "requestBody" in raw:
        request_body = resolve(raw["requestBody"])
        body_required = bool(request_body.get("required"))
        body_schema = _json_schema_of(request_body, resolve)
        if body_schema is not None:
            body_checker = validator(to_json_schema(body_schema, resolve, closed=True))
            properties = resolve(body_schema).get("properties", {})
            for name, schema in properties.items():
                schema = resolve(schema)
                if "default" in schema:
                    body_defaults[name] = schema["default"]

    responses = {str(code): resolve(r) for code, r in raw.get("responses", {}).items()}
    role, kind = _role(operation, raw, body_schema, resolve)
    variables = re.findall(r"\{([^{}]+)\}", operation.path)
    id_parameter = variables[-1] if variables and role in (GET, DELETE) else None
    id_raw = by_key.get((id_parameter or "", "path"), {})
    example_id = id_raw.get("example", resolve(id_raw.get("schema", {})).get("example"))
    return Endpoint(
        operation=operation,
        role=role,
        kind=kind,
        id_parameter=id_parameter,
        example_id=example_id if isinstance(example_id, str) else None,
        security=raw.get("security", document.get("security", [])),
        schemes=schemes,
        parameters=parameters,
        body_required=body_required,
        body_checker=body_checker,
        body_defaults=body_defaults,
        invalid_status=422 if 422 in operation.error_statuses else 400,
        unauthorized_body=_example(responses.get("401"), resolve) or UNAUTHORIZED,
        not_found_body=_example(responses.get("404"), resolve) or NOT_FOUND,
    )


def _role(
    operation: Operation, raw: dict[str, Any], body_schema: Any, resolve: Resolve
) -> tuple[str, str | None]:
    if operation.project_kind is not None:
        return CREATE, operation.project_kind
    tags = raw.get("tags", [])
    kinds = [PROJECT_TAGS[tag] for tag in tags if tag in PROJECT_TAGS]
    if kinds and operation.path.endswith("}"):
        if operation.http_method == "GET":
            return GET, kinds[0]
        if operation.http_method == "DELETE":
            return DELETE, kinds[0]
    if operation.http_method == "POST" and "Files" in tags and isinstance(body_schema, dict):
        items = resolve(body_schema).get("properties", {}).get("items")
        if isinstance(items, dict) and resolve(items).get("type") == "array":
            return UPLOAD_URLS, None
    return EXAMPLE, None


def _path_pattern(template: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    pieces = re.split(r"\{([^{}]+)\}", template)
    # re.split with a group alternates literal text and variable names.
    regex = "".join(re.escape(p) if i % 2 == 0 else "([^/]+)" for i, p in enumerate(pieces))
    return re.compile(regex), tuple(pieces[1::2])


def _parameter(raw: dict[str, Any], resolve: Resolve) -> Parameter:
    schema = raw.get("schema")
    if schema is None:
        # `content` instead of `schema`: the schema of its one media type.
        media: list[dict[str, Any]] = list(raw.get("content", {}).values())
        schema = resolve(media[0]).get("schema", {}) if media else {}
    converted = to_json_schema(schema, resolve, closed=False)
    location = raw["in"]
    style = raw.get("style", "form" if location in ("query", "cookie") else "simple")
    checked = location in ("path", "query", "header") and style in ("form", "simple")
    checked = checked and _types(converted) != {"object"}
    return Parameter(
        name=raw["name"],
        location=location,
        required=bool(raw.get("required")) or location == "path",
        schema=converted,
        checker=validator(converted) if checked else None,
        explode=raw.get("explode", style == "form"),
    )


def _check_parameter(
    parameter: Parameter, path_values: Mapping[str, str], query: Query, headers: Headers
) -> list[str]:
    if parameter.checker is None:
        return []
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
        if not parameter.explode or parameter.location != "query":
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


def _json_schema_of(body_or_response: dict[str, Any], resolve: Resolve) -> Any:
    content = body_or_response.get("content", {})
    media = content.get("application/json")
    if media is None:
        media = next((m for t, m in content.items() if "json" in t), None)
    if media is None:
        return None
    return resolve(media).get("schema", {})


def _example(response: dict[str, Any] | None, resolve: Resolve) -> Any:
    """The example body of a response, from the media type's example(s) or its schema's."""
    if response is None:
        return None
    for media in response.get("content", {}).values():
        media = resolve(media)
        if "example" in media:
            return media["example"]
        for example in media.get("examples", {}).values():
            example = resolve(example)
            if "value" in example:
                return example["value"]
        schema = resolve(media.get("schema", {}))
        if isinstance(schema, dict) and "example" in schema:
            return schema["example"]
    return None


def _has_credential(scheme: dict[str, Any], headers: Headers, query: Query) -> bool:
    if scheme.get("type") == "apiKey":
        name = str(scheme.get("name", ""))
        if scheme.get("in") == "query":
            return any(v.strip() for v in query.get(name, []))
        if scheme.get("in") == "cookie":
            return f"{name}=" in headers.get("cookie", "")
        return bool(headers.get(name.lower(), "").strip())
    authorization = headers.get("authorization", "")
    if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() != "bearer":
        expected = str(scheme.get("scheme", "")).lower()
        given, _, credential = authorization.partition(" ")
        return given.lower() == expected and bool(credential.strip())
    # Bearer, and oauth2 / openIdConnect, whose tokens are sent the same way.
    given, _, token = authorization.partition(" ")
    return given.lower() == "bearer" and bool(token.strip())


def _lenient_json(body: bytes) -> Any:
    try:
        return json.loads(body) if body.strip() else None
    except (ValueError, RecursionError):
        return None
