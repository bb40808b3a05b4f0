"""`client.v1.ai_image_generator`: create (POST /v1/ai-image-generator)."""

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
from magic_hour.resources.v1.image_projects.client import (
    AsyncImageProjectsClient,
    ImageProjectsClient,
)
from magic_hour.types.params.v1_ai_image_generator_create_body_style import (
    V1AiImageGeneratorCreateBodyStyle,
)
from magic_hour.types.models.v1_ai_image_generator_create_response import (
    V1AiImageGeneratorCreateResponse,
)
from magic_hour.types.models.v1_image_projects_get_response_with_downloads import (
    V1ImageProjectsGetResponseWithDownloads,
)

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_CREATE_RESPONSE: Expected[V1AiImageGeneratorCreateResponse] = Expected(
    json={200: V1AiImageGeneratorCreateResponse}
)
_CREATE_BODY_RULE: validation.Rule = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "image_count": {"type": "integer", "minimum": 1.0, "maximum": 16.0},
        "model": {
            "type": "string",
            "enum": [
                "default",
                "nano-banana-2",
                "gpt-image-2",
                "z-image-turbo",
                "flux-2-klein",
                "nano-banana-2-lite",
                "seedream-v4",
                "seedream-v5-pro",
                "nano-banana",
                "nano-banana-pro",
                "flux-schnell",
                "seedream",
            ],
        },
        "aspect_ratio": {"type": "string", "enum": ["1:1", "16:9", "9:16"]},
        "resolution": {"type": "string", "enum": ["auto", "640px", "1k", "2k", "4k"]},
        "style": {
            "type": "object",
            "properties": {
                "prompt": {"type": "string", "minLength": 1},
                "tool": {
                    "type": "string",
                    "enum": [
                        "ai-anime-generator",
                        "ai-art-generator",
                        "ai-background-generator",
                        "ai-character-generator",
                        "ai-face-generator",
                        "ai-fashion-generator",
                        "ai-icon-generator",
                        "ai-illustration-generator",
                        "ai-interior-design-generator",
                        "ai-landscape-generator",
                        "ai-logo-generator",
                        "ai-manga-generator",
                        "ai-outfit-generator",
                        "ai-pattern-generator",
                        "ai-photo-generator",
                        "ai-sketch-generator",
                        "ai-tattoo-generator",
                        "album-cover-generator",
                        "animated-characters-generator",
                        "architecture-generator",
                        "book-cover-generator",
                        "comic-book-generator",
                        "dark-fantasy-ai",
                        "disney-ai-generator",
                        "dnd-ai-art-generator",
                        "emoji-generator",
                        "fantasy-map-generator",
                        "graffiti-generator",
                        "movie-poster-generator",
                        "optical-illusion-generator",
                        "pokemon-generator",
                        "south-park-character-generator",
                        "superhero-generator",
                        "thumbnail-maker",
                        "general",
                    ],
                },
            },
            "required": ["prompt"],
            "additionalProperties": False,
        },
    },
    "required": ["image_count", "style"],
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


