"""`client.v1.ai_video_editor`: create (POST /v1/ai-video-editor)."""

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
from magic_hour.resources.v1.video_projects.client import (
    AsyncVideoProjectsClient,
    VideoProjectsClient,
)
from magic_hour.types.params.v1_ai_video_editor_create_body_assets import (
    V1AiVideoEditorCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_video_editor_create_body_style import (
    V1AiVideoEditorCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_video_editor_generate_body_assets import (
    V1AiVideoEditorGenerateBodyAssets,
)
from magic_hour.types.models.v1_ai_video_editor_create_response import V1AiVideoEditorCreateResponse
from magic_hour.types.models.v1_video_projects_get_response_with_downloads import (
    V1VideoProjectsGetResponseWithDownloads,
)

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_CREATE_RESPONSE: Expected[V1AiVideoEditorCreateResponse] = Expected(
    json={200: V1AiVideoEditorCreateResponse}
)
_CREATE_BODY_RULE: validation.Rule = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "start_seconds": {"type": "number", "minimum": 0.0},
        "end_seconds": {"type": "number", "minimum": 0.1},
        "model": {"type": "string", "enum": ["gemini-omni", "ltx-2.3"]},
        "resolution": {"type": "string", "enum": ["480p", "720p", "1080p"]},
        "style": {
            "type": "object",
            "properties": {"prompt": {"type": "string", "minLength": 1}},
            "required": ["prompt"],
            "additionalProperties": False,
        },
        "assets": {
            "type": "object",
            "properties": {"video_file_path": {"type": "string", "minLength": 1}},
            "required": ["video_file_path"],
            "additionalProperties": False,
        },
    },
    "required": ["end_seconds", "style", "assets"],
    "additionalProperties": False,
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

# The fields in which `generate` looks for local files to upload, and the asset type of each.
_GENERATE_ASSETS: typing.List[AssetField] = [
    AssetField(("assets", "video_file_path"), "video"),
]


class AiVideoEditorClient:
    """`client.v1.ai_video_editor`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def generate(
        self,
        *,
        end_seconds: float,
        style: V1AiVideoEditorCreateBodyStyle,
        assets: V1AiVideoEditorGenerateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        start_seconds: typing.Union[typing.Optional[float], NotGiven] = NOT_GIVEN,
        model: typing.Union[
            typing.Optional[typing_extensions.Literal["gemini-omni", "ltx-2.3"]], NotGiven
        ] = NOT_GIVEN,
        resolution: typing.Union[
            typing.Optional[typing_extensions.Literal["480p", "720p", "1080p"]], NotGiven
        ] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1VideoProjectsGetResponseWithDownloads:
        """
        AI Video Editor: create, wait for the result, download it.

        1. Uploads each local file given in `assets.video_file_path` (URLs and `api-assets/...` paths pass through).
        2. Creates the project with `client.v1.ai_video_editor.create`.
        3. Polls `client.v1.video_projects.get` until the project is complete, errored or canceled.
        4. Downloads its outputs to `download_directory`.

        POST /v1/ai-video-editor

        Takes the arguments of `AiVideoEditorClient.create` (documented there), and these.

        Args:
            wait_for_completion: Wait until the project is complete, errored or canceled.
            download_outputs: Download the outputs of a complete project.
            download_directory: Where to save the outputs (default: the current directory); created if missing. An existing file is never replaced: a taken name gets a `-1`, `-2`, ... suffix.
            wait_timeout: Seconds to wait for the project before GenerationTimeoutError (default: 10 minutes for images, 1 hour for videos, 20 minutes for audio).
            poll_interval: Seconds between the first status checks, backing off from there (default: 2 s growing to 3 s for images, 5 s growing to 10 s for videos, 2 s growing to 5 s for audio).
            on_progress: Called with a `Progress` on each status change and as each chunk of an output is saved.
            request_options: Additional options for each request (timeout, retries, headers).

        Returns:
            V1VideoProjectsGetResponseWithDownloads: the project as last fetched; `downloaded_paths` lists the saved files (None when nothing was downloaded). A project that ends in `error` or `canceled` is returned too: check `status` and `error`.

        Raises:
            RequestValidationError: an argument breaks the spec, or a local file is missing or of a type the API does not take; nothing was sent.
            UploadError: a local file could not be uploaded; no project was created.
            GenerationTimeoutError: the project did not finish within `wait_timeout`.
            DownloadError: an output could not be downloaded; no partial file is left.
            GenerationInterrupted: Ctrl-C while waiting; it carries the project id.
            APIStatusError: as `AiVideoEditorClient.create` raises it, or the project's get.
            GenerationError: anything else failed once the project existed (an `on_progress` that raises, say); the original is its `__cause__`. Every error raised after the create carries `project_id` and names the `check_result` call that resumes it.

        Examples:
        ```py
        client.v1.ai_video_editor.generate(
            end_seconds=5,
            style={"prompt": "Change the car color to blue"},
            assets={"video_file_path": "path/to/1234.mp4"},
            name="My Video Editor video",
            start_seconds=0,
            model="gemini-omni",
            resolution="720p",
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
                    "start_seconds": start_seconds,
                    "end_seconds": end_seconds,
                    "model": model,
                    "resolution": resolution,
                    "style": style,
                    "assets": assets,
                },
                ("name", "start_seconds", "model", "resolution"),
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
            get_project=VideoProjectsClient(base_client=self._base_client).get,
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
            end_seconds=uploaded["end_seconds"],
            style=uploaded["style"],
            assets=uploaded["assets"],
            name=uploaded.get("name", NOT_GIVEN),
            start_seconds=uploaded.get("start_seconds", NOT_GIVEN),
            model=uploaded.get("model", NOT_GIVEN),
            resolution=uploaded.get("resolution", NOT_GIVEN),
            request_options=request_options,
        )
        return workflow.finish(created.id, V1VideoProjectsGetResponseWithDownloads)

    def create(
        self,
        *,
        end_seconds: float,
        style: V1AiVideoEditorCreateBodyStyle,
        assets: V1AiVideoEditorCreateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        start_seconds: typing.Union[typing.Optional[float], NotGiven] = NOT_GIVEN,
        model: typing.Union[
            typing.Optional[typing_extensions.Literal["gemini-omni", "ltx-2.3"]], NotGiven
        ] = NOT_GIVEN,
        resolution: typing.Union[
            typing.Optional[typing_extensions.Literal["480p", "720p", "1080p"]], NotGiven
        ] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AiVideoEditorCreateResponse:
        """
        AI Video Editor

        **What this API does**

        Create the same Video Editor you can make in the browser, but programmatically, so you can automate it, run it at scale, or connect it to your own app or workflow.

        **Good for**
        - Automation and batch processing
        - Adding video editor into apps, pipelines, or tools

        **How it works (3 steps)**
        1) Upload your inputs (video, image, or audio) with [Generate Upload URLs](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls) and copy the `file_path`.
        2) Send a request to create a video editor job with the basic fields.
        3) Check the job status until it's `complete`, then download the result from `downloads`.

        **Key options**
        - Inputs: usually a file, sometimes a YouTube link, depending on project type
        - Resolution: free users are limited to 576px; higher plans unlock HD and larger sizes
        - Extra fields: e.g. `face_swap_mode`, `start_seconds`/`end_seconds`, or a text prompt

        **Cost**
        Credits are only charged for the frames that actually render. You'll see an estimate when the job is queued, and the final total after it's done.

        For detailed examples, see the [product page](https://magichour.ai/products/ai-video-editor).

        POST /v1/ai-video-editor

        Args:
            end_seconds: End time of your clip in seconds. Must be greater than `start_seconds`. Minimum duration depends on model: `gemini-omni`: 3s, `ltx-2.3`: 0.5s. Maximum duration depends on model: `gemini-omni`: 10s, `ltx-2.3`: 45s.
            style: No description.
            assets: Provide the assets for video editing.
            name: Give your video a custom name for easy identification. Defaults to "Video Editor - dateTime" (applied by the API).
            start_seconds: Start time of your clip (seconds). Must be ≥ 0. Defaults to 0 (applied by the API).
            model: Editing model. Defaults to `ltx-2.3` for free tier and `gemini-omni` for paid. Use `ltx-2.3` for LTX video edit.
            resolution: Output resolution. Defaults to `480p` for free tier and `720p` for paid. Google Omni supports 720p only; LTX-2.3 supports 480p, 720p, and 1080p.
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1AiVideoEditorCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.ai_video_editor.create(
            end_seconds=5,
            style={"prompt": "Change the car color to blue"},
            assets={"video_file_path": "api-assets/id/1234.mp4"},
            name="My Video Editor video",
            start_seconds=0,
            model="gemini-omni",
            resolution="720p",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "start_seconds": start_seconds,
                    "end_seconds": end_seconds,
                    "model": model,
                    "resolution": resolution,
                    "style": style,
                    "assets": assets,
                },
                ("name", "start_seconds", "model", "resolution"),
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
            "/v1/ai-video-editor",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )


class AsyncAiVideoEditorClient:
    """`client.v1.ai_video_editor` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def generate(
        self,
        *,
        end_seconds: float,
        style: V1AiVideoEditorCreateBodyStyle,
        assets: V1AiVideoEditorGenerateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        start_seconds: typing.Union[typing.Optional[float], NotGiven] = NOT_GIVEN,
        model: typing.Union[
            typing.Optional[typing_extensions.Literal["gemini-omni", "ltx-2.3"]], NotGiven
        ] = NOT_GIVEN,
        resolution: typing.Union[
            typing.Optional[typing_extensions.Literal["480p", "720p", "1080p"]], NotGiven
        ] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1VideoProjectsGetResponseWithDownloads:
        """
        AI Video Editor: create, wait for the result, download it.

        The async form of `AiVideoEditorClient.generate`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.ai_video_editor.generate(
            end_seconds=5,
            style={"prompt": "Change the car color to blue"},
            assets={"video_file_path": "path/to/1234.mp4"},
            name="My Video Editor video",
            start_seconds=0,
            model="gemini-omni",
            resolution="720p",
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
                    "start_seconds": start_seconds,
                    "end_seconds": end_seconds,
                    "model": model,
                    "resolution": resolution,
                    "style": style,
                    "assets": assets,
                },
                ("name", "start_seconds", "model", "resolution"),
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
            get_project=AsyncVideoProjectsClient(base_client=self._base_client).get,
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
            end_seconds=uploaded["end_seconds"],
            style=uploaded["style"],
            assets=uploaded["assets"],
            name=uploaded.get("name", NOT_GIVEN),
            start_seconds=uploaded.get("start_seconds", NOT_GIVEN),
            model=uploaded.get("model", NOT_GIVEN),
            resolution=uploaded.get("resolution", NOT_GIVEN),
            request_options=request_options,
        )
        return await workflow.finish(created.id, V1VideoProjectsGetResponseWithDownloads)

    async def create(
        self,
        *,
        end_seconds: float,
        style: V1AiVideoEditorCreateBodyStyle,
        assets: V1AiVideoEditorCreateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        start_seconds: typing.Union[typing.Optional[float], NotGiven] = NOT_GIVEN,
        model: typing.Union[
            typing.Optional[typing_extensions.Literal["gemini-omni", "ltx-2.3"]], NotGiven
        ] = NOT_GIVEN,
        resolution: typing.Union[
            typing.Optional[typing_extensions.Literal["480p", "720p", "1080p"]], NotGiven
        ] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AiVideoEditorCreateResponse:
        """
        AI Video Editor

        The async form of `AiVideoEditorClient.create`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.ai_video_editor.create(
            end_seconds=5,
            style={"prompt": "Change the car color to blue"},
            assets={"video_file_path": "api-assets/id/1234.mp4"},
            name="My Video Editor video",
            start_seconds=0,
            model="gemini-omni",
            resolution="720p",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "start_seconds": start_seconds,
                    "end_seconds": end_seconds,
                    "model": model,
                    "resolution": resolution,
                    "style": style,
                    "assets": assets,
                },
                ("name", "start_seconds", "model", "resolution"),
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
            "/v1/ai-video-editor",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )
