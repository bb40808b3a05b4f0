"""Webhook signatures: how a delivery is signed, and the check that it was.

A delivery carries two headers: the time it was signed (seconds since the epoch) and the hex
HMAC-SHA256, keyed with the webhook secret, of `<timestamp>.<raw body>`. The mock server signs
with `sign`; a receiver checks with `verify_signature`, or with `Webhooks.unwrap`, which also
parses the event (the client's `client.webhooks`).

No message, attribute or `repr` here ever holds the secret or the signature it gives.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
import re
import time
import typing

from magic_hour.core.errors import (
    InvalidSignatureError,
    MagicHourError,
    MalformedWebhookError,
    MissingHeaderError,
    TimestampOutsideToleranceError,
)

SIGNATURE_HEADER = "magic-hour-event-signature"
TIMESTAMP_HEADER = "magic-hour-event-timestamp"
# Where the client looks for the secret when a call does not pass it.
SECRET_VARIABLE = "MAGIC_HOUR_WEBHOOK_SECRET"
# Five minutes, as the webhook reference recommends.
DEFAULT_TOLERANCE = 300.0

# What `sign` writes: whole seconds. At most 19 digits (a 64-bit count), so that it converts to
# a float for the tolerance check without overflow.
_TIMESTAMP = re.compile(r"-?[0-9]{1,19}")

Body = typing.Union[bytes, bytearray, memoryview, str]
# A mapping (dict, httpx.Headers, Flask's, Django's, aiohttp's, http.server's headers) or a list
# of (name, value) pairs (an ASGI scope's, whose names and values are bytes).
Headers = typing.Union[
    typing.Mapping[typing.Any, typing.Any], typing.Iterable[typing.Tuple[typing.Any, typing.Any]]
]
EventT = typing.TypeVar("EventT")


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


def verify_signature(
    body: Body,
    headers: Headers,
    *,
    secret: str,
    tolerance: float = DEFAULT_TOLERANCE,
    now: typing.Optional[float] = None,
) -> None:
    """Check that `body` (the raw body, as received) was signed with `secret`, at a time within
    `tolerance` seconds of `now` (the current time if None), past or future.

    Raises `MissingHeaderError`, `InvalidSignatureError` or `TimestampOutsideToleranceError`,
    all `WebhookVerificationError`s.
    """
    checked_secret(secret, "secret")
    limit = _checked_tolerance(tolerance)
    raw = _raw_body(body)
    given = _header(headers, SIGNATURE_HEADER)
    stamp = _header(headers, TIMESTAMP_HEADER)
    # The signature first: until it matches, the timestamp is anybody's, and a forged delivery
    # is told only that its signature is wrong. `sign` writes ASCII digits only, so a timestamp
    # that is not ASCII was not signed.
    expected = signature(secret, stamp, raw) if stamp.isascii() else ""
    # compare_digest takes ASCII strings only; a signature header that is not ASCII is not hex.
    if not (expected and given.isascii() and hmac.compare_digest(expected, given)):
        raise InvalidSignatureError(
            f"the {SIGNATURE_HEADER} header does not match the body: the delivery was not signed"
            " with this secret, or its body or timestamp was changed (pass the raw body, as"
            " received, not parsed JSON)"
        )
    if not _TIMESTAMP.fullmatch(stamp):
        raise MalformedWebhookError(
            f"the {TIMESTAMP_HEADER} header is not a whole number of seconds since the epoch"
        )
    signed_at = int(stamp)
    skew = signed_at - (time.time() if now is None else now)
    if abs(skew) > limit:
        raise TimestampOutsideToleranceError(timestamp=signed_at, skew=float(skew), tolerance=limit)


def parse_event(body: Body) -> typing.Dict[str, typing.Any]:
    """The JSON object of a delivery's body, which must name its event's `type`."""
    try:
        data = json.loads(_raw_body(body))
    except (UnicodeDecodeError, ValueError) as error:
        # Neither message holds the body's text: position and reason only.
        raise MalformedWebhookError(f"the webhook body is not JSON: {error}") from None
    if not isinstance(data, dict):
        raise MalformedWebhookError(
            f"the webhook body is not a JSON object but {type(data).__name__}"
        )
    if not isinstance(data.get("type"), str):
        raise MalformedWebhookError("the webhook body has no `type` string naming its event")
    return data


def checked_secret(secret: typing.Any, source: str) -> str:
    """`secret`, refused if it is not a non-empty string; `source` names where it came from
    (the `secret` argument or the environment variable). The message never shows it."""
    if not isinstance(secret, str):
        raise TypeError(f"{source}: the webhook secret must be a str, not {type(secret).__name__}")
    if not secret:
        raise MagicHourError(
            f"{source} is empty: the webhook secret is needed to check a delivery"
            f" (pass secret=... or set {SECRET_VARIABLE})"
        )
    return secret


class Webhooks(typing.Generic[EventT]):
    """`client.webhooks`: check and parse the deliveries of the API's webhooks.

    Every method takes the secret from its `secret` argument, or else from the
    `MAGIC_HOUR_WEBHOOK_SECRET` environment variable. `parse` turns an event's JSON object into
    what `unwrap` returns (the dict itself by default).
    """

    @typing.overload
    def __init__(self: Webhooks[typing.Dict[str, typing.Any]]) -> None: ...

    @typing.overload
    def __init__(self, parse: typing.Callable[[typing.Dict[str, typing.Any]], EventT]) -> None: ...

    def __init__(
        self,
        parse: typing.Optional[typing.Callable[[typing.Dict[str, typing.Any]], typing.Any]] = None,
    ) -> None:
        self._parse = parse or (lambda data: data)

    def verify_signature(
        self,
        body: Body,
        headers: Headers,
        *,
        secret: typing.Optional[str] = None,
        tolerance: float = DEFAULT_TOLERANCE,
    ) -> None:
        """Check that `body` (the raw body, bytes or str, as received) and its `headers` (any
        mapping, or a list of pairs; names in any case) were signed with the secret, within
        `tolerance` seconds of now. Raises a `WebhookVerificationError` if not."""
        verify_signature(body, headers, secret=_secret(secret), tolerance=tolerance)

    def unwrap(
        self,
        body: Body,
        headers: Headers,
        *,
        secret: typing.Optional[str] = None,
        tolerance: float = DEFAULT_TOLERANCE,
    ) -> EventT:
        """The event of a delivery, after `verify_signature` passed; a body that is not a JSON
        object naming its `type`, or a known event's that its model refuses, raises
        `MalformedWebhookError`."""
        verify_signature(body, headers, secret=_secret(secret), tolerance=tolerance)
        data = parse_event(body)
        try:
            return typing.cast(EventT, self._parse(data))
        except ValueError as error:  # pydantic's ValidationError among them
            # Its first line only: the rest quotes the body's values.
            first = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise MalformedWebhookError(
                f"the webhook body is not a {data['type']!r} event as its model says: {first}"
            ) from None

    def sign(
        self,
        body: typing.Union[bytes, str],
        *,
        secret: typing.Optional[str] = None,
        timestamp: typing.Optional[int] = None,
    ) -> typing.Dict[str, str]:
        """The headers the API would send with `body`, signed with the secret at `timestamp`
        (now if None): for testing a webhook receiver."""
        return sign(body, _secret(secret), timestamp)

    def __repr__(self) -> str:
        return "Webhooks()"


def _secret(secret: typing.Optional[str]) -> str:
    if secret is not None:
        return checked_secret(secret, "secret")
    from_environment = os.environ.get(SECRET_VARIABLE)
    if from_environment is None:
        raise MagicHourError(f"no webhook secret: pass secret=... or set {SECRET_VARIABLE}")
    return checked_secret(from_environment, SECRET_VARIABLE)


def _checked_tolerance(tolerance: typing.Any) -> float:
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)):
        raise TypeError(f"tolerance: expected seconds, not {type(tolerance).__name__}")
    if math.isnan(tolerance) or tolerance < 0:
        raise ValueError(f"tolerance: expected seconds >= 0, got {tolerance!r}")
    return float(tolerance)


def _raw_body(body: typing.Any) -> bytes:
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    # Parsed JSON is the usual mistake: its bytes are not the ones that were signed.
    raise TypeError(
        f"body: expected the raw body as bytes or str, not {type(body).__name__}"
        " (a parsed body cannot be checked: its bytes are not the ones that were signed)"
    )


def _text(value: typing.Any) -> str:
    # An ASGI scope's headers are bytes; HTTP header text is Latin-1.
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")
    return str(value)


def _header(headers: typing.Any, name: str) -> str:
    """The value of header `name`, whatever the case of the names in `headers`.

    Every mapping is read through `.items()`: a plain dict's `get` is case-sensitive, and the
    case-insensitive ones (httpx, Werkzeug, Django, aiohttp, email.message) all list theirs.
    """
    if isinstance(headers, (str, bytes)):
        pairs: typing.Any = None
    elif hasattr(headers, "items"):
        pairs = headers.items()
    else:
        pairs = headers
    try:
        for pair in pairs:
            key, value = pair
            if _text(key).lower() == name:
                return _text(value)
    except (TypeError, ValueError):
        raise TypeError(
            "headers: expected a mapping or a list of (name, value) pairs,"
            f" not {type(headers).__name__}"
        ) from None
    raise MissingHeaderError(header=name)
