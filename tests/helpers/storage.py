"""A loopback server that plays the API for one image project and its storage, serving the
project's one output the way a test asks, over real sockets.

    with storage_server("gzip-cut") as server:
        Client(token="key", base_url=server.url).v1.ai_gif_generator.generate(...)

The create (`POST /v1/ai-gif-generator`) gives `PROJECT_ID`; the getter says it is complete,
with one download at `/storage/PROJECT_ID/output.gif`, served as `mode` says:

- `whole`: the `OUTPUT` bytes, with a Content-Length.
- `gzip`: `OUTPUT` gzip-compressed as two members, one after the other (a valid gzip body), with
  no Content-Length: the body ends when the connection closes.
- `gzip-cut`: `OUTPUT` gzip-compressed, no Content-Length, the connection closed after half the
  compressed bytes.
- `trickle`: a Content-Length of `len(OUTPUT)`, then one byte every half second.
- `slow`: a Content-Length of 100 MB, then 4 KiB every 20 ms: a download under way for as long
  as a test needs one.

Every loop is bounded: a body is sent for at most `MAX_SENDING` seconds (then the connection
closes), a client that hangs up stops it, and every socket read times out.
"""

from __future__ import annotations

import gzip
import json
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PROJECT_ID = "proj-download-faults"
OUTPUT = random.Random(16).randbytes(200_000)
MAX_SENDING = 20.0
SLOW_SIZE = 100_000_000
MODES = ("whole", "gzip", "gzip-cut", "trickle", "slow")


@dataclass
class StorageServer:
    url: str
    mode: str
    downloads_started: int = 0
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _record(self, request: str) -> None:
        with self.lock:
            self.requests.append(request)
            if request.startswith("GET /storage/"):
                self.downloads_started += 1


def project(url: str) -> dict[str, Any]:
    return {
        "id": PROJECT_ID,
        "name": None,
        "status": "complete",
        "image_count": 1,
        "type": "AI_GIF",
        "created_at": "2024-01-01T00:00:00Z",
        "enabled": True,
        "credits_charged": 0,
        "downloads": [
            {
                "url": f"{url}/storage/{PROJECT_ID}/output.gif?auth-token=secret",
                "expires_at": "2099-01-01T00:00:00Z",
            }
        ],
        "error": None,
    }


@contextmanager
def storage_server(mode: str) -> Iterator[StorageServer]:
    assert mode in MODES, mode
    state = StorageServer(url="", mode=mode)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True
        timeout = 5.0

        def do_POST(self) -> None:
            self._api()

        def do_GET(self) -> None:
            if self.path.startswith("/storage/"):
                state._record(f"GET {self.path}")
                self._download()
            else:
                self._api()

        def _api(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            state._record(f"{self.command} {self.path}")
            if self.command == "POST" and self.path == "/v1/ai-gif-generator":
                body = {"id": PROJECT_ID, "credits_charged": 0}
            elif self.command == "GET" and self.path == f"/v1/image-projects/{PROJECT_ID}":
                body = project(state.url)
            else:
                self.send_error(404)
                return
            payload = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def _download(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "image/gif")
            if mode == "whole":
                self.send_header("Content-Length", str(len(OUTPUT)))
                self.end_headers()
                self.wfile.write(OUTPUT)
                return
            self.close_connection = True
            if mode in ("gzip", "gzip-cut"):
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Connection", "close")
                self.end_headers()
                half = len(OUTPUT) // 2
                if mode == "gzip":
                    self.wfile.write(gzip.compress(OUTPUT[:half]) + gzip.compress(OUTPUT[half:]))
                else:
                    compressed = gzip.compress(OUTPUT)
                    self.wfile.write(compressed[: len(compressed) // 2])
                return
            size, piece, pause = (
                (len(OUTPUT), 1, 0.5) if mode == "trickle" else (SLOW_SIZE, 4096, 0.02)
            )
            self.send_header("Content-Length", str(size))
            self.end_headers()
            stop = time.monotonic() + MAX_SENDING
            sent = 0
            try:
                while sent < size and time.monotonic() < stop:
                    start = sent % len(OUTPUT)
                    self.wfile.write(OUTPUT[start : start + piece])
                    self.wfile.flush()
                    sent += piece
                    time.sleep(pause)
            except OSError:
                pass  # the client hung up

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
    )
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
