"""Operations: the resource tree of paths, parameters, request bodies, responses and auth."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from openapi_pydantic.v3.v3_0 import (
    Example,
    MediaType,
    Operation as OpenApiOperation,
    Parameter as OpenApiParameter,
    PathItem,
    RequestBody,
    Response as OpenApiResponse,
    Schema as OpenApiSchema,
    SecurityScheme,
)

from generator import conventions
from generator.ir.context import Context
from generator.ir.examples import example_value
from generator.ir.model import BEARER, Auth, Operation, Parameter, Resource, Response, Schema
from generator.ir.schemas import SchemaBuilder
from generator.load import Pointer
from generator.naming import snake, words

JSON = "application/json"
# What an operation does, by its verb and whether its path ends in a `{parameter}` (an item).
# POST on an item has no rule: such an operation is named by its operationId, else its verb.
ACTIONS = {
    ("post", False): "create",
    ("get", True): "get",
    ("get", False): "list",
    ("delete", True): "delete",
    ("delete", False): "delete",
    ("put", True): "update",
    ("put", False): "update",
    ("patch", True): "update",
    ("patch", False): "update",
}
# The serialisation each parameter location supports (OpenAPI's default for it).
STYLES = {"path": "simple", "query": "form", "header": "simple"}
# An HTTP header name: a `token` of RFC 9110.
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


class OperationBuilder:
    def __init__(self, context: Context, schemas: SchemaBuilder) -> None:
        self.context = context
        self.schemas = schemas

    def operation(
        self, path: str, verb: str, operation: OpenApiOperation, item: PathItem
    ) -> Operation | None:
        """The operation `verb` on `path`; None (with the problems recorded) if it cannot be."""
        context = self.context
        file = context.spec.operation_files[(path, verb)]
        base: Pointer = ("paths", path, verb)
        here = context.locate(file, base, key=True)
        for where, owner in (((*base, "servers"), operation), (("paths", path, "servers"), item)):
            if owner.servers:
                item_file = context.spec.path_item_files.get((path, "servers"), file)
                message = "'servers' on a path or operation is not supported (only at the top)"
                context.problem(file if owner is operation else item_file, where, message, key=True)
                return None
        segments = [s for s in path.strip("/").split("/") if s]
        static = [s for s in segments if not s.startswith("{")]
        if not static:
            message = f"{verb.upper()} {path}: a path needs a name segment to become a resource"
            context.problem_at(here, message)
            return None
        on_item = bool(segments) and segments[-1].startswith("{")
        action = _action(verb, on_item, operation.operationId)
        name = (*(w for s in static for w in words(s)), *action)

        parameters = [
            built
            for parameter_file, pointer, parameter in self._parameters(
                path, file, base, item, operation
            )
            if (built := self._parameter(parameter_file, pointer, parameter)) is not None
        ]
        variables = re.findall(r"\{([^{}]+)\}", path)
        path_names = {p.name for p in parameters if p.location == "path"}
        for variable in variables:
            if variable not in path_names:
                message = f"{verb.upper()} {path}: the path variable {{{variable}}} has no 'in: path' parameter"
                context.problem_at(here, message)
        for missing in sorted(path_names - set(variables)):
            message = f"{verb.upper()} {path}: path parameter '{missing}' is not in the path"
            context.problem_at(here, message)

        body, body_required = None, False
        if operation.requestBody is not None:
            built_body = self.request_body(
                file, (*base, "requestBody"), operation.requestBody, name
            )
            if built_body is not None:
                body, body_required = built_body
        responses = self._responses(file, (*base, "responses"), operation, name)
        if responses is None:
            return None
        auth = self._auth(file, base, operation)
        if auth is None:
            return None
        tags = list(operation.tags or [])
        kinds = [conventions.PROJECT_TAGS[t] for t in tags if t in conventions.PROJECT_TAGS]
        kind = kinds[0] if kinds else None
        only = responses[0] if len(responses) == 1 else None
        example = None
        if only is not None and only.kind == "json" and only.schema is not None:
            example = example_value(only.schema, complete=True)
        return Operation(
            http_method=verb.upper(),
            path=path,
            on_item=on_item,
            action=action,
            summary=(operation.summary or "").strip(),
            description=(operation.description or "").strip(),
            parameters=parameters,
            body=body,
            body_required=body_required,
            responses=responses,
            error_statuses=sorted(
                int(s) for s in operation.responses if s.isdigit() and int(s) >= 400
            ),
            error_examples=self._error_examples(file, (*base, "responses"), operation),
            tags=tags,
            auth=auth,
            deprecated=bool(operation.deprecated),
            file=file,
            location=here,
            project_kind=kind if action == ("create",) else None,
            reports_on=kind if action == ("get",) else None,
            deletes=kind if verb == "delete" and on_item else None,
            uploads=action == ("create",) and _hands_out_upload_urls(body, responses),
            response_example=example,
        )

    def _auth(self, file: str, base: Pointer, operation: OpenApiOperation) -> Auth | None:
        """How the operation sends the API key: the first security requirement this client meets."""
        if operation.security is None:
            return BEARER
        if not operation.security:
            return ()
        components = self.context.document.components
        schemes = (components.securitySchemes if components else None) or {}
        unsupported: list[str] = []
        for index, requirement in enumerate(operation.security):
            auth: list[tuple[str, str]] = []
            for name in requirement:
                scheme = schemes.get(name)
                if scheme is None:
                    message = (
                        f"security scheme '{name}' is not defined in components/securitySchemes"
                    )
                    self.context.problem(file, (*base, "security", index, name), message, key=True)
                    return None
                way = _credential(scheme) if isinstance(scheme, SecurityScheme) else None
                if way is None:
                    unsupported.append(name)
                    break
                auth.append(way)
            else:
                return tuple(auth)
        names = ", ".join(repr(name) for name in unsupported)
        message = (
            f"no security requirement can be met: {names} not supported (the client sends its"
            " token as a bearer token, an API key header or an API key query parameter)"
        )
        self.context.problem(file, (*base, "security"), message, key=True)
        return None

    def _parameters(
        self, path: str, file: str, base: Pointer, item: PathItem, operation: OpenApiOperation
    ) -> list[tuple[str, Pointer, OpenApiParameter]]:
        """The operation's parameters: those of the path item, overridden by its own."""
        item_file = self.context.spec.path_item_files.get((path, "parameters"), file)
        found: dict[tuple[str, str], tuple[str, Pointer, OpenApiParameter]] = {}
        sources = [
            (item_file, ("paths", path, "parameters"), item.parameters),
            (file, (*base, "parameters"), operation.parameters),
        ]
        for source_file, list_pointer, parameters in sources:
            for index, parameter in enumerate(parameters or []):
                resolved = self.context.follow(
                    source_file, (*list_pointer, index), parameter, OpenApiParameter, "parameter"
                )
                if resolved is not None:
                    found[(resolved[2].name, resolved[2].param_in.value)] = resolved
        return list(found.values())

    def _parameter(
        self, file: str, pointer: Pointer, parameter: OpenApiParameter
    ) -> Parameter | None:
        context = self.context
        where = parameter.param_in.value
        if where == "cookie":
            context.problem(file, (*pointer, "in"), "cookie parameters are not supported")
            return None
        if where == "header" and not _HEADER_NAME.fullmatch(parameter.name):
            message = f"'{parameter.name}' is not a valid HTTP header name"
            context.problem(file, (*pointer, "name"), message)
            return None
        if parameter.param_schema is None:
            message = f"parameter '{parameter.name}' has no schema ('content' parameters are not supported)"
            context.problem(file, pointer, message)
            return None
        # Named, so that an object schema gets as far as the check below that refuses it.
        name = tuple(words(parameter.name)) or ("parameter",)
        schema = self.schemas.build(file, (*pointer, "schema"), parameter.param_schema, name)
        if schema is None:
            return None
        if schema.kind == "object" or (
            schema.items is not None and schema.items.kind in ("object", "array")
        ):
            message = f"parameter '{parameter.name}': object-valued parameters are not supported"
            context.problem(file, (*pointer, "schema"), message)
            return None
        style = str(parameter.style) if parameter.style is not None else None
        if style is not None and style != STYLES[where]:
            message = f"parameter '{parameter.name}': style '{style}' is not supported (only '{STYLES[where]}' in {where})"
            context.problem(file, (*pointer, "style"), message)
            return None
        if parameter.explode is False and schema.kind == "array" and where == "query":
            message = f"parameter '{parameter.name}': only exploded query arrays (name=a&name=b) are supported"
            context.problem(file, (*pointer, "explode"), message)
            return None
        example = parameter.example
        if example is not None:
            with_example = dataclasses.replace(schema, example=example, has_example=True)
            checked = self.schemas.checked_example(file, (*pointer, "example"), with_example)
            example = example if checked.has_example else None
        return Parameter(
            name=parameter.name,
            location=where,
            required=bool(parameter.required) or where == "path",
            schema=schema,
            description=(parameter.description or schema.description).strip(),
            example=example,
            deprecated=bool(parameter.deprecated) or schema.deprecated,
        )

    def request_body(
        self,
        file: str,
        pointer: Pointer,
        body: RequestBody | object,
        name: tuple[str, ...],
        part: tuple[str, ...] = ("body",),
    ) -> tuple[Schema, bool] | None:
        """The body's schema, and whether a request must have one; its object is named
        `name` and `part` (a webhook event's body is the event itself: no `body` word)."""
        followed = self.context.follow(file, pointer, body, RequestBody, "request body")
        if followed is None:
            return None
        file, pointer, request_body = followed
        media = request_body.content.get(JSON)
        if media is None or media.media_type_schema is None:
            types = ", ".join(sorted(request_body.content)) or "none"
            message = f"request bodies must be {JSON} with a schema (found: {types})"
            self.context.problem(file, (*pointer, "content"), message, key=True)
            return None
        schema_pointer = (*pointer, "content", JSON, "schema")
        schema = self.schemas.build(file, schema_pointer, media.media_type_schema, (*name, *part))
        if schema is None:
            return None
        if schema.kind != "object" or not schema.fields:
            message = "a request body must be an object with properties (they become the method's arguments)"
            self.context.problem(file, schema_pointer, message)
            return None
        return schema, bool(request_body.required)

    def _responses(
        self, file: str, pointer: Pointer, operation: OpenApiOperation, name: tuple[str, ...]
    ) -> list[Response] | None:
        codes = sorted(code for code in operation.responses if code.isdigit())
        successes = [code for code in codes if 200 <= int(code) < 300]
        if not successes:
            self.context.problem(file, pointer, "an operation needs a 2xx response", key=True)
            return None
        found: list[Response] = []
        for code in successes:
            followed = self.context.follow(
                file, (*pointer, code), operation.responses[code], OpenApiResponse, "response"
            )
            if followed is None:
                return None
            response_file, response_pointer, response = followed
            # The first JSON response is named `...response`; others add their code.
            response_name = (*name, "response")
            if any(s.kind == "json" for s in found):
                response_name = (*response_name, code)
            success = self._success(
                response_file, response_pointer, int(code), response, response_name
            )
            if success is None:
                return None
            found.append(success)
        return found

    def _error_examples(
        self, file: str, pointer: Pointer, operation: OpenApiOperation
    ) -> dict[int, Any]:
        """The example body of each error response that gives one."""
        found: dict[int, Any] = {}
        for code, response in operation.responses.items():
            if not (code.isdigit() and int(code) >= 400):
                continue
            followed = self.context.follow(
                file, (*pointer, code), response, OpenApiResponse, "response"
            )
            if followed is None:
                continue
            example = next(
                (e for m in (followed[2].content or {}).values() if (e := _example(m)) is not None),
                None,
            )
            if example is not None:
                found[int(code)] = example
        return found

    def _success(
        self,
        file: str,
        pointer: Pointer,
        status: int,
        response: OpenApiResponse,
        name: tuple[str, ...],
    ) -> Response | None:
        """One 2xx response: JSON of some schema, text, bytes, or nothing."""
        if not response.content:
            return Response(status, "empty", None, None)
        media_type = next((t for t in sorted(response.content) if _is_json(t)), None)
        if media_type is None:
            media_type = sorted(response.content)[0]
            kind = "text" if media_type.startswith("text/") else "binary"
            return Response(status, kind, None, media_type)
        media: MediaType = response.content[media_type]
        if media.media_type_schema is None:
            return Response(status, "json", None, media_type)
        schema_pointer = (*pointer, "content", media_type, "schema")
        schema = self.schemas.build(file, schema_pointer, media.media_type_schema, name)
        if schema is None:
            return None
        if media.example is not None:
            with_example = dataclasses.replace(schema, example=media.example, has_example=True)
            example_at = (*pointer, "content", media_type, "example")
            checked = self.schemas.checked_example(file, example_at, with_example)
            schema = checked if checked.has_example else schema
        return Response(status, "json", schema, media_type)


