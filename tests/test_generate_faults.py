"""`generate` after the create: no credits spent in vain, no healthy project given up on.

A bad argument, option or setting stops `generate` before anything is sent; once the project
exists, every failure names it and says how to pick it up again (`check_result`); transient
failures while polling are asked again, and the whole wait ends by `wait_timeout`. Every test
talks to a real server on loopback (`helpers.faults.fault_server`, or the mock server), sync
and async.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from helpers.faults import Fault, FaultServer, fault_server, html, reply, reset, stall

import magic_hour
from magic_hour import AsyncClient, Client, Progress
from magic_hour.core import polling, retry
from magic_hour.errors import (
    GenerationError,
    GenerationTimeoutError,
    NotFoundError,
    RequestValidationError,
)
from magic_hour.mock import MockServer

TIMEOUT = 0.3
CREATED = {"id": "proj-123", "credits_charged": 50}
PROJECT = {
    "id": "proj-123",
    "name": "Example Name",
    "status": "rendering",
    "image_count": 1,
    "type": "AI_IMAGE",
    "created_at": "2024-01-01T00:00:00Z",
    "enabled": True,
    "credits_charged": 5,
    "downloads": [],
    "error": None,
}
COMPLETE = {**PROJECT, "status": "complete"}
RESUME = "resume with client.v1.image_projects.check_result('proj-123')"
# No download: these tests are about the create and the wait.
QUICK = {"poll_interval": 0.01, "download_outputs": False}


@pytest.fixture(autouse=True)
def short_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retry, "BASE_DELAY", 0.02)
    monkeypatch.setattr(retry, "MAX_DELAY", 0.05)


@pytest.fixture(params=["sync", "async"])
def run(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """Run `action(client)` with a sync or an async client; `action` returns what to await."""

    def runner(url: str, action: Callable[[Any], Any], **options: Any) -> Any:
        options = {"timeout": TIMEOUT, **options}
        if request.param == "sync":
            with Client(token="key", base_url=url, **options) as client:
                return action(client)

        async def main() -> Any:
            async with AsyncClient(token="key", base_url=url, **options) as client:
                return await action(client)

        return asyncio.run(main())

    return runner


def gif(**arguments: Any) -> Callable[[Any], Any]:
    """`ai_gif_generator.generate` with `arguments`, as `run` calls it."""
    return lambda client: client.v1.ai_gif_generator.generate(
        style={"prompt": "cat"}, **{**QUICK, **arguments}
    )


def methods(server: FaultServer) -> list[str]:
    return [seen.method for seen in server.seen]


# -- 7: every argument, option and setting is checked before the first request ---------------


@pytest.mark.parametrize(
    ("arguments", "violation"),
    [
        (
            {"request_options": {"max_retries": "2"}},
            "request_options.max_retries: must be an int, 0 or more, not '2'",
        ),
        (
            {"request_options": {"max_retries": -1}},
            "request_options.max_retries: must be an int, 0 or more, not -1",
        ),
        (
            {"on_progress": "print"},
            "on_progress: must be a function of one Progress, not 'print'",
        ),
        ({"poll_interval": "1"}, "poll_interval: must be a number, not '1'"),
        ({"wait_timeout": "60"}, "wait_timeout: must be a number, not '60'"),
        ({"wait_timeout": float("nan")}, "wait_timeout: must be 0 or more, not nan"),
        (
            {"download_outputs": True, "download_directory": 5},
            "download_directory: must be a path, not 5",
        ),
    ],
    ids=lambda value: str(value)[:40],
)
def test_a_bad_generate_argument_stops_before_anything_is_sent(
    run: Callable[..., Any], arguments: dict[str, Any], violation: str
) -> None:
    with fault_server(reply(200, CREATED)) as server:
        with pytest.raises(RequestValidationError) as raised:
            run(server.url, gif(**arguments))
    assert raised.value.violations == [violation]
    assert "\n" not in str(raised.value)
    assert server.seen == []


def test_a_bad_max_retries_option_stops_a_plain_create_too(run: Callable[..., Any]) -> None:
    def create(client: Any) -> Any:
        return client.v1.ai_gif_generator.create(
            style={"prompt": "cat"}, request_options={"max_retries": 1.5}
        )

    with fault_server(reply(200, CREATED)) as server:
        with pytest.raises(RequestValidationError, match=r"request_options\.max_retries: must"):
            run(server.url, create)
    assert server.seen == []


@pytest.mark.parametrize("client_class", [Client, AsyncClient])
@pytest.mark.parametrize("max_retries", [None, "2", -1, True, 2.0])
def test_a_bad_max_retries_setting_stops_the_client_being_built(
    client_class: type, max_retries: Any
) -> None:
    with pytest.raises(RequestValidationError) as raised:
        client_class(token="key", base_url="http://127.0.0.1:9", max_retries=max_retries)
    assert raised.value.violations == [
        f"max_retries: must be an int, 0 or more, not {max_retries!r}"
    ]


@pytest.mark.parametrize("below", ["", "sub"], ids=["itself", "its parent"])
def test_a_download_directory_through_a_dangling_symlink_stops_before_anything_is_sent(
    run: Callable[..., Any], tmp_path: Path, below: str
) -> None:
    link = tmp_path / "out"
    os.symlink(tmp_path / "gone", link)
    directory = link / below if below else link
    with fault_server(reply(200, CREATED)) as server:
        with pytest.raises(RequestValidationError) as raised:
            run(server.url, gif(download_outputs=True, download_directory=directory))
    assert raised.value.violations == [f"download_directory: {str(link)!r} is a symlink to nothing"]
    assert server.seen == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


# -- 7: after the create, every failure names the project and how to resume ------------------


def test_a_progress_callback_that_raises_keeps_the_project_id(run: Callable[..., Any]) -> None:
    def refuse(progress: Progress) -> None:
        raise ValueError(f"no thanks ({progress.status})")

    with fault_server(reply(200, PROJECT)) as server:
        server.then(reply(200, CREATED))
        with pytest.raises(GenerationError) as raised:
            run(server.url, gif(on_progress=refuse))
    error = raised.value
    assert error.project_id == "proj-123"
    assert isinstance(error.__cause__, ValueError)
    assert str(error) == f"project proj-123: ValueError: no thanks (rendering); {RESUME}"
    assert methods(server) == ["POST", "GET"]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_progress_callback_that_raises_while_downloading_keeps_the_project_id(
    start_mock_server: Callable[..., MockServer], tmp_path: Path, is_async: bool
) -> None:
    server = start_mock_server(polls_per_status=0)

    def refuse(progress: Progress) -> None:
        if progress.downloaded_bytes:
            raise ValueError("stop")

    arguments = {"style": {"prompt": "cat"}, "on_progress": refuse, "download_directory": tmp_path}
    with pytest.raises(GenerationError) as raised:
        if is_async:

            async def main() -> None:
                async with AsyncClient(token="key", base_url=server.url) as client:
                    await client.v1.ai_gif_generator.generate(**arguments, poll_interval=0.01)

            asyncio.run(main())
        else:
            with Client(token="key", base_url=server.url) as client:
                client.v1.ai_gif_generator.generate(**arguments, poll_interval=0.01)
    error = raised.value
    assert list(server.projects) == [error.project_id]
    assert isinstance(error.__cause__, ValueError)
    assert str(error).endswith(
        f"resume with client.v1.image_projects.check_result({error.project_id!r})"
    )
    assert list(tmp_path.iterdir()) == []  # no partial file


def test_an_error_status_while_polling_keeps_its_type_and_the_project_id(
    run: Callable[..., Any],
) -> None:
    with fault_server(reply(404, {"message": "gone"})) as server:
        server.then(reply(200, CREATED))
        with pytest.raises(NotFoundError) as raised:
            run(server.url, gif())
    error = raised.value
    assert error.project_id == "proj-123"
    assert str(error) == f"404 on GET /v1/image-projects/proj-123: gone; {RESUME}"
    assert methods(server) == ["POST", "GET"]  # not a transient failure: not asked again


def resume_call(client: Any, error: GenerationError) -> Callable[..., Any]:
    """The method the error's advice names, found on `client`, and checked to name the id."""
    found = re.search(r"resume with client\.([\w.]+)\('([^']+)'\)$", str(error))
    assert found is not None, str(error)
    assert found.group(2) == error.project_id
    method: Any = client
    for name in found.group(1).split("."):
        method = getattr(method, name)
    return method  # type: ignore[no-any-return]


