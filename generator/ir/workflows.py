"""The `generate` workflows: which operations create projects, report on them, take uploads.

The roles come from the API's conventions (generator/conventions.py): a create tagged with a
kind of project starts one, the GET on an item with the same tag reports on it, and the
operation that hands out upload URLs takes the local files named in input-file fields.
"""

from __future__ import annotations

import re

from generator import conventions
from generator.ir.context import Context
from generator.ir.model import Field, InputFile, Operation, Resource, Schema, Workflow
from generator.naming import words

DOWNLOADED_PATHS = Field(
    wire_name="downloaded_paths",
    required=False,
    schema=Schema(kind="array", nullable=True, items=Schema(kind="string")),
    description="The files the outputs were saved to, in the order the project lists them;"
    " None when nothing was downloaded.",
)


def build_workflows(context: Context, root: Resource) -> list[Workflow]:
    """A workflow for each create of a project, or of a task, whose getter can see it through."""
    operations = [op for resource in root.walk() for op in resource.operations]
    getters: dict[str, Operation] = {}
    for op in operations:
        if op.reports_on and op.response_object is not None:
            getters.setdefault(op.reports_on, op)
    # The GETs on an item path, by the path they are an item of: a task's getter is one.
    item_getters: dict[str, list[Operation]] = {}
    for op in operations:
        if op.http_method == "GET" and op.on_item:
            item_getters.setdefault(op.path.rsplit("/", 1)[0], []).append(op)
    uploader = next((op for op in operations if op.uploads), None)
    upload_types = _upload_types(uploader)
    workflows = []
    for op in operations:
        getter, kind = _getter_of(op, getters, item_getters.get(op.path, []))
        if kind is None:
            continue
        if getter is None:
            # A maintainer may add the files one at a time: the create is made all the same.
            message = (
                f"{op.http_method} {op.path} creates {kind} projects, but no GET on an item"
                f" path tagged {_tag_of(kind)!r} reports on them: it gets no `generate`"
            )
            context.warn(op.location, message)
            continue
        input_files = input_files_of(op.body, upload_types) if op.body else []
        if input_files and uploader is None:
            message = (
                f"{op.http_method} {op.path} takes input files, but no operation hands out"
                " upload URLs for them: it gets no `generate`"
            )
            context.warn(op.location, message)
            continue
        outputs = _outputs_field(getter)
        # With no outputs field, the getter is found missing `downloads`.
        missing = _missing_fields(op, {"id"}) or _missing_fields(
            getter, {"id", "status", outputs or conventions.OUTPUTS_FIELD}
        )
        if missing:
            context.problem_at(op.location, missing)
            continue
        assert outputs is not None
        workflows.append(
            Workflow(
                kind=kind,
                create=op,
                getter=getter,
                uploader=uploader if input_files else None,
                input_files=input_files,
                schedule=conventions.POLL_SCHEDULES[kind],
                outputs=outputs,
                result_fields=[DOWNLOADED_PATHS],
            )
        )
    return workflows


def _getter_of(
    op: Operation, getters: dict[str, Operation], item_getters: list[Operation]
) -> tuple[Operation | None, str | None]:
    """The GET that reports on what `op` creates, and the kind of project it is (None, None
    when `op` creates nothing to wait for); `item_getters`: the GETs on `op`'s items."""
    if op.project_kind is not None:
        return getters.get(op.project_kind), op.project_kind
    if op.action != ("create",):
        return None, None
    # A task: a create that its own item path's GET reports on (`/v1/face-detection/{id}`).
    for other in item_getters:
        if other.response_object is not None:
            names = {f.wire_name for f in other.response_object.fields}
            if {"id", "status"} <= names and _outputs_field(other) is not None:
                return other, conventions.TASK_KIND
    return None, None


def _outputs_field(getter: Operation) -> str | None:
    """The field of the getter's answer that lists the outputs: `downloads`, else the first
    list of objects with a `url`."""
    answer = getter.response_object
    if answer is None:
        return None
    for f in answer.fields:
        if f.wire_name == conventions.OUTPUTS_FIELD:
            return f.wire_name
    for f in answer.fields:
        items = f.schema.items
        if items is not None and any(g.wire_name == "url" for g in items.fields):
            return f.wire_name
    return None


def _missing_fields(op: Operation, names: set[str]) -> str | None:
    """Why `generate` cannot use `op`'s response, if it lacks one of `names`."""
    response = op.response_object
    present = {f.wire_name for f in response.fields} if response else set()
    absent = sorted(names - present)
    if not absent:
        return None
    fields = ", ".join(repr(name) for name in absent)
    return f"{op.http_method} {op.path}: `generate` needs {fields} in the JSON response"


def _tag_of(kind: str) -> str:
    return next(tag for tag, tag_kind in conventions.PROJECT_TAGS.items() if tag_kind == kind)


def input_files_of(body: Schema, upload_types: set[str]) -> list[InputFile]:
    """Every field of `body` that holds input files, at any depth, with its asset type."""
    found: list[InputFile] = []

    def visit(schema: Schema, path: tuple[str, ...]) -> None:
        for f in schema.fields:
            field_path = (*path, f.wire_name)
            inner, steps = f.schema, field_path
            while inner.kind == "array" and inner.items is not None:
                inner, steps = inner.items, (*steps, "[]")
            if inner.kind == "string" and _holds_input_files(f):
                asset_type = _asset_type(f)
                found.append(InputFile(steps, asset_type if asset_type in upload_types else None))
            else:
                visit(inner, steps)

    visit(body, ())
    return found


def _holds_input_files(f: Field) -> bool:
    """Its name says so (`image_file_path`, `image_file_paths`), or its wording does."""
    named = f.wire_name.endswith((conventions.INPUT_FILE_SUFFIX, conventions.INPUT_FILES_SUFFIX))
    worded = re.search(conventions.INPUT_FILE_WORDING, f.description, re.IGNORECASE)
    return named or worded is not None


def _asset_type(f: Field) -> str | None:
    """The asset type the field's name says (`background_image_file_path`: image), else the one
    the first sentence of its description names, if it names only one."""
    named = words(f.wire_name)
    while named and named[-1] in ("file", "path", "paths"):
        named.pop()
    if named and named[-1] in conventions.ASSET_TYPES:
        return named[-1]
    sentence = re.split(r"(?<=\.)\s", " ".join(f.description.split()), maxsplit=1)[0]
    mentioned = {w for w in words(sentence) if w in conventions.ASSET_TYPES}
    return mentioned.pop() if len(mentioned) == 1 else None


def _upload_types(uploader: Operation | None) -> set[str]:
    """The asset types the upload operation takes: the enum of a `type` field in its body."""
    found: set[str] = set()

    def visit(schema: Schema) -> None:
        for f in schema.fields:
            if f.wire_name == conventions.UPLOAD_TYPE_FIELD and f.schema.enum:
                found.update(str(v) for v in f.schema.enum)
            visit(f.schema)
        if schema.items is not None:
            visit(schema.items)

    if uploader is not None and uploader.body is not None:
        visit(uploader.body)
    return found