def resource_for(root: Resource, path: str) -> Resource:
    """The resource of `path`'s static segments, made on first use; siblings kept in order."""
    node = root
    for segment in (s for s in path.strip("/").split("/") if s and not s.startswith("{")):
        key = tuple(words(segment))
        child = next((c for c in node.children if c.words == key), None)
        if child is None:
            child = Resource(segment=segment, words=key)
            node.children.append(child)
            node.children.sort(key=lambda r: snake(list(r.words)))
        node = child
    return node


def _action(verb: str, on_item: bool, operation_id: str | None) -> tuple[str, ...]:
    action = ACTIONS.get((verb, on_item))
    if action is not None:
        return (action,)
    named = words(operation_id.split(".")[-1]) if operation_id else []
    return tuple(named) or (verb,)


def _hands_out_upload_urls(body: Schema | None, responses: list[Response]) -> bool:
    """Whether the operation is asked for `items`, each an asset type and extension, and answers
    with `items`, each an upload URL and the file path it gives."""
    asked = _item_fields(body)
    answered = _item_fields(responses[0].schema if len(responses) == 1 else None)
    wanted = {conventions.UPLOAD_TYPE_FIELD, conventions.UPLOAD_EXTENSION_FIELD}
    given = {conventions.UPLOAD_URL_FIELD, conventions.FILE_PATH_FIELD}
    return wanted <= asked and given <= answered