def stop_at_rendering(progress: Progress) -> None:
    if progress.status == "rendering":
        raise RuntimeError("the caller's own bug")


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_the_resume_advice_picks_the_project_up(
    start_mock_server: Callable[..., MockServer], tmp_path: Path, is_async: bool
) -> None:
    server = start_mock_server(polls_per_status=1)
    generate = {"style": {"prompt": "cat"}, "on_progress": stop_at_rendering, "poll_interval": 0.01}
    resume = {"download_directory": tmp_path, "poll_interval": 0.01}
    if is_async:

        async def main() -> Any:
            async with AsyncClient(token="key", base_url=server.url) as client:
                with pytest.raises(GenerationError) as raised:
                    await client.v1.ai_gif_generator.generate(**generate)
                error = raised.value
                return await resume_call(client, error)(error.project_id, **resume)

        result = asyncio.run(main())
    else:
        with Client(token="key", base_url=server.url) as client:
            with pytest.raises(GenerationError) as raised:
                client.v1.ai_gif_generator.generate(**generate)
            error = raised.value
            result = resume_call(client, error)(error.project_id, **resume)
    assert result.status == "complete"
    assert list(server.projects) == [result.id]  # picked up, not created again
    assert result.downloaded_paths and all(Path(p).is_file() for p in result.downloaded_paths)


