"""The intermediate representation: what the API means, in the generator's own terms.

Plain data built from the loaded spec by the builders of this package, and read by the views.
It holds the API's words (wire names, path segments, tags, descriptions, examples as JSON
values) and its meaning (which fields are required, the constraints of each value, which
operation creates projects and which reports on them), but no Python: names, annotations and
docstrings are the views' business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.conventions import PollSchedule
from generator.problems import Location, Problem

# How an operation sends the API key: (where, name) pairs; `bearer` is `Authorization: Bearer`.
Auth = tuple[tuple[str, str], ...]
BEARER: Auth = (("bearer", "Authorization"),)


@dataclass(frozen=True)
class Discriminator:
    """The property whose value picks a union's variant, and which variant each value picks."""

    property: str
    mapping: dict[str, int]  # value -> index of the variant


@dataclass
class Field:
    """A property of an object schema."""

    wire_name: str
    required: bool
    schema: Schema
    description: str


@dataclass
class ObjectType:
    """An object schema that lists its properties: a class on each side of the client.

    `name` is words that say where the schema is: the component's name, or the operation, its
    body or response, and the property path to it. Schemas that share an `ObjectType` (a
    component used in several places) are one class.
    """

    name: tuple[str, ...]
    description: str
    fields: list[Field]


@dataclass
class Schema:
    """A value as the spec describes it: its kind, constraints, examples and parts."""

    kind: str  # string | integer | number | boolean | array | object | union | any
    nullable: bool = False
    description: str = ""
    enum: list[Any] | None = None
    constraints: dict[str, Any] = field(default_factory=dict)  # JSON Schema keywords
    format: str | None = None
    deprecated: bool = False
    example: Any = None
    has_example: bool = False
    default: Any = None
    has_default: bool = False
    items: Schema | None = None  # of an array
    object: ObjectType | None = None  # of an object that lists its properties
    open_object: bool = False  # an object that takes keys it does not list
    values: Schema | None = None  # the type of those keys' values, if the spec gives it
    variants: list[Schema] = field(default_factory=list)  # of a union
    exclusive: bool = False  # a `oneOf` union: exactly one variant may match
    discriminator: Discriminator | None = None

    @property
    def fields(self) -> list[Field]:
        return self.object.fields if self.object is not None else []


@dataclass
class Parameter:
    """A path, query or header parameter."""

    name: str
    location: str  # path | query | header
    required: bool
    schema: Schema
    description: str
    example: Any  # the parameter's own example (its schema may have one too); None if none
    deprecated: bool


@dataclass
class Response:
    """A 2xx response: what the API answers with `status`."""

    status: int
    kind: str  # json | text | binary | empty
    schema: Schema | None  # of a JSON response; None when the spec gives none
    media_type: str | None


@dataclass
class Operation:
    http_method: str  # upper case
    path: str
    on_item: bool  # the path ends in a `{parameter}`
    # What it does, in words: `create` (POST on a collection), `get`, `list`, `delete`,
    # `update`, or what its operationId says.
    action: tuple[str, ...]
    summary: str
    description: str  # the spec's Markdown
    parameters: list[Parameter]
    body: Schema | None  # a JSON object whose fields are the operation's body arguments
    body_required: bool
    responses: list[Response]  # the 2xx ones, by status
    error_statuses: list[int]
    error_examples: dict[int, Any]  # the example body of an error response, where given
    tags: list[str]
    auth: Auth  # () when the operation needs no key
    deprecated: bool
    file: str
    location: Location  # of the operation's key in its file
    project_kind: str | None  # the kind of project it creates (a POST on a collection)
    reports_on: str | None  # the kind of project it returns (a GET on an item)
    deletes: str | None  # the kind of project it deletes (a DELETE on an item)
    uploads: bool  # hands out upload URLs for local files
    response_example: Any  # of the only response, every required field filled in

    @property
    def response(self) -> Response | None:
        """The response `generate`, the docs and the mock build on: the only one, if JSON."""
        only = self.responses[0] if len(self.responses) == 1 else None
        return only if only is not None and only.kind == "json" else None

    @property
    def response_object(self) -> ObjectType | None:
        response = self.response
        return response.schema.object if response and response.schema else None

    @property
    def success_status(self) -> int:
        return self.responses[0].status


@dataclass
class Resource:
    """A static path segment and what sits under it: `/v1/files/upload-urls` is `v1`, then
    `files`, then `upload-urls`."""

    segment: str  # as the first path that has it spells it
    words: tuple[str, ...]  # what tells it apart from its siblings
    children: list[Resource] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)

    def walk(self) -> list[Resource]:
        return [self, *(r for child in self.children for r in child.walk())]


@dataclass(frozen=True)
class InputFile:
    """A request field that names an input file, which `generate` uploads when it is local."""

    path: tuple[str, ...]  # wire names from the top of the body; "[]" steps into array items
    asset_type: str | None  # from the field's name, else its description's first sentence


@dataclass
class Workflow:
    """What `generate` adds to a project's create: upload local files, wait, download."""

    kind: str  # image | video | audio
    create: Operation
    getter: Operation  # the GET that reports on this kind of project
    uploader: Operation | None  # hands out upload URLs, when the create takes input files
    input_files: list[InputFile]
    schedule: PollSchedule
    outputs: str  # the field of the getter's answer that lists the outputs to download
    # What `generate` returns: the getter's response, and these fields.
    result_fields: list[Field]

    @property
    def project(self) -> ObjectType:
        """The getter's response, which the result extends."""
        project = self.getter.response_object
        assert project is not None  # the builder made sure
        return project


@dataclass
class WebhookEvent:
    """An event the API POSTs to a user's webhook endpoint: `{"type": name, "payload": ...}`."""

    name: str  # its `type`, as the `webhooks` map names it: `video.started`
    kind: str | None  # of the project it reports on (image, video, audio); None if not named so
    phase: str | None  # started | completed | errored
    status: str | None  # the project status that fires it (conventions.WEBHOOK_PHASES)
    summary: str
    description: str  # the spec's Markdown
    tags: list[str]
    body: Schema  # the whole event: an object with `type` and `payload`
    payload: Schema  # an object schema, as a response's
    example: Any  # the whole event's body, every required field filled in
    file: str
    location: Location  # of the event's key in its file


@dataclass
class Api:
    title: str
    version: str
    description: str
    base_url: str
    root: Resource  # its children are the first path segments
    operations: list[Operation]  # by path, then verb, as the spec is read
    workflows: list[Workflow]
    error_statuses: list[int]  # every error status the spec documents
    warnings: list[Problem]  # what the output lacks, and why
    webhook_events: list[WebhookEvent] = field(default_factory=list)  # by name

    @property
    def resources(self) -> list[Resource]:
        return [r for child in self.root.children for r in child.walk()]

    def workflow_of(self, operation: Operation) -> Workflow | None:
        return next((w for w in self.workflows if w.create is operation), None)
