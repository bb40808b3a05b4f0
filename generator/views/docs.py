"""The generated Markdown's decisions: which pages exist, where, their links, rows and examples.

Built from the same intermediate representation as the code, so a page never describes a method,
an argument or a type the package does not have. The templates (`resource_readme.md.j2`,
`types_readme.md.j2`, `README.md.j2`, `testing.md.j2`, `webhooks.md.j2`) only lay these out.

Markdown that must survive any spec text: a table cell is one line with `|` escaped, a code span
is fenced with more backticks than it holds, and a description's code fences are closed. Spec
text is data here too (`spec_markdown`): its HTML is shown as text, and a link or image keeps its
link only if it leads to the web (`https:`, `http:`, `mailto:`), never `javascript:` or `data:`.
"""

from __future__ import annotations

import ast
import json
import posixpath
import pprint
import re
import string
from dataclasses import dataclass

from generator import conventions
from generator.ir.examples import example_value
from generator.ir.model import Schema
from generator.views.python.model import (
    PyApi,
    PyGenerate,
    PyHelperDoc,
    PyMethod,
    PyResource,
    PyResponse,
)
from generator.views.python.generate import LOCAL_FOLDER
from generator.views.python.source import python_literal
from generator.views.python.types import MODELS, Classes, PyField

TYPES_PAGES = {"params": "types/params/README.md", "models": "types/models/README.md"}
# Guides to the package as a whole sit in `docs/`, beside the package README that links them.
OFFLINE_PAGE = "docs/testing.md"
WEBHOOKS_PAGE = "docs/webhooks.md"
# The fence of the webhooks page's blocks that call `client.webhooks.unwrap`: shown (and
# highlighted) but not run by the docs tests, as quoted spec code is, until the client has it.
UNWRAP_FENCE = "python"
# The names the pytest plugin gives its fixtures, as the testing page's example uses them.
CLIENT_FIXTURE = "magic_hour_client"
ASYNC_CLIENT_FIXTURE = "magic_hour_async_client"
# The token the examples pass: the variable `Client` reads by itself when `token` is not given.
TOKEN_EXPRESSION = 'getenv("MAGIC_HOUR_API_KEY")'
# Links in spec text that start with `/` are relative to the API's documentation site, which
# is not here: the text stays, the link goes.
_SITE_LINK = re.compile(r"\[([^\]]*)\]\((/[^)\s]*)\)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# A fence after indentation or a list or quote marker: inside a list item, a fence ends with the
# item, which only a Markdown parser can tell; such text gets no raw code at all.
_NESTED_FENCE = re.compile(r"[ \t>*+\-\d.)]+(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
# What may follow a link's `](` or a link reference's `]:` for it to stay a link: a web or mail
# address (CommonMark allows spaces and one line break before it, and angle brackets around it).
_WEB_DESTINATION = re.compile(r"[ \t]*<?(?:https?://|mailto:)", re.IGNORECASE)
# An autolink to the web or mail, as CommonMark reads one (no space, `<` or `>` inside).
_WEB_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^\x00-\x20<>]*>", re.IGNORECASE)


@dataclass
class Row:
    """One row of a parameter or field table; every cell is Markdown that fits a table cell."""

    name: str
    required: bool
    type: str
    description: str
    example: str


@dataclass
class ResponseDoc:
    status: int
    type: str  # Markdown, a link for a model
    example: str | None  # JSON


@dataclass
class MethodDoc:
    name: str
    heading: str
    summary_cell: str
    description: str  # Markdown block
    endpoint: str  # a code span: the path is the spec's text
    rows: list[Row]
    sync_example: str
    async_example: str
    responses: list[ResponseDoc]
    deprecated: bool


@dataclass
class WorkflowDoc:
    endpoint: str  # of the `create` it starts with, a code span
    steps: list[str]
    extra_arguments: list[tuple[str, str, str]]  # name, default, description
    sync_example: str
    async_example: str
    returns: str  # Markdown link to the result model
    example: str  # JSON of a finished project


@dataclass
class HelperDoc:
    """A method written from the API's conventions (`check_result`, `upload_file`)."""

    name: str
    summary: str
    details: str
    endpoint: str
    arguments: list[tuple[str, str, str]]  # name, default (`required` if none), description
    returns: str  # Markdown, a link for a model
    returns_text: str
    sync_example: str
    async_example: str


@dataclass
class ResourcePage:
    path: str  # relative to the output folder
    access_path: str
    workflow: WorkflowDoc | None
    helpers: list[HelperDoc]
    methods: list[MethodDoc]


@dataclass
class TypeDoc:
    name: str
    extends: str | None  # a link to the model it adds fields to
    description: str
    source: str  # a link to the module
    rows: list[Row]


@dataclass
class TypesPage:
    path: str
    title: str
    intro: str
    types: list[TypeDoc]


@dataclass
class Guide:
    """The calls the package README's examples make, taken from the spec so that they run."""

    create_call: str  # a `create` that starts a project
    generate_call: str
    getter_call: str  # the `get` that reports on that project
    getter_call_with_options: str
    upload_call: str | None  # asks for upload URLs, if some `generate` uploads files
    upload_file: str  # a local file of the kind that call's first URL is for
    upload_file_call: str | None  # `upload_file`, if the package has it
    check_result_call: str | None  # picks up the kind of project `create_call` starts


@dataclass
class OfflineExample:
    """What the testing page's examples do: `generate` a project that uploads local files."""

    operation: str  # the create's `POST /v1/...`, as the mock names operations
    generate_call: str  # from `client.`
    fixture_call: str  # the same from the client fixture
    async_fixture_call: str  # the same from the async client fixture, awaited
    headers_call: str  # `generate_call` with a header that makes the project fail
    local_files: list[str]  # the local files `generate_call` names, each once
    input_field: str  # where the create's body holds the first of them: `["assets"]["..."]`
    create_call: str  # the create alone, from `client.`
    getter_call: str  # the `get` of the project `create_call` starts (`res`)
    error_code_field: bool  # whether the project shows its error's `code`


@dataclass
class OfflinePage:
    """Testing code that uses the package offline: the mock server and the pytest fixtures."""

    path: str
    package_readme: str  # a link to it
    mock_url: str  # where `Environment.MOCK_SERVER` points by default
    mock_port: str
    url_variable: str  # the environment variable that moves it
    example_id: str | None  # a code span: a project id that always exists on the mock
    error_codes: str  # code spans
    error_code: str  # the one the examples end a project with
    example: OfflineExample | None  # None when no `generate` uploads a file


@dataclass
class WebhookEventDoc:
    name: str  # `video.started`, the event's `type`
    heading: str  # the name as a code span
    anchor: str
    class_name: str  # its model in `magic_hour.types.webhooks`
    summary: str  # Markdown, one line
    description: str  # Markdown
    fired_by: str  # Markdown: when the API sends it, or ""
    payload: str  # a link to the payload's model
    rows: list[Row]  # the payload's fields
    example: str  # the whole body, as JSON


@dataclass
class WebhooksPage:
    """The webhook events: verifying a delivery, a receiver, and each event with its payload."""

    path: str
    package_readme: str  # a link to it
    signature_header: str
    timestamp_header: str
    module: str  # `magic_hour.types.webhooks`
    union: str
    unknown: str
    parse_event: str
    unwrap_fence: str
    events: list[WebhookEventDoc]
    example: WebhookEventDoc | None  # the event the page's examples send: the first completion
    example_body: str  # its body as a Python literal (several lines), for the examples
    # A create of the example's kind of project (`client.v1....create(...)`), for the receiver
    # run against the mock's own deliveries; None if the specs have none.
    offline_call: str | None
    offline_events: str  # the events it sends: `video.started, then video.completed`
    offline_count: int


@dataclass
class Docs:
    resource_pages: list[ResourcePage]
    types_pages: list[TypesPage]
    guide: Guide | None  # None when no operation has a `generate`
    offline: OfflinePage
    webhooks: WebhooksPage
    # The package README's words from the spec's `info` and `servers`, as Markdown.
    title: str
    version: str  # a code span
    server: str  # a code span


def build_docs(api: PyApi) -> Docs:
    package = api.package
    types_pages = {kind: f"{package}/{path}" for kind, path in TYPES_PAGES.items()}
    types = TypeLinks(types_pages, api.classes)
    resource_pages = [
        _resource_page(resource, types)
        for resource in api.resources
        if resource.operations or resource.check_result or resource.upload_file
    ]
    params = TypesPage(
        path=types_pages["params"],
        title="Request types",
        intro=(
            "The `TypedDict`s that nested request arguments take. Plain dicts of the same"
            " shape are accepted; they are checked against the spec before anything is sent."
        ),
        types=[
            _type_doc(c.name, None, c.description, c.module, c.fields, "params", types)
            for c in api.params_classes
        ],
    )
    models = TypesPage(
        path=types_pages["models"],
        title="Response types",
        intro=(
            "The pydantic models that methods return. Fields the API adds later are kept"
            " (`model_extra`), and an optional field the API leaves out is `None`."
        ),
        types=[
            _type_doc(c.name, c.base, c.description, c.module, c.fields, "models", types)
            for c in api.model_classes
        ],
    )
    return Docs(
        resource_pages,
        [params, models],
        _guide(api),
        _offline_page(api),
        _webhooks_page(api, types),
        title=one_line(spec_markdown(api.title_line)),
        version=code(one_line(api.ir.version)),
        server=code(one_line(api.ir.base_url)),
    )


def _guide(api: PyApi) -> Guide | None:
    creates = [op for op in api.operations if op.workflow is not None]
    if not creates:
        return None
    create = creates[0]
    workflow = create.workflow
    assert workflow is not None
    getter = workflow.getter_method
    # The operation that hands out upload URLs, if some `generate` uploads files.
    uploaders = {
        id(op.workflow.workflow.uploader)
        for op in creates
        if op.workflow and op.workflow.workflow.uploader
    }
    upload = next((op for op in api.operations if id(op.operation) in uploaders), None)
    # The project `create` just started, by the id it answered with.
    id_argument = getter.arguments_in("path")[0].py_name
    getter_call = f"{workflow.getter.access_path}.get({id_argument}=res.id)"
    return Guide(
        create_call=create.example_call,
        generate_call=workflow.example_call,
        getter_call=getter_call,
        getter_call_with_options=with_argument(
            getter_call, 'request_options={"max_retries": 0, "timeout": 5.0}'
        ),
        upload_call=upload.example_call if upload else None,
        upload_file=f"path/to/input.{_first_extension(upload) if upload else 'bin'}",
        upload_file_call=next(
            (r.upload_file.doc.example_call for r in api.resources if r.upload_file), None
        ),
        check_result_call=next(
            (
                r.check_result.doc.example_call
                for r in api.resources
                if r.check_result and r.check_result.workflow.getter is workflow.workflow.getter
            ),
            None,
        ),
    )


def _webhooks_page(api: PyApi, types: TypeLinks) -> WebhooksPage:
    events = []
    for event in api.webhook_events:
        ir_event = event.event
        payload = types.classes.class_of(ir_event.payload, "models")
        assert payload is not None  # the Python view made it
        rows = [
            _row(
                code(f.py_name), f.required, f.schema, f.description, "models", WEBHOOKS_PAGE, types
            )
            for f in payload.fields
        ]
        fired_by = ""
        if ir_event.status is not None:
            kind = str(ir_event.kind)
            article = "an" if kind[:1] in "aeiou" else "a"
            fired_by = f"Sent when {article} {kind} project's `status` becomes `{ir_event.status}`."
        events.append(
            WebhookEventDoc(
                name=ir_event.name,
                heading=code(ir_event.name),
                anchor=re.sub(r"[^a-z0-9]+", "-", ir_event.name.lower()),
                class_name=event.class_name,
                summary=one_line(spec_markdown(ir_event.summary or ir_event.name)).rstrip("."),
                description=markdown_block(ir_event.description),
                fired_by=fired_by,
                payload=types.link(payload.name, "models", WEBHOOKS_PAGE),
                rows=rows,
                example=json.dumps(ir_event.example, indent=2, ensure_ascii=False),
            )
        )
    # The examples' event: a completion of the kind of project that takes longest, where a
    # webhook spares the most polling.
    completions = [
        (conventions.POLL_SCHEDULES[str(py.event.kind)].timeout, doc)
        for doc, py in zip(events, api.webhook_events)
        if py.event.status == conventions.COMPLETE
    ]
    example = max(completions, key=lambda pair: pair[0])[1] if completions else None
    if example is None and events:
        example = events[0]
    body = ""
    offline_call = None
    offline_events: list[str] = []
    if example is not None:
        shown = next(e.event for e in api.webhook_events if e.event.name == example.name)
        # A dict literal as a reader would write it, one field a line where it is long.
        body = pprint.pformat(shown.example, width=88, sort_dicts=False)
        # A create of that kind of project, which the mock then moves, sending its events.
        offline_call = next(
            (
                op.example_call
                for op in api.operations
                if op.workflow is not None and op.operation.project_kind == shown.kind
            ),
            None,
        )
        # The events such a project sends on its way to complete, in lifecycle order.
        statuses = [*conventions.WAITING_STATUSES, conventions.COMPLETE]
        offline_events = [
            e.event.name
            for status in statuses
            for e in api.webhook_events
            if e.event.kind == shown.kind and e.event.status == status
        ]
    return WebhooksPage(
        path=WEBHOOKS_PAGE,
        package_readme=relative_link(WEBHOOKS_PAGE, "README.md"),
        signature_header=code(conventions.WEBHOOK_SIGNATURE_HEADER),
        timestamp_header=code(conventions.WEBHOOK_TIMESTAMP_HEADER),
        module=f"{api.package}.types.{api.webhooks_module}",
        union=api.webhook_union,
        unknown=api.unknown_webhook_event,
        parse_event=api.parse_event,
        unwrap_fence=UNWRAP_FENCE,
        events=events,
        example=example,
        example_body=body,
        offline_call=offline_call if offline_events else None,
        offline_events=", then ".join(offline_events),
        offline_count=len(offline_events),
    )


def _offline_page(api: PyApi) -> OfflinePage:
    getter = next((w.getter_method for w in api.workflows), None)
    # The getter's example id (Python source), which the mock keeps as a finished project.
    example = getter.arguments_in("path")[0].example if getter is not None else None
    example_id = code(str(ast.literal_eval(example))) if example is not None else None
    # An error code that says something, rather than `unknown_error`.
    error_code = next((c for c in conventions.ERROR_CODES if c != "unknown_error"), "unknown_error")
    return OfflinePage(
        path=OFFLINE_PAGE,
        package_readme=relative_link(OFFLINE_PAGE, "README.md"),
        mock_url=conventions.MOCK_SERVER_URL,
        mock_port=conventions.MOCK_SERVER_URL.rpartition(":")[2],
        url_variable=conventions.MOCK_SERVER_URL_VARIABLE,
        example_id=example_id,
        error_codes=", ".join(code(c) for c in conventions.ERROR_CODES),
        error_code=error_code,
        example=_offline_example(api, error_code),
    )


def _offline_example(api: PyApi, error_code: str) -> OfflineExample | None:
    """The first project (an image's, if any) whose `generate` uploads a local file named by a
    field outside arrays: the page shows the whole kit on it, uploads included."""
    projects = [
        (op, op.workflow)
        for op in api.operations
        if op.workflow is not None
        and op.workflow.workflow.outputs == conventions.OUTPUTS_FIELD
        and op.workflow.workflow.uploader is not None
    ]
    for op, workflow in sorted(projects, key=lambda project: project[1].kind != "image"):
        call = workflow.example_call
        local_files = _local_files(call)
        examples = {a.wire_name: example_value(a.schema) for a in op.body_arguments}
        # The example's storage paths are what `generate`'s example gives as local files.
        fields = [
            f.path for f in workflow.workflow.input_files if _storage_path(_at(examples, f.path))
        ]
        if not local_files or not fields:
            continue
        id_argument = workflow.getter_method.arguments_in("path")[0].py_name
        project = workflow.workflow.project
        error = next((f for f in project.fields if f.wire_name == "error"), None)
        header = {"X-Mock-Outcome": f"error:{error_code}"}
        return OfflineExample(
            operation=f"{op.http_method} {op.path}",
            generate_call=call,
            fixture_call=_from(CLIENT_FIXTURE, call),
            async_fixture_call=f"await {_from(ASYNC_CLIENT_FIXTURE, call)}",
            headers_call=with_argument(
                call, f"request_options={python_literal({'additional_headers': header})}"
            ),
            local_files=local_files,
            input_field="".join(f"[{python_literal(key)}]" for key in fields[0]),
            create_call=op.example_call,
            getter_call=f"{workflow.getter.access_path}.get({id_argument}=res.id)",
            # The API's error codes are a project's `error.code` (conventions.ERROR_CODES).
            error_code_field=error is not None
            and any(f.wire_name == "code" for f in error.schema.fields),
        )
    return None


def _at(value: object, path: tuple[str, ...]) -> object:
    """The value at `path` (keys of nested dicts), None where there is none."""
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _storage_path(value: object) -> bool:
    return isinstance(value, str) and value.startswith(conventions.STORAGE_PREFIX)


def _local_files(call: str) -> list[str]:
    """The local file names (`path/to/...`) an example call holds, each once."""
    names = [
        node.value
        for node in ast.walk(ast.parse(call))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith(LOCAL_FOLDER)
    ]
    return list(dict.fromkeys(names))


def _from(variable: str, call: str) -> str:
    """A call from `client.` made from another variable holding a client."""
    assert call.startswith("client.")
    return variable + call[len("client") :]


def _first_extension(upload: PyMethod) -> str:
    """The `extension` of the first item the upload example asks for (`bin` if none)."""
    for argument in upload.body_arguments:
        items = example_value(argument.schema)
        if isinstance(items, list) and items and isinstance(items[0], dict):
            extension = items[0].get("extension")
            if isinstance(extension, str) and extension.isalnum():
                return extension
    return "bin"


def with_argument(call: str, argument: str) -> str:
    """A call with one more argument, on the call's line or, if it has one a line, on its own."""
    if call.endswith("\n)"):
        return f"{call[:-1]}    {argument},\n)"
    return f"{call[:-1]}, {argument})" if not call.endswith("()") else f"{call[:-1]}{argument})"


def relative_link(page: str, target: str) -> str:
    """`target` (a path in the output, with an optional `#anchor`) as a link from `page`."""
    path, _, anchor = target.partition("#")
    link = posixpath.relpath(path, posixpath.dirname(page)) if path != page else ""
    return f"{link}#{anchor}" if anchor else link


# -- resource pages -----------------------------------------------------------------------


def _resource_page(resource: PyResource, types: TypeLinks) -> ResourcePage:
    page = f"{resource.directory}/README.md"
    methods = [_method_doc(op, page, types) for op in resource.operations]
    workflow = next(
        (_workflow_doc(op, op.workflow, page, types) for op in resource.operations if op.workflow),
        None,
    )
    helpers = [
        _helper_doc(helper.doc, page, types)
        for helper in (resource.check_result, resource.upload_file)
        if helper is not None
    ]
    return ResourcePage(page, resource.access_path, workflow, helpers, methods)


def _helper_doc(doc: PyHelperDoc, page: str, types: TypeLinks) -> HelperDoc:
    result, text = doc.returns
    known = result in types.classes.named[MODELS]
    return HelperDoc(
        name=doc.name,
        summary=doc.summary,
        details=doc.details,
        endpoint=f"{code(doc.endpoint)} {doc.then}",
        arguments=[
            (name, "required" if default is None else f"default `{default}`", description)
            for name, default, description in doc.arguments
        ],
        returns=types.link(result, "models", page) if known else code(result),
        returns_text=text,
        sync_example=_example("Client", f"res = {doc.example_call}"),
        async_example=_example("AsyncClient", f"res = await {doc.example_call}"),
    )


def _method_doc(op: PyMethod, page: str, types: TypeLinks) -> MethodDoc:
    call = op.example_call
    result = "res = " if op.return_annotation != "None" else ""
    return MethodDoc(
        name=op.method_name,
        heading=one_line(spec_markdown(op.operation.summary)) or op.method_name,
        summary_cell=cell(spec_markdown(op.operation.summary)),
        description=markdown_block(op.operation.description),
        endpoint=code(f"{op.http_method} {op.path}"),
        rows=_argument_rows(op, page, types),
        sync_example=_example("Client", f"{result}{call}"),
        async_example=_example("AsyncClient", f"{result}await {call}"),
        responses=[_response_doc(r, page, types) for r in op.responses],
        deprecated=op.operation.deprecated,
    )


def _workflow_doc(op: PyMethod, workflow: PyGenerate, page: str, types: TypeLinks) -> WorkflowDoc:
    call = workflow.example_call
    return WorkflowDoc(
        endpoint=code(f"{op.http_method} {op.path}"),
        steps=workflow.steps,
        extra_arguments=[
            (name, default, text) for name, _, default, text in workflow.extra_arguments
        ],
        sync_example=_example("Client", f"res = {call}"),
        async_example=_example("AsyncClient", f"res = await {call}"),
        returns=types.link(workflow.result_model, "models", page),
        example=json.dumps(_finished_example(workflow), indent=2, ensure_ascii=False),
    )


def _finished_example(workflow: PyGenerate) -> object:
    """What `generate` returns: the getter's example answer, and where the outputs went."""
    answer = workflow.getter_method.operation.response_example
    answer = answer if isinstance(answer, dict) else {}
    # Each output is saved under the last part of its download URL.
    downloads = answer.get("downloads")
    urls = (
        [d.get("url") for d in downloads if isinstance(d, dict)]
        if isinstance(downloads, list)
        else []
    )
    names = [u.partition("?")[0].rpartition("/")[2] for u in urls if isinstance(u, str)]
    return {**answer, "downloaded_paths": [f"outputs/{name}" for name in names if name]}


def _example(client_class: str, call: str) -> str:
    return (
        f"from magic_hour import {client_class}\n"
        "from os import getenv\n\n"
        f"client = {client_class}(token={TOKEN_EXPRESSION})\n"
        f"{call}\n"
    )


def _argument_rows(op: PyMethod, page: str, types: TypeLinks) -> list[Row]:
    rows = []
    where = {"path": "In the path. ", "query": "In the query. ", "header": "A header. "}
    for argument in op.arguments:
        # The argument's example is the parameter's own when the spec gives one.
        rows.append(
            _row(
                code(argument.py_name),
                argument.required,
                argument.schema,
                where.get(argument.location, "") + argument.description,
                "params",
                page,
                types,
                example=argument.example,
            )
        )
        rows.extend(_nested_rows(argument.schema, 1, page, types))
    return rows


def _row(
    name: str,
    required: bool,
    schema: Schema,
    description: str,
    kind: str,
    page: str,
    types: TypeLinks,
    example: str | None = None,
) -> Row:
    """A table row; `example` is Python source, by default the schema's own example."""
    if example is None:
        value = example_value(schema)
        if kind == "params":
            value = types.classes.python_keys(value, schema)
        example = python_literal(value) if value is not None else None
    return Row(
        name=name,
        required=required,
        type=type_text(schema, kind, page, types),
        description=cell(describe(description, schema, schema.deprecated)),
        example=cell(code(example)) if example is not None else "",
    )


def _nested_rows(schema: Schema, depth: int, page: str, types: TypeLinks) -> list[Row]:
    """The rows of an object's fields (or its items' fields), each under its parent."""
    while schema.kind == "array" and schema.items is not None:
        schema = schema.items
    if schema.kind != "object":
        return []
    rows = []
    # A request object's keys as Python spells them (`type_`), as its TypedDict has them.
    keys = {wire: py for py, wire in types.classes.renamed_keys(schema).items()}
    for f in schema.fields:
        key = keys.get(f.wire_name, f.wire_name)
        name = code("\u00a0\u00a0\u00a0" * (depth - 1) + "└─ " + key)
        rows.append(_row(name, f.required, f.schema, f.description, "params", page, types))
        rows.extend(_nested_rows(f.schema, depth + 1, page, types))
    return rows


def _response_doc(response: PyResponse, page: str, types: TypeLinks) -> ResponseDoc:
    if response.kind == "json" and response.schema is not None:
        example = example_value(response.schema, complete=True)
        return ResponseDoc(
            status=response.status,
            type=type_text(response.schema, "models", page, types),
            example=json.dumps(example, indent=2, ensure_ascii=False),
        )
    plain = {"json": "any JSON", "text": "`str`", "binary": "`bytes`", "empty": "`None`"}
    return ResponseDoc(response.status, plain[response.kind], None)


# -- the types pages ----------------------------------------------------------------------


def _type_doc(
    name: str,
    base: str | None,
    description: str,
    module: str,
    fields: list[PyField],
    kind: str,
    types: TypeLinks,
) -> TypeDoc:
    page = types.pages[kind]
    rows = [
        _row(
            code(f.py_name),
            f.required,
            f.schema,
            f.description,
            kind,
            page,
            types,
        )
        for f in fields
    ]
    return TypeDoc(
        name=name,
        extends=types.link(base, kind, page) if base else None,
        description=markdown_block(description),
        source=f"[`{module}.py`]({module}.py)",
        rows=rows,
    )


# -- types, descriptions and Markdown safety ------------------------------------------------


def type_text(schema: Schema, kind: str, page: str, types: TypeLinks) -> str:
    """The schema's type for a table cell: a link for a class, `array of ...` for lists."""
    if schema.variants:
        text = " or ".join(type_text(v, kind, page, types) for v in schema.variants)
    elif schema.kind == "array":
        inner = type_text(schema.items, kind, page, types) if schema.items else "any"
        text = f"array of {inner}"
    elif schema.kind == "object":
        cls = types.classes.class_of(schema, kind)
        if cls:
            text = types.link(cls.name, kind, page)
        elif schema.values is not None:
            text = f"object of {type_text(schema.values, kind, page, types)}"
        else:
            text = "object"
    else:
        text = schema.kind
    return f"{text} or null" if schema.nullable else text


@dataclass
class TypeLinks:
    """Where each kind of type is documented, and the classes there."""

    pages: dict[str, str]  # params | models -> the page's path
    classes: Classes

    def link(self, name: str, kind: str, page: str) -> str:
        """A link from `page` to the class `name` on its types page."""
        return f"[{name}]({relative_link(page, f'{self.pages[kind]}#{name}')})"


def describe(description: str, schema: Schema, deprecated: bool) -> str:
    """A field's description, then its constraints, allowed values and default, as sentences."""
    parts = []
    if deprecated:
        parts.append("**Deprecated.**")
    text = one_line(_cell_lines(spec_markdown(_without_site_links(description))))
    if text:
        parts.append(sentence(text))
    parts.extend(constraint_sentences(schema))
    if schema.enum:
        values = ", ".join(code(python_literal(v)) for v in schema.enum)
        parts.append(f"One of {values}.")
    if schema.has_default:
        parts.append(f"Defaults to {code(python_literal(schema.default))}.")
    return " ".join(parts)


def sentence(text: str) -> str:
    """`text` ending as a sentence ends: with its own stop, or a period."""
    return text if not text or text.endswith((".", "!", "?", ":")) else f"{text}."


def constraint_sentences(schema: Schema) -> list[str]:
    c = {key: _number(value) for key, value in schema.constraints.items()}
    sentences = []
    for low, high, unit in (
        ("minLength", "maxLength", "character"),
        ("minItems", "maxItems", "item"),
    ):
        if low in c and high in c:
            sentences.append(f"{c[low]} to {c[high]} {unit}s.")
        elif low in c:
            sentences.append(f"At least {c[low]} {unit}{'s' if c[low] != 1 else ''}.")
        elif high in c:
            sentences.append(f"At most {c[high]} {unit}{'s' if c[high] != 1 else ''}.")
    bounds = []
    if "minimum" in c:
        bounds.append(f"{'>' if c.get('exclusiveMinimum') else '≥'} {c['minimum']}")
    if "maximum" in c:
        bounds.append(f"{'<' if c.get('exclusiveMaximum') else '≤'} {c['maximum']}")
    if bounds:
        sentences.append(f"Must be {' and '.join(bounds)}.")
    if "multipleOf" in c:
        sentences.append(f"A multiple of {c['multipleOf']}.")
    if "pattern" in c:
        sentences.append(f"Matches {code(str(c['pattern']))}.")
    if c.get("uniqueItems"):
        sentences.append("Items are unique.")
    return sentences


def _number(value: object) -> object:
    """1.0 as 1: the spec's `minimum: 1` reads back as a float."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _cell_lines(text: str) -> str:
    """A list item of spec text keeps its own line in a one-line table cell."""
    text = re.sub(r"^[*-] ", "• ", text.strip())
    return re.sub(r"\n\s*[*-] ", "<br>• ", text)


def one_line(text: str) -> str:
    return " ".join(text.split())


def code(text: str) -> str:
    """A code span that holds `text` whatever backticks it contains."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") or not text.strip() else text
    return f"{fence}{padded}{fence}"


def cell(text: str) -> str:
    """Text for one table cell: one line, and no `|` that would end the cell."""
    return one_line(text).replace("|", "\\|")


def markdown_block(text: str) -> str:
    """Spec Markdown as a block of a page: site links made text, HTML and links that do not lead
    to the web neutralised (`spec_markdown`), every code fence closed, and a Python fence of the
    spec's marked as quoted (`python spec`: highlighted all the same) so that the pages' `python`
    fences are this client's examples only, each of them run."""
    lines = _lines(_without_site_links(text.strip()))
    # A fence's lines are code, shown as written, only where no fence is nested in a list or
    # quote: there a fence may end before its closing line, and its HTML would then be live.
    trusted = not any(_NESTED_FENCE.match(line) for line in lines)
    opened: str | None = None
    in_code = []
    for number, line in enumerate(lines):
        fence = _FENCE.match(line)
        if fence is None:
            in_code.append(opened is not None and trusted)
            continue
        in_code.append(True)  # a fence line holds no HTML CommonMark would show
        marker, info = fence.group(1), line[fence.end() :]
        if opened is None:
            if marker[0] == "`" and "`" in info:
                in_code[-1] = False
                continue  # not a fence: a backtick fence's info holds no backtick
            opened = marker
            if info.strip().lower() in ("python", "py"):
                lines[number] = line[: fence.end()] + info.rstrip() + " spec"
        elif marker[0] == opened[0] and len(marker) >= len(opened) and not info.strip():
            opened = None
    prose = [line for line, code in zip(lines, in_code) if not code]
    spans = _code_spans_pair(prose)
    lines = [line if code else _inline(line, spans) for line, code in zip(lines, in_code)]
    if opened is not None:
        lines.append(opened)
    return "\n".join(lines)


def spec_markdown(text: str) -> str:
    """Spec text as Markdown that shows what it says and runs nothing: HTML (`<script>`, `<img
    onerror=...>`) shown as text, a link or image that leads elsewhere than the web or mail
    (`javascript:`, `data:`) shown as the text it was written as; emphasis, lists, code spans,
    and links and autolinks to `https:`, `http:` and `mailto:` kept."""
    lines = _lines(text)
    spans = _code_spans_pair(lines)
    return "\n".join(_inline(line, spans) for line in lines)


def _lines(text: str) -> list[str]:
    """The lines of spec text as Markdown breaks them: at a line feed, a carriage return, or
    both (not at a form feed or U+2028)."""
    return re.split(r"\r\n?|\n", text)


def _code_spans_pair(lines: list[str]) -> bool:
    """Whether every backtick run opens or closes a code span on its own line. Then the code
    spans are the ones a Markdown parser sees, and their text can be left as it is; otherwise
    a span may run across lines and block boundaries, so none is trusted."""
    return all(_inline(line, True) is not None for line in lines)


_PUNCTUATION = frozenset(string.punctuation)
# What `_scan` looks at; the text between passes through as it is, in one piece.
_SPECIAL = re.compile(r"[\\`<\]]")


def _inline(line: str, code_spans: bool) -> str:
    scanned = _scan(line, code_spans)
    return scanned if scanned is not None else _scan(line, False) or ""


