"""Code written for the published `magic_hour` SDK, tested offline against our mock server.

The published package itself (0.90.0, installed apart by `make test`; its folder in
MAGIC_HOUR_PUBLISHED_SDK) runs in a process of its own (helpers/published_calls.py), pointed at
`magic_hour.testing.MockServer` with `base_url=`. It calls every operation of specs/ with the
spec's example arguments, and the `get` of each project a create made, and parses each answer
into its own models, which raise if a field they require is missing: the mock's answers fill
what the spec lists as required from its examples, and the fields of earlier API versions those
models still require from what replaced them (generator/conventions.py DEPRECATED_FIELDS).
Then the published `generate` of an image and of a video project: upload, create, wait,
download; and the published models reading projects still waiting, failed and canceled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.paths import HELPERS, ROOT, SPECS
from helpers.raw_specs import spec_operations
from helpers.stages import python_view_of

from generator.views.python.model import PyMethod
from magic_hour import Client
from magic_hour.mock import files
from magic_hour.testing import MockServer

API = python_view_of(SPECS)
# Each operation as its spec file writes it, by "VERB /path": an oracle apart from the generator.
SPEC_OPERATIONS = spec_operations()
# The asset type each local file is made as, by the format it is written in.
FORMATS = {"image": "png", "video": "mp4", "audio": "wav"}


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    # Each project ends at its first GET: the published `generate` polls with its own sleep.
    with MockServer(polls_per_status=0, output_size=2048) as server:
        yield server


def run_published(
    folder: Path, url: str, plan: list[dict[str, Any]], is_async: bool = False, timeout: int = 240
) -> dict[str, Any]:
    """The calls of `plan` made by the published SDK in a process of its own (see
    helpers/published_calls.py), with its AsyncClient if `is_async`, within `timeout` seconds;
    what it printed, after checking which package it used."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(folder)
    done = subprocess.run(
        [sys.executable, str(HELPERS / "published_calls.py"), url, *(["async"] * is_async)],
        input=json.dumps(plan),
        env=env,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    printed: dict[str, Any] = json.loads(done.stdout)
    # The published package, and no module of ours beside it.
    assert Path(printed["package"]).is_relative_to(folder)
    assert printed["loaded"] and all(Path(f).is_relative_to(folder) for f in printed["loaded"])
    assert printed["client"] == ("AsyncClient" if is_async else "Client")
    return printed


def assert_model(answer: dict[str, Any], name: str | None) -> None:
    """The published SDK made `answer` into its response model called `name`."""
    assert answer["module"].startswith("magic_hour.types.models."), answer
    assert answer["class"] == name, answer


def call(name: str, op: PyMethod, arguments: dict[str, Any], method: str = "") -> Any:
    """A call of `op`'s method (or of `method` of its resource) in a plan."""
    resource = next(r for r in API.resources if op in r.operations)
    # The view's access path starts with `client.`.
    return {
        "name": name,
        "resource": resource.access_path.split(".", 1)[1],
        "method": method or op.method_name,
        "arguments": arguments,
    }


def method_of(client: Client, op: PyMethod) -> Any:
    """`op`'s method on our client."""
    resource = next(r for r in API.resources if op in r.operations)
    target: Any = client
    for attribute in resource.access_path.split(".")[1:]:
        target = getattr(target, attribute)
    return getattr(target, op.method_name)


def example_arguments(op: PyMethod) -> dict[str, Any]:
    """The arguments of the method's example in the docs (each a Python literal)."""
    return {a.py_name: eval(a.example) for a in op.arguments if a.example is not None}


def every_operation_plan() -> tuple[list[dict[str, Any]], dict[str, PyMethod]]:
    """Each create (and every other POST) with its example arguments; then the `get` of what
    each project or task create made; then each `delete`, of a project made for it. Also the
    create each `get` after a create follows, by the get's call name."""
    plan, after = [], {}
    getters = {op.workflow.getter_method.path for op in API.operations if op.workflow}
    posts = [op for op in API.operations if op.http_method == "POST"]
    for op in posts:
        plan.append(call(f"POST {op.path}", op, example_arguments(op)))
    for op in posts:
        if op.workflow is None:
            continue
        getter = op.workflow.getter_method
        name = f"GET {getter.path} after POST {op.path}"
        plan.append(call(name, getter, {"id": {"$id_of": f"POST {op.path}"}}))
        after[name] = op
    for op in API.operations:
        if op.http_method != "DELETE":
            continue
        assert op.path in getters, f"DELETE {op.path}: no create makes what it deletes"
        create = next(c for c in posts if c.workflow and c.workflow.getter_method.path == op.path)
        arguments = {"id": {"$id_of": f"POST {create.path}"}}
        plan.append(call(f"DELETE {op.path}", op, arguments))
    return plan, after


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_code_for_the_published_sdk_calls_every_operation_on_the_mock(
    is_async: bool, published_folder: Path, mock: MockServer
) -> None:
    plan, after = every_operation_plan()
    mock.reset()

    printed = run_published(published_folder, mock.url, plan, is_async)

    answers = {answer["name"]: answer for answer in printed["answers"]}
    assert list(answers) == [c["name"] for c in plan]
    # Every operation of specs/ was called, and the mock found each request valid.
    answered = {r.operation for r in mock.requests if 200 <= r.status < 300}
    assert answered == set(SPEC_OPERATIONS)
    assert all(r.status < 300 for r in mock.requests), [
        (r.operation, r.status) for r in mock.requests if r.status >= 300
    ]
    for op in API.operations:
        if op.http_method == "DELETE":
            # The published delete returns None (it asks for no body).
            assert answers[f"DELETE {op.path}"]["value"] is None
        elif op.http_method == "POST":
            assert_model(answers[f"POST {op.path}"], op.response_model)
    for name, create in after.items():
        # The project the create made, complete, with the outputs to download.
        assert create.workflow is not None
        assert_model(answers[name], create.workflow.getter_method.response_model)
        project = answers[name]["value"]
        assert project["id"] == answers[f"POST {create.path}"]["value"]["id"]
        assert project["status"] == "complete"
        outputs = project[create.workflow.workflow.outputs]
        assert outputs and all(output["url"].startswith(mock.url) for output in outputs)


def first_with_local_files(kind: str) -> PyMethod:
    """The first create (by path) of a `kind` project that takes input files, each a field of
    its `assets`."""
    return next(
        op
        for op in sorted(API.operations, key=lambda op: op.path)
        if op.workflow is not None
        and op.workflow.kind == kind
        and op.workflow.workflow.input_files
        and all(len(f.path) == 2 for f in op.workflow.workflow.input_files)
        and all(f.path[0] == "assets" for f in op.workflow.workflow.input_files)
    )


def with_local_files(op: PyMethod, folder: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """`op`'s example arguments with a new local file in each of its input-file fields (each a
    field of `assets`), and the bytes of each file by its field."""
    assert op.workflow is not None
    arguments = example_arguments(op)
    assets = dict(arguments["assets"])
    local = {}
    for number, input_file in enumerate(op.workflow.workflow.input_files):
        file_format = FORMATS[input_file.asset_type or "image"]
        # Each of its own size, so that each upload is told apart by its bytes.
        data = files.layout(file_format, files.minimal_size(file_format) + 16 * number).read()
        path = folder / f"input-{number}.{file_format}"
        path.write_bytes(data)
        field = input_file.path[1]
        assets[field], local[field] = str(path), data
    arguments["assets"] = assets
    return arguments, local


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("kind", ["image", "video"])
def test_the_published_generate_uploads_creates_waits_and_downloads_on_the_mock(
    kind: str, is_async: bool, published_folder: Path, mock: MockServer, tmp_path: Path
) -> None:
    op = first_with_local_files(kind)
    arguments, local = with_local_files(op, tmp_path)
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    arguments["download_directory"] = str(outputs)
    mock.reset()

    plan = [call("generate", op, arguments, method="generate")]
    printed = run_published(published_folder, mock.url, plan, is_async)

    (answer,) = printed["answers"]
    assert answer["module"].startswith("magic_hour."), answer
    result = answer["value"]
    assert result["status"] == "complete"
    downloaded = [Path(p) for p in result["downloaded_paths"]]
    assert downloaded and all(p.parent == outputs and p.is_file() for p in downloaded)
    assert all(p.stat().st_size == 2048 for p in downloaded)
    # Each local file went up to the mock, and the create named where it went.
    (create,) = mock.creates
    assert create.operation == f"POST {op.path}"
    uploads = mock.uploads
    for field, data in local.items():
        file_path = create.body["assets"][field]
        assert uploads[file_path].content == data
    assert result["id"] in mock.projects


def statuses_reported_by(create: PyMethod) -> list[str]:
    """The values the `status` of the answer of a create's getter may take, as its spec says."""
    assert create.workflow is not None
    getter = create.workflow.getter_method
    responses = SPEC_OPERATIONS[f"GET {getter.path}"]["responses"]
    answer = responses["200"]["content"]["application/json"]["schema"]
    return list(answer["properties"]["status"]["enum"])


@pytest.mark.parametrize(
    ("options", "status"),
    [
        ({"polls_per_status": 5}, "queued"),
        ({"polls_per_status": 0, "outcome": "error", "error_code": "no_source_face"}, "error"),
        ({"polls_per_status": 0, "outcome": "canceled"}, "canceled"),
    ],
    ids=["waiting", "error", "canceled"],
)
def test_the_published_models_read_every_status_a_project_reports(
    options: dict[str, Any], status: str, published_folder: Path
) -> None:
    plan, after = every_operation_plan()
    gets = [c for c in plan if c["name"] in after]
    creates = [c for c in plan if c["name"] in {f"POST {op.path}" for op in after.values()}]

    with MockServer(output_size=2048, **options) as mock:
        printed = run_published(published_folder, mock.url, creates + gets)

    answers = {answer["name"]: answer for answer in printed["answers"]}
    seen = set()
    for name, create in after.items():
        assert create.workflow is not None
        assert_model(answers[name], create.workflow.getter_method.response_model)
        project = answers[name]["value"]
        # A status the getter's spec does not list is never reported: a face detection, which
        # cannot be canceled, fails instead.
        listed = statuses_reported_by(create)
        assert project["status"] == (status if status in listed else "error"), name
        seen.add(project["status"])
        if status == "error" and "error" in project:  # a face detection has no `error`
            assert project["error"]["code"] == "no_source_face", name
        assert project[create.workflow.workflow.outputs] == [], name
    assert status in seen


def test_the_published_generate_of_a_task_that_cannot_be_canceled_ends_on_a_canceling_mock(
    published_folder: Path, tmp_path: Path
) -> None:
    # The published face detection model takes the statuses its spec lists, and its `generate`
    # polls until `complete` or `error`: a `canceled` answer would fail it.
    creates = [op for op in API.operations if op.workflow is not None]
    cannot = [op for op in creates if "canceled" not in statuses_reported_by(op)]
    assert cannot
    plan = []
    for number, op in enumerate(cannot):
        folder = tmp_path / f"inputs-{number}"
        folder.mkdir()
        arguments, _ = with_local_files(op, folder)
        plan.append(call(f"generate {op.path}", op, arguments, method="generate"))

    with MockServer(outcome="canceled", output_size=2048) as mock:
        printed = run_published(published_folder, mock.url, plan, timeout=60)

    assert [answer["value"]["status"] for answer in printed["answers"]] == ["error"] * len(cannot)


def test_a_project_asked_to_end_where_its_getter_cannot_report_fails_instead() -> None:
    # Face detection's getter lists no `canceled`: however it is asked for (a header, a
    # script, steering), the mock reports the task failed, never a status its spec lacks.
    creates = [op for op in API.operations if op.workflow is not None]
    cannot = [op for op in creates if "canceled" not in statuses_reported_by(op)]
    assert cannot and len(cannot) < len(creates)
    headers = {"X-Mock-Outcome": "canceled"}
    with MockServer() as mock, Client(token="test", base_url=mock.url) as client:
        for op in creates:
            assert op.workflow is not None
            ids = []
            create = method_of(client, op)
            ids.append(
                create(**example_arguments(op), request_options={"additional_headers": headers}).id
            )
            mock.script(f"POST {op.path}", outcome="canceled")
            ids.append(create(**example_arguments(op)).id)
            ids.append(create(**example_arguments(op)).id)
            mock.steer(ids[-1], outcome="canceled")
            get = method_of(client, op.workflow.getter_method)
            expected = "error" if op in cannot else "canceled"
            for project_id in ids:
                assert get(id=project_id).status == expected, op.path
                assert mock.projects[project_id].status == expected, op.path
