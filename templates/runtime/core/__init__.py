"""The package's internal runtime: HTTP, retries, validation, uploads, polling, downloads.

Not public API: anything here may change or go without notice. Import public names from
`magic_hour` (`from magic_hour import Client, MagicHourError, Progress`). The runtime does not
depend on the API's spec: the generated code passes in what is the API's own (its error
classes, its conventions), and nothing here imports the generated modules.
"""

from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient
from magic_hour.core.errors import APIStatusError as ApiError
from magic_hour.core.request_options import RequestOptions
from magic_hour.core.type_utils import NOT_GIVEN, NotGiven

__all__ = [
    "ApiError",
    "AsyncBaseClient",
    "NOT_GIVEN",
    "NotGiven",
    "RequestOptions",
    "SyncBaseClient",
]
