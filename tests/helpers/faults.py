"""A fault-injection HTTP server on 127.0.0.1: real sockets, scripted one request at a time.

Each request the server reads takes the next `Fault` from the script (or the default reply
once the script is used up): answer with a status, reset the connection, stall past the
client's timeout, cut the body short, or send a broken body. Every loop is bounded: a
connection serves at most `MAX_REQUESTS_PER_CONNECTION` requests, every socket read times out
after `SOCKET_TIMEOUT` seconds, and a stall never outlasts `MAX_STALL`.
"""

from __future__ import annotations

import json
import socket
import socketserver
import struct
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

MAX_REQUESTS_PER_CONNECTION = 100
SOCKET_TIMEOUT = 5.0
MAX_STALL = 3.0
MAX_HEADER_LINES = 100


@dataclass(frozen=True)
class Fault:
    """What the server does with one request."""

    kind: str  # reply | reset | stall | cut
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def reply(status: int, body: Any = None, **headers: str) -> Fault:
    payload = body if isinstance(body, bytes) else json.dumps(body or {}).encode()
    return Fault("reply", status, payload, {"Content-Type": "application/json", **headers})


def html(status: int) -> Fault:
    page = f"<html><head><title>{status} Bad Gateway</title></head><body>nginx</body></html>"
    return Fault("reply", status, page.encode(), {"Content-Type": "text/html"})


def reset() -> Fault:
    return Fault("reset")


def stall(seconds: float) -> Fault:
    return Fault("stall", seconds=min(seconds, MAX_STALL))


def cut(status: int, body: bytes, announced: int) -> Fault:
    """Announce `announced` bytes of body, send `body` (fewer), then close."""
    return Fault("cut", status, body, {"Content-Length": str(announced)})


@dataclass
class Seen:
    """A request as the server read it, and when."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float
    fault: Fault


class FaultServer:
    def __init__(self, default: Fault) -> None:
        self.default = default
        self.script: deque[Fault] = deque()
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self.url = ""

    def then(self, *faults: Fault) -> FaultServer:
        with self._lock:
            self.script.extend(faults)
        return self

    def _next(self) -> Fault:
        with self._lock:
            return self.script.popleft() if self.script else self.default

    def _record(self, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)


class _Handler(socketserver.BaseRequestHandler):
    server: _TCPServer

    def handle(self) -> None:
        connection: socket.socket = self.request
        connection.settimeout(SOCKET_TIMEOUT)
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        stream = connection.makefile("rb")
        try:
            for _ in range(MAX_REQUESTS_PER_CONNECTION):
                seen = self._read(stream)
                if seen is None:
                    return
                self.server.faults._record(seen)
                if not self._act(connection, seen.fault):
                    return
        except OSError:
            return
        finally:
            stream.close()

    def _read(self, stream: Any) -> Seen | None:
        line = stream.readline(65536)
        if not line.strip():
            return None
        method, path, _ = line.decode("latin-1").split(" ", 2)
        headers: dict[str, str] = {}
        for _ in range(MAX_HEADER_LINES):
            header = stream.readline(65536).decode("latin-1")
            if header in ("\r\n", "\n", ""):
                break
            name, _, value = header.partition(":")
            headers[name.strip().lower()] = value.strip()
        body = stream.read(int(headers.get("content-length") or 0))
        fault = self.server.faults._next()
        return Seen(method, path, headers, body, time.monotonic(), fault)

    def _act(self, connection: socket.socket, fault: Fault) -> bool:
        """Carry out `fault`; whether the connection may serve another request."""
        if fault.kind == "reset":
            # Linger 0: closing sends RST instead of FIN.
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if fault.kind == "stall":
            time.sleep(fault.seconds)
            return False
        headers = {"Content-Length": str(len(fault.body)), **fault.headers}
        head = f"HTTP/1.1 {fault.status} Status\r\n" + "".join(
            f"{name}: {value}\r\n" for name, value in headers.items()
        )
        connection.sendall(head.encode("latin-1") + b"\r\n" + fault.body)
        return fault.kind == "reply"


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, faults: FaultServer) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.faults = faults


@contextmanager
def fault_server(default: Fault | None = None) -> Iterator[FaultServer]:
    faults = FaultServer(default or reply(200, {}))
    server = _TCPServer(faults)
    faults.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
    thread.daemon = True
    thread.start()
    try:
        yield faults
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port_url() -> str:
    """An address where nothing listens: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
