"""A webhook receiver on loopback, as a user writes one with `http.server`."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from magic_hour import Client, WebhookVerificationError


@contextmanager
def receiver(secret: str) -> Iterator[tuple[str, list[Any]]]:
    """An `http.server` webhook endpoint on loopback that unwraps each delivery with
    `client.webhooks`, as a user's would: 200 and the event kept, or 400 naming the error."""
    events: list[Any] = []
    client = Client(token="any")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                events.append(client.webhooks.unwrap(body, self.headers, secret=secret))
                status, answer = 200, b"ok"
            except WebhookVerificationError as error:
                status, answer = 400, type(error).__name__.encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hooks", events
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        client.close()
