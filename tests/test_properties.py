"""Property tests: the generated client enforces exactly what the spec's schemas say.

Valid inputs are drawn from the spec's own schemas (read from the YAML, converted to JSON
Schema, drawn by hypothesis-jsonschema), independently of the generator. Invalid inputs are
valid ones broken in exactly one constraint. A loopback server counts what reaches it: every
valid call arrives once, with a body the spec accepts (jsonschema is the oracle); no invalid
call arrives at all. Every operation in `specs/` is covered with no per-endpoint code.
"""

from __future__ import annotations

import copy
import json
import re
import urllib.parse
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

import jsonschema
import pytest
from helpers.loopback import Loopback, Reply, loopback_server
from helpers.paths import SPECS
from helpers.raw_specs import spec_operations
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

import magic_hour
from generator.load import load_specs
from generator.ir import build_ir
from generator.views.python import build_python_view
from generator.views.python.model import PyMethod
from magic_hour import Client

API = build_python_view(build_ir(load_specs(SPECS, "specs")))
TOKEN = "property-test-token"
EXTRA_KEY = "unexpected_field"
RAW = spec_operations()
KEYS = sorted(RAW)
GENERATED = {f"{op.http_method} {op.path}": op for op in API.operations}


def to_json_schema(schema: dict[str, Any], *, closed: bool) -> dict[str, Any]:
    """An OpenAPI 3.0 schema as JSON Schema; `closed` refuses keys it does not list."""
    result: dict[str, Any] = {}
    for key in (
        "type",
        "enum",
        "minLength",
        "maxLength",
        "pattern",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
    ):
        if key in schema:
            result[key] = schema[key]
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if bound in schema:
            result[exclusive if schema.get(exclusive) else bound] = schema[bound]
    if "items" in schema:
        result["items"] = to_json_schema(schema["items"], closed=closed)
    if schema.get("type") == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        result["properties"] = {
            name: to_json_schema(s, closed=closed) for name, s in properties.items()
        }
        # A spec wart: `required` may name a property that is not defined; it is not required.
        required = [name for name in schema.get("required", []) if name in properties]
        if required:
            result["required"] = required
        if closed:
            result["additionalProperties"] = False
    if schema.get("nullable"):
        if "type" in result:
            result["type"] = [result["type"], "null"]
        if "enum" in result:
            result["enum"] = [*result["enum"], None]
    return result


def parameters_schema(key: str) -> dict[str, Any]:
    raw = RAW[key]
    parameters = [*raw["path-parameters"], *raw.get("parameters", [])]
    return {
        "type": "object",
        "properties": {p["name"]: p["schema"] for p in parameters},
        "required": [p["name"] for p in parameters if p.get("required") or p["in"] == "path"],
    }


def body_schema(key: str) -> dict[str, Any] | None:
    body = RAW[key].get("requestBody")
    return body["content"]["application/json"]["schema"] if body else None


def request_schema(key: str) -> dict[str, Any]:
    """Parameters and body fields as one object: together they are the method's arguments."""
    parameters = parameters_schema(key)
    body = body_schema(key) or {"properties": {}, "required": []}
    return {
        "type": "object",
        "properties": {**parameters["properties"], **body["properties"]},
        "required": [*parameters["required"], *body.get("required", [])],
    }


# -- calling the generated client --------------------------------------------------------


@pytest.fixture(scope="module")
def loopback() -> Iterator[Loopback]:
    """A loopback server that counts what reaches it and answers each operation's example."""

    def reply(request: Any) -> Reply:
        op = next(
            op
            for op in API.operations
            if op.http_method == request.method
            and re.fullmatch(
                re.sub(r"\\\{[^}]+\\\}", "[^/]*", re.escape(op.path)),
                urllib.parse.urlsplit(request.path).path,
            )
        )
        return Reply(
            op.operation.success_status,
            op.operation.response_example if op.response_model else None,
        )

    with loopback_server(reply) as running:
        yield running


