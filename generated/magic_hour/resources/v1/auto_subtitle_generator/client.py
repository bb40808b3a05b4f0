"""`client.v1.auto_subtitle_generator`: create (POST /v1/auto-subtitle-generator)."""

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
from magic_hour.types.params.v1_auto_subtitle_generator_create_body_assets import (
    V1AutoSubtitleGeneratorCreateBodyAssets,
)
from magic_hour.types.params.v1_auto_subtitle_generator_create_body_style import (
    V1AutoSubtitleGeneratorCreateBodyStyle,
)
from magic_hour.types.params.v1_auto_subtitle_generator_generate_body_assets import (
    V1AutoSubtitleGeneratorGenerateBodyAssets,
)
from magic_hour.types.models.v1_auto_subtitle_generator_create_response import (
    V1AutoSubtitleGeneratorCreateResponse,
)
from magic_hour.types.models.v1_video_projects_get_response_with_downloads import (
    V1VideoProjectsGetResponseWithDownloads,
)

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_CREATE_RESPONSE: Expected[V1AutoSubtitleGeneratorCreateResponse] = Expected(
    json={200: V1AutoSubtitleGeneratorCreateResponse}
)
_CREATE_BODY_RULE: validation.Rule = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "start_seconds": {"type": "number", "minimum": 0.0},
        "end_seconds": {"type": "number", "minimum": 0.1},
        "assets": {
            "type": "object",
            "properties": {"video_file_path": {"type": "string", "minLength": 1}},
            "required": ["video_file_path"],
            "additionalProperties": False,
        },
        "style": {
            "type": "object",
            "properties": {
                "template": {
                    "type": "string",
                    "enum": ["karaoke", "cinematic", "minimalist", "highlight"],
                },
                "custom_config": {
                    "type": "object",
                    "properties": {
                        "font": {"type": "string"},
                        "font_size": {"type": "number"},
                        "font_style": {"type": "string"},
                        "text_color": {"type": "string"},
                        "highlighted_text_color": {"type": "string"},
                        "stroke_color": {"type": "string"},
                        "stroke_width": {"type": "number"},
                        "vertical_position": {"type": "string"},
                        "horizontal_position": {"type": "string"},
                    },
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
        },
    },
    "required": ["start_seconds", "end_seconds", "assets", "style"],
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


class AutoSubtitleGeneratorClient:
    """`client.v1.auto_subtitle_generator`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def generate(
        self,
        *,
        start_seconds: float,
        end_seconds: float,
        assets: V1AutoSubtitleGeneratorGenerateBodyAssets,
        style: V1AutoSubtitleGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1VideoProjectsGetResponseWithDownloads:
        """
        Auto Subtitle Generator: create, wait for the result, download it.

        1. Uploads each local file given in `assets.video_file_path` (URLs and `api-assets/...` paths pass through).
        2. Creates the project with `client.v1.auto_subtitle_generator.create`.
        3. Polls `client.v1.video_projects.get` until the project is complete, errored or canceled.
        4. Downloads its outputs to `download_directory`.

        POST /v1/auto-subtitle-generator

        Takes the arguments of `AutoSubtitleGeneratorClient.create` (documented there), and these.

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
            APIStatusError: as `AutoSubtitleGeneratorClient.create` raises it, or the project's get.
            GenerationError: anything else failed once the project existed (an `on_progress` that raises, say); the original is its `__cause__`. Every error raised after the create carries `project_id` and names the `check_result` call that resumes it.

        Examples:
        ```py
        client.v1.auto_subtitle_generator.generate(
            start_seconds=0,
            end_seconds=15,
            assets={"video_file_path": "path/to/1234.mp4"},
            style={"template": "karaoke", "custom_config": {"font": "Noto Sans", "font_size": 24, "font_style": "normal", "text_color": "#FFFFFF", "highlighted_text_color": "#FFD700", "stroke_color": "#000000", "stroke_width": 1, "vertical_position": "bottom", "horizontal_position": "center"}},
            name="My Auto Subtitle video",
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
                    "assets": assets,
                    "style": style,
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
            start_seconds=uploaded["start_seconds"],
            end_seconds=uploaded["end_seconds"],
            assets=uploaded["assets"],
            style=uploaded["style"],
            name=uploaded.get("name", NOT_GIVEN),
            request_options=request_options,
        )
        return workflow.finish(created.id, V1VideoProjectsGetResponseWithDownloads)

    def create(
        self,
        *,
        start_seconds: float,
        end_seconds: float,
        assets: V1AutoSubtitleGeneratorCreateBodyAssets,
        style: V1AutoSubtitleGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AutoSubtitleGeneratorCreateResponse:
        """
        Auto Subtitle Generator

        Automatically generate subtitles for your video in multiple languages.

        POST /v1/auto-subtitle-generator

        Args:
            start_seconds: Start time of your clip (seconds). Must be ≥ 0.
            end_seconds: End time of your clip (seconds). Must be greater than start_seconds.
            assets: Provide the assets for auto subtitle generator
            style: Style of the subtitle. At least one of `.style.template` or `.style.custom_config` must be provided. * If only `.style.template` is provided, default values for the template will be used. * If both are provided, the fields in `.style.custom_config` will be used to overwrite the fields in `.style.template`. * If only `.style.custom_config` is provided, then all fields in `.style.custom_config` will be used. To use custom config only, the following `custom_config` params are required: * `.style.custom_config.font` * `.style.custom_config.text_color` * `.style.custom_config.vertical_position` * `.style.custom_config.horizontal_position`
            name: Give your video a custom name for easy identification. Defaults to "Auto Subtitle - dateTime" (applied by the API).
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1AutoSubtitleGeneratorCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.auto_subtitle_generator.create(
            start_seconds=0,
            end_seconds=15,
            assets={"video_file_path": "api-assets/id/1234.mp4"},
            style={"template": "karaoke", "custom_config": {"font": "Noto Sans", "font_size": 24, "font_style": "normal", "text_color": "#FFFFFF", "highlighted_text_color": "#FFD700", "stroke_color": "#000000", "stroke_width": 1, "vertical_position": "bottom", "horizontal_position": "center"}},
            name="My Auto Subtitle video",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "start_seconds": start_seconds,
                    "end_seconds": end_seconds,
                    "assets": assets,
                    "style": style,
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
            "/v1/auto-subtitle-generator",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )


class AsyncAutoSubtitleGeneratorClient:
    """`client.v1.auto_subtitle_generator` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def generate(
        self,
        *,
        start_seconds: float,
        end_seconds: float,
        assets: V1AutoSubtitleGeneratorGenerateBodyAssets,
        style: V1AutoSubtitleGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1VideoProjectsGetResponseWithDownloads:
        """
        Auto Subtitle Generator: create, wait for the result, download it.

        The async form of `AutoSubtitleGeneratorClient.generate`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.auto_subtitle_generator.generate(
            start_seconds=0,
            end_seconds=15,
            assets={"video_file_path": "path/to/1234.mp4"},
            style={"template": "karaoke", "custom_config": {"font": "Noto Sans", "font_size": 24, "font_style": "normal", "text_color": "#FFFFFF", "highlighted_text_color": "#FFD700", "stroke_color": "#000000", "stroke_width": 1, "vertical_position": "bottom", "horizontal_position": "center"}},
            name="My Auto Subtitle video",
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
                    "assets": assets,
                    "style": style,
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
            start_seconds=uploaded["start_seconds"],
            end_seconds=uploaded["end_seconds"],
            assets=uploaded["assets"],
            style=uploaded["style"],
            name=uploaded.get("name", NOT_GIVEN),
            request_options=request_options,
        )
        return await workflow.finish(created.id, V1VideoProjectsGetResponseWithDownloads)

    async def create(
        self,
        *,
        start_seconds: float,
        end_seconds: float,
        assets: V1AutoSubtitleGeneratorCreateBodyAssets,
        style: V1AutoSubtitleGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AutoSubtitleGeneratorCreateResponse:
        """
        Auto Subtitle Generator

        The async form of `AutoSubtitleGeneratorClient.create`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.auto_subtitle_generator.create(
            start_seconds=0,
            end_seconds=15,
            assets={"video_file_path": "api-assets/id/1234.mp4"},
            style={"template": "karaoke", "custom_config": {"font": "Noto Sans", "font_size": 24, "font_style": "normal", "text_color": "#FFFFFF", "highlighted_text_color": "#FFD700", "stroke_color": "#000000", "stroke_width": 1, "vertical_position": "bottom", "horizontal_position": "center"}},
            name="My Auto Subtitle video",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "start_seconds": start_seconds,
                    "end_seconds": end_seconds,
                    "assets": assets,
                    "style": style,
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
            "/v1/auto-subtitle-generator",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )
