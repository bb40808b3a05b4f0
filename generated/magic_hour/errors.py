"""Every exception the client raises derives from `MagicHourError`.

`APIStatusError` and its subclasses (one per error status the API documents) carry the
status, the parsed error body, the response headers and the request's method and path.
"""

from __future__ import annotations

import typing

import httpx


class MagicHourError(Exception):
    """Base class of every error raised by this package."""


class RequestValidationError(MagicHourError, ValueError):
    """The request breaks the API's spec; it was not sent, so no credits were spent.

    `violations` lists every problem, each naming the field path first.
    """

    def __init__(self, violations: typing.List[str]) -> None:
        self.violations = violations
        super().__init__("invalid request: " + "; ".join(violations))


class APIConnectionError(MagicHourError):
    """The API could not be reached, or the connection failed before a response arrived."""

    def __init__(self, *, method: str, path: str, reason: str) -> None:
        self.method = method
        self.path = path
        self.reason = reason
        super().__init__(f"{method} {path} failed: {reason}")


class APITimeoutError(APIConnectionError):
    """The API did not answer within the timeout."""


class APIStatusError(MagicHourError):
    """The API answered with an error status."""

    def __init__(
        self,
        *,
        status_code: int,
        body: typing.Any,
        headers: httpx.Headers,
        method: str,
        path: str,
    ) -> None:
        self.status_code = status_code
        self.body = body
        self.headers = headers
        self.method = method
        self.path = path
        fields = body if isinstance(body, dict) else {}
        message = fields.get("message")
        self.message: typing.Optional[str] = message if isinstance(message, str) else None
        code = fields.get("code")
        self.code: typing.Optional[str] = code if isinstance(code, str) else None
        self.request_id: typing.Optional[str] = headers.get("x-request-id") or headers.get(
            "request-id"
        )
        detail = self.message or (
            body.strip()[:200] if isinstance(body, str) and body.strip() else "no details"
        )
        text = f"{status_code} on {method} {path}: {detail}"
        if self.request_id:
            text += f" (request id {self.request_id})"
        super().__init__(text)

    @property
    def status(self) -> int:
        return self.status_code


class BadRequestError(APIStatusError):
    """The API answered 400 Bad Request."""


class UnauthorizedError(APIStatusError):
    """The API answered 401 Unauthorized."""


class PaymentRequiredError(APIStatusError):
    """The API answered 402 Payment Required."""


class NotFoundError(APIStatusError):
    """The API answered 404 Not Found."""


class UnprocessableEntityError(APIStatusError):
    """The API answered 422 Unprocessable Entity."""


class TooManyRequestsError(APIStatusError):
    """The API answered 429 Too Many Requests."""


class InternalServerError(APIStatusError):
    """The API answered with a 5xx status."""


_STATUS_ERRORS: typing.Dict[int, typing.Type[APIStatusError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    402: PaymentRequiredError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: TooManyRequestsError,
}


def error_for_status(status: int) -> typing.Type[APIStatusError]:
    """The exception class for an HTTP error status."""
    if status in _STATUS_ERRORS:
        return _STATUS_ERRORS[status]
    if status >= 500:
        return InternalServerError
    return APIStatusError
