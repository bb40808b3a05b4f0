"""Magic Hour API: a typed Python client, generated from the API's OpenAPI documents."""

import logging

from magic_hour.client import AsyncClient, Client
from magic_hour.core.progress import Progress, ProgressCallback
from magic_hour.environment import Environment
from magic_hour.errors import (
    APIConnectionError,
    ApiError,
    APIResponseError,
    APIStatusError,
    APITimeoutError,
    BadRequestError,
    UnauthorizedError,
    PaymentRequiredError,
    NotFoundError,
    UnprocessableEntityError,
    TooManyRequestsError,
    InternalServerError,
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
)

# Silent unless the application configures logging: the package logs at DEBUG under its name.
logging.getLogger("magic_hour").addHandler(logging.NullHandler())

__all__ = [
    "APIConnectionError",
    "ApiError",
    "APIResponseError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "Client",
    "Environment",
    "BadRequestError",
    "UnauthorizedError",
    "PaymentRequiredError",
    "NotFoundError",
    "UnprocessableEntityError",
    "TooManyRequestsError",
    "InternalServerError",
    "DownloadError",
    "GenerationError",
    "GenerationInterrupted",
    "GenerationTimeoutError",
    "InvalidSignatureError",
    "MagicHourError",
    "MalformedWebhookError",
    "MissingHeaderError",
    "Progress",
    "ProgressCallback",
    "RequestValidationError",
    "TimestampOutsideToleranceError",
    "UploadError",
    "WebhookVerificationError",
]
