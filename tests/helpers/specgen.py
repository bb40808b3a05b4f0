"""Random, valid OpenAPI 3.0 spec folders, to fuzz the generator with (hypothesis strategies).

`spec_folders()` draws a whole folder, `{file name: YAML text}`: one to three files that share
`info`, `servers` and `tags`, split the operations between them (the same path may be split by
method), and `$ref` each other's `components/schemas` (`other.yaml#/components/schemas/X`).

What it draws from:

- schemas: strings, integers, numbers, booleans with constraints, `format`, `default` and
  `example`; `nullable`; enums of strings (not identifiers), of integers, mixed, and with `null`;
  arrays (of arrays); objects with `required` (including a name `properties` lacks, a real spec
  wart), `additionalProperties` (true, false, a schema) and `deprecated` properties; free-form
  objects; `{}`; `$ref` to a component in the same file or another file; `allOf`, `oneOf`,
  `anyOf`, with and without a `discriminator` (with and without `mapping`);
- operations: GET/POST/PUT/PATCH/DELETE on `/<prefix>/<name>` and `/<prefix>/<name>/{<param>}`
  (sometimes a nested `/<name>/<child>`), with and without `operationId`, `deprecated`, `tags`,
  per-operation `security`; query (required or not, arrays), header and path parameters, also at
  the path-item level; JSON request bodies; responses with a JSON object, no content,
  `application/octet-stream` (binary), several 2xx codes, error codes with and without bodies;
- security schemes: http bearer and basic, apiKey in a header or the query string;
- hostile text in every description, summary, title and example: triple quotes, backslashes,
  Jinja delimiters, non-ASCII, control characters, very long lines, newlines;
- hostile names: Python keywords, builtins, dunders, names that start with a digit or contain
  `-`, `.` or spaces, names that differ only in case, names the generated code uses itself, and
  component names whose class names collide (`foo_bar`, `FooBar`, `foo-bar`).

Every document is valid OpenAPI 3.0. Refs only point at components drawn before them, so there
are no recursive schemas. The tags that switch on the `generate` workflow ("Image Projects",
"Video Projects", "Audio Projects", "Files") are never drawn.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from generator.load import plain

FILE_NAMES = ("main.yaml", "other.yaml", "third.yml")
MAX_DEPTH = 3

# -- text ------------------------------------------------------------------------------------

PLAIN_TEXT = ("A thing.", "Create a thing", "The name of the thing.", "")
WORDS = ("word", "Thing", "the", "value", "x", "42", "naïve", "ok")
NASTY = (
    '"""',
    "'''",
    '"',
    "'",
    "\\",
    "\\n",
    "\\\\",
    "\\x00",
    "\\u12",
    "\\N{DASH}",
    '\\"""',
    "{{ x }}",
    "{{",
    "}}",
    "{% if x %}",
    "{% endif %}",
    "{%",
    "%}",
    "{#",
    "#}",
    "{",
    "}",
    "${x}",
    "%s",
    "%(x)s",
    "{0}",
    "é",
    "Ω≈ç√",
    "日本語",
    "🎉",
    "\u200b",
    "\u202e",
    "ｆｕｌｌ",
    "`code`",
    "**bold**",
    "<b>html</b>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![x](data:image/png;base64,AA)",
    "[x]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "[web](https://example.com)",
    "&amp;",
    "# heading",
    "- item",
    "> quote",
    "|",
    "---",
    "...",
    "```python\nprint('x')\n```",
    "    indented",
    "\n",
    "\n\n",
    "\n    ",
    "\n\n\n",
    " ",
    "  ",
    "\t",
    "\r\n",
    "\r",
    ": colon",
    "key: value",
    "@",
    "`",
    "!tag",
    "&anchor",
    "*alias",
    "Args:",
    "Returns:",
    "Examples:",
    ">>> 1 + 1",
    "'; DROP TABLE x; --",
)
# Control characters and Unicode line breaks: valid in YAML (escaped), treacherous in Python.
CONTROLS = ("\x00", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff")


def texts() -> st.SearchStrategy[str]:
    """Descriptions, summaries, titles, string examples and defaults (built once: `TEXTS`)."""
    piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(NASTY), st.sampled_from(CONTROLS))
    return st.one_of(
        st.sampled_from(PLAIN_TEXT),
        st.lists(piece, min_size=1, max_size=8).map(" ".join),
        st.lists(piece, min_size=1, max_size=8).map("".join),
        # Very long lines, with and without places to break them.
        st.builds(lambda w, n: (w + " ") * n, st.sampled_from(WORDS), st.integers(40, 120)),
        st.builds(
            lambda c, n: c * n, st.sampled_from(("x", "é", '"', "\\")), st.integers(100, 400)
        ),
        st.text(max_size=12),
    )


# -- names -----------------------------------------------------------------------------------