def _item_fields(schema: Schema | None) -> set[str]:
    """The wire names of the fields of the objects in `schema`'s `items` list."""
    fields = schema.fields if schema is not None else []
    items = next((f.schema for f in fields if f.wire_name == conventions.UPLOAD_ITEMS_FIELD), None)
    if items is None or items.items is None:
        return set()
    return {f.wire_name for f in items.items.fields}


def _example(media: MediaType) -> Any:
    """A media type's example: its own, the first of its named ones, or its schema's."""
    if media.example is not None:
        return media.example
    for example in (media.examples or {}).values():
        if isinstance(example, Example) and example.value is not None:
            return example.value
    schema = media.media_type_schema
    return schema.example if isinstance(schema, OpenApiSchema) else None


def _credential(scheme: SecurityScheme) -> tuple[str, str] | None:
    """Where a security scheme puts the token, if it is one this client can fill."""
    kind = str(scheme.type)
    if kind == "http" and (scheme.scheme or "").lower() == "bearer":
        return ("bearer", "Authorization")
    if kind in ("oauth2", "openIdConnect"):
        return ("bearer", "Authorization")
    where = str(scheme.security_scheme_in)
    if kind == "apiKey" and scheme.name and where in ("header", "query"):
        return (where, scheme.name)
    return None


def _is_json(media_type: str) -> bool:
    """`application/json`, and its relatives like `application/problem+json`."""
    essence = media_type.split(";")[0].strip().lower()
    return essence == JSON or essence.endswith("+json")
