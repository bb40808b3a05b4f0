"""Downloads under faults and signals: compressed bodies cut short, transfers that trickle or
never end, and the process interrupted or killed mid-download. Every test runs the generated
client against a real loopback server (`helpers.storage`); the signal tests send real signals
to a real child process (`helpers/download_child.py`) and look at the folder afterwards.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers.paths import HELPERS, ROOT
from helpers.processes import running
from helpers.storage import OUTPUT, PROJECT_ID, storage_server

from magic_hour import AsyncClient, Client
from magic_hour.core import downloads
from magic_hour.errors import DownloadError, RequestValidationError

CHILD = HELPERS / "download_child.py"
# How long a child may take to start downloading, or to end once signalled: a guard, not a
# measure (the child needs well under a second of each on an idle machine).
GUARD = 60.0


@pytest.fixture(params=["sync", "async"])
def generate(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """`ai_gif_generator.generate` against a storage server's URL, sync or async."""

    def call(url: str, directory: Path, **options: Any) -> Any:
        arguments: dict[str, Any] = {
            "style": {"prompt": "faults"},
            "download_directory": directory,
            "poll_interval": 0.01,
        }
        if options:
            arguments["request_options"] = options
        if request.param == "sync":
            with Client(token="key", base_url=url) as client:
                return client.v1.ai_gif_generator.generate(**arguments)

        async def run() -> Any:
            async with AsyncClient(token="key", base_url=url) as client:
                return await client.v1.ai_gif_generator.generate(**arguments)

        return asyncio.run(run())

    return call


def names_in(directory: Path) -> list[str]:
    """Every name in `directory`, hidden ones too."""
    return sorted(os.listdir(directory)) if directory.exists() else []


# -- compressed bodies (case 10) ----------------------------------------------------------------


def test_a_cut_gzip_body_without_a_length_fails_leaving_no_file_after_retries(
    generate: Callable[..., Any], tmp_path: Path
) -> None:
    with storage_server("gzip-cut") as server:
        with pytest.raises(DownloadError) as raised:
            generate(server.url, tmp_path)
        # Retried like a cut connection: as often as the default policy allows (two retries).
        assert server.downloads_started == 3
    error = raised.value
    assert error.project_id == PROJECT_ID
    assert "compressed body ended" in error.reason
    assert "secret" not in str(error)
    assert names_in(tmp_path) == []


def test_a_whole_gzip_body_of_several_members_is_saved_decoded(
    generate: Callable[..., Any], tmp_path: Path
) -> None:
    with storage_server("gzip") as server:
        result = generate(server.url, tmp_path)
    (path,) = result.downloaded_paths
    assert Path(path).read_bytes() == OUTPUT
    assert names_in(tmp_path) == ["output.gif"]


# -- stalls and the download deadline (case 9, downloads) ---------------------------------------


def test_a_trickling_download_starts_over_then_fails_after_the_stall_timeout(
    generate: Callable[..., Any], tmp_path: Path
) -> None:
    with storage_server("trickle") as server:
        with pytest.raises(DownloadError) as raised:
            generate(server.url, tmp_path, download_stall_timeout=1, max_retries=1)
        # Started over once, like a cut connection, then given up.
        assert server.downloads_started == 2
    assert raised.value.project_id == PROJECT_ID
    assert f"fewer than {downloads.STALL_BYTES} bytes in 1 s" in raised.value.reason
    assert names_in(tmp_path) == []


def test_a_download_that_never_ends_fails_at_the_download_timeout(
    generate: Callable[..., Any], tmp_path: Path
) -> None:
    with storage_server("slow") as server:
        with pytest.raises(DownloadError) as raised:
            generate(server.url, tmp_path, download_timeout=1)
        # A deadline is final: the download does not start over.
        assert server.downloads_started == 1
    assert "download_timeout of 1 s" in raised.value.reason
    assert names_in(tmp_path) == []


def test_the_download_limits_have_documented_defaults() -> None:
    assert (downloads.STALL_TIMEOUT, downloads.STALL_BYTES) == (30.0, 1024)
    assert downloads.DOWNLOAD_TIMEOUT == 3600.0
    docstring = " ".join((downloads.__doc__ or "").split())
    for default in ("(default 30 s,", "fewer than 1024 bytes", "(default 3600 s,"):
        assert default in docstring
    guide = " ".join((ROOT / "generated" / "README.md").read_text().split())
    assert "fewer than 1024 bytes in 30 s" in guide
    assert "must be done within an hour" in guide


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        (
            {"download_timeout": 0},
            "request_options.download_timeout: must be more than 0 and finite, not 0",
        ),
        (
            {"download_timeout": float("inf")},
            "request_options.download_timeout: must be more than 0 and finite, not inf",
        ),
        (
            {"download_stall_timeout": "5"},
            "request_options.download_stall_timeout: must be a number of seconds, not '5'",
        ),
        (
            {"download_stall_timeout": True},
            "request_options.download_stall_timeout: must be a number of seconds, not True",
        ),
    ],
)
def test_bad_download_limits_stop_before_anything_is_sent(
    tmp_path: Path, options: dict[str, Any], problem: str
) -> None:
    with storage_server("whole") as server:
        with Client(token="key", base_url=server.url) as client:
            with pytest.raises(RequestValidationError) as raised:
                client.v1.ai_gif_generator.generate(
                    style={"prompt": "x"}, download_directory=tmp_path, request_options=options
                )
        assert server.requests == []
    assert raised.value.violations == [problem]


# -- signals (case 12) ------------------------------------------------------------------------


def start_child(url: str, directory: Path, driver: str, *extra: str) -> subprocess.Popen[str]:
    """The child process, its output in files beside `directory` (read once it has ended)."""
    out = open(directory.parent / "stdout", "w")
    err = open(directory.parent / "stderr", "w")
    with out, err:
        environment = {**os.environ, "PYTHONPATH": str(ROOT / "generated")}
        return subprocess.Popen(
            [sys.executable, str(CHILD), url, str(directory), driver, *extra],
            stdout=out,
            stderr=err,
            text=True,
            env=environment,
        )


def wait_until_downloading(child: subprocess.Popen[str], stdout: Path) -> None:
    deadline = time.monotonic() + GUARD
    while "downloading" not in stdout.read_text():
        assert child.poll() is None, f"the child ended first: {stdout.read_text()}"
        assert time.monotonic() < deadline, "the child never started downloading"
        time.sleep(0.05)


def interrupted(driver: str, signal_number: int, tmp_path: Path, *extra: str) -> tuple[int, str]:
    """Start a child downloading a never-ending output into `tmp_path/out`, send it
    `signal_number` mid-download; its exit status and stderr."""
    directory = tmp_path / "out"
    with storage_server("slow") as server:
        with running(start_child(server.url, directory, driver, *extra)) as child:
            wait_until_downloading(child, tmp_path / "stdout")
            child.send_signal(signal_number)
            status = child.wait(timeout=GUARD)
    return status, (tmp_path / "stderr").read_text()


@pytest.mark.parametrize("driver", ["sync", "async"])
@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_no_partial_file_is_visible_after_a_signal_mid_download(
    tmp_path: Path, driver: str, signal_number: int
) -> None:
    status, _ = interrupted(driver, signal_number, tmp_path)
    # Python ends by SIGINT only for an uncaught KeyboardInterrupt itself; GenerationInterrupted,
    # a subclass, ends it with status 1.
    assert status == -signal_number or (signal_number, driver, status) == (signal.SIGINT, "sync", 1)
    assert names_in(tmp_path / "out") == []


def test_ctrl_c_mid_download_raises_generation_interrupted_with_the_project_id(
    tmp_path: Path,
) -> None:
    _, stderr = interrupted("sync", signal.SIGINT, tmp_path)
    last_line = stderr.strip().splitlines()[-1]
    assert last_line.startswith("magic_hour.core.errors.GenerationInterrupted: "), stderr
    assert PROJECT_ID in last_line


def test_ctrl_c_mid_async_download_shows_the_project_id(tmp_path: Path) -> None:
    _, stderr = interrupted("async", signal.SIGINT, tmp_path)
    # asyncio.run turns Ctrl-C into cancelling the task, then raises a KeyboardInterrupt of its
    # own; the cancellation it comes from names the project.
    assert stderr.strip().splitlines()[-1] == "KeyboardInterrupt", stderr
    assert f"project id: {PROJECT_ID} (interrupted while downloading its outputs)" in stderr


def test_a_killed_runs_part_file_is_removed_by_the_next_run_in_that_folder(
    tmp_path: Path,
) -> None:
    # Without unnamed files, a download in progress is a hidden `.part` file; killed, the
    # process leaves it.
    status, _ = interrupted("sync", signal.SIGKILL, tmp_path, "--no-unnamed-files")
    assert status == -signal.SIGKILL
    (leftover,) = names_in(tmp_path / "out")
    assert leftover.startswith(".output.gif.") and leftover.endswith(".part")
    with storage_server("whole") as server:
        with running(start_child(server.url, tmp_path / "out", "sync")) as child:
            assert child.wait(timeout=GUARD) == 0, (tmp_path / "stderr").read_text()
    assert names_in(tmp_path / "out") == ["output.gif"]
    assert (tmp_path / "out" / "output.gif").read_bytes() == OUTPUT


def test_the_part_file_of_a_download_under_way_is_never_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "O_TMPFILE")
    (tmp_path / ".not-ours.part").write_bytes(b"a user's file")
    (tmp_path / ".x.0123456789ab.part.keep").write_bytes(b"a user's file")
    with downloads.PartialFile(str(tmp_path), "output.gif") as under_way:
        under_way.file.write(b"half")
        (part,) = [name for name in names_in(tmp_path) if name.startswith(".output.gif.")]
        downloads.remove_leftovers(str(tmp_path))
        assert part in names_in(tmp_path)
    assert names_in(tmp_path) == [".not-ours.part", ".x.0123456789ab.part.keep"]


# -- the fsync that makes a download durable, off the event loop (#19) -------------------------


def test_the_async_client_puts_a_download_on_disk_in_a_worker_thread(
    generate: Callable[..., Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    # The fsync may take long on a busy disk: on the event loop, it would hold up every other
    # call (of 100 concurrent `generate`s, say) until it ends. The sync client has no other
    # calls to hold up.
    calls: list[bool] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls.append(threading.current_thread() is threading.main_thread())
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with storage_server("whole") as server:
        result = generate(server.url, tmp_path)
    (path,) = result.downloaded_paths
    assert Path(path).read_bytes() == OUTPUT
    assert calls == [request.node.callspec.params["generate"] == "sync"]


def test_a_cancelled_async_download_waits_for_its_fsync_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entered, release = threading.Event(), threading.Event()
    events: list[str] = []
    real_fsync, real_close = os.fsync, downloads.PartialFile.close

    def fsync(fd: int) -> None:
        entered.set()
        release.wait(GUARD)
        real_fsync(fd)
        events.append("fsync ended")

    def close(part: downloads.PartialFile) -> None:
        events.append("closed")
        real_close(part)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(downloads.PartialFile, "close", close)

    async def cancel_during_the_fsync(url: str) -> None:
        async with AsyncClient(token="key", base_url=url) as client:
            task = asyncio.ensure_future(
                client.v1.ai_gif_generator.generate(
                    style={"prompt": "faults"}, download_directory=tmp_path, poll_interval=0.01
                )
            )
            assert await asyncio.to_thread(entered.wait, GUARD)
            task.cancel()
            await asyncio.sleep(0.2)
            # The cancellation waits for the fsync, which still uses the file.
            assert not task.done() and events == []
            release.set()
            with pytest.raises(asyncio.CancelledError):
                await task

    with storage_server("whole") as server:
        asyncio.run(cancel_during_the_fsync(server.url))
    assert events == ["fsync ended", "closed"]
    assert names_in(tmp_path) == []


def test_a_download_goes_to_disk_while_it_arrives_not_only_at_the_end(
    generate: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fsync before the name then waits for the tail alone: the disk works while the
    # network does.
    events: list[str] = []
    real_datasync, real_fsync = downloads._datasync, os.fsync

    def datasync(fd: int) -> None:
        on_main_thread = threading.current_thread() is threading.main_thread()
        events.append("flush on the main thread" if on_main_thread else "flush")
        real_datasync(fd)

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    monkeypatch.setattr(downloads, "FLUSH_BYTES", len(OUTPUT) // 4)
    monkeypatch.setattr(downloads, "_datasync", datasync)
    monkeypatch.setattr(os, "fsync", fsync)
    with storage_server("whole") as server:
        result = generate(server.url, tmp_path)
    (path,) = result.downloaded_paths
    assert Path(path).read_bytes() == OUTPUT
    # Flushes start as the data comes (from `write`, in a worker thread) and the fsync before
    # the name comes after them.
    assert events[-1] == "fsync" and events.count("fsync") == 1
    assert events[:-1] and set(events[:-1]) == {"flush"}, events


def test_a_failed_flush_while_downloading_fails_the_download_and_leaves_no_file(
    generate: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def datasync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(downloads, "FLUSH_BYTES", len(OUTPUT) // 4)
    monkeypatch.setattr(downloads, "_datasync", datasync)
    with storage_server("whole") as server:
        with pytest.raises(DownloadError) as raised:
            generate(server.url, tmp_path)
    assert raised.value.project_id == PROJECT_ID
    assert "Input/output error" in raised.value.reason
    assert names_in(tmp_path) == []