# -- 8: transient failures while polling are asked again ---------------------------------------

TRANSIENT = {
    "503": reply(503, {"message": "busy"}),
    "502 html": html(502),
    "429": reply(429, {"message": "slow down"}, **{"Retry-After": "0"}),
    "reset": reset(),
    "timeout": stall(TIMEOUT * 3),
}


@pytest.mark.parametrize("fault", TRANSIENT, ids=str)
def test_transient_failures_while_polling_do_not_give_up_on_a_healthy_project(
    run: Callable[..., Any], fault: str
) -> None:
    # More failures in a row than the client retries a call.
    with fault_server(reply(200, COMPLETE)) as server:
        server.then(reply(200, CREATED), *[TRANSIENT[fault]] * 4)
        result = run(server.url, gif(wait_timeout=30), max_retries=2)
    assert (result.id, result.status) == ("proj-123", "complete")
    assert methods(server) == ["POST"] + ["GET"] * 5


def test_polling_that_keeps_failing_ends_at_wait_timeout_with_the_project_id(
    run: Callable[..., Any],
) -> None:
    with fault_server(reply(503, {"message": "busy"})) as server:
        server.then(reply(200, CREATED), reply(200, PROJECT))
        with pytest.raises(GenerationTimeoutError) as raised:
            run(server.url, gif(wait_timeout=0.3), max_retries=0)
    error = raised.value
    assert (error.project_id, error.status) == ("proj-123", "rendering")
    assert isinstance(error.__cause__, magic_hour.InternalServerError)
    assert str(error).endswith(RESUME)
    assert methods(server).count("POST") == 1


# -- 9: wait_timeout bounds the whole wait -----------------------------------------------------


@pytest.mark.parametrize("answered", [[], [reply(200, PROJECT)]], ids=["never", "once"])
def test_a_poll_that_never_answers_ends_at_wait_timeout(
    run: Callable[..., Any], answered: list[Fault]
) -> None:
    # Each attempt may take 3 s, and be retried; the wait may take 1 s in all.
    with fault_server(stall(3.0)) as server:
        server.then(reply(200, CREATED), *answered)
        with pytest.raises(GenerationTimeoutError) as raised:
            run(server.url, gif(wait_timeout=1), timeout=3, max_retries=2)
    error = raised.value
    assert error.project_id == "proj-123"
    assert error.status == ("rendering" if answered else None)
    assert isinstance(error.__cause__, magic_hour.APITimeoutError)
    assert "after 1 s" in str(error) and str(error).endswith(RESUME)


# -- 11: a garbage answer to a create says the project may exist -------------------------------


@pytest.mark.parametrize(
    "body", [b"<html>ok</html>", b'{"created": true}', b'{"id": 5}'], ids=["html", "json", "id"]
)
@pytest.mark.parametrize("how", ["create", "generate"])
def test_an_unreadable_answer_to_a_create_says_it_may_have_been_created(
    run: Callable[..., Any], body: bytes, how: str
) -> None:
    def create(client: Any) -> Any:
        return client.v1.ai_gif_generator.create(style={"prompt": "cat"})

    with fault_server(reply(200, body)) as server:
        with pytest.raises(magic_hour.APIResponseError) as raised:
            run(server.url, create if how == "create" else gif())
    message = str(raised.value)
    assert message.startswith("200 on POST /v1/ai-gif-generator, but the body is unreadable: ")
    assert message.endswith(f"; {magic_hour.client.MAY_HAVE_ACTED}")
    assert "\n" not in message
    assert methods(server) == ["POST"]  # not sent again


def test_an_unreadable_answer_to_a_get_says_nothing_of_creating(run: Callable[..., Any]) -> None:
    with fault_server(reply(200, b"<html>ok</html>")) as server:
        with pytest.raises(magic_hour.APIResponseError) as raised:
            run(server.url, lambda client: client.v1.image_projects.get(id="p1"))
    assert "may have created" not in str(raised.value)


def test_an_endless_wait_with_no_timeout_still_polls(run: Callable[..., Any]) -> None:
    with fault_server(reply(200, COMPLETE)) as server:
        server.then(reply(200, CREATED), reply(200, PROJECT))
        result = run(server.url, gif(wait_timeout=float("inf")), timeout=None)
    assert result.status == "complete"
    assert methods(server) == ["POST", "GET", "GET"]


def test_a_polls_timeout_is_capped_part_by_part() -> None:
    capped = polling.capped_timeout(httpx.Timeout(60.0, connect=0.5, pool=None), 2.0)
    assert (capped.connect, capped.read, capped.write, capped.pool) == (0.5, 2.0, 2.0, 2.0)
    endless = polling.capped_timeout(None, float("inf"))
    assert (endless.connect, endless.read, endless.write, endless.pool) == (None,) * 4
