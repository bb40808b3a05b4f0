"""Stage 2: the intermediate representation, the API in the generator's own terms.

Every decision about the output is made here, once: resource and method names, class and
module names, field names, Python annotations, validation rules, docstrings and examples.
The templates only lay these values out.
"""

from __future__ import annotations

import dataclasses
import http
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from openapi_pydantic.v3.v3_0 import (
    MediaType,
    Operation,
    Parameter,
    PathItem,
    Reference,
    RequestBody,
    Response,
    Schema,
    SecurityScheme,
)

from generator.load import HTTP_METHODS, LoadedSpec, Pointer
from generator.naming import (
    CLIENT_RESERVED,
    MODEL_RESERVED,
    RESERVED,
    class_module,
    class_name,
    is_plain_key,
    pascal,
    python_name,
    snake,
    words,
)
from generator.problems import Location, Problem, SpecError

PACKAGE = "magic_hour"
# Where `Environment.MOCK_SERVER` points: the local mock server's default address.
MOCK_SERVER_URL = "http://127.0.0.1:4010"
JSON = "application/json"
# Which projects a tag says an operation creates, and the resource that reports on them.
PROJECT_TAGS = {"Image Projects": "image", "Video Projects": "video", "Audio Projects": "audio"}
# The tag of the operation that hands out upload URLs for local files (`files.upload_urls`).
UPLOAD_TAG = "Files"
# A body field whose name ends so holds an input file: a URL, a storage path, or a local file.
ASSET_SUFFIX = "_file_path"
# The arguments `generate` takes on top of `create`'s, with their documentation.
WORKFLOW_ARGUMENTS = (
    (
        "wait_for_completion",
        "bool",
        "True",
        "Wait until the project is complete, errored or canceled.",
    ),
    ("download_outputs", "bool", "True", "Download the outputs of a complete project."),
    (
        "download_directory",
        'typing.Union[str, "os.PathLike[str]", None]',
        "None",
        "Where to save the outputs (default: the current directory); created if missing."
        " An existing file is never replaced: a taken name gets a `-1`, `-2`, ... suffix.",
    ),
    (
        "wait_timeout",
        "typing.Optional[float]",
        "None",
        "Seconds to wait for the project before GenerationTimeoutError"
        " (default: 10 minutes for images, 1 hour for videos, 20 minutes for audio).",
    ),
    (
        "poll_interval",
        "typing.Optional[float]",
        "None",
        "Seconds between the first status checks, backing off from there"
        " (default: 2 s growing to 3 s for images, 5 s growing to 10 s for videos).",
    ),
    (
        "on_progress",
        "typing.Optional[ProgressCallback]",
        "None",
        "Called with a `Progress` on each status change and as each chunk of an output is saved.",
    ),
)
# Names `generate` uses itself: its own arguments and the locals of its body.
GENERATE_NAMES = frozenset(
    {name for name, *_ in WORKFLOW_ARGUMENTS} | {"workflow", "uploaded", "created"}
)
# Method names by (verb, whether the path ends in a `{parameter}`). POST on an item has no rule:
# such an operation is named from its operationId.
METHOD_NAMES = {
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
# JSON Schema keywords the client enforces, in the order its rules list them.
CONSTRAINTS = (
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "exclusiveMinimum",
    "maximum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
)
# What a `$ref` is expected to land on: a parameter, a request body, a response.
NodeT = TypeVar("NodeT")
# Names the generated modules import from the runtime: no schema class may take one.
RUNTIME_NAMES = frozenset(
    {
        "Client",
        "AsyncClient",
        "Environment",
        "Expected",
        "NotGiven",
        "RequestOptions",
        "SyncBaseClient",
        "AsyncBaseClient",
        "AssetField",
        "SyncWorkflow",
        "AsyncWorkflow",
        "ProgressCallback",
    }
)
# How the runtime sends the API key by default (`core.base_client.BEARER`): (where, name) pairs.
BEARER = (("bearer", "Authorization"),)
# Enum values a `typing_extensions.Literal` can hold; other enums are checked by the rule only.
LITERAL_TYPES = (str, int, bool)


@dataclass
class SchemaType:
    """A schema as the client sees it: its kind, constraints, and the Python types for it."""

    kind: str  # string | integer | number | boolean | array | object | union | any
    nullable: bool
    description: str
    enum: list[Any] | None
    constraints: dict[str, Any]
    format: str | None
    items: SchemaType | None = None
    fields: list[FieldInfo] = field(default_factory=list)
    open_object: bool = False  # an object that takes keys it does not list
    values: SchemaType | None = None  # the type of those keys' values, if the spec gives it
    params_class: str | None = None
    model_class: str | None = None
    example: Any = None
    has_example: bool = False
    default: Any = None
    has_default: bool = False
    deprecated: bool = False
    variants: list[SchemaType] = field(default_factory=list)  # of a union
    exclusive: bool = False  # a `oneOf` union: exactly one variant may match
    discriminator: tuple[str, dict[str, int]] | None = None  # property, value -> variant
    param_annotation: str = "typing.Any"
    model_annotation: str = "typing.Any"
    rule: dict[str, Any] = field(default_factory=dict)


@dataclass
class FieldInfo:
    wire_name: str
    py_name: str
    required: bool
    schema: SchemaType
    description: str

    @property
    def doc(self) -> str:
        return docstring_text(self.description)

    @property
    def model_field_arguments(self) -> str:
        """The arguments of the model field's `pydantic.Field(...)`."""
        arguments = []
        if not self.required:
            default = self.schema.default if self.schema.has_default else None
            arguments.append(f"default={python_literal(default)}")
        arguments.append(f"alias={python_literal(self.wire_name)}")
        if self.schema.deprecated:
            arguments.append("deprecated=True")
        return ", ".join(arguments)

    @property
    def model_annotation(self) -> str:
        """The response-model annotation: a field the server may leave out can be None."""
        annotation = self.schema.model_annotation
        if self.required or annotation.startswith("typing.Optional["):
            return annotation
        return f"typing.Optional[{annotation}]"


@dataclass
class ParamsClass:
    """A request-side TypedDict in `magic_hour.types.params`."""

    name: str
    module: str
    description: str
    fields: list[FieldInfo]
    functional_syntax: bool  # some wire name cannot be a class attribute
    imports: list[tuple[str, str]]  # (module, class) of other params classes used

    @property
    def doc(self) -> str:
        return docstring_text(self.description or self.name)


@dataclass
class ModelClass:
    """A response-side pydantic model in `magic_hour.types.models`."""

    name: str
    module: str
    description: str
    fields: list[FieldInfo]
    imports: list[tuple[str, str]]
    base: str | None = None  # another model this one extends

    @property
    def doc(self) -> str:
        return docstring_text(self.description or self.name)


@dataclass
class Argument:
    """One keyword argument of a generated method."""

    wire_name: str
    py_name: str
    location: str  # path | query | header | body
    required: bool
    annotation: str  # as written in the signature, NotGiven included when optional
    description: str
    schema: SchemaType
    example: str | None  # Python source of an example value
    deprecated: bool = False

    @property
    def rule(self) -> dict[str, Any]:
        return {**self.schema.rule, "deprecated": True} if self.deprecated else self.schema.rule


@dataclass
class SuccessResponse:
    """A 2xx response: what a method returns when the API answers with `status`."""

    status: int
    kind: str  # json | text | binary | empty
    schema: SchemaType | None  # of a JSON response; None when the spec gives none
    media_type: str | None

    @property
    def annotation(self) -> str:
        if self.kind == "json":
            return self.schema.model_annotation if self.schema else "typing.Any"
        return {"text": "str", "binary": "bytes", "empty": "None"}[self.kind]


@dataclass
class Operation_:
    method_name: str
    http_method: str
    path: str
    summary: str
    description: str  # the spec's Markdown
    docstring: str
    async_docstring: str  # the same, its example awaited
    arguments: list[Argument]
    parameters_rule: dict[str, Any] | None  # path, query and header arguments, by wire name
    body_arguments: list[Argument]  # in the spec's order, which is the order they are sent in
    body_rule: dict[str, Any] | None
    body_params_class: str | None
    responses: list[SuccessResponse]  # the 2xx ones
    response_model: str | None  # the model class of the only response, if it has one
    response_example: Any
    success_status: int
    error_statuses: list[int]
    project_kind: str | None  # the kind of project a `create` starts
    reports_on: str | None  # the kind of project a `get` returns
    tags: list[str]
    example_call: str
    file: str
    deprecated: bool
    auth: tuple[tuple[str, str], ...] = BEARER
    workflow: Workflow | None = None

    @property
    def return_annotation(self) -> str:
        return _union_of([r.annotation for r in self.responses])

    @property
    def response_name(self) -> str:
        return f"_{self.method_name.upper()}_RESPONSE"

    @property
    def expected_arguments(self) -> str:
        """The arguments of the runtime's `Expected`: each status by the kind of its body."""
        json_types = ", ".join(f"{r.status}: {r.annotation}" for r in self.json_responses)
        arguments = [f"json={{{json_types}}}"] if json_types else []
        for kind in ("text", "binary", "empty"):
            statuses = tuple(r.status for r in self.responses if r.kind == kind)
            if statuses:
                arguments.append(f"{kind}={python_literal(statuses)}")
        return ", ".join(arguments)

    @property
    def default_auth(self) -> tuple[tuple[str, str], ...]:
        """How the runtime sends the key when the method does not say (`BEARER`)."""
        return BEARER

    @property
    def json_responses(self) -> list[SuccessResponse]:
        return [r for r in self.responses if r.kind == "json"]

    @property
    def parameters_rule_name(self) -> str:
        return f"_{self.method_name.upper()}_PARAMETERS_RULE"

    @property
    def body_rule_name(self) -> str:
        return f"_{self.method_name.upper()}_BODY_RULE"

    @property
    def path_arguments(self) -> list[Argument]:
        return [a for a in self.arguments if a.location == "path"]

    @property
    def query_arguments(self) -> list[Argument]:
        return [a for a in self.arguments if a.location == "query"]

    @property
    def header_arguments(self) -> list[Argument]:
        return [a for a in self.arguments if a.location == "header"]


@dataclass
class AssetField:
    """A body field that names an input file, as the runtime's `AssetField` takes it."""

    path: tuple[str, ...]  # wire names from the top of the body; "[]" steps into array items
    asset_type: str | None  # from the field name, when it names an upload type


@dataclass
class Workflow:
    """What `generate` adds to a `create`: upload local assets, wait for the project, download."""

    kind: str  # image | video | audio
    getter: Resource  # has the `get` that reports on this kind of project
    getter_operation: Operation_  # that `get`
    result_model: str  # the getter's response plus `downloaded_paths`
    assets: list[AssetField]
    uploader: Resource | None  # has the `create` that hands out upload URLs
    steps: list[str]
    docstring: str
    async_docstring: str
    example_call: str

    @property
    def extra_arguments(self) -> tuple[tuple[str, str, str, str], ...]:
        """(name, annotation, default, description) of each argument `create` does not take."""
        return WORKFLOW_ARGUMENTS


@dataclass
class Resource:
    attribute: str  # name on the parent: `ai_gif_generator`
    class_name: str  # `AiGifGeneratorClient`; the async one adds `Async`
    module: str  # `magic_hour.resources.v1.ai_gif_generator`
    access_path: str  # `client.v1.ai_gif_generator`
    children: list[Resource] = field(default_factory=list)
    operations: list[Operation_] = field(default_factory=list)
    params_imports: list[tuple[str, str]] = field(default_factory=list)  # (module, class)
    model_imports: list[tuple[str, str]] = field(default_factory=list)

    @property
    def doc(self) -> str:
        """The client module's docstring: the access path and what each method sends."""
        methods = ", ".join(
            f"{op.method_name} ({op.http_method} {op.path})" for op in self.operations
        )
        return docstring_text(
            f"`{self.access_path}`: {methods}." if methods else f"`{self.access_path}`."
        )

    @property
    def has_deprecated(self) -> bool:
        return any(op.deprecated for op in self.operations)

    @property
    def workflow(self) -> Workflow | None:
        return next((op.workflow for op in self.operations if op.workflow), None)

    @property
    def async_class_name(self) -> str:
        return f"Async{self.class_name}"

    @property
    def directory(self) -> str:
        return self.module.replace(".", "/")

    def walk(self) -> list[Resource]:
        return [self, *(r for child in self.children for r in child.walk())]


@dataclass
class ErrorClass:
    status: int | None  # None for the 5xx class
    name: str
    description: str


@dataclass
class Api:
    title: str
    version: str
    description: str
    base_url: str
    mock_server_url: str
    package: str
    root: Resource
    params_classes: list[ParamsClass]
    model_classes: list[ModelClass]
    error_classes: list[ErrorClass]

    @property
    def title_line(self) -> str:
        """The title on one line, as Markdown headings and docstrings show it."""
        return " ".join(self.title.split())

    @property
    def title_doc(self) -> str:
        return docstring_text(self.title_line)

    @property
    def description_toml(self) -> str:
        """The package description as a TOML string (JSON's escapes are TOML's)."""
        text = (
            f"Typed Python client for the {self.title_line}, generated from its OpenAPI documents"
        )
        # DEL is the one control character JSON leaves as it is and TOML refuses.
        return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")

    @property
    def resources(self) -> list[Resource]:
        return [r for child in self.root.children for r in child.walk()]

    @property
    def operations(self) -> list[Operation_]:
        return [op for r in self.resources for op in r.operations]

    @property
    def workflows(self) -> list[Workflow]:
        return [op.workflow for op in self.operations if op.workflow is not None]


def build_api(spec: LoadedSpec) -> Api:
    """The intermediate representation of the loaded spec; raises SpecError on what it cannot take."""
    return _Builder(spec).build()


# Line boundaries JSON leaves as they are, where `str.splitlines` (docstrings, Jinja's `indent`)
# would cut a literal in two: escaped.
_LINE_BOUNDARIES = str.maketrans({"\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def python_literal(value: Any) -> str:
    """Python source for a JSON value, with double-quoted strings as in the published docs."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).translate(_LINE_BOUNDARIES)
    if isinstance(value, list):
        return "[" + ", ".join(python_literal(v) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(python_literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{python_literal(str(k))}: {python_literal(v)}" for k, v in value.items())
            + "}"
        )
    raise TypeError(f"not a JSON value: {value!r}")


# The serialisation each parameter location supports (OpenAPI's default for it).
_STYLES = {"path": "simple", "query": "form", "header": "simple"}
# An HTTP header name: a `token` of RFC 9110.
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def docstring_text(text: str) -> str:
    """Text that sits safely inside a triple-quoted docstring."""
    text = "\n".join(line.rstrip() for line in text.splitlines())
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    # Control characters (a NUL byte makes the file unreadable to Python) as escapes.
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    if text.endswith('"'):
        text = text[:-1] + '\\"'
    return text


class _Builder:
    def __init__(self, spec: LoadedSpec) -> None:
        self.spec = spec
        self.document = spec.document
        self.problems: list[Problem] = []
        self.params_classes: dict[str, ParamsClass] = {}
        self.model_classes: dict[str, ModelClass] = {}
        self.class_names: set[str] = set(RUNTIME_NAMES)
        self.resource_class_names: set[str] = {"Client", "AsyncClient"}
        self.class_modules: set[str] = set()
        self.error_statuses: set[int] = set()
        self.components_in_progress: set[tuple[str, str]] = set()
        self.component_types: dict[tuple[str, str], SchemaType] = {}

    # -- the whole API -------------------------------------------------------------------

    def build(self) -> Api:
        root = Resource(
            attribute="", class_name="", module=f"{PACKAGE}.resources", access_path="client"
        )
        method_owner: dict[tuple[str, str], Location] = {}
        for path in sorted(self.document.paths or {}):
            item = self.document.paths[path]
            for verb in HTTP_METHODS:
                operation = getattr(item, verb)
                if operation is None:
                    continue
                built = self._operation(path, verb, operation, item, root, method_owner)
                if built is not None:
                    built[0].operations.append(built[1])
        self._workflows(root)
        self._attribute_clashes(root)
        if self.problems:
            raise SpecError(self.problems)
        for resource in root.walk():
            self._resource_imports(resource)
        info = self.document.info
        servers = self.document.servers or []
        base_url = servers[0].url if servers else "http://localhost"
        return Api(
            title=info.title,
            version=info.version,
            description=(info.description or "").strip(),
            base_url=base_url,
            mock_server_url=MOCK_SERVER_URL,
            package=PACKAGE,
            root=root,
            params_classes=sorted(self.params_classes.values(), key=lambda c: c.name),
            model_classes=sorted(self.model_classes.values(), key=lambda c: c.name),
            error_classes=self._error_classes(),
        )

    def _attribute_clashes(self, root: Resource) -> None:
        """A sub-resource may not take the name of a method of its parent."""
        for resource in root.walk():
            methods = {op.method_name for op in resource.operations}
            if resource.workflow is not None:
                methods.add("generate")
            for child in resource.children:
                if child.attribute in methods:
                    op = next(op for r in child.walk() for op in r.operations)
                    here = self.spec.locate(
                        op.file, ("paths", op.path, op.http_method.lower()), key=True
                    )
                    message = (
                        f"{op.http_method} {op.path}: its resource {child.access_path} has the"
                        f" name of the method {resource.access_path}.{child.attribute}"
                    )
                    self.problems.append(Problem(here, message))

    def _workflows(self, root: Resource) -> None:
        """Give each project-creating `create` its `generate`: the getter, uploads, result type."""
        getters: dict[str, tuple[Resource, Operation_]] = {}
        uploader: Resource | None = None
        for resource in root.walk():
            for op in resource.operations:
                if op.reports_on and op.response_model:
                    getters.setdefault(op.reports_on, (resource, op))
                if op.method_name == "create" and UPLOAD_TAG in op.tags and uploader is None:
                    uploader = resource
        upload_types = _upload_types(uploader)
        for resource in root.walk():
            for op in resource.operations:
                if op.project_kind is None:
                    continue
                here = self.spec.locate(
                    op.file, ("paths", op.path, op.http_method.lower()), key=True
                )
                clashes = sorted({a.py_name for a in op.arguments} & GENERATE_NAMES)
                if clashes:
                    names = ", ".join(repr(name) for name in clashes)
                    message = (
                        f"{op.http_method} {op.path}: `generate` uses the names {names} itself"
                    )
                    self.problems.append(Problem(here, message))
                    continue
                if op.project_kind not in getters:
                    message = (
                        f"{op.http_method} {op.path} creates {op.project_kind} projects, but no"
                        f" GET on an item path tagged {_tag_of(op.project_kind)!r} reports on them"
                    )
                    self.problems.append(Problem(here, message))
                    continue
                asset_fields = [
                    AssetField(path, _asset_type(path[-1], upload_types))
                    for argument in op.body_arguments
                    for path in _asset_paths(argument.schema, (argument.wire_name,))
                ]
                if asset_fields and uploader is None:
                    message = (
                        f"{op.http_method} {op.path} takes input files, but no POST tagged"
                        f" {UPLOAD_TAG!r} hands out upload URLs for them"
                    )
                    self.problems.append(Problem(here, message))
                    continue
                getter, getter_op = getters[op.project_kind]
                missing = self._missing_fields(op, {"id"}) or self._missing_fields(
                    getter_op, {"id", "status", "downloads"}
                )
                if missing:
                    self.problems.append(Problem(here, missing))
                    continue
                result = self._result_model(getter_op.response_model or "", here)
                op.workflow = Workflow(
                    kind=op.project_kind,
                    getter=getter,
                    getter_operation=getter_op,
                    result_model=result,
                    assets=asset_fields,
                    uploader=uploader if asset_fields else None,
                    steps=[],
                    docstring="",
                    async_docstring="",
                    example_call="",
                )
                op.workflow.steps = _generate_steps(resource, op, getter)
                op.workflow.example_call = _generate_example_call(resource, op)
                text = _generate_docstring(resource, op)
                call = op.workflow.example_call
                op.workflow.docstring = docstring_text(_with_example(text, call))
                op.workflow.async_docstring = docstring_text(_with_example(text, f"await {call}"))

    def _missing_fields(self, op: Operation_, names: set[str]) -> str | None:
        """Why `generate` cannot use `op`'s response, if its model lacks one of `names`."""
        model = self.model_classes.get(op.response_model or "")
        present = {f.wire_name for f in model.fields} if model else set()
        absent = sorted(names - present)
        if not absent:
            return None
        fields = ", ".join(repr(name) for name in absent)
        return f"{op.http_method} {op.path}: `generate` needs {fields} in the JSON response"

    def _result_model(self, base: str, here: Location) -> str:
        """The getter's response model plus `downloaded_paths`, as the published SDK has it."""
        name = f"{base}WithDownloads"
        if name in self.model_classes:
            return name
        if name in self.class_names or class_module(name) in self.class_modules:
            self.problems.append(Problem(here, f"the class name {name} is already taken"))
            return name
        self.class_names.add(name)
        self.class_modules.add(class_module(name))
        paths = SchemaType(
            kind="array",
            nullable=True,
            description="",
            enum=None,
            constraints={},
            format=None,
            model_annotation="typing.List[str]",
        )
        self.model_classes[name] = ModelClass(
            name=name,
            module=class_module(name),
            description=f"`{base}` as `generate` returns it: the project, and where its outputs were saved.",
            fields=[
                FieldInfo(
                    wire_name="downloaded_paths",
                    py_name="downloaded_paths",
                    required=False,
                    schema=paths,
                    description="The files the outputs were saved to, in the order of `downloads`;"
                    " None when nothing was downloaded.",
                )
            ],
            imports=[(self.model_classes[base].module, base)],
            base=base,
        )
        return name

    def _error_classes(self) -> list[ErrorClass]:
        # The runtime retries on 429 and 5xx, so those always have a class of their own.
        statuses = sorted(self.error_statuses | {429})
        classes = []
        for status in statuses:
            if status >= 500:
                continue
            name, phrase = _error_class_name(status)
            classes.append(ErrorClass(status, name, f"The API answered {status} {phrase}."))
        classes.append(
            ErrorClass(None, "InternalServerError", "The API answered with a 5xx status.")
        )
        return classes

    def _resource_imports(self, resource: Resource) -> None:
        params: set[str] = set()
        models: set[str] = set()
        for op in resource.operations:
            for argument in op.arguments:
                params |= _referenced(argument.schema, "params")
            for response in op.json_responses:
                if response.schema is not None:
                    models |= _referenced(response.schema, "model")
            if op.workflow is not None:
                models.add(op.workflow.result_model)
        resource.params_imports = sorted((self.params_classes[n].module, n) for n in params)
        resource.model_imports = sorted((self.model_classes[n].module, n) for n in models)

    def _resource_for(self, root: Resource, segments: list[str]) -> Resource:
        node = root
        for segment in segments:
            attribute = python_name(segment, set(), CLIENT_RESERVED if node is root else RESERVED)
            for child in node.children:
                if child.attribute == attribute:
                    node = child
                    break
            else:
                # Unique across the package, async twins included: a workflow imports the
                # classes of other resources, and `client.py` defines `Client` itself.
                stem = pascal(attribute.split("_")) + "Client"
                class_name, counter = stem, 2
                while {class_name, f"Async{class_name}"} & self.resource_class_names:
                    class_name, counter = f"{stem[: -len('Client')]}{counter}Client", counter + 1
                self.resource_class_names |= {class_name, f"Async{class_name}"}
                child = Resource(
                    attribute=attribute,
                    class_name=class_name,
                    module=f"{node.module}.{attribute}",
                    access_path=f"{node.access_path}.{attribute}",
                )
                node.children.append(child)
                node.children.sort(key=lambda r: r.attribute)
                node = child
        return node

    # -- operations ----------------------------------------------------------------------

    def _operation(
        self,
        path: str,
        verb: str,
        operation: Operation,
        item: PathItem,
        root: Resource,
        method_owner: dict[tuple[str, str], Location],
    ) -> tuple[Resource, Operation_] | None:
        file = self.spec.operation_files[(path, verb)]
        base: Pointer = ("paths", path, verb)
        here = self.spec.locate(file, base, key=True)
        for where, owner in (((*base, "servers"), operation), (("paths", path, "servers"), item)):
            if owner.servers:
                item_file = self.spec.path_item_files.get((path, "servers"), file)
                message = "'servers' on a path or operation is not supported (only at the top)"
                self._problem(file if owner is operation else item_file, where, message, key=True)
                return None
        segments = [s for s in path.strip("/").split("/") if s]
        static = [s for s in segments if not s.startswith("{")]
        if not static:
            self.problems.append(
                Problem(
                    here, f"{verb.upper()} {path}: a path needs a name segment to become a resource"
                )
            )
            return None
        is_item = bool(segments) and segments[-1].startswith("{")
        method_name = METHOD_NAMES.get((verb, is_item))
        if method_name is None:
            # No rule for the verb on this path: the operationId names it, else the verb does.
            named = words(operation.operationId.split(".")[-1]) if operation.operationId else []
            method_name = python_name(snake(named) or verb, {"generate"})
        resource = self._resource_for(root, static)
        key = (resource.access_path, method_name)
        if key in method_owner:
            message = f"{verb.upper()} {path} would be {resource.access_path}.{method_name}, already taken by {method_owner[key]}"
            self.problems.append(Problem(here, message))
            return None
        method_owner[key] = here

        name_parts = [*(w for s in static for w in words(s)), *words(method_name)]
        arguments: list[Argument] = []
        taken: set[str] = set()
        for parameter_file, pointer, parameter in self._parameters(
            path, file, base, item, operation
        ):
            argument = self._parameter(parameter_file, pointer, parameter, taken)
            if argument is not None:
                arguments.append(argument)
        variables = re.findall(r"\{([^{}]+)\}", path)
        path_names = {a.wire_name for a in arguments if a.location == "path"}
        for variable in variables:
            if variable not in path_names:
                message = f"{verb.upper()} {path}: the path variable {{{variable}}} has no 'in: path' parameter"
                self.problems.append(Problem(here, message))
        for name in sorted(path_names - set(variables)):
            self.problems.append(
                Problem(here, f"{verb.upper()} {path}: path parameter '{name}' is not in the path")
            )

        parameters_rule = None
        if arguments:
            parameters_rule = {
                "type": "object",
                "properties": {a.wire_name: a.rule for a in arguments},
                "required": [a.wire_name for a in arguments if a.required],
            }
        body_rule = None
        body_class = None
        body_arguments: list[Argument] = []
        if operation.requestBody is not None:
            body = self._request_body(
                file, (*base, "requestBody"), operation.requestBody, name_parts, taken
            )
            if body is not None:
                body_schema, body_arguments = body
                arguments.extend(body_arguments)
                body_rule = body_schema.rule
                body_class = body_schema.params_class

        # Required arguments first: the signature reads as the docs' parameter table.
        arguments.sort(key=lambda a: not a.required)
        responses = self._responses(file, (*base, "responses"), operation, name_parts)
        if responses is None:
            return None
        # What `generate` and the docs build on: the response, if one JSON schema describes it.
        schemas = [r.schema for r in responses if r.kind == "json"]
        response_type = schemas[0] if len(schemas) == len(responses) == 1 else None
        kinds = [PROJECT_TAGS[t] for t in operation.tags or [] if t in PROJECT_TAGS]
        kind = kinds[0] if kinds else None

        example_call = _example_call(f"{resource.access_path}.{method_name}", arguments)
        op = Operation_(
            method_name=method_name,
            http_method=verb.upper(),
            path=path,
            summary=(operation.summary or "").strip(),
            description=(operation.description or "").strip(),
            docstring="",
            async_docstring="",
            arguments=arguments,
            parameters_rule=parameters_rule,
            body_arguments=body_arguments,
            body_rule=body_rule,
            body_params_class=body_class,
            responses=responses,
            response_model=response_type.model_class if response_type else None,
            response_example=example_value(response_type, complete=True) if response_type else None,
            success_status=responses[0].status,
            error_statuses=sorted(
                int(s) for s in operation.responses if s.isdigit() and int(s) >= 400
            ),
            project_kind=kind if method_name == "create" else None,
            reports_on=kind if method_name == "get" else None,
            tags=list(operation.tags or []),
            example_call=example_call,
            file=file,
            deprecated=bool(operation.deprecated),
        )
        auth = self._auth(file, base, operation)
        if auth is None:
            return None
        op.auth = auth
        text = _operation_docstring(op, operation)
        op.docstring = docstring_text(_with_example(text, op.example_call))
        op.async_docstring = docstring_text(_with_example(text, f"await {op.example_call}"))
        return resource, op

    def _auth(
        self, file: str, base: Pointer, operation: Operation
    ) -> tuple[tuple[str, str], ...] | None:
        """How the operation sends the API key: the first security requirement this client meets."""
        if operation.security is None:
            return BEARER
        if not operation.security:
            return ()
        components = self.document.components
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
                    self._problem(file, (*base, "security", index, name), message, key=True)
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
        self._problem(file, (*base, "security"), message, key=True)
        return None

    def _parameters(
        self, path: str, file: str, base: Pointer, item: PathItem, operation: Operation
    ) -> list[tuple[str, Pointer, Parameter]]:
        """The operation's parameters: those of the path item, overridden by its own."""
        item_file = self.spec.path_item_files.get((path, "parameters"), file)
        found: dict[tuple[str, str], tuple[str, Pointer, Parameter]] = {}
        sources = [
            (item_file, ("paths", path, "parameters"), item.parameters),
            (file, (*base, "parameters"), operation.parameters),
        ]
        for source_file, list_pointer, parameters in sources:
            for index, parameter in enumerate(parameters or []):
                resolved = self._follow(
                    source_file, (*list_pointer, index), parameter, Parameter, "parameter"
                )
                if resolved is not None:
                    found[(resolved[2].name, resolved[2].param_in.value)] = resolved
        return list(found.values())

    def _follow(
        self, file: str, pointer: Pointer, node: Any, kind: type[NodeT], what: str
    ) -> tuple[str, Pointer, NodeT] | None:
        """`node` itself, or what its `$ref` points at, which must be a `kind` (a `what`)."""
        if isinstance(node, Reference):
            resolved = self._resolve(file, pointer, node.ref)
            if resolved is None:
                return None
            file, pointer, node = resolved
        if not isinstance(node, kind):
            location = self.spec.locate(file, pointer)
            self.problems.append(Problem(location, f"this $ref must point at a {what}"))
            return None
        return file, pointer, node

    def _parameter(
        self, file: str, pointer: Pointer, parameter: Parameter, taken: set[str]
    ) -> Argument | None:
        where = parameter.param_in.value
        if where == "cookie":
            self.problems.append(
                Problem(
                    self.spec.locate(file, (*pointer, "in")), "cookie parameters are not supported"
                )
            )
            return None
        if where == "header" and not _HEADER_NAME.fullmatch(parameter.name):
            message = f"'{parameter.name}' is not a valid HTTP header name"
            self._problem(file, (*pointer, "name"), message)
            return None
        if parameter.param_schema is None:
            message = f"parameter '{parameter.name}' has no schema ('content' parameters are not supported)"
            self.problems.append(Problem(self.spec.locate(file, pointer), message))
            return None
        # Named, so that an object schema gets as far as the check below that refuses it.
        name_parts = words(parameter.name) or ["parameter"]
        schema = self._schema(file, (*pointer, "schema"), parameter.param_schema, name_parts)
        if schema is None:
            return None
        if schema.kind == "object" or (
            schema.items is not None and schema.items.kind in ("object", "array")
        ):
            message = f"parameter '{parameter.name}': object-valued parameters are not supported"
            self._problem(file, (*pointer, "schema"), message)
            return None
        style = str(parameter.style) if parameter.style is not None else None
        if style is not None and style != _STYLES[where]:
            message = f"parameter '{parameter.name}': style '{style}' is not supported (only '{_STYLES[where]}' in {where})"
            self._problem(file, (*pointer, "style"), message)
            return None
        if parameter.explode is False and schema.kind == "array" and where == "query":
            message = f"parameter '{parameter.name}': only exploded query arrays (name=a&name=b) are supported"
            self._problem(file, (*pointer, "explode"), message)
            return None
        description = (parameter.description or schema.description).strip()
        required = bool(parameter.required) or where == "path"
        example = parameter.example if parameter.example is not None else example_value(schema)
        argument = _argument(
            parameter.name,
            python_name(parameter.name, taken),
            where,
            required,
            schema,
            description,
            example,
        )
        argument.deprecated = bool(parameter.deprecated) or schema.deprecated
        return argument

    def _request_body(
        self,
        file: str,
        pointer: Pointer,
        body: RequestBody | Reference,
        name_parts: list[str],
        taken: set[str],
    ) -> tuple[SchemaType, list[Argument]] | None:
        followed = self._follow(file, pointer, body, RequestBody, "request body")
        if followed is None:
            return None
        file, pointer, request_body = followed
        media = request_body.content.get(JSON)
        if media is None or media.media_type_schema is None:
            types = ", ".join(sorted(request_body.content)) or "none"
            message = f"request bodies must be {JSON} with a schema (found: {types})"
            self.problems.append(
                Problem(self.spec.locate(file, (*pointer, "content"), key=True), message)
            )
            return None
        schema_pointer = (*pointer, "content", JSON, "schema")
        schema = self._schema(file, schema_pointer, media.media_type_schema, [*name_parts, "body"])
        if schema is None:
            return None
        if schema.kind != "object" or not schema.fields:
            message = "a request body must be an object with properties (they become the method's arguments)"
            self.problems.append(Problem(self.spec.locate(file, schema_pointer), message))
            return None
        arguments = [
            _argument(
                f.wire_name,
                python_name(f.wire_name, taken),
                "body",
                f.required,
                f.schema,
                f.description,
                example_value(f.schema),
            )
            for f in schema.fields
        ]
        return schema, arguments

    def _responses(
        self, file: str, pointer: Pointer, operation: Operation, name_parts: list[str]
    ) -> list[SuccessResponse] | None:
        codes = sorted(code for code in operation.responses if code.isdigit())
        for code in codes:
            if int(code) >= 400:
                self.error_statuses.add(int(code))
        successes = [code for code in codes if 200 <= int(code) < 300]
        if not successes:
            message = "an operation needs a 2xx response"
            self._problem(file, pointer, message, key=True)
            return None
        found: list[SuccessResponse] = []
        for code in successes:
            followed = self._follow(
                file, (*pointer, code), operation.responses[code], Response, "response"
            )
            if followed is None:
                return None
            response_file, response_pointer, response = followed
            # The first JSON response names its class `...Response`; others add their code.
            parts = [*name_parts, "response"]
            if any(s.kind == "json" for s in found):
                parts.append(code)
            success = self._success(response_file, response_pointer, int(code), response, parts)
            if success is None:
                return None
            found.append(success)
        return found

    def _success(
        self, file: str, pointer: Pointer, status: int, response: Response, name_parts: list[str]
    ) -> SuccessResponse | None:
        """One 2xx response: JSON of some schema, text, bytes, or nothing."""
        if not response.content:
            return SuccessResponse(status, "empty", None, None)
        media_type = next((t for t in sorted(response.content) if _is_json(t)), None)
        if media_type is None:
            media_type = sorted(response.content)[0]
            kind = "text" if media_type.startswith("text/") else "binary"
            return SuccessResponse(status, kind, None, media_type)
        media: MediaType = response.content[media_type]
        if media.media_type_schema is None:
            return SuccessResponse(status, "json", None, media_type)
        schema_pointer = (*pointer, "content", media_type, "schema")
        schema = self._schema(file, schema_pointer, media.media_type_schema, name_parts, "model")
        if schema is None:
            return None
        if media.example is not None:
            schema = dataclasses.replace(schema, example=media.example, has_example=True)
        return SuccessResponse(status, "json", schema, media_type)

    # -- schemas -------------------------------------------------------------------------

    def _resolve(self, file: str, pointer: Pointer, ref: str) -> tuple[str, Pointer, Any] | None:
        """Follow a `$ref` to a component; its location is in the file that defines it."""
        fragment = ref.partition("#")[2]
        parts = [p.replace("~1", "/").replace("~0", "~") for p in fragment.strip("/").split("/")]
        if len(parts) != 3 or parts[0] != "components":
            message = f"$ref '{ref}': only references to components are supported"
            self.problems.append(Problem(self.spec.locate(file, (*pointer, "$ref")), message))
            return None
        _, section, name = parts
        components = self.document.components
        target = getattr(components, section, None) if components else None
        if not target or name not in target:
            self.problems.append(
                Problem(
                    self.spec.locate(file, (*pointer, "$ref")), f"$ref '{ref}' does not resolve"
                )
            )
            return None
        target_file = self.spec.component_files[(section, name)]
        return target_file, ("components", section, name), target[name]

    def _problem(
        self, file: str, pointer: Sequence[str | int], message: str, *, key: bool = False
    ) -> None:
        self.problems.append(Problem(self.spec.locate(file, pointer, key=key), message))

    def _schema(
        self,
        file: str,
        pointer: Pointer,
        node: Schema | Reference,
        name_parts: list[str] | None,
        side: str = "params",
    ) -> SchemaType | None:
        if isinstance(node, Reference):
            return self._component_schema(file, pointer, node.ref, side)
        if node.schema_not is not None:
            self._problem(file, (*pointer, "not"), "'not' is not supported", key=True)
            return None
        if node.allOf:
            return self._all_of(file, pointer, node, name_parts, side)
        if node.oneOf or node.anyOf:
            return self._union(file, pointer, node, name_parts, side)
        if node.type is not None:
            kind = node.type.value
        elif node.properties or node.additionalProperties is not None:
            kind = "object"
        else:
            kind = "array" if node.items is not None else "any"
        schema = self._base(file, pointer, node, kind)
        if schema is None:
            return None
        if kind == "array":
            if node.items is None:
                self._problem(file, pointer, "an array schema needs 'items'")
                return None
            item_parts = [*name_parts, "item"] if name_parts is not None else None
            items = self._schema(file, (*pointer, "items"), node.items, item_parts, side)
            if items is None:
                return None
            schema.items = items
        elif kind == "object":
            declared = [
                (wire_name, file, (*pointer, "properties", wire_name), child)
                for wire_name, child in (node.properties or {}).items()
            ]
            if not self._object(
                schema, file, pointer, declared, set(node.required or []), node, name_parts, side
            ):
                return None
        _annotate(schema)
        return schema

    def _base(self, file: str, pointer: Pointer, node: Schema, kind: str) -> SchemaType | None:
        """A schema's own keywords: everything but its items, properties and variants."""
        constraints = {}
        for key in CONSTRAINTS:
            value = getattr(node, key, None)
            if value is not None and value is not False:
                constraints[key] = value
        if "pattern" in constraints:
            try:
                re.compile(constraints["pattern"])
            except re.error as exc:
                message = f"'pattern' is not a valid regular expression: {exc}"
                self._problem(file, (*pointer, "pattern"), message)
                return None
        enum = list(node.enum) if node.enum is not None else None
        schema = SchemaType(
            kind=kind,
            # `enum: [..., null]` admits null whatever `nullable` says.
            nullable=bool(node.nullable) or (enum is not None and None in enum),
            description=(node.description or "").strip(),
            enum=enum,
            constraints=constraints,
            format=node.schema_format,
            deprecated=bool(node.deprecated),
        )
        if "example" in node.model_fields_set:
            schema.example, schema.has_example = node.example, True
        if "default" in node.model_fields_set:
            schema.default, schema.has_default = node.default, True
        return schema

    def _object(
        self,
        schema: SchemaType,
        file: str,
        pointer: Pointer,
        declared: list[tuple[str, str, Pointer, Schema | Reference]],
        required: set[str],
        node: Schema,
        name_parts: list[str] | None,
        side: str,
    ) -> bool:
        """Fill an object's fields from its `declared` properties (name, file, pointer, schema)."""
        taken: set[str] = set()
        reserved = MODEL_RESERVED if side == "model" else RESERVED
        for wire_name, child_file, child_pointer, child in declared:
            child_parts = [*name_parts, *words(wire_name)] if name_parts is not None else None
            child_schema = self._schema(child_file, child_pointer, child, child_parts, side)
            if child_schema is None:
                return False
            schema.fields.append(
                FieldInfo(
                    wire_name=wire_name,
                    py_name=python_name(wire_name, taken, reserved),
                    # A name in `required` that no property defines is a spec wart: ignored.
                    required=wire_name in required,
                    schema=child_schema,
                    description=child_schema.description,
                )
            )
        additional = node.additionalProperties
        if isinstance(additional, (Schema, Reference)):
            value_parts = [*name_parts, "value"] if name_parts is not None else None
            values = self._schema(
                file, (*pointer, "additionalProperties"), additional, value_parts, side
            )
            if values is None:
                return False
            schema.open_object, schema.values = True, values
        else:
            schema.open_object = additional is True or (not declared and additional is None)
        if declared:
            if name_parts is None:
                message = "an object with properties needs a name here; move it to components"
                self._problem(file, pointer, message)
                return False
            self._register_class(schema, name_parts, side)
        return True

    def _all_of(
        self, file: str, pointer: Pointer, node: Schema, name_parts: list[str] | None, side: str
    ) -> SchemaType | None:
        """`allOf`: one object with the properties of all its parts, or an alias of one part."""
        parts = node.allOf or []
        if len(parts) == 1 and not node.properties:
            # `allOf: [$ref]` beside `nullable`, `description`...: the part, with those added.
            part = self._schema(file, (*pointer, "allOf", 0), parts[0], name_parts, side)
            if part is None:
                return None
            own = self._base(file, pointer, node, part.kind)
            if own is None:
                return None
            return _with_keywords(part, own, node.model_fields_set)
        declared: dict[str, tuple[str, str, Pointer, Schema | Reference]] = {}
        required: set[str] = set()
        # (file, pointer, schema, whether it is an `allOf` part rather than the schema itself,
        # the $refs followed to reach it)
        pending: list[tuple[str, Pointer, Schema | Reference, bool, frozenset[str]]] = [
            (file, pointer, node, False, frozenset())
        ]
        pending += [
            (file, (*pointer, "allOf", i), part, True, frozenset()) for i, part in enumerate(parts)
        ]
        merged_refs: set[str] = set()
        while pending:
            part_file, part_pointer, entry, is_part, via = pending.pop(0)
            if isinstance(entry, Reference):
                if entry.ref in via:
                    message = (
                        f"$ref '{entry.ref}' is recursive; recursive schemas are not supported yet"
                    )
                    self._problem(part_file, (*part_pointer, "$ref"), message)
                    return None
                if entry.ref in merged_refs:
                    continue  # a part reached twice (a diamond) adds nothing the second time
                merged_refs.add(entry.ref)
                resolved = self._resolve(part_file, part_pointer, entry.ref)
                if resolved is None:
                    return None
                pending.insert(0, (*resolved, True, via | {entry.ref}))
                continue
            if not isinstance(entry, Schema):
                self._problem(part_file, part_pointer, "this $ref must point at a schema")
                return None
            if is_part and entry.allOf:
                # A part that is itself an `allOf`: its own properties, then its parts.
                own_part = entry.model_copy(update={"allOf": None})
                nested = [
                    (part_file, (*part_pointer, "allOf", i), inner, True, via)
                    for i, inner in enumerate(entry.allOf)
                ]
                pending[:0] = [(part_file, part_pointer, own_part, False, via), *nested]
                continue
            kind = entry.type.value if entry.type is not None else None
            if is_part and (
                kind not in (None, "object") or entry.oneOf or entry.anyOf or entry.items
            ):
                what = kind or ("union" if entry.oneOf or entry.anyOf else "array")
                message = f"'allOf' combines objects only; this part is {_a(what)}"
                self._problem(part_file, part_pointer, message)
                return None
            required |= set(entry.required or [])
            for wire_name, child in (entry.properties or {}).items():
                child_pointer = (*part_pointer, "properties", wire_name)
                if wire_name in declared and declared[wire_name][3] != child:
                    there = self.spec.locate(
                        declared[wire_name][1], declared[wire_name][2], key=True
                    )
                    message = (
                        f"'allOf': property '{wire_name}' is already defined differently at {there}"
                    )
                    self._problem(part_file, child_pointer, message, key=True)
                    return None
                declared[wire_name] = (wire_name, part_file, child_pointer, child)
        schema = self._base(file, pointer, node, "object")
        if schema is None:
            return None
        merged = node.model_copy(update={"allOf": None})
        if not self._object(
            schema, file, pointer, list(declared.values()), required, merged, name_parts, side
        ):
            return None
        _annotate(schema)
        return schema

    def _union(
        self, file: str, pointer: Pointer, node: Schema, name_parts: list[str] | None, side: str
    ) -> SchemaType | None:
        """`oneOf` / `anyOf`: a Union of the variants' types, checked variant by variant."""
        keyword = "oneOf" if node.oneOf else "anyOf"
        if node.oneOf and node.anyOf:
            self._problem(
                file,
                (*pointer, "anyOf"),
                "'oneOf' and 'anyOf' together are not supported",
                key=True,
            )
            return None
        if node.properties:
            message = f"properties beside '{keyword}' are not supported; put them in each variant"
            self._problem(file, (*pointer, "properties"), message, key=True)
            return None
        schema = self._base(file, pointer, node, "union")
        if schema is None:
            return None
        schema.exclusive = keyword == "oneOf"
        parts = node.oneOf or node.anyOf or []
        for index, part in enumerate(parts):
            part_name = [*name_parts, "variant", str(index + 1)] if name_parts is not None else None
            variant = self._schema(file, (*pointer, keyword, index), part, part_name, side)
            if variant is None:
                return None
            schema.variants.append(variant)
        if node.discriminator is not None:
            discriminator = self._discriminator(file, pointer, node, keyword, schema.variants)
            if discriminator is None:
                return None
            schema.discriminator = discriminator
        _annotate(schema)
        return schema

    def _discriminator(
        self,
        file: str,
        pointer: Pointer,
        node: Schema,
        keyword: str,
        variants: list[SchemaType],
    ) -> tuple[str, dict[str, int]] | None:
        """The discriminating property, and which variant each of its values selects."""
        assert node.discriminator is not None
        prop = node.discriminator.propertyName
        parts = node.oneOf or node.anyOf or []
        refs = {part.ref: index for index, part in enumerate(parts) if isinstance(part, Reference)}
        if node.discriminator.mapping:
            mapping: dict[str, int] = {}
            for value, target in node.discriminator.mapping.items():
                index = refs.get(target)
                if index is None:
                    index = next(
                        (i for r, i in refs.items() if r.rpartition("/")[2] == target), None
                    )
                if index is None:
                    message = f"discriminator mapping '{value}': '{target}' is not one of the {keyword} variants"
                    self._problem(file, (*pointer, "discriminator", "mapping", value), message)
                    return None
                mapping[value] = index
        else:
            mapping = {ref.rpartition("/")[2]: index for ref, index in refs.items()}
        for index, variant in enumerate(variants):
            if index not in mapping.values():
                message = f"discriminator: no value selects {keyword} variant {index + 1}; inline variants need a $ref and a mapping"
                self._problem(file, (*pointer, "discriminator"), message, key=True)
                return None
            if prop not in {f.wire_name for f in variant.fields}:
                message = f"discriminator: {keyword} variant {index + 1} has no property '{prop}'"
                self._problem(file, (*pointer, "discriminator"), message, key=True)
                return None
        return prop, dict(sorted(mapping.items()))

    def _register_class(self, schema: SchemaType, name_parts: list[str], side: str) -> None:
        # Two schemas whose names spell the same words take turns by the order the paths and
        # components are met in, which is sorted: `Pet`, then `Pet2`.
        stem = class_name(name_parts)
        name, counter = stem, 2
        while name in self.class_names or class_module(name) in self.class_modules:
            name, counter = f"{stem}{counter}", counter + 1
        module = class_module(name)
        self.class_names.add(name)
        self.class_modules.add(module)
        nested = _nested_classes(schema, side)
        if side == "params":
            schema.params_class = name
            imports = sorted((self.params_classes[n].module, n) for n in nested)
            functional = not all(is_plain_key(f.wire_name) for f in schema.fields)
            self.params_classes[name] = ParamsClass(
                name, module, schema.description, schema.fields, functional, imports
            )
        else:
            schema.model_class = name
            imports = sorted((self.model_classes[n].module, n) for n in nested)
            self.model_classes[name] = ModelClass(
                name, module, schema.description, schema.fields, imports
            )

    def _component_schema(
        self, file: str, pointer: Pointer, ref: str, side: str
    ) -> SchemaType | None:
        resolved = self._resolve(file, pointer, ref)
        if resolved is None:
            return None
        target_file, target_pointer, target = resolved
        key = (ref.partition("#")[2], side)
        if key in self.component_types:
            return self.component_types[key]
        if key in self.components_in_progress:
            message = f"$ref '{ref}' is recursive; recursive schemas are not supported yet"
            self.problems.append(Problem(self.spec.locate(file, (*pointer, "$ref")), message))
            return None
        self.components_in_progress.add(key)
        if isinstance(target, Reference):
            schema = self._component_schema(target_file, target_pointer, target.ref, side)
        else:
            schema = self._schema(
                target_file, target_pointer, target, words(str(target_pointer[-1])), side
            )
        self.components_in_progress.discard(key)
        if schema is not None:
            self.component_types[key] = schema
        return schema


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


def _error_class_name(status: int) -> tuple[str, str]:
    """`NotFoundError` for 404, from the standard reason phrase; 5xx share one class."""
    if status >= 500:
        return "InternalServerError", "Server Error"
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = f"Status {status}"
    return pascal(words(phrase)) + "Error", phrase


def _nested_classes(schema: SchemaType, side: str) -> set[str]:
    """Names of the classes a class's fields refer to (directly or inside lists and dicts)."""
    return {name for f in schema.fields for name in _referenced(f.schema, side)}


def _referenced(schema: SchemaType, side: str) -> set[str]:
    """The class an annotation of `schema` names: its own, or that of its items or values."""
    own = schema.params_class if side == "params" else schema.model_class
    if own is not None:
        return {own}
    found: set[str] = set()
    for inner in (schema.items, schema.values, *schema.variants):
        if inner is not None:
            found |= _referenced(inner, side)
    return found


def _scalar_annotation(schema: SchemaType) -> str:
    return {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}.get(
        schema.kind, "typing.Any"
    )


def _literal_value(value: Any) -> bool:
    """Can `value` stand in a `Literal[...]`? mypy takes strings, booleans and 64-bit integers."""
    if isinstance(value, int) and not isinstance(value, bool):
        return -(2**63) <= value < 2**63
    return isinstance(value, LITERAL_TYPES)


def _union_of(annotations: list[str]) -> str:
    unique = list(dict.fromkeys(annotations))
    if "typing.Any" in unique:
        return "typing.Any"
    return unique[0] if len(unique) == 1 else f"typing.Union[{', '.join(unique)}]"


def _optional(annotation: str) -> str:
    if annotation == "typing.Any" or annotation.startswith("typing.Optional["):
        return annotation
    return f"typing.Optional[{annotation}]"


def _annotate(schema: SchemaType) -> None:
    """Decide the Python annotations and the validation rule of a schema."""
    values = [v for v in schema.enum or [] if v is not None]
    if schema.enum is not None and not values:
        params = model = "None"
    elif values and all(_literal_value(v) for v in values):
        literal = f"typing_extensions.Literal[{', '.join(python_literal(v) for v in values)}]"
        params = literal
        # A response may carry an enum value this client does not know yet; it must parse.
        model = _union_of([literal, _scalar_annotation(schema)])
    elif schema.kind == "union":
        params = _union_of([v.param_annotation for v in schema.variants])
        model = _union_of([v.model_annotation for v in schema.variants])
    elif schema.kind == "array" and schema.items is not None:
        params = f"typing.List[{schema.items.param_annotation}]"
        model = f"typing.List[{schema.items.model_annotation}]"
    elif schema.kind == "object" and schema.fields:
        params = schema.params_class or "typing.Dict[str, typing.Any]"
        model = schema.model_class or "typing.Dict[str, typing.Any]"
    elif schema.kind == "object":
        values_params = schema.values.param_annotation if schema.values else "typing.Any"
        values_model = schema.values.model_annotation if schema.values else "typing.Any"
        params = f"typing.Dict[str, {values_params}]"
        model = f"typing.Dict[str, {values_model}]"
    else:
        params = model = _scalar_annotation(schema)
    if schema.nullable:
        params, model = _optional(params), _optional(model)
    schema.param_annotation, schema.model_annotation = params, model
    schema.rule = _rule(schema)


def _with_keywords(part: SchemaType, own: SchemaType, keywords: set[str]) -> SchemaType:
    """`part` with the keywords an `allOf: [part]` schema sets beside it."""
    schema = dataclasses.replace(
        part,
        nullable=part.nullable or own.nullable,
        description=own.description or part.description,
        deprecated=part.deprecated or own.deprecated,
    )
    if "example" in keywords:
        schema.example, schema.has_example = own.example, True
    if "default" in keywords:
        schema.default, schema.has_default = own.default, True
    _annotate(schema)
    return schema


def _a(what: str) -> str:
    """`a string`, `an integer`: a schema kind with its article."""
    return f"an {what}" if what in ("integer", "array", "object") else f"a {what}"


def _rule(schema: SchemaType) -> dict[str, Any]:
    """The validation rule the runtime checks a request value against (a JSON Schema subset)."""
    rule: dict[str, Any] = {}
    if schema.kind not in ("any", "union"):
        rule["type"] = schema.kind
    if schema.nullable:
        rule["nullable"] = True
    if schema.deprecated:
        rule["deprecated"] = True
    if schema.enum is not None:
        rule["enum"] = list(schema.enum)
    rule.update(schema.constraints)
    if schema.kind == "union":
        rule["oneOf" if schema.exclusive else "anyOf"] = [v.rule for v in schema.variants]
        if schema.discriminator is not None:
            prop, mapping = schema.discriminator
            rule["discriminator"] = {"propertyName": prop, "mapping": mapping}
    if schema.items is not None:
        rule["items"] = schema.items.rule
    if schema.kind == "object":
        if schema.fields:
            rule["properties"] = {f.wire_name: f.schema.rule for f in schema.fields}
            required = [f.wire_name for f in schema.fields if f.required]
            if required:
                rule["required"] = required
        if schema.values is not None:
            rule["additionalProperties"] = schema.values.rule
        elif schema.open_object:
            rule["additionalProperties"] = True
        else:
            # Unknown keys are refused: they would be sent and charged for, then ignored.
            rule["additionalProperties"] = False
    return rule


def _argument(
    wire_name: str,
    py_name: str,
    where: str,
    required: bool,
    schema: SchemaType,
    description: str,
    example: Any,
) -> Argument:
    annotation = (
        schema.param_annotation
        if required
        else f"typing.Union[{schema.param_annotation}, NotGiven]"
    )
    has_example = example is not None or (schema.nullable and schema.has_example)
    return Argument(
        wire_name=wire_name,
        py_name=py_name,
        location=where,
        required=required,
        annotation=annotation,
        description=description,
        schema=schema,
        example=python_literal(example) if has_example else None,
        deprecated=schema.deprecated,
    )


def example_value(schema: SchemaType, *, complete: bool = False) -> Any:
    """An example value from the spec's own examples; None where the spec gives none.

    `complete` fills what the spec leaves out with a plain value of the right type, so that a
    response example holds every required field.
    """
    if schema.has_example:
        return schema.example
    if schema.kind == "object" and schema.fields:
        value = {}
        for f in schema.fields:
            child = example_value(f.schema, complete=complete)
            if child is not None or (complete and f.required):
                value[f.wire_name] = child if child is not None else _placeholder(f.schema)
        return value if value or complete else None
    if schema.kind == "array" and schema.items is not None:
        item = example_value(schema.items, complete=complete)
        return [item] if item is not None else ([] if complete else None)
    if schema.variants:
        value = example_value(schema.variants[0], complete=complete)
        if schema.discriminator is not None and isinstance(value, dict):
            prop, mapping = schema.discriminator
            value[prop] = next(tag for tag, index in mapping.items() if index == 0)
        return value
    if schema.enum:
        return next((v for v in schema.enum if v is not None), None)
    if schema.has_default:
        return schema.default
    return _placeholder(schema) if complete else None


def _placeholder(schema: SchemaType) -> Any:
    if schema.nullable:
        return None
    if schema.enum:
        return schema.enum[0]
    if schema.variants:
        return _placeholder(schema.variants[0])
    if schema.kind == "string":
        return "2024-01-01T00:00:00Z" if schema.format == "date-time" else "string"
    if schema.kind == "integer":
        return int(schema.constraints.get("minimum", 0))
    if schema.kind == "number":
        return float(schema.constraints.get("minimum", 0))
    if schema.kind == "boolean":
        return True
    if schema.kind == "array":
        return []
    if schema.kind == "object":
        return example_value(schema, complete=True) if schema.fields else {}
    return None


def _example_call(call: str, arguments: list[Argument], extra: list[str] | None = None) -> str:
    lines = [f"    {a.py_name}={a.example}," for a in arguments if a.example is not None]
    lines += [f"    {keyword}," for keyword in extra or []]
    return f"{call}(\n" + "\n".join(lines) + "\n)" if lines else f"{call}()"


# A sentence that makes a field's presence or value depend on another field's.
_CONDITION = re.compile(r"\b(required if|must be)\b", re.IGNORECASE)


def _is_condition(sentence: str) -> bool:
    return bool(_CONDITION.search(sentence)) and " if " in f" {sentence.lower()} "


def prose_conditions(arguments: list[Argument]) -> list[tuple[str, str]]:
    """(field path, sentence) for each condition a description states in words only."""
    found: list[tuple[str, str]] = []

    def visit(path: str, description: str, schema: SchemaType) -> None:
        # A Markdown list item is kept whole: its sentences lean on its first words.
        for index, unit in enumerate(re.split(r"\n\s*[*-]\s+", "\n" + description)):
            text = " ".join(unit.split())
            sentences = [s for s in re.split(r"(?<=\.)\s+", text) if _is_condition(s)]
            if sentences:
                found.append((path, text if index > 0 else " ".join(sentences)))
        for f in schema.fields:
            visit(f"{path}.{f.wire_name}", f.description, f.schema)
        if schema.items is not None:
            visit(f"{path}[]", "", schema.items)

    for argument in arguments:
        visit(argument.wire_name, argument.description, argument.schema)
    return found


def _tag_of(kind: str) -> str:
    return next(tag for tag, tag_kind in PROJECT_TAGS.items() if tag_kind == kind)


def _asset_paths(schema: SchemaType, path: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The paths under `schema` of string fields named `*_file_path`."""
    if schema.kind == "string":
        return [path] if path[-1].endswith(ASSET_SUFFIX) and path[-1] != "[]" else []
    if schema.kind == "array" and schema.items is not None:
        return _asset_paths(schema.items, (*path, "[]"))
    return [p for f in schema.fields for p in _asset_paths(f.schema, (*path, f.wire_name))]


def _asset_type(field_name: str, upload_types: set[str]) -> str | None:
    """`image` for `image_file_path`, when the upload operation takes that type."""
    prefix = field_name[: -len(ASSET_SUFFIX)]
    return prefix if prefix in upload_types else None


def _upload_types(uploader: Resource | None) -> set[str]:
    """The asset types the upload operation takes: the enum of a `type` field in its body."""
    found: set[str] = set()

    def visit(schema: SchemaType) -> None:
        for f in schema.fields:
            if f.wire_name == "type" and f.schema.enum:
                found.update(str(v) for v in f.schema.enum)
            visit(f.schema)
        if schema.items is not None:
            visit(schema.items)

    for op in uploader.operations if uploader else []:
        for argument in op.body_arguments:
            visit(argument.schema)
            if argument.wire_name == "type" and argument.schema.enum:
                found.update(str(v) for v in argument.schema.enum)
    return found


def _generate_example_call(resource: Resource, op: Operation_) -> str:
    """The `create` example with local files where the spec shows uploaded ones: uploading them
    is what `generate` adds."""
    assert op.workflow is not None
    arguments = []
    for argument in op.arguments:
        paths = [a.path[1:] for a in op.workflow.assets if a.path[0] == argument.wire_name]
        value = example_value(argument.schema) if paths and argument.location == "body" else None
        if value is not None:
            local = _with_local_files(value, paths)
            argument = dataclasses.replace(argument, example=python_literal(local))
        arguments.append(argument)
    extra = ["wait_for_completion=True", "download_outputs=True", 'download_directory="outputs"']
    return _example_call(f"{resource.access_path}.generate", arguments, extra)


def _with_local_files(value: Any, paths: list[tuple[str, ...]]) -> Any:
    """`value` with each storage path (`api-assets/id/1234.png`) at one of `paths` made a local
    file name (`path/to/1234.png`)."""
    if any(path == () for path in paths):
        if isinstance(value, str) and value.startswith("api-assets/"):
            return "path/to/" + value.rpartition("/")[2]
        return value
    if isinstance(value, list):
        inner = [path[1:] for path in paths if path[0] == "[]"]
        return [_with_local_files(item, inner) for item in value]
    if isinstance(value, dict):
        return {
            key: _with_local_files(item, [p[1:] for p in paths if p[0] == key])
            for key, item in value.items()
        }
    return value


def _generate_steps(resource: Resource, op: Operation_, getter: Resource) -> list[str]:
    assert op.workflow is not None
    uploads = [
        "Uploads each local file named in a `*_file_path` field"
        " (URLs and `api-assets/...` paths pass through)."
    ]
    return [
        *(uploads if op.workflow.assets else []),
        f"Creates the project with `{resource.access_path}.create`.",
        f"Polls `{getter.access_path}.get` until the project is complete, errored or canceled.",
        "Downloads its outputs to `download_directory`.",
    ]


def _with_example(docstring: str, example: str) -> str:
    return f"{docstring}\n\nExamples:\n```py\n{example}\n```"


def _generate_docstring(resource: Resource, op: Operation_) -> str:
    assert op.workflow is not None
    parts = [
        f"{op.summary or op.method_name}: create, wait for the result, download it.",
        "\n".join(f"{n}. {step}" for n, step in enumerate(op.workflow.steps, 1)),
        f"{op.http_method} {op.path}",
    ]
    lines = ["Args:", *_argument_lines(op.arguments)]
    for name, _, _, text in WORKFLOW_ARGUMENTS:
        lines.append(f"    {name}: {text}")
    lines.append(
        "    request_options: Additional options for each request (timeout, retries, headers)."
    )
    parts.append("\n".join(lines))
    parts.append(
        f"Returns:\n    {op.workflow.result_model}: the project as last fetched; `downloaded_paths`"
        " lists the saved files (None when nothing was downloaded). A project that ends in"
        " `error` or `canceled` is returned too: check `status` and `error`."
    )
    raises = [
        "Raises:",
        "    RequestValidationError: an argument breaks the spec, or a local file is missing or"
        " of a type the API does not take; nothing was sent.",
        "    UploadError: a local file could not be uploaded; no project was created.",
        "    GenerationTimeoutError: the project did not finish within `wait_timeout`.",
        "    DownloadError: an output could not be downloaded; no partial file is left.",
        "    GenerationInterrupted: Ctrl-C while waiting; it carries the project id.",
    ]
    parts.append("\n".join(raises + _status_errors(op)))
    return "\n\n".join(parts)


def _argument_lines(arguments: list[Argument]) -> list[str]:
    """The `Args:` lines of a method's own arguments."""
    lines = []
    for a in arguments:
        text = " ".join(a.description.split()) or "No description."
        if a.deprecated:
            text = f"Deprecated. {text}"
        if a.schema.has_default:
            text += f" Defaults to {python_literal(a.schema.default)} (applied by the API)."
        lines.append(f"    {a.py_name}: {text}")
    return lines


def _return_lines(op: Operation_) -> list[str]:
    """The `Returns:` lines: what each success status gives."""
    what = {
        "json": "the parsed response body",
        "text": "the body as text",
        "binary": "the body as bytes",
        "empty": "nothing (success)",
    }
    if len({(r.kind, r.annotation) for r in op.responses}) == 1:
        return [f"    {op.return_annotation}: {what[op.responses[0].kind]}."]
    return [f"    {r.annotation}: on {r.status}, {what[r.kind]}." for r in op.responses]


def _status_errors(op: Operation_) -> list[str]:
    """The `Raises:` lines of the API's documented error statuses."""
    lines = []
    for status in op.error_statuses:
        name, phrase = _error_class_name(status)
        lines.append(f"    {name}: the API answered {status} {phrase}.")
    return lines


def _operation_docstring(op: Operation_, operation: Operation) -> str:
    parts = []
    if op.summary:
        parts.append(op.summary)
    description = (operation.description or "").strip()
    if description:
        parts.append(description)
    parts.append(f"{op.http_method} {op.path}")
    if op.arguments:
        lines = ["Args:", *_argument_lines(op.arguments)]
        lines.append(
            "    request_options: Additional options for this request (timeout, retries, headers)."
        )
        parts.append("\n".join(lines))
    conditions = [f"- {name}: {sentence}" for name, sentence in prose_conditions(op.arguments)]
    if conditions:
        heading = (
            "Conditions the spec states only in prose (the API checks them, this client does not):"
        )
        parts.append("\n".join([heading, *conditions]))
    parts.append("Returns:\n" + "\n".join(_return_lines(op)))
    raises = [
        "Raises:",
        "    RequestValidationError: an argument breaks the spec; nothing was sent.",
    ]
    parts.append("\n".join(raises + _status_errors(op)))
    return "\n\n".join(parts)
