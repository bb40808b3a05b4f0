"""The client under injected faults: retries, timeouts, typed errors, and the API key kept secret.

Every test talks to `helpers.faults.fault_server` over real sockets, sync and async. Backoff is
cut to milliseconds (the policy's constants, not its logic), and timeouts to a fraction of a
second.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from helpers.faults import (
    Fault,
    FaultServer,
    closed_port_url,
    cut,
    fault_server,
    html,
    reply,
    reset,
    stall,
)
from helpers.paths import SPECS

import magic_hour
from generator.load import load_specs
from generator.ir import build_ir
from generator.views.python import build_python_view
from magic_hour import AsyncClient, Client
from magic_hour.core import retry

API = build_python_view(build_ir(load_specs(SPECS, "specs")))
EXAMPLES = {f"{op.http_method} {op.path}": op.operation.response_example for op in API.operations}
PROJECT = EXAMPLES["GET /v1/image-projects/{id}"]
CREATED = EXAMPLES["POST /v1/ai-gif-generator"]
TOKEN = "mhk_live_RESILIENCE_SECRET_0123456789"
TIMEOUT = 0.3

# What each call sends, and a success answer for it.
CALLS: dict[str, tuple[Callable[[Any], Any], Fault]] = {
    "GET": (lambda c: c.v1.image_projects.get(id="p1"), reply(200, PROJECT)),
    "DELETE": (lambda c: c.v1.video_projects.delete(id="p1"), reply(200, {})),
    "POST": (lambda c: c.v1.ai_gif_generator.create(style={"prompt": "cat"}), reply(200, CREATED)),
}


@pytest.fixture(autouse=True)
def short_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retry, "BASE_DELAY", 0.02)
    monkeypatch.setattr(retry, "MAX_DELAY", 0.05)


@pytest.fixture(autouse=True)
def logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every record of every logger, at DEBUG: the API key must be in none of them."""
    caplog.set_level(logging.DEBUG)
    yield caplog
    for record in caplog.records:
        assert TOKEN not in record.getMessage()


