"""`generate` end to end against the mock server: upload, create, poll, download; sync and async.

Every test runs the generated client against a real mock server on loopback, which reads the
same `specs/` and answers as the API would; files are really uploaded and written.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from magic_hour import AsyncClient, Client, Progress
from magic_hour.errors import (
    DownloadError,
    GenerationInterrupted,
    GenerationTimeoutError,
    RequestValidationError,
    UploadError,
)
from magic_hour.mock import MockServer

# Projects move on at every poll.
pytestmark = pytest.mark.mock_server(polls_per_status=1)
FAST = {"poll_interval": 0.01}
STYLE = {
    "art_style": "Cyberpunk",
    "camera_effect": "Simple Zoom In",
    "prompt_type": "custom",
    "prompt": "neon",
    "transition_speed": 5,
}
# The smallest animation the spec allows, for tests about everything but its arguments.
SMALL_ANIMATION = {"end_seconds": 1.0, "fps": 1.0, "height": 64, "width": 64, "style": STYLE}


@pytest.fixture(params=["sync", "async"])
def generate(request: pytest.FixtureRequest, server: MockServer) -> Callable[..., Any]:
    """`generate` of a resource, called the same way whether the client is sync or async."""

    def call(resource: str, **arguments: Any) -> Any:
        headers = arguments.pop("headers", None)
        if headers:
            arguments["request_options"] = {"additional_headers": headers}
        if request.param == "sync":
            with Client(token="mock-key", base_url=server.url) as client:
                return getattr(client.v1, resource).generate(**{**FAST, **arguments})

        async def run() -> Any:
            async with AsyncClient(token="mock-key", base_url=server.url) as client:
                return await getattr(client.v1, resource).generate(**{**FAST, **arguments})

        return asyncio.run(run())

    return call


def files_in(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


# -- the three endpoints ------------------------------------------------------------------


def test_ai_gif_generator_saves_a_gif(generate: Callable[..., Any], tmp_path: Path) -> None:
    result = generate(
        "ai_gif_generator",
        style={"prompt": "Cute dancing cat, pixel art"},
        name="Ai Gif gif",
        output_format="gif",
        download_directory=str(tmp_path / "outputs"),
    )
    assert result.status == "complete"
    assert result.name == "Ai Gif gif"
    (path,) = result.downloaded_paths
    assert Path(path).parent == tmp_path / "outputs"
    assert Path(path).read_bytes()[:6] == b"GIF89a"
    assert files_in(tmp_path / "outputs") == [Path(path).name]


def test_ai_image_generator_saves_every_image(generate: Callable[..., Any], tmp_path: Path) -> None:
    result = generate(
        "ai_image_generator",
        image_count=3,
        aspect_ratio="16:9",
        style={"prompt": "Epic anime art of a wizard"},
        download_directory=str(tmp_path),
    )
    assert result.status == "complete"
    assert len(result.downloads) == 3
    assert len(result.downloaded_paths) == 3 == len(set(result.downloaded_paths))
    for path in result.downloaded_paths:
        assert Path(path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert files_in(tmp_path) == sorted(Path(p).name for p in result.downloaded_paths)


def test_animation_uploads_local_image_and_audio(
    generate: Callable[..., Any], server: MockServer, tmp_path: Path
) -> None:
    image = tmp_path / "first frame.png"
    image.write_bytes(os.urandom(3000))
    audio = tmp_path / "track.mp3"
    audio.write_bytes(os.urandom(5000))
    before = set(server.uploads)
    result = generate(
        "animation",
        assets={
            "audio_file_path": str(audio),
            "audio_source": "file",
            "image_file_path": str(image),
        },
        end_seconds=15.0,
        fps=12.0,
        height=960,
        width=512,
        style={
            "art_style": "Painterly Illustration",
            "camera_effect": "Simple Zoom In",
            "prompt": "Cyberpunk city",
            "prompt_type": "custom",
            "transition_speed": 5,
        },
        download_directory=str(tmp_path / "out"),
    )
    assert result.status == "complete"
    uploaded = {path: server.uploads[path] for path in set(server.uploads) - before}
    assert sorted((record.size, record.sha256) for record in uploaded.values()) == sorted(
        (len(data), hashlib.sha256(data).hexdigest())
        for data in (image.read_bytes(), audio.read_bytes())
    )
    assert sorted(Path(p).suffix for p in uploaded) == [".mp3", ".png"]
    assert Path(result.downloaded_paths[0]).read_bytes()[4:8] == b"ftyp"


def test_urls_and_storage_paths_are_not_uploaded(
    generate: Callable[..., Any], server: MockServer, tmp_path: Path
) -> None:
    before = dict(server.uploads)
    result = generate(
        "animation",
        assets={
            "audio_file_path": "https://example.com/track.mp3",
            "audio_source": "file",
            "image_file_path": "api-assets/id/1234.png",
        },
        **SMALL_ANIMATION,
        download_outputs=False,
        download_directory=str(tmp_path),
    )
    assert result.status == "complete"
    assert result.downloaded_paths is None
    assert server.uploads == before
    assert files_in(tmp_path) == []


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        ("missing.png", None, "assets.image_file_path: no such file: "),
        ("notes.txt", b"x", "assets.image_file_path: "),
    ],
)
def test_an_unusable_local_file_stops_before_anything_is_sent(
    generate: Callable[..., Any],
    server: MockServer,
    tmp_path: Path,
    file_name: str,
    content: bytes | None,
    message: str,
) -> None:
    path = tmp_path / file_name
    if content is not None:
        path.write_bytes(content)
    projects, uploads, slots = len(server.projects), dict(server.uploads), server.upload_slots
    with pytest.raises(RequestValidationError) as raised:
        generate(
            "animation",
            assets={"audio_source": "none", "image_file_path": str(path)},
            **SMALL_ANIMATION,
        )
    (violation,) = raised.value.violations
    assert violation.startswith(message)
    assert (len(server.projects), server.uploads) == (projects, uploads)
    assert server.upload_slots == slots


# -- how projects end -----------------------------------------------------------------------


def test_a_project_ending_in_error_is_returned_with_its_code(
    generate: Callable[..., Any], tmp_path: Path
) -> None:
    result = generate(
        "ai_image_generator",
        image_count=1,
        style={"prompt": "a face"},
        download_directory=str(tmp_path),
        headers={"X-Mock-Outcome": "error:no_source_face"},
    )
    assert result.status == "error"
    assert (result.error.code, result.error.message) == (
        "no_source_face",
        "Please use an image with a detectable face",
    )
    assert result.downloaded_paths is None
    assert files_in(tmp_path) == []


def test_a_canceled_project_is_returned_without_downloads(
    generate: Callable[..., Any], tmp_path: Path
) -> None:
    result = generate(
        "animation",
        assets={"audio_source": "none", "image_file_path": "https://example.com/a.png"},
        **SMALL_ANIMATION,
        download_directory=str(tmp_path),
        headers={"X-Mock-Outcome": "canceled"},
    )
    assert (result.status, result.downloads, result.downloaded_paths) == ("canceled", [], None)
    assert files_in(tmp_path) == []


def test_waiting_too_long_raises_with_the_project_id(
    start_mock_server: Callable[..., MockServer],
) -> None:
    slow = start_mock_server(polls_per_status=10_000)
    with Client(token="mock-key", base_url=slow.url) as client:
        with pytest.raises(GenerationTimeoutError) as raised:
            client.v1.ai_gif_generator.generate(
                style={"prompt": "slow"}, wait_timeout=0.2, poll_interval=0.02
            )
    error = raised.value
    assert error.project_id in slow.projects
    assert error.status in ("queued", "rendering")
    assert error.project_id in str(error)

    async def run() -> None:
        async with AsyncClient(token="mock-key", base_url=slow.url) as client:
            await client.v1.ai_gif_generator.generate(
                style={"prompt": "slow"}, wait_timeout=0.2, poll_interval=0.02
            )

    with pytest.raises(GenerationTimeoutError) as raised:
        asyncio.run(run())
    assert raised.value.project_id in slow.projects


def test_not_waiting_returns_the_queued_project(generate: Callable[..., Any]) -> None:
    result = generate("ai_gif_generator", style={"prompt": "later"}, wait_for_completion=False)
    assert (result.status, result.downloaded_paths) == ("queued", None)


def test_ctrl_c_while_waiting_keeps_the_project_id(server: MockServer) -> None:
    def interrupt(progress: Progress) -> None:
        if progress.status == "rendering":
            raise KeyboardInterrupt

    with Client(token="mock-key", base_url=server.url) as client:
        with pytest.raises(GenerationInterrupted) as raised:
            client.v1.ai_gif_generator.generate(
                style={"prompt": "stop"}, on_progress=interrupt, **FAST
            )
    assert isinstance(raised.value, KeyboardInterrupt)
    assert raised.value.project_id in server.projects
    assert raised.value.status == "rendering"


def test_progress_reports_each_status_and_every_byte(
    generate: Callable[..., Any], tmp_path: Path
) -> None:
    seen: list[Progress] = []
    result = generate(
        "ai_gif_generator",
        style={"prompt": "progress"},
        download_directory=str(tmp_path),
        on_progress=seen.append,
        headers={"X-Mock-Output-Size": str(3 * 1024 * 1024)},
    )
    statuses = [p.status for p in seen]
    assert statuses[:3] == ["queued", "rendering", "complete"]
    assert set(statuses[3:]) == {"complete"}
    size = Path(result.downloaded_paths[0]).stat().st_size
    assert size == 3 * 1024 * 1024
    assert seen[-1].downloaded_bytes == seen[-1].total_bytes == size
    counts = [p.downloaded_bytes for p in seen]
    assert counts == sorted(counts)
    assert {p.project_id for p in seen} == {result.id}


# -- downloads --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "hostile",
    ["..%2F..%2Fevil.gif", "%2e%2e", "a/../../b.gif", "", "%2Fetc%2Fpasswd", "..%5C..%5Cx.gif"],
)
def test_hostile_download_names_stay_inside_the_directory(
    generate: Callable[..., Any], tmp_path: Path, hostile: str
) -> None:
    directory = tmp_path / "inside"
    result = generate(
        "ai_gif_generator",
        style={"prompt": "hostile"},
        output_format="gif",
        download_directory=str(directory),
        headers={"X-Mock-Download-Name": hostile},
    )
    (path,) = result.downloaded_paths
    assert Path(path).resolve().parent == directory.resolve()
    assert not Path(path).name.startswith(".")
    assert Path(path).read_bytes()[:6] == b"GIF89a"
    # Nothing was written anywhere else under tmp_path.
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [Path(path)]


def test_a_download_cut_mid_stream_leaves_no_file(
    generate: Callable[..., Any], server: MockServer, tmp_path: Path
) -> None:
    started = server.downloads_started
    with pytest.raises(DownloadError) as raised:
        generate(
            "ai_gif_generator",
            style={"prompt": "cut"},
            download_directory=str(tmp_path),
            headers={"X-Mock-Download-Fault": "truncate", "X-Mock-Output-Size": "2000000"},
        )
    error = raised.value
    assert error.project_id
    assert "?" not in error.url
    assert error.downloaded_paths == []
    assert files_in(tmp_path) == []
    # Started over as often as the default retry policy allows (two retries), then gave up.
    assert server.downloads_started - started == 3


def test_name_collisions_never_overwrite(generate: Callable[..., Any], tmp_path: Path) -> None:
    (tmp_path / "output.gif").write_bytes(b"precious")
    saved = []
    for prompt in ("one", "two"):
        result = generate(
            "ai_gif_generator",
            style={"prompt": prompt},
            output_format="gif",
            download_directory=str(tmp_path),
            headers={"X-Mock-Download-Name": "output.gif"},
        )
        saved += result.downloaded_paths
    assert [Path(p).name for p in saved] == ["output-1.gif", "output-2.gif"]
    assert (tmp_path / "output.gif").read_bytes() == b"precious"
    for path in saved:
        assert Path(path).read_bytes()[:6] == b"GIF89a"


@pytest.mark.parametrize("fault", ["expire-once", "revoke-once"])
def test_an_expired_or_refused_url_is_refreshed_once(
    generate: Callable[..., Any], server: MockServer, tmp_path: Path, fault: str
) -> None:
    result = generate(
        "ai_image_generator",
        image_count=2,
        style={"prompt": "expired"},
        download_directory=str(tmp_path),
        headers={"X-Mock-Download-Fault": fault},
    )
    assert len(result.downloaded_paths) == 2
    for path in result.downloaded_paths:
        assert Path(path).read_bytes()[:4] == b"\x89PNG"
    # One GET that completed, and exactly one more for fresh URLs, shared by both downloads.
    assert server.projects[result.id].completions == 2


def test_the_download_directory_is_created_and_may_be_a_path(
    generate: Callable[..., Any], tmp_path: Path
) -> None:
    directory = tmp_path / "a" / "b" / "c"
    result = generate("ai_gif_generator", style={"prompt": "deep"}, download_directory=directory)
    assert Path(result.downloaded_paths[0]).parent == directory


def test_the_demo_saves_a_gif_offline(tmp_path: Path, repo_root: Path) -> None:
    directory = tmp_path / "outputs"
    finished = subprocess.run(
        [
            sys.executable,
            "-m",
            "mockserver.demo",
            "--size",
            "200000",
            "--directory",
            str(directory),
        ],
        cwd=repo_root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 0, finished.stderr
    lines = finished.stdout.splitlines()
    assert lines[-1] == f"GIF saved to {directory / 'output.gif'}"
    assert [line.strip() for line in lines if "status:" in line] == [
        "status: queued",
        "status: rendering",
        "status: complete",
    ]
    data = (directory / "output.gif").read_bytes()
    assert (len(data), data[:6]) == (200000, b"GIF89a")


def test_the_async_client_downloads_outputs_at_the_same_time(
    tmp_path: Path, start_mock_server: Callable[..., MockServer]
) -> None:
    fresh = start_mock_server(output_size=20_000_000)

    async def run() -> Any:
        async with AsyncClient(token="mock-key", base_url=fresh.url) as client:
            return await client.v1.ai_image_generator.generate(
                image_count=4, style={"prompt": "many"}, download_directory=tmp_path, **FAST
            )

    result = asyncio.run(run())
    assert len(result.downloaded_paths) == 4
    assert fresh.peak_downloads >= 2


@pytest.mark.parametrize(
    ("arguments", "violation"),
    [
        ({"poll_interval": 0}, "poll_interval: must be more than 0, not 0"),
        ({"wait_timeout": -1}, "wait_timeout: must be 0 or more, not -1"),
    ],
)
def test_bad_workflow_arguments_stop_before_anything_is_sent(
    generate: Callable[..., Any], server: MockServer, arguments: dict[str, Any], violation: str
) -> None:
    projects = len(server.projects)
    with pytest.raises(RequestValidationError) as raised:
        generate("ai_gif_generator", style={"prompt": "x"}, **arguments)
    assert raised.value.violations == [violation]
    assert len(server.projects) == projects


def test_a_download_directory_that_is_a_file_stops_before_anything_is_sent(
    generate: Callable[..., Any], server: MockServer, tmp_path: Path
) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("a file")
    projects = len(server.projects)
    with pytest.raises(RequestValidationError) as raised:
        generate("ai_gif_generator", style={"prompt": "x"}, download_directory=blocker / "sub")
    assert raised.value.violations == [f"download_directory: {str(blocker)!r} is not a directory"]
    assert len(server.projects) == projects


def test_a_failed_upload_raises_upload_error_and_creates_nothing(
    generate: Callable[..., Any], server: MockServer, tmp_path: Path
) -> None:
    image = tmp_path / "frame.png"
    image.write_bytes(b"png")
    projects = len(server.projects)
    with pytest.raises(UploadError) as raised:
        generate(
            "animation",
            assets={"audio_source": "none", "image_file_path": str(image)},
            **SMALL_ANIMATION,
            headers={"X-Mock-Upload-Fault": "refuse"},
        )
    assert raised.value.file == str(image)
    assert str(raised.value) == f"uploading {image} failed: storage answered 403"
    assert len(server.projects) == projects