@pytest.fixture(scope="module")
def client(loopback: Loopback) -> Iterator[Client]:
    with Client(token=TOKEN, base_url=loopback.url, max_retries=0) as running:
        yield running


def call(client: Client, op: PyMethod, arguments: dict[str, Any]) -> Any:
    resource = next(r for r in API.resources if op in r.operations)
    target: Any = client
    for attribute in [*resource.access_path.split(".")[1:], op.method_name]:
        target = getattr(target, attribute)
    by_wire = {a.wire_name: a.py_name for a in op.arguments}
    return target(**{by_wire.get(name, name): value for name, value in arguments.items()})


# -- valid requests ----------------------------------------------------------------------


def check_valid(
    client: Client,
    server: Loopback,
    key: str,
    arguments: dict[str, Any],
    unset: Collection[str] = (),
) -> None:
    """`arguments` sent as given; the optional arguments named in `unset`, passed as `None`,
    not sent at all."""
    op = GENERATED[key]
    before = len(server.requests)
    call(client, op, {**arguments, **dict.fromkeys(unset)})
    assert len(server.requests) == before + 1
    request = server.requests[-1]
    parameters = parameters_schema(key)["properties"]
    # Each path segment arrives, once decoded, as the template's text or the argument's value.
    sent_segments = request.path.split("/")
    template_segments = op.path.split("/")
    assert len(sent_segments) == len(template_segments)
    for template, sent in zip(template_segments, sent_segments):
        if template.startswith("{"):
            assert urllib.parse.unquote(sent) == str(arguments[template[1:-1]])
        else:
            assert sent == template
    schema = body_schema(key)
    if schema is None:
        assert request.body == b""
        return
    sent = json.loads(request.body)
    # The oracle: the spec's own schema, open as the spec writes it.
    jsonschema.validate(sent, to_json_schema(schema, closed=False))
    assert sent == {name: value for name, value in arguments.items() if name not in parameters}


@pytest.mark.parametrize("key", KEYS)
def test_valid_requests_are_sent_as_given(key: str, client: Client, loopback: Loopback) -> None:
    schema = request_schema(key)
    # A path segment is never empty: the client refuses "" there, whatever the spec says.
    raw = RAW[key]
    for parameter in [*raw["path-parameters"], *raw.get("parameters", [])]:
        name = parameter["name"]
        if parameter["in"] == "path" and schema["properties"][name].get("type") == "string":
            least = max(1, schema["properties"][name].get("minLength", 0))
            schema["properties"][name] = {**schema["properties"][name], "minLength": least}
    strategy = from_schema(to_json_schema(schema, closed=True))
    optional = sorted(
        name
        for name, child in schema["properties"].items()
        if name not in schema["required"] and not child.get("nullable")
    )

    @given(arguments=strategy, data=st.data())
    def property(arguments: dict[str, Any], data: st.DataObject) -> None:
        absent = [name for name in optional if name not in arguments]
        unset = data.draw(st.sets(st.sampled_from(absent))) if absent else set()
        check_valid(client, loopback, key, arguments, unset)

    property()


# -- requests broken in exactly one constraint -------------------------------------------


@dataclass(frozen=True)
class Site:
    """One way to break a request: a constraint kind at one field."""

    path: tuple[str | int, ...]  # property names, and 0 for an array's first item
    kind: str

    @property
    def field(self) -> str:
        text = ""
        for step in self.path:
            text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
        return text

    def __str__(self) -> str:
        return f"{self.field or 'body'}:{self.kind}"


CONSTRAINT_KINDS = (
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "multipleOf",
    "pattern",
    "enum",
    "minItems",
    "maxItems",
)


