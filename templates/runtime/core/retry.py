"""When a failed attempt may be tried again, and how long to wait first.

`POST` creates a project and charges credits, and the API takes no idempotency key, so it is
retried only where the server cannot have acted on it: the connection was never made, or the
server said 429 or 503 before doing anything. Everything else is retried on connection
failures, timeouts, 408, 429 and 5xx.
"""

from __future__ import annotations

import email.utils
import random
import time
import typing

import httpx

from magic_hour.core.errors import RequestValidationError

BASE_DELAY = 0.5
MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
UNSAFE_METHODS = frozenset({"POST", "PATCH"})


def checked_max_retries(value: object, name: str) -> int:
    """`value` as a number of retries, refused (naming `name`) before anything is sent.

    Checked up front because the policy reads it only after the first answer: a create
    would already have been sent, and charged.
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RequestValidationError([f"{name}: must be an int, 0 or more, not {value!r}"])
    return value


def retries_status(method: str, status: int) -> bool:
    if method.upper() in UNSAFE_METHODS:
        return status in (429, 503)
    return status in (408, 429) or 500 <= status <= 599


def retries_error(method: str, error: Exception) -> bool:
    if isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout)):
        return True
    if method.upper() in UNSAFE_METHODS:
        return False
    return isinstance(
        error, (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
    )


def delay(attempt: int, retry_after: typing.Optional[str]) -> float:
    """Seconds before retry number `attempt + 1`: the server's Retry-After, else full jitter."""
    asked = _retry_after_seconds(retry_after)
    if asked is not None:
        return min(asked, MAX_RETRY_AFTER)
    return random.uniform(0, min(MAX_DELAY, BASE_DELAY * 2**attempt))


def _retry_after_seconds(value: typing.Optional[str]) -> typing.Optional[float]:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
