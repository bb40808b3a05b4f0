"""Magic Hour API: a typed Python client, generated from the API's OpenAPI documents."""

import importlib
import logging
import typing

from magic_hour.client import AsyncClient, Client
from magic_hour.environment import Environment

if typing.TYPE_CHECKING:
    from magic_hour.core.progress import Progress, ProgressCallback
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

# `import magic_hour` loads what a client needs and no more: the other names, and the
# submodules it used to load, are imported when first asked for.
_LAZY_SUBMODULES = ("conventions", "core", "errors")


def __getattr__(name: str) -> typing.Any:
    if name in _LAZY_SUBMODULES:
        return importlib.import_module(f"magic_hour.{name}")
    if name in ("Progress", "ProgressCallback"):
        module = "magic_hour.core.progress"
    elif name in __all__:
        module = "magic_hour.errors"
    else:
        raise AttributeError(f"module 'magic_hour' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> typing.List[str]:
    return sorted({*globals(), *__all__, *_LAZY_SUBMODULES})
