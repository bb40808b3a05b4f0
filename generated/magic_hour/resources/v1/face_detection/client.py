"""`client.v1.face_detection`: create (POST /v1/face-detection), get (GET /v1/face-detection/{id})."""

from __future__ import annotations

import os
import typing

import typing_extensions

from magic_hour import conventions
from magic_hour.core import validation
from magic_hour.core.assets import AssetField
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
from magic_hour.resources.v1.files.upload_urls.client import AsyncUploadUrlsClient, UploadUrlsClient
from magic_hour.types.params.v1_face_detection_create_body_assets import (
    V1FaceDetectionCreateBodyAssets,
)
from magic_hour.types.params.v1_face_detection_generate_body_assets import (
    V1FaceDetectionGenerateBodyAssets,
)
from magic_hour.types.models.v1_face_detection_create_response import V1FaceDetectionCreateResponse
from magic_hour.types.models.v1_face_detection_get_response import V1FaceDetectionGetResponse
from magic_hour.types.models.v1_face_detection_get_response_with_downloads import (
    V1FaceDetectionGetResponseWithDownloads,
)

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_CREATE_RESPONSE: Expected[V1FaceDetectionCreateResponse] = Expected(
    json={200: V1FaceDetectionCreateResponse}
)
_CREATE_BODY_RULE: validation.Rule = {
    "type": "object",
    "properties": {
        "confidence_score": {"type": "number", "minimum": 0.0, "maximum": 1.0, "multipleOf": 0.05},
        "assets": {
            "type": "object",
            "properties": {"target_file_path": {"type": "string"}},
            "required": ["target_file_path"],
            "additionalProperties": False,
        },
    },
    "required": ["assets"],
    "additionalProperties": False,
}
_GET_RESPONSE: Expected[V1FaceDetectionGetResponse] = Expected(
    json={200: V1FaceDetectionGetResponse}
)
_GET_PARAMETERS_RULE: validation.Rule = {
    "type": "object",
    "properties": {"id": {"type": "string"}},
    "required": ["id"],
}

# The API's conventions for waiting on image projects: how to poll them, where their outputs are.
_WORKFLOW_CONVENTIONS = WorkflowConventions(
    schedule=conventions.SCHEDULES["image"],
    complete_status=conventions.COMPLETE_STATUS,
    terminal_statuses=conventions.TERMINAL_STATUSES,
    outputs="faces",
    uploads=conventions.UPLOADS,
    resume="client.v1.face_detection.check_result",
)

# The fields in which `generate` looks for local files to upload, and the asset type of each.
_GENERATE_ASSETS: typing.List[AssetField] = [
    AssetField(("assets", "target_file_path"), None),
]


