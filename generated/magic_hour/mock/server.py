"""The HTTP server: routes each request to what the API's description says about it."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import logging
import socket
import socketserver
import sys
import threading
import urllib.parse
from collections.abc import Iterator, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any, Optional, Union

from magic_hour.mock import files, webhooks
from magic_hour.mock.routes import (
    CREATE,
    DELETE,
    GET,
    NOT_FOUND,
    UPLOAD_URLS,
    Endpoint,
    Router,
    build_router,
)
from magic_hour.mock.state import (
    KEPT_UPLOAD_SIZE,
    UPLOAD_FAULT_HEADER,
    Conventions,
    DownloadTicket,
    ProjectState,
    ReceivedRequest,
    Steering,
    SteeringError,
    Store,
    UploadRecord,
    expired,
    iso,
    parse_steering,
    reportable,
    steering,
)

# Outside the `magic_hour` loggers on purpose: the mock logs each request line, signed URLs
# and all, which the client's own logs never hold.
logger = logging.getLogger("magic_hour_mock")

# The description the generator wrote beside this module: every operation of the API.
DESCRIPTION = Path(__file__).with_name("api.json")
UPLOADS_PATH = "/_mock/uploads/"
DOWNLOADS_PATH = "/_mock/downloads/"
# POST {url}/_mock/control/<action>, a JSON object of arguments: what `magic_hour.testing`
# asks of a mock running in another process (see MockServer.control).
CONTROL_PATH = "/_mock/control/"
REDACTED = "<redacted>"
# Downloads are found by this query parameter, never by their path: clients normalise `..`
# segments, and tests hand out hostile names on purpose.
DOWNLOAD_PARAMETER = "mock-download"
DEFAULT_FORMATS = {"image": "png", "video": "mp4", "audio": "wav"}
MAX_JSON_BODY = 16 * 1024 * 1024
EXPIRED = {"message": "Request has expired"}
SIGNED_URL = {"message": "Storage URLs are signed: send no Authorization header"}
ACCESS_DENIED = {"message": "Access Denied"}
_EMPTY = object()  # a response with no body at all
# How long each waiting status lasts, with webhooks on and no pace given.
WEBHOOK_SECONDS_PER_STATUS = 0.2
# How often projects that move with time are moved, with webhooks on.
TICK_SECONDS = 0.05
_SAFE_HOST = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")


class MockServer:
    """A mock of the API its description describes, on a real socket, served from a thread.

    Use as a context manager, or call start() and stop(). `port=0` picks a free port;
    `url` tells which. Projects move queued -> rendering -> final state every
    `polls_per_status` GETs, or every `seconds_per_status` seconds if that is given. With a
    `seed`, the ids and URLs it hands out are the same on every run. Every project ends in
    `outcome` (with `error_code` for `error`) unless steered otherwise; one whose getter cannot
    report that end (a canceled face detection) fails instead. `description`: the API as
    the generator describes it (a mapping, or the path of its JSON file); this package's API by
    default.

    With a `webhook_url` (and its `webhook_secret`), it POSTs a signed event there as each
    project starts rendering, completes or fails (the events its description lists; none for a
    canceled project), retrying one that fails for `webhook_retry_seconds`; `webhook_deliveries`
    lists them. Projects then move with time even if nobody polls them (a receiver of events
    never does): every `seconds_per_status`, 0.2 s unless given, GETs reporting the same.
    """

    def __init__(
        self,
        description: Union[Mapping[str, Any], str, Path, None] = None,
        host: str = "127.0.0.1",
        port: int = 0,
        polls_per_status: int = 1,
        seconds_per_status: Optional[float] = None,
        output_size: int = 16 * 1024,
        seed: Optional[int] = None,
        outcome: str = "complete",
        error_code: Optional[str] = None,
        webhook_url: Optional[str] = None,
        webhook_secret: Optional[str] = None,
        webhook_retry_seconds: float = webhooks.DEFAULT_RETRY_SECONDS,
    ) -> None:
        if type(polls_per_status) is not int or polls_per_status < 0:
            raise ValueError(
                f"polls_per_status must be a whole number >= 0, got {polls_per_status!r}"
            )
        if seconds_per_status is not None and (
            type(seconds_per_status) not in (int, float)
            or not 0 <= seconds_per_status < float("inf")
        ):
            raise ValueError(f"seconds_per_status must be >= 0, got {seconds_per_status!r}")
        if type(output_size) is not int or not 0 <= output_size <= files.MAX_SIZE:
            raise ValueError(f"output_size must be 0 to {files.MAX_SIZE}, got {output_size!r}")
        if type(port) is not int or not 0 <= port <= 65535:
            raise ValueError(f"port must be 0 to 65535, got {port!r}")
        if seed is not None and type(seed) is not int:
            raise ValueError(f"seed must be a whole number, got {seed!r}")
        webhooks.check_options(webhook_url, webhook_secret, webhook_retry_seconds)
        if isinstance(description, Mapping):
            described: Mapping[str, Any] = description
        else:
            path = Path(description) if description is not None else DESCRIPTION
            try:
                described = json.loads(path.read_text(encoding="utf-8"))
            except ValueError as exc:
                raise ValueError(f"description: {path} is not JSON: {exc}") from None
        self.description = described
        self.title: str = described["title"]
        self.operation_count = len(described["operations"])
        self.conventions = Conventions.from_description(described["conventions"])
        self.deprecated_fields: Mapping[str, Any] = described["conventions"]["deprecated_fields"]
        self.router: Router = build_router(described["operations"])
        default = steering(self.conventions, outcome=outcome, error_code=error_code)
        self.store = Store(
            self.conventions, polls_per_status, seconds_per_status, seed=seed, default=default
        )
        self.webhook_events: list[Mapping[str, Any]] = list(described.get("webhook_events", []))
        self.webhook_url: Optional[str] = None
        self._pace_given = seconds_per_status
        self._deliverer: Optional[webhooks.Deliverer] = None
        self._ticker: Optional[threading.Thread] = None
        self._ticking = threading.Event()
        self.host = host
        self.port = port
        self.output_size = output_size
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._lifecycle = threading.Lock()
        self._transfers = threading.Lock()
        self._downloading = 0
        self.downloads_started = 0  # bodies of output files begun, cut ones included
        self.peak_downloads = 0  # the most downloads served at the same time so far
        if webhook_url is not None:
            self.deliver_webhooks(webhook_url, webhook_secret, webhook_retry_seconds)

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the mock server is not running: call start() first")
        host, port = self._httpd.server_address[:2]
        shown = f"[{host!s}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}"

    @property
    def url_variable(self) -> str:
        """The environment variable that points `Environment.MOCK_SERVER` at a mock."""
        return str(self.description["url_variable"])

    @property
    def requests(self) -> list[ReceivedRequest]:
        """The requests received so far (the latest 100,000), in order, but the control API's."""
        return self.store.requests()

    @property
    def webhook_deliveries(self) -> list[webhooks.WebhookDelivery]:
        """The webhook events sent, being sent or given up, in the order they happened."""
        return self._deliverer.deliveries() if self._deliverer is not None else []

    def wait_for_webhooks(
        self, count: int, timeout: float = 30.0
    ) -> list[webhooks.WebhookDelivery]:
        """`webhook_deliveries` once `count` of them are delivered or given up (or `timeout`
        seconds have passed): events go out from a thread of their own."""
        return self._deliverer.wait(count, timeout) if self._deliverer is not None else []

    def deliver_webhooks(
        self,
        url: Optional[str],
        secret: Optional[str] = None,
        retry_seconds: float = webhooks.DEFAULT_RETRY_SECONDS,
    ) -> None:
        """From now on, deliver webhook events to `url`, signed with `secret` (`url` None: no
        more), as the options `webhook_url`, `webhook_secret` and `webhook_retry_seconds` do;
        the deliveries listed so far are forgotten. ValueError names a bad argument."""
        webhooks.check_options(url, secret, retry_seconds)
        with self._lifecycle:
            self._stop_webhooks()
            self.store.listener = None
            self._deliverer = None
            self.webhook_url = url
            self.store.seconds_per_status = self._pace_given
            if url is not None:
                assert secret is not None  # checked with the URL
                if self._pace_given is None:
                    # A receiver of events never polls: projects move with time.
                    self.store.seconds_per_status = WEBHOOK_SECONDS_PER_STATUS
                self._deliverer = webhooks.Deliverer(url, secret, retry_seconds)
                self.store.listener = self._status_reached
                if self._httpd is not None:
                    self._start_webhooks()

    def _start_webhooks(self) -> None:
        assert self._deliverer is not None
        self._deliverer.start()
        self._ticking.clear()
        self._ticker = threading.Thread(
            target=self._tick, name="magic-hour-mock-ticker", daemon=True
        )
        self._ticker.start()

    def _stop_webhooks(self) -> None:
        if self._ticker is not None:
            self._ticking.set()
            self._ticker.join()
            self._ticker = None
        if self._deliverer is not None:
            self._deliverer.stop()  # bounded: an attempt under way is left to its timeout

    def _tick(self) -> None:
        # Projects move with time whether or not anybody polls them: their events go out.
        while not self._ticking.wait(TICK_SECONDS):
            try:
                self.store.advance()
            except Exception:
                logger.exception("mock server: error moving projects on")

    def _status_reached(self, project: ProjectState, tickets: list[DownloadTicket]) -> None:
        """Queue the webhook events of a project that reached a status (under the store's
        lock: nothing here may call it)."""
        deliverer = self._deliverer
        if deliverer is None:
            return  # turned off meanwhile
        endpoint = self._create_endpoints().get(project.created_by)
        getter = self._endpoint(endpoint.getter) if endpoint and endpoint.getter else None
        if endpoint is None or getter is None:
            return  # not made by a create this mock knows
        applying = [
            event
            for event in self.webhook_events
            if event["kind"] == project.kind
            # An event may name the create of a task it is for; else it is for projects.
            and (
                event["operation"] == project.created_by
                if event.get("operation")
                else not endpoint.task
            )
        ]
        if project.outcome not in {event["status"] for event in applying}:
            # A project that ends where no event fires (canceled) sends none at all, as one
            # canceled before it began rendering: the API sends nothing for it.
            return
        for event in applying:
            if event["status"] == project.status:
                base_url = self.url if self._httpd is not None else f"http://{self.host}"
                payload = self.project_answer(getter, project, tickets, base_url)
                event_body = {"type": event["type"], "payload": payload}
                deliverer.add(event["type"], project.id, event_body)

    def _endpoint(self, name: str) -> Optional[Endpoint]:
        method, _, path = name.partition(" ")
        for route in self.router.routes:
            if route.template == path:
                return route.endpoints.get(method)
        return None

    def script(self, operation: Optional[str] = None, **steering_arguments: Any) -> None:
        """Steer the next project that `operation` (`POST /v1/...`; any create if None) creates:
        `outcome` (complete, error, canceled), `error_code`, `polls_per_status` or
        `seconds_per_status` (a slow one), `output_size`, `download_fault`, `download_name`.
        What is left out is the server's own setting. ValueError names a bad argument."""
        if operation is not None and operation not in self._create_operations():
            known = ", ".join(sorted(self._create_operations()))
            raise ValueError(
                f"operation: not a create operation of the mock: {operation!r} (known: {known})"
            )
        self.store.script(self._steering(self.store.default, steering_arguments), operation)

    def steer(self, project_id: str, **steering_arguments: Any) -> ProjectState:
        """Steer a project already created, as `script` does, changing only what is given;
        KeyError if there is none."""
        project = self.store.projects().get(project_id)
        found = None
        if project is not None:
            now = Steering(
                outcome=project.outcome,
                error_code=project.error_code,
                output_size=project.output_size,
                download_fault=project.download_fault,
                download_name=project.download_name,
                polls_per_status=project.polls_per_status,
                seconds_per_status=project.seconds_per_status,
            )
            chosen = self._steering(now, steering_arguments)
            creates = self._create_endpoints()
            outcomes = (
                creates[project.created_by].outcomes if project.created_by in creates else None
            )
            found = self.store.steer(project_id, reportable(chosen, outcomes, self.conventions))
        if found is None:
            raise KeyError(f"project_id: no project {project_id!r} on this mock")
        return found

    def _steering(self, base: Steering, arguments: Mapping[str, Any]) -> Steering:
        """`base` changed as `arguments` say, checked: what they leave out stays as it was (a
        script that only slows projects down keeps the server's `outcome`), but for the error
        code, which goes with the outcome it was given for."""
        values = dataclasses.asdict(base)
        del values["error_message"]
        if "outcome" in arguments:
            values["error_code"] = None
        values.update(arguments)
        return steering(self.conventions, **values)

    def reset(self) -> None:
        """Forget every project, upload, request, script and webhook delivery, as if just
        started."""
        self.store.reset()
        if self._deliverer is not None:
            self._deliverer.reset()

    def _create_operations(self) -> set[str]:
        return set(self._create_endpoints())

    def _create_endpoints(self) -> dict[str, Endpoint]:
        return {
            endpoint.name: endpoint
            for route in self.router.routes
            for endpoint in route.endpoints.values()
            if endpoint.role == CREATE
        }

    def control(self, action: str, arguments: Mapping[str, Any]) -> Any:
        """The control API (`POST /_mock/control/<action>`): the mock's state and steering as
        JSON values, for a test in another process. ValueError names a bad action or argument."""
        if action == "state":
            parts: dict[str, Any] = {
                "requests": lambda: [_jsonable(r) for r in self.store.requests()],
                "projects": lambda: [_jsonable(p) for p in self.store.projects().values()],
                "uploads": lambda: [_jsonable(u) for u in self.store.uploads().values()],
                "upload_slots": self.store.upload_slot_count,
                "webhook_deliveries": lambda: [_jsonable(d) for d in self.webhook_deliveries],
            }
            if "wait_for_webhooks" in arguments:
                # `{"wait_for_webhooks": [count, timeout]}`: the deliveries once `count` have
                # ended, for a test in another process.
                asked = arguments["wait_for_webhooks"]
                if (
                    not isinstance(asked, list)
                    or len(asked) != 2
                    or not all(type(n) in (int, float) for n in asked)
                ):
                    raise ValueError(f"wait_for_webhooks: expected [count, timeout], got {asked!r}")
                self.wait_for_webhooks(int(asked[0]), float(asked[1]))
                return {"webhook_deliveries": parts["webhook_deliveries"]()}
            # `{"part": "requests"}` asks for one part: reading the requests does not copy every
            # uploaded file's bytes.
            part = arguments.get("part")
            if part is None and not arguments:
                return {name: read() for name, read in parts.items()}
            if part not in parts or len(arguments) > 1:
                raise ValueError(f"part: expected one of {', '.join(parts)}, got {part!r}")
            return {part: parts[part]()}
        try:
            if action == "script":
                self.script(**arguments)
            elif action == "steer":
                return _jsonable(self.steer(**arguments))
            elif action == "deliver_webhooks":
                self.deliver_webhooks(**arguments)
            elif action == "reset" and not arguments:
                self.reset()
            else:
                raise ValueError(f"unknown control action {action!r} or arguments")
        except (TypeError, KeyError, SteeringError) as exc:
            # A KeyError's str() is its message quoted; the others' is the message itself.
            message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
            raise ValueError(message) from None
        return None

    @property
    def projects(self) -> Mapping[str, ProjectState]:
        """A snapshot: project id -> state."""
        return MappingProxyType(self.store.projects())

    @property
    def upload_slots(self) -> int:
        """How many upload URLs have been handed out."""
        return self.store.upload_slot_count()

    @property
    def uploads(self) -> Mapping[str, UploadRecord]:
        """A snapshot: file_path -> what was PUT there."""
        return MappingProxyType(self.store.uploads())

    def project_answer(
        self,
        endpoint: Endpoint,
        project: ProjectState,
        tickets: list[DownloadTicket],
        base_url: str,
    ) -> dict[str, Any]:
        """The project as `endpoint`, its getter, answers it: the example's fields, those the
        mock knows given the project's own values, the outputs' URLs on `base_url`."""
        example = endpoint.example
        answer = copy.deepcopy(example) if isinstance(example, dict) else {}
        final = project.status in ("error", "canceled")
        known = {
            "name": project.name,
            # Credits are refunded when a render fails or is canceled.
            "credits_charged": 0 if final else project.credits_charged,
            "created_at": iso(project.created_at),
            "error": (
                {"code": project.error_code, "message": project.error_message}
                if project.status == "error"
                else None
            ),
            "image_count": project.output_count,
        }
        answer.update({key: value for key, value in known.items() if key in answer})
        answer.update(id=project.id, status=project.status)
        answer[endpoint.outputs] = [
            self._output(endpoint, project, ticket, base_url) for ticket in tickets
        ]
        return self.with_deprecated_fields(answer)

    def _output(
        self, endpoint: Endpoint, project: ProjectState, ticket: DownloadTicket, base_url: str
    ) -> dict[str, Any]:
        """One output as the getter's example lists them, with a working download URL."""
        examples = endpoint.example
        listed = examples.get(endpoint.outputs) if isinstance(examples, dict) else None
        template = listed[0] if isinstance(listed, list) and listed else {}
        output = dict(template) if isinstance(template, dict) else {}
        output["url"] = self._download_url(project, ticket, base_url)
        output["expires_at"] = iso(ticket.expires_at)
        if "path" in output:
            storage = self.conventions.storage_prefix
            output["path"] = f"{storage}{project.id}/{ticket.index}.{project.output_format}"
        return output

    def _download_url(self, project: ProjectState, ticket: DownloadTicket, base_url: str) -> str:
        name = project.download_name
        if name is None:
            extension = project.output_format
            several = project.output_count > 1
            name = f"output-{ticket.index + 1}.{extension}" if several else f"output.{extension}"
        return (
            f"{base_url}{DOWNLOADS_PATH}{project.id}/{name}"
            f"?{DOWNLOAD_PARAMETER}={ticket.token}&auth-token={ticket.token[:16]}"
        )

    def with_deprecated_fields(self, answer: dict[str, Any]) -> dict[str, Any]:
        """The answer with the fields earlier clients still require, from what replaced them."""
        for name, source in self.deprecated_fields.items():
            if name in answer or source["from"] not in answer:
                continue
            value = answer[source["from"]]
            if source["take"] == "first":
                value = value[0] if isinstance(value, list) and value else None
            answer[name] = copy.deepcopy(value)
        return answer

    def _download_started(self) -> None:
        with self._transfers:
            self._downloading += 1
            self.downloads_started += 1
            self.peak_downloads = max(self.peak_downloads, self._downloading)

    def _download_ended(self) -> None:
        with self._transfers:
            self._downloading -= 1

    def start(self) -> "MockServer":
        with self._lifecycle:
            if self._httpd is None:
                httpd = _HTTPServer((self.host, self.port), self)
                self._thread = threading.Thread(
                    target=httpd.serve_forever,
                    kwargs={"poll_interval": 0.05},
                    name=f"magic-hour-mock-{httpd.server_address[1]}",
                    daemon=True,
                )
                self._httpd = httpd
                self._thread.start()
                if self._deliverer is not None:
                    self._start_webhooks()
        return self

    def stop(self) -> None:
        with self._lifecycle:
            httpd, thread = self._httpd, self._thread
            self._httpd = self._thread = None
            if httpd is None or thread is None:
                return
            self._stop_webhooks()
            httpd.shutdown()
            thread.join()
            # Keep-alive connections would otherwise go on being served after stop().
            httpd.close_connections()
            httpd.server_close()

    def __enter__(self) -> "MockServer":
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # Room for many clients connecting at once: a full backlog costs a 1 s SYN retry.
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], mock: MockServer) -> None:
        self.mock = mock
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host name up (socket.getfqdn), which can stall.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._open_lock:
            connections = list(self._open)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # the client went away mid-request: nothing to report
        logger.exception("mock server: unexpected error serving %s", client_address)


class _BadRequest(Exception):
    pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as separate writes; without this, Nagle and delayed ACKs
    # hold each keep-alive response back by about 40 ms.
    disable_nagle_algorithm = True
    # An idle keep-alive connection gives its thread back after this many seconds.
    timeout = 60
    server: _HTTPServer

    def do_GET(self) -> None:
        self._responded = False
        self._recorded = False
        self._status = 0
        self._seen: dict[str, Any] = {"body": None, "operation": None, "role": None}
        try:
            self._handle()
        except OSError:
            self.close_connection = True
        except _BadRequest as exc:
            self.close_connection = True
            if not self._responded:
                self._send_json(400, {"message": str(exc)})
        except Exception:
            logger.exception("mock server: error answering %s %s", self.command, self.path)
            self.close_connection = True
            if not self._responded:
                self._send_json(500, {"message": "Mock server error; see its log"})
        finally:
            if not self._recorded and not self.path.startswith(CONTROL_PATH):
                self._record()  # one that got no answer (the client went away)

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    @property
    def mock(self) -> MockServer:
        return self.server.mock

    def _record(self) -> None:
        self._recorded = True
        target = urllib.parse.urlsplit(self.path)
        headers = {
            name.lower(): REDACTED if name.lower() in ("authorization", "cookie") else value
            for name, value in self.headers.items()
        }
        self.mock.store.record_request(
            ReceivedRequest(
                method=self.command,
                path=target.path,
                query=urllib.parse.parse_qs(target.query, keep_blank_values=True),
                headers=headers,
                body=self._seen["body"],
                operation=self._seen["operation"],
                role=self._seen["role"],
                status=self._status,
            )
        )

    def _handle(self) -> None:
        target = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(target.query, keep_blank_values=True)
        if self.command == "POST" and target.path.startswith(CONTROL_PATH):
            self._control(target.path[len(CONTROL_PATH) :])
            return
        storage = (self.command == "PUT" and target.path.startswith(UPLOADS_PATH)) or (
            self.command in ("GET", "HEAD") and DOWNLOAD_PARAMETER in query
        )
        if storage and "Authorization" in self.headers:
            # Storage URLs carry their own signature; an API key sent there would leak it.
            for _ in self._body_chunks():
                pass
            self._send_json(400, SIGNED_URL)
            return
        if self.command == "PUT" and target.path.startswith(UPLOADS_PATH):
            self._upload(target.path)
            return
        body = self._read_body()
        if body is None:
            self._send_json(413, {"message": f"Request body over {MAX_JSON_BODY} bytes"})
            return
        if self.command in ("GET", "HEAD") and DOWNLOAD_PARAMETER in query:
            self._seen["role"] = "download"
            self._download(query[DOWNLOAD_PARAMETER][0])
            return
        found = self.mock.router.match(target.path)
        if found is None:
            self._send_json(404, NOT_FOUND)
            return
        route, path_values = found
        endpoint = route.endpoints.get(self.command)
        if endpoint is None:
            allow = ", ".join(sorted(route.endpoints))
            self._send_json(405, {"message": "Method Not Allowed"}, {"Allow": allow})
            return
        self._seen.update(operation=endpoint.name, role=endpoint.role)
        headers = {name.lower(): value for name, value in self.headers.items()}
        if not endpoint.authorized(headers, query):
            self._send_json(401, endpoint.unauthorized_body)
            return
        value, rejection = endpoint.check(path_values, query, headers, body)
        self._seen["body"] = value
        if rejection is not None:
            self._send_json(rejection.status, {"message": rejection.message})
            return
        if endpoint.role == CREATE:
            self._create(endpoint, value, headers)
        elif endpoint.role == GET:
            self._get(endpoint, path_values)
        elif endpoint.role == DELETE:
            self._delete(endpoint, path_values)
        elif endpoint.role == UPLOAD_URLS:
            self._upload_urls(endpoint, value, headers)
        else:
            self._answer(endpoint, copy.deepcopy(endpoint.example))

    def _control(self, action: str) -> None:
        body = self._read_body()
        try:
            arguments = json.loads(body) if body and body.strip() else {}
            if not isinstance(arguments, dict):
                raise ValueError("the arguments must be a JSON object")
            self._send_json(200, {"result": self.mock.control(action, arguments)})
        except ValueError as exc:
            self._send_json(400, {"message": str(exc)})

    # The operations.

    def _create(self, endpoint: Endpoint, body: Any, headers: Mapping[str, str]) -> None:
        try:
            scripted = self.mock.store.scripted(endpoint.name)
            steering = parse_steering(headers, self.mock.conventions, scripted)
        except SteeringError as exc:
            self._send_json(400, {"message": str(exc)})
            return
        steering = reportable(steering, endpoint.outcomes, self.mock.conventions)
        kind = endpoint.kind or "image"
        fields = body if isinstance(body, dict) else {}
        name = fields.get("name")
        # What the spec says the API does when these are left out (AI GIFs default to gif).
        defaults = endpoint.body_defaults
        requested_format = fields.get("output_format", defaults.get("output_format"))
        count = fields.get("image_count", defaults.get("image_count"))
        example = endpoint.example
        answer = copy.deepcopy(example) if isinstance(example, dict) else {}
        credits = answer.get("credits_charged")
        project = self.mock.store.create(
            kind=kind,
            name=name if isinstance(name, str) else None,
            output_format=(
                requested_format if requested_format in files.FORMATS else DEFAULT_FORMATS[kind]
            ),
            output_count=count if type(count) is int and count >= 1 else 1,
            output_size=self.mock.output_size,
            credits_charged=credits if isinstance(credits, int) else None,
            steering=steering,
            created_by=endpoint.name,
            body=copy.deepcopy(body),
        )
        answer["id"] = project.id
        self._answer(endpoint, answer)

    def _get(self, endpoint: Endpoint, path_values: Mapping[str, str]) -> None:
        project_id = path_values[endpoint.id_parameter or ""]
        found = self.mock.store.poll(project_id, endpoint.kind or "")
        if found is None and project_id == endpoint.example_id:
            self._answer(endpoint, copy.deepcopy(endpoint.example))
            return
        if found is None:
            self._send_json(404, endpoint.not_found_body)
            return
        project, tickets = found
        self._answer(
            endpoint, self.mock.project_answer(endpoint, project, tickets, self._base_url())
        )

    def _delete(self, endpoint: Endpoint, path_values: Mapping[str, str]) -> None:
        project_id = path_values[endpoint.id_parameter or ""]
        deleted = self.mock.store.delete(project_id, endpoint.kind or "")
        if not deleted and project_id != endpoint.example_id:
            self._send_json(404, endpoint.not_found_body)
            return
        self._answer(endpoint, copy.deepcopy(endpoint.example))

    def _upload_urls(self, endpoint: Endpoint, body: Any, headers: Mapping[str, str]) -> None:
        fault = headers.get(UPLOAD_FAULT_HEADER.lower())
        if fault not in (None, "refuse"):
            message = f"{UPLOAD_FAULT_HEADER}: expected refuse, got {fault!r}"
            self._send_json(400, {"message": message})
            return
        items = body.get("items") if isinstance(body, dict) else None
        asked = [
            item if isinstance(item, dict) else {}
            for item in (items if isinstance(items, list) else [])
        ]
        # The extension goes into a URL path and a file path: letters and digits only.
        extensions = [str(item.get("extension", "bin")) for item in asked]
        types = [item.get("type") for item in asked]
        slots = self.mock.store.new_upload_slots(
            [
                (t if isinstance(t, str) else None, e if e.isascii() and e.isalnum() else "bin")
                for t, e in zip(types, extensions)
            ],
            refused=fault == "refuse",
        )
        example = endpoint.example
        answer = copy.deepcopy(example) if isinstance(example, dict) else {}
        base = f"{self._base_url()}{UPLOADS_PATH}"
        answer["items"] = [
            {
                "upload_url": f"{base}{slot.token}/{slot.file_path.rsplit('/', 1)[-1]}",
                "expires_at": iso(slot.expires_at),
                "file_path": slot.file_path,
            }
            for slot in slots
        ]
        self._answer(endpoint, answer)

    def _answer(self, endpoint: Endpoint, answer: Any) -> None:
        status = endpoint.success_status
        if isinstance(answer, dict):
            answer = self.mock.with_deprecated_fields(answer)
        self._send_json(status, _EMPTY if answer is None or status == 204 else answer)

    # Files.

    def _upload(self, path: str) -> None:
        self._seen["role"] = "upload"
        token = path[len(UPLOADS_PATH) :].split("/", 1)[0]
        slot = self.mock.store.upload_slot(token)
        digest = hashlib.sha256()
        size = 0
        kept: Optional[list[bytes]] = []
        # Read the whole body whatever the answer, so the connection can be kept alive.
        for data in self._body_chunks():
            digest.update(data)
            size += len(data)
            if kept is not None and size <= KEPT_UPLOAD_SIZE:
                kept.append(data)
            else:
                kept = None
        self._seen["body"] = size
        if slot is None or slot.refused:
            self._send_json(403, ACCESS_DENIED)
        elif expired(slot.expires_at):
            self._send_json(403, EXPIRED)
        else:
            content = b"".join(kept) if kept is not None else None
            self.mock.store.record_upload(slot, size, digest.hexdigest(), content)
            self._send_json(200, b"")

    def _download(self, token: str) -> None:
        found = self.mock.store.ticket(token)
        ticket, project = found if found is not None else (None, None)
        if ticket is None or project is None:
            self._send_json(404, NOT_FOUND)
            return
        if expired(ticket.expires_at) or ticket.revoked:
            self._send_json(403, EXPIRED)
            return
        layout = files.layout(project.output_format, project.output_size)
        self._start(200, {"Content-Type": layout.content_type, "Content-Length": str(layout.size)})
        if self.command == "HEAD":
            return
        truncate = project.download_fault == "truncate"
        # `truncate`: announce the whole file, send about half, then hang up.
        remaining = layout.size // 2 if truncate else layout.size
        self.mock._download_started()
        try:
            for piece in layout.pieces():
                if len(piece) > remaining:
                    piece = memoryview(piece)[:remaining]
                self.wfile.write(piece)
                remaining -= len(piece)
                if remaining == 0:
                    break
        finally:
            self.mock._download_ended()
        self.close_connection = self.close_connection or truncate

    # HTTP plumbing.

    def _base_url(self) -> str:
        """This server as the client reached it, so that the URLs it hands out work."""
        host = self.headers.get("Host", "")
        if host and all(c in _SAFE_HOST for c in host):
            return f"http://{host}"
        return self.mock.url

    def _read_body(self) -> bytes | None:
        """The request body; None (after reading it all) if it is too large to keep."""
        kept: list[bytes] = []
        size = 0
        for data in self._body_chunks():
            size += len(data)
            if size <= MAX_JSON_BODY:
                kept.append(data)
        return b"".join(kept) if size <= MAX_JSON_BODY else None

    def _body_chunks(self) -> Iterator[bytes]:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            yield from self._chunked_body()
            return
        text = self.headers.get("Content-Length", "0").strip() or "0"
        if not text.isascii() or not text.isdigit():
            raise _BadRequest(f"Content-Length: not a number of bytes: {text!r}")
        yield from self._read_exactly(int(text))

    def _chunked_body(self) -> Iterator[bytes]:
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                raise _BadRequest(f"bad chunk size line in a chunked body: {line!r}") from None
            if size == 0:
                # Trailer fields, if any, up to the blank line.
                while self.rfile.readline(65536).strip():
                    pass
                return
            yield from self._read_exactly(size)
            self.rfile.readline(16)  # the CRLF after the chunk

    def _read_exactly(self, length: int) -> Iterator[bytes]:
        while length > 0:
            data = self.rfile.read(min(length, files.CHUNK))
            if not data:
                raise ConnectionError("client closed the connection mid-body")
            length -= len(data)
            yield data

    def _start(self, status: int, headers: Mapping[str, str]) -> None:
        self._responded = True
        self._status = status
        # Recorded before the client has its answer, so that a test reading `requests` right
        # after a call sees it. (Not for http.server's own errors, which precede do_GET.)
        if not getattr(self, "_recorded", True) and not self.path.startswith(CONTROL_PATH):
            self._record()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()

    def _send_json(self, status: int, body: Any, headers: Mapping[str, str] | None = None) -> None:
        content: dict[str, str] = {}
        if body is _EMPTY:
            payload = b""
        elif isinstance(body, bytes):
            payload = body
        else:
            payload = json.dumps(body).encode()
            content = {"Content-Type": "application/json"}
        if status != 204:
            content["Content-Length"] = str(len(payload))
        self._start(status, {**content, **(headers or {})})
        if self.command != "HEAD" and status != 204:
            self.wfile.write(payload)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # http.server's own errors (a broken request line, an unknown method) as the API's JSON.
        self.close_connection = True
        self._send_json(code, {"message": message or HTTPStatus(code).phrase})

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # `requestline`, not `path`: a request too broken to parse has no path.
        logger.info("%s %s", self.requestline, int(code) if code != "-" else code)

    def log_message(self, format: str, *args: Any) -> None:
        logger.info("%s %s", self.address_string(), format % args)


def _jsonable(record: Any) -> Any:
    """A state record as JSON values: times in ISO 8601, bytes as latin-1 text."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: _jsonable(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, Mapping):
        return {str(key): _jsonable(value) for key, value in record.items()}
    if isinstance(record, (list, tuple)):
        return [_jsonable(value) for value in record]
    if hasattr(record, "isoformat"):
        return iso(record)
    if isinstance(record, bytes):
        return record.decode("latin-1")
    return record
