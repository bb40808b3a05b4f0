"""`generate` end to end for every operation of specs/ that creates a project.

Against the mock server, sync and async: a small real local file in every input-file field, each
uploaded once with the asset type its field takes, and the create body holding the file paths
the uploads gave, where the local files were named.
"""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path
from typing import Any

import pytest
from helpers.paths import SPECS
from helpers.stages import python_view_of

from generator.views.python.model import PyMethod
from magic_hour import AsyncClient, Client
from magic_hour.mock import MockServer, files

pytestmark = pytest.mark.mock_server(polls_per_status=0, output_size=2048)

API = python_view_of(SPECS)
CREATES = {op.path: op for op in API.operations if op.workflow is not None}
# The file format a local file of each asset type is (a field that does not say: an image).
FORMATS = {"image": "png", "video": "mp4", "audio": "wav", None: "png"}


def test_every_create_of_a_project_or_task_has_a_generate() -> None:
    # Projects by their tags; tasks (face detection) by the GET of their own item path.
    creates = {op.path for op in API.operations if op.operation.project_kind}
    tasks = {
        op.path
        for op in API.operations
        if op.http_method == "POST"
        and any(other.path.startswith(f"{op.path}/{{") for other in API.operations)
    }
    assert creates and tasks == {"/v1/face-detection"}
    assert set(CREATES) == creates | tasks


class LocalFiles:
    """Small real files, each of its own size (so each is told apart by its bytes)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir()
        self.folder = folder
        self.types: dict[str, str | None] = {}  # sha256 -> the asset type its field takes

    def new(self, asset_type: str | None) -> str:
        file_format = FORMATS[asset_type]
        size = files.minimal_size(file_format) + 16 * len(self.types)
        data = files.layout(file_format, size).read()
        path = self.folder / f"input-{len(self.types)}.{file_format}"
        path.write_bytes(data)
        self.types[hashlib.sha256(data).hexdigest()] = asset_type
        return str(path)


def placed(value: Any, path: tuple[str, ...], make: Any) -> Any:
    """`value` with `make()` at every place `path` reaches ("[]": each item, or a first one)."""
    if not path:
        return make()
    step, rest = path[0], path[1:]
    if step == "[]":
        items = value if isinstance(value, list) and value else [{} if rest else None]
        return [placed(item, rest, make) for item in items]
    container = dict(value) if isinstance(value, dict) else {}
    container[step] = placed(container.get(step), rest, make)
    return container


def values_at(value: Any, path: tuple[str, ...]) -> list[Any]:
    if not path:
        return [value]
    step, rest = path[0], path[1:]
    if step == "[]":
        return [v for item in value or [] for v in values_at(item, rest)]
    return values_at(value.get(step), rest) if isinstance(value, dict) else []


def arguments(op: PyMethod, local: LocalFiles) -> dict[str, Any]:
    """The spec's example arguments, with a new local file in every input-file field."""
    assert op.workflow is not None
    given = {a.py_name: eval(a.example) for a in op.arguments if a.example is not None}
    body = {a.wire_name: given[a.py_name] for a in op.body_arguments if a.py_name in given}
    for input_file in op.workflow.workflow.input_files:
        body = placed(body, input_file.path, lambda t=input_file.asset_type: local.new(t))
    return {
        **given,
        **{a.py_name: body[a.wire_name] for a in op.body_arguments if a.wire_name in body},
    }


def call_generate(server: MockServer, op: PyMethod, kwargs: dict[str, Any], is_async: bool) -> Any:
    resource = next(r for r in API.resources if op in r.operations)
    attributes = resource.access_path.split(".")[1:]

    def method(client: Any) -> Any:
        for attribute in attributes:
            client = getattr(client, attribute)
        return client.generate

    if not is_async:
        with Client(token="test", base_url=server.url) as client:
            return method(client)(**kwargs)

    async def run() -> Any:
        async with AsyncClient(token="test", base_url=server.url) as client:
            return await method(client)(**kwargs)

    return asyncio.run(run())


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("path", sorted(CREATES))
def test_generate_uploads_each_local_file_once_and_creates_with_its_file_path(
    path: str, is_async: bool, server: MockServer, tmp_path: Path
) -> None:
    op = CREATES[path]
    assert op.workflow is not None
    local = LocalFiles(tmp_path / "inputs")
    kwargs = {**arguments(op, local), "download_directory": tmp_path / "outputs"}
    uploads_before, projects_before = set(server.uploads), set(server.projects)

    result = call_generate(server, op, kwargs, is_async)

    assert result.status == "complete"
    assert result.downloaded_paths and all(Path(p).is_file() for p in result.downloaded_paths)
    (project_id,) = set(server.projects) - projects_before
    project = server.projects[project_id]
    assert project.created_by == f"POST {path}"
    uploads = {p: r for p, r in server.uploads.items() if p not in uploads_before}
    # Each local file uploaded once, asked for as the asset type its field takes.
    assert sorted(r.sha256 for r in uploads.values()) == sorted(local.types)
    for record in uploads.values():
        expected = local.types[record.sha256]
        assert record.asset_type == (expected or "image"), record
    # The create body holds the uploads' file paths where the local files were.
    sent = [
        value
        for input_file in op.workflow.workflow.input_files
        for value in values_at(project.body, input_file.path)
    ]
    assert sorted(sent) == sorted(uploads)
