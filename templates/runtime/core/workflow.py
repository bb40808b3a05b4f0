"""What `generate` does around `create`: upload local assets, wait for the project, download.

The steps are written once, as flows (`core.flow`): `SyncWorkflow` and `AsyncWorkflow` only
perform what they ask. The async one runs the uploads, and the downloads, at the same time;
the sync one runs them in turn. Each generated `generate` method builds one per call, with
the API's conventions; building it checks the workflow's own arguments, so that a bad one
stops `generate` before anything is sent.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import time
import typing
from datetime import datetime, timezone

import httpx
import pydantic

from magic_hour.core import assets, downloads, flow, polling, retry
from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient
from magic_hour.core.errors import (
    DownloadError,
    GenerationInterrupted,
    GenerationTimeoutError,
    MagicHourError,
    RequestValidationError,
    UploadError,
)
from magic_hour.core.progress import Progress, ProgressCallback, Reporter
from magic_hour.core.request_options import RequestOptions

__all__ = [
    "AsyncUploads",
    "AsyncWorkflow",
    "Progress",
    "ProgressCallback",
    "SyncUploads",
    "SyncWorkflow",
    "WorkflowConventions",
]

logger = logging.getLogger("magic_hour")

T = typing.TypeVar("T")
ResultT = typing.TypeVar("ResultT", bound=pydantic.BaseModel)
BaseClientT = typing.TypeVar("BaseClientT", SyncBaseClient, AsyncBaseClient)
# What the getter and the upload-URLs method return: the answer itself, or an awaitable of it.
ProjectAnswerT = typing.TypeVar("ProjectAnswerT")
UploadUrlsAnswerT = typing.TypeVar("UploadUrlsAnswerT")
Body = typing.Dict[str, typing.Any]
# The one field `upload_file` puts its file in: the asset type is the file's extension's.
_ONE_FILE = assets.AssetField(("file",), None)


class Download(typing.Protocol):
    """One output of a project, as the project getter describes it (an `expires_at` too, if
    the API says when its URL expires)."""

    @property
    def url(self) -> str: ...


class Project(typing.Protocol):
    """What the workflow reads of a project, as the project getter returns it."""

    @property
    def id(self) -> str: ...

    @property
    def status(self) -> str: ...

    def model_dump(self, *, by_alias: bool) -> typing.Dict[str, typing.Any]: ...


class UploadTarget(typing.Protocol):
    """Where to put one local file, as the upload-URLs operation answers."""

    @property
    def upload_url(self) -> str: ...

    @property
    def file_path(self) -> str: ...


class UploadUrls(typing.Protocol):
    """The upload-URLs operation's answer: a target per file asked for, in order."""

    @property
    def items(self) -> typing.Sequence[UploadTarget]: ...


class WorkflowConventions(typing.NamedTuple):
    """The API's conventions `generate` follows; the generated code passes the API's values.

    `schedule` says how often and how long to poll the kind of project `generate` creates.
    A project in one of `terminal_statuses` will not change any more; its outputs, listed in
    its `outputs` field (each with a `url`), are downloaded when it is in `complete_status`.
    `uploads` says which input-file values are local files, and which of those the API takes.
    """

    schedule: polling.Schedule
    complete_status: str
    terminal_statuses: typing.AbstractSet[str]
    outputs: str
    uploads: assets.UploadConventions


class GetProject(flow.Action):
    """Fetch the project; the answer is the getter's `Project`.

    With `shared`, the asks made while one is under way share its answer: concurrent
    downloads whose URLs were refused fetch fresh ones once.
    """

    def __init__(self, project_id: str, *, shared: bool = False) -> None:
        self.project_id = project_id
        self.shared = shared


class CreateUploadUrls(flow.Action):
    """Ask the upload-URLs operation for a target per item; the answer is its `UploadUrls`."""

    def __init__(self, items: typing.List[typing.Dict[str, str]]) -> None:
        self.items = items


class RunAll(flow.Action, typing.Generic[T]):
    """Run each flow, at the same time if the driver can; the answer is their results, in order.

    When one fails, the others are stopped (each cleaning up) before its error goes up.
    """

    def __init__(self, flows: typing.Sequence[flow.Flow[T]]) -> None:
        self.flows = flows


class _Uploads(typing.Generic[BaseClientT, UploadUrlsAnswerT]):
    """Uploading local files, as flows; a driver subclass performs what they ask."""

    def __init__(
        self,
        base_client: BaseClientT,
        uploads: assets.UploadConventions,
        *,
        create_upload_urls: typing.Optional[typing.Callable[..., UploadUrlsAnswerT]],
        request_options: typing.Optional[RequestOptions],
    ) -> None:
        self._base: BaseClientT = base_client
        self._uploads = uploads
        self._create_upload_urls: typing.Callable[..., UploadUrlsAnswerT] = (
            create_upload_urls or _no_upload_operation
        )
        self._request_options = request_options
        self._max_retries = base_client.max_retries_for(request_options)

    def _upload_assets(
        self, body: typing.Mapping[str, typing.Any], fields: typing.Sequence[assets.AssetField]
    ) -> flow.Flow[Body]:
        local = assets.local_assets(
            body,
            fields,
            storage_prefix=self._uploads.storage_prefix,
            extensions=self._uploads.extensions,
        )
        if not local:
            return dict(body)
        items = [{"type": asset.asset_type, "extension": asset.extension} for asset in local]
        answer: UploadUrls = yield CreateUploadUrls(items)
        targets = list(answer.items)
        if len(targets) != len(local):
            reason = f"asked for {len(local)} upload URLs, the API gave {len(targets)}"
            raise UploadError(file=local[0].file, reason=reason)
        yield RunAll(
            [self._upload(asset.file, target.upload_url) for asset, target in zip(local, targets)]
        )
        return assets.with_uploads(body, local, [target.file_path for target in targets])

    def _upload(self, file: str, url: str) -> flow.Flow[None]:
        build = functools.partial(
            self._base.storage_request, "PUT", url, file=file, request_options=self._request_options
        )
        try:
            response = yield from self._base.send_flow(build, max_retries=self._max_retries)
        except MagicHourError as error:
            raise UploadError(file=file, reason=_reason(error)) from error
        yield flow.Close(response)
        if not response.is_success:
            raise UploadError(file=file, reason=f"storage answered {response.status_code}")


