"""The mock delivers signed webhook events to a real receiver on loopback as projects move.

Which events exist, and for which kinds, comes from the mock's description (`webhook_events`),
never from a list here.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from helpers.loopback import Recorded, Reply, loopback_server
from helpers.raw_specs import curl_body, spec_operations
from helpers.stages import python_view_of
from helpers.webhook_receiver import receiver
from helpers.paths import SPECS

from magic_hour import Client
from magic_hour.core.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign, signature
from magic_hour.mock import DESCRIPTION, MockServer
from magic_hour.testing import MockServer as KitMockServer
from magic_hour.testing import WebhookReceiver

SECRET = "whsec-test-never-shown-3f9a"
AUTH = {"Authorization": "Bearer test-key"}
DESCRIBED = json.loads(DESCRIPTION.read_text(encoding="utf-8"))
EVENTS = DESCRIBED["webhook_events"]
KINDS = sorted({event["kind"] for event in EVENTS})
CREATES = {op["path"]: op for op in DESCRIBED["operations"] if op["role"] == "create"}
API = python_view_of(SPECS)


def event_types(kind: str, status: str) -> list[str]:
    """The events a project of `kind` sends on reaching `status`, as the description says."""
    return [e["type"] for e in EVENTS if e["kind"] == kind and e["status"] == status]


@functools.lru_cache(maxsize=None)
def example_body(path: str) -> Any:
    """The body of the spec's own example request to create at `path` (specs read once)."""
    return curl_body(_spec_operations()[f"POST {path}"])


@functools.lru_cache(maxsize=None)
def _spec_operations() -> dict[str, Any]:
    return spec_operations()


def project_create(kind: str) -> Any:
    """The first create of a `kind` project (not a task) that takes no local file: its
    `generate` runs from the spec's example arguments alone."""
    for op in API.operations:
        workflow = op.workflow
        if (
            workflow is not None
            and workflow.workflow.kind == kind
            and op.operation.project_kind == kind
            and not workflow.workflow.input_files
        ):
            return op
    raise AssertionError(f"no {kind} project create without input files in specs/")


def generate(url: str, kind: str, **options: Any) -> tuple[Any, list[str]]:
    """`generate` of a `kind` project on the mock at `url`; its result and the statuses its
    polling saw."""
    op = project_create(kind)
    resource = next(r for r in API.resources if op in r.operations)
    arguments = {a.py_name: eval(a.example) for a in op.arguments if a.example is not None}
    seen: list[str] = []
    with Client(token="test", base_url=url) as client:
        target: Any = client
        for attribute in resource.access_path.split(".")[1:]:
            target = getattr(target, attribute)
        result = target.generate(
            **arguments,
            poll_interval=0.01,
            download_outputs=False,
            on_progress=lambda progress: seen.append(progress.status),
            **options,
        )
    return result, seen


def verified(request: Recorded) -> dict[str, Any]:
    """A delivery's event, its signature checked as a receiver checks it."""
    timestamp = request.headers[TIMESTAMP_HEADER]
    assert request.headers[SIGNATURE_HEADER] == signature(SECRET, timestamp, request.body)
    event: dict[str, Any] = json.loads(request.body)
    return event


def get(url: str, kind: str, project_id: str) -> dict[str, Any]:
    answer = httpx.get(f"{url}/v1/{kind}-projects/{project_id}", headers=AUTH, timeout=10)
    assert answer.status_code == 200, answer.text
    found: dict[str, Any] = answer.json()
    return found


def without_outputs(project: dict[str, Any]) -> dict[str, Any]:
    # Each answer hands out fresh download URLs: all else is the same.
    return {k: v for k, v in project.items() if k not in ("downloads", "download")}


def test_the_description_lists_events_for_every_kind_of_project() -> None:
    project_kinds = {op["kind"] for op in CREATES.values() if not op["task"]}
    assert KINDS and set(KINDS) == project_kinds
    for kind in KINDS:
        assert event_types(kind, "rendering") and event_types(kind, "complete")
        assert event_types(kind, "error") and not event_types(kind, "canceled")


@pytest.mark.parametrize("kind", KINDS)
def test_generate_sends_started_then_completed_signed_and_as_polling_saw_it(
    kind: str, start_mock_server: Callable[..., MockServer]
) -> None:
    with loopback_server() as receiver:
        mock = start_mock_server(webhook_url=f"{receiver.url}/hooks", webhook_secret=SECRET)
        result, seen = generate(mock.url, kind)
        expected = event_types(kind, "rendering") + event_types(kind, "complete")
        deliveries = mock.wait_for_webhooks(len(expected))

        assert [d.state for d in deliveries] == ["delivered"] * len(expected)
        assert [r.path for r in receiver.requests] == ["/hooks"] * len(expected)
        events = [verified(request) for request in receiver.requests]
        assert [event["type"] for event in events] == expected
        assert [event["payload"]["id"] for event in events] == [result.id] * len(expected)
        statuses = [event["payload"]["status"] for event in events]
        assert statuses == ["rendering"] * (len(expected) - 1) + ["complete"]
        # Polling saw the project go the same way, to the same end.
        assert seen[-1] == result.status == "complete"
        assert set(seen) <= {"queued", "rendering", "complete"}
        # The payload is the project as its GET answers it, working download URLs included.
        final = events[-1]["payload"]
        assert without_outputs(final) == without_outputs(get(mock.url, kind, result.id))
        for output in final["downloads"]:
            assert httpx.get(output["url"], timeout=10).status_code == 200
        # The mock's record is what the receiver got, byte for byte.
        assert [d.body for d in deliveries] == [r.body for r in receiver.requests]
        assert [d.project_id for d in deliveries] == [result.id] * len(expected)


def test_projects_move_and_send_their_events_without_being_polled(
    start_mock_server: Callable[..., MockServer],
) -> None:
    kind = KINDS[0]
    path = project_create(kind).operation.path
    with loopback_server() as receiver:
        mock = start_mock_server(webhook_url=receiver.url, webhook_secret=SECRET)
        body = example_body(path)
        created = httpx.post(f"{mock.url}{path}", json=body, headers=AUTH, timeout=10)
        assert created.status_code == 200, created.text
        expected = event_types(kind, "rendering") + event_types(kind, "complete")
        deliveries = mock.wait_for_webhooks(len(expected))
        assert [d.type for d in deliveries] == expected
        assert [r.method for r in mock.requests] == ["POST"]  # nobody polled
        # A GET now reports where the last event said the project is.
        assert get(mock.url, kind, created.json()["id"])["status"] == "complete"


@pytest.mark.parametrize("kind", KINDS)
def test_a_failed_project_sends_started_then_errored(
    kind: str, start_mock_server: Callable[..., MockServer]
) -> None:
    with loopback_server() as receiver:
        mock = start_mock_server(webhook_url=receiver.url, webhook_secret=SECRET)
        mock.script(outcome="error", error_code="no_source_face")
        result, seen = generate(mock.url, kind)
        expected = event_types(kind, "rendering") + event_types(kind, "error")
        mock.wait_for_webhooks(len(expected))
        events = [verified(request) for request in receiver.requests]
        assert [event["type"] for event in events] == expected
        assert seen[-1] == result.status == events[-1]["payload"]["status"] == "error"
        assert events[-1]["payload"]["error"]["code"] == "no_source_face"


def test_a_canceled_project_and_a_task_send_nothing(
    start_mock_server: Callable[..., MockServer],
) -> None:
    kind = KINDS[0]
    with loopback_server() as receiver:
        mock = start_mock_server(webhook_url=receiver.url, webhook_secret=SECRET)
        mock.script(outcome="canceled")
        canceled, seen = generate(mock.url, kind)
        assert seen[-1] == canceled.status == "canceled"
        # Events are queued as the project moves, before a GET can report the move: all it
        # would ever send is listed once polling has seen its end.
        assert [d for d in mock.webhook_deliveries if d.project_id == canceled.id] == []
        tasks = [path for path, op in CREATES.items() if op["task"]]
        assert tasks  # face detection
        for path in tasks:
            body = example_body(path)
            created = httpx.post(f"{mock.url}{path}", json=body, headers=AUTH, timeout=10)
            assert created.status_code == 200, created.text
            task_id = created.json()["id"]
            mock.steer(task_id, polls_per_status=0)  # it ends at its next GET, as it would
            answer = httpx.get(f"{mock.url}{path}/{task_id}", headers=AUTH, timeout=10)
            assert answer.json()["status"] == "complete"
            assert [d for d in mock.webhook_deliveries if d.project_id == task_id] == []


def test_a_receiver_failing_twice_gets_the_same_body_three_times(
    start_mock_server: Callable[..., MockServer],
) -> None:
    kind = KINDS[0]
    answers = iter([500, 500])

    def flaky(request: Recorded) -> Reply:
        return Reply(next(answers, 200), {})

    with loopback_server(flaky) as receiver:
        mock = start_mock_server(webhook_url=receiver.url, webhook_secret=SECRET)
        result, _ = generate(mock.url, kind)
        expected = event_types(kind, "rendering") + event_types(kind, "complete")
        first, *rest = mock.wait_for_webhooks(len(expected))
        assert (first.attempts, first.statuses, first.state) == (3, (500, 500, 200), "delivered")
        assert [(d.attempts, d.state) for d in rest] == [(1, "delivered")] * len(rest)
        # Three times the same body, each signed afresh; the project's later events after it.
        bodies = [r.body for r in receiver.requests]
        assert bodies[:3] == [first.body] * 3 and bodies[3:] == [d.body for d in rest]
        for request in receiver.requests:
            verified(request)


@pytest.mark.parametrize("receiver", ["answers 503", "is not there"])
def test_a_receiver_that_always_fails_is_given_up_after_the_retry_time(
    receiver: str, start_mock_server: Callable[..., MockServer]
) -> None:
    kind = KINDS[0]
    answer = 503 if receiver == "answers 503" else None
    with contextlib.ExitStack() as stack:
        failing = loopback_server(lambda request: Reply(503, {}))
        if answer is None:
            with failing as gone:
                url = gone.url  # a port nothing listens on any more
        else:
            url = stack.enter_context(failing).url
        mock = start_mock_server(webhook_url=url, webhook_secret=SECRET, webhook_retry_seconds=0.3)
        generate(mock.url, kind)
        expected = event_types(kind, "rendering") + event_types(kind, "complete")
        deliveries = mock.wait_for_webhooks(len(expected))
    assert [d.state for d in deliveries] == ["given_up"] * len(expected)
    for delivery in deliveries:
        assert delivery.attempts >= 1 and set(delivery.statuses) == {answer}


def test_stop_does_not_wait_for_a_receiver_that_never_answers(
    start_mock_server: Callable[..., MockServer],
) -> None:
    released = threading.Event()

    def stuck(request: Recorded) -> Reply:
        released.wait(60)
        return Reply(200, {})

    with loopback_server(stuck) as receiver:
        mock = start_mock_server(webhook_url=receiver.url, webhook_secret=SECRET)
        generate(mock.url, KINDS[0])
        stopping = threading.Thread(target=mock.stop)
        stopping.start()
        stopping.join(20)  # a bound far above the mock's own (1 s), far below the receiver's
        stopped = not stopping.is_alive()
        released.set()
        assert stopped


BAD_OPTIONS = [
    ({"webhook_url": "ftp://127.0.0.1/hooks", "webhook_secret": SECRET}, "webhook_url"),
    ({"webhook_url": "hooks.example", "webhook_secret": SECRET}, "webhook_url"),
    ({"webhook_url": "http://127.0.0.1:9/hooks"}, "webhook_secret"),
    ({"webhook_url": "http://127.0.0.1:9/hooks", "webhook_secret": ""}, "webhook_secret"),
    (
        {
            "webhook_url": "http://127.0.0.1:9/",
            "webhook_secret": SECRET,
            "webhook_retry_seconds": -1,
        },
        "webhook_retry_seconds",
    ),
]


@pytest.mark.parametrize("options, named", BAD_OPTIONS)
@pytest.mark.parametrize("server", [MockServer, KitMockServer], ids=["engine", "kit"])
def test_a_bad_webhook_option_is_one_line_naming_it(
    server: Any, options: dict[str, Any], named: str
) -> None:
    with pytest.raises(ValueError) as raised:
        server(**options)
    message = str(raised.value)
    assert message.startswith(f"{named}:") and "\n" not in message
    assert SECRET not in message


@pytest.mark.parametrize("options, named", BAD_OPTIONS[:3])
def test_the_command_names_a_bad_webhook_option_in_one_line(
    options: dict[str, Any], named: str
) -> None:
    arguments = ["--port", "0", "--webhook-url", options["webhook_url"]]
    environment = dict(os.environ)
    environment.pop("MAGIC_HOUR_WEBHOOK_SECRET", None)
    if "webhook_secret" in options:
        environment["MAGIC_HOUR_WEBHOOK_SECRET"] = options["webhook_secret"]
    result = subprocess.run(
        [sys.executable, "-m", "magic_hour.mock", *arguments],
        capture_output=True,
        text=True,
        timeout=30,
        env=environment,
    )
    assert result.returncode == 2
    last = result.stderr.splitlines()[-1]
    assert last.startswith(f"magic-hour-mock: error: --{named.replace('_', '-')}:")
    assert SECRET not in result.stderr + result.stdout


@pytest.mark.parametrize("subprocess_mode", [False, True], ids=["thread", "subprocess"])
def test_the_kit_reads_deliveries_alike_in_a_thread_and_a_subprocess(
    subprocess_mode: bool, caplog: pytest.LogCaptureFixture
) -> None:
    kind = KINDS[0]
    caplog.set_level(logging.INFO, logger="magic_hour_mock")
    answers = iter([500])
    with loopback_server(lambda request: Reply(next(answers, 200), {})) as receiver:
        with KitMockServer(
            subprocess=subprocess_mode, webhook_url=receiver.url, webhook_secret=SECRET
        ) as mock:
            result, _ = generate(mock.url, kind)
            expected = event_types(kind, "rendering") + event_types(kind, "complete")
            deliveries = mock.wait_for_webhooks(len(expected))
            assert [d.type for d in deliveries] == expected
            assert [d.project_id for d in deliveries] == [result.id] * len(expected)
            assert deliveries[0].statuses == (500, 200)
            assert [d.json()["type"] for d in deliveries] == expected
            assert deliveries[-1].body == receiver.requests[-1].body
            shown = [repr(mock), repr(deliveries), str(deliveries)]
            if subprocess_mode:
                assert mock._process is not None
                shown.append(" ".join(map(str, mock._process.args)))
            else:
                assert mock._engine is not None
                shown += [repr(mock._engine), repr(mock._engine._deliverer)]
    # Never the secret: not in reprs, the command line, or the mock's log lines.
    shown += [record.getMessage() for record in caplog.records]
    assert all(SECRET not in text for text in shown)
    if not subprocess_mode:
        assert any("webhook" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("subprocess_mode", [False, True], ids=["thread", "subprocess"])
def test_a_running_mock_starts_and_stops_delivering_when_told(subprocess_mode: bool) -> None:
    # What the `magic_hour_webhooks` fixture does to the session's mock, for one test.
    kind = KINDS[0]
    expected = event_types(kind, "rendering") + event_types(kind, "complete")
    with KitMockServer(subprocess=subprocess_mode) as mock, WebhookReceiver() as receiver:
        first, seen = generate(mock.url, kind)
        assert seen == ["complete"]  # no webhooks: it ends at its first GET, as before
        with pytest.raises(ValueError) as raised:
            mock.deliver_webhooks("file:///tmp/hooks", receiver.secret)
        assert str(raised.value).startswith("webhook_url:")
        assert receiver.secret not in str(raised.value)
        mock.deliver_webhooks(receiver.url, receiver.secret)
        second, _ = generate(mock.url, kind)
        deliveries = receiver.wait(len(expected))
        assert [d.json()["type"] for d in deliveries] == expected
        assert {d.json()["payload"]["id"] for d in deliveries} == {second.id}
        for delivery in deliveries:
            timestamp = delivery.headers[TIMESTAMP_HEADER]
            expected_signature = signature(receiver.secret, timestamp, delivery.body)
            assert delivery.headers[SIGNATURE_HEADER] == expected_signature
        assert SECRET not in repr(receiver) and receiver.secret not in repr(receiver)
        mock.deliver_webhooks(None)
        third, seen = generate(mock.url, kind)
        assert seen == ["complete"] and mock.webhook_deliveries == []


@pytest.mark.parametrize("kind", KINDS)
def test_generate_while_a_receiver_verifies_and_parses_each_event_in_lifecycle_order(
    kind: str, start_mock_server: Callable[..., MockServer]
) -> None:
    # The "done means": generate() runs while the mock delivers webhooks to a receiver
    # on loopback, which verifies and parses each one with the client's own unwrap.
    with receiver(SECRET) as (url, events):
        mock = start_mock_server(webhook_url=url, webhook_secret=SECRET)
        result, seen = generate(mock.url, kind)
        expected = event_types(kind, "rendering") + event_types(kind, "complete")
        deliveries = mock.wait_for_webhooks(len(expected))
        # A delivery signed with another secret is refused, and nothing of it is kept.
        forged = json.dumps({"type": expected[0], "payload": {"id": result.id}}).encode()
        headers = sign(forged, "not-the-secret")
        answer = httpx.post(url, content=forged, headers=headers, timeout=10)
    assert (answer.status_code, answer.text) == (400, "InvalidSignatureError")
    assert [d.state for d in deliveries] == ["delivered"] * len(expected)
    assert [event.type for event in events] == expected
    # Typed: each event is the class its type names, its payload the project as polled.
    assert all(type(event).__name__ != "UnknownWebhookEvent" for event in events)
    assert [event.payload.id for event in events] == [result.id] * len(expected)
    statuses = [event.payload.status for event in events]
    assert statuses == ["rendering"] * (len(expected) - 1) + [result.status]
    # Polling saw the same life: each status the events reported, in the same order.
    assert [status for status in seen if status in statuses] == sorted(
        set(statuses) & set(seen), key=statuses.index
    )
    assert seen[-1] == statuses[-1] == "complete"