def sites(
    schema: dict[str, Any],
    path: tuple[str | int, ...] = (),
    *,
    top: bool = True,
    optional_argument: bool = False,
) -> Iterator[Site]:
    """Each way to break a request of `schema`. `None` for an optional keyword argument is not
    one: it means "not given", as in the published SDK."""
    for kind in CONSTRAINT_KINDS:
        if (
            kind in schema
            and not (kind == "minLength" and schema[kind] == 0)
            and not (kind == "minItems" and schema[kind] == 0)
        ):
            yield Site(path, kind)
    if path and not top:
        yield Site(path, "type")
        if not schema.get("nullable") and not optional_argument:
            yield Site(path, "null")
    if "items" in schema:
        yield from sites(schema["items"], (*path, 0), top=False)
    if "properties" in schema:
        yield Site(path, "extra")
        required = schema.get("required", [])
        for name, child in schema["properties"].items():
            optional = not path and name not in required
            yield from sites(child, (*path, name), top=False, optional_argument=optional)
        for name in schema.get("required", []):
            if name in schema["properties"]:
                yield Site((*path, name), "required")


def operation_sites(key: str) -> list[Site]:
    return list(sites(request_schema(key)))


def is_argument_site(site: Site) -> bool:
    """A missing or unknown top-level field is a missing or unknown keyword argument."""
    return (site.kind, len(site.path)) in (("required", 1), ("extra", 0))


def forcing(schema: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any]:
    """`schema` changed so that every drawn value holds the field at `path`."""
    schema = copy.deepcopy(schema)
    node = schema
    for step in path:
        if isinstance(step, int):
            node["minItems"] = max(1, node.get("minItems", 0))
            node = node["items"]
        else:
            if step not in node.get("required", []):
                node["required"] = [*node.get("required", []), step]
            node = node["properties"][step]
    return schema


def at(schema: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any]:
    node = schema
    for step in path:
        node = node["items"] if isinstance(step, int) else node["properties"][step]
    return node


def breaking_value(schema: dict[str, Any], kind: str, draw: Any) -> Any:
    if kind == "minLength":
        return "a" * (schema["minLength"] - 1)
    if kind == "maxLength":
        return "a" * (schema["maxLength"] + 1)
    if kind == "minimum":
        return schema["minimum"] - (1 if schema.get("type") == "integer" else 0.5)
    if kind == "maximum":
        return schema["maximum"] + 1
    if kind == "multipleOf":
        return schema["multipleOf"] * 3 + schema["multipleOf"] / 2
    if kind == "pattern":
        return draw(st.text(max_size=20).filter(lambda s: re.search(schema["pattern"], s) is None))
    if kind == "enum":
        # A value of the enum's own type, so that only the enum is broken.
        values = (
            st.integers(-1000, 1000)
            if schema.get("type") in ("integer", "number")
            else st.text(max_size=20)
        )
        return draw(values.filter(lambda v: v not in schema["enum"]))
    if kind == "type":
        wrong = {
            "string": 12345,
            "integer": "12",
            "number": "1.5",
            "boolean": "true",
            "array": "x",
            "object": ["x"],
        }
        return wrong[schema.get("type", "object")]
    if kind == "null":
        return None
    raise AssertionError(kind)


EXPECTED_WORDS = {
    "minLength": "(minLength)",
    "maxLength": "(maxLength)",
    "minimum": "(minimum)",
    "maximum": "(maximum)",
    "multipleOf": "(multipleOf)",
    "pattern": "must match the pattern",
    "enum": "must be one of",
    "minItems": "(minItems)",
    "maxItems": "(maxItems)",
    "type": "must be a",
    "null": "must not be None",
    "required": "is required",
    "extra": "is not a known field",
}


def valid_around(key: str, site: Site) -> st.SearchStrategy[dict[str, Any]]:
    """Valid requests that hold the field `site` breaks (and, for an array, an item of it)."""
    path = (*site.path, 0) if site.kind in ("minItems", "maxItems") else site.path
    return from_schema(to_json_schema(forcing(request_schema(key), path), closed=True))