class _Workflow(
    _Uploads[BaseClientT, UploadUrlsAnswerT],
    typing.Generic[BaseClientT, ProjectAnswerT, UploadUrlsAnswerT],
):
    """The steps of one `generate` (or `check_result`), as flows."""

    def __init__(
        self,
        base_client: BaseClientT,
        conventions: WorkflowConventions,
        *,
        get_project: typing.Callable[..., ProjectAnswerT],
        create_upload_urls: typing.Optional[typing.Callable[..., UploadUrlsAnswerT]] = None,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> None:
        _Uploads.__init__(
            self,
            base_client,
            conventions.uploads,
            create_upload_urls=create_upload_urls,
            request_options=request_options,
        )
        self._conventions = conventions
        self._get_project = get_project
        self._wait_for_completion = wait_for_completion
        self._download_outputs = wait_for_completion and download_outputs
        self._directory = os.fspath(download_directory or ".")
        self._wait_timeout = conventions.schedule.timeout if wait_timeout is None else wait_timeout
        self._poll_interval = poll_interval
        self._on_progress = on_progress
        self._fresh: typing.Optional[typing.List[Download]] = None  # download URLs, refetched
        problems = []
        if poll_interval is not None and not poll_interval > 0:
            problems.append(f"poll_interval: must be more than 0, not {poll_interval!r}")
        if not self._wait_timeout >= 0:
            problems.append(f"wait_timeout: must be 0 or more, not {wait_timeout!r}")
        if self._download_outputs:
            problems += _directory_problems(self._directory)
        if problems:
            raise RequestValidationError(problems)

    # -- waiting -------------------------------------------------------------------------------

    def _finish(self, project_id: str, result_type: typing.Type[ResultT]) -> flow.Flow[ResultT]:
        reporter = Reporter(project_id, self._on_progress)
        try:
            if not self._wait_for_completion:
                project: Project = yield GetProject(project_id)
                return _result(result_type, project, None)
            project = yield from self._poll(project_id, reporter)
            paths = None
            complete = project.status == self._conventions.complete_status
            if self._download_outputs and complete and self._outputs(project):
                paths = yield from self._download_all(project, reporter)
            return _result(result_type, project, paths)
        except MagicHourError as error:
            raise _with_project_id(error, project_id)

    def _poll(self, project_id: str, reporter: Reporter) -> flow.Flow[Project]:
        deadline = time.monotonic() + self._wait_timeout
        waits = polling.intervals(self._conventions.schedule, self._poll_interval)
        status: typing.Optional[str] = None
        try:
            while True:
                project: Project = yield GetProject(project_id)
                status = project.status
                reporter.status(status)
                if status in self._conventions.terminal_statuses:
                    if status != self._conventions.complete_status:
                        logger.warning(
                            "project %s ended %r (error code: %s)",
                            project_id,
                            status,
                            getattr(getattr(project, "error", None), "code", None),
                        )
                    return project
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise GenerationTimeoutError(
                        project_id=project_id, status=status, timeout=self._wait_timeout
                    )
                yield flow.Sleep(min(next(waits), remaining))
        except KeyboardInterrupt as interrupt:
            raise GenerationInterrupted(project_id=project_id, status=status) from interrupt
        except asyncio.CancelledError as cancelled:
            # Cancellation must stay a CancelledError; the note keeps the id in the traceback.
            if hasattr(cancelled, "add_note"):
                cancelled.add_note(f"project id: {project_id} (last status {status!r})")
            raise

    # -- downloads -----------------------------------------------------------------------------

    def _outputs(self, project: Project) -> typing.List[Download]:
        """What the project lists to download: its `downloads` (or what the API calls them)."""
        return list(getattr(project, self._conventions.outputs) or [])

    def _download_all(self, project: Project, reporter: Reporter) -> flow.Flow[typing.List[str]]:
        _make_directory(self._directory, project.id)
        items, fresh = self._outputs(project), False
        if any(_expired(item) for item in items):
            items, fresh = (yield from self._fresh_downloads(project.id)), True
        saved: typing.Dict[int, str] = {}  # filled as each download completes
        each = [
            self._download_one(project.id, index, items, reporter, saved, fresh=fresh)
            for index in range(len(items))
        ]
        try:
            paths: typing.List[str] = yield RunAll(each)
        except DownloadError as error:
            error.downloaded_paths = [saved[index] for index in sorted(saved)]
            raise
        return paths

    def _fresh_downloads(self, project_id: str) -> flow.Flow[typing.List[Download]]:
        """The project's download URLs fetched again: once, however many downloads ask."""
        if self._fresh is None:
            project: Project = yield GetProject(project_id, shared=True)
            self._fresh = self._outputs(project)
        return self._fresh

    def _download_one(
        self,
        project_id: str,
        index: int,
        items: typing.List[Download],
        reporter: Reporter,
        saved: typing.Dict[int, str],
        *,
        fresh: bool,
    ) -> flow.Flow[str]:
        """Download output `index`; a refused URL is replaced by a fresh one, once.

        `fresh` says whether `items` already comes from refetching the project. A connection
        cut mid-body starts the download over, as many times as the retry policy allows.
        """
        if self._fresh is not None:  # An earlier download found the URLs refused.
            items, fresh = self._fresh, True
        url = items[index].url
        attempt = 0
        while True:
            try:
                saved[index] = yield from self._download_to_file(project_id, index, url, reporter)
                return saved[index]
            except _Refused as refused:
                latest = None if fresh else (yield from self._fresh_downloads(project_id))
                if latest is None or index >= len(latest):
                    raise refused.final(project_id, url) from None
                logger.debug("download URL refused (%d): using a fresh one", refused.status_code)
                url, fresh = latest[index].url, True
            except _Cut as cut:
                if attempt >= self._max_retries:
                    raise _download_error(project_id, url, str(cut.error)) from cut.error
                logger.debug("download cut (%s): starting over", cut.error)
                yield flow.Sleep(retry.delay(attempt, None))
                attempt += 1

    def _download_to_file(
        self, project_id: str, index: int, url: str, reporter: Reporter
    ) -> flow.Flow[str]:
        build = functools.partial(
            self._base.storage_request, "GET", url, request_options=self._request_options
        )
        try:
            response = yield from self._base.send_flow(
                build, max_retries=self._max_retries, stream=True
            )
        except MagicHourError as error:
            raise _download_error(project_id, url, _reason(error)) from error
        try:
            _check_status(response, project_id, url)
            name = downloads.file_name(
                url, f"{project_id}-{index}", response.headers.get("content-type")
            )
            temporary = downloads.temporary_path(self._directory, name)
            try:
                with downloads.open_temporary(temporary) as out:
                    reporter.start(index, _content_length(response))
                    yield flow.ReadBody(response, _saver(out, reporter, index))
                    written = out.tell()
                _check_complete(response, written)
                return downloads.place(temporary, self._directory, name)
            finally:
                downloads.remove(temporary)
        except httpx.TransportError as error:
            raise _Cut(error) from error
        except (httpx.HTTPError, OSError) as error:
            raise _download_error(project_id, url, str(error)) from error
        finally:
            yield flow.Close(response)


class SyncUploads(_Uploads[SyncBaseClient, UploadUrls]):
    """Uploads with blocking calls, one after the other."""

    def upload_assets(
        self, body: typing.Mapping[str, typing.Any], fields: typing.Sequence[assets.AssetField]
    ) -> Body:
        """`body` with every local file uploaded and replaced by its storage path."""
        return flow.run_sync(self._upload_assets(body, fields), self._perform)

    def upload_file(self, source: assets.FileSource) -> str:
        """The storage path of `source`, uploaded (a URL or storage path as it is)."""
        with assets.as_path(source) as path:
            return self.upload_assets({"file": path}, [_ONE_FILE])["file"]  # type: ignore[no-any-return]

    def _perform(self, action: flow.Action) -> typing.Any:
        if isinstance(action, CreateUploadUrls):
            return self._create_upload_urls(
                items=action.items, request_options=self._request_options
            )
        if isinstance(action, RunAll):
            return [flow.run_sync(each, self._perform) for each in action.flows]
        return self._base.perform(action)


class SyncWorkflow(_Workflow[SyncBaseClient, Project, UploadUrls], SyncUploads):
    """The workflow with blocking calls: uploads and downloads one after the other."""

    def finish(self, project_id: str, result_type: typing.Type[ResultT]) -> ResultT:
        """The project, waited for and its outputs downloaded as asked."""
        return flow.run_sync(self._finish(project_id, result_type), self._perform)

    def _perform(self, action: flow.Action) -> typing.Any:
        if isinstance(action, GetProject):
            return self._get_project(id=action.project_id, request_options=self._request_options)
        return super()._perform(action)


class AsyncUploads(_Uploads[AsyncBaseClient, typing.Awaitable[UploadUrls]]):
    """Uploads with awaits, all at the same time."""

    async def upload_assets(
        self, body: typing.Mapping[str, typing.Any], fields: typing.Sequence[assets.AssetField]
    ) -> Body:
        """`body` with every local file uploaded and replaced by its storage path."""
        return await flow.run_async(self._upload_assets(body, fields), self._perform)

    async def upload_file(self, source: assets.FileSource) -> str:
        """The storage path of `source`, uploaded (a URL or storage path as it is)."""
        with assets.as_path(source) as path:
            uploaded = await self.upload_assets({"file": path}, [_ONE_FILE])
            return uploaded["file"]  # type: ignore[no-any-return]

    async def _perform(self, action: flow.Action) -> typing.Any:
        if isinstance(action, CreateUploadUrls):
            return await self._create_upload_urls(
                items=action.items, request_options=self._request_options
            )
        if isinstance(action, RunAll):
            return await _all_or_none(flow.run_async(each, self._perform) for each in action.flows)
        return await self._base.perform(action)


class AsyncWorkflow(
    _Workflow[AsyncBaseClient, typing.Awaitable[Project], typing.Awaitable[UploadUrls]],
    AsyncUploads,
):
    """The workflow with awaits: uploads, and downloads, all at the same time."""

    _shared_get: typing.Optional["asyncio.Future[Project]"] = None

    async def finish(self, project_id: str, result_type: typing.Type[ResultT]) -> ResultT:
        """The project, waited for and its outputs downloaded as asked."""
        return await flow.run_async(self._finish(project_id, result_type), self._perform)

    async def _perform(self, action: flow.Action) -> typing.Any:
        if isinstance(action, GetProject):
            if action.shared:
                return await self._get_shared(action.project_id)
            return await self._get_project(
                id=action.project_id, request_options=self._request_options
            )
        if isinstance(action, RunAll):
            try:
                return await super()._perform(action)
            finally:
                await self._drop_shared_get()
        return await super()._perform(action)

    async def _get_shared(self, project_id: str) -> Project:
        if self._shared_get is None:
            get = self._get_project(id=project_id, request_options=self._request_options)
            self._shared_get = asyncio.ensure_future(get)
        # Shielded: one asker cancelled does not cancel the fetch the others wait on.
        return await asyncio.shield(self._shared_get)

    async def _drop_shared_get(self) -> None:
        """Cancel a shared fetch nobody waits for any more, and wait for it to end."""
        if self._shared_get is not None and not self._shared_get.done():
            self._shared_get.cancel()
            await asyncio.gather(self._shared_get, return_exceptions=True)


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


def _no_upload_operation(**_: object) -> typing.NoReturn:
    raise MagicHourError("this API has no upload operation for local files")


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


def _expired(download: Download) -> bool:
    expires_at: typing.Union[str, datetime, None] = getattr(download, "expires_at", None)
    if isinstance(expires_at, str):
        try:
            expires_at = datetime.fromisoformat(expires_at.replace("Z", "+00:00"))
        except ValueError:
            return False
    if expires_at is None:
        return False
    if expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=timezone.utc)
    return expires_at <= datetime.now(timezone.utc)


def _result(
    result_type: typing.Type[ResultT],
    project: Project,
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


def _saver(out: typing.BinaryIO, reporter: Reporter, index: int) -> typing.Callable[[bytes], None]:
    """Where the chunks of output `index` go: to `out`, counted by `reporter`."""

    def save(chunk: bytes) -> None:
        out.write(chunk)
        reporter.advance(index, len(chunk))

    return save


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