class AiImageGeneratorClient:
    """`client.v1.ai_image_generator`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def generate(
        self,
        *,
        image_count: int,
        style: V1AiImageGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        model: typing.Union[
            typing.Optional[
                typing_extensions.Literal[
                    "default",
                    "nano-banana-2",
                    "gpt-image-2",
                    "z-image-turbo",
                    "flux-2-klein",
                    "nano-banana-2-lite",
                    "seedream-v4",
                    "seedream-v5-pro",
                    "nano-banana",
                    "nano-banana-pro",
                    "flux-schnell",
                    "seedream",
                ]
            ],
            NotGiven,
        ] = NOT_GIVEN,
        aspect_ratio: typing.Union[
            typing.Optional[typing_extensions.Literal["1:1", "16:9", "9:16"]], NotGiven
        ] = NOT_GIVEN,
        resolution: typing.Union[
            typing.Optional[typing_extensions.Literal["auto", "640px", "1k", "2k", "4k"]], NotGiven
        ] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1ImageProjectsGetResponseWithDownloads:
        """
        AI Image Generator: create, wait for the result, download it.

        1. Creates the project with `client.v1.ai_image_generator.create`.
        2. Polls `client.v1.image_projects.get` until the project is complete, errored or canceled.
        3. Downloads its outputs to `download_directory`.

        POST /v1/ai-image-generator

        Takes the arguments of `AiImageGeneratorClient.create` (documented there), and these.

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
            APIStatusError: as `AiImageGeneratorClient.create` raises it, or the project's get.
            GenerationError: anything else failed once the project existed (an `on_progress` that raises, say); the original is its `__cause__`. Every error raised after the create carries `project_id` and names the `check_result` call that resumes it.

        Examples:
        ```py
        client.v1.ai_image_generator.generate(
            image_count=1,
            style={"prompt": "Cool image", "tool": "ai-anime-generator"},
            name="My Ai Image image",
            model="default",
            aspect_ratio="1:1",
            resolution="auto",
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
                    "image_count": image_count,
                    "model": model,
                    "aspect_ratio": aspect_ratio,
                    "resolution": resolution,
                    "style": style,
                },
                ("name", "model", "aspect_ratio", "resolution"),
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
            create_upload_urls=None,
            wait_for_completion=wait_for_completion,
            download_outputs=download_outputs,
            download_directory=download_directory,
            wait_timeout=wait_timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            request_options=request_options,
        )
        created = self.create(
            image_count=image_count,
            style=style,
            name=name,
            model=model,
            aspect_ratio=aspect_ratio,
            resolution=resolution,
            request_options=request_options,
        )
        return workflow.finish(created.id, V1ImageProjectsGetResponseWithDownloads)

    def create(
        self,
        *,
        image_count: int,
        style: V1AiImageGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        model: typing.Union[
            typing.Optional[
                typing_extensions.Literal[
                    "default",
                    "nano-banana-2",
                    "gpt-image-2",
                    "z-image-turbo",
                    "flux-2-klein",
                    "nano-banana-2-lite",
                    "seedream-v4",
                    "seedream-v5-pro",
                    "nano-banana",
                    "nano-banana-pro",
                    "flux-schnell",
                    "seedream",
                ]
            ],
            NotGiven,
        ] = NOT_GIVEN,
        aspect_ratio: typing.Union[
            typing.Optional[typing_extensions.Literal["1:1", "16:9", "9:16"]], NotGiven
        ] = NOT_GIVEN,
        resolution: typing.Union[
            typing.Optional[typing_extensions.Literal["auto", "640px", "1k", "2k", "4k"]], NotGiven
        ] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AiImageGeneratorCreateResponse:
        """
        AI Image Generator

        Create an AI image with advanced model selection and quality controls.

        POST /v1/ai-image-generator

        Args:
            image_count: Number of images to generate. Maximum varies by model.
            style: The art style to use for image generation.
            name: Give your image a custom name for easy identification. Defaults to "Ai Image - dateTime" (applied by the API).
            model: The AI model to use for image generation. Each model has different capabilities and costs. **Models:** - `default` - Use the model we recommend, which will change over time. This is recommended unless you need a specific model. This is the default behavior. - `flux-2-klein` - from 5 credits/image - Supported resolutions: 640px, 1k, 2k - Available for tiers: free, creator, pro, business - Image count allowed: 1 - `flux-schnell` - from 5 credits/image - Supported resolutions: 640px, 1k, 2k - Available for tiers: free, creator, pro, business - Image count allowed: 1, 2, 3, 4 - `gpt-image-2` - from 50 credits/image - Supported resolutions: 640px, 1k, 2k, 4k - Available for tiers: creator, pro, business - Image count allowed: 1, 2, 3, 4 - `nano-banana` - from 50 credits/image - Supported resolutions: 640px, 1k - Available for tiers: creator, pro, business - Image count allowed: 1, 2, 3, 4 - `nano-banana-2` - from 100 credits/image - Supported resolutions: 640px, 1k, 2k, 4k - Available for tiers: creator, pro, business - Image count allowed: 1, 4, 9, 16 - `nano-banana-2-lite` - from 50 credits/image - Supported resolutions: 640px, 1k - Available for tiers: creator, pro, business - Image count allowed: 1, 2, 3, 4 - `nano-banana-pro` - from 150 credits/image - Supported resolutions: 1k, 2k, 4k - Available for tiers: creator, pro, business - Image count allowed: 1, 4, 9, 16 - `seedream-v4` - from 40 credits/image - Supported resolutions: 640px, 1k, 2k, 4k - Available for tiers: creator, pro, business - Image count allowed: 1, 2, 3, 4 - `seedream-v5-pro` - from 75 credits/image - Supported resolutions: 640px, 1k, 2k - Available for tiers: creator, pro, business - Image count allowed: 1, 2, 3, 4 - `z-image-turbo` - from 5 credits/image - Supported resolutions: 640px, 1k, 2k - Available for tiers: free, creator, pro, business - Image count allowed: 1, 2, 3, 4 **Deprecated Enum Values:** - `seedream` - Use `seedream-v4` instead.
            aspect_ratio: The aspect ratio of the output image(s). If not specified, defaults to `1:1` (square).
            resolution: Maximum resolution (longest edge) for the output image. **Options:** - `640px` — up to 640px - `1k` — up to 1024px - `2k` — up to 2048px - `4k` — up to 4096px - `auto` — **Deprecated.** Mapped server-side from your subscription tier to the best matching resolution the model supports **Per-model support:** - `flux-2-klein` - 640px, 1k, 2k - `flux-schnell` - 640px, 1k, 2k - `gpt-image-2` - 640px, 1k, 2k, 4k - `nano-banana` - 640px, 1k - `nano-banana-2` - 640px, 1k, 2k, 4k - `nano-banana-2-lite` - 640px, 1k - `nano-banana-pro` - 1k, 2k, 4k - `seedream-v4` - 640px, 1k, 2k, 4k - `seedream-v5-pro` - 640px, 1k, 2k - `z-image-turbo` - 640px, 1k, 2k Note: Resolution availability depends on the model and your subscription tier. Defaults to "auto" (applied by the API).
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1AiImageGeneratorCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.ai_image_generator.create(
            image_count=1,
            style={"prompt": "Cool image", "tool": "ai-anime-generator"},
            name="My Ai Image image",
            model="default",
            aspect_ratio="1:1",
            resolution="auto",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "image_count": image_count,
                    "model": model,
                    "aspect_ratio": aspect_ratio,
                    "resolution": resolution,
                    "style": style,
                },
                ("name", "model", "aspect_ratio", "resolution"),
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
            "/v1/ai-image-generator",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )


class AsyncAiImageGeneratorClient:
    """`client.v1.ai_image_generator` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def generate(
        self,
        *,
        image_count: int,
        style: V1AiImageGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        model: typing.Union[
            typing.Optional[
                typing_extensions.Literal[
                    "default",
                    "nano-banana-2",
                    "gpt-image-2",
                    "z-image-turbo",
                    "flux-2-klein",
                    "nano-banana-2-lite",
                    "seedream-v4",
                    "seedream-v5-pro",
                    "nano-banana",
                    "nano-banana-pro",
                    "flux-schnell",
                    "seedream",
                ]
            ],
            NotGiven,
        ] = NOT_GIVEN,
        aspect_ratio: typing.Union[
            typing.Optional[typing_extensions.Literal["1:1", "16:9", "9:16"]], NotGiven
        ] = NOT_GIVEN,
        resolution: typing.Union[
            typing.Optional[typing_extensions.Literal["auto", "640px", "1k", "2k", "4k"]], NotGiven
        ] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1ImageProjectsGetResponseWithDownloads:
        """
        AI Image Generator: create, wait for the result, download it.

        The async form of `AiImageGeneratorClient.generate`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.ai_image_generator.generate(
            image_count=1,
            style={"prompt": "Cool image", "tool": "ai-anime-generator"},
            name="My Ai Image image",
            model="default",
            aspect_ratio="1:1",
            resolution="auto",
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
                    "image_count": image_count,
                    "model": model,
                    "aspect_ratio": aspect_ratio,
                    "resolution": resolution,
                    "style": style,
                },
                ("name", "model", "aspect_ratio", "resolution"),
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
            create_upload_urls=None,
            wait_for_completion=wait_for_completion,
            download_outputs=download_outputs,
            download_directory=download_directory,
            wait_timeout=wait_timeout,
            poll_interval=poll_interval,
            on_progress=on_progress,
            request_options=request_options,
        )
        created = await self.create(
            image_count=image_count,
            style=style,
            name=name,
            model=model,
            aspect_ratio=aspect_ratio,
            resolution=resolution,
            request_options=request_options,
        )
        return await workflow.finish(created.id, V1ImageProjectsGetResponseWithDownloads)

    async def create(
        self,
        *,
        image_count: int,
        style: V1AiImageGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        model: typing.Union[
            typing.Optional[
                typing_extensions.Literal[
                    "default",
                    "nano-banana-2",
                    "gpt-image-2",
                    "z-image-turbo",
                    "flux-2-klein",
                    "nano-banana-2-lite",
                    "seedream-v4",
                    "seedream-v5-pro",
                    "nano-banana",
                    "nano-banana-pro",
                    "flux-schnell",
                    "seedream",
                ]
            ],
            NotGiven,
        ] = NOT_GIVEN,
        aspect_ratio: typing.Union[
            typing.Optional[typing_extensions.Literal["1:1", "16:9", "9:16"]], NotGiven
        ] = NOT_GIVEN,
        resolution: typing.Union[
            typing.Optional[typing_extensions.Literal["auto", "640px", "1k", "2k", "4k"]], NotGiven
        ] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AiImageGeneratorCreateResponse:
        """
        AI Image Generator

        The async form of `AiImageGeneratorClient.create`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.ai_image_generator.create(
            image_count=1,
            style={"prompt": "Cool image", "tool": "ai-anime-generator"},
            name="My Ai Image image",
            model="default",
            aspect_ratio="1:1",
            resolution="auto",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "image_count": image_count,
                    "model": model,
                    "aspect_ratio": aspect_ratio,
                    "resolution": resolution,
                    "style": style,
                },
                ("name", "model", "aspect_ratio", "resolution"),
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
            "/v1/ai-image-generator",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )
