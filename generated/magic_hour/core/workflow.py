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
import math
import os
import time
import typing
from datetime import datetime, timezone

import httpx
import pydantic

from magic_hour.core import assets, downloads, flow, polling, retry
from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient
from magic_hour.core.errors import (
    APIConnectionError,
    APIStatusError,
    DownloadError,
    GenerationError,
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
# The shortest timeout a poll is given, however little of the wait is left.
_LEAST_POLL_TIMEOUT = 0.001


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
    `resume` is the method that picks up a project by its id (`client.v1.image_projects.
    check_result`), named in every error raised after the project was created.
    """

    schedule: polling.Schedule
    complete_status: str
    terminal_statuses: typing.AbstractSet[str]
    outputs: str
    uploads: assets.UploadConventions
    resume: str = ""


class GetProject(flow.Action):
    """Fetch the project; the answer is the getter's `Project`.

    With `shared`, the asks made while one is under way share its answer: concurrent
    downloads whose URLs were refused fetch fresh ones once. `request_options`, if given,
    replace the call's own for this fetch.
    """

    def __init__(
        self,
        project_id: str,
        *,
        shared: bool = False,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> None:
        self.project_id = project_id
        self.shared = shared
        self.request_options = request_options


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


class Blocking(flow.Action, typing.Generic[T]):
    """Call `function`, which may block for long (an fsync); the answer is its result.

    The async driver has a worker thread call it, so that the other calls on the event loop go
    on meanwhile; cancelled, it still waits for the call to end before the cancellation goes
    up, since what the call uses is cleaned up then.
    """

    def __init__(self, function: typing.Callable[[], T]) -> None:
        self.function = function


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
        self._wait_timeout = conventions.schedule.timeout if wait_timeout is None else wait_timeout
        self._poll_interval = poll_interval
        self._on_progress = on_progress
        self._fresh: typing.Optional[typing.List[Download]] = None  # download URLs, refetched
        options = request_options or {}
        self._stall_timeout = options.get("download_stall_timeout", downloads.STALL_TIMEOUT)
        self._download_timeout = options.get("download_timeout", downloads.DOWNLOAD_TIMEOUT)
        self._download_deadline = 0.0  # set when the downloads start
        # Every argument is checked here, before the create: a bad one found after it would
        # have spent the credits for nothing.
        problems = _download_limit_problems(options)
        if poll_interval is not None and not _number(poll_interval):
            problems.append(f"poll_interval: must be a number, not {poll_interval!r}")
        elif poll_interval is not None and not poll_interval > 0:
            problems.append(f"poll_interval: must be more than 0, not {poll_interval!r}")
        if not _number(self._wait_timeout):
            problems.append(f"wait_timeout: must be a number, not {wait_timeout!r}")
        elif not self._wait_timeout >= 0:
            problems.append(f"wait_timeout: must be 0 or more, not {wait_timeout!r}")
        if on_progress is not None and not callable(on_progress):
            problems.append(f"on_progress: must be a function of one Progress, not {on_progress!r}")
        directory = download_directory or "."
        if not isinstance(directory, (str, os.PathLike)) or not isinstance(
            os.fspath(directory), str
        ):
            problems.append(f"download_directory: must be a path, not {download_directory!r}")
            directory = "."
        self._directory: str = os.fspath(directory)
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
        except RequestValidationError:
            raise  # refused before it was sent (an empty id, say): nothing to pick up again
        # The project exists and its credits are spent: whatever went wrong, the error names
        # it and says how to pick it up again.
        except MagicHourError as error:
            raise _resumable(error, project_id, self._conventions.resume)
        except GenerationInterrupted as interrupt:
            raise _resumable(interrupt, project_id, self._conventions.resume)
        except Exception as error:
            failed = GenerationError(f"{type(error).__name__}: {error}", project_id=project_id)
            raise _resumable(failed, project_id, self._conventions.resume) from error

    def _poll(self, project_id: str, reporter: Reporter) -> flow.Flow[Project]:
        """The project once in a terminal status; transient failures are asked again, and the
        whole wait, each poll's own time included, ends by `wait_timeout`."""
        deadline = time.monotonic() + self._wait_timeout
        waits = polling.intervals(self._conventions.schedule, self._poll_interval)
        status: typing.Optional[str] = None
        try:
            while True:
                failure: typing.Optional[MagicHourError] = None
                try:
                    options = self._poll_options(deadline - time.monotonic())
                    project: Project = yield GetProject(project_id, request_options=options)
                except (APIConnectionError, APIStatusError) as error:
                    if not _transient(error):
                        raise
                    failure = error
                else:
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
                    ) from failure
                wait = next(waits)
                if failure is not None:
                    logger.debug(
                        "polling project %s failed (%s): asking again", project_id, failure
                    )
                    wait = max(wait, _retry_after(failure))
                yield flow.Sleep(min(wait, remaining))
        except KeyboardInterrupt as interrupt:
            raise GenerationInterrupted(project_id=project_id, status=status) from interrupt
        except asyncio.CancelledError as cancelled:
            # Cancellation must stay a CancelledError; the note keeps the id in the traceback.
            if hasattr(cancelled, "add_note"):
                cancelled.add_note(f"project id: {project_id} (last status {status!r})")
            raise

    def _poll_options(self, remaining: float) -> RequestOptions:
        """The call's options for one poll: no attempt outlasts the wait, and a failed one is
        not retried by the client, since `_poll` asks again while there is time."""
        options = RequestOptions(**(self._request_options or {}))
        timeout = options.get("timeout", self._base.timeout)
        # A floor above 0: httpx takes a timeout of 0 for a non-blocking socket.
        options["timeout"] = polling.capped_timeout(timeout, max(remaining, _LEAST_POLL_TIMEOUT))
        options["max_retries"] = 0
        return options

    # -- downloads -----------------------------------------------------------------------------

    def _outputs(self, project: Project) -> typing.List[Download]:
        """What the project lists to download: its `downloads` (or what the API calls them)."""
        return list(getattr(project, self._conventions.outputs) or [])

    def _download_all(self, project: Project, reporter: Reporter) -> flow.Flow[typing.List[str]]:
        self._download_deadline = time.monotonic() + self._download_timeout
        items, fresh = self._outputs(project), False
        saved: typing.Dict[int, str] = {}  # filled as each download completes
        try:
            _make_directory(self._directory, project.id)
            downloads.remove_leftovers(self._directory)
            if any(_expired(item) for item in items):
                items, fresh = (yield from self._fresh_downloads(project.id)), True
            each = [
                self._download_one(project.id, index, items, reporter, saved, fresh=fresh)
                for index in range(len(items))
            ]
            paths: typing.List[str] = yield RunAll(each)
        except DownloadError as error:
            error.downloaded_paths = [saved[index] for index in sorted(saved)]
            raise
        except KeyboardInterrupt as interrupt:
            raise GenerationInterrupted(project_id=project.id, status=project.status) from interrupt
        except asyncio.CancelledError as cancelled:
            # Cancellation must stay a CancelledError; the note keeps the id in the traceback.
            if hasattr(cancelled, "add_note"):
                cancelled.add_note(
                    f"project id: {project.id} (interrupted while downloading its outputs)"
                )
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
                # The next attempt fails at once if the deadline has passed: no need to wait.
                left = self._download_deadline - time.monotonic()
                yield flow.Sleep(max(0.0, min(retry.delay(attempt, None), left)))
                attempt += 1

    def _download_to_file(
        self, project_id: str, index: int, url: str, reporter: Reporter
    ) -> flow.Flow[str]:
        pace = downloads.Pace(self._stall_timeout, self._download_deadline, self._download_timeout)
        try:
            pace.check_deadline()
            response = yield from self._base.send_flow(
                functools.partial(self._download_request, url),
                max_retries=self._max_retries,
                stream=True,
            )
        except MagicHourError as error:
            raise _download_error(project_id, url, _reason(error)) from error
        except downloads.Failed as failed:
            raise _download_error(project_id, url, str(failed)) from None
        try:
            _check_status(response, project_id, url)
            name = downloads.file_name(
                url, f"{project_id}-{index}", response.headers.get("content-type")
            )
            body = downloads.Body(response.headers)
            with downloads.PartialFile(self._directory, name) as part:
                reporter.start(index, body.size)
                yield flow.ReadBody(response, _saver(part.write, body, pace, reporter, index))
                body.finish()
                yield Blocking(part.fsync)
                return part.place()
        except httpx.TransportError as error:
            raise _Cut(error) from error
        except downloads.Incomplete as incomplete:
            raise _Cut(httpx.RemoteProtocolError(str(incomplete))) from None
        except (httpx.HTTPError, OSError, downloads.Failed) as error:
            raise _download_error(project_id, url, str(error)) from error
        finally:
            yield flow.Close(response)

    def _download_request(self, url: str) -> httpx.Request:
        request = self._base.storage_request("GET", url, request_options=self._request_options)
        # Only what `downloads.Body` can check arrived whole.
        request.headers["Accept-Encoding"] = "gzip, deflate"
        # A silent connection is a stall too, and must not outlast the deadline by much.
        limit = min(self._stall_timeout, max(self._download_deadline - time.monotonic(), 0.001))
        timeout = dict(request.extensions.get("timeout") or {})
        timeout["read"] = min(timeout.get("read") or limit, limit)
        request.extensions["timeout"] = timeout
        return request


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
        if isinstance(action, Blocking):
            return action.function()
        return self._base.perform(action)


class SyncWorkflow(_Workflow[SyncBaseClient, Project, UploadUrls], SyncUploads):
    """The workflow with blocking calls: uploads and downloads one after the other."""

    def finish(self, project_id: str, result_type: typing.Type[ResultT]) -> ResultT:
        """The project, waited for and its outputs downloaded as asked."""
        return flow.run_sync(self._finish(project_id, result_type), self._perform)

    def _perform(self, action: flow.Action) -> typing.Any:
        if isinstance(action, GetProject):
            options = action.request_options or self._request_options
            return self._get_project(id=action.project_id, request_options=options)
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
        if isinstance(action, Blocking):
            return await _in_thread(action.function)
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
            options = action.request_options or self._request_options
            return await self._get_project(id=action.project_id, request_options=options)
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
    # lexists: a dangling symlink is there (makedirs cannot replace it), though exists says no.
    while not os.path.lexists(existing) and os.path.dirname(existing) != existing:
        existing = os.path.dirname(existing)
    if os.path.islink(existing) and not os.path.exists(existing):
        return [f"download_directory: {existing!r} is a symlink to nothing"]
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


ErrorT = typing.TypeVar("ErrorT", MagicHourError, GenerationInterrupted)


def _resumable(error: ErrorT, project_id: str, resume: str) -> ErrorT:
    """`error` with the project's id, its message saying how to pick the project up again."""
    error.project_id = project_id
    advice = f"resume with {resume}({project_id!r})" if resume else f"project id {project_id!r}"
    if error.args and isinstance(error.args[0], str):
        error.args = (f"{error.args[0]}; {advice}", *error.args[1:])
        error.resume_advice = advice
    return error


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _transient(error: MagicHourError) -> bool:
    """Whether a failed poll may succeed if asked again: no answer, 408, 429 or 5xx."""
    if isinstance(error, APIStatusError):
        return retry.retries_status("GET", error.status_code)
    return isinstance(error, APIConnectionError)


def _retry_after(error: MagicHourError) -> float:
    """Seconds the server asked to wait before asking again, or 0."""
    asked = error.headers.get("Retry-After") if isinstance(error, APIStatusError) else None
    return retry.delay(0, asked) if asked else 0.0


def _reason(error: MagicHourError) -> str:
    # A connection error's own message names the URL's path, which may hold a token.
    return str(getattr(error, "reason", None) or error)


def _saver(
    write: typing.Callable[[bytes], None],
    body: downloads.Body,
    pace: downloads.Pace,
    reporter: Reporter,
    index: int,
) -> typing.Callable[[bytes], None]:
    """Where the chunks of output `index` go, as they came over the wire: decoded into
    `write`, watched by `pace`, counted by `reporter`."""

    def save(chunk: bytes) -> None:
        pace.advance(len(chunk))
        data = body.decode(chunk)
        write(data)
        reporter.advance(index, len(data))

    return save


def _download_limit_problems(options: RequestOptions) -> typing.List[str]:
    problems = []
    for key in ("download_timeout", "download_stall_timeout"):
        if key not in options:
            continue
        value = options[key]
        if not _number(value):
            problems.append(f"request_options.{key}: must be a number of seconds, not {value!r}")
        elif not 0 < value < math.inf:
            problems.append(f"request_options.{key}: must be more than 0 and finite, not {value!r}")
    return problems


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


async def _in_thread(function: typing.Callable[[], T]) -> T:
    """`function()`, called in a worker thread; a cancellation waits for it to end."""
    called = asyncio.get_running_loop().run_in_executor(None, function)
    try:
        return await asyncio.shield(called)
    except asyncio.CancelledError:
        await asyncio.wait([called])
        raise


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
