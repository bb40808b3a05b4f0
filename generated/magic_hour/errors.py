"""Every exception the client raises derives from `MagicHourError`.

`APIStatusError` and its subclasses (one per error status the API documents) carry the
status, the parsed error body, the response headers and the request's method and path. The
base classes come from the runtime (`magic_hour.core.errors`); the subclasses are the spec's.
"""

from __future__ import annotations

import typing

from magic_hour.core.errors import (
    APIConnectionError,
    APIResponseError,
    APIStatusError,
    APITimeoutError,
    DownloadError,
    GenerationError,
    GenerationInterrupted,
    GenerationTimeoutError,
    InvalidSignatureError,
    MagicHourError,
    MalformedWebhookError,
    MissingHeaderError,
    RequestValidationError,
    TimestampOutsideToleranceError,
    UploadError,
    WebhookVerificationError,
    describe_body,
)

# The published SDK's name for the base of every error status.
ApiError = APIStatusError

__all__ = [
    "APIConnectionError",
    "ApiError",
    "APIResponseError",
    "APIStatusError",
    "APITimeoutError",
    "DownloadError",
    "GenerationError",
    "GenerationInterrupted",
    "GenerationTimeoutError",
    "InvalidSignatureError",
    "MagicHourError",
    "MalformedWebhookError",
    "MissingHeaderError",
    "RequestValidationError",
    "TimestampOutsideToleranceError",
    "UploadError",
    "WebhookVerificationError",
    "describe_body",
    "BadRequestError",
    "UnauthorizedError",
    "PaymentRequiredError",
    "NotFoundError",
    "UnprocessableEntityError",
    "TooManyRequestsError",
    "InternalServerError",
    "error_for_status",
]


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
