"""The runtime every generated resource builds on (spec-independent)."""

from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient
from magic_hour.core.request_options import RequestOptions
from magic_hour.core.type_utils import NOT_GIVEN, NotGiven
from magic_hour.errors import APIStatusError as ApiError

__all__ = [
    "ApiError",
    "AsyncBaseClient",
    "NOT_GIVEN",
    "NotGiven",
    "RequestOptions",
    "SyncBaseClient",
]
