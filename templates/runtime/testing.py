"""Testing code that uses this client offline, against the mock server (`magic-hour[mock]`).

    from magic_hour import Client
    from magic_hour.environment import Environment
    from magic_hour.testing import MockServer

    with MockServer() as mock:  # a free port; Environment.MOCK_SERVER reaches it meanwhile
        client = Client(token="any", environment=Environment.MOCK_SERVER)
        mock.script(outcome="error", error_code="no_source_face")  # the next project fails
        ...
        assert mock.creates[0].body["name"] == "..."

With pytest, the fixtures `magic_hour_mock`, `magic_hour_client` and `magic_hour_async_client`
do this for each test (the package registers them as a pytest plugin).
"""

from __future__ import annotations

import dataclasses
import datetime
import http.server
import json
import os
import re
import subprocess as _subprocess
import sys
import tempfile
import threading
import types
import typing

if typing.TYPE_CHECKING:
    from magic_hour.mock.server import MockServer as Engine
    from magic_hour.mock.state import ProjectState, ReceivedRequest, UploadRecord
    from magic_hour.mock.webhooks import WebhookDelivery

__all__ = ["MockServer", "ReceivedWebhook", "WebhookReceiver"]

# The line `python -m magic_hour.mock` prints once it listens.
_LISTENING = re.compile(r"^Mock .* on (http://\S+) \(")


class MockServer:
    """The mock API server, started on a free port in a thread (or, with `subprocess=True`, in a
    process of its own), stopped on exit. While it runs, `Environment.MOCK_SERVER` reaches it:
    the `MAGIC_HOUR_MOCK_URL` environment variable points there, in this process and those it
    starts.

    Projects end at their first GET unless `polls_per_status` or `seconds_per_status` says how
    long each waiting status lasts; every project ends in `outcome` unless scripted otherwise.
    With a `seed`, ids and URLs are the same on every run. Its state is read, and its projects
    steered, the same way in both modes.

    With a `webhook_url` and a `webhook_secret`, it POSTs a signed event there as each project
    starts rendering, completes or fails (none when canceled), retrying a failed delivery for
    `webhook_retry_seconds`, and `webhook_deliveries` lists what it sent. Projects then move
    with time, polled or not: every `seconds_per_status` (0.2 s unless given).
    """

    def __init__(
        self,
        *,
        subprocess: bool = False,
        host: str = "127.0.0.1",
        port: int = 0,
        polls_per_status: int = 0,
        seconds_per_status: typing.Optional[float] = None,
        output_size: int = 16 * 1024,
        outcome: str = "complete",
        error_code: typing.Optional[str] = None,
        seed: typing.Optional[int] = None,
        description: typing.Union[
            str, "os.PathLike[str]", typing.Mapping[str, typing.Any], None
        ] = None,
        startup_timeout: float = 30.0,
        webhook_url: typing.Optional[str] = None,
        webhook_secret: typing.Optional[str] = None,
        webhook_retry_seconds: float = 60.0,
    ) -> None:
        self.subprocess = subprocess
        self._options: typing.Dict[str, typing.Any] = {
            "host": host,
            "port": port,
            "polls_per_status": polls_per_status,
            "seconds_per_status": seconds_per_status,
            "output_size": output_size,
            "outcome": outcome,
            "error_code": error_code,
            "seed": seed,
            "description": description,
            "webhook_url": webhook_url,
            "webhook_secret": webhook_secret,
            "webhook_retry_seconds": webhook_retry_seconds,
        }
        self._startup_timeout = startup_timeout
        self._engine: typing.Optional[Engine] = None
        self._process: typing.Optional[_subprocess.Popen[str]] = None
        self._url: typing.Optional[str] = None
        self._previous_variable: typing.Optional[str] = None
        if subprocess and isinstance(description, typing.Mapping):
            raise ValueError("description: with subprocess=True, give the path of a JSON file")
        # Checked now, in this process, in both modes: a bad option fails here, naming it,
        # rather than as a process that does not start.
        engine = _engine(**self._options)
        self._variable = engine.url_variable
        if not subprocess:
            self._engine = engine

    # -- life ---------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._url is None:
            raise RuntimeError("the mock server is not running: use it in a `with` block")
        return self._url

    def start(self) -> MockServer:
        if self._url is not None:
            return self
        if self._engine is not None:
            try:
                self._url = self._engine.start().url
            except OSError as exc:
                # Said as a mock in a subprocess says it: which address, and why.
                where = f"{self._options['host']}:{self._options['port']}"
                reason = exc.strerror or str(exc)
                raise RuntimeError(
                    f"the mock server did not start: Cannot listen on {where}: {reason}"
                ) from exc
        else:
            self._url = self._start_process()
        self._previous_variable = os.environ.get(self._variable)
        os.environ[self._variable] = self._url
        return self

    def stop(self) -> None:
        if self._url is None:
            return
        if os.environ.get(self._variable) == self._url:
            if self._previous_variable is None:
                del os.environ[self._variable]
            else:
                os.environ[self._variable] = self._previous_variable
        self._url = None
        if self._engine is not None:
            self._engine.stop()
        if self._process is not None:
            process, self._process = self._process, None
            _end(process)

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(
        self,
        exc_type: typing.Optional[typing.Type[BaseException]],
        exc: typing.Optional[BaseException],
        traceback: typing.Optional[types.TracebackType],
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self._url or "not running"
        mode = "subprocess" if self.subprocess else "thread"
        return f"MockServer({where}, {mode})"

    def _start_process(self) -> str:
        options = self._options
        command = [sys.executable, "-m", "magic_hour.mock", "--host", options["host"]]
        command += ["--port", str(options["port"]), "--output-size", str(options["output_size"])]
        if options["seconds_per_status"] is not None:
            command += ["--seconds-per-status", repr(float(options["seconds_per_status"]))]
        else:
            command += ["--polls-per-status", str(options["polls_per_status"])]
        outcome = options["outcome"]
        if options["error_code"] is not None:
            outcome = f"{outcome}:{options['error_code']}"
        command += ["--outcome", outcome]
        if options["seed"] is not None:
            command += ["--seed", str(options["seed"])]
        if options["description"] is not None:
            command += ["--description", os.fspath(options["description"])]
        environment = dict(os.environ)
        if options["webhook_url"] is not None:
            command += ["--webhook-url", options["webhook_url"]]
            command += ["--webhook-retry-seconds", repr(float(options["webhook_retry_seconds"]))]
            # In its environment, not its command line, which every user of the machine sees.
            environment["MAGIC_HOUR_WEBHOOK_SECRET"] = options["webhook_secret"]
        # Its log goes to a file, never to a pipe nobody reads (which would fill and stall it).
        log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
        process = _subprocess.Popen(
            command,
            stdin=_subprocess.DEVNULL,
            stdout=_subprocess.PIPE,
            stderr=log,
            env=environment,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        first_line: typing.List[str] = []
        reader = threading.Thread(
            target=lambda: first_line.append(process.stdout.readline() if process.stdout else ""),
            daemon=True,
        )
        reader.start()
        reader.join(self._startup_timeout)
        found = _LISTENING.match(first_line[0]) if first_line else None
        if found is None:
            _end(process)
            log.seek(0)
            said = " ".join(log.read().split())[-500:]
            log.close()
            raise RuntimeError(f"the mock server did not start: {said or 'no output'}")
        log.close()  # the process keeps its own handle
        self._process = process
        return found.group(1)

    # -- what it received ---------------------------------------------------------------------

    @property
    def requests(self) -> typing.List[ReceivedRequest]:
        """Every request it received, in order: method, path, query, headers (credentials
        redacted), parsed JSON body, the operation (`POST /v1/...`) and what it answered."""
        from magic_hour.mock.state import ReceivedRequest

        return [ReceivedRequest(**r) for r in self._state("requests")]

    @property
    def creates(self) -> typing.List[ReceivedRequest]:
        """The requests that created a project (or a task), accepted or not, in order."""
        return [r for r in self.requests if r.role == "create"]

    @property
    def projects(self) -> typing.Dict[str, ProjectState]:
        """Each project by id: its status as last reported, how it ends, its create's body."""
        from magic_hour.mock.state import ProjectState

        found = {}
        for fields in self._state("projects"):
            fields["created_at"] = _time(fields["created_at"])
            found[fields["id"]] = ProjectState(**fields)
        return found

    @property
    def uploads(self) -> typing.Dict[str, UploadRecord]:
        """Each file PUT to an upload URL, by its `file_path`: size, SHA-256 and, up to 8 MiB,
        its bytes (`content`)."""
        from magic_hour.mock.state import UploadRecord

        found = {}
        for fields in self._state("uploads"):
            if fields["content"] is not None:
                fields["content"] = fields["content"].encode("latin-1")
            found[fields["file_path"]] = UploadRecord(**fields)
        return found

    @property
    def webhook_deliveries(self) -> typing.List[WebhookDelivery]:
        """Each webhook event it sent, is sending or gave up on, in the order they happened:
        `type`, `project_id`, `body` (the bytes sent; `.json()` parses them), `headers` (of
        the latest attempt), `attempts`, the `statuses` answered (None: no answer) and `state`
        (`pending`, `delivered` or `given_up`)."""
        return _deliveries(self._state("webhook_deliveries"))

    def wait_for_webhooks(self, count: int, timeout: float = 30.0) -> typing.List[WebhookDelivery]:
        """`webhook_deliveries` once `count` of them are delivered or given up, or after
        `timeout` seconds: events go out on their own, after the calls that caused them."""
        state = self._control("state", {"wait_for_webhooks": [count, timeout]})
        return _deliveries(state["webhook_deliveries"])

    def deliver_webhooks(
        self,
        url: typing.Optional[str],
        secret: typing.Optional[str] = None,
        *,
        retry_seconds: float = 60.0,
    ) -> None:
        """From now on, deliver webhook events to `url` signed with `secret` (`url` None: no
        more), as the arguments `webhook_url`, `webhook_secret` and `webhook_retry_seconds`
        do. ValueError names a bad argument."""
        self._control(
            "deliver_webhooks", {"url": url, "secret": secret, "retry_seconds": retry_seconds}
        )

    def assert_no_create(self) -> None:
        """Fail (AssertionError) if any request reached an operation that creates a project:
        for code that must refuse a request before spending credits."""
        creates = self.creates
        if creates:
            listed = ", ".join(f"{r.operation} ({r.status})" for r in creates)
            raise AssertionError(f"{len(creates)} create request(s) reached the mock: {listed}")

    # -- steering -----------------------------------------------------------------------------

    def script(
        self,
        operation: typing.Optional[str] = None,
        *,
        outcome: typing.Optional[str] = None,
        error_code: typing.Optional[str] = None,
        polls_per_status: typing.Optional[int] = None,
        seconds_per_status: typing.Optional[float] = None,
        output_size: typing.Optional[int] = None,
        download_fault: typing.Optional[str] = None,
        download_name: typing.Optional[str] = None,
    ) -> None:
        """How the next project created ends: `outcome` `error` (with `error_code`, such as
        `no_source_face`), `canceled` or `complete`; slow with `polls_per_status` or
        `seconds_per_status`; `output_size` bytes per output; a `download_fault` (`truncate`,
        `expire-once`, `revoke-once`). Scripts are taken in order, each by the first create of
        `operation` (`"POST /v1/face-swap"`; any create if None). What is left out is the
        server's own setting (its `outcome`, say). ValueError names a bad argument."""
        self._control("script", _given(locals()))

    def steer(
        self,
        project_id: str,
        *,
        outcome: typing.Optional[str] = None,
        error_code: typing.Optional[str] = None,
        polls_per_status: typing.Optional[int] = None,
        seconds_per_status: typing.Optional[float] = None,
        output_size: typing.Optional[int] = None,
        download_fault: typing.Optional[str] = None,
        download_name: typing.Optional[str] = None,
    ) -> None:
        """As `script`, for a project already created (one that has not ended yet): only what
        is given changes (`steer(id, polls_per_status=0)` ends it at its next GET, as it was
        going to end). ValueError names a bad argument, or an unknown `project_id`."""
        self._control("steer", _given(locals()))

    def reset(self) -> None:
        """Forget every project, upload, request and script."""
        self._control("reset", {})

    # -- one way to ask, two ways to reach it -------------------------------------------------

    def _state(self, part: str) -> typing.List[typing.Dict[str, typing.Any]]:
        state: typing.Dict[str, typing.Any] = self._control("state", {"part": part})
        return list(state[part])

    def _control(self, action: str, arguments: typing.Dict[str, typing.Any]) -> typing.Any:
        if self._engine is not None:
            # The same JSON values a subprocess would send, so both modes answer alike.
            return json.loads(json.dumps(self._engine.control(action, arguments)))
        import httpx

        # Python's JSON, which httpx's would refuse for a NaN: the mock then names the argument,
        # as it does in a thread.
        answer = httpx.post(
            f"{self.url}/_mock/control/{action}",
            content=json.dumps(arguments),
            headers={"Content-Type": "application/json"},
            # A wait for webhooks takes as long as it was told it may, and then some.
            timeout=30.0 + float(arguments.get("wait_for_webhooks", [0, 0])[1]),
        )
        if answer.status_code == 400:
            raise ValueError(answer.json()["message"])
        answer.raise_for_status()
        return answer.json()["result"]


@dataclasses.dataclass(frozen=True)
class ReceivedWebhook:
    """A delivery as a receiver got it: the raw body, to verify before parsing, and headers."""

    path: str
    headers: typing.Dict[str, str]  # names in lower case
    body: bytes = dataclasses.field(repr=False)

    def json(self) -> typing.Any:
        return json.loads(self.body)


class WebhookReceiver:
    """A webhook endpoint for tests: a real HTTP server on a free loopback port, between
    start() and stop() (or in a `with` block), that answers 200 to each POST and keeps it.
    Point a mock at it: `MockServer(webhook_url=receiver.url, webhook_secret=receiver.secret)`.
    """

    def __init__(self, *, secret: str = "magic-hour-test-webhook-secret") -> None:
        self.secret = secret  # for the mock to sign with, and the test to verify with
        self._received: typing.List[ReceivedWebhook] = []
        self._arrived = threading.Condition()
        self._server: typing.Optional[http.server.ThreadingHTTPServer] = None
        self._thread: typing.Optional[threading.Thread] = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the webhook receiver is not running: use it in a `with` block")
        return f"http://127.0.0.1:{self._server.server_address[1]}/webhooks"

    @property
    def deliveries(self) -> typing.List[ReceivedWebhook]:
        """What arrived so far, in order."""
        with self._arrived:
            return list(self._received)

    def wait(self, count: int, timeout: float = 30.0) -> typing.List[ReceivedWebhook]:
        """`deliveries` once `count` have arrived, or after `timeout` seconds: a mock sends
        its events on its own, after the calls that caused them."""
        with self._arrived:
            self._arrived.wait_for(lambda: len(self._received) >= count, timeout)
            return list(self._received)

    def clear(self) -> None:
        with self._arrived:
            self._received.clear()

    def start(self) -> WebhookReceiver:
        if self._server is not None:
            return self
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                received = ReceivedWebhook(
                    self.path,
                    {name.lower(): value for name, value in self.headers.items()},
                    self.rfile.read(length),
                )
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
                with receiver._arrived:
                    receiver._received.append(received)
                    receiver._arrived.notify_all()

            def log_message(self, format: str, *args: typing.Any) -> None:
                pass  # a test's output is not the place

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is not None and thread is not None:
            server.shutdown()
            server.server_close()
            thread.join()

    def __enter__(self) -> WebhookReceiver:
        return self.start()

    def __exit__(
        self,
        exc_type: typing.Optional[typing.Type[BaseException]],
        exc: typing.Optional[BaseException],
        traceback: typing.Optional[types.TracebackType],
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.url if self._server is not None else "not running"
        return f"WebhookReceiver({where}, {len(self.deliveries)} received)"  # never the secret


def _engine(**options: typing.Any) -> Engine:
    from magic_hour.mock.server import MockServer as Engine

    return Engine(**options)


def _given(arguments: typing.Dict[str, typing.Any]) -> typing.Dict[str, typing.Any]:
    """A steering call's arguments, those left at None left out."""
    return {k: v for k, v in arguments.items() if k != "self" and v is not None}


def _deliveries(found: typing.List[typing.Dict[str, typing.Any]]) -> typing.List[WebhookDelivery]:
    from magic_hour.mock.webhooks import WebhookDelivery

    for fields in found:
        fields["body"] = fields["body"].encode("latin-1")
        fields["statuses"] = tuple(fields["statuses"])
    return [WebhookDelivery(**fields) for fields in found]


def _time(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _end(process: _subprocess.Popen[str]) -> None:
    """Stop the mock's process: SIGTERM, then SIGKILL if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except _subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()
