"""Webhook deliveries: the mock POSTs a signed event to a URL as each project moves.

Each delivery is signed as the API signs it (`magic_hour.core.webhooks.sign`), with a fresh
timestamp at each attempt, and sent by one worker thread: deliveries of a project go out in
the order its events happened; one that fails (no answer, or not 2xx) is tried again after
0.1 s, doubling up to 5 s, until `retry_seconds` after its first attempt, then given up.
A failing delivery holds back only the later events of its own project.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import logging
import threading
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any, Mapping, Optional

import httpx

from magic_hour.core.webhooks import sign

logger = logging.getLogger("magic_hour_mock")

# The variable the command line reads the secret from, as the client does: a secret on a
# command line is visible to every user of the machine.
SECRET_VARIABLE = "MAGIC_HOUR_WEBHOOK_SECRET"
DEFAULT_RETRY_SECONDS = 60.0  # the API retries for 24 hours; a test suite cannot wait that long
FIRST_BACKOFF = 0.1
LONGEST_BACKOFF = 5.0
SEND_TIMEOUT = 5.0  # per attempt: a slow receiver is a failed attempt, not a stuck mock
PENDING, DELIVERED, GIVEN_UP = "pending", "delivered", "given_up"


@dataclass(frozen=True)
class WebhookDelivery:
    """An event the mock sent (or is sending): `state` is pending, delivered or given_up."""

    id: int  # in the order the events happened
    type: str  # `video.completed`
    project_id: str
    body: bytes = dataclasses.field(repr=False)  # the exact bytes sent, and signed
    headers: Mapping[str, str]  # of the latest attempt: the signature and its timestamp
    attempts: int = 0
    statuses: tuple[Optional[int], ...] = ()  # each attempt's answer; None: no answer
    state: str = PENDING

    def json(self) -> Any:
        """The event, parsed: `{"type": ..., "payload": <the project>}`."""
        return json.loads(self.body)


def check_options(url: Optional[str], secret: Optional[str], retry_seconds: float) -> Optional[str]:
    """The URL, checked with the secret and retry time; ValueError names a bad option (never
    showing the secret, nor the URL, which may hold a token)."""
    if url is None:
        return None
    scheme = urllib.parse.urlsplit(url).scheme if isinstance(url, str) else None
    if scheme not in ("http", "https") or not urllib.parse.urlsplit(url).netloc:
        raise ValueError("webhook_url: expected an http:// or https:// URL")
    if not isinstance(secret, str) or not secret:
        raise ValueError("webhook_secret: a non-empty string is required with webhook_url")
    if (
        isinstance(retry_seconds, bool)
        or not isinstance(retry_seconds, (int, float))
        or not 0 <= retry_seconds < float("inf")
    ):
        raise ValueError(
            f"webhook_retry_seconds: expected a number of seconds >= 0, got {retry_seconds!r}"
        )
    return url


class Deliverer:
    """Queues events and delivers them from a worker thread, between start() and stop()."""

    def __init__(self, url: str, secret: str, retry_seconds: float) -> None:
        self.url = url
        self._secret = secret
        self.retry_seconds = float(retry_seconds)
        self._ids = itertools.count(1)
        self._changed = threading.Condition()
        self._records: dict[int, WebhookDelivery] = {}
        # Per project, its deliveries not yet delivered or given up, oldest first; and when
        # the oldest may be tried (monotonic clock), and when it was first tried.
        self._queues: dict[str, list[int]] = {}
        self._due: dict[int, float] = {}
        self._first_try: dict[int, float] = {}
        self._stopping = False
        self._thread: Optional[threading.Thread] = None

    def __repr__(self) -> str:
        return "Deliverer()"  # never the secret, nor the URL

    def add(self, type_: str, project_id: str, event: Mapping[str, Any]) -> None:
        """Queue an event (called under the store's lock: no I/O here)."""
        body = json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        with self._changed:
            delivery = WebhookDelivery(next(self._ids), type_, project_id, body, {})
            self._records[delivery.id] = delivery
            self._queues.setdefault(project_id, []).append(delivery.id)
            self._due.setdefault(delivery.id, time.monotonic())
            self._changed.notify_all()

    def deliveries(self) -> list[WebhookDelivery]:
        with self._changed:
            return sorted(self._records.values(), key=lambda d: d.id)

    def reset(self) -> None:
        """Forget every delivery, sent or not."""
        with self._changed:
            self._records.clear()
            self._queues.clear()
            self._due.clear()
            self._first_try.clear()

    def wait(self, count: int, timeout: float) -> list[WebhookDelivery]:
        """The deliveries once `count` of them are delivered or given up, or after `timeout`
        seconds, whichever comes first."""
        with self._changed:
            self._changed.wait_for(
                lambda: sum(d.state != PENDING for d in self._records.values()) >= count,
                timeout,
            )
        return self.deliveries()

    def start(self) -> None:
        with self._changed:
            self._stopping = False
        self._thread = threading.Thread(target=self._work, name="magic-hour-mock-webhooks")
        self._thread.daemon = True  # a receiver that never answers must not keep Python alive
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        """Stop sending; waits at most `timeout` seconds for an attempt under way."""
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _next(self) -> Optional[int]:
        """The delivery to try now, waiting until one is due; None once stopping."""
        with self._changed:
            while not self._stopping:
                heads = [queue[0] for queue in self._queues.values() if queue]
                if not heads:
                    self._changed.wait()
                    continue
                chosen = min(heads, key=lambda i: (self._due[i], i))
                delay = self._due[chosen] - time.monotonic()
                if delay <= 0:
                    return chosen
                self._changed.wait(delay)
            return None

    def _work(self) -> None:
        with httpx.Client(timeout=SEND_TIMEOUT) as client:
            while True:
                chosen = self._next()
                if chosen is None:
                    return
                with self._changed:
                    delivery = self._records.get(chosen)
                if delivery is None:
                    continue  # forgotten by a reset meanwhile
                headers = {"Content-Type": "application/json", **sign(delivery.body, self._secret)}
                status: Optional[int] = None
                try:
                    status = client.post(
                        self.url, content=delivery.body, headers=headers
                    ).status_code
                except httpx.HTTPError as exc:
                    logger.info("webhook %s: no answer (%s)", delivery.type, type(exc).__name__)
                self._settle(delivery, headers, status)

    def _settle(
        self, delivery: WebhookDelivery, headers: Mapping[str, str], status: Optional[int]
    ) -> None:
        now = time.monotonic()
        with self._changed:
            if delivery.id not in self._records:
                return  # forgotten by a reset while it was being sent
            first = self._first_try.setdefault(delivery.id, now)
            attempts = delivery.attempts + 1
            ok = status is not None and 200 <= status < 300
            delay = min(FIRST_BACKOFF * 2 ** (attempts - 1), LONGEST_BACKOFF)
            state = DELIVERED if ok else PENDING
            if not ok and now + delay > first + self.retry_seconds:
                state = GIVEN_UP
            self._records[delivery.id] = dataclasses.replace(
                delivery,
                headers=dict(headers),
                attempts=attempts,
                statuses=(*delivery.statuses, status),
                state=state,
            )
            if state == PENDING:
                self._due[delivery.id] = now + delay
            else:
                queue = self._queues[delivery.project_id]
                queue.remove(delivery.id)
                if not queue:
                    del self._queues[delivery.project_id]
                del self._due[delivery.id]
                self._first_try.pop(delivery.id, None)
            self._changed.notify_all()
        logger.info(
            "webhook %s for %s: %s (attempt %d%s)",
            delivery.type,
            delivery.project_id,
            status if status is not None else "no answer",
            attempts,
            ", given up" if state == GIVEN_UP else "",
        )