@pytest.fixture(params=["sync", "async"])
def run(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """Run `action(client)` with a sync or an async client; `action` returns what to await."""

    def runner(url: str, action: Callable[[Any], Any], **options: Any) -> Any:
        options = {"timeout": TIMEOUT, **options}
        if request.param == "sync":
            with Client(token=TOKEN, base_url=url, **options) as client:
                return action(client)

        async def main() -> Any:
            async with AsyncClient(token=TOKEN, base_url=url, **options) as client:
                return await action(client)

        return asyncio.run(main())

    return runner


def raises(run: Callable[..., Any], url: str, action: Callable[[Any], Any], **options: Any) -> Any:
    with pytest.raises(magic_hour.MagicHourError) as raised:
        run(url, action, **options)
    error = raised.value
    assert TOKEN not in str(error) and TOKEN not in repr(error)
    cause = error.__cause__
    while cause is not None:  # the httpx errors chained below ours, too
        assert TOKEN not in str(cause) and TOKEN not in repr(cause)
        cause = cause.__cause__
    return error


def retry_delays(logs: pytest.LogCaptureFixture) -> list[float]:
    return [
        float(r.getMessage().rsplit(" in ", 1)[1].rstrip("s"))
        for r in logs.records
        if r.name == "magic_hour" and r.getMessage().startswith("retrying")
    ]


# -- transient faults on GET and DELETE end in success ---------------------------------------

TRANSIENT = {
    "reset": reset(),
    "timeout": stall(TIMEOUT * 3),
    "408": reply(408, {"message": "timeout"}),
    "429": reply(429, {"message": "slow down"}, **{"Retry-After": "0"}),
    "500": reply(500, {"message": "boom"}),
    "502 html": html(502),
    "503": reply(503, {"message": "busy"}),
    "504": reply(504, {"message": "gateway timeout"}),
    "cut body": cut(200, b'{"id": "cu', 400),
}


@pytest.mark.parametrize("method", ["GET", "DELETE"])
@pytest.mark.parametrize("fault", TRANSIENT, ids=str)
def test_transient_faults_on_idempotent_calls_end_in_success(
    run: Callable[..., Any], logs: pytest.LogCaptureFixture, method: str, fault: str
) -> None:
    action, success = CALLS[method]
    with fault_server(success) as server:
        server.then(TRANSIENT[fault], TRANSIENT[fault])
        run(server.url, action, max_retries=2)
    assert [s.method for s in server.seen] == [method] * 3
    delays = retry_delays(logs)
    assert len(delays) == 2
    if fault != "429":  # Retry-After: 0 is honoured as is; the rest back off with jitter
        assert all(0 <= d <= 0.05 for d in delays)
    gaps = [b.at - a.at for a, b in zip(server.seen, server.seen[1:])]
    assert all(gap >= delay - 0.005 for gap, delay in zip(gaps, delays))  # logged to 0.01 s


@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_retries_stop_at_max_retries_and_raise_the_last_fault(
    run: Callable[..., Any], method: str
) -> None:
    action, _ = CALLS[method]
    with fault_server(reply(502, {"message": "bad gateway"})) as server:
        error = raises(run, server.url, action, max_retries=3)
    assert len(server.seen) == 4
    assert isinstance(error, magic_hour.InternalServerError)
    assert (error.status_code, error.message, error.method) == (502, "bad gateway", method)
    expected = "/v1/image-projects/p1" if method == "GET" else "/v1/video-projects/p1"
    assert error.path == expected


@pytest.mark.parametrize("max_retries", [0, 1])
def test_max_retries_per_call_overrides_the_client(
    run: Callable[..., Any], max_retries: int
) -> None:
    def action(client: Any) -> Any:
        return client.v1.image_projects.get(id="p1", request_options={"max_retries": max_retries})

    with fault_server(reply(503, {"message": "busy"})) as server:
        raises(run, server.url, action, max_retries=5)
    assert len(server.seen) == max_retries + 1


def test_a_refused_connection_is_retried_then_raised(
    run: Callable[..., Any], logs: pytest.LogCaptureFixture
) -> None:
    error = raises(run, closed_port_url(), CALLS["POST"][0], max_retries=2)
    assert type(error) is magic_hour.APIConnectionError
    assert (error.method, error.path) == ("POST", "/v1/ai-gif-generator")
    assert "may have created" not in str(error)  # the connection was never made
    assert len(retry_delays(logs)) == 2


# -- POST: retried only where the server cannot have acted ---------------------------------


@pytest.mark.parametrize(
    ("script", "sent", "error_type"),
    [
        # 429 and 503 say the server did nothing: retried; the third answer is final.
        ([reply(429, {}, **{"Retry-After": "0"}), reply(503, {})], 3, None),
        ([reply(500, {"message": "boom"})], 1, magic_hour.InternalServerError),
        ([reply(502, {"message": "bad gateway"})], 1, magic_hour.InternalServerError),
        ([reply(504, {"message": "gateway timeout"})], 1, magic_hour.InternalServerError),
        ([stall(TIMEOUT * 3)], 1, magic_hour.APITimeoutError),
        ([reset()], 1, magic_hour.APIConnectionError),
        ([cut(200, b'{"id": "cu', 400)], 1, magic_hour.APIConnectionError),
    ],
)
def test_a_create_is_never_sent_twice_where_it_may_have_been_acted_on(
    run: Callable[..., Any], script: list[Fault], sent: int, error_type: type | None
) -> None:
    with fault_server(reply(200, CREATED)) as server:
        server.then(*script)
        if error_type is None:
            assert run(server.url, CALLS["POST"][0], max_retries=5).id == CREATED["id"]
        else:
            error = raises(run, server.url, CALLS["POST"][0], max_retries=5)
            assert type(error) is error_type
            assert "may have created the project" in str(error)
            assert "sending it again" in str(error)
    assert len(server.seen) == sent
    # At most one of the requests reached a server that could have acted on it.
    acted = [s for s in server.seen if s.fault.status not in (429, 503)]
    assert len(acted) <= 1


def test_a_503_on_create_says_nothing_was_created(run: Callable[..., Any]) -> None:
    with fault_server(reply(503, {"message": "busy"})) as server:
        error = raises(run, server.url, CALLS["POST"][0], max_retries=1)
    assert len(server.seen) == 2
    assert "may have created" not in str(error)


# -- Retry-After -------------------------------------------------------------------------------


def test_retry_after_in_seconds_is_waited(
    run: Callable[..., Any], logs: pytest.LogCaptureFixture
) -> None:
    with fault_server(reply(200, PROJECT)) as server:
        server.then(reply(429, {}, **{"Retry-After": "1"}))
        run(server.url, CALLS["GET"][0])
    assert retry_delays(logs) == [1.0]
    assert server.seen[1].at - server.seen[0].at >= 1.0


def test_retry_after_as_a_date_and_its_cap() -> None:
    soon = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 28 <= retry.delay(0, soon) <= 30
    much_later = email.utils.formatdate(time.time() + 7200, usegmt=True)
    assert retry.delay(0, much_later) == retry.MAX_RETRY_AFTER
    assert retry.delay(0, "86400") == retry.MAX_RETRY_AFTER
    past = email.utils.formatdate(time.time() - 60, usegmt=True)
    assert retry.delay(0, past) == 0
    assert 0 <= retry.delay(0, "not a date") <= retry.BASE_DELAY


def test_backoff_is_exponential_full_jitter_and_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retry, "BASE_DELAY", 0.5)
    monkeypatch.setattr(retry, "MAX_DELAY", 8.0)
    for attempt, ceiling in [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)]:
        delays = [retry.delay(attempt, None) for _ in range(300)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.7  # the whole range is used, not a fixed step


# -- errors that are not retried -------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "error_type", "detail"),
    [
        (reply(400, {"message": "Missing request body"}), magic_hour.BadRequestError, None),
        (reply(401, {"message": "Unauthorized"}), magic_hour.UnauthorizedError, None),
        (reply(402, {"message": "Payment required"}), magic_hour.PaymentRequiredError, None),
        (reply(404, {"message": "Not Found"}), magic_hour.NotFoundError, None),
        (
            reply(422, {"message": "bad", "code": "invalid_style"}),
            magic_hour.UnprocessableEntityError,
            None,
        ),
        (html(403), magic_hour.APIStatusError, "an HTML page: 403 Bad Gateway"),
        (reply(409, b""), magic_hour.APIStatusError, "an empty body"),
        (
            reply(418, b"teapot\n  short and stout"),
            magic_hour.APIStatusError,
            "teapot short and stout",
        ),
    ],
)
def test_each_error_status_raises_its_type_with_what_it_carries(
    run: Callable[..., Any], fault: Fault, error_type: type, detail: str | None
) -> None:
    with fault_server(fault) as server:
        error = raises(run, server.url, CALLS["GET"][0], max_retries=3)
    assert len(server.seen) == 1
    assert type(error) is error_type
    assert (error.status_code, error.method, error.path) == (
        fault.status,
        "GET",
        "/v1/image-projects/p1",
    )
    assert error.headers["content-length"] == str(len(fault.body))
    if detail is None:
        assert error.body == json.loads(fault.body)
        assert error.message == error.body["message"]
        assert error.code == error.body.get("code")
    else:
        assert str(error) == f"{fault.status} on GET /v1/image-projects/p1: {detail}"


def test_a_request_id_header_is_kept(run: Callable[..., Any]) -> None:
    fault = reply(404, {"message": "Not Found"}, **{"X-Request-Id": "req-42"})
    with fault_server(fault) as server:
        error = raises(run, server.url, CALLS["GET"][0])
    assert error.request_id == "req-42"
    assert str(error).endswith("(request id req-42)")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"id": ', ": Invalid JSON: EOF while parsing a value at line 1 column 7"),
        (b"<html>oops</html>", ": Invalid JSON: expected value at line 1 column 1"),
        (b'{"id": 5}', ": id: Input should be a valid string (and 9 more)"),
    ],
)
def test_an_unreadable_success_body_is_a_clear_error(
    run: Callable[..., Any], body: bytes, reason: str
) -> None:
    with fault_server(reply(200, body)) as server:
        error = raises(run, server.url, CALLS["GET"][0])
    assert type(error) is magic_hour.APIResponseError
    assert (error.status_code, error.method, error.path, error.body) == (
        200,
        "GET",
        "/v1/image-projects/p1",
        body.decode(),
    )
    assert str(error).startswith("200 on GET /v1/image-projects/p1, but the body is unreadable: ")
    assert str(error).endswith(reason)


# -- timeouts ----------------------------------------------------------------------------------


def test_the_timeout_is_per_client_and_per_call(run: Callable[..., Any]) -> None:
    def quick(client: Any) -> Any:
        return client.v1.image_projects.get(id="p1", request_options={"timeout": 0.1})

    with fault_server(stall(1.0)) as server:
        started = time.monotonic()
        error = raises(run, server.url, quick, max_retries=0, timeout=30.0)
        assert time.monotonic() - started < 0.9
    assert type(error) is magic_hour.APITimeoutError


def test_the_default_timeout_is_set() -> None:
    from magic_hour.core.base_client import DEFAULT_TIMEOUT

    assert (DEFAULT_TIMEOUT.connect, DEFAULT_TIMEOUT.read) == (10.0, 60.0)
    client = Client(token=TOKEN)
    assert client._base_client.timeout is DEFAULT_TIMEOUT


# -- uploads (PUT) are retried like GET -------------------------------------------------------


def test_an_upload_put_is_retried_like_get(
    run: Callable[..., Any], tmp_path: Path, logs: pytest.LogCaptureFixture
) -> None:
    image = tmp_path / "frame.png"
    image.write_bytes(b"\x89PNG" + bytes(5000))
    with fault_server(reply(200, {})) as server:
        items = {
            "items": [
                {
                    "upload_url": f"{server.url}/storage/frame.png?signature=abc",
                    "expires_at": "2099-01-01T00:00:00Z",
                    "file_path": "api-assets/x/frame.png",
                }
            ]
        }
        project = {**EXAMPLES["GET /v1/video-projects/{id}"], "status": "complete", "downloads": []}
        server.then(
            reply(200, items),  # POST /v1/files/upload-urls
            reset(),  # PUT
            reply(502, b"bad gateway"),  # PUT
            stall(TIMEOUT * 3),  # PUT
            reply(200, b""),  # PUT
            reply(200, EXAMPLES["POST /v1/animation"]),  # POST /v1/animation
            reply(200, project),  # GET /v1/video-projects/{id}
        )

        def action(client: Any) -> Any:
            return client.v1.animation.generate(
                assets={"audio_source": "none", "image_file_path": str(image)},
                end_seconds=1.0,
                fps=1.0,
                height=64,
                width=64,
                style={
                    "art_style": "Cyberpunk",
                    "camera_effect": "Simple Zoom In",
                    "prompt_type": "custom",
                    "prompt": "x",
                    "transition_speed": 5,
                },
                poll_interval=0.01,
            )

        result = run(server.url, action, max_retries=3)
    assert result.status == "complete"
    assert [(s.method, s.path.split("?")[0]) for s in server.seen] == [
        ("POST", "/v1/files/upload-urls"),
        *[("PUT", "/storage/frame.png")] * 4,
        ("POST", "/v1/animation"),
        ("GET", f"/v1/video-projects/{EXAMPLES['POST /v1/animation']['id']}"),
    ]
    puts = [s for s in server.seen if s.method == "PUT"]
    assert all(s.body == image.read_bytes() for s in puts)  # each attempt sends the whole file
    assert all("authorization" not in s.headers for s in puts)
    created = [s for s in server.seen if s.path == "/v1/animation"][0]
    assert b"api-assets/x/frame.png" in created.body