def broken(key: str, site: Site, valid: dict[str, Any], draw: Any) -> tuple[dict[str, Any], str]:
    """`valid` broken at `site`, and the field the error must name."""
    schema = request_schema(key)
    # A copy: the drawn value is hypothesis's own record of the example, not to be changed.
    arguments = copy.deepcopy(valid)
    if site.kind in ("minItems", "maxItems"):
        target = at(schema, site.path)
        count = target["minItems"] - 1 if site.kind == "minItems" else target["maxItems"] + 1
        item = _value_at(arguments, site.path)[0]
        replacement: Any = [item] * count
    elif site.kind == "extra":
        parent = _value_at(arguments, site.path)
        parent[EXTRA_KEY] = "x"
        return arguments, f"{site.field}.{EXTRA_KEY}" if site.path else EXTRA_KEY
    elif site.kind == "required":
        parent = _value_at(arguments, site.path[:-1])
        del parent[site.path[-1]]
        return arguments, site.field
    else:
        replacement = breaking_value(at(schema, site.path), site.kind, draw)
    parent = _value_at(arguments, site.path[:-1])
    parent[site.path[-1]] = replacement
    return arguments, site.field


def _value_at(value: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def check_refused(
    client: Client, server: Loopback, key: str, site: Site, arguments: dict[str, Any], field: str
) -> None:
    before = len(server.requests)
    if is_argument_site(site):
        # Python's own signature refuses it, naming the argument, before anything is sent.
        py_name = {a.wire_name: a.py_name for a in GENERATED[key].arguments}.get(field, field)
        with pytest.raises(TypeError, match=f"'{py_name}'"):
            call(client, GENERATED[key], arguments)
        assert len(server.requests) == before, "an invalid request reached the server"
        return
    with pytest.raises(magic_hour.RequestValidationError) as caught:
        call(client, GENERATED[key], arguments)
    assert len(server.requests) == before, "an invalid request reached the server"
    named = [v for v in caught.value.violations if v.startswith(f"{field}: ")]
    assert named, f"{site}: no violation names {field!r}: {caught.value.violations}"
    assert any(EXPECTED_WORDS[site.kind] in v for v in named), (site, caught.value.violations)


SITE_CASES = [(key, site) for key in KEYS for site in operation_sites(key)]


@pytest.mark.parametrize(("key", "site"), SITE_CASES, ids=[f"{k}-{s}" for k, s in SITE_CASES])
def test_each_broken_constraint_is_refused_before_sending(
    key: str, site: Site, client: Client, loopback: Loopback
) -> None:
    @settings(max_examples=5)
    @given(valid=valid_around(key, site), data=st.data())
    def property(valid: dict[str, Any], data: st.DataObject) -> None:
        arguments, field = broken(key, site, valid, data.draw)
        check_refused(client, loopback, key, site, arguments, field)

    property()


@pytest.mark.parametrize("key", KEYS)
def test_broken_requests_are_refused_before_sending(
    key: str, client: Client, loopback: Loopback
) -> None:
    # The same property with the site drawn too: `make fuzz` runs this one at volume.
    cases = st.sampled_from(operation_sites(key)).flatmap(
        lambda site: st.tuples(st.just(site), valid_around(key, site))
    )

    @given(case=cases, data=st.data())
    def property(case: tuple[Site, dict[str, Any]], data: st.DataObject) -> None:
        site, valid = case
        arguments, field = broken(key, site, valid, data.draw)
        check_refused(client, loopback, key, site, arguments, field)

    property()


def test_every_operation_and_every_kind_of_constraint_is_covered() -> None:
    assert KEYS == sorted(GENERATED)
    kinds = {site.kind for _, site in SITE_CASES}
    # Every kind the specs use today; a kind added to a spec is covered with no new code.
    assert kinds >= {
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "pattern",
        "enum",
        "minItems",
        "type",
        "null",
        "required",
        "extra",
    }
