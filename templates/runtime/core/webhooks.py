"""Webhook signatures: how a delivery is signed, and the check that it was.

A delivery carries two headers: the time it was signed (seconds since the epoch) and the hex
HMAC-SHA256, keyed with the webhook secret, of `<timestamp>.<raw body>`. The API's conventions
(the header names) are passed in by the generated client; the mock server signs with `sign`.
"""

from __future__ import annotations

import hashlib
import hmac
import time
import typing

SIGNATURE_HEADER = "magic-hour-event-signature"
TIMESTAMP_HEADER = "magic-hour-event-timestamp"


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The hex HMAC-SHA256 of `<timestamp>.<body>`, keyed with `secret`."""
    message = timestamp.encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def sign(
    body: typing.Union[bytes, str],
    secret: str,
    timestamp: typing.Optional[int] = None,
) -> typing.Dict[str, str]:
    """The headers of a delivery of `body` signed with `secret` at `timestamp` (now if None):
    for the mock server, and for tests of a webhook receiver."""
    raw = body.encode("utf-8") if isinstance(body, str) else body
    moment = str(int(time.time()) if timestamp is None else int(timestamp))
    return {TIMESTAMP_HEADER: moment, SIGNATURE_HEADER: signature(secret, moment, raw)}
