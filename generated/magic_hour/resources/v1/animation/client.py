"""`client.v1.animation`: create (POST /v1/animation)."""

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
from magic_hour.types.params.v1_animation_create_body_assets import V1AnimationCreateBodyAssets
from magic_hour.types.params.v1_animation_create_body_style import V1AnimationCreateBodyStyle
from magic_hour.types.params.v1_animation_generate_body_assets import V1AnimationGenerateBodyAssets
from magic_hour.types.models.v1_animation_create_response import V1AnimationCreateResponse
from magic_hour.types.models.v1_video_projects_get_response_with_downloads import (
    V1VideoProjectsGetResponseWithDownloads,
)

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_CREATE_RESPONSE: Expected[V1AnimationCreateResponse] = Expected(
    json={200: V1AnimationCreateResponse}
)
_CREATE_BODY_RULE: validation.Rule = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "fps": {"type": "number", "minimum": 1.0},
        "end_seconds": {"type": "number", "minimum": 0.1},
        "height": {"type": "integer", "minimum": 64.0},
        "width": {"type": "integer", "minimum": 64.0},
        "style": {
            "type": "object",
            "properties": {
                "art_style": {
                    "type": "string",
                    "enum": [
                        "Custom",
                        "Painterly Illustration",
                        "Vibrant Matte Illustration",
                        "Traditional Watercolor",
                        "Cyberpunk",
                        "Ink and Watercolor Portrait",
                        "Intricate Abstract Lines Portrait",
                        "3D Render",
                        "Old School Comic",
                        "Bold Colored Illustration",
                        "Synthwave",
                        "Minimal Cold Futurism",
                        "Futuristic Anime",
                        "Cinematic Miyazaki",
                        "Studio Ghibli Film Still",
                        "Soft Delicate Matte Portrait",
                        "Cinematic Landscape",
                        "Landscape Painting",
                        "Photograph",
                        "Jackson Pollock",
                        "Cubist",
                        "Abstract Minimalist",
                        "Impressionism",
                        "Van Gogh",
                        "Woodcut",
                        "Oil Painting",
                        "Vintage Japanese Anime",
                        "Pixar",
                        "Cosmic",
                        "Pixel Art",
                        "Fantasy",
                        "Arcane",
                        "Sin City",
                        "Double Exposure",
                        "Painted Cityscape",
                        "90s Streets",
                        "Overgrown",
                        "Postapocalyptic",
                        "Spooky",
                        "Miniatures",
                        "Low Poly",
                        "Art Deco",
                        "Inkpunk",
                        "Dark Graphic Illustration",
                        "Dark Watercolor",
                        "Faded Illustration",
                        "Directed by AI",
                    ],
                },
                "art_style_custom": {"type": "string"},
                "camera_effect": {
                    "type": "string",
                    "enum": [
                        "Simple Zoom Out",
                        "Simple Zoom In",
                        "Bounce Out",
                        "Spin Bounce",
                        "Rolling Bounces",
                        "Rise and Climb",
                        "Dramatic Zoom In",
                        "Dramatic Zoom Out",
                        "Sway Out",
                        "Boost Zoom In",
                        "Boost Zoom Out",
                        "Heartbeat",
                        "Bounce in Place",
                        "Earthquake Bounce",
                        "Slice Bounce",
                        "Bounce In And Out",
                        "Jump",
                        "Road Trip",
                        "Traverse",
                        "Rubber Band",
                        "Rodeo",
                        "Accelerate",
                        "Speed of Light",
                        "Drift Spin",
                        "Vertigo",
                        "Cog in the Machine",
                        "Quadrant",
                        "Tron",
                        "Pusher",
                        "Roll In",
                        "Hesitate In",
                        "Zoom In - Audio Sync",
                        "Pulse - Audio Sync",
                        "Aggressive Zoom In - Audio Sync",
                        "Roll In - Audio Sync",
                        "Zoom Out - Audio Sync",
                        "Aggressive Zoom Out - Audio Sync",
                        "Sway Out - Audio Sync",
                        "Bounce and Spin - Audio Sync",
                        "Zoom In and Spin - Audio Sync",
                        "Vertigo - Audio Sync",
                        "Bounce Out - Audio Sync",
                        "Earthquake Bounce - Audio Sync",
                        "Pusher - Audio Sync",
                        "Evolve - Audio Sync",
                        "Devolve - Audio Sync",
                        "Slideshow",
                        "Pan Left",
                        "Pan Right",
                        "Tilt Up",
                        "Tilt Down",
                        "Directed by AI",
                    ],
                },
                "prompt_type": {"type": "string", "enum": ["custom", "use_lyrics", "ai_choose"]},
                "prompt": {"type": "string"},
                "transition_speed": {"type": "integer", "minimum": 1.0, "maximum": 10.0},
            },
            "required": ["art_style", "camera_effect", "prompt_type", "transition_speed"],
            "additionalProperties": False,
        },
        "assets": {
            "type": "object",
            "properties": {
                "audio_source": {"type": "string", "enum": ["none", "file", "youtube"]},
                "audio_file_path": {"type": "string", "minLength": 1},
                "youtube_url": {"type": "string", "minLength": 1},
                "image_file_path": {"type": "string", "minLength": 1},
            },
            "required": ["audio_source"],
            "additionalProperties": False,
        },
    },
    "required": ["fps", "end_seconds", "height", "width", "style", "assets"],
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
    AssetField(("assets", "audio_file_path"), "audio"),
    AssetField(("assets", "image_file_path"), "image"),
]


