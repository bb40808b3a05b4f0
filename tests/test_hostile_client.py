"""The client under careless or hostile input: the API key, bad values, and what it logs.

Each test uses the generated client against a real server on loopback (the recording server of
`helpers.loopback`, or the mock server), and checks that nothing was sent when it refuses.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from helpers.loopback import Loopback, Reply, loopback_server
from helpers.markdown_pages import python_blocks
from helpers.paths import GENERATED
from helpers.processes import running

import magic_hour
from magic_hour import AsyncClient, Client
from magic_hour.errors import APIConnectionError, RequestValidationError
from magic_hour.mock import MockServer

# The mock server's projects move on at every poll.
pytestmark = pytest.mark.mock_server(polls_per_status=1)
KEY = "mhk_live_7f3c9a1e5b2d4608"
PROJECT = {"id": "cuid-1", "status": "complete"}


def call(server: Loopback, is_async: bool, method: Callable[[Any], Any], **options: Any) -> Any:
    """`method(client)` on a client of `server`, sync or async (`method` returns the call)."""
    options = {"token": KEY, "base_url": server.url, "max_retries": 0, **options}
    if is_async:

        async def run() -> Any:
            async with AsyncClient(**options) as client:
                return await method(client)

        return asyncio.run(run())
    with Client(**options) as client:
        return method(client)


def everything_shown(error: BaseException) -> str:
    """All that an error shows: its message, repr, args, attributes and printed traceback."""
    shown = [str(error), repr(error), repr(error.args), repr(vars(error))]
    shown += traceback.format_exception(type(error), error, error.__traceback__)
    return "\n".join(shown)


# -- 6: the API key --------------------------------------------------------------------------


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("around", ["\n", "\r\n", " \t", "\n\n"])
def test_a_key_read_with_its_line_break_is_sent_stripped_and_never_logged(
    around: str, is_async: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: httpx's and httpcore's too
    with loopback_server(lambda request: Reply(204, None)) as server:
        call(
            server,
            is_async,
            lambda client: client.v1.image_projects.delete(id="cuid-1"),
            token=KEY + around,
        )
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"
    assert caplog.records and not [r for r in caplog.records if KEY in r.getMessage()]


def test_a_key_from_the_environment_is_stripped_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAGIC_HOUR_API_KEY", KEY + "\n")
    with loopback_server(lambda request: Reply(204, None)) as server:
        with Client(base_url=server.url) as client:
            client.v1.image_projects.delete(id="x")
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize(
    ("inside", "said"),
    [
        ("\n", "a space or line break"),
        ("\r", "a space or line break"),
        (" ", "a space or line break"),
        ("\x00", "a control character"),
        ("\x7f", "a control character"),
        ("é", "a character that is not ASCII"),
    ],
)
def test_a_key_with_a_bad_character_inside_is_refused_without_showing_it(
    inside: str, said: str
) -> None:
    bad = KEY[:8] + inside + KEY[8:]
    with pytest.raises(magic_hour.MagicHourError) as raised:
        Client(token=bad)
    message = str(raised.value)
    assert message == (
        f"token: the API key holds {said} at character 9; a key is printable ASCII with no spaces"
    )
    assert KEY[:8] not in everything_shown(raised.value)
    assert KEY[8:] not in everything_shown(raised.value)


def test_a_bad_key_from_the_environment_is_refused_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MAGIC_HOUR_API_KEY", KEY[:8] + "\r\n" + KEY[8:])
    with pytest.raises(magic_hour.MagicHourError) as raised:
        AsyncClient()
    assert str(raised.value) == (
        "MAGIC_HOUR_API_KEY: the API key holds a space or line break at character 9;"
        " a key is printable ASCII with no spaces"
    )


def test_a_key_of_only_whitespace_is_refused() -> None:
    with pytest.raises(magic_hour.MagicHourError, match="^token: the API key is empty or only"):
        Client(token=" \n")


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_no_error_or_log_record_holds_the_key_whatever_httpx_says(
    is_async: bool, caplog: pytest.LogCaptureFixture
) -> None:
    # An httpx client of the user's own whose transport quotes the Authorization header in its
    # error, as httpx does for a header it cannot send.
    def quoting(request: httpx.Request) -> httpx.Response:
        value = request.headers["Authorization"]
        logging.getLogger("magic_hour").debug("sending %r", value)
        raise httpx.ConnectError(f"Illegal header value {value.encode()!r}", request=request)

    caplog.set_level(logging.DEBUG)
    transport = httpx.MockTransport(quoting)
    own = httpx.AsyncClient(transport=transport) if is_async else httpx.Client(transport=transport)
    with loopback_server() as server:
        with pytest.raises(APIConnectionError) as raised:
            call(
                server,
                is_async,
                lambda client: client.v1.image_projects.get(id="cuid-1"),
                httpx_client=own,
            )
    shown = everything_shown(raised.value)
    assert KEY not in shown
    assert "Illegal header value b'Bearer [redacted]'" in str(raised.value)
    assert raised.value.__cause__ is None
    assert caplog.records and not [r for r in caplog.records if KEY in r.getMessage()]


# -- 13: bad values are refused before anything is sent ------------------------------------


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize(
    "method",
    [
        lambda client: client.v1.image_projects.get(id=""),
        lambda client: client.v1.video_projects.delete(id=""),
        lambda client: client.v1.audio_projects.check_result(""),
    ],
    ids=["get", "delete", "check_result"],
)
def test_an_empty_path_argument_is_refused_naming_it(
    method: Callable[[Any], Any], is_async: bool
) -> None:
    with loopback_server(lambda request: Reply(200, PROJECT)) as server:
        with pytest.raises(RequestValidationError) as raised:
            call(server, is_async, method)
    assert str(raised.value) == "invalid request: id: must not be empty (it is part of the path)"
    assert server.requests == []


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize(
    ("method", "problem"),
    [
        (lambda client: client.v1.image_projects.get(id="a\ud800"), "id"),
        (
            lambda client: client.v1.ai_image_generator.create(
                image_count=1, style={"prompt": "cat \udcff"}
            ),
            "style.prompt",
        ),
        (
            lambda client: client.v1.ai_image_generator.create(
                image_count=1, style={"prompt": "cat"}, name="\ud83d"
            ),
            "name",
        ),
        (
            lambda client: client.v1.image_projects.delete(
                id="x", request_options={"additional_headers": {"X-Note": "\udc80"}}
            ),
            "request_options['additional_headers']['X-Note']",
        ),
    ],
    ids=["path", "nested-body-field", "body-field", "header"],
)
def test_a_lone_surrogate_is_refused_naming_its_field(
    method: Callable[[Any], Any], problem: str, is_async: bool
) -> None:
    with loopback_server(lambda request: Reply(200, PROJECT)) as server:
        with pytest.raises(RequestValidationError) as raised:
            call(server, is_async, method)
    assert str(raised.value) == (
        f"invalid request: {problem}: is not valid Unicode (it holds a lone surrogate)"
    )
    str(raised.value).encode("utf-8")  # the message itself prints
    assert server.requests == []


def test_a_field_name_with_a_lone_surrogate_is_refused_and_the_message_still_prints() -> None:
    with loopback_server(lambda request: Reply(200, PROJECT)) as server:
        with pytest.raises(RequestValidationError) as raised:
            call(
                server,
                False,
                lambda client: client.v1.ai_image_generator.create(
                    image_count=1, style={"prompt": "cat", "\ud800": 1}
                ),
            )
    message = str(raised.value)
    message.encode("utf-8")
    assert message == "invalid request: style.\\ud800: is not a known field (known: prompt, tool)"
    assert server.requests == []


def test_generate_takes_a_local_file_whose_name_is_not_valid_unicode(
    server: MockServer, tmp_path: Path
) -> None:
    # A file name read from a Linux folder keeps its undecodable bytes as lone surrogates; only
    # its uploaded path is sent. A lone surrogate in a field that is sent stops the create.
    image = tmp_path / "face\udcff.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    projects = len(server.projects)
    with Client(token=KEY, base_url=server.url) as client:
        result = client.v1.face_detection.generate(
            assets={"target_file_path": str(image)}, download_outputs=False, poll_interval=0.01
        )
        assert result.status == "complete"
        assert len(server.projects) == projects + 1
        with pytest.raises(RequestValidationError) as raised:
            client.v1.ai_headshot_generator.generate(
                assets={"image_file_path": str(image)},
                name="head\ud800",
                download_outputs=False,
                poll_interval=0.01,
            )
    assert str(raised.value) == (
        "invalid request: name: is not valid Unicode (it holds a lone surrogate)"
    )
    assert len(server.projects) == projects + 1


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize(
    ("timeout", "problem"),
    [
        ("10", "timeout: must be a number of seconds or an httpx.Timeout, not str '10'"),
        (True, "timeout: must be a number of seconds or an httpx.Timeout, not bool True"),
        (-1, "timeout: must be a number of seconds more than 0, not -1"),
        (0, "timeout: must be a number of seconds more than 0, not 0"),
        (float("nan"), "timeout: must be a number of seconds more than 0, not nan"),
        (float("inf"), "timeout: must be a number of seconds more than 0, not inf"),
        (
            httpx.Timeout(5.0, read=-1),
            "timeout.read: must be a number of seconds more than 0, not -1",
        ),
    ],
)
def test_a_bad_client_timeout_is_refused_when_the_client_is_made(
    timeout: Any, problem: str, is_async: bool
) -> None:
    with pytest.raises(RequestValidationError) as raised:
        AsyncClient(token=KEY, timeout=timeout) if is_async else Client(token=KEY, timeout=timeout)
    assert str(raised.value) == f"invalid request: {problem}"


@pytest.mark.parametrize("timeout", [5, 2.5, httpx.Timeout(5.0, connect=1.0), None])
def test_good_client_timeouts_are_taken(timeout: Any) -> None:
    # None is no timeout, as httpx and the published SDK take it.
    with loopback_server(lambda request: Reply(204, None)) as server:
        with Client(token=KEY, base_url=server.url, timeout=timeout) as client:
            client.v1.image_projects.delete(id="x")
    assert len(server.requests) == 1


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize(
    ("options", "problem"),
    [
        (
            {"timeout": "10"},
            "request_options['timeout']: must be a number of seconds or an httpx.Timeout,"
            " not str '10'",
        ),
        (
            {"timeout": -1},
            "request_options['timeout']: must be a number of seconds more than 0, not -1",
        ),
        (
            {"additional_headers": {"X-Count": 1}},
            "request_options['additional_headers']['X-Count']: must be a string, not int",
        ),
        (
            {"additional_headers": {"X-Note": "a\r\nX-Injected: 1"}},
            "request_options['additional_headers']['X-Note']: must not hold a line break or"
            " other control character",
        ),
        (
            {"additional_headers": {"Bad Name": "v"}},
            "request_options['additional_headers']['Bad Name']: is not a valid header name",
        ),
        (
            {"additional_headers": [("X-Note", "v")]},
            "request_options['additional_headers']: must be a dict, not list",
        ),
        ("fast", "request_options: must be a dict, not str"),
    ],
)
def test_bad_request_options_are_refused_naming_the_option(
    options: Any, problem: str, is_async: bool
) -> None:
    with loopback_server(lambda request: Reply(204, None)) as server:
        with pytest.raises(RequestValidationError) as raised:
            call(
                server,
                is_async,
                lambda client: client.v1.image_projects.delete(id="x", request_options=options),
            )
    assert str(raised.value) == f"invalid request: {problem}"
    assert server.requests == []


# -- 14: logs -------------------------------------------------------------------------------


def test_the_packages_log_lines_never_hold_a_query_string_or_a_credential(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="magic_hour")
    logger = logging.getLogger("magic_hour")
    logger.debug("fetching %s", "https://storage.example/out.png?X-Amz-Signature=abc&token=s3cr3t")
    logger.debug("refused: %r", {"Authorization": "Bearer s3cr3t"})
    logger.debug("plain %d%%", 5)
    messages = [record.getMessage() for record in caplog.records]
    assert messages == [
        "fetching https://storage.example/out.png?[redacted]",
        "refused: {'Authorization': 'Bearer [redacted]'}",
        "plain 5%",
    ]


@pytest.mark.parametrize(
    ("outcome", "status", "code"),
    [("error:no_source_face", "error", "no_source_face"), ("canceled", "canceled", "None")],
)
def test_a_project_ending_in_error_or_canceled_is_logged_at_warning(
    outcome: str,
    status: str,
    code: str,
    server: MockServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="magic_hour")
    with Client(token=KEY, base_url=server.url) as client:
        result = client.v1.ai_image_generator.generate(
            image_count=1,
            style={"prompt": "a face"},
            download_directory=str(tmp_path),
            poll_interval=0.01,
            request_options={"additional_headers": {"X-Mock-Outcome": outcome}},
        )
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [(r.name, r.levelname, r.getMessage()) for r in warnings] == [
        ("magic_hour", "WARNING", f"project {result.id} ended {status!r} (error code: {code})")
    ]


def test_a_complete_project_logs_nothing_at_info_or_above(
    server: MockServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="magic_hour")
    with Client(token=KEY, base_url=server.url) as client:
        client.v1.ai_image_generator.generate(
            image_count=1,
            style={"prompt": "a cat"},
            download_directory=str(tmp_path),
            poll_interval=0.01,
        )
    assert caplog.records
    assert [r for r in caplog.records if r.levelno >= logging.INFO] == []
    assert [r for r in caplog.records if "?" in r.getMessage()] == []


def _logging_guide() -> str:
    """The Python block of the generated package guide's logging section."""
    readme = (GENERATED / "README.md").read_text()
    section = readme[readme.index('## Logging <a name="logging"></a>') :]
    section = section[: section.index("\n## ", 1)]
    ((_, code),) = python_blocks(section)
    return code