# -- secrets -----------------------------------------------------------------------------------


def test_the_key_never_shows_in_reprs() -> None:
    for client in (Client(token=TOKEN), AsyncClient(token=TOKEN)):
        for shown in (client, client._base_client, client.v1, client.v1.ai_gif_generator):
            assert TOKEN not in repr(shown) and TOKEN not in str(shown)
        assert TOKEN not in repr(client._base_client.httpx_client)


def test_the_key_is_sent_only_as_a_bearer_token(run: Callable[..., Any]) -> None:
    with fault_server(reply(200, PROJECT)) as server:
        run(server.url, CALLS["GET"][0])
    (seen,) = server.seen
    assert seen.headers["authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in seen.path
    others = {k: v for k, v in seen.headers.items() if k != "authorization"}
    assert TOKEN not in repr(others)


def test_every_attempt_and_retry_is_logged_at_debug_without_the_key(
    run: Callable[..., Any], logs: pytest.LogCaptureFixture
) -> None:
    with fault_server(reply(200, PROJECT)) as server:
        server.then(reply(500, {}), reset())
        run(server.url, CALLS["GET"][0], max_retries=2)
    ours = [r for r in logs.records if r.name == "magic_hour"]
    messages = [r.getMessage() for r in ours]
    assert [m for m in messages if "attempt" in m] == [
        f"GET /v1/image-projects/p1 (attempt {n})" for n in (1, 2, 3)
    ]
    assert len([m for m in messages if m.startswith("retrying GET /v1/image-projects/p1")]) == 2
    assert all(r.levelno == logging.DEBUG for r in ours)


def test_the_package_logs_nothing_unless_asked() -> None:
    logger = logging.getLogger("magic_hour")
    assert any(isinstance(h, logging.NullHandler) for h in logger.handlers)
    assert logger.level == logging.NOTSET  # the application decides


# -- shutdown ----------------------------------------------------------------------------------


def test_clients_close_their_own_connections_only() -> None:
    with Client(token=TOKEN) as client:
        own = client._base_client.httpx_client
    assert own.is_closed

    async def main() -> tuple[bool, bool]:
        async with AsyncClient(token=TOKEN) as client:
            inner = client._base_client.httpx_client
        users = httpx.AsyncClient()
        async with AsyncClient(token=TOKEN, httpx_client=users):
            pass
        kept = not users.is_closed
        await users.aclose()
        return inner.is_closed, kept

    assert asyncio.run(main()) == (True, True)


def test_fault_server_guards_itself(run: Callable[..., Any]) -> None:
    # A fault server that answered nothing would make the tests above vacuous.
    with fault_server(reply(200, PROJECT)) as server:
        assert run(server.url, CALLS["GET"][0]).id == PROJECT["id"]
    assert isinstance(server, FaultServer) and len(server.seen) == 1


def test_the_readme_retry_table_is_the_policy(repo_root: Path) -> None:
    readme = (repo_root / "generated" / "README.md").read_text()
    rows = [line for line in readme.splitlines() if line.startswith("| `GET`, `DELETE`")]
    rows += [line for line in readme.splitlines() if line.startswith("| `POST`")]
    assert len(rows) == 2
    for row, methods in zip(rows, (["GET", "DELETE", "PUT"], ["POST"])):
        retried_on = row.split("|")[2]
        listed = {int(n) for n in re.findall(r"\b[45]\d\d\b", retried_on)}
        if "5xx" in retried_on:
            listed |= set(range(500, 600))
        for method in methods:
            assert {s for s in range(400, 600) if retry.retries_status(method, s)} == listed
