"""The HTTP core shared by every resource: auth, timeouts, retries, errors, parsing.

Resources are thin: each method validates its arguments, then calls `request` here with the
method, the path template, and the pieces of the request. Sending with retries is a flow
(`core.flow`), written once: `SyncBaseClient` and `AsyncBaseClient` differ only in how they
perform its actions.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import typing
import urllib.parse

import httpx
import pydantic
import typing_extensions

from magic_hour.core import flow, redaction, retry, validation
from magic_hour.core.errors import (
    APIConnectionError,
    APIResponseError,
    APIStatusError,
    APITimeoutError,
    RequestValidationError,
)
from magic_hour.core.request_options import (
    RequestOptions,
    header_problems,
    option_problems,
    timeout_problems,
)
from magic_hour.core.responses import Expected

logger = logging.getLogger("magic_hour")

T = typing.TypeVar("T")
HttpxClientT = typing.TypeVar("HttpxClientT", httpx.Client, httpx.AsyncClient)
# How a request carries the API key: (where, name) pairs; `bearer` is `Authorization: Bearer`.
Auth = typing.Tuple[typing.Tuple[str, str], ...]
BEARER: Auth = (("bearer", "Authorization"),)
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
# How much of a file an upload reads at a time.
UPLOAD_CHUNK_SIZE = 1024 * 1024
# The exception class for an error status; the generated client passes the spec's own.
ErrorForStatus = typing.Callable[[int], typing.Type[APIStatusError]]
# Request bodies as JSON, compact; one encoder for all (json.dumps with options makes one a call).
_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
# Said when a request failed after the server may have acted on it, unless the client passes
# the API's own words (which can say where to look for what was created).
MAY_HAVE_ACTED = "the server may have acted on the request before failing, so it was not sent again"


def any_status_error(status: int) -> typing.Type[APIStatusError]:
    """The default `error_for_status`: one class for every error status."""
    return APIStatusError


class RequestParts(typing_extensions.TypedDict, total=False):
    """What `request` takes besides the method, the path and the expected responses."""

    path_params: typing.Mapping[str, typing.Any]
    query: typing.Mapping[str, typing.Any]
    headers: typing.Mapping[str, typing.Any]
    json_body: typing.Mapping[str, typing.Any]
    auth: Auth
    request_options: typing.Optional[RequestOptions]


class Transmit(flow.Action):
    """Send `request` once; the answer is the response, or the httpx error is thrown in."""

    def __init__(self, request: httpx.Request, stream: bool) -> None:
        self.request = request
        self.stream = stream


class BaseClient(typing.Generic[HttpxClientT]):
    """What the sync and async clients share: everything but performing a flow's actions."""

    def __init__(
        self,
        *,
        token: str,
        base_url: str,
        timeout: typing.Union[float, httpx.Timeout],
        max_retries: int,
        httpx_client: typing.Optional[HttpxClientT],
        error_for_status: ErrorForStatus = any_status_error,
        may_have_acted: str = MAY_HAVE_ACTED,
        unreachable_hint: typing.Optional[str] = None,
    ) -> None:
        problems = timeout_problems("timeout", timeout)
        if problems:
            raise RequestValidationError(problems)
        self._token = token
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = retry.checked_max_retries(max_retries, "max_retries")
        self._owns_client = httpx_client is None
        self._httpx_client: typing.Optional[HttpxClientT] = httpx_client
        self._creating = threading.Lock()
        self._error_for_status = error_for_status
        self._may_have_acted = may_have_acted
        self._unreachable_hint = unreachable_hint  # said when nothing answers at base_url

    def __repr__(self) -> str:
        # The token is left out on purpose: reprs end up in logs and tracebacks.
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    @property
    def httpx_client(self) -> HttpxClientT:
        # Made on first use, not in the constructor: an httpx client loads the system's CA
        # certificates (about 40 ms), which a program that builds a Client and never sends
        # anything should not pay. The lock keeps threads sharing a sync client to one pool.
        if self._httpx_client is None:
            with self._creating:
                if self._httpx_client is None:
                    self._httpx_client = self._new_httpx_client()
        return self._httpx_client

    def max_retries_for(self, request_options: typing.Optional[RequestOptions]) -> int:
        """How many times a failed attempt may be retried: per call if it says, else the client's."""
        if request_options is None or "max_retries" not in request_options:
            return self.max_retries
        return retry.checked_max_retries(
            request_options["max_retries"], "request_options.max_retries"
        )

    def storage_request(
        self,
        method: str,
        url: str,
        *,
        file: typing.Optional[str] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> httpx.Request:
        """A request to a storage URL the API handed out: it is signed, so no API key goes.

        With `file`, the file is the body, read in chunks as it is sent.
        """
        headers: typing.Dict[str, str] = {}
        content: typing.Union[typing.Iterator[bytes], typing.AsyncIterator[bytes], None] = None
        if file is not None:
            headers["Content-Length"] = str(os.path.getsize(file))
            content = self._file_chunks(file)
        timeout = (request_options or {}).get("timeout", self.timeout)
        return self.httpx_client.build_request(
            method, url, headers=headers, content=content, timeout=timeout
        )

    def send_flow(
        self, build: typing.Callable[[], httpx.Request], *, max_retries: int, stream: bool = False
    ) -> flow.Flow[httpx.Response]:
        """The final response to `build()`'s request after the retries the policy allows.

        `build` is called for each attempt, so a streamed body starts over every time.
        With `stream`, the caller reads and closes the response.
        """
        attempt = 0
        while True:
            request = build()
            if logger.isEnabledFor(logging.DEBUG):  # spares every call reading the URL's path
                logger.debug("%s %s (attempt %d)", request.method, request.url.path, attempt + 1)
            try:
                response: httpx.Response = yield Transmit(request, stream)
            except httpx.TransportError as error:
                wait = self._retry_wait(request, None, error, attempt, max_retries)
                if wait is None:
                    text = self._reason(error)
                    # The chained error would print what was scrubbed from this one.
                    hidden = redaction.scrub(text, self._token) != text
                    raise self._transport_error(request, error) from (None if hidden else error)
            else:
                wait = self._retry_wait(request, response, None, attempt, max_retries)
                if wait is None:
                    return response
                yield flow.Close(response)
            logger.debug("retrying %s %s in %.2fs", request.method, request.url.path, wait)
            yield flow.Sleep(wait)
            attempt += 1

    def _request_flow(
        self, method: str, path: str, expected: Expected[T], parts: RequestParts
    ) -> flow.Flow[T]:
        request = self._build_request(method, path, parts)
        max_retries = self.max_retries_for(parts.get("request_options"))
        response = yield from self.send_flow(lambda: request, max_retries=max_retries)
        return self._result(request, response, expected)

    def _build_request(self, method: str, path: str, parts: RequestParts) -> httpx.Request:
        options = parts.get("request_options") or {}
        headers = {k: _header_value(v) for k, v in (parts.get("headers") or {}).items()}
        # Most calls pass no options and no headers: nothing to check then.
        problems = option_problems(options) if options else []
        if headers:
            problems += header_problems("header", headers)
        for values in (parts.get("path_params"), parts.get("query")):
            if values:
                problems += validation.unencodable(values)
        content = None
        json_body = parts.get("json_body")
        if json_body is not None:
            try:
                content = _JSON.encode(json_body).encode("utf-8")
            except UnicodeEncodeError as error:
                # A lone surrogate somewhere: the slower walk names the fields that hold one.
                problems += validation.unencodable(json_body) or [f"body: {error}"]
        if problems:
            raise RequestValidationError(problems)
        url = self.base_url + _fill_path(path, parts.get("path_params") or {})
        credentials: typing.Dict[str, str] = {}
        query_credentials: typing.Dict[str, str] = {}
        for where, name in parts.get("auth", BEARER):
            if where == "query":
                query_credentials[name] = self._token
            else:
                credentials[name] = f"Bearer {self._token}" if where == "bearer" else self._token
        all_headers = {
            **credentials,
            "Accept": "application/json",
            **headers,
            **options.get("additional_headers", {}),
        }
        if content is not None:
            all_headers["Content-Type"] = "application/json"
        timeout = options.get("timeout", self.timeout)
        pairs = _query_params({**(parts.get("query") or {}), **query_credentials})
        return self.httpx_client.build_request(
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

    def _retry_wait(
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

    def _result(self, request: httpx.Request, response: httpx.Response, expected: Expected[T]) -> T:
        if not response.is_success:
            raise self._status_error(request, response)
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
                # A success status: a create was acted on, whatever its body says.
                note=self._may_have_acted if request.method in retry.UNSAFE_METHODS else None,
            ) from error

    def _status_error(self, request: httpx.Request, response: httpx.Response) -> APIStatusError:
        try:
            body: typing.Any = response.json()
        except ValueError:
            body = response.text
        error_class = self._error_for_status(response.status_code)
        acted = request.method in retry.UNSAFE_METHODS and not retry.retries_status(
            request.method, response.status_code
        )
        return error_class(
            status_code=response.status_code,
            body=body,
            headers=response.headers,
            method=request.method,
            path=request.url.path,
            note=self._may_have_acted if acted and response.status_code >= 500 else None,
        )

    def _transport_error(
        self, request: httpx.Request, error: httpx.TransportError
    ) -> APIConnectionError:
        reason = redaction.scrub(self._reason(error), self._token)
        sent = not isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout))
        if sent and request.method in retry.UNSAFE_METHODS:
            reason += f"; {self._may_have_acted}"
        if isinstance(error, httpx.ConnectError) and self._unreachable_hint:
            reason += f"; {self._unreachable_hint}"
        if isinstance(error, httpx.TimeoutException):
            return APITimeoutError(method=request.method, path=request.url.path, reason=reason)
        return APIConnectionError(method=request.method, path=request.url.path, reason=reason)

    @staticmethod
    def _reason(error: Exception) -> str:
        return str(error) or type(error).__name__

    def _new_httpx_client(self) -> HttpxClientT:
        raise NotImplementedError

    def _file_chunks(
        self, path: str
    ) -> typing.Union[typing.Iterator[bytes], typing.AsyncIterator[bytes]]:
        raise NotImplementedError


class SyncBaseClient(BaseClient[httpx.Client]):
    """The blocking client: a flow's actions are done as they come."""

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
        **parts: typing_extensions.Unpack[RequestParts],
    ) -> T:
        """The API's answer to a request, read as `expected` says, or the error it amounts to."""
        return flow.run_sync(self._request_flow(method, path, expected, parts), self.perform)

    def perform(self, action: flow.Action) -> typing.Any:
        """Do one action of a flow: send, read, close or sleep."""
        if isinstance(action, Transmit):
            return self.httpx_client.send(action.request, stream=action.stream)
        if isinstance(action, flow.ReadBody):
            for chunk in action.response.iter_raw():
                action.save(chunk)
        elif isinstance(action, flow.Close):
            action.response.close()
        elif isinstance(action, flow.Sleep):
            time.sleep(action.seconds)
        else:
            raise TypeError(f"no way to perform {action!r}")
        return None

    def _new_httpx_client(self) -> httpx.Client:
        return httpx.Client()

    def _file_chunks(self, path: str) -> typing.Iterator[bytes]:
        with open(path, "rb") as file:
            while chunk := file.read(UPLOAD_CHUNK_SIZE):
                yield chunk


class AsyncBaseClient(BaseClient[httpx.AsyncClient]):
    """The asyncio client: a flow's actions are awaited."""

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
        **parts: typing_extensions.Unpack[RequestParts],
    ) -> T:
        """The API's answer to a request, read as `expected` says, or the error it amounts to."""
        return await flow.run_async(self._request_flow(method, path, expected, parts), self.perform)

    async def perform(self, action: flow.Action) -> typing.Any:
        """Do one action of a flow: send, read, close or sleep."""
        if isinstance(action, Transmit):
            return await self.httpx_client.send(action.request, stream=action.stream)
        if isinstance(action, flow.ReadBody):
            async for chunk in action.response.aiter_raw():
                action.save(chunk)
        elif isinstance(action, flow.Close):
            await action.response.aclose()
        elif isinstance(action, flow.Sleep):
            # Imported here, not at the top: asyncio takes longer to import (about 13 ms) than
            # the rest of this module, and only a wait of the async client needs it.
            import asyncio

            await asyncio.sleep(action.seconds)
        else:
            raise TypeError(f"no way to perform {action!r}")
        return None

    def _new_httpx_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient()

    async def _file_chunks(self, path: str) -> typing.AsyncIterator[bytes]:
        with open(path, "rb") as file:
            while chunk := file.read(UPLOAD_CHUNK_SIZE):
                yield chunk


def _fill_path(template: str, values: typing.Mapping[str, typing.Any]) -> str:
    """`/v1/image-projects/{id}` with each `{name}` replaced by its value, percent-encoded."""
    path = template
    for name, value in values.items():
        text = _header_value(value)
        if not text:
            # Left empty, the path would name the collection, another endpoint.
            raise RequestValidationError([f"{name}: must not be empty (it is part of the path)"])
        segment = urllib.parse.quote(text, safe="")
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
