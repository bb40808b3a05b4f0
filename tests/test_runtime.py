"""The runtime (`magic_hour.core`) on its own terms: flows and their drivers, the base client
without the generated code's arguments, cancelling `generate`, and what the package exports.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers.faults import fault_server, reply
from helpers.paths import SPECS
from helpers.stages import python_view_of

import magic_hour
import magic_hour.core
import magic_hour.errors
from magic_hour import AsyncClient
from magic_hour.core import base_client, errors, flow, progress
from magic_hour.core.responses import Expected
from magic_hour.mock import MockServer

OUTPUT_SIZE = 20_000_000


# -- flows and their drivers ------------------------------------------------------------------


class Ask(flow.Action):
    def __init__(self, question: str) -> None:
        self.question = question


def answer(action: flow.Action) -> str:
    assert isinstance(action, Ask)
    if action.question == "fail":
        raise ValueError("no answer")
    return action.question.upper()


async def answer_later(action: flow.Action) -> str:
    await asyncio.sleep(0)
    return answer(action)


def run(driver: str, steps: flow.Flow[Any]) -> Any:
    if driver == "sync":
        return flow.run_sync(steps, answer)
    return asyncio.run(flow.run_async(steps, answer_later))


@pytest.fixture(params=["sync", "async"])
def driver(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_a_flow_is_sent_each_answer_and_returns_its_result(driver: str) -> None:
    def steps() -> flow.Flow[list[str]]:
        first: str = yield Ask("a")
        second: str = yield Ask("b")
        return [first, second]

    assert run(driver, steps()) == ["A", "B"]


def test_an_error_is_thrown_into_the_flow_which_may_still_ask_while_cleaning_up(
    driver: str,
) -> None:
    seen: list[str] = []

    def steps() -> flow.Flow[None]:
        try:
            yield Ask("fail")
            seen.append("not reached")
        finally:
            seen.append((yield Ask("cleanup")))

    with pytest.raises(ValueError, match="no answer"):
        run(driver, steps())
    assert seen == ["CLEANUP"]


def test_a_flow_may_handle_the_error_it_is_thrown(driver: str) -> None:
    def steps() -> flow.Flow[str]:
        try:
            yield Ask("fail")
        except ValueError as error:
            return f"handled: {error}"
        return "not reached"

    assert run(driver, steps()) == "handled: no answer"


# -- the base client needs nothing generated -------------------------------------------------


def test_the_base_client_has_defaults_for_what_the_generated_client_passes() -> None:
    nothing = Expected[None](empty=(200,))
    with fault_server(reply(404, {"message": "gone"})) as server:
        client = base_client.SyncBaseClient(
            token="key", base_url=server.url, timeout=1.0, max_retries=0, httpx_client=None
        )
        with client.httpx_client:
            with pytest.raises(errors.APIStatusError) as missing:
                client.request("GET", "/things/1", expected=nothing)
            server.then(reply(500, {"message": "boom"}))
            with pytest.raises(errors.APIStatusError) as failed:
                client.request("POST", "/things", expected=nothing, json_body={})
    assert type(missing.value) is errors.APIStatusError
    assert missing.value.status_code == 404
    assert str(failed.value).endswith(f"; {base_client.MAY_HAVE_ACTED}")


def test_the_generated_client_passes_the_spec_classes_and_the_apis_advice() -> None:
    with fault_server(reply(500, {"message": "boom"})) as server:
        with magic_hour.Client(token="key", base_url=server.url) as client:
            with pytest.raises(magic_hour.InternalServerError) as raised:
                client.v1.ai_gif_generator.create(style={"prompt": "cat"})
    assert str(raised.value).endswith(f"; {magic_hour.client.MAY_HAVE_ACTED}")


# -- cancelling an async generate -------------------------------------------------------------


def cancel_generate(
    server: MockServer, directory: Path, cancel_when: Callable[[progress.Progress], bool]
) -> tuple[asyncio.CancelledError, list[progress.Progress]]:
    """Run `image_count=3` generate with the async client; cancel it at the first progress
    `cancel_when` accepts. The CancelledError it ends in, and every progress seen."""
    seen: list[progress.Progress] = []

    async def main() -> asyncio.CancelledError:
        def watch(update: progress.Progress) -> None:
            seen.append(update)
            if cancel_when(update):
                generating.cancel()

        async with AsyncClient(token="key", base_url=server.url) as client:
            generating = asyncio.ensure_future(
                client.v1.ai_image_generator.generate(
                    image_count=3,
                    style={"prompt": "cancel me"},
                    download_directory=directory,
                    poll_interval=0.01,
                    on_progress=watch,
                )
            )
            with pytest.raises(asyncio.CancelledError) as raised:
                await generating
            return raised.value

    return asyncio.run(main()), seen


def test_cancelled_while_waiting_it_stays_a_cancelled_error_naming_the_project(
    start_mock_server: Callable[..., MockServer], tmp_path: Path
) -> None:
    slow_server = start_mock_server(polls_per_status=10_000)
    cancelled, seen = cancel_generate(slow_server, tmp_path, lambda _: True)
    project_id = seen[0].project_id
    assert project_id in slow_server.projects
    assert f"project id: {project_id} (last status 'queued')" in cancelled.__notes__


def test_cancelled_while_downloading_it_leaves_no_partial_file(
    start_mock_server: Callable[..., MockServer], tmp_path: Path
) -> None:
    big_outputs_server = start_mock_server(output_size=OUTPUT_SIZE)
    _, seen = cancel_generate(big_outputs_server, tmp_path, lambda p: p.downloaded_bytes > 0)
    assert any(p.downloaded_bytes > 0 for p in seen)
    left = list(tmp_path.iterdir())
    # A download that was cancelled leaves nothing; one that had finished stays whole.
    assert [p.name for p in left if p.name.startswith(".")] == []
    assert all(p.stat().st_size == OUTPUT_SIZE for p in left)


# -- what the package exports -----------------------------------------------------------------


def test_the_workflows_errors_and_progress_are_public() -> None:
    from magic_hour import (  # noqa: F401
        DownloadError,
        GenerationError,
        GenerationInterrupted,
        GenerationTimeoutError,
        Progress,
        ProgressCallback,
        UploadError,
    )

    for name in (
        "DownloadError",
        "GenerationError",
        "GenerationInterrupted",
        "GenerationTimeoutError",
        "UploadError",
    ):
        assert name in magic_hour.__all__
        assert getattr(magic_hour, name) is getattr(errors, name)
    assert {"Progress", "ProgressCallback"} <= set(magic_hour.__all__)
    assert Progress is progress.Progress


def test_magic_hour_errors_keeps_every_name() -> None:
    api = python_view_of(SPECS)
    names = [
        "MagicHourError",
        "RequestValidationError",
        "ApiError",
        "APIConnectionError",
        "APITimeoutError",
        "APIStatusError",
        "APIResponseError",
        "describe_body",
        "UploadError",
        "GenerationError",
        "GenerationTimeoutError",
        "DownloadError",
        "GenerationInterrupted",
        "WebhookVerificationError",
        "InvalidSignatureError",
        "MalformedWebhookError",
        "MissingHeaderError",
        "TimestampOutsideToleranceError",
        "error_for_status",
        *(error.name for error in api.error_classes),
    ]
    assert sorted(magic_hour.errors.__all__) == sorted(names)
    for name in names:
        assert hasattr(magic_hour.errors, name), name
    assert magic_hour.errors.error_for_status(404) is magic_hour.NotFoundError
    assert magic_hour.errors.error_for_status(503) is magic_hour.InternalServerError
    assert magic_hour.errors.error_for_status(418) is errors.APIStatusError


def test_core_says_it_is_private_and_keeps_the_published_api_error() -> None:
    doc = " ".join((magic_hour.core.__doc__ or "").split())
    assert "Not public API" in doc
    assert "may change or go without notice" in doc
    assert "Import public names from `magic_hour`" in doc
    from magic_hour.core import ApiError

    assert ApiError is magic_hour.APIStatusError
    # The published SDK's name, from the package itself, catches every error status.
    assert magic_hour.ApiError is magic_hour.APIStatusError
    assert issubclass(magic_hour.NotFoundError, magic_hour.ApiError)
