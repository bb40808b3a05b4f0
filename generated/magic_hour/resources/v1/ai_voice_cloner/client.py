"""`client.v1.ai_voice_cloner`: create (POST /v1/ai-voice-cloner)."""

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
from magic_hour.resources.v1.audio_projects.client import (
    AsyncAudioProjectsClient,
    AudioProjectsClient,
)
from magic_hour.resources.v1.files.upload_urls.client import AsyncUploadUrlsClient, UploadUrlsClient
from magic_hour.types.params.v1_ai_voice_cloner_create_body_assets import (
    V1AiVoiceClonerCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_voice_cloner_create_body_style import (
    V1AiVoiceClonerCreateBodyStyle,
)
from magic_hour.types.params.v1_ai_voice_cloner_generate_body_assets import (
    V1AiVoiceClonerGenerateBodyAssets,
)
from magic_hour.types.models.v1_ai_voice_cloner_create_response import V1AiVoiceClonerCreateResponse
from magic_hour.types.models.v1_audio_projects_get_response_with_downloads import (
    V1AudioProjectsGetResponseWithDownloads,
)

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_CREATE_RESPONSE: Expected[V1AiVoiceClonerCreateResponse] = Expected(
    json={200: V1AiVoiceClonerCreateResponse}
)
_CREATE_BODY_RULE: validation.Rule = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "assets": {
            "type": "object",
            "properties": {"audio_file_path": {"type": "string", "minLength": 1}},
            "required": ["audio_file_path"],
            "additionalProperties": False,
        },
        "style": {
            "type": "object",
            "properties": {"prompt": {"type": "string", "minLength": 1, "maxLength": 1000}},
            "required": ["prompt"],
            "additionalProperties": False,
        },
    },
    "required": ["assets", "style"],
    "additionalProperties": False,
}

# The API's conventions for waiting on audio projects: how to poll them, where their outputs are.
_WORKFLOW_CONVENTIONS = WorkflowConventions(
    schedule=conventions.SCHEDULES["audio"],
    complete_status=conventions.COMPLETE_STATUS,
    terminal_statuses=conventions.TERMINAL_STATUSES,
    outputs="downloads",
    uploads=conventions.UPLOADS,
    resume="client.v1.audio_projects.check_result",
)

# The fields in which `generate` looks for local files to upload, and the asset type of each.
_GENERATE_ASSETS: typing.List[AssetField] = [
    AssetField(("assets", "audio_file_path"), "audio"),
]


class AiVoiceClonerClient:
    """`client.v1.ai_voice_cloner`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def generate(
        self,
        *,
        assets: V1AiVoiceClonerGenerateBodyAssets,
        style: V1AiVoiceClonerCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AudioProjectsGetResponseWithDownloads:
        """
        AI Voice Cloner: create, wait for the result, download it.

        1. Uploads each local file given in `assets.audio_file_path` (URLs and `api-assets/...` paths pass through).
        2. Creates the project with `client.v1.ai_voice_cloner.create`.
        3. Polls `client.v1.audio_projects.get` until the project is complete, errored or canceled.
        4. Downloads its outputs to `download_directory`.

        POST /v1/ai-voice-cloner

        Takes the arguments of `AiVoiceClonerClient.create` (documented there), and these.

        Args:
            wait_for_completion: Wait until the project is complete, errored or canceled.
            download_outputs: Download the outputs of a complete project.
            download_directory: Where to save the outputs (default: the current directory); created if missing. An existing file is never replaced: a taken name gets a `-1`, `-2`, ... suffix.
            wait_timeout: Seconds to wait for the project before GenerationTimeoutError (default: 10 minutes for images, 1 hour for videos, 20 minutes for audio).
            poll_interval: Seconds between the first status checks, backing off from there (default: 2 s growing to 3 s for images, 5 s growing to 10 s for videos, 2 s growing to 5 s for audio).
            on_progress: Called with a `Progress` on each status change and as each chunk of an output is saved.
            request_options: Additional options for each request (timeout, retries, headers).

        Returns:
            V1AudioProjectsGetResponseWithDownloads: the project as last fetched; `downloaded_paths` lists the saved files (None when nothing was downloaded). A project that ends in `error` or `canceled` is returned too: check `status` and `error`.

        Raises:
            RequestValidationError: an argument breaks the spec, or a local file is missing or of a type the API does not take; nothing was sent.
            UploadError: a local file could not be uploaded; no project was created.
            GenerationTimeoutError: the project did not finish within `wait_timeout`.
            DownloadError: an output could not be downloaded; no partial file is left.
            GenerationInterrupted: Ctrl-C while waiting; it carries the project id.
            APIStatusError: as `AiVoiceClonerClient.create` raises it, or the project's get.
            GenerationError: anything else failed once the project existed (an `on_progress` that raises, say); the original is its `__cause__`. Every error raised after the create carries `project_id` and names the `check_result` call that resumes it.

        Examples:
        ```py
        client.v1.ai_voice_cloner.generate(
            assets={"audio_file_path": "path/to/1234.mp3"},
            style={"prompt": "Hello, this is my cloned voice."},
            name="My Voice Cloner audio",
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
            get_project=AudioProjectsClient(base_client=self._base_client).get,
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
            style=uploaded["style"],
            name=uploaded.get("name", NOT_GIVEN),
            request_options=request_options,
        )
        return workflow.finish(created.id, V1AudioProjectsGetResponseWithDownloads)

    def create(
        self,
        *,
        assets: V1AiVoiceClonerCreateBodyAssets,
        style: V1AiVoiceClonerCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AiVoiceClonerCreateResponse:
        """
        AI Voice Cloner

        Clone a voice from an audio sample and generate speech.
        * Each character costs 0.1 credits.
        * The cost is rounded up to the nearest whole number

        POST /v1/ai-voice-cloner

        Args:
            assets: Provide the assets for voice cloning.
            style: No description.
            name: Give your audio a custom name for easy identification. Defaults to "Voice Cloner - dateTime" (applied by the API).
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1AiVoiceClonerCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.ai_voice_cloner.create(
            assets={"audio_file_path": "api-assets/id/1234.mp3"},
            style={"prompt": "Hello, this is my cloned voice."},
            name="My Voice Cloner audio",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
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
            "/v1/ai-voice-cloner",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )


class AsyncAiVoiceClonerClient:
    """`client.v1.ai_voice_cloner` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def generate(
        self,
        *,
        assets: V1AiVoiceClonerGenerateBodyAssets,
        style: V1AiVoiceClonerCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AudioProjectsGetResponseWithDownloads:
        """
        AI Voice Cloner: create, wait for the result, download it.

        The async form of `AiVoiceClonerClient.generate`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.ai_voice_cloner.generate(
            assets={"audio_file_path": "path/to/1234.mp3"},
            style={"prompt": "Hello, this is my cloned voice."},
            name="My Voice Cloner audio",
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
            get_project=AsyncAudioProjectsClient(base_client=self._base_client).get,
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
            style=uploaded["style"],
            name=uploaded.get("name", NOT_GIVEN),
            request_options=request_options,
        )
        return await workflow.finish(created.id, V1AudioProjectsGetResponseWithDownloads)

    async def create(
        self,
        *,
        assets: V1AiVoiceClonerCreateBodyAssets,
        style: V1AiVoiceClonerCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AiVoiceClonerCreateResponse:
        """
        AI Voice Cloner

        The async form of `AiVoiceClonerClient.create`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.ai_voice_cloner.create(
            assets={"audio_file_path": "api-assets/id/1234.mp3"},
            style={"prompt": "Hello, this is my cloned voice."},
            name="My Voice Cloner audio",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
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
            "/v1/ai-voice-cloner",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )
