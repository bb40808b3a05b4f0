"""What `generate` does around `create`: upload local assets, wait for the project, download.

`SyncWorkflow` and `AsyncWorkflow` run the same steps; only sending, sleeping and the
concurrency of uploads and downloads differ. Each generated `generate` method builds one per
call; building it checks the workflow's own arguments, so that a bad one stops `generate`
before anything is sent.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import time
import typing
from datetime import datetime, timezone

import httpx
import pydantic

from magic_hour.core import assets, downloads, polling, retry
from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient
from magic_hour.core.request_options import RequestOptions
from magic_hour.errors import (
    DownloadError,
    GenerationInterrupted,
    GenerationTimeoutError,
    MagicHourError,
    RequestValidationError,
    UploadError,
)

logger = logging.getLogger("magic_hour")

ResultT = typing.TypeVar("ResultT", bound=pydantic.BaseModel)
Body = typing.Dict[str, typing.Any]
T = typing.TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Progress:
    """What `generate` tells its `on_progress` callback.

    Sent when the project's status changes and as each chunk of an output is saved.
    `total_bytes` is the sum of the sizes of the outputs whose download has started, or
    None while a size is unknown.
    """

    project_id: str
    status: str
    downloaded_bytes: int = 0
    total_bytes: typing.Optional[int] = None


ProgressCallback = typing.Callable[[Progress], None]


class _Reporter:
    """Keeps the counts; builds a `Progress` only when someone listens."""

    def __init__(self, project_id: str, callback: typing.Optional[ProgressCallback]) -> None:
        self._project_id = project_id
        self._callback = callback
        self._status = ""
        self._downloaded = 0
        self._done: typing.Dict[int, int] = {}  # bytes saved, per output
        self._sizes: typing.Dict[int, typing.Optional[int]] = {}  # announced size, per output

    def status(self, status: str) -> None:
        if status != self._status:
            logger.debug("project %s is %s", self._project_id, status)
            self._status = status
            self._report()

    def start(self, index: int, size: typing.Optional[int]) -> None:
        """Output `index` starts downloading, or starts over."""
        self._downloaded -= self._done.get(index, 0)
        self._done[index] = 0
        self._sizes[index] = size

    def advance(self, index: int, count: int) -> None:
        self._done[index] += count
        self._downloaded += count
        self._report()

    def _report(self) -> None:
        if self._callback is not None:
            sizes = list(self._sizes.values())
            total = None if None in sizes else sum(typing.cast(typing.List[int], sizes))
            self._callback(Progress(self._project_id, self._status, self._downloaded, total))


class _Refused(Exception):
    """A storage URL answered 4xx: most likely it has expired."""

    def __init__(self, status_code: int) -> None:
        self.status_code = status_code

    def final(self, project_id: str, url: str) -> DownloadError:
        """The error to raise when no fresh URL is left to try."""
        reason = f"storage answered {self.status_code}, also for a fresh URL"
        return _download_error(project_id, url, reason, self.status_code)


class _Cut(Exception):
    """The connection failed while the body was arriving; the download may start over."""

    def __init__(self, error: httpx.TransportError) -> None:
        self.error = error


class _Common:
    def __init__(
        self,
        *,
        kind: str,
        get_project: typing.Callable[..., typing.Any],
        create_upload_urls: typing.Optional[typing.Callable[..., typing.Any]],
        wait_for_completion: bool,
        download_outputs: bool,
        download_directory: typing.Union[str, "os.PathLike[str]", None],
        wait_timeout: typing.Optional[float],
        poll_interval: typing.Optional[float],
        on_progress: typing.Optional[ProgressCallback],
        request_options: typing.Optional[RequestOptions],
    ) -> None:
        self._kind = kind
        self._get_project = get_project
        self._create_upload_urls = create_upload_urls
        self._wait_for_completion = wait_for_completion
        self._download_outputs = wait_for_completion and download_outputs
        self._directory = os.fspath(download_directory or ".")
        self._wait_timeout = (
            polling.default_wait_timeout(kind) if wait_timeout is None else wait_timeout
        )
        self._poll_interval = poll_interval
        self._on_progress = on_progress
        self._request_options = request_options
        problems = []
        if poll_interval is not None and not poll_interval > 0:
            problems.append(f"poll_interval: must be more than 0, not {poll_interval!r}")
        if not self._wait_timeout >= 0:
            problems.append(f"wait_timeout: must be 0 or more, not {wait_timeout!r}")
        if self._download_outputs:
            problems += _directory_problems(self._directory)
        if problems:
            raise RequestValidationError(problems)

    def _upload_items(self, local: typing.Sequence[assets.LocalAsset]) -> typing.List[Body]:
        if self._create_upload_urls is None:
            raise MagicHourError("this API has no upload operation for local files")
        return [{"type": a.asset_type, "extension": a.extension} for a in local]


def _directory_problems(directory: str) -> typing.List[str]:
    """Why outputs could not be saved under `directory`, found before a project is created."""
    existing = os.path.abspath(directory)
    while not os.path.exists(existing) and os.path.dirname(existing) != existing:
        existing = os.path.dirname(existing)
    if not os.path.isdir(existing):
        return [f"download_directory: {existing!r} is not a directory"]
    if not os.access(existing, os.W_OK | os.X_OK):
        return [f"download_directory: {existing!r} is not writable"]
    return []


def _make_directory(directory: str, project_id: str) -> None:
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as error:
        raise DownloadError(project_id=project_id, url="", reason=str(error)) from error


def _upload_file_paths(
    local: typing.Sequence[assets.LocalAsset], answer: typing.Any
) -> typing.List[typing.Tuple[str, str]]:
    """(upload URL, storage path) for each local file, in order; the counts must agree."""
    items = list(answer.items)
    if len(items) != len(local):
        raise UploadError(
            file=local[0].file,
            reason=f"asked for {len(local)} upload URLs, the API gave {len(items)}",
        )
    return [(item.upload_url, item.file_path) for item in items]


def _expired(download: typing.Any) -> bool:
    expires_at = getattr(download, "expires_at", None)
    if isinstance(expires_at, str):
        try:
            expires_at = datetime.fromisoformat(expires_at.replace("Z", "+00:00"))
        except ValueError:
            return False
    if not isinstance(expires_at, datetime):
        return False
    if expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=timezone.utc)
    return expires_at <= datetime.now(timezone.utc)


def _result(
    result_type: typing.Type[ResultT],
    project: pydantic.BaseModel,
    downloaded_paths: typing.Optional[typing.List[str]],
) -> ResultT:
    return result_type.model_validate(
        {**project.model_dump(by_alias=True), "downloaded_paths": downloaded_paths}
    )


def _with_project_id(error: MagicHourError, project_id: str) -> MagicHourError:
    error.project_id = project_id
    if hasattr(error, "add_note"):  # Python 3.11+: tracebacks show it too.
        error.add_note(f"project id: {project_id}")
    return error


def _reason(error: MagicHourError) -> str:
    # A connection error's own message names the URL's path, which may hold a token.
    return str(getattr(error, "reason", None) or error)


def _content_length(response: httpx.Response) -> typing.Optional[int]:
    value = response.headers.get("content-length")
    return int(value) if value and value.isdigit() else None


def _check_complete(response: httpx.Response, written: int) -> None:
    """A body shorter than announced is a cut connection, even if no error said so."""
    expected = _content_length(response)
    if (
        expected is not None
        and not response.headers.get("content-encoding")
        and written != expected
    ):
        message = f"connection closed after {written} of {expected} bytes"
        raise _Cut(httpx.RemoteProtocolError(message))


def _check_status(response: httpx.Response, project_id: str, url: str) -> None:
    if 400 <= response.status_code < 500:
        raise _Refused(response.status_code)
    if not response.is_success:
        status = response.status_code
        raise _download_error(project_id, url, f"storage answered {status}", status)


def _download_error(
    project_id: str, url: str, reason: str, status_code: typing.Optional[int] = None
) -> DownloadError:
    return DownloadError(
        project_id=project_id,
        url=downloads.strip_query(url),
        reason=reason,
        status_code=status_code,
    )


def _read_chunks(path: str) -> typing.Iterator[bytes]:
    with open(path, "rb") as file:
        while chunk := file.read(downloads.CHUNK_SIZE):
            yield chunk


async def _aread_chunks(path: str) -> typing.AsyncIterator[bytes]:
    with open(path, "rb") as file:
        while chunk := file.read(downloads.CHUNK_SIZE):
            yield chunk


async def _all_or_none(awaitables: typing.Iterable[typing.Awaitable[T]]) -> typing.List[T]:
    """Await all; if one fails, cancel the rest and wait for them to finish.

    Waiting lets each cancelled transfer remove its temporary file before the error goes up.
    """
    tasks = [asyncio.ensure_future(a) for a in awaitables]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


class SyncWorkflow(_Common):
    def __init__(self, base_client: SyncBaseClient, **settings: typing.Any) -> None:
        super().__init__(**settings)
        self._base = base_client
        self._max_retries = base_client._max_retries(self._request_options)
        self._fresh: typing.Optional[typing.List[typing.Any]] = None  # downloads, refetched

    def upload_assets(
        self, body: typing.Mapping[str, typing.Any], fields: typing.Sequence[assets.AssetField]
    ) -> Body:
        """`body` with every local file uploaded and replaced by its storage path."""
        local = assets.local_assets(body, fields)
        if not local:
            return dict(body)
        items = self._upload_items(local)
        assert self._create_upload_urls is not None
        answer = self._create_upload_urls(items=items, request_options=self._request_options)
        targets = _upload_file_paths(local, answer)
        for asset, (url, _) in zip(local, targets):
            self._upload(asset.file, url)
        return assets.with_uploads(body, local, [file_path for _, file_path in targets])

    def _upload(self, file: str, url: str) -> None:
        size = os.path.getsize(file)

        def build() -> httpx.Request:
            return self._base._transfer_request(
                self._base.httpx_client,
                "PUT",
                url,
                headers={"Content-Length": str(size)},
                content=_read_chunks(file),
                request_options=self._request_options,
            )

        try:
            response = self._base.send(build, max_retries=self._max_retries)
        except MagicHourError as error:
            raise UploadError(file=file, reason=_reason(error)) from error
        response.close()
        if not response.is_success:
            raise UploadError(file=file, reason=f"storage answered {response.status_code}")

    def finish(self, project_id: str, result_type: typing.Type[ResultT]) -> ResultT:
        """The project, waited for and its outputs downloaded as asked."""
        reporter = _Reporter(project_id, self._on_progress)
        try:
            if not self._wait_for_completion:
                return _result(result_type, self._get(project_id), None)
            project = self._poll(project_id, reporter)
            paths = None
            if self._download_outputs and project.status == "complete" and project.downloads:
                paths = self._download_all(project, reporter)
            return _result(result_type, project, paths)
        except MagicHourError as error:
            raise _with_project_id(error, project_id)

    def _get(self, project_id: str) -> typing.Any:
        return self._get_project(id=project_id, request_options=self._request_options)

    def _poll(self, project_id: str, reporter: _Reporter) -> typing.Any:
        deadline = time.monotonic() + self._wait_timeout
        waits = polling.intervals(self._kind, self._poll_interval)
        status: typing.Optional[str] = None
        try:
            while True:
                project = self._get(project_id)
                status = str(project.status)
                reporter.status(status)
                if status in polling.TERMINAL_STATUSES:
                    return project
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise GenerationTimeoutError(
                        project_id=project_id, status=status, timeout=self._wait_timeout
                    )
                time.sleep(min(next(waits), remaining))
        except KeyboardInterrupt as interrupt:
            raise GenerationInterrupted(project_id=project_id, status=status) from interrupt

    def _download_all(self, project: typing.Any, reporter: _Reporter) -> typing.List[str]:
        _make_directory(self._directory, project.id)
        items = list(project.downloads)
        if any(_expired(item) for item in items):
            items = self._fresh_items(project.id)
        saved: typing.List[str] = []
        try:
            for index in range(len(items)):
                current = self._fresh if self._fresh is not None else items
                fresh = current is self._fresh
                saved.append(self._download_one(project.id, index, current, reporter, fresh=fresh))
        except DownloadError as error:
            error.downloaded_paths = list(saved)
            raise
        return saved

    def _fresh_items(self, project_id: str) -> typing.List[typing.Any]:
        if self._fresh is None:
            self._fresh = list(self._get(project_id).downloads)
        return self._fresh

    def _download_one(
        self,
        project_id: str,
        index: int,
        items: typing.List[typing.Any],
        reporter: _Reporter,
        *,
        fresh: bool,
    ) -> str:
        """Download output `index`; a refused URL is replaced by a fresh one, once.

        `fresh` says whether `items` already comes from refetching the project. A connection
        cut mid-body starts the download over, as many times as the retry policy allows.
        """
        url = items[index].url
        attempt = 0
        while True:
            try:
                return self._download_to_file(project_id, index, url, reporter)
            except _Refused as refused:
                latest = None if fresh else self._fresh_items(project_id)
                if latest is None or index >= len(latest):
                    raise refused.final(project_id, url) from None
                logger.debug("download URL refused (%d): using a fresh one", refused.status_code)
                url, fresh = latest[index].url, True
            except _Cut as cut:
                if attempt >= self._max_retries:
                    raise _download_error(project_id, url, str(cut.error)) from cut.error
                logger.debug("download cut (%s): starting over", cut.error)
                time.sleep(retry.delay(attempt, None))
                attempt += 1

    def _download_to_file(self, project_id: str, index: int, url: str, reporter: _Reporter) -> str:
        def build() -> httpx.Request:
            return self._base._transfer_request(
                self._base.httpx_client, "GET", url, request_options=self._request_options
            )

        try:
            response = self._base.send(build, max_retries=self._max_retries, stream=True)
        except MagicHourError as error:
            raise _download_error(project_id, url, _reason(error)) from error
        try:
            _check_status(response, project_id, url)
            name = downloads.file_name(
                url, f"{project_id}-{index}", response.headers.get("content-type")
            )
            temporary = downloads.temporary_path(self._directory, name)
            try:
                written = 0
                with downloads.open_temporary(temporary) as out:
                    reporter.start(index, _content_length(response))
                    for chunk in response.iter_bytes():
                        out.write(chunk)
                        written += len(chunk)
                        reporter.advance(index, len(chunk))
                _check_complete(response, written)
                return downloads.place(temporary, self._directory, name)
            finally:
                downloads.remove(temporary)
        except httpx.TransportError as error:
            raise _Cut(error) from error
        except (httpx.HTTPError, OSError) as error:
            raise _download_error(project_id, url, str(error)) from error
        finally:
            response.close()


class AsyncWorkflow(_Common):
    def __init__(self, base_client: AsyncBaseClient, **settings: typing.Any) -> None:
        super().__init__(**settings)
        self._base = base_client
        self._max_retries = base_client._max_retries(self._request_options)
        self._fresh: typing.Optional["asyncio.Future[typing.List[typing.Any]]"] = None

    async def upload_assets(
        self, body: typing.Mapping[str, typing.Any], fields: typing.Sequence[assets.AssetField]
    ) -> Body:
        """`body` with every local file uploaded and replaced by its storage path."""
        local = assets.local_assets(body, fields)
        if not local:
            return dict(body)
        items = self._upload_items(local)
        assert self._create_upload_urls is not None
        answer = await self._create_upload_urls(items=items, request_options=self._request_options)
        targets = _upload_file_paths(local, answer)
        await _all_or_none(self._upload(asset.file, url) for asset, (url, _) in zip(local, targets))
        return assets.with_uploads(body, local, [file_path for _, file_path in targets])

    async def _upload(self, file: str, url: str) -> None:
        size = os.path.getsize(file)

        def build() -> httpx.Request:
            return self._base._transfer_request(
                self._base.httpx_client,
                "PUT",
                url,
                headers={"Content-Length": str(size)},
                content=_aread_chunks(file),
                request_options=self._request_options,
            )

        try:
            response = await self._base.send(build, max_retries=self._max_retries)
        except MagicHourError as error:
            raise UploadError(file=file, reason=_reason(error)) from error
        await response.aclose()
        if not response.is_success:
            raise UploadError(file=file, reason=f"storage answered {response.status_code}")

    async def finish(self, project_id: str, result_type: typing.Type[ResultT]) -> ResultT:
        """The project, waited for and its outputs downloaded as asked."""
        reporter = _Reporter(project_id, self._on_progress)
        try:
            if not self._wait_for_completion:
                return _result(result_type, await self._get(project_id), None)
            project = await self._poll(project_id, reporter)
            paths = None
            if self._download_outputs and project.status == "complete" and project.downloads:
                paths = await self._download_all(project, reporter)
            return _result(result_type, project, paths)
        except MagicHourError as error:
            raise _with_project_id(error, project_id)

    async def _get(self, project_id: str) -> typing.Any:
        return await self._get_project(id=project_id, request_options=self._request_options)

    async def _poll(self, project_id: str, reporter: _Reporter) -> typing.Any:
        deadline = time.monotonic() + self._wait_timeout
        waits = polling.intervals(self._kind, self._poll_interval)
        status: typing.Optional[str] = None
        try:
            while True:
                project = await self._get(project_id)
                status = str(project.status)
                reporter.status(status)
                if status in polling.TERMINAL_STATUSES:
                    return project
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise GenerationTimeoutError(
                        project_id=project_id, status=status, timeout=self._wait_timeout
                    )
                await asyncio.sleep(min(next(waits), remaining))
        except asyncio.CancelledError as cancelled:
            # Cancellation must stay a CancelledError; the note keeps the id in the traceback.
            if hasattr(cancelled, "add_note"):
                cancelled.add_note(f"project id: {project_id} (last status {status!r})")
            raise

    async def _download_all(self, project: typing.Any, reporter: _Reporter) -> typing.List[str]:
        _make_directory(self._directory, project.id)
        items, fresh = list(project.downloads), False
        if any(_expired(item) for item in items):
            items, fresh = await self._fresh_items(project.id), True
        saved: typing.Dict[int, str] = {}

        async def one(index: int) -> None:
            saved[index] = await self._download_one(project.id, index, items, reporter, fresh=fresh)

        try:
            await _all_or_none(one(index) for index in range(len(items)))
        except BaseException as error:
            if self._fresh is not None and not self._fresh.done():
                self._fresh.cancel()  # A refetch nobody waits for any more.
                await asyncio.gather(self._fresh, return_exceptions=True)
            if isinstance(error, DownloadError):
                error.downloaded_paths = [saved[i] for i in sorted(saved)]
            raise
        return [saved[index] for index in range(len(items))]

    async def _fresh_items(self, project_id: str) -> typing.List[typing.Any]:
        # Concurrent downloads that find their URL refused share one refetch of the project.
        if self._fresh is None:

            async def refetch() -> typing.List[typing.Any]:
                return list((await self._get(project_id)).downloads)

            self._fresh = asyncio.ensure_future(refetch())
        return await asyncio.shield(self._fresh)

    async def _download_one(
        self,
        project_id: str,
        index: int,
        items: typing.List[typing.Any],
        reporter: _Reporter,
        *,
        fresh: bool,
    ) -> str:
        """Download output `index`; a refused URL is replaced by a fresh one, once.

        `fresh` says whether `items` already comes from refetching the project. A connection
        cut mid-body starts the download over, as many times as the retry policy allows.
        """
        url = items[index].url
        attempt = 0
        while True:
            try:
                return await self._download_to_file(project_id, index, url, reporter)
            except _Refused as refused:
                latest = None if fresh else await self._fresh_items(project_id)
                if latest is None or index >= len(latest):
                    raise refused.final(project_id, url) from None
                logger.debug("download URL refused (%d): using a fresh one", refused.status_code)
                url, fresh = latest[index].url, True
            except _Cut as cut:
                if attempt >= self._max_retries:
                    raise _download_error(project_id, url, str(cut.error)) from cut.error
                logger.debug("download cut (%s): starting over", cut.error)
                await asyncio.sleep(retry.delay(attempt, None))
                attempt += 1

    async def _download_to_file(
        self, project_id: str, index: int, url: str, reporter: _Reporter
    ) -> str:
        def build() -> httpx.Request:
            return self._base._transfer_request(
                self._base.httpx_client, "GET", url, request_options=self._request_options
            )

        try:
            response = await self._base.send(build, max_retries=self._max_retries, stream=True)
        except MagicHourError as error:
            raise _download_error(project_id, url, _reason(error)) from error
        try:
            _check_status(response, project_id, url)
            name = downloads.file_name(
                url, f"{project_id}-{index}", response.headers.get("content-type")
            )
            temporary = downloads.temporary_path(self._directory, name)
            try:
                written = 0
                with downloads.open_temporary(temporary) as out:
                    reporter.start(index, _content_length(response))
                    async for chunk in response.aiter_bytes():
                        out.write(chunk)
                        written += len(chunk)
                        reporter.advance(index, len(chunk))
                _check_complete(response, written)
                return downloads.place(temporary, self._directory, name)
            finally:
                downloads.remove(temporary)
        except httpx.TransportError as error:
            raise _Cut(error) from error
        except (httpx.HTTPError, OSError) as error:
            raise _download_error(project_id, url, str(error)) from error
        finally:
            await response.aclose()
