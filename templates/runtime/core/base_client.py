"""The HTTP core shared by every resource: auth, timeouts, retries, errors, parsing.

Resources are thin: each method validates its arguments, then calls `request` here with the
method, the path template, and the pieces of the request.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import typing
import urllib.parse

import httpx
import pydantic

from magic_hour.core import retry
from magic_hour.core.request_options import RequestOptions
from magic_hour.core.responses import Expected
from magic_hour.errors import (
    APIConnectionError,
    APIResponseError,
    APIStatusError,
    APITimeoutError,
    error_for_status,
)

logger = logging.getLogger("magic_hour")

T = typing.TypeVar("T")
# How a request carries the API key: (where, name) pairs; `bearer` is `Authorization: Bearer`.
Auth = typing.Tuple[typing.Tuple[str, str], ...]
BEARER: Auth = (("bearer", "Authorization"),)
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
# Said when a create failed after the server may have acted on it: retrying could charge twice.
MAY_HAVE_ACTED = (
    "the server may have created the project (and charged credits) before failing, so it was not"
    " sent again: look for it in your library (https://magichour.ai/my-library) or with the"
    " project's get before sending it again"
)


class _Common:
    """What the sync and async clients share: everything but sending and sleeping."""

    def __init__(
        self,
        *,
        token: str,
        base_url: str,
        timeout: typing.Union[float, httpx.Timeout],
        max_retries: int,
    ) -> None:
        self._token = token
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries

    def __repr__(self) -> str:
        # The token is left out on purpose: reprs end up in logs and tracebacks.
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    def _build_request(
        self,
        client: typing.Union[httpx.Client, httpx.AsyncClient],
        method: str,
        path: str,
        *,
        path_params: typing.Optional[typing.Mapping[str, typing.Any]],
        query: typing.Optional[typing.Mapping[str, typing.Any]],
        headers: typing.Optional[typing.Mapping[str, typing.Any]],
        json_body: typing.Optional[typing.Mapping[str, typing.Any]],
        auth: Auth,
        request_options: typing.Optional[RequestOptions],
    ) -> httpx.Request:
        options = request_options or {}
        url = self.base_url + _fill_path(path, path_params or {})
        credentials: typing.Dict[str, str] = {}
        query_credentials: typing.Dict[str, str] = {}
        for where, name in auth:
            if where == "query":
                query_credentials[name] = self._token
            else:
                credentials[name] = f"Bearer {self._token}" if where == "bearer" else self._token
        all_headers = {
            **credentials,
            "Accept": "application/json",
            **{k: _header_value(v) for k, v in (headers or {}).items()},
            **options.get("additional_headers", {}),
        }
        content = None
        if json_body is not None:
            all_headers["Content-Type"] = "application/json"
            content = json.dumps(json_body, separators=(",", ":"), ensure_ascii=False).encode(
                "utf-8"
            )
        timeout = options.get("timeout", self.timeout)
        pairs = _query_params({**(query or {}), **query_credentials})
        return client.build_request(
            method,
            url,
            # None rather than an empty list: httpx merges even no params into the URL, parsing
            # it again (about 35 µs a call, a tenth of a loopback round trip).
            params=pairs or None,
            # As UTF-8 bytes: httpx would refuse a value that is not ASCII with a UnicodeEncodeError.
            headers=[(k.encode("utf-8"), v.encode("utf-8")) for k, v in all_headers.items()],
            content=content,
            timeout=timeout,
        )

    def _transfer_request(
        self,
        client: typing.Union[httpx.Client, httpx.AsyncClient],
        method: str,
        url: str,
        *,
        headers: typing.Optional[typing.Mapping[str, str]] = None,
        content: typing.Any = None,
        request_options: typing.Optional[RequestOptions],
    ) -> httpx.Request:
        """A request to a storage URL the API handed out: it is signed, so no API key goes."""
        timeout = (request_options or {}).get("timeout", self.timeout)
        return client.build_request(method, url, headers=headers, content=content, timeout=timeout)

    def _max_retries(self, request_options: typing.Optional[RequestOptions]) -> int:
        return (request_options or {}).get("max_retries", self.max_retries)

    def _outcome(
        self,
        request: httpx.Request,
        response: typing.Optional[httpx.Response],
        error: typing.Optional[Exception],
        attempt: int,
        max_retries: int,
    ) -> typing.Optional[float]:
        """Seconds to wait before retrying, or None when the outcome is final."""
        if attempt >= max_retries:
            return None
        if response is not None:
            if not retry.retries_status(request.method, response.status_code):
                return None
            return retry.delay(attempt, response.headers.get("Retry-After"))
        if error is not None and retry.retries_error(request.method, error):
            return retry.delay(attempt, None)
        return None

    def _result(
        self,
        request: httpx.Request,
        response: httpx.Response,
        expected: Expected[T],
    ) -> T:
        if not response.is_success:
            raise _status_error(request, response)
        try:
            return expected.read(response)
        except (ValueError, pydantic.ValidationError) as error:
            raise APIResponseError(
                status_code=response.status_code,
                body=response.text,
                headers=response.headers,
                method=request.method,
                path=request.url.path,
                reason=_unreadable(error),
            ) from error


class SyncBaseClient(_Common):
    def __init__(
        self,
        *,
        token: str,
        base_url: str,
        timeout: typing.Union[float, httpx.Timeout],
        max_retries: int,
        httpx_client: typing.Optional[httpx.Client],
    ) -> None:
        super().__init__(token=token, base_url=base_url, timeout=timeout, max_retries=max_retries)
        self._owns_client = httpx_client is None
        self._httpx_client = httpx_client
        self._creating = threading.Lock()

    @property
    def httpx_client(self) -> httpx.Client:
        # Made on first use, not in the constructor: an httpx client loads the system's CA
        # certificates (about 40 ms), which a program that builds a Client and never sends
        # anything should not pay. The lock keeps threads sharing a client to one pool.
        if self._httpx_client is None:
            with self._creating:
                if self._httpx_client is None:
                    self._httpx_client = httpx.Client()
        return self._httpx_client

    def close(self) -> None:
        """Close the connections, unless the httpx client was the caller's own."""
        if self._owns_client and self._httpx_client is not None:
            self._httpx_client.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        expected: Expected[T],
        path_params: typing.Optional[typing.Mapping[str, typing.Any]] = None,
        query: typing.Optional[typing.Mapping[str, typing.Any]] = None,
        headers: typing.Optional[typing.Mapping[str, typing.Any]] = None,
        json_body: typing.Optional[typing.Mapping[str, typing.Any]] = None,
        auth: Auth = BEARER,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> T:
        request = self._build_request(
            self.httpx_client,
            method,
            path,
            path_params=path_params,
            query=query,
            headers=headers,
            json_body=json_body,
            auth=auth,
            request_options=request_options,
        )
        response = self.send(lambda: request, max_retries=self._max_retries(request_options))
        return self._result(request, response, expected)

    def send(
        self,
        build: typing.Callable[[], httpx.Request],
        *,
        max_retries: int,
        stream: bool = False,
    ) -> httpx.Response:
        """The final response to `build()`'s request after the retries the policy allows.

        `build` is called for each attempt, so a streamed body starts over every time.
        With `stream`, the caller reads and closes the response.
        """
        attempt = 0
        while True:
            request = build()
            logger.debug("%s %s (attempt %d)", request.method, request.url.path, attempt + 1)
            try:
                response = self.httpx_client.send(request, stream=stream)
            except httpx.TransportError as exc:
                wait = self._outcome(request, None, exc, attempt, max_retries)
                if wait is None:
                    raise _transport_error(request, exc) from exc
            else:
                wait = self._outcome(request, response, None, attempt, max_retries)
                if wait is None:
                    return response
                response.close()
            logger.debug("retrying %s %s in %.2fs", request.method, request.url.path, wait)
            time.sleep(wait)
            attempt += 1


class AsyncBaseClient(_Common):
    def __init__(
        self,
        *,
        token: str,
        base_url: str,
        timeout: typing.Union[float, httpx.Timeout],
        max_retries: int,
        httpx_client: typing.Optional[httpx.AsyncClient],
    ) -> None:
        super().__init__(token=token, base_url=base_url, timeout=timeout, max_retries=max_retries)
        self._owns_client = httpx_client is None
        self._httpx_client = httpx_client

    @property
    def httpx_client(self) -> httpx.AsyncClient:
        # Made on first use, as in SyncBaseClient; no lock: nothing awaits in between.
        if self._httpx_client is None:
            self._httpx_client = httpx.AsyncClient()
        return self._httpx_client

    async def close(self) -> None:
        """Close the connections, unless the httpx client was the caller's own."""
        if self._owns_client and self._httpx_client is not None:
            await self._httpx_client.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        expected: Expected[T],
        path_params: typing.Optional[typing.Mapping[str, typing.Any]] = None,
        query: typing.Optional[typing.Mapping[str, typing.Any]] = None,
        headers: typing.Optional[typing.Mapping[str, typing.Any]] = None,
        json_body: typing.Optional[typing.Mapping[str, typing.Any]] = None,
        auth: Auth = BEARER,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> T:
        request = self._build_request(
            self.httpx_client,
            method,
            path,
            path_params=path_params,
            query=query,
            headers=headers,
            json_body=json_body,
            auth=auth,
            request_options=request_options,
        )
        response = await self.send(lambda: request, max_retries=self._max_retries(request_options))
        return self._result(request, response, expected)

    async def send(
        self,
        build: typing.Callable[[], httpx.Request],
        *,
        max_retries: int,
        stream: bool = False,
    ) -> httpx.Response:
        """The final response to `build()`'s request after the retries the policy allows.

        `build` is called for each attempt, so a streamed body starts over every time.
        With `stream`, the caller reads and closes the response.
        """
        attempt = 0
        while True:
            request = build()
            logger.debug("%s %s (attempt %d)", request.method, request.url.path, attempt + 1)
            try:
                response = await self.httpx_client.send(request, stream=stream)
            except httpx.TransportError as exc:
                wait = self._outcome(request, None, exc, attempt, max_retries)
                if wait is None:
                    raise _transport_error(request, exc) from exc
            else:
                wait = self._outcome(request, response, None, attempt, max_retries)
                if wait is None:
                    return response
                await response.aclose()
            logger.debug("retrying %s %s in %.2fs", request.method, request.url.path, wait)
            # Imported here, not at the top: asyncio takes longer to import (about 13 ms) than
            # the rest of this module, and only a retry of the async client needs it.
            import asyncio

            await asyncio.sleep(wait)
            attempt += 1


def _fill_path(template: str, values: typing.Mapping[str, typing.Any]) -> str:
    """`/v1/image-projects/{id}` with each `{name}` replaced by its value, percent-encoded."""
    path = template
    for name, value in values.items():
        segment = urllib.parse.quote(_header_value(value), safe="")
        if segment in (".", ".."):
            # Left as is, URL normalisation would drop it and call another endpoint.
            segment = segment.replace(".", "%2E")
        path = path.replace("{" + name + "}", segment)
    return path


QueryValue = typing.Union[str, int, float, bool, None]


def _query_params(
    query: typing.Mapping[str, typing.Any],
) -> typing.List[typing.Tuple[str, QueryValue]]:
    pairs: typing.List[typing.Tuple[str, QueryValue]] = []
    for name, value in query.items():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            pairs.append((name, _header_value(item)))
    return pairs


def _header_value(value: typing.Any) -> str:
    """A path or header value as the spec's `simple` style writes it: lists comma-separated."""
    if isinstance(value, (list, tuple)):
        return ",".join(_header_value(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _unreadable(error: Exception) -> str:
    """Why a success body is not what the spec says, in one line: the first problem and where."""
    if not isinstance(error, pydantic.ValidationError):
        return str(error).splitlines()[0]
    problems = error.errors()
    where = ".".join(str(step) for step in problems[0]["loc"])
    reason = f"{where}: {problems[0]['msg']}" if where else problems[0]["msg"]
    return reason + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")


def _status_error(request: httpx.Request, response: httpx.Response) -> APIStatusError:
    try:
        body: typing.Any = response.json()
    except ValueError:
        body = response.text
    error_class = error_for_status(response.status_code)
    acted = request.method in retry.UNSAFE_METHODS and not retry.retries_status(
        request.method, response.status_code
    )
    return error_class(
        status_code=response.status_code,
        body=body,
        headers=response.headers,
        method=request.method,
        path=request.url.path,
        note=MAY_HAVE_ACTED if acted and response.status_code >= 500 else None,
    )


def _transport_error(request: httpx.Request, exc: httpx.TransportError) -> APIConnectionError:
    reason = str(exc) or type(exc).__name__
    sent = not isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout))
    if sent and request.method in retry.UNSAFE_METHODS:
        reason += f"; {MAY_HAVE_ACTED}"
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(method=request.method, path=request.url.path, reason=reason)
    return APIConnectionError(method=request.method, path=request.url.path, reason=reason)
