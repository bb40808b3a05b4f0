"""`client.v1.face_swap_photo`: create (POST /v1/face-swap-photo)."""

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
from magic_hour.resources.v1.image_projects.client import (
    AsyncImageProjectsClient,
    ImageProjectsClient,
)
from magic_hour.types.params.v1_face_swap_photo_create_body_assets import (
    V1FaceSwapPhotoCreateBodyAssets,
)
from magic_hour.types.params.v1_face_swap_photo_generate_body_assets import (
    V1FaceSwapPhotoGenerateBodyAssets,
)
from magic_hour.types.models.v1_face_swap_photo_create_response import V1FaceSwapPhotoCreateResponse
from magic_hour.types.models.v1_image_projects_get_response_with_downloads import (
    V1ImageProjectsGetResponseWithDownloads,
)

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_CREATE_RESPONSE: Expected[V1FaceSwapPhotoCreateResponse] = Expected(
    json={200: V1FaceSwapPhotoCreateResponse}
)
_CREATE_BODY_RULE: validation.Rule = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "assets": {
            "type": "object",
            "properties": {
                "face_swap_mode": {"type": "string", "enum": ["all-faces", "individual-faces"]},
                "source_file_path": {"type": "string", "minLength": 1},
                "face_mappings": {
                    "type": "array",
                    "maxItems": 5,
                    "items": {
                        "type": "object",
                        "properties": {
                            "original_face": {"type": "string"},
                            "new_face": {"type": "string"},
                        },
                        "required": ["original_face", "new_face"],
                        "additionalProperties": False,
                    },
                },
                "target_file_path": {"type": "string", "minLength": 1},
            },
            "required": ["target_file_path"],
            "additionalProperties": False,
        },
    },
    "required": ["assets"],
    "additionalProperties": False,
}

# The API's conventions for waiting on image projects: how to poll them, where their outputs are.
_WORKFLOW_CONVENTIONS = WorkflowConventions(
    schedule=conventions.SCHEDULES["image"],
    complete_status=conventions.COMPLETE_STATUS,
    terminal_statuses=conventions.TERMINAL_STATUSES,
    outputs="downloads",
    uploads=conventions.UPLOADS,
    resume="client.v1.image_projects.check_result",
)

# The fields in which `generate` looks for local files to upload, and the asset type of each.
_GENERATE_ASSETS: typing.List[AssetField] = [
    AssetField(("assets", "source_file_path"), "image"),
    AssetField(("assets", "face_mappings", "[]", "new_face"), "image"),
    AssetField(("assets", "target_file_path"), "image"),
]


