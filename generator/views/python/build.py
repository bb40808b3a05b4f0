"""The Python view of the IR: resources, methods, arguments, classes and errors, all named.

Names are given reading the spec in order (by path, then verb), so that they never depend on
anything but the specs. A name the API's words would give twice is a located SpecError.
"""

from __future__ import annotations

from generator.ir import model as ir
from generator.ir.examples import example_value
from generator.ir.operations import ACTIONS
from generator.problems import Problem, SpecError
from generator.views.python import generate
from generator.views.python.docstrings import method_docstrings
from generator.views.python.model import (
    ErrorClass,
    PyApi,
    PyArgument,
    PyGenerate,
    PyInputFile,
    PyMethod,
    PyResource,
    PyResponse,
)
from generator.views.python.names import (
    CLIENT_RESERVED,
    RESERVED,
    error_class_name,
    pascal,
    python_name,
    snake,
)
from generator.views.python.rules import parameters_rule, rule
from generator.views.python.source import python_literal, union_of
from generator.views.python.types import MODELS, PACKAGE, PARAMS, Classes

_SIMPLE = {"text": "str", "binary": "bytes", "empty": "None"}
# The published SDK's method names for the verbs' actions, kept as they are (`list` included).
_VERB_METHODS = frozenset(ACTIONS.values())


def build_python_view(api: ir.Api) -> PyApi:
    """The Python view of `api`; raises SpecError where two things would take one name."""
    return _Builder(api).build()


class _Builder:
    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.classes = Classes()
        self.problems: list[Problem] = []
        self.root = PyResource(
            attribute="",
            class_name="",
            async_class_name="",
            module=f"{PACKAGE}.resources",
            access_path="client",
        )
        self.resources: dict[int, PyResource] = {}  # by id of the IR resource
        self.resource_class_names: set[str] = {"Client", "AsyncClient"}
        self.methods: dict[int, PyMethod] = {}  # by id of the IR operation
        self.method_owner: dict[tuple[str, str], ir.Operation] = {}

    def build(self) -> PyApi:
        chains = _chains(self.api.root, ())
        for op in self.api.operations:
            resource = self.root
            for ir_resource in chains[id(op)]:
                resource = self._child(resource, ir_resource)
            method = self._method(op, resource)
            if method is not None:
                resource.operations.append(method)
                self.methods[id(op)] = method
        for workflow in self.api.workflows:
            self._generate(workflow)
        self._attribute_clashes()
        if self.problems:
            raise SpecError(self.problems)
        for resource in self.root.walk():
            self._resource_imports(resource)
        return PyApi(self.api, self.root, self.classes, _error_classes(self.api.error_statuses))

    # -- resources ----------------------------------------------------------------------------

    def _child(self, parent: PyResource, resource: ir.Resource) -> PyResource:
        """The client of `resource` under `parent`, made (and named) on first use."""
        existing = self.resources.get(id(resource))
        if existing is not None:
            return existing
        reserved = CLIENT_RESERVED if parent is self.root else RESERVED
        attribute = python_name(snake(resource.words), set(), reserved)
        # Unique across the package, async twins included: a workflow imports the classes of
        # other resources, and `client.py` defines `Client` itself.
        stem = pascal(attribute.split("_")) + "Client"
        class_name, counter = stem, 2
        while {class_name, f"Async{class_name}"} & self.resource_class_names:
            class_name, counter = f"{stem[: -len('Client')]}{counter}Client", counter + 1
        self.resource_class_names |= {class_name, f"Async{class_name}"}
        child = PyResource(
            attribute=attribute,
            class_name=class_name,
            async_class_name=f"Async{class_name}",
            module=f"{parent.module}.{attribute}",
            access_path=f"{parent.access_path}.{attribute}",
        )
        parent.children.append(child)
        parent.children.sort(key=lambda r: r.attribute)
        self.resources[id(resource)] = child
        return child

    def _attribute_clashes(self) -> None:
        """A sub-resource may not take the name of a method of its parent."""
        for resource in self.root.walk():
            methods = {op.method_name for op in resource.operations}
            if resource.workflow is not None:
                methods.add("generate")
            for child in resource.children:
                if child.attribute in methods:
                    op = next(op for r in child.walk() for op in r.operations).operation
                    message = (
                        f"{op.http_method} {op.path}: its resource {child.access_path} has the"
                        f" name of the method {resource.access_path}.{child.attribute}"
                    )
                    self.problems.append(Problem(op.location, message))

    def _resource_imports(self, resource: PyResource) -> None:
        params: set[str] = set()
        models: set[str] = set()
        for method in resource.operations:
            for argument in method.arguments:
                params |= self.classes.referenced(argument.schema, PARAMS)
            for response in method.responses:
                if response.kind == "json" and response.schema is not None:
                    models |= self.classes.referenced(response.schema, MODELS)
            if method.workflow is not None:
                models.add(method.workflow.result_model)
        workflow = resource.workflow
        standard = [
            *(["import functools"] if resource.children else []),
            *(["import os"] if workflow else []),
            "import typing",
            *(["import warnings"] if resource.has_deprecated else []),
        ]
        runtime = [f"from {PACKAGE}.core.base_client import AsyncBaseClient, SyncBaseClient"]
        if resource.operations:
            runtime = [
                *([f"from {PACKAGE} import conventions"] if workflow else []),
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
        if workflow is not None:
            runtime.append(
                f"from {PACKAGE}.core.workflow import"
                " AsyncWorkflow, ProgressCallback, SyncWorkflow, WorkflowConventions"
            )
            runtime += [
                f"from {r.client_module} import {r.async_class_name}, {r.class_name}"
                for r in (workflow.getter, workflow.uploader)
                if r is not None
            ]
        package = [
            *runtime,
            *self.classes.import_lines(params, PARAMS),
            *self.classes.import_lines(models, MODELS),
        ]
        libraries = ["import typing_extensions"] if resource.operations else []
        resource.imports = [group for group in (standard, libraries, package) if group]

    # -- methods ------------------------------------------------------------------------------

    def _method(self, op: ir.Operation, resource: PyResource) -> PyMethod | None:
        action = snake(op.action)
        method_name = action if action in _VERB_METHODS else python_name(action, {"generate"})
        key = (resource.access_path, method_name)
        if key in self.method_owner:
            message = (
                f"{op.http_method} {op.path} would be {resource.access_path}.{method_name},"
                f" already taken by {self.method_owner[key].location}"
            )
            self.problems.append(Problem(op.location, message))
            return None
        self.method_owner[key] = op
        for parameter in op.parameters:
            self.classes.visit(parameter.schema, PARAMS)
        if op.body is not None:
            self.classes.visit(op.body, PARAMS)
        for response in op.responses:
            if response.schema is not None:
                self.classes.visit(response.schema, MODELS)

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
                example_value(f.schema),
                f.schema.deprecated,
            )
            for f in (op.body.fields if op.body is not None else [])
        ]
        # Required arguments first: the signature reads as the docs' parameter table.
        arguments = sorted([*arguments, *body_arguments], key=lambda a: not a.required)
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
            body_rule=rule(op.body) if op.body is not None else None,
            body_rule_name=f"_{upper}_BODY_RULE",
            body_params_class=body_class.name if body_class else None,
            responses=responses,
            return_annotation=return_annotation,
            response_name=f"_{upper}_RESPONSE",
            expected_arguments=_expected_arguments(responses),
            response_model=response_class.name if response_class else None,
            auth=python_literal(op.auth) if op.auth != ir.BEARER else None,
            deprecation=(
                python_literal(f"{op.http_method} {op.path} is deprecated")
                if op.deprecated
                else None
            ),
            example_call=example_call,
            docstring=docstring,
            async_docstring=async_docstring,
        )

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
        signature = annotation if required else f"typing.Union[{annotation}, NotGiven]"
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

    def _generate(self, workflow: ir.Workflow) -> None:
        create = self.methods.get(id(workflow.create))
        getter = self.methods.get(id(workflow.getter))
        if create is None or getter is None:
            return  # a naming problem, already reported
        op = workflow.create
        clashes = sorted({a.py_name for a in create.arguments} & generate.GENERATE_NAMES)
        if clashes:
            names = ", ".join(repr(name) for name in clashes)
            message = f"{op.http_method} {op.path}: `generate` uses the names {names} itself"
            self.problems.append(Problem(op.location, message))
            return
        result = self._result_model(getter.response_model or "", workflow, op)
        resource = self._home(create)
        getter_resource = self._home(getter)
        uploader = self._home(self.methods[id(workflow.uploader)]) if workflow.uploader else None
        steps = generate.steps(workflow, resource.access_path, getter_resource.access_path)
        call = generate.example_call(resource.access_path, create.arguments, workflow.input_files)
        docstring, async_docstring = generate.docstrings(
            op.summary,
            steps,
            f"{op.http_method} {op.path}",
            f"{resource.class_name}.{create.method_name}",
            result,
            call,
        )
        create.workflow = PyGenerate(
            workflow=workflow,
            kind=workflow.kind,
            getter=getter_resource,
            getter_method=getter,
            uploader=uploader,
            result_model=result,
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

    def _home(self, method: PyMethod) -> PyResource:
        return next(r for r in self.root.walk() if method in r.operations)

    def _result_model(self, base: str, workflow: ir.Workflow, op: ir.Operation) -> str:
        """The getter's response model plus `downloaded_paths`, as the published SDK has it."""
        name = f"{base}WithDownloads"
        if any(c.name == name for c in self.classes.models):
            return name
        if not self.classes.is_free(name):
            self.problems.append(Problem(op.location, f"the class name {name} is already taken"))
            return name
        description = (
            f"`{base}` as `generate` returns it: the project, and where its outputs were saved."
        )
        self.classes.add_model(name, description, workflow.result_fields, base)
        return name


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
