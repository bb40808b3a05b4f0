"""`client.v1.video_projects`: get (GET /v1/video-projects/{id}), delete (DELETE /v1/video-projects/{id})."""

from __future__ import annotations

import os
import typing

import typing_extensions

from magic_hour import conventions
from magic_hour.core import validation
from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient
from magic_hour.core.request_options import RequestOptions
from magic_hour.core.responses import Expected
from magic_hour.core.type_utils import NOT_GIVEN, NotGiven, given
from magic_hour.core.workflow import (
    AsyncWorkflow,
    ProgressCallback,
    SyncWorkflow,
    WorkflowConventions,
)
from magic_hour.types.models.v1_video_projects_get_response import V1VideoProjectsGetResponse
from magic_hour.types.models.v1_video_projects_get_response_with_downloads import (
    V1VideoProjectsGetResponseWithDownloads,
)

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_GET_RESPONSE: Expected[V1VideoProjectsGetResponse] = Expected(
    json={200: V1VideoProjectsGetResponse}
)
_GET_PARAMETERS_RULE: validation.Rule = {
    "type": "object",
    "properties": {"id": {"type": "string"}},
    "required": ["id"],
}
_DELETE_RESPONSE: Expected[None] = Expected(empty=(204,))
_DELETE_PARAMETERS_RULE: validation.Rule = {
    "type": "object",
    "properties": {"id": {"type": "string"}},
    "required": ["id"],
}

# The API's conventions for waiting on video projects: how to poll them, where their outputs are.
_WORKFLOW_CONVENTIONS = WorkflowConventions(
    schedule=conventions.SCHEDULES["video"],
    complete_status=conventions.COMPLETE_STATUS,
    terminal_statuses=conventions.TERMINAL_STATUSES,
    outputs="downloads",
    uploads=conventions.UPLOADS,
    resume="client.v1.video_projects.check_result",
)


class VideoProjectsClient:
    """`client.v1.video_projects`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def get(
        self,
        *,
        id: str,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1VideoProjectsGetResponse:
        """
        Get video details

        Check the progress of a video project. The `downloads` field is populated after a successful render.

        **Statuses**
        - `queued` — waiting to start
        - `rendering` — in progress
        - `complete` — ready; see `downloads`
        - `error` — a failure occurred (see `error`)
        - `canceled` — user canceled
        - `draft` — not used

        GET /v1/video-projects/{id}

        Args:
            id: Unique ID of the video project. This value is returned by all of the POST APIs that create a video.
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1VideoProjectsGetResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.

        Examples:
        ```py
        client.v1.video_projects.get(
            id="cuid-example",
        )
        ```
        """
        parameters = given(
            {
                "id": id,
            }
        )
        validation.check_request(
            parameters=parameters,
            parameters_rule=_GET_PARAMETERS_RULE,
            body=None,
            body_rule=None,
        )
        return self._base_client.request(
            "GET",
            "/v1/video-projects/{id}",
            expected=_GET_RESPONSE,
            path_params={
                "id": id,
            },
            request_options=request_options,
        )

    def delete(
        self,
        *,
        id: str,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> None:
        """
        Delete video

        Permanently delete the rendered video. This action is not reversible, please be sure before deleting.

        DELETE /v1/video-projects/{id}

        Args:
            id: Unique ID of the video project. This value is returned by all of the POST APIs that create a video.
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            None: nothing (success).

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.video_projects.delete(
            id="cuid-example",
        )
        ```
        """
        parameters = given(
            {
                "id": id,
            }
        )
        validation.check_request(
            parameters=parameters,
            parameters_rule=_DELETE_PARAMETERS_RULE,
            body=None,
            body_rule=None,
        )
        self._base_client.request(
            "DELETE",
            "/v1/video-projects/{id}",
            expected=_DELETE_RESPONSE,
            path_params={
                "id": id,
            },
            request_options=request_options,
        )

    def check_result(
        self,
        id: str,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        *,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1VideoProjectsGetResponseWithDownloads:
        """
        Check on a project by its id: wait until it is done, download its outputs.

        For a project `generate` created and did not see through (it was interrupted, or ran out of `wait_timeout`), or one created some other way.

        Args:
            id: The project's id (`id` of the get).
            wait_for_completion: Wait until the project is complete, errored or canceled.
            download_outputs: Download the outputs of a complete project.
            download_directory: Where to save the outputs (default: the current directory); created if missing. An existing file is never replaced: a taken name gets a `-1`, `-2`, ... suffix.
            wait_timeout: Seconds to wait for the project before GenerationTimeoutError (default: 10 minutes for images, 1 hour for videos, 20 minutes for audio).
            poll_interval: Seconds between the first status checks, backing off from there (default: 2 s growing to 3 s for images, 5 s growing to 10 s for videos, 2 s growing to 5 s for audio).
            on_progress: Called with a `Progress` on each status change and as each chunk of an output is saved.
            request_options: Additional options for each request (timeout, retries, headers).

        Returns:
            V1VideoProjectsGetResponseWithDownloads: the project as last fetched; `downloaded_paths` lists the saved files (None when nothing was downloaded).

        Raises:
            GenerationTimeoutError: the project did not finish within `wait_timeout`.
            DownloadError: an output could not be downloaded; no partial file is left.
            GenerationInterrupted: Ctrl-C while waiting; it carries the project id.
            NotFoundError: no project has this id.

        Examples:
        ```py
        client.v1.video_projects.check_result(id="cuid-example", download_outputs=False)
        ```
        """
        workflow = SyncWorkflow(
            self._base_client,
            _WORKFLOW_CONVENTIONS,
            get_project=self.get,
            wait_for_completion=wait_for_completion,
            download_outputs=download_outputs,
            download_directory=download_directory,
            wait_timeout=wait_timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            request_options=request_options,
        )
        return workflow.finish(id, V1VideoProjectsGetResponseWithDownloads)


class AsyncVideoProjectsClient:
    """`client.v1.video_projects` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def get(
        self,
        *,
        id: str,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1VideoProjectsGetResponse:
        """
        Get video details

        The async form of `VideoProjectsClient.get`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.video_projects.get(
            id="cuid-example",
        )
        ```
        """
        parameters = given(
            {
                "id": id,
            }
        )
        validation.check_request(
            parameters=parameters,
            parameters_rule=_GET_PARAMETERS_RULE,
            body=None,
            body_rule=None,
        )
        return await self._base_client.request(
            "GET",
            "/v1/video-projects/{id}",
            expected=_GET_RESPONSE,
            path_params={
                "id": id,
            },
            request_options=request_options,
        )

    async def delete(
        self,
        *,
        id: str,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> None:
        """
        Delete video

        The async form of `VideoProjectsClient.delete`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.video_projects.delete(
            id="cuid-example",
        )
        ```
        """
        parameters = given(
            {
                "id": id,
            }
        )
        validation.check_request(
            parameters=parameters,
            parameters_rule=_DELETE_PARAMETERS_RULE,
            body=None,
            body_rule=None,
        )
        await self._base_client.request(
            "DELETE",
            "/v1/video-projects/{id}",
            expected=_DELETE_RESPONSE,
            path_params={
                "id": id,
            },
            request_options=request_options,
        )

    async def check_result(
        self,
        id: str,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        *,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1VideoProjectsGetResponseWithDownloads:
        """
        Check on a project by its id

        The async form of `VideoProjectsClient.check_result`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.video_projects.check_result(id="cuid-example", download_outputs=False)
        ```
        """
        workflow = AsyncWorkflow(
            self._base_client,
            _WORKFLOW_CONVENTIONS,
            get_project=self.get,
            wait_for_completion=wait_for_completion,
            download_outputs=download_outputs,
            download_directory=download_directory,
            wait_timeout=wait_timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            request_options=request_options,
        )
        return await workflow.finish(id, V1VideoProjectsGetResponseWithDownloads)
