"""The `generate` workflows: which operations create projects, report on them, take uploads.

The roles come from the API's conventions (generator/conventions.py): a create tagged with a
kind of project starts one, the GET on an item with the same tag reports on it, and the
operation that hands out upload URLs takes the local files named in input-file fields.
"""

from __future__ import annotations

from generator import conventions
from generator.ir.context import Context
from generator.ir.model import Field, InputFile, Operation, Resource, Schema, Workflow

DOWNLOADED_PATHS = Field(
    wire_name="downloaded_paths",
    required=False,
    schema=Schema(kind="array", nullable=True, items=Schema(kind="string")),
    description="The files the outputs were saved to, in the order of `downloads`;"
    " None when nothing was downloaded.",
)


def build_workflows(context: Context, root: Resource) -> list[Workflow]:
    """A workflow for each create of a project whose getter can see it through."""
    getters: dict[str, Operation] = {}
    uploader: Operation | None = None
    for resource in root.walk():
        for op in resource.operations:
            if op.reports_on and op.response_object is not None:
                getters.setdefault(op.reports_on, op)
            if op.uploads and uploader is None:
                uploader = op
    upload_types = _upload_types(uploader)
    workflows = []
    for resource in root.walk():
        for op in resource.operations:
            if op.project_kind is None:
                continue
            if op.project_kind not in getters:
                message = (
                    f"{op.http_method} {op.path} creates {op.project_kind} projects, but no"
                    f" GET on an item path tagged {_tag_of(op.project_kind)!r} reports on them"
                )
                context.problem_at(op.location, message)
                continue
            input_files = [
                InputFile(path, _asset_type(path[-1], upload_types))
                for f in (op.body.fields if op.body else [])
                for path in _input_file_paths(f.schema, (f.wire_name,))
            ]
            if input_files and uploader is None:
                message = (
                    f"{op.http_method} {op.path} takes input files, but no POST tagged"
                    f" {conventions.UPLOAD_TAG!r} hands out upload URLs for them"
                )
                context.problem_at(op.location, message)
                continue
            getter = getters[op.project_kind]
            missing = _missing_fields(op, {"id"}) or _missing_fields(
                getter, {"id", "status", "downloads"}
            )
            if missing:
                context.problem_at(op.location, missing)
                continue
            workflows.append(
                Workflow(
                    kind=op.project_kind,
                    create=op,
                    getter=getter,
                    uploader=uploader if input_files else None,
                    input_files=input_files,
                    schedule=conventions.POLL_SCHEDULES.get(
                        op.project_kind, conventions.POLL_SCHEDULES["video"]
                    ),
                    result_fields=[DOWNLOADED_PATHS],
                )
            )
    return workflows


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


def _input_file_paths(schema: Schema, path: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The paths under `schema` of the string fields that name input files."""
    if schema.kind == "string":
        named = path[-1].endswith(conventions.INPUT_FILE_SUFFIX) and path[-1] != "[]"
        return [path] if named else []
    if schema.kind == "array" and schema.items is not None:
        return _input_file_paths(schema.items, (*path, "[]"))
    return [p for f in schema.fields for p in _input_file_paths(f.schema, (*path, f.wire_name))]


def _asset_type(field_name: str, upload_types: set[str]) -> str | None:
    """`image` for `image_file_path`, when the upload operation takes that type."""
    prefix = field_name[: -len(conventions.INPUT_FILE_SUFFIX)]
    return prefix if prefix in upload_types else None


def _upload_types(uploader: Operation | None) -> set[str]:
    """The asset types the upload operation takes: the enum of a `type` field in its body."""
    found: set[str] = set()

    def visit(schema: Schema) -> None:
        for f in schema.fields:
            if f.wire_name == "type" and f.schema.enum:
                found.update(str(v) for v in f.schema.enum)
            visit(f.schema)
        if schema.items is not None:
            visit(schema.items)

    if uploader is not None and uploader.body is not None:
        visit(uploader.body)
    return found