class FaceSwapPhotoClient:
    """`client.v1.face_swap_photo`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def generate(
        self,
        *,
        assets: V1FaceSwapPhotoGenerateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1ImageProjectsGetResponseWithDownloads:
        """
        Face Swap Photo: create, wait for the result, download it.

        1. Uploads each local file given in `assets.source_file_path`, `assets.face_mappings[].new_face`, `assets.target_file_path` (URLs and `api-assets/...` paths pass through).
        2. Creates the project with `client.v1.face_swap_photo.create`.
        3. Polls `client.v1.image_projects.get` until the project is complete, errored or canceled.
        4. Downloads its outputs to `download_directory`.

        POST /v1/face-swap-photo

        Takes the arguments of `FaceSwapPhotoClient.create` (documented there), and these.

        Args:
            wait_for_completion: Wait until the project is complete, errored or canceled.
            download_outputs: Download the outputs of a complete project.
            download_directory: Where to save the outputs (default: the current directory); created if missing. An existing file is never replaced: a taken name gets a `-1`, `-2`, ... suffix.
            wait_timeout: Seconds to wait for the project before GenerationTimeoutError (default: 10 minutes for images, 1 hour for videos, 20 minutes for audio).
            poll_interval: Seconds between the first status checks, backing off from there (default: 2 s growing to 3 s for images, 5 s growing to 10 s for videos, 2 s growing to 5 s for audio).
            on_progress: Called with a `Progress` on each status change and as each chunk of an output is saved.
            request_options: Additional options for each request (timeout, retries, headers).

        Returns:
            V1ImageProjectsGetResponseWithDownloads: the project as last fetched; `downloaded_paths` lists the saved files (None when nothing was downloaded). A project that ends in `error` or `canceled` is returned too: check `status` and `error`.

        Raises:
            RequestValidationError: an argument breaks the spec, or a local file is missing or of a type the API does not take; nothing was sent.
            UploadError: a local file could not be uploaded; no project was created.
            GenerationTimeoutError: the project did not finish within `wait_timeout`.
            DownloadError: an output could not be downloaded; no partial file is left.
            GenerationInterrupted: Ctrl-C while waiting; it carries the project id.
            APIStatusError: as `FaceSwapPhotoClient.create` raises it, or the project's get.
            GenerationError: anything else failed once the project existed (an `on_progress` that raises, say); the original is its `__cause__`. Every error raised after the create carries `project_id` and names the `check_result` call that resumes it.

        Examples:
        ```py
        client.v1.face_swap_photo.generate(
            assets={"face_swap_mode": "all-faces", "source_file_path": "path/to/1234.png", "face_mappings": [{"original_face": "api-assets/id/0-0.png", "new_face": "path/to/1234.png"}], "target_file_path": "path/to/1234.png"},
            name="My Face Swap image",
            wait_for_completion=True,
            download_outputs=True,
            download_directory="outputs",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "assets": assets,
                },
                ("name",),
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
            get_project=ImageProjectsClient(base_client=self._base_client).get,
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
            name=uploaded.get("name", NOT_GIVEN),
            request_options=request_options,
        )
        return workflow.finish(created.id, V1ImageProjectsGetResponseWithDownloads)

    def create(
        self,
        *,
        assets: V1FaceSwapPhotoCreateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1FaceSwapPhotoCreateResponse:
        """
        Face Swap Photo

        Create a face swap photo. Each photo costs 10 credits. The height/width of the output image depends on your subscription. Please refer to our [pricing](https://magichour.ai/pricing) page for more details

        POST /v1/face-swap-photo

        Args:
            assets: Provide the assets for face swap photo
            name: Give your image a custom name for easy identification. Defaults to "Face Swap - dateTime" (applied by the API).
            request_options: Additional options for this request (timeout, retries, headers).

        Conditions the spec states only in prose (the API checks them, this client does not):
        - assets.source_file_path: The value is required if `face_swap_mode` is `all-faces`.
        - assets.face_mappings: The value is required if `face_swap_mode` is `individual-faces`.

        Returns:
            V1FaceSwapPhotoCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.face_swap_photo.create(
            assets={"face_swap_mode": "all-faces", "source_file_path": "api-assets/id/1234.png", "face_mappings": [{"original_face": "api-assets/id/0-0.png", "new_face": "api-assets/id/1234.png"}], "target_file_path": "api-assets/id/1234.png"},
            name="My Face Swap image",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "assets": assets,
                },
                ("name",),
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
            "/v1/face-swap-photo",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )


class AsyncFaceSwapPhotoClient:
    """`client.v1.face_swap_photo` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def generate(
        self,
        *,
        assets: V1FaceSwapPhotoGenerateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1ImageProjectsGetResponseWithDownloads:
        """
        Face Swap Photo: create, wait for the result, download it.

        The async form of `FaceSwapPhotoClient.generate`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.face_swap_photo.generate(
            assets={"face_swap_mode": "all-faces", "source_file_path": "path/to/1234.png", "face_mappings": [{"original_face": "api-assets/id/0-0.png", "new_face": "path/to/1234.png"}], "target_file_path": "path/to/1234.png"},
            name="My Face Swap image",
            wait_for_completion=True,
            download_outputs=True,
            download_directory="outputs",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "assets": assets,
                },
                ("name",),
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
            get_project=AsyncImageProjectsClient(base_client=self._base_client).get,
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
            name=uploaded.get("name", NOT_GIVEN),
            request_options=request_options,
        )
        return await workflow.finish(created.id, V1ImageProjectsGetResponseWithDownloads)

    async def create(
        self,
        *,
        assets: V1FaceSwapPhotoCreateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1FaceSwapPhotoCreateResponse:
        """
        Face Swap Photo

        The async form of `FaceSwapPhotoClient.create`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.face_swap_photo.create(
            assets={"face_swap_mode": "all-faces", "source_file_path": "api-assets/id/1234.png", "face_mappings": [{"original_face": "api-assets/id/0-0.png", "new_face": "api-assets/id/1234.png"}], "target_file_path": "api-assets/id/1234.png"},
            name="My Face Swap image",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "assets": assets,
                },
                ("name",),
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
            "/v1/face-swap-photo",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )
