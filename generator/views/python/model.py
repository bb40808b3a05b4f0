"""The Python view: the generated package as the templates place it.

Every name, annotation, default, rule, docstring, example and import of the generated code is
a value here; the templates lay them out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from generator.ir import model as ir
from generator.views.python.source import docstring_text
from generator import conventions
from generator.views.python.figures import POLL_FIGURES, WAIT_FIGURES
from generator.views.python.types import PACKAGE, Classes, PyClass

# What the runtime's `Expected` calls each kind of response body.
RESPONSE_KINDS = ("json", "text", "binary", "empty")


@dataclass
class PyArgument:
    """One keyword argument of a generated method."""

    wire_name: str
    py_name: str
    location: str  # path | query | header | body
    required: bool
    type: str  # of the value
    annotation: str  # as the signature writes it, NotGiven included when optional
    parameter: str  # the signature's entry: name, annotation and default
    description: str
    schema: ir.Schema
    example: str | None  # Python source of an example value
    deprecated: bool


@dataclass
class PyResponse:
    status: int
    kind: str  # json | text | binary | empty
    annotation: str
    schema: ir.Schema | None


@dataclass
class PyMethod:
    """A method of a resource client, sync and async."""

    operation: ir.Operation
    method_name: str
    http_method: str
    path: str
    arguments: list[PyArgument]  # required first: the signature reads as the docs' table
    body_arguments: list[PyArgument]  # in the spec's order, which is the order they are sent in
    parameters_rule: dict[str, Any] | None  # path, query and header arguments, by wire name
    parameters_rule_name: str
    body_rule: dict[str, Any] | None
    body_rule_name: str
    body_params_class: str | None
    responses: list[PyResponse]
    return_annotation: str
    response_name: str  # the module constant of its `Expected`
    expected_arguments: str  # of that `Expected(...)`
    response_model: str | None  # the model class of the only response, if it has one
    auth: str | None  # the `auth=` literal, when it is not the runtime's default
    # The wire names of the optional arguments the API takes no null for: None leaves them out.
    unset_by_none: tuple[str, ...]
    deprecation: str | None  # the warning a call gives, as a literal
    example_call: str
    docstring: str
    async_docstring: str
    workflow: PyGenerate | None = None

    def arguments_in(self, location: str) -> list[PyArgument]:
        """The arguments sent in the path, the query or the headers."""
        return [a for a in self.arguments if a.location == location]


@dataclass
class PyInputFile:
    path: str  # the runtime's `AssetField` path, as a literal
    asset_type: str  # its asset type, as a literal


@dataclass
class PyGenerate:
    """`generate`: a project's create, then waiting for it and downloading its outputs."""

    workflow: ir.Workflow
    kind: str
    getter: ClientNames  # has the `get` that reports on this kind of project
    getter_method: PyMethod  # that `get`
    uploader: ClientNames | None  # has the `create` that hands out upload URLs
    result_model: str  # the getter's response plus `downloaded_paths`
    # `create`'s arguments, those holding input files typed to take local files too
    arguments: list[PyArgument]
    assets: list[PyInputFile]
    # (name, annotation, default, description) of each argument `create` does not take
    extra_arguments: list[tuple[str, str, str, str]]
    steps: list[str]
    example_call: str
    docstring: str
    async_docstring: str


@dataclass
class PyHelperDoc:
    """What is said of a method written from the API's conventions rather than from one
    operation (`check_result`, `upload_file`): in its docstrings and on its docs page."""

    name: str
    summary: str
    details: str  # a paragraph after the summary, or ""
    endpoint: str  # the first request it makes, `GET /v1/...`
    then: str  # what it does after, in words
    arguments: list[tuple[str, str | None, str]]  # name, default (None: required), description
    returns: tuple[str, str]  # type, what it is
    raises: list[tuple[str, str]]  # exception, when
    example_call: str  # the sync call, from `client.`
    docstring: str
    async_docstring: str


@dataclass
class PyCheckResult:
    """`check_result`: an existing project (or task) by id, waited for and its outputs saved."""

    workflow: ir.Workflow  # one whose getter this is
    getter_method: str  # on the same client
    id_argument: str  # the getter's path argument
    result_model: str
    doc: PyHelperDoc


@dataclass
class PyUploadFile:
    """`upload_file`: one file to the API's storage, through the operation of a sub-client."""

    uploader: ClientNames  # has the `create` that hands out upload URLs
    doc: PyHelperDoc


@dataclass
class ClientNames:
    """The names of a resource's client: `client.v1.ai_gif_generator`, `AiGifGeneratorClient`."""

    attribute: str  # name on the parent: `ai_gif_generator`
    class_name: str  # `AiGifGeneratorClient`
    async_class_name: str
    module: str  # `magic_hour.resources.v1.ai_gif_generator`
    access_path: str  # `client.v1.ai_gif_generator`

    @property
    def client_module(self) -> str:
        return f"{self.module}.client"

    @property
    def directory(self) -> str:
        return self.module.replace(".", "/")


@dataclass
class PyResource(ClientNames):
    """A resource's client module: its methods, and the clients of its sub-resources."""

    children: list[PyResource] = field(default_factory=list)
    operations: list[PyMethod] = field(default_factory=list)
    check_result: PyCheckResult | None = None
    upload_file: PyUploadFile | None = None
    # Its imports, in groups: the standard library, other libraries, the package.
    imports: list[list[str]] = field(default_factory=list)

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
        return any(op.operation.deprecated for op in self.operations)

    @property
    def workflow(self) -> PyGenerate | None:
        return next((op.workflow for op in self.operations if op.workflow), None)

    @property
    def waits_for(self) -> ir.Workflow | None:
        """The workflow whose conventions this client's `generate` or `check_result` follows."""
        if self.workflow is not None:
            return self.workflow.workflow
        return self.check_result.workflow if self.check_result is not None else None

    @property
    def resume_call(self) -> str:
        """The `check_result` that picks up a project this client's `generate` or
        `check_result` waits on: named in the errors they raise once it exists."""
        owner = self.workflow.getter if self.workflow is not None else self
        return f"{owner.access_path}.check_result"

    def walk(self) -> list[PyResource]:
        return [self, *(r for child in self.children for r in child.walk())]


@dataclass
class ErrorClass:
    status: int | None  # None for the 5xx class
    name: str
    description: str


@dataclass
class WebhookParser:
    """Where the client's `webhooks.unwrap` gets its typed events: `function` and `event_class`
    (what `function` returns), both importable from `module`."""

    module: str
    function: str
    event_class: str
    unknown_class: str | None = None  # what `function` returns for a type it does not know

    @property
    def imports(self) -> str:
        """The names the client imports from `module` for its annotations."""
        return ", ".join(n for n in (self.event_class, self.unknown_class) if n)

    @property
    def annotation(self) -> str:
        if self.unknown_class is None:
            return self.event_class
        return f"typing.Union[{self.event_class}, {self.unknown_class}]"


@dataclass
class PyWebhookEvent:
    """An event's model in `magic_hour.types.webhooks`: its `type` a Literal, which picks it out
    of the `WebhookEvent` union, and its `payload` a response model (forward compatible)."""

    event: ir.WebhookEvent
    class_name: str  # `VideoStartedEvent`
    type_literal: str  # `"video.started"`, as Python source
    payload_annotation: str  # the payload's model: `VideoStartedEventPayload`
    doc: str


# The module of the webhook events, and the names it defines besides the events' classes.
WEBHOOKS_MODULE = "webhooks"
WEBHOOK_UNION = "WebhookEvent"  # the known events, discriminated by `type`
UNKNOWN_WEBHOOK_EVENT = "UnknownWebhookEvent"  # an event type this package does not know
PARSE_EVENT = "parse_event"  # an event's JSON value -> its model, or UnknownWebhookEvent


@dataclass
class PyApi:
    ir: ir.Api
    root: PyResource
    classes: Classes  # the class of each object schema, on each side
    error_classes: list[ErrorClass]
    # The typed webhook events' parser; None when the specs have no webhooks: `unwrap` then
    # returns each event's JSON object as a dict.
    webhook_parser: WebhookParser | None = None
    package: str = PACKAGE
    # The API's conventions: the generated `conventions.py` holds those the runtime is given.
    conventions: ModuleType = conventions
    poll_figures: str = POLL_FIGURES  # as the docs say them: `2 s growing to 3 s for images, ...`
    wait_figures: str = WAIT_FIGURES
    webhook_events: list[PyWebhookEvent] = field(default_factory=list)
    # The model classes the events' payloads use, imported by the webhooks module.
    webhook_imports: list[str] = field(default_factory=list)
    webhooks_module: str = WEBHOOKS_MODULE
    webhook_union: str = WEBHOOK_UNION
    unknown_webhook_event: str = UNKNOWN_WEBHOOK_EVENT
    parse_event: str = PARSE_EVENT

    @property
    def webhook_union_annotation(self) -> str:
        """`WebhookEvent`'s value: a union discriminated by `type`; one event is itself, and
        with none (specs without a webhook reference) every event is an unknown one."""
        names = [e.class_name for e in self.webhook_events]
        if len(names) > 1:
            members = ", ".join(names)
            return f'typing_extensions.Annotated[typing.Union[{members}], pydantic.Field(discriminator="type")]'
        return names[0] if names else UNKNOWN_WEBHOOK_EVENT

    @property
    def webhook_event_annotation(self) -> str:
        """What `client.webhooks.unwrap` returns, as the client module annotates it."""
        if self.webhook_parser is None:
            return "typing.Dict[str, typing.Any]"
        return self.webhook_parser.annotation

    @property
    def params_classes(self) -> list[PyClass]:
        return sorted(self.classes.params, key=lambda c: c.name)

    @property
    def model_classes(self) -> list[PyClass]:
        return sorted(self.classes.models, key=lambda c: c.name)

    @property
    def title_line(self) -> str:
        """The title on one line, as Markdown headings and docstrings show it."""
        return " ".join(self.ir.title.split())

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
    def resources(self) -> list[PyResource]:
        return [r for child in self.root.children for r in child.walk()]

    @property
    def operations(self) -> list[PyMethod]:
        return [op for r in self.resources for op in r.operations]

    @property
    def workflows(self) -> list[PyGenerate]:
        return [op.workflow for op in self.operations if op.workflow is not None]
