"""The generated client against a real HTTP server on loopback, sync and async."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import httpx
import pytest
from helpers.loopback import Loopback, Recorded, Reply, loopback_server
from helpers.paths import SPECS
from helpers.raw_specs import curl_body, spec_operations

from generator.ir.examples import example_value

import magic_hour
from generator.load import load_specs
from generator.ir import build_ir
from generator.views.python import build_python_view
from generator.views.python.model import PyMethod
from magic_hour import AsyncClient, Client, Environment
from magic_hour.types import models

API = build_python_view(build_ir(load_specs(SPECS, "specs")))
OPERATIONS = {f"{op.http_method} {op.path}": op for op in API.operations}
TOKEN = "mhk_live_test_secret_token"
# Each operation as written in the YAML files, read without the generator.
RAW = spec_operations()


def resource_method(client: Any, op: PyMethod) -> Any:
    target = client
    for attribute in op_access_path(op):
        target = getattr(target, attribute)
    return target


def op_access_path(op: PyMethod) -> list[str]:
    resource = next(r for r in API.resources if op in r.operations)
    return [*resource.access_path.split(".")[1:], op.method_name]


def example_arguments(op: PyMethod) -> dict[str, Any]:
    return {a.py_name: eval(a.example) for a in op.arguments if a.example is not None}


def expected_path(op: PyMethod, arguments: dict[str, Any]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(arguments[m.group(1)]), op.path)


def call(
    op: PyMethod,
    server: Loopback,
    arguments: dict[str, Any],
    *,
    is_async: bool,
    **client_options: Any,
) -> Any:
    if is_async:

        async def run() -> Any:
            async with AsyncClient(token=TOKEN, base_url=server.url, **client_options) as client:
                return await resource_method(client, op)(**arguments)

        return asyncio.run(run())
    with Client(token=TOKEN, base_url=server.url, **client_options) as client:
        return resource_method(client, op)(**arguments)


def success_reply(op: PyMethod) -> Reply:
    return Reply(
        op.operation.success_status, op.operation.response_example if op.response_model else None
    )


def test_every_operation_of_the_specs_is_a_method_of_the_client() -> None:
    # The specs read as plain YAML, not through the generator: each operation is a method,
    # reached from the client as its path says, sync and async.
    assert sorted(OPERATIONS) == sorted(RAW)
    client, async_client = Client(token=TOKEN), AsyncClient(token=TOKEN)
    for op in API.operations:
        assert callable(resource_method(client, op))
        assert callable(resource_method(async_client, op))
        segments = [s for s in op.path.split("/") if s and not s.startswith("{")]
        assert op_access_path(op)[:-1] == [s.replace("-", "_") for s in segments]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("key", sorted(OPERATIONS))
def test_operation_sends_method_path_auth_and_body(key: str, is_async: bool) -> None:
    op = OPERATIONS[key]
    arguments = example_arguments(op)
    with loopback_server(lambda request: success_reply(op)) as server:
        result = call(op, server, arguments, is_async=is_async)
    [request] = server.requests
    assert request.method == op.http_method
    assert request.path == expected_path(op, arguments)
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    if op.body_arguments:
        assert request.headers["content-type"] == "application/json"
        sent = request.json()
        # The spec's own example values, as the spec spells their keys (the examples passed
        # use the Python spellings: `search_web` for `searchWeb`).
        assert sent == {
            a.wire_name: example_value(a.schema)
            for a in op.body_arguments
            if a.py_name in arguments
        }
    else:
        assert request.body == b""
    if op.response_model:
        assert type(result).__name__ == op.response_model
        assert result.model_dump(by_alias=True, exclude_unset=True) == op.operation.response_example
    else:
        assert result is None


SEED_ENDPOINTS = ["POST /v1/ai-gif-generator", "POST /v1/animation", "POST /v1/ai-image-generator"]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("key", SEED_ENDPOINTS)
def test_seed_curl_example_is_sent_exactly(key: str, is_async: bool) -> None:
    op = OPERATIONS[key]
    body = curl_body(RAW[key])
    with loopback_server(lambda request: success_reply(op)) as server:
        call(op, server, dict(body), is_async=is_async)
    [request] = server.requests
    sent = json.loads(request.body)
    assert sent == body
    # Nothing reordered either: the keys go out in the order the caller's JSON had them,
    # which for the seed examples is the spec's own order.
    assert list(sent) == list(body)
    assert list(sent["style"]) == list(body["style"])


def test_ai_gif_generator_sends_the_seed_body_byte_for_byte() -> None:
    body = curl_body(RAW["POST /v1/ai-gif-generator"])
    op = OPERATIONS["POST /v1/ai-gif-generator"]
    with loopback_server(lambda request: success_reply(op)) as server:
        with Client(token=TOKEN, base_url=server.url) as client:
            client.v1.ai_gif_generator.create(
                name="My Ai Gif gif",
                style={"prompt": "Cute dancing cat, pixel art"},
                output_format="gif",
            )
    assert server.requests[0].body == json.dumps(body, separators=(",", ":")).encode()


def error_cases() -> list[tuple[str, int, Any]]:
    cases = []
    for key in sorted(OPERATIONS):
        for status, response in sorted(RAW[key]["responses"].items()):
            if int(status) >= 400:
                schema = response["content"]["application/json"]["schema"]
                cases.append((key, int(status), schema.get("example", {"message": "no example"})))
    return cases


EXPECTED_ERRORS = {
    400: magic_hour.BadRequestError,
    401: magic_hour.UnauthorizedError,
    402: magic_hour.PaymentRequiredError,
    404: magic_hour.NotFoundError,
    422: magic_hour.UnprocessableEntityError,
}


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize(("key", "status", "body"), error_cases())
def test_documented_error_status_raises_its_exception(
    key: str, status: int, body: Any, is_async: bool
) -> None:
    op = OPERATIONS[key]
    with loopback_server(
        lambda request: Reply(status, body, {"x-request-id": "req-123"})
    ) as server:
        with pytest.raises(EXPECTED_ERRORS[status]) as caught:
            call(op, server, example_arguments(op), is_async=is_async)
    error = caught.value
    assert error.status_code == status
    assert error.message == body["message"]
    assert error.body == body
    assert error.request_id == "req-123"
    assert (error.method, error.path) == (op.http_method, expected_path(op, example_arguments(op)))
    assert (
        str(error)
        == f"{status} on {error.method} {error.path}: {body['message']} (request id req-123)"
    )
    assert TOKEN not in str(error) and TOKEN not in repr(error)
    assert len(server.requests) == 1


def test_every_spec_error_status_has_an_exception_class() -> None:
    assert {status for _, status, _ in error_cases()} == set(EXPECTED_ERRORS)


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (429, magic_hour.TooManyRequestsError),
        (500, magic_hour.InternalServerError),
        (503, magic_hour.InternalServerError),
    ],
)
def test_statuses_outside_the_spec_raise_typed_errors(
    status: int, error_class: type[Exception]
) -> None:
    op = OPERATIONS["GET /v1/image-projects/{id}"]
    with loopback_server(
        lambda request: Reply(status, b"<html>Bad gateway</html>", {"Content-Type": "text/html"})
    ) as server:
        with pytest.raises(error_class) as caught:
            call(op, server, {"id": "abc"}, is_async=False, max_retries=0)
    assert caught.value.status_code == status
    assert caught.value.message is None
    assert str(caught.value) == f"{status} on GET /v1/image-projects/abc: <html>Bad gateway</html>"


@pytest.mark.parametrize(
    ("value", "sent"),
    [(".", "%2E"), ("..", "%2E%2E"), ("a/b", "a%2Fb"), ("é ?#", "%C3%A9%20%3F%23")],
)
def test_path_arguments_are_one_segment_whatever_they_hold(value: str, sent: str) -> None:
    with loopback_server(lambda request: Reply(204, None)) as server:
        with Client(token=TOKEN, base_url=server.url) as client:
            client.v1.image_projects.delete(id=value)
    assert server.requests[0].path == f"/v1/image-projects/{sent}"


def test_no_content_returns_none() -> None:
    with loopback_server(lambda request: Reply(204, None)) as server:
        with Client(token=TOKEN, base_url=server.url) as client:
            assert client.v1.video_projects.delete(id="cuid-example") is None
    assert server.requests[0].method == "DELETE"


def test_response_keeps_unknown_fields_and_accepts_new_enum_values() -> None:
    op = OPERATIONS["GET /v1/video-projects/{id}"]
    body = {**op.operation.response_example, "status": "archived", "brand_new_field": {"x": 1}}
    with loopback_server(lambda request: Reply(200, body)) as server:
        with Client(token=TOKEN, base_url=server.url) as client:
            project = client.v1.video_projects.get(id="cuid-example")
    assert isinstance(project, models.V1VideoProjectsGetResponse)
    assert project.status == "archived"
    assert project.model_extra == {"brand_new_field": {"x": 1}}
    assert project.type_ == body["type"]


def test_seed_response_example_with_frame_cost_parses() -> None:
    # The published SDK's docs show this exact body; `frame_cost` is not in the spec's properties.
    body = {"credits_charged": 50, "frame_cost": 50, "id": "cuid-example"}
    with loopback_server(lambda request: Reply(200, body)) as server:
        with Client(token=TOKEN, base_url=server.url) as client:
            result = client.v1.ai_gif_generator.create(
                style={"prompt": "Cute dancing cat, pixel art"}
            )
    assert (result.id, result.credits_charged) == ("cuid-example", 50)
    assert result.model_extra == {"frame_cost": 50}


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_invalid_request_is_refused_before_anything_is_sent(is_async: bool) -> None:
    op = OPERATIONS["POST /v1/files/upload-urls"]
    with loopback_server() as server:
        with pytest.raises(magic_hour.RequestValidationError) as caught:
            call(
                op,
                server,
                {"items": [{"type": "video", "extension": ".MP4"}, {"type": "gif"}]},
                is_async=is_async,
            )
    assert server.requests == []
    assert caught.value.violations == [
        "items[0].extension: must match the pattern '^[a-z0-9]+$', got '.MP4'",
        "items[1].extension: is required",
        "items[1].type: must be one of 'video', 'audio', 'image', got 'gif'",
    ]


def test_token_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAGIC_HOUR_API_KEY", "from-env")
    with loopback_server(lambda request: Reply(204, None)) as server:
        with Client(base_url=server.url) as client:
            client.v1.image_projects.delete(id="x")
    assert server.requests[0].headers["authorization"] == "Bearer from-env"


def test_missing_token_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MAGIC_HOUR_API_KEY", raising=False)
    with pytest.raises(
        magic_hour.MagicHourError,
        match="no API key: pass token=... to the client or set MAGIC_HOUR_API_KEY",
    ):
        Client()


def test_token_never_shows_in_reprs() -> None:
    client = Client(token=TOKEN)
    async_client = AsyncClient(token=TOKEN)
    for shown in (repr(client), repr(client.v1), repr(client._base_client), repr(async_client)):
        assert TOKEN not in shown
    assert repr(client) == "Client(base_url='https://api.magichour.ai')"
    client.close()


def test_environments() -> None:
    assert Environment.ENVIRONMENT.value == "https://api.magichour.ai"
    assert Environment.MOCK_SERVER.value.startswith("http://127.0.0.1:")
    assert (
        repr(Client(token=TOKEN, environment=Environment.MOCK_SERVER))
        == f"Client(base_url='{Environment.MOCK_SERVER.value}')"
    )


def test_base_url_variable_points_code_that_names_no_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MAGIC_HOUR_BASE_URL", "http://127.0.0.1:9")
    assert repr(Client(token=TOKEN)) == "Client(base_url='http://127.0.0.1:9')"
    assert repr(AsyncClient(token=TOKEN)) == "AsyncClient(base_url='http://127.0.0.1:9')"
    # What the code names wins over the variable.
    named = Client(token=TOKEN, environment=Environment.ENVIRONMENT)
    assert repr(named) == "Client(base_url='https://api.magichour.ai')"
    assert repr(Client(token=TOKEN, base_url="http://x")) == "Client(base_url='http://x')"
    monkeypatch.setenv("MAGIC_HOUR_BASE_URL", "")
    assert repr(Client(token=TOKEN)) == "Client(base_url='https://api.magichour.ai')"


def test_request_options_set_headers_timeout_and_retries() -> None:
    replies = iter([Reply(503, {"message": "busy"}, {"Retry-After": "0"}), Reply(204, None)])
    with loopback_server(lambda request: next(replies)) as server:
        with Client(token=TOKEN, base_url=server.url, max_retries=0) as client:
            client.v1.image_projects.delete(
                id="x",
                request_options={
                    "additional_headers": {"X-Trace": "t1"},
                    "max_retries": 1,
                    "timeout": 5.0,
                },
            )
    assert [r.headers.get("x-trace") for r in server.requests] == ["t1", "t1"]


def test_get_is_retried_but_a_create_is_not_retried_after_a_server_error() -> None:
    replies = iter(
        [
            Reply(502, {"message": "bad gateway"}, {"Retry-After": "0"}),
            Reply(200, OPERATIONS["GET /v1/image-projects/{id}"].operation.response_example),
        ]
    )
    with loopback_server(lambda request: next(replies)) as server:
        with Client(token=TOKEN, base_url=server.url) as client:
            assert client.v1.image_projects.get(id="x").id == "cuid-example"
    assert len(server.requests) == 2

    with loopback_server(
        lambda request: Reply(500, {"message": "boom"}, {"Retry-After": "0"})
    ) as server:
        with Client(token=TOKEN, base_url=server.url, max_retries=3) as client:
            with pytest.raises(magic_hour.InternalServerError):
                client.v1.ai_gif_generator.create(style={"prompt": "cat"})
    assert len(server.requests) == 1


def test_a_users_own_httpx_client_is_not_closed() -> None:
    own = httpx.Client()
    with Client(token=TOKEN, httpx_client=own):
        pass
    assert not own.is_closed
    own.close()

    async def run() -> bool:
        own_async = httpx.AsyncClient()
        async with AsyncClient(token=TOKEN, httpx_client=own_async):
            pass
        closed = own_async.is_closed
        await own_async.aclose()
        return closed

    assert asyncio.run(run()) is False


def test_the_connection_pool_is_made_on_first_use_and_closed_with_the_client() -> None:
    # A Client that never sends has no httpx client to make (it loads CA certificates);
    # one that has sent closes the pool it made, once, however many threads shared it.
    with Client(token=TOKEN) as idle:
        assert idle._base_client._httpx_client is None
    with loopback_server(lambda request: Reply(200, {"id": "x", "credits_charged": 1})) as server:
        client = Client(token=TOKEN, base_url=server.url)
        client.v1.ai_gif_generator.create(style={"prompt": "cat"})
        pool = client._base_client.httpx_client
        client.v1.ai_gif_generator.create(style={"prompt": "dog"})
        assert client._base_client.httpx_client is pool
        client.close()
        assert pool.is_closed

        async def run() -> bool:
            async with AsyncClient(token=TOKEN, base_url=server.url) as async_client:
                assert async_client._base_client._httpx_client is None
                await async_client.v1.ai_gif_generator.create(style={"prompt": "cat"})
                async_pool = async_client._base_client.httpx_client
            return async_pool.is_closed

        assert asyncio.run(run()) is True
    assert len(server.requests) == 3


def test_connection_refused_raises_connection_error() -> None:
    with loopback_server() as server:
        url = server.url
    with Client(token=TOKEN, base_url=url, max_retries=0) as client:
        with pytest.raises(magic_hour.APIConnectionError) as caught:
            client.v1.image_projects.get(id="x")
    assert caught.value.method == "GET"
    assert caught.value.path == "/v1/image-projects/x"
    assert TOKEN not in str(caught.value)


def test_recorded_type_is_the_loopback_record() -> None:
    # Guards the helper itself: a server that records nothing would make other tests vacuous.
    with loopback_server(lambda request: Reply(200, {"ok": True})) as server:
        httpx.post(server.url + "/probe", json={"a": 1})
    assert server.requests == [server.requests[0]]
    assert isinstance(server.requests[0], Recorded) and server.requests[0].json() == {"a": 1}


# -- the published SDK's spellings -----------------------------------------------------------


def test_typed_dict_keys_are_required_or_not_at_run_time_as_the_spec_says() -> None:
    # `from __future__ import annotations` would hide NotRequired from `typing`: every key
    # would read as required.
    import importlib

    for cls in API.params_classes:
        typed_dict = getattr(
            importlib.import_module(f"magic_hour.types.params.{cls.module}"), cls.name
        )
        required = {f.py_name for f in cls.fields if f.required}
        assert typed_dict.__required_keys__ == required, cls.name
        assert typed_dict.__optional_keys__ == {f.py_name for f in cls.fields} - required


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_keys_spelled_the_python_way_go_out_as_the_api_spells_them(is_async: bool) -> None:
    op = OPERATIONS["POST /v1/files/upload-urls"]
    answer = {
        "items": [
            {
                "upload_url": "https://storage/x",
                "expires_at": "2024-01-01T00:00:00Z",
                "file_path": "api-assets/x.png",
            }
        ]
    }
    with loopback_server(lambda request: Reply(200, answer)) as server:
        # The published SDK's `type_`, and the wire's own `type`: both are taken.
        items = [{"type_": "image", "extension": "png"}, {"type": "video", "extension": "mp4"}]
        call(op, server, {"items": items}, is_async=is_async)
    [request] = server.requests
    assert request.json() == {
        "items": [{"type": "image", "extension": "png"}, {"type": "video", "extension": "mp4"}]
    }


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_none_for_an_optional_argument_the_api_takes_no_null_for_is_not_sent(
    is_async: bool,
) -> None:
    op = OPERATIONS["POST /v1/ai-gif-generator"]
    with loopback_server(lambda request: success_reply(op)) as server:
        call(
            op,
            server,
            {"style": {"prompt": "cat"}, "name": None, "output_format": None},
            is_async=is_async,
        )
    [request] = server.requests
    assert request.json() == {"style": {"prompt": "cat"}}