class AnimationClient:
    """`client.v1.animation`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def generate(
        self,
        *,
        fps: float,
        end_seconds: float,
        height: int,
        width: int,
        style: V1AnimationCreateBodyStyle,
        assets: V1AnimationGenerateBodyAssets,
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
        Animation: create, wait for the result, download it.

        1. Uploads each local file given in `assets.audio_file_path`, `assets.image_file_path` (URLs and `api-assets/...` paths pass through).
        2. Creates the project with `client.v1.animation.create`.
        3. Polls `client.v1.video_projects.get` until the project is complete, errored or canceled.
        4. Downloads its outputs to `download_directory`.

        POST /v1/animation

        Takes the arguments of `AnimationClient.create` (documented there), and these.

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
            APIStatusError: as `AnimationClient.create` raises it, or the project's get.
            GenerationError: anything else failed once the project existed (an `on_progress` that raises, say); the original is its `__cause__`. Every error raised after the create carries `project_id` and names the `check_result` call that resumes it.

        Examples:
        ```py
        client.v1.animation.generate(
            fps=12,
            end_seconds=15,
            height=960,
            width=512,
            style={"art_style": "Painterly Illustration", "camera_effect": "Simple Zoom In", "prompt_type": "custom", "prompt": "Cyberpunk city", "transition_speed": 5},
            assets={"audio_source": "file", "audio_file_path": "path/to/1234.mp3", "image_file_path": "path/to/1234.png"},
            name="My Animation video",
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
                    "fps": fps,
                    "end_seconds": end_seconds,
                    "height": height,
                    "width": width,
                    "style": style,
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
            fps=uploaded["fps"],
            end_seconds=uploaded["end_seconds"],
            height=uploaded["height"],
            width=uploaded["width"],
            style=uploaded["style"],
            assets=uploaded["assets"],
            name=uploaded.get("name", NOT_GIVEN),
            request_options=request_options,
        )
        return workflow.finish(created.id, V1VideoProjectsGetResponseWithDownloads)

    def create(
        self,
        *,
        fps: float,
        end_seconds: float,
        height: int,
        width: int,
        style: V1AnimationCreateBodyStyle,
        assets: V1AnimationCreateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AnimationCreateResponse:
        """
        Animation

        Create a Animation video. The estimated frame cost is calculated based on the `fps` and `end_seconds` input.

        POST /v1/animation

        Args:
            fps: The desire output video frame rate
            end_seconds: This value determines the duration of the output video.
            height: The height of the final output video. The maximum height depends on your subscription. Please refer to our [pricing page](https://magichour.ai/pricing) for more details
            width: The width of the final output video. The maximum width depends on your subscription. Please refer to our [pricing page](https://magichour.ai/pricing) for more details
            style: Defines the style of the output video
            assets: Provide the assets for animation.
            name: Give your video a custom name for easy identification. Defaults to "Animation - dateTime" (applied by the API).
            request_options: Additional options for this request (timeout, retries, headers).

        Conditions the spec states only in prose (the API checks them, this client does not):
        - style.art_style_custom: This field is required if `art_style` is `Custom`
        - style.prompt_type: `use_lyrics` - Use the lyrics of the audio to create the prompt. If this option is selected, then `assets.audio_source` must be `file` or `youtube`.
        - style.prompt_type: `ai_choose` - Let AI write the prompt. If this option is selected, then `assets.audio_source` must be `file` or `youtube`.
        - style.prompt: Prompt is required if `prompt_type` is `custom`.
        - assets.audio_file_path: This field is required if `audio_source` is `file`.
        - assets.youtube_url: This field is required if `audio_source` is `youtube`

        Returns:
            V1AnimationCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.animation.create(
            fps=12,
            end_seconds=15,
            height=960,
            width=512,
            style={"art_style": "Painterly Illustration", "camera_effect": "Simple Zoom In", "prompt_type": "custom", "prompt": "Cyberpunk city", "transition_speed": 5},
            assets={"audio_source": "file", "audio_file_path": "api-assets/id/1234.mp3", "image_file_path": "api-assets/id/1234.png"},
            name="My Animation video",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "fps": fps,
                    "end_seconds": end_seconds,
                    "height": height,
                    "width": width,
                    "style": style,
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
            "/v1/animation",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )


class AsyncAnimationClient:
    """`client.v1.animation` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def generate(
        self,
        *,
        fps: float,
        end_seconds: float,
        height: int,
        width: int,
        style: V1AnimationCreateBodyStyle,
        assets: V1AnimationGenerateBodyAssets,
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
        Animation: create, wait for the result, download it.

        The async form of `AnimationClient.generate`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.animation.generate(
            fps=12,
            end_seconds=15,
            height=960,
            width=512,
            style={"art_style": "Painterly Illustration", "camera_effect": "Simple Zoom In", "prompt_type": "custom", "prompt": "Cyberpunk city", "transition_speed": 5},
            assets={"audio_source": "file", "audio_file_path": "path/to/1234.mp3", "image_file_path": "path/to/1234.png"},
            name="My Animation video",
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
                    "fps": fps,
                    "end_seconds": end_seconds,
                    "height": height,
                    "width": width,
                    "style": style,
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
            fps=uploaded["fps"],
            end_seconds=uploaded["end_seconds"],
            height=uploaded["height"],
            width=uploaded["width"],
            style=uploaded["style"],
            assets=uploaded["assets"],
            name=uploaded.get("name", NOT_GIVEN),
            request_options=request_options,
        )
        return await workflow.finish(created.id, V1VideoProjectsGetResponseWithDownloads)

    async def create(
        self,
        *,
        fps: float,
        end_seconds: float,
        height: int,
        width: int,
        style: V1AnimationCreateBodyStyle,
        assets: V1AnimationCreateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AnimationCreateResponse:
        """
        Animation

        The async form of `AnimationClient.create`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.animation.create(
            fps=12,
            end_seconds=15,
            height=960,
            width=512,
            style={"art_style": "Painterly Illustration", "camera_effect": "Simple Zoom In", "prompt_type": "custom", "prompt": "Cyberpunk city", "transition_speed": 5},
            assets={"audio_source": "file", "audio_file_path": "api-assets/id/1234.mp3", "image_file_path": "api-assets/id/1234.png"},
            name="My Animation video",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "fps": fps,
                    "end_seconds": end_seconds,
                    "height": height,
                    "width": width,
                    "style": style,
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
            "/v1/animation",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )
