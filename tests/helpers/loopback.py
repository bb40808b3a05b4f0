"""A real HTTP server on 127.0.0.1 for client tests: it records requests and answers as told."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # JSON-encoded unless bytes
    headers: dict[str, str] = field(default_factory=dict)


Responder = Callable[[Recorded], Reply]


@dataclass
class Loopback:
    url: str
    requests: list[Recorded]
    responder: list[Responder]

    def answer(self, responder: Responder) -> None:
        self.responder[0] = responder


@contextmanager
def loopback_server(responder: Responder | None = None) -> Iterator[Loopback]:
    requests: list[Recorded] = []
    current: list[Responder] = [responder or (lambda request: Reply(200, {}))]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out as separate writes; without this, Nagle and delayed ACKs
        # hold each keep-alive response back by about 40 ms.
        disable_nagle_algorithm = True

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            recorded = Recorded(
                method=self.command,
                path=self.path,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=self.rfile.read(length),
            )
            requests.append(recorded)
            reply = current[0](recorded)
            payload = (
                reply.body
                if isinstance(reply.body, bytes)
                else (b"" if reply.body is None else json.dumps(reply.body).encode())
            )
            self.send_response(reply.status)
            headers = {"Content-Type": "application/json", **reply.headers}
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _handle

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
    )
    thread.start()
    try:
        yield Loopback(f"http://127.0.0.1:{server.server_address[1]}", requests, current)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
