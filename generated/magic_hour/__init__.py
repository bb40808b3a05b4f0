"""Magic Hour API: a typed Python client, generated from the API's OpenAPI documents."""

from magic_hour.client import AsyncClient, Client
from magic_hour.environment import Environment
from magic_hour.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    BadRequestError,
    UnauthorizedError,
    PaymentRequiredError,
    NotFoundError,
    UnprocessableEntityError,
    TooManyRequestsError,
    InternalServerError,
    MagicHourError,
    RequestValidationError,
)

__all__ = [
    "APIConnectionError",
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
    "MagicHourError",
    "RequestValidationError",
]