@pytest.mark.parametrize("guide", ["as written", "without its httpx line"])
def test_the_logging_guide_keeps_signed_urls_out_of_an_info_log(
    guide: str, server: MockServer, tmp_path: Path
) -> None:
    # An application that logs at INFO, set up as the guide says, runs a generate that downloads
    # (from signed URLs) and one that ends in error, in a process of its own.
    setup = _logging_guide()
    if guide != "as written":
        setup = "\n".join(line for line in setup.splitlines() if '"httpx"' not in line)
    program = setup + (
        "\nimport os, sys\n"
        "from magic_hour import Client\n"
        "with Client(token='mock-key') as client:\n"
        "    for outcome in ('complete', 'error:nsfw'):\n"
        "        client.v1.ai_image_generator.generate(\n"
        "            image_count=1, style={'prompt': 'a cat'}, poll_interval=0.01,\n"
        "            download_directory=sys.argv[1],\n"
        "            request_options={'additional_headers': {'X-Mock-Outcome': outcome}},\n"
        "        )\n"
    )
    environment = {**os.environ, "MAGIC_HOUR_BASE_URL": server.url}
    process = subprocess.Popen(
        [sys.executable, "-c", program, str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    with running(process):
        _, log = process.communicate(timeout=120)
    assert process.returncode == 0, log
    assert re.search(
        r"^WARNING:magic_hour:project \S+ ended 'error' \(error code: nsfw\)$", log, re.M
    )
    signed = [line for line in log.splitlines() if "/_mock/downloads/" in line and "?" in line]
    if guide == "as written":
        assert signed == []
        assert "auth-token=" not in log and "mock-download=" not in log
    else:
        # What the guide's httpx line is for: httpx logs each signed URL in full at INFO.
        assert signed and "auth-token=" in log


def test_every_string_sent_is_checked_keys_included() -> None:
    from magic_hour.core.validation import unencodable

    values = {"a": [{"b\ud800": "x"}, "ok é"], "c": {"d": "\udfff"}, "e": 1}
    assert unencodable(values) == [
        "a[0].b\\ud800: the field name is not valid Unicode",
        "c.d: is not valid Unicode (it holds a lone surrogate)",
    ]