class FaceDetectionClient:
    """`client.v1.face_detection`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def generate(
        self,
        *,
        assets: V1FaceDetectionGenerateBodyAssets,
        confidence_score: typing.Union[typing.Optional[float], NotGiven] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1FaceDetectionGetResponseWithDownloads:
        """
        Face Detection: create, wait for the result, download it.

        1. Uploads each local file given in `assets.target_file_path` (URLs and `api-assets/...` paths pass through).
        2. Creates the project with `client.v1.face_detection.create`.
        3. Polls `client.v1.face_detection.get` until the project is complete, errored or canceled.
        4. Downloads its outputs to `download_directory`.

        POST /v1/face-detection

        Takes the arguments of `FaceDetectionClient.create` (documented there), and these.

        Args:
            wait_for_completion: Wait until the project is complete, errored or canceled.
            download_outputs: Download the outputs of a complete project.
            download_directory: Where to save the outputs (default: the current directory); created if missing. An existing file is never replaced: a taken name gets a `-1`, `-2`, ... suffix.
            wait_timeout: Seconds to wait for the project before GenerationTimeoutError (default: 10 minutes for images, 1 hour for videos, 20 minutes for audio).
            poll_interval: Seconds between the first status checks, backing off from there (default: 2 s growing to 3 s for images, 5 s growing to 10 s for videos, 2 s growing to 5 s for audio).
            on_progress: Called with a `Progress` on each status change and as each chunk of an output is saved.
            request_options: Additional options for each request (timeout, retries, headers).

        Returns:
            V1FaceDetectionGetResponseWithDownloads: the project as last fetched; `downloaded_paths` lists the saved files (None when nothing was downloaded). A project that ends in `error` or `canceled` is returned too: check `status` and `error`.

        Raises:
            RequestValidationError: an argument breaks the spec, or a local file is missing or of a type the API does not take; nothing was sent.
            UploadError: a local file could not be uploaded; no project was created.
            GenerationTimeoutError: the project did not finish within `wait_timeout`.
            DownloadError: an output could not be downloaded; no partial file is left.
            GenerationInterrupted: Ctrl-C while waiting; it carries the project id.
            APIStatusError: as `FaceDetectionClient.create` raises it, or the project's get.
            GenerationError: anything else failed once the project existed (an `on_progress` that raises, say); the original is its `__cause__`. Every error raised after the create carries `project_id` and names the `check_result` call that resumes it.

        Examples:
        ```py
        client.v1.face_detection.generate(
            assets={"target_file_path": "path/to/1234.png"},
            confidence_score=0.5,
            wait_for_completion=True,
            download_outputs=True,
            download_directory="outputs",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "confidence_score": confidence_score,
                    "assets": assets,
                },
                ("confidence_score",),
            ),
            _CREATE_BODY_RULE,
        )
        validation.check_request(
            parameters=None,
            parameters_rule=None,
            body=body,
            body_rule=_CREATE_BODY_RULE,
        )
        workflow = SyncWorkflow(
            self._base_client,
            _WORKFLOW_CONVENTIONS,
            get_project=FaceDetectionClient(base_client=self._base_client).get,
            create_upload_urls=UploadUrlsClient(base_client=self._base_client).create,
            wait_for_completion=wait_for_completion,
            download_outputs=download_outputs,
            download_directory=download_directory,
            wait_timeout=wait_timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            request_options=request_options,
        )
        uploaded = workflow.upload_assets(body, _GENERATE_ASSETS)
        created = self.create(
            assets=uploaded["assets"],
            confidence_score=uploaded.get("confidence_score", NOT_GIVEN),
            request_options=request_options,
        )
        return workflow.finish(created.id, V1FaceDetectionGetResponseWithDownloads)

    def create(
        self,
        *,
        assets: V1FaceDetectionCreateBodyAssets,
        confidence_score: typing.Union[typing.Optional[float], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1FaceDetectionCreateResponse:
        """
        Face Detection

        Detect faces in an image or video.

        Use this API to get the list of faces detected in the image or video to use in the [face swap photo](https://docs.magichour.ai/api-reference/image-projects/face-swap-photo) or [face swap video](https://docs.magichour.ai/api-reference/video-projects/face-swap-video) API calls for multi-face swaps.

        Note: Face detection is free to use for the near future. Pricing may change in the future.

        POST /v1/face-detection

        Args:
            assets: Provide the assets for face detection
            confidence_score: Confidence threshold for filtering detected faces. * Higher values (e.g., 0.9) include only faces detected with high certainty, reducing false positives. * Lower values (e.g., 0.3) include more faces, but may increase the chance of incorrect detections. Defaults to 0.5 (applied by the API).
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1FaceDetectionCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.face_detection.create(
            assets={"target_file_path": "api-assets/id/1234.png"},
            confidence_score=0.5,
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "confidence_score": confidence_score,
                    "assets": assets,
                },
                ("confidence_score",),
            ),
            _CREATE_BODY_RULE,
        )
        validation.check_request(
            parameters=None,
            parameters_rule=None,
            body=body,
            body_rule=_CREATE_BODY_RULE,
        )
        return self._base_client.request(
            "POST",
            "/v1/face-detection",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )

    def get(
        self,
        *,
        id: str,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1FaceDetectionGetResponse:
        """
        Get face detection details

        Get the details of a face detection task.

        Use this API to get the list of faces detected in the image or video to use in the [face swap photo](https://docs.magichour.ai/api-reference/image-projects/face-swap-photo) or [face swap video](https://docs.magichour.ai/api-reference/video-projects/face-swap-video) API calls for multi-face swaps.

        GET /v1/face-detection/{id}

        Args:
            id: The id of the task. This value is returned by the [face detection API](https://docs.magichour.ai/api-reference/files/face-detection#response-id).
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1FaceDetectionGetResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.face_detection.get(
            id="uuid-example",
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
            "/v1/face-detection/{id}",
            expected=_GET_RESPONSE,
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
    ) -> V1FaceDetectionGetResponseWithDownloads:
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
            V1FaceDetectionGetResponseWithDownloads: the project as last fetched; `downloaded_paths` lists the saved files (None when nothing was downloaded).

        Raises:
            GenerationTimeoutError: the project did not finish within `wait_timeout`.
            DownloadError: an output could not be downloaded; no partial file is left.
            GenerationInterrupted: Ctrl-C while waiting; it carries the project id.
            NotFoundError: no project has this id.

        Examples:
        ```py
        client.v1.face_detection.check_result(id="uuid-example", download_outputs=False)
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
        return workflow.finish(id, V1FaceDetectionGetResponseWithDownloads)


class AsyncFaceDetectionClient:
    """`client.v1.face_detection` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def generate(
        self,
        *,
        assets: V1FaceDetectionGenerateBodyAssets,
        confidence_score: typing.Union[typing.Optional[float], NotGiven] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1FaceDetectionGetResponseWithDownloads:
        """
        Face Detection: create, wait for the result, download it.

        The async form of `FaceDetectionClient.generate`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.face_detection.generate(
            assets={"target_file_path": "path/to/1234.png"},
            confidence_score=0.5,
            wait_for_completion=True,
            download_outputs=True,
            download_directory="outputs",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "confidence_score": confidence_score,
                    "assets": assets,
                },
                ("confidence_score",),
            ),
            _CREATE_BODY_RULE,
        )
        validation.check_request(
            parameters=None,
            parameters_rule=None,
            body=body,
            body_rule=_CREATE_BODY_RULE,
        )
        workflow = AsyncWorkflow(
            self._base_client,
            _WORKFLOW_CONVENTIONS,
            get_project=AsyncFaceDetectionClient(base_client=self._base_client).get,
            create_upload_urls=AsyncUploadUrlsClient(base_client=self._base_client).create,
            wait_for_completion=wait_for_completion,
            download_outputs=download_outputs,
            download_directory=download_directory,
            wait_timeout=wait_timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            request_options=request_options,
        )
        uploaded = await workflow.upload_assets(body, _GENERATE_ASSETS)
        created = await self.create(
            assets=uploaded["assets"],
            confidence_score=uploaded.get("confidence_score", NOT_GIVEN),
            request_options=request_options,
        )
        return await workflow.finish(created.id, V1FaceDetectionGetResponseWithDownloads)

    async def create(
        self,
        *,
        assets: V1FaceDetectionCreateBodyAssets,
        confidence_score: typing.Union[typing.Optional[float], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1FaceDetectionCreateResponse:
        """
        Face Detection

        The async form of `FaceDetectionClient.create`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.face_detection.create(
            assets={"target_file_path": "api-assets/id/1234.png"},
            confidence_score=0.5,
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "confidence_score": confidence_score,
                    "assets": assets,
                },
                ("confidence_score",),
            ),
            _CREATE_BODY_RULE,
        )
        validation.check_request(
            parameters=None,
            parameters_rule=None,
            body=body,
            body_rule=_CREATE_BODY_RULE,
        )
        return await self._base_client.request(
            "POST",
            "/v1/face-detection",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )

    async def get(
        self,
        *,
        id: str,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1FaceDetectionGetResponse:
        """
        Get face detection details

        The async form of `FaceDetectionClient.get`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.face_detection.get(
            id="uuid-example",
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
            "/v1/face-detection/{id}",
            expected=_GET_RESPONSE,
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
    ) -> V1FaceDetectionGetResponseWithDownloads:
        """
        Check on a project by its id

        The async form of `FaceDetectionClient.check_result`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.face_detection.check_result(id="uuid-example", download_outputs=False)
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
        return await workflow.finish(id, V1FaceDetectionGetResponseWithDownloads)
