"""`check_result` (pick up a project by id) and `upload_file` (one file to storage), sync and
async, against the mock server: the published SDK's names, on this client's workflow."""

from __future__ import annotations

import asyncio
import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from magic_hour import AsyncClient, Client, GenerationTimeoutError, RequestValidationError
from magic_hour.mock import MockServer, files

pytestmark = pytest.mark.mock_server(polls_per_status=2)

PNG = files.layout("png", files.minimal_size("png") + 100).read()


def run(is_async: bool, server: MockServer, call: Callable[[Any], Any]) -> Any:
    """`call(client)` with a sync client, or awaited with an async one."""
    if not is_async:
        with Client(token="test", base_url=server.url) as client:
            return call(client)

    async def main() -> Any:
        async with AsyncClient(token="test", base_url=server.url) as client:
            return await call(client)

    return asyncio.run(main())


SOURCES: dict[str, Callable[[Path], Any]] = {
    "str path": lambda file: str(file),
    "path-like": lambda file: file,
    "bytes": lambda file: file.read_bytes(),
    "file object": lambda file: file.open("rb"),
    "file object with no name": lambda file: io.BytesIO(file.read_bytes()),
    "file object whose name now holds other bytes": lambda file: opened_then_replaced(file),
}


def opened_then_replaced(file: Path) -> Any:
    """`file` opened, then replaced on disk by another file (as an editor saves): the object
    still reads the first one's bytes, its name the other's."""
    opened = file.open("rb")
    other = file.with_name("other" + file.suffix)
    other.write_bytes(b"not what was opened")
    other.replace(file)
    return opened


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("source", sorted(SOURCES))
def test_upload_file_uploads_a_local_file_and_gives_its_storage_path(
    source: str, is_async: bool, server: MockServer, tmp_path: Path
) -> None:
    before = set(server.uploads)
    image = tmp_path / "face.png"
    image.write_bytes(PNG)
    given = SOURCES[source](image)
    try:
        file_path = run(is_async, server, lambda client: client.v1.files.upload_file(given))
    finally:
        if hasattr(given, "close"):
            given.close()
    assert file_path.startswith("api-assets/") and file_path.endswith(".png")
    (record,) = [r for p, r in server.uploads.items() if p not in before]
    assert (record.file_path, record.asset_type) == (file_path, "image")
    assert record.sha256 == hashlib.sha256(PNG).hexdigest()


@pytest.mark.parametrize(
    ("brand", "extension", "asset_type"),
    [(b"isom", "mp4", "video"), (b"M4A ", "m4a", "audio"), (b"qt  ", "mov", "video")],
)
def test_upload_file_tells_an_iso_media_file_by_its_brand(
    brand: bytes, extension: str, asset_type: str, server: MockServer
) -> None:
    # Bytes have no name: their type is what their first bytes say.
    data = b"\x00\x00\x00\x20ftyp" + brand + b"\x00" * 200
    before = set(server.uploads)
    file_path = run(False, server, lambda client: client.v1.files.upload_file(data))
    assert file_path.endswith(f".{extension}")
    (record,) = [r for p, r in server.uploads.items() if p not in before]
    assert record.asset_type == asset_type


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize(
    "value", ["https://example.com/face.png", "api-assets/id/1234.png"], ids=["url", "storage"]
)
def test_upload_file_passes_a_url_or_a_storage_path_through(
    value: str, is_async: bool, server: MockServer
) -> None:
    slots = server.upload_slots
    assert run(is_async, server, lambda client: client.v1.files.upload_file(value)) == value
    assert server.upload_slots == slots


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_upload_file_refuses_a_missing_file_before_sending(
    is_async: bool, server: MockServer, tmp_path: Path
) -> None:
    slots = server.upload_slots
    with pytest.raises(RequestValidationError, match="file: no such file"):
        run(is_async, server, lambda client: client.v1.files.upload_file(tmp_path / "gone.png"))
    assert server.upload_slots == slots


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_check_result_resumes_a_generate_that_stopped_waiting(
    is_async: bool, server: MockServer, tmp_path: Path
) -> None:
    style = {"prompt": "a cat"}
    with pytest.raises(GenerationTimeoutError) as stopped:
        run(
            is_async,
            server,
            lambda client: client.v1.ai_gif_generator.generate(style=style, wait_timeout=0),
        )
    project_id = stopped.value.project_id
    assert server.projects[project_id].status == "queued"

    result = run(
        is_async,
        server,
        lambda client: client.v1.image_projects.check_result(
            project_id, download_directory=tmp_path, poll_interval=0.01
        ),
    )
    assert (result.id, result.status) == (project_id, "complete")
    assert result.downloaded_paths and all(Path(p).is_file() for p in result.downloaded_paths)


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_check_result_without_waiting_or_downloading_answers_at_once(
    is_async: bool, server: MockServer, tmp_path: Path
) -> None:
    def created(client: Any) -> Any:
        return client.v1.ai_gif_generator.create(style={"prompt": "a cat"})

    project = run(is_async, server, created)
    result = run(
        is_async,
        server,
        lambda client: client.v1.image_projects.check_result(project.id, False, False),
    )
    # One GET, no wait: the project is still where the mock keeps it for two polls.
    assert (result.id, result.status, result.downloaded_paths) == (project.id, "queued", None)
    assert not list(tmp_path.iterdir())
