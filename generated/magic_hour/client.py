"""`Client` and `AsyncClient`: the entry points of the package."""

from __future__ import annotations

import functools
import os
import types
import typing

import httpx

from magic_hour.core.base_client import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncBaseClient,
    SyncBaseClient,
)
from magic_hour.core.errors import APIStatusError, MagicHourError
from magic_hour.core.redaction import checked_token
from magic_hour.environment import Environment, environment_url, unreachable_hint

# What a client needs is imported here; the error classes, webhooks and resources when first
# used, so that `import magic_hour` stays close to importing httpx.
if typing.TYPE_CHECKING:
    from magic_hour.core.webhooks import Webhooks
    from magic_hour.resources.v1.client import AsyncV1Client, V1Client
    from magic_hour.types.webhooks import WebhookEvent, UnknownWebhookEvent

API_KEY_VARIABLE = "MAGIC_HOUR_API_KEY"
BASE_URL_VARIABLE = "MAGIC_HOUR_BASE_URL"
# Said when a create failed after the server may have acted on it: sending it again could
# charge twice.
MAY_HAVE_ACTED = (
    "the server may have created the project (and charged credits) before failing, so it was"
    " not sent again: look for it in your library (https://magichour.ai/my-library) or with the"
    " project's get before sending it again"
)


def _token(token: typing.Optional[str]) -> str:
    source = "token" if token is not None else API_KEY_VARIABLE
    token = token if token is not None else os.environ.get(API_KEY_VARIABLE)
    if not token:
        raise MagicHourError(f"no API key: pass token=... to the client or set {API_KEY_VARIABLE}")
    return checked_token(token, source)


def _base_url(base_url: typing.Optional[str], environment: typing.Optional[Environment]) -> str:
    # What the code says comes first; the variable points code that says nothing (the docs'
    # examples, a test suite) at another server, such as the mock.
    if base_url is not None:
        return base_url
    if environment is not None:
        return environment_url(environment)
    return os.environ.get(BASE_URL_VARIABLE) or Environment.ENVIRONMENT.value


def _error_for_status(status: int) -> typing.Type[APIStatusError]:
    from magic_hour.errors import error_for_status

    return error_for_status(status)


def _webhooks() -> Webhooks[typing.Union[WebhookEvent, UnknownWebhookEvent]]:
    # Shared by both clients: checking a delivery awaits nothing.
    from magic_hour.core.webhooks import Webhooks
    from magic_hour.types.webhooks import parse_event

    return Webhooks(parse=parse_event)


class Client:
    """Synchronous client of the Magic Hour API.

    Args:
        token: the API key; defaults to the `MAGIC_HOUR_API_KEY` environment variable.
        base_url: a server to send requests to, overriding `environment`.
        environment: `Environment.ENVIRONMENT` (the API) or `Environment.MOCK_SERVER` (the mock
            server, wherever the `MAGIC_HOUR_MOCK_URL` environment variable says it runs). With
            neither, the `MAGIC_HOUR_BASE_URL` environment variable if set, else the API.
        timeout: seconds (or an `httpx.Timeout`) for each attempt of a request.
        httpx_client: an `httpx.Client` of your own; it is left open when this client closes.
        max_retries: how many times a failed attempt may be retried; 0 turns retries off.
    """

    def __init__(
        self,
        *,
        token: typing.Optional[str] = None,
        base_url: typing.Optional[str] = None,
        environment: typing.Optional[Environment] = None,
        timeout: typing.Union[float, httpx.Timeout] = DEFAULT_TIMEOUT,
        httpx_client: typing.Optional[httpx.Client] = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
    ) -> None:
        url = _base_url(base_url, environment)
        self._base_client = SyncBaseClient(
            token=_token(token),
            base_url=url,
            unreachable_hint=unreachable_hint(url),
            timeout=timeout,
            max_retries=max_retries,
            httpx_client=httpx_client,
            error_for_status=_error_for_status,
            may_have_acted=MAY_HAVE_ACTED,
        )

    @functools.cached_property
    def v1(self) -> V1Client:
        from magic_hour.resources.v1.client import V1Client

        return V1Client(base_client=self._base_client)

    @functools.cached_property
    def webhooks(self) -> Webhooks[typing.Union[WebhookEvent, UnknownWebhookEvent]]:
        """Check and parse webhook deliveries: `unwrap`, `verify_signature`, and `sign` for
        tests; the secret comes from their `secret` argument or `MAGIC_HOUR_WEBHOOK_SECRET`."""
        return _webhooks()

    def close(self) -> None:
        """Close the client's connections (not those of an httpx client you passed in)."""
        self._base_client.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: typing.Optional[typing.Type[BaseException]],
        exc: typing.Optional[BaseException],
        traceback: typing.Optional[types.TracebackType],
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Client(base_url={self._base_client.base_url!r})"


class AsyncClient:
    """Asynchronous client of the Magic Hour API; the same arguments as `Client`."""

    def __init__(
        self,
        *,
        token: typing.Optional[str] = None,
        base_url: typing.Optional[str] = None,
        environment: typing.Optional[Environment] = None,
        timeout: typing.Union[float, httpx.Timeout] = DEFAULT_TIMEOUT,
        httpx_client: typing.Optional[httpx.AsyncClient] = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
    ) -> None:
        url = _base_url(base_url, environment)
        self._base_client = AsyncBaseClient(
            token=_token(token),
            base_url=url,
            unreachable_hint=unreachable_hint(url),
            timeout=timeout,
            max_retries=max_retries,
            httpx_client=httpx_client,
            error_for_status=_error_for_status,
            may_have_acted=MAY_HAVE_ACTED,
        )

    @functools.cached_property
    def v1(self) -> AsyncV1Client:
        from magic_hour.resources.v1.client import AsyncV1Client

        return AsyncV1Client(base_client=self._base_client)

    @functools.cached_property
    def webhooks(self) -> Webhooks[typing.Union[WebhookEvent, UnknownWebhookEvent]]:
        """Check and parse webhook deliveries, as `Client.webhooks` does (no method awaits)."""
        return _webhooks()

    async def close(self) -> None:
        """Close the client's connections (not those of an httpx client you passed in)."""
        await self._base_client.close()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: typing.Optional[typing.Type[BaseException]],
        exc: typing.Optional[BaseException],
        traceback: typing.Optional[types.TracebackType],
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"AsyncClient(base_url={self._base_client.base_url!r})"
