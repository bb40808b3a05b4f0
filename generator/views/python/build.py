"""The Python view of the IR: resources, methods, arguments, classes and errors, all named.

Names are given reading the spec in order (by path, then verb), so that they never depend on
anything but the specs. A name the API's words would give twice is a located SpecError.
"""

from __future__ import annotations

import dataclasses
import re

from generator.ir import model as ir
from generator.ir.examples import example_value
from generator.ir.operations import ACTIONS
from generator.naming import words
from generator.problems import Problem, SpecError
from generator.views.python import generate
from generator.views.python.docstrings import method_docstrings
from generator.views.python.model import (
    ClientNames,
    ErrorClass,
    PyCheckResult,
    PyApi,
    PyArgument,
    PyGenerate,
    PyInputFile,
    PyMethod,
    PyResource,
    PyResponse,
    PyUploadFile,
    PyWebhookEvent,
    PARSE_EVENT,
    UNKNOWN_WEBHOOK_EVENT,
    WEBHOOK_UNION,
    WEBHOOKS_MODULE,
    WebhookParser,
)
from generator.views.python.names import (
    CLIENT_RESERVED,
    RESERVED,
    class_name,
    error_class_name,
    pascal,
    python_name,
    snake,
)
from generator.views.python.rules import parameters_rule, rule
from generator.views.python.source import docstring_text, optional, python_literal, union_of
from generator.views.python.types import MODELS, PACKAGE, PARAMS, Classes

_SIMPLE = {"text": "str", "binary": "bytes", "empty": "None"}
# The published SDK's method names for the verbs' actions, kept as they are (`list` included).
_VERB_METHODS = frozenset(ACTIONS.values())
# The methods a resource may get besides its operations': an operation's action does not take
# their names (it becomes `generate_`...).
_WRITTEN_METHODS = frozenset({"generate", "check_result", "upload_file"})


def build_python_view(api: ir.Api) -> PyApi:
    """The Python view of `api`; raises SpecError where two things would take one name."""
    return _Builder(api).build()


class _Builder:
    """Names first, reading the spec in order; then each method, `generate` and client whole."""

    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.classes = Classes()
        self.problems: list[Problem] = []
        self.names: dict[int, ClientNames] = {}  # by id of the IR resource
        self.homes: dict[int, ClientNames] = {}  # the client of each IR operation, by its id
        self.method_names: dict[int, str] = {}  # by id of the IR operation
        self.resource_class_names: set[str] = {"Client", "AsyncClient"}

    def build(self) -> PyApi:
        chains = _chains(self.api.root, ())
        owners: dict[tuple[str, str], ir.Operation] = {}
        for op in self.api.operations:
            home = ROOT
            for resource in chains[id(op)]:
                home = self._names_of(resource, home)
            self.homes[id(op)] = home
            method_name = self._method_name(op, home, owners)
            if method_name is not None:
                self.method_names[id(op)] = method_name
                self._visit_classes(op)
        creates = {id(w.create): w for w in self.api.workflows}
        methods = {
            id(op): self._method(op, None)
            for op in self.api.operations
            if id(op) in self.method_names and id(op) not in creates
        }
        for workflow in self.api.workflows:
            if id(workflow.create) in self.method_names:
                generate = self._generate(workflow, methods.get(id(workflow.getter)))
                methods[id(workflow.create)] = self._method(workflow.create, generate)
        root = self._resource(self.api.root, ROOT, methods)
        self._attribute_clashes(root)
        events = [self._webhook_event(event) for event in self.api.webhook_events]
        if self.problems:
            raise SpecError(self.problems)
        payloads = {e.payload_annotation for e in events}
        return PyApi(
            self.api,
            root,
            self.classes,
            _error_classes(self.api.error_statuses),
            webhook_events=events,
            webhook_imports=self.classes.import_lines(payloads, MODELS),
            webhook_parser=(
                WebhookParser(
                    module=f"{PACKAGE}.types.{WEBHOOKS_MODULE}",
                    function=PARSE_EVENT,
                    event_class=WEBHOOK_UNION,
                    unknown_class=UNKNOWN_WEBHOOK_EVENT,
                )
                if events
                else None
            ),
        )

    def _webhook_event(self, event: ir.WebhookEvent) -> PyWebhookEvent:
        """An event's class: its payload a response model, itself named after the event."""
        self.classes.visit(event.payload, MODELS)
        payload = self.classes.class_of(event.payload, MODELS)
        assert payload is not None  # the IR made sure the payload lists properties
        # The webhooks module defines these names too; an event's class takes none of them.
        taken = {WEBHOOK_UNION, UNKNOWN_WEBHOOK_EVENT, PARSE_EVENT}
        stem = class_name((*words(event.name), "event"))
        name, counter = stem, 2
        while name in taken or not self.classes.is_free(name):
            name, counter = f"{stem}{counter}", counter + 1
        self.classes.taken_names.add(name)
        text = event.summary or event.name
        if event.kind is not None and event.status is not None:
            text += (
                f"\n\nSent when {_a(event.kind)} project's status becomes `{event.status}`;"
                f" `payload` is the project, as its GET answers."
            )
        return PyWebhookEvent(
            event=event,
            class_name=name,
            type_literal=python_literal(event.name),
            payload_annotation=payload.name,
            doc=docstring_text(text),
        )

    # -- names, in the order the spec is read -------------------------------------------------

    def _names_of(self, resource: ir.Resource, parent: ClientNames) -> ClientNames:
        """The names of `resource`'s client, under `parent`'s: given the first time it is met."""
        known = self.names.get(id(resource))
        if known is not None:
            return known
        reserved = CLIENT_RESERVED if parent is ROOT else RESERVED
        attribute = python_name(snake(resource.words), set(), reserved)
        # Unique across the package, async twins included: a workflow imports the classes of
        # other resources, and `client.py` defines `Client` itself.
        stem = pascal(attribute.split("_")) + "Client"
        class_name, counter = stem, 2
        while {class_name, f"Async{class_name}"} & self.resource_class_names:
            class_name, counter = f"{stem[: -len('Client')]}{counter}Client", counter + 1
        self.resource_class_names |= {class_name, f"Async{class_name}"}
        names = ClientNames(
            attribute=attribute,
            class_name=class_name,
            async_class_name=f"Async{class_name}",
            module=f"{parent.module}.{attribute}",
            access_path=f"{parent.access_path}.{attribute}",
        )
        self.names[id(resource)] = names
        return names

    def _method_name(
        self, op: ir.Operation, home: ClientNames, owners: dict[tuple[str, str], ir.Operation]
    ) -> str | None:
        """The method's name on its client; None (a problem) if another operation has it."""
        action = snake(op.action)
        if action in _VERB_METHODS:
            method_name = action
        else:
            method_name = python_name(action, set(_WRITTEN_METHODS))
        key = (home.access_path, method_name)
        if key in owners:
            message = (
                f"{op.http_method} {op.path} would be {home.access_path}.{method_name},"
                f" already taken by {owners[key].location}"
            )
            self.problems.append(Problem(op.location, message))
            return None
        owners[key] = op
        return method_name

    def _visit_classes(self, op: ir.Operation) -> None:
        for parameter in op.parameters:
            self.classes.visit(parameter.schema, PARAMS)
        if op.body is not None:
            self.classes.visit(op.body, PARAMS)
        for response in op.responses:
            if response.schema is not None:
                self.classes.visit(response.schema, MODELS)

    # -- clients ------------------------------------------------------------------------------

    def _resource(
        self, resource: ir.Resource, names: ClientNames, methods: dict[int, PyMethod]
    ) -> PyResource:
        """The client of `resource` and of everything under it."""
        children = sorted(
            (self._resource(child, self.names[id(child)], methods) for child in resource.children),
            key=lambda r: r.attribute,
        )
        operations = [methods[id(op)] for op in resource.operations if id(op) in methods]
        check_result = self._check_result(resource, names, methods)
        upload_file = self._upload_file(resource, names)
        return PyResource(
            **vars(names),
            children=children,
            operations=operations,
            check_result=check_result,
            upload_file=upload_file,
            imports=self._imports(names, children, operations, check_result, upload_file),
        )

    def _check_result(
        self, resource: ir.Resource, names: ClientNames, methods: dict[int, PyMethod]
    ) -> PyCheckResult | None:
        """`check_result` beside the get that a workflow polls, if this client has it."""
        workflow = next((w for w in self.api.workflows if w.getter in resource.operations), None)
        getter = methods.get(id(workflow.getter)) if workflow is not None else None
        if workflow is None or getter is None or getter.response_model is None:
            return None
        id_argument = getter.arguments_in("path")[0]
        result = self._result_model(getter.response_model, workflow, workflow.getter)
        doc = generate.check_result_doc(
            names.access_path,
            names.class_name,
            id_argument.py_name,
            result,
            id_argument.example or python_literal(id_argument.py_name),
            f"{getter.http_method} {getter.path}",
        )
        return PyCheckResult(
            workflow=workflow,
            getter_method=getter.method_name,
            id_argument=id_argument.py_name,
            result_model=result,
            doc=doc,
        )

    def _upload_file(self, resource: ir.Resource, names: ClientNames) -> PyUploadFile | None:
        """`upload_file` on the client above the operation that hands out upload URLs."""
        found = next(
            ((child, op) for child in resource.children for op in child.operations if op.uploads),
            None,
        )
        if found is None:
            return None
        uploader, upload = found
        doc = generate.upload_file_doc(
            names.access_path, names.class_name, f"{upload.http_method} {upload.path}"
        )
        return PyUploadFile(self.names[id(uploader)], doc)

    def _attribute_clashes(self, root: PyResource) -> None:
        """A sub-resource may not take the name of a method of its parent."""
        for resource in root.walk():
            methods = {op.method_name for op in resource.operations}
            if resource.workflow is not None:
                methods.add("generate")
            if resource.check_result is not None:
                methods.add("check_result")
            if resource.upload_file is not None:
                methods.add("upload_file")
            for child in resource.children:
                if child.attribute in methods:
                    op = next(op for r in child.walk() for op in r.operations).operation
                    message = (
                        f"{op.http_method} {op.path}: its resource {child.access_path} has the"
                        f" name of the method {resource.access_path}.{child.attribute}"
                    )
                    self.problems.append(Problem(op.location, message))

    def _imports(
        self,
        own: ClientNames,
        children: list[PyResource],
        operations: list[PyMethod],
        check_result: PyCheckResult | None,
        upload_file: PyUploadFile | None,
    ) -> list[list[str]]:
        """A client module's imports, in groups: the standard library, other libraries, ours."""
        params: set[str] = set()
        models: set[str] = set()
        for method in operations:
            for argument in method.arguments:
                params |= self.classes.referenced(argument.schema, PARAMS)
            for response in method.responses:
                if response.kind == "json" and response.schema is not None:
                    models |= self.classes.referenced(response.schema, MODELS)
            if method.workflow is not None:
                models.add(method.workflow.result_model)
                for argument in method.workflow.arguments:
                    params |= self.classes.names_in(argument.type)
        if check_result is not None:
            models.add(check_result.result_model)
        workflow = next((op.workflow for op in operations if op.workflow), None)
        waits = workflow is not None or check_result is not None
        standard = [
            *(["import functools"] if children else []),
            *(["import os"] if waits else []),
            "import typing",
            *(["import warnings"] if any(op.operation.deprecated for op in operations) else []),
        ]
        runtime = [f"from {PACKAGE}.core.base_client import AsyncBaseClient, SyncBaseClient"]
        if operations:
            runtime = [
                f"from {PACKAGE}.core import validation",
                *(
                    [f"from {PACKAGE}.core.assets import AssetField"]
                    if workflow and workflow.assets
                    else []
                ),
                *runtime,
                f"from {PACKAGE}.core.request_options import RequestOptions",
                f"from {PACKAGE}.core.responses import Expected",
                f"from {PACKAGE}.core.type_utils import NOT_GIVEN, NotGiven, given",
            ]
        elif upload_file is not None:
            runtime += [f"from {PACKAGE}.core.request_options import RequestOptions"]
        if waits or upload_file is not None:
            runtime.insert(0, f"from {PACKAGE} import conventions")
        if upload_file is not None:
            runtime.insert(1, f"from {PACKAGE}.core.assets import FileSource")
            runtime.append(f"from {PACKAGE}.core.workflow import AsyncUploads, SyncUploads")
        if waits:
            runtime.append(
                f"from {PACKAGE}.core.workflow import"
                " AsyncWorkflow, ProgressCallback, SyncWorkflow, WorkflowConventions"
            )
        clients = [workflow.getter, workflow.uploader] if workflow else []
        clients += [upload_file.uploader] if upload_file else []
        runtime += sorted(
            {
                f"from {r.client_module} import {r.async_class_name}, {r.class_name}"
                for r in clients
                if r is not None and r.module != own.module
            }
        )
        package = [
            *runtime,
            *self.classes.import_lines(params, PARAMS),
            *self.classes.import_lines(models, MODELS),
        ]
        libraries = ["import typing_extensions"] if operations else []
        return [group for group in (standard, libraries, package) if group]

    # -- methods ------------------------------------------------------------------------------

    def _method(self, op: ir.Operation, generate: PyGenerate | None) -> PyMethod:
        resource = self.homes[id(op)]
        method_name = self.method_names[id(op)]
        arguments, body_arguments = self._arguments(op)
        responses = [self._response(r) for r in op.responses]
        return_annotation = union_of([r.annotation for r in responses])
        only = op.response
        response_class = (
            self.classes.class_of(only.schema, MODELS) if only and only.schema else None
        )
        example_call = _example_call(f"{resource.access_path}.{method_name}", arguments)
        docstring, async_docstring = method_docstrings(
            op,
            arguments,
            responses,
            return_annotation,
            example_call,
            f"{resource.class_name}.{method_name}",
        )
        upper = method_name.upper()
        body_class = self.classes.class_of(op.body, PARAMS) if op.body is not None else None
        return PyMethod(
            operation=op,
            method_name=method_name,
            http_method=op.http_method,
            path=op.path,
            arguments=arguments,
            body_arguments=body_arguments,
            parameters_rule=parameters_rule(op.parameters),
            parameters_rule_name=f"_{upper}_PARAMETERS_RULE",
            body_rule=rule(op.body, self.classes.renamed_keys) if op.body is not None else None,
            body_rule_name=f"_{upper}_BODY_RULE",
            body_params_class=body_class.name if body_class else None,
            responses=responses,
            return_annotation=return_annotation,
            response_name=f"_{upper}_RESPONSE",
            expected_arguments=_expected_arguments(responses),
            response_model=response_class.name if response_class else None,
            auth=python_literal(op.auth) if op.auth != ir.BEARER else None,
            unset_by_none=tuple(
                a.wire_name for a in arguments if not a.required and not a.schema.nullable
            ),
            deprecation=(
                python_literal(f"{op.http_method} {op.path} is deprecated")
                if op.deprecated
                else None
            ),
            example_call=example_call,
            docstring=docstring,
            async_docstring=async_docstring,
            workflow=generate,
        )

    def _arguments(self, op: ir.Operation) -> tuple[list[PyArgument], list[PyArgument]]:
        """The method's arguments, required first (the signature reads as the docs' parameter
        table), and its body arguments in the spec's order (the order they are sent in)."""
        taken: set[str] = set()
        arguments = [
            self._argument(
                p.name,
                python_name(p.name, taken),
                p.location,
                p.required,
                p.schema,
                p.description,
                p.example if p.example is not None else example_value(p.schema),
                p.deprecated,
            )
            for p in op.parameters
        ]
        body_arguments = [
            self._argument(
                f.wire_name,
                python_name(f.wire_name, taken),
                "body",
                f.required,
                f.schema,
                f.description,
                self.classes.python_keys(example_value(f.schema), f.schema),
                f.schema.deprecated,
            )
            for f in (op.body.fields if op.body is not None else [])
        ]
        return sorted([*arguments, *body_arguments], key=lambda a: not a.required), body_arguments

    def _argument(
        self,
        wire_name: str,
        py_name: str,
        location: str,
        required: bool,
        schema: ir.Schema,
        description: str,
        example: object,
        deprecated: bool,
    ) -> PyArgument:
        annotation = self.classes.annotation(schema, PARAMS)
        # An optional argument may be None, which leaves it out where the API takes no null.
        signature = annotation if required else f"typing.Union[{optional(annotation)}, NotGiven]"
        has_example = example is not None or (schema.nullable and schema.has_example)
        return PyArgument(
            wire_name=wire_name,
            py_name=py_name,
            location=location,
            required=required,
            type=annotation,
            annotation=signature,
            parameter=f"{py_name}: {signature}" + ("" if required else " = NOT_GIVEN"),
            description=description,
            schema=schema,
            example=python_literal(example) if has_example else None,
            deprecated=deprecated,
        )

    def _response(self, response: ir.Response) -> PyResponse:
        if response.kind == "json":
            annotation = (
                self.classes.annotation(response.schema, MODELS)
                if response.schema
                else "typing.Any"
            )
        else:
            annotation = _SIMPLE[response.kind]
        return PyResponse(response.status, response.kind, annotation, response.schema)

    # -- generate -----------------------------------------------------------------------------

    def _generate(self, workflow: ir.Workflow, getter: PyMethod | None) -> PyGenerate | None:
        """`generate` beside the workflow's create; None (a problem) if it cannot be."""
        if getter is None:
            return None  # a naming problem, already reported
        op = workflow.create
        arguments, _ = self._arguments(op)
        clashes = sorted({a.py_name for a in arguments} & generate.GENERATE_NAMES)
        if clashes:
            names = ", ".join(repr(name) for name in clashes)
            message = f"{op.http_method} {op.path}: `generate` uses the names {names} itself"
            self.problems.append(Problem(op.location, message))
            return None
        result = self._result_model(getter.response_model or "", workflow, op)
        home = self.homes[id(op)]
        getter_home = self.homes[id(workflow.getter)]
        steps = generate.steps(workflow, home.access_path, getter_home.access_path)
        call = generate.example_call(
            home.access_path, arguments, workflow.input_files, self.classes.python_keys
        )
        docstring, async_docstring = generate.docstrings(
            op.summary,
            steps,
            f"{op.http_method} {op.path}",
            f"{home.class_name}.{self.method_names[id(op)]}",
            result,
            call,
        )
        return PyGenerate(
            workflow=workflow,
            kind=workflow.kind,
            getter=getter_home,
            getter_method=getter,
            uploader=self.homes[id(workflow.uploader)] if workflow.uploader else None,
            result_model=result,
            arguments=[self._takes_local_files(a, workflow) for a in arguments],
            assets=[
                PyInputFile(python_literal(f.path), python_literal(f.asset_type))
                for f in workflow.input_files
            ],
            extra_arguments=list(generate.WORKFLOW_ARGUMENTS),
            steps=steps,
            example_call=call,
            docstring=docstring,
            async_docstring=async_docstring,
        )

    def _takes_local_files(self, argument: PyArgument, workflow: ir.Workflow) -> PyArgument:
        """`argument` as `generate` takes it: a request class holding input files is its
        `...GenerateBody...` variant, whose file fields say they take local files too."""
        paths = [f.path[1:] for f in workflow.input_files if f.path[0] == argument.wire_name]
        inner, below = argument.schema, paths
        while below and inner.items is not None:
            inner, below = inner.items, [p[1:] for p in below if p and p[0] == "[]"]
        made = self.classes.class_of(inner, PARAMS)
        if argument.location != "body" or not below or made is None:
            return argument
        action = pascal(list(workflow.create.action))
        name = made.name.replace(f"{action}Body", "GenerateBody", 1)
        self.classes.variant(inner, name, below, generate.LOCAL_FILE_NOTE)
        swap = re.compile(rf"\b{re.escape(made.name)}\b")
        return dataclasses.replace(
            argument,
            type=swap.sub(name, argument.type),
            annotation=swap.sub(name, argument.annotation),
            parameter=swap.sub(name, argument.parameter),
        )

    def _result_model(self, base: str, workflow: ir.Workflow, op: ir.Operation) -> str:
        """The getter's response model plus `downloaded_paths`, as the published SDK has it."""
        name = f"{base}WithDownloads"
        if name in self.classes.named[MODELS]:
            return name
        if not self.classes.is_free(name):
            self.problems.append(Problem(op.location, f"the class name {name} is already taken"))
            return name
        description = (
            f"`{base}` as `generate` returns it: the project, and where its outputs were saved."
        )
        self.classes.add_model(name, description, workflow.result_fields, base)
        return name


# The top of the client tree: the package's resources, reached from `client`.
ROOT = ClientNames(
    attribute="",
    class_name="",
    async_class_name="",
    module=f"{PACKAGE}.resources",
    access_path="client",
)


def _a(word: str) -> str:
    """`a video`, `an image`: a word with its article."""
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def _chains(
    resource: ir.Resource, above: tuple[ir.Resource, ...]
) -> dict[int, tuple[ir.Resource, ...]]:
    """The resources from the top down to each operation's own, by id of the operation."""
    chains = {id(op): above for op in resource.operations}
    for child in resource.children:
        chains.update(_chains(child, (*above, child)))
    return chains


def _example_call(call: str, arguments: list[PyArgument]) -> str:
    lines = [f"    {a.py_name}={a.example}," for a in arguments if a.example is not None]
    return f"{call}(\n" + "\n".join(lines) + "\n)" if lines else f"{call}()"


def _expected_arguments(responses: list[PyResponse]) -> str:
    """The arguments of the runtime's `Expected`: each status by the kind of its body."""
    json_types = ", ".join(f"{r.status}: {r.annotation}" for r in responses if r.kind == "json")
    arguments = [f"json={{{json_types}}}"] if json_types else []
    for kind in ("text", "binary", "empty"):
        statuses = tuple(r.status for r in responses if r.kind == kind)
        if statuses:
            arguments.append(f"{kind}={python_literal(statuses)}")
    return ", ".join(arguments)


def _error_classes(statuses: list[int]) -> list[ErrorClass]:
    # The runtime retries on 429 and 5xx, so those always have a class of their own.
    classes = []
    for status in sorted(set(statuses) | {429}):
        if status >= 500:
            continue
        name, phrase = error_class_name(status)
        classes.append(ErrorClass(status, name, f"The API answered {status} {phrase}."))
    classes.append(ErrorClass(None, "InternalServerError", "The API answered with a 5xx status."))
    return classes