def _scan(line: str, code_spans: bool) -> str | None:
    """One line of spec text made safe (see `spec_markdown`). With `code_spans`, a code span's
    text is left as it is, and None says that a backtick run has no partner on the line."""
    out = []
    i = 0
    while i < len(line):
        char = line[i]
        if char == "\\" and line[i + 1 : i + 2] in _PUNCTUATION and i + 1 < len(line):
            out.append(line[i : i + 2])  # an escaped character starts nothing
            i += 2
        elif char == "`":
            run = _BACKTICKS.match(line, i)
            assert run is not None
            closing = next(
                (m for m in _BACKTICKS.finditer(line, run.end()) if len(m[0]) == len(run[0])),
                None,
            )
            if closing is None and code_spans:
                return None
            end = closing.end() if closing is not None and code_spans else run.end()
            out.append(line[i:end])
            i = end
        elif char == "<":
            autolink = _WEB_AUTOLINK.match(line, i)
            out.append(autolink[0] if autolink else "&lt;")
            i = autolink.end() if autolink else i + 1
        elif char == "]" and line[i + 1 : i + 2] in ("(", ":"):
            # `](` and `]:` make links and link references: escaped, they are text as written.
            safe = _WEB_DESTINATION.match(line, i + 2)
            out.append("]" if safe else "]\\")
            i += 1
        else:
            special = _SPECIAL.search(line, i + 1)
            end = special.start() if special is not None else len(line)
            out.append(line[i:end])
            i = end
    return "".join(out)


def _without_site_links(text: str) -> str:
    return _SITE_LINK.sub(r"\1", text)