PLAIN_NAMES = (
    "name",
    "prompt",
    "width",
    "height",
    "style",
    "count",
    "created_at",
    "status",
    "url",
    "value",
    "tags",
    "image_file_path",
)
HOSTILE_NAMES = (
    # keywords and soft keywords
    "class",
    "from",
    "import",
    "def",
    "return",
    "None",
    "True",
    "False",
    "async",
    "await",
    "lambda",
    "global",
    "pass",
    "yield",
    "in",
    "not",
    "match",
    "case",
    "type",
    "_",
    # builtins
    "id",
    "list",
    "dict",
    "str",
    "int",
    "float",
    "bool",
    "bytes",
    "object",
    "print",
    "len",
    "format",
    "hash",
    "filter",
    "range",
    "set",
    "super",
    "property",
    "any",
    "min",
    "open",
    # dunders
    "__init__",
    "__class__",
    "__dict__",
    "__name__",
    "__slots__",
    "__annotations__",
    "__fields__",
    "__root__",
    "__",
    # a digit first
    "1st",
    "3d_model",
    "2",
    "0",
    "4k-resolution",
    # separators
    "first-name",
    "x-api-key",
    "a.b",
    "image.url",
    "first name",
    " padded ",
    "trailing_",
    "_private",
    # differ only in case (and spelling)
    "Name",
    "NAME",
    "nAmE",
    "fooBar",
    "foo_bar",
    "FooBar",
    "foo-bar",
    # names the generated code uses, pydantic's own
    "self",
    "cls",
    "request_options",
    "model_config",
    "model_fields",
    "model_dump",
    "schema",
    "json",
    "copy",
    "validate",
    "construct",
    "fields",
    "Config",
    "typing",
    "typing_extensions",
    "pydantic",
    "params",
    "models",
    "validation",
    "parameters",
    "body",
    "warnings",
    "NOT_GIVEN",
    "NotGiven",
    "given",
    "base_client",
    "annotations",
    "Literal",
    "Optional",
    "Any",
    # OpenAPI's own words, common as property names too
    "content",
    "headers",
    "properties",
    "example",
    # anything else JSON allows
    "",
    "$ref",
    "x-extension",
    "ñame",
    "名前",
    "café",
    'a"b',
    "it's",
    "back\\slash",
    "{{x}}",
    "%(x)s",
    "<<",
)
PATH_PARAM_NAMES = (
    "id",
    "project_id",
    "projectId",
    "class",
    "from",
    "ID",
    "1st",
    "self",
    "type",
    "request_options",
    "__init__",
    "a.b",
    "project-id",
)
HEADER_NAMES = ("X-Request-Id", "X-Trace", "x-trace", "From", "X-Class", "X-1st", "If-Match")
RESOURCE_NAMES = (
    "things",
    "ai-gif-generator",
    "foo_bar",
    "fooBar",
    "class",
    "import",
    "3d-models",
    "list",
    "v2",
    "close",
    "base-client",
    "request-options",
    "with",
    "None",
    "async",
    "__init__",
    "ai.gif",
    "AIGifGenerator",
    "things.json",
)
CHILD_NAMES = ("upload-urls", "list", "get", "create", "delete", "update", "cancel", "class")
PREFIXES = ("v1", "v1", "v1", "v2", "", "api/v1")
COMPONENT_NAMES = (
    "Thing",
    "Pet",
    "foo_bar",
    "FooBar",
    "foo-bar",
    "Foo.Bar",
    "fooBar",
    "Error",
    "Item",
    "a",
    "A",
    "V1ThingsCreateBody",
    "V1ThingsCreateResponse",
    "V1ThingsListResponse",
    "BaseModel",
    "Client",
    "Any",
    "List",
    "Optional",
    "Literal",
    "NotGiven",
    "RequestOptions",
    "SyncBaseClient",
    "Environment",
    "MagicHourError",
    "validation",
    "typing",
    "class",
    "None",
    "True",
    "_private",
    "123abc",
    "1",
    "str",
    "object",
    "Field",
)
OPERATION_IDS = (
    "doThing",
    "things.cancel",
    "aiGifGenerator.createImage",
    "cancel",
    "import",
    "class",
    "list",
    "get",
    "close",
    "__init__",
    "1st",
    "a-b",
    "x.",
    "with space",
)
TAG_NAMES = ("Things", "Ünïcode tag", 'tag with "quotes"', "{{tag}}")
ENUM_STRINGS = (
    "a",
    "b",
    "1:1",
    "640px",
    "Zoom In - Audio Sync",
    "",
    " ",
    "class",
    "None",
    "True",
    "null",
    "with space",
    "dash-ed",
    "dot.ted",
    "UPPER",
    "upper",
    "é",
    "日本",
    'a"b',
    "it's",
    "back\\slash",
    "{{x}}",
    "{% x %}",
    "line\nbreak",
    "'''",
    '"""',
    "2",
)
ENUM_INTS = (0, 1, -1, 2, 100, 2**31, 2**63, -(2**53) - 1)
MIXED_ENUM = (1, "a", True, False, 2.5, "1", 0, "")
PATTERNS = ("^[a-z]+$", "\\d+", '^"quoted"$', "[{}]", "^\\\\$", "a{2,3}", "^.*$", "[\"']")
STRING_FORMATS = (
    "date-time",
    "date",
    "uri",
    "email",
    "uuid",
    "password",
    "byte",
    "binary",
    "x-custom",
)
SECURITY_SCHEMES = {
    "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
    "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "apiKeyQuery": {"type": "apiKey", "in": "query", "name": "api_key"},
    "basicAuth": {"type": "http", "scheme": "basic"},
}


def names() -> st.SearchStrategy[str]:
    """Property and query parameter names: mostly hostile ones (built once: `NAMES`)."""
    return st.one_of(
        st.sampled_from(PLAIN_NAMES),
        st.sampled_from(HOSTILE_NAMES),
        st.text(alphabet="aZ_-. 09é", min_size=1, max_size=8),
    )


# Strategies without arguments are built once: hypothesis checks each new one it meets.
TEXTS = texts()
NAMES = names()
_PERCENT = st.integers(0, 99)
_BOOLEANS = st.booleans()
_DESCRIPTIONS = st.one_of(st.just("OK"), TEXTS)
_TITLES = st.one_of(st.just("Test API"), TEXTS)


# -- the draft: schemas with references still symbolic ----------------------------------------


@dataclass(frozen=True)
class Ref:
    """A `$ref` to `components/<section>/<name>`, spelled when the file holding it is known."""

    name: str
    section: str = "schemas"


@dataclass
class _Draft:
    files: int
    components: dict[str, tuple[int, Any]] = field(default_factory=dict)  # name -> (file, schema)
    # Parameters, request bodies and responses defined once in `components`: (section, name)
    # -> (file, definition).
    shared: dict[tuple[str, str], tuple[int, Any]] = field(default_factory=dict)
    objects: set[str] = field(default_factory=set)  # components that are plain objects
    reserved: set[str] = field(default_factory=set)  # components whose schema is being drawn
    operation_ids: set[str] = field(default_factory=set)


def _chance(draw: st.DrawFn, percent: int) -> bool:
    """True `percent` times in a hundred; shrinks to False."""
    return draw(_PERCENT) >= 100 - percent


def _decorate(draw: st.DrawFn, schema: dict[str, Any]) -> dict[str, Any]:
    if _chance(draw, 40):
        schema["description"] = draw(TEXTS)
    if _chance(draw, 10):
        schema["title"] = draw(TEXTS)
    if _chance(draw, 5):
        schema.update(draw(_extension()))
    return schema


def _extension() -> st.SearchStrategy[dict[str, Any]]:
    """A specification extension: data, whatever it looks like (a `$ref` in one is not one)."""
    return st.sampled_from(
        [
            {"x-internal": True},
            {"x-codegen": {"$ref": "#/components/schemas/DoesNotExist"}},
            {"x-{{name}}": '"""'},
            {"x-examples": [{"$ref": "nowhere.yaml#/x"}, None]},
        ]
    )


def _share(draw: st.DrawFn, draft: _Draft, section: str, value: Any) -> Any:
    """`value` as it is, or (now and then) defined in `components/<section>` and referenced."""
    if not _chance(draw, 15):
        return value
    prefix = {"parameters": "Param", "requestBodies": "Body", "responses": "Reply"}[section]
    name = f"{prefix}{len(draft.shared) + 1}"
    draft.shared[(section, name)] = (draw(st.integers(0, draft.files - 1)), value)
    return Ref(name, section)


@st.composite
def _scalar(draw: st.DrawFn, *, query: bool = False) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(
            ["string", "integer", "number", "boolean", "string_enum", "int_enum", "mixed_enum"]
            + ([] if query else ["null_enum", "only_null_enum"])
        )
    )
    schema: dict[str, Any]
    if kind == "string":
        schema = {"type": "string"}
        if _chance(draw, 25):
            schema["format"] = draw(st.sampled_from(STRING_FORMATS))
        if _chance(draw, 15):
            schema["pattern"] = draw(st.sampled_from(PATTERNS))
        else:
            text = draw(TEXTS)
            if _chance(draw, 30):
                schema["example"] = text
            if _chance(draw, 25):
                schema["default"] = text
            if _chance(draw, 20):
                schema["minLength"] = draw(st.integers(0, len(text)))
                schema["maxLength"] = len(text) + draw(st.integers(0, 5))
    elif kind in ("integer", "number"):
        if kind == "integer":
            value: Any = draw(st.integers(-(2**40), 2**40))
        else:
            value = draw(st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False))
        schema = {"type": kind}
        if kind == "integer" and _chance(draw, 20):
            schema["format"] = draw(st.sampled_from(["int32", "int64"]))
        if _chance(draw, 25):
            schema["default"] = value
        if _chance(draw, 25):
            schema["example"] = value
        if _chance(draw, 25):
            schema["minimum"] = value - draw(st.integers(0, 10))
            schema["exclusiveMinimum"] = draw(_BOOLEANS) and schema["minimum"] < value
        if _chance(draw, 25):
            schema["maximum"] = value + draw(st.integers(0, 10))
        if kind == "integer" and _chance(draw, 10):
            schema["multipleOf"] = 1
    elif kind == "boolean":
        schema = {"type": "boolean"}
        if _chance(draw, 25):
            schema["default"] = draw(_BOOLEANS)
    elif kind == "string_enum":
        values = draw(st.lists(st.sampled_from(ENUM_STRINGS), min_size=1, max_size=5, unique=True))
        schema = {"type": "string", "enum": values}
        if _chance(draw, 30):
            schema["default"] = draw(st.sampled_from(values))
    elif kind == "int_enum":
        values = draw(st.lists(st.sampled_from(ENUM_INTS), min_size=1, max_size=4, unique=True))
        schema = {"type": "integer", "enum": values}
        if _chance(draw, 30):
            schema["default"] = draw(st.sampled_from(values))
    elif kind == "mixed_enum":
        # No `type`: the values are of several types. (1, True) and (0, False) are equal in
        # Python but not in JSON, hence the key.
        values = draw(
            st.lists(
                st.sampled_from(MIXED_ENUM),
                min_size=2,
                max_size=5,
                unique_by=lambda v: (type(v), v),
            )
        )
        schema = {"enum": values}
    elif kind == "null_enum":
        values = draw(st.lists(st.sampled_from(ENUM_STRINGS), min_size=1, max_size=4, unique=True))
        schema = {"type": "string", "nullable": True, "enum": [*values, None]}
        if _chance(draw, 30):
            schema["default"] = None
    else:  # only_null_enum: a field that is always null
        schema = {"type": "string", "nullable": True, "enum": [None]}
    if not query and "nullable" not in schema and _chance(draw, 20):
        schema["nullable"] = True
    return _decorate(draw, schema)


@st.composite
def _schema(draw: st.DrawFn, draft: _Draft, depth: int) -> Any:
    """A schema where a property, an array item or a body may be (a dict, or a `Ref`)."""
    kinds = ["scalar", "scalar", "scalar", "ref"]
    if depth > 0:
        kinds += ["array", "object", "object", "map", "any", "allOf", "oneOf", "anyOf", "ref"]
    kind = draw(st.sampled_from(kinds))
    if kind == "scalar" or (kind == "ref" and depth <= 0 and not draft.components):
        return draw(_scalar())
    if kind == "ref":
        return draw(_ref(draft, depth - 1))
    if kind == "array":
        schema: dict[str, Any] = {"type": "array", "items": draw(_schema(draft, depth - 1))}
        if _chance(draw, 20):
            schema["minItems"] = draw(st.integers(0, 2))
        if _chance(draw, 15):
            schema["maxItems"] = draw(st.integers(2, 10))
        if _chance(draw, 10):
            schema["default"] = []
        if _chance(draw, 15):
            schema["nullable"] = True
        return _decorate(draw, schema)
    if kind == "object":
        return draw(_object(draft, depth - 1))
    if kind == "map":
        values = draw(st.one_of(st.just(True), _schema(draft, depth - 1)))
        schema = {"type": "object", "additionalProperties": values}
        if _chance(draw, 15):
            schema["nullable"] = True
        return _decorate(draw, schema)
    if kind == "any":
        return draw(st.sampled_from([{}, {"type": "object"}, {"nullable": True}]))
    if kind == "allOf":
        # Mostly objects, as allOf is used; now and then any schema.
        member = st.one_of(
            _ref(draft, depth - 1, object_only=True),
            _object(draft, depth - 1),
            _ref(draft, depth - 1),
        )
        members = draw(st.lists(member, min_size=1, max_size=3))
        schema = {"allOf": members}
        if _chance(draw, 30):
            schema["nullable"] = True  # the usual spelling of a nullable $ref in 3.0
        if _chance(draw, 20):
            schema["type"] = "object"
        return _decorate(draw, schema)
    # oneOf / anyOf
    if _chance(draw, 40):
        return draw(_discriminated(draft, kind, depth - 1))
    variants = draw(
        st.lists(
            st.one_of(_scalar(), _ref(draft, depth - 1), _schema(draft, depth - 1)),
            min_size=2,
            max_size=3,
        )
    )
    schema = {kind: variants}
    if _chance(draw, 15):
        schema["nullable"] = True
    return _decorate(draw, schema)


@st.composite
def _object(draw: st.DrawFn, draft: _Draft, depth: int, min_size: int = 1) -> dict[str, Any]:
    wire_names = draw(st.lists(NAMES, min_size=min_size, max_size=4, unique=True))
    properties: dict[str, Any] = {}
    for name in wire_names:
        value = draw(_schema(draft, depth))
        if isinstance(value, dict) and _chance(draw, 10):
            value = {**value, "deprecated": True}
        if isinstance(value, dict) and _chance(draw, 5):
            value = {**value, draw(st.sampled_from(["readOnly", "writeOnly"])): True}
        properties[name] = value
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if _chance(draw, 5):
        schema["example"] = {"$ref": "#/components/schemas/NotAReference"}  # data, not a $ref
    required = [n for n in wire_names if draw(_BOOLEANS)]
    if _chance(draw, 10) and "frame_cost" not in properties:
        required.append("frame_cost")  # a wart: required, but not among the properties
    if required:  # OpenAPI 3.0: `required` has at least one name
        schema["required"] = required
    extra = draw(st.sampled_from(["absent", "absent", "absent", "true", "false", "schema"]))
    if extra == "true":
        schema["additionalProperties"] = True
    elif extra == "false":
        schema["additionalProperties"] = False
    elif extra == "schema":
        schema["additionalProperties"] = draw(_schema(draft, depth - 1))
    return _decorate(draw, schema)


@st.composite
def _ref(draw: st.DrawFn, draft: _Draft, depth: int, *, object_only: bool = False) -> Ref:
    """A reference to a component drawn earlier, or to a new one (whose schema is drawn now).

    With `object_only`, the component is an object with properties (a body, say).
    """
    existing = sorted(draft.objects if object_only else draft.components)
    reuse: bool = draw(_BOOLEANS)
    if existing and reuse:
        return Ref(draw(st.sampled_from(existing)))
    free = [n for n in COMPONENT_NAMES if n not in draft.components and n not in draft.reserved]
    if not free:
        return Ref(draw(st.sampled_from(existing or sorted(draft.components))))
    name = draw(st.sampled_from(free))
    # Reserved while its schema is drawn, so that nothing inside refers back to it.
    draft.reserved.add(name)
    if depth < 0 and not object_only:
        schema = draw(_scalar())  # the bottom: no deeper components
    elif object_only or draw(st.integers(0, 9)) < 7:
        schema = draw(_object(draft, max(depth, 0)))
    else:
        schema = draw(_schema(draft, max(depth, 0)))
    if isinstance(schema, Ref):
        schema = {"allOf": [schema]}
    return _register(draw, draft, name, schema)


def _register(draw: st.DrawFn, draft: _Draft, name: str, schema: Any) -> Ref:
    home = draw(st.integers(0, draft.files - 1))
    draft.reserved.discard(name)
    draft.components[name] = (home, schema)
    if isinstance(schema, dict) and schema.get("properties") and set(schema) <= _OBJECT_KEYS:
        draft.objects.add(name)
    return Ref(name)


_OBJECT_KEYS = {"type", "properties", "required", "additionalProperties", "description", "title"}


@st.composite
def _discriminated(draw: st.DrawFn, draft: _Draft, kind: str, depth: int) -> dict[str, Any]:
    """`oneOf`/`anyOf` over new object components that all carry the discriminating property."""
    prop = draw(st.sampled_from(["kind", "type", "object_type", "@type", "class", "Kind"]))
    free = [n for n in COMPONENT_NAMES if n not in draft.components and n not in draft.reserved]
    if len(free) < 2:
        return draw(_scalar())
    chosen = draw(st.lists(st.sampled_from(free), min_size=2, max_size=3, unique=True))
    draft.reserved.update(chosen)
    with_mapping = draw(_BOOLEANS)
    mapping: dict[str, Ref] = {}
    variants = []
    for name in chosen:
        # Without a mapping, the value that picks a variant is its component's name.
        value = draw(st.sampled_from(ENUM_STRINGS)) if with_mapping else name
        while value in mapping:
            value += "+"
        schema = draw(_object(draft, max(depth, 0)))
        tag: dict[str, Any] = {"type": "string"}
        if draw(_BOOLEANS):
            tag["enum"] = [value]
        schema["properties"] = {
            prop: tag,
            **{k: v for k, v in schema["properties"].items() if k != prop},
        }
        schema["required"] = [prop, *[n for n in schema.get("required", []) if n != prop]]
        ref = _register(draw, draft, name, schema)
        mapping[value] = ref
        variants.append(ref)
    discriminator: dict[str, Any] = {"propertyName": prop}
    if with_mapping:
        discriminator["mapping"] = mapping
    return {kind: variants, "discriminator": discriminator}


# -- operations --------------------------------------------------------------------------------


@dataclass
class _Operation:
    file: int
    path: str
    verb: str
    body: dict[str, Any]


@st.composite
def _parameter(draw: st.DrawFn, where: str, name: str | None = None) -> dict[str, Any]:
    if name is None:
        if where == "query":
            name = draw(NAMES.filter(bool))
        else:
            name = draw(st.sampled_from(HEADER_NAMES))
    parameter: dict[str, Any] = {"name": name, "in": where}
    schema: dict[str, Any]
    if where == "path":
        parameter["required"] = True
        schema = draw(
            st.sampled_from(
                [
                    {"type": "string"},
                    {"type": "integer"},
                    {"type": "string", "format": "uuid"},
                    {"type": "string", "enum": ["a", "b c", "1:1"]},
                ]
            )
        )
    else:
        if draw(_BOOLEANS):
            parameter["required"] = draw(_BOOLEANS)
        if where == "query" and _chance(draw, 30):
            items = draw(_scalar(query=True))
            schema = {"type": "array", "items": items}
            if _chance(draw, 10):
                # `explode: false` (name=a,b) is rarer in the wild than the default.
                parameter["explode"] = _chance(draw, 70)
        else:
            schema = draw(_scalar(query=True))
    parameter["schema"] = schema
    if _chance(draw, 40):
        parameter["description"] = draw(TEXTS)
    if _chance(draw, 20):
        if schema.get("type") == "string" and "enum" not in schema:
            parameter["example"] = draw(TEXTS)
        elif "default" in schema or "enum" in schema:
            parameter["example"] = schema.get("default", schema.get("enum", [None])[0])
    if _chance(draw, 10):
        parameter["deprecated"] = True
    return parameter


@st.composite
def _json_content(draw: st.DrawFn, draft: _Draft, *, object_only: bool) -> dict[str, Any]:
    if object_only or draw(st.integers(0, 9)) < 8:
        schema = draw(st.one_of(_object(draft, 2), _ref(draft, 2, object_only=True)))
    else:
        schema = draw(_schema(draft, 2))
    media: dict[str, Any] = {"schema": schema}
    if _chance(draw, 15):
        media["example"] = draw(
            st.one_of(
                TEXTS,
                st.dictionaries(NAMES, TEXTS, max_size=3),
                st.just({"$ref": "#/components/schemas/NotAReference"}),
            )
        )
    return {"application/json": media}


@st.composite
def _responses(draw: st.DrawFn, draft: _Draft, verb: str) -> dict[Any, Any]:
    def description() -> str:
        return draw(_DESCRIPTIONS)

    shape = draw(
        st.sampled_from(["json", "json", "json", "none", "binary", "text", "several", "several"])
    )
    responses: dict[Any, Any] = {}
    if shape == "json":
        code = draw(st.sampled_from(["200", "201", 200, "202"]))
        responses[code] = {
            "description": description(),
            "content": draw(_json_content(draft, object_only=False)),
        }
    elif shape == "none":
        code = draw(st.sampled_from(["204", "200", 202]))
        responses[code] = {"description": description()}
    elif shape == "binary":
        content = {
            media: {"schema": {"type": "string", "format": "binary"}}
            for media in draw(
                st.lists(
                    st.sampled_from(["application/octet-stream", "image/png", "application/pdf"]),
                    min_size=1,
                    max_size=2,
                    unique=True,
                )
            )
        }
        if _chance(draw, 20):
            content["text/plain"] = {"schema": {"type": "string"}}
        if _chance(draw, 20):
            content.update(draw(_json_content(draft, object_only=True)))
        responses[draw(st.sampled_from(["200", "201"]))] = {
            "description": description(),
            "content": content,
        }
    elif shape == "text":
        responses["200"] = {
            "description": description(),
            "content": {"text/plain": {"schema": {"type": "string"}}},
        }
    else:
        codes = draw(
            st.lists(
                st.sampled_from(["200", "201", "202", "204", "206"]),
                min_size=2,
                max_size=3,
                unique=True,
            )
        )
        for code in sorted(codes):
            response: dict[str, Any] = {"description": description()}
            if code != "204" and draw(_BOOLEANS):
                response["content"] = draw(_json_content(draft, object_only=True))
            responses[code] = response
    for code in draw(
        st.lists(
            st.sampled_from(
                ["400", "401", "404", "418", "422", "429", "500", "503", "default", "2XX"]
            ),
            max_size=3,
            unique=True,
        )
    ):
        error: dict[str, Any] = {"description": description()}
        if _chance(draw, 30):
            # Usually one shared error schema, as real specs have it.
            schema = draw(_ref(draft, 0, object_only=True))
            error["content"] = {"application/json": {"schema": schema}}
        responses[code] = error
    return responses


@st.composite
def _operation(
    draw: st.DrawFn, draft: _Draft, path: str, verb: str, path_params: list[dict[str, Any]]
) -> dict[str, Any]:
    op: dict[str, Any] = {}
    is_item = path.endswith("}")
    needs_id = verb == "post" and is_item
    if needs_id or draw(_BOOLEANS):
        candidates = [i for i in OPERATION_IDS if i not in draft.operation_ids]
        operation_id = (
            draw(st.sampled_from(candidates)) if candidates else f"op{len(draft.operation_ids)}"
        )
        draft.operation_ids.add(operation_id)
        op["operationId"] = operation_id
    if draw(_BOOLEANS):
        op["summary"] = draw(TEXTS)
    if _chance(draw, 40):
        op["description"] = draw(TEXTS)
    if _chance(draw, 15):
        op["deprecated"] = True
    if _chance(draw, 40):
        op["tags"] = draw(st.lists(st.sampled_from(TAG_NAMES), min_size=1, max_size=2, unique=True))
    parameters = list(path_params)
    for where in draw(st.lists(st.sampled_from(["query", "query", "header"]), max_size=4)):
        parameters.append(draw(_parameter(where)))
    # Parameter names must be unique per location.
    seen: set[tuple[str, str]] = set()
    unique = []
    for parameter in parameters:
        key = (parameter["name"], parameter["in"])
        if key not in seen:
            seen.add(key)
            unique.append(_share(draw, draft, "parameters", parameter))
    if unique:
        op["parameters"] = unique
    if _chance(draw, 5):
        op.update(draw(_extension()))
    if verb in ("post", "put", "patch") and _chance(draw, 85):
        body: dict[str, Any] = {"content": draw(_json_content(draft, object_only=True))}
        if draw(_BOOLEANS):
            body["required"] = draw(_BOOLEANS)
        if _chance(draw, 20):
            body["description"] = draw(TEXTS)
        op["requestBody"] = _share(draw, draft, "requestBodies", body)
    op["responses"] = {
        code: _share(draw, draft, "responses", response)
        for code, response in draw(_responses(draft, verb)).items()
    }
    return op


@st.composite
def _operations(
    draw: st.DrawFn, draft: _Draft
) -> tuple[list[_Operation], dict[str, dict[str, Any]]]:
    """The operations, and the path-item-level fields (parameters, summary...) of some paths."""
    operations: list[_Operation] = []
    item_fields: dict[str, dict[str, Any]] = {}
    resources = draw(st.lists(st.sampled_from(RESOURCE_NAMES), min_size=1, max_size=3, unique=True))
    for resource in resources:
        prefix = draw(st.sampled_from(PREFIXES))
        base = f"/{prefix}/{resource}" if prefix else f"/{resource}"
        if _chance(draw, 15):
            base += "/" + draw(st.sampled_from(CHILD_NAMES))
        if _chance(draw, 5):
            base += "/"  # a trailing slash is part of the path
        # At most one `update` and one `delete` per resource, mostly: both verbs of a pair
        # would be the same method, a located error (and sometimes drawn on purpose).
        clash = _chance(draw, 10)
        collection = draw(
            st.lists(
                st.sampled_from(["get", "post", "put", "patch", "delete"]), max_size=3, unique=True
            )
        )
        item = draw(
            st.lists(
                st.sampled_from(["get", "put", "patch", "delete", "post"]), max_size=3, unique=True
            )
        )
        if not clash:
            used: set[str] = set()
            kept_collection: list[str] = []
            kept_item: list[str] = []
            for verbs, kept in ((collection, kept_collection), (item, kept_item)):
                for verb in verbs:
                    group = {"put": "update", "patch": "update", "delete": "delete"}.get(verb)
                    if group is not None and group in used:
                        continue
                    if group is not None:
                        used.add(group)
                    kept.append(verb)
            collection, item = kept_collection, kept_item
        if not collection and not item:
            collection = ["post"]
        if _chance(draw, 15):
            item_fields[base] = {"summary": draw(TEXTS), "description": draw(TEXTS)}
        for verb in collection:
            operations.append(
                _Operation(
                    draw(st.integers(0, draft.files - 1)),
                    base,
                    verb,
                    draw(_operation(draft, base, verb, [])),
                )
            )
        if item:
            param = draw(st.sampled_from(PATH_PARAM_NAMES))
            item_path = f"{base.rstrip('/')}/{{{param}}}"
            path_parameter = draw(_parameter("path", param))
            at_item_level = draw(_BOOLEANS)
            if at_item_level:
                item_fields[item_path] = {"parameters": [path_parameter]}
            for verb in item:
                own = [] if at_item_level else [path_parameter]
                operations.append(
                    _Operation(
                        draw(st.integers(0, draft.files - 1)),
                        item_path,
                        verb,
                        draw(_operation(draft, item_path, verb, own)),
                    )
                )
    return operations, item_fields


# -- the folder --------------------------------------------------------------------------------


def _spell(node: Any, file: int, draft: _Draft, files: list[str]) -> Any:
    """The draft as plain data for `file`: each `Ref` becomes a `$ref` relative to it."""
    if isinstance(node, Ref):
        return {"$ref": _ref_string(node, file, draft, files)}
    if isinstance(node, dict):
        spelled = {}
        for key, value in node.items():
            if key == "mapping" and value and all(isinstance(v, Ref) for v in value.values()):
                spelled[key] = {k: _ref_string(v, file, draft, files) for k, v in value.items()}
            else:
                spelled[key] = _spell(value, file, draft, files)
        return spelled
    if isinstance(node, list):
        return [_spell(value, file, draft, files) for value in node]
    return node


def _ref_string(ref: Ref, file: int, draft: _Draft, files: list[str]) -> str:
    if ref.section == "schemas":
        home = draft.components[ref.name][0]
    else:
        home = draft.shared[(ref.section, ref.name)][0]
    pointer = f"#/components/{ref.section}/" + ref.name.replace("~", "~0").replace("/", "~1")
    return pointer if home == file else files[home] + pointer


def _literal_blocks(node: Any) -> Any:
    """Multi-line strings as `|` block scalars, where YAML can hold them that way."""
    if isinstance(node, dict):
        return {k: _literal_blocks(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_literal_blocks(v) for v in node]
    if isinstance(node, str) and "\n" in node and not node.startswith(" "):
        lines = node.split("\n")
        if all(line == line.rstrip() and line.isprintable() for line in lines):
            return LiteralScalarString(node)
    return node


def dump_yaml(data: Any, *, block_scalars: bool = True) -> str:
    yaml = YAML(typ="rt", pure=True)
    stream = io.StringIO()
    yaml.dump(_literal_blocks(data) if block_scalars else data, stream)
    return stream.getvalue()


def load_yaml(text: str) -> Any:
    """What the generator's loader reads (ruamel round-trip), as plain data."""
    return plain(YAML(typ="rt", pure=True).load(text))


# Characters some readers (ruamel among them) count as line breaks.
RAW_LINE_BREAKS = ("\r", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e")


def _escaped_json(data: Any) -> str:
    """JSON (which YAML reads) with every unprintable character escaped, the YAML way."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    # Outside strings JSON has only printable characters and newlines; inside, it escapes the
    # newline. What it leaves raw and YAML may not read raw (or reads as a line break) goes.
    return (
        "".join(
            (
                c
                if c.isprintable() or c == "\n"
                else f"\\u{ord(c):04X}" if ord(c) < 0x10000 else f"\\U{ord(c):08X}"
            )
            for c in text
        )
        + "\n"
    )


def _text(data: dict[str, Any], style: str) -> str:
    """The document as YAML (block style) or JSON, checked to read back as the same data."""
    expected = plain(data)
    if style == "json":
        candidates = [lambda: json.dumps(expected, indent=2, ensure_ascii=False) + "\n"]
    else:
        candidates = [lambda: dump_yaml(data), lambda: dump_yaml(data, block_scalars=False)]
    # ruamel's emitter spells a few strings (one with U+0085, say) in a way it reads back
    # differently; the escaped JSON spelling always reads back.
    candidates.append(lambda: _escaped_json(expected))
    for candidate in candidates:
        text = candidate()
        # Only "\n" ends a line, so that a problem's line and column mean one thing.
        if any(c in text for c in RAW_LINE_BREAKS):
            continue
        try:
            if load_yaml(text) == expected:
                return text
        except Exception:
            continue
    raise AssertionError(f"specgen: no YAML spelling reads back as the document: {expected!r}")


@st.composite
def spec_documents(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    """The folder as data: file name -> OpenAPI document."""
    draft = _Draft(files=draw(st.integers(1, len(FILE_NAMES))))
    files = list(FILE_NAMES[: draft.files])
    operations, item_fields = draw(_operations(draft))

    info: dict[str, Any] = {
        "title": draw(_TITLES),
        "version": draw(st.sampled_from(["1", "1.0.0", "beta", "2024-01-01"])),
    }
    if _chance(draw, 40):
        info["description"] = draw(TEXTS)
    servers = draw(
        st.sampled_from(
            [
                None,
                [{"url": "https://api.example.com"}],
                [{"url": "http://localhost:8080/api"}, {"url": "https://api.example.com"}],
                [{"url": "/relative"}],
                [
                    {
                        "url": "https://{region}.example.com",
                        "variables": {"region": {"default": "eu"}},
                    }
                ],
            ]
        )
    )
    tags = None
    if _chance(draw, 40):
        tags = [
            {"name": name, "description": draw(TEXTS)}
            for name in draw(
                st.lists(st.sampled_from(TAG_NAMES), min_size=1, max_size=3, unique=True)
            )
        ]
    schemes = draw(st.lists(st.sampled_from(sorted(SECURITY_SCHEMES)), max_size=3, unique=True))
    security_defs = {name: dict(SECURITY_SCHEMES[name]) for name in schemes}
    if security_defs and _chance(draw, 30):
        for definition in security_defs.values():
            definition["description"] = draw(TEXTS)

    version = draw(st.sampled_from(["3.0.0", "3.0.1", "3.0.2", "3.0.3"]))
    documents: dict[str, dict[str, Any]] = {}
    for index, name in enumerate(files):
        document: dict[str, Any] = {"openapi": version, "info": info}
        if servers is not None:
            document["servers"] = servers
        file_security: bool = draw(_BOOLEANS)
        if schemes and file_security:
            document["security"] = draw(_security(schemes))
        if tags is not None:
            document["tags"] = tags
        paths: dict[str, Any] = {}
        for op in operations:
            if op.file != index:
                continue
            # The same fields in every file that has the path, as the merger requires.
            item = paths.setdefault(op.path, dict(item_fields.get(op.path, {})))
            body = dict(op.body)
            if schemes and _chance(draw, 30):
                body["security"] = draw(_security(schemes))
            item[op.verb] = body
        document["paths"] = paths
        components: dict[str, Any] = {}
        schemas = {n: schema for n, (home, schema) in draft.components.items() if home == index}
        if schemas:
            components["schemas"] = schemas
        for (section, shared_name), (home, value) in draft.shared.items():
            if home == index:
                components.setdefault(section, {})[shared_name] = value
        if security_defs:  # in every file, so that each names only schemes it declares
            components["securitySchemes"] = security_defs
        if components:
            document["components"] = components
        documents[name] = _spell(document, index, draft, files)
    return documents


@st.composite
def _security(draw: st.DrawFn, schemes: list[str]) -> list[dict[str, list[str]]]:
    alternatives = draw(
        st.lists(st.lists(st.sampled_from(schemes), max_size=2, unique=True), max_size=2)
    )
    return [{name: [] for name in names_} for names_ in alternatives]


@st.composite
def spec_folders(draw: st.DrawFn) -> dict[str, str]:
    """A folder of spec files: file name -> YAML text (now and then plain JSON, also YAML)."""
    documents = draw(spec_documents())
    return {
        name: _text(document, draw(st.sampled_from(["yaml", "yaml", "yaml", "json"])))
        for name, document in documents.items()
    }
