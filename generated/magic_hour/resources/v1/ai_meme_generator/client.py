"""`client.v1.ai_meme_generator`: create (POST /v1/ai-meme-generator)."""

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
from magic_hour.types.params.v1_ai_meme_generator_create_body_style import (
    V1AiMemeGeneratorCreateBodyStyle,
)
from magic_hour.types.models.v1_ai_meme_generator_create_response import (
    V1AiMemeGeneratorCreateResponse,
)
from magic_hour.types.models.v1_image_projects_get_response_with_downloads import (
    V1ImageProjectsGetResponseWithDownloads,
)

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_CREATE_RESPONSE: Expected[V1AiMemeGeneratorCreateResponse] = Expected(
    json={200: V1AiMemeGeneratorCreateResponse}
)
_CREATE_BODY_RULE: validation.Rule = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "style": {
            "type": "object",
            "properties": {
                "topic": {"type": "string", "minLength": 1, "maxLength": 200},
                "template": {
                    "type": "string",
                    "enum": [
                        "Random",
                        "Drake Hotline Bling",
                        "Galaxy Brain",
                        "Two Buttons",
                        "Gru's Plan",
                        "Tuxedo Winnie The Pooh",
                        "Is This a Pigeon",
                        "Panik Kalm Panik",
                        "Disappointed Guy",
                        "Waiting Skeleton",
                        "Bike Fall",
                        "Change My Mind",
                        "Side Eyeing Chloe",
                    ],
                },
                "searchWeb": {"type": "boolean"},
            },
            "keys": {"search_web": "searchWeb"},
            "required": ["topic", "template"],
            "additionalProperties": False,
        },
    },
    "required": ["style"],
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


class AiMemeGeneratorClient:
    """`client.v1.ai_meme_generator`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def generate(
        self,
        *,
        style: V1AiMemeGeneratorCreateBodyStyle,
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
        AI Meme Generator: create, wait for the result, download it.

        1. Creates the project with `client.v1.ai_meme_generator.create`.
        2. Polls `client.v1.image_projects.get` until the project is complete, errored or canceled.
        3. Downloads its outputs to `download_directory`.

        POST /v1/ai-meme-generator

        Takes the arguments of `AiMemeGeneratorClient.create` (documented there), and these.

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
            APIStatusError: as `AiMemeGeneratorClient.create` raises it, or the project's get.
            GenerationError: anything else failed once the project existed (an `on_progress` that raises, say); the original is its `__cause__`. Every error raised after the create carries `project_id` and names the `check_result` call that resumes it.

        Examples:
        ```py
        client.v1.ai_meme_generator.generate(
            style={"topic": "When the code finally works", "template": "Drake Hotline Bling", "search_web": False},
            name="My Funny Meme",
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
            style=style,
            name=name,
            request_options=request_options,
        )
        return workflow.finish(created.id, V1ImageProjectsGetResponseWithDownloads)

    def create(
        self,
        *,
        style: V1AiMemeGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AiMemeGeneratorCreateResponse:
        """
        AI Meme Generator

        Create an AI generated meme. Each meme costs 10 credits.

        POST /v1/ai-meme-generator

        Args:
            style: No description.
            name: The name of the meme.
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1AiMemeGeneratorCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.ai_meme_generator.create(
            style={"topic": "When the code finally works", "template": "Drake Hotline Bling", "search_web": False},
            name="My Funny Meme",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
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
            "/v1/ai-meme-generator",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )


class AsyncAiMemeGeneratorClient:
    """`client.v1.ai_meme_generator` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def generate(
        self,
        *,
        style: V1AiMemeGeneratorCreateBodyStyle,
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
        AI Meme Generator: create, wait for the result, download it.

        The async form of `AiMemeGeneratorClient.generate`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.ai_meme_generator.generate(
            style={"topic": "When the code finally works", "template": "Drake Hotline Bling", "search_web": False},
            name="My Funny Meme",
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
            style=style,
            name=name,
            request_options=request_options,
        )
        return await workflow.finish(created.id, V1ImageProjectsGetResponseWithDownloads)

    async def create(
        self,
        *,
        style: V1AiMemeGeneratorCreateBodyStyle,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AiMemeGeneratorCreateResponse:
        """
        AI Meme Generator

        The async form of `AiMemeGeneratorClient.create`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.ai_meme_generator.create(
            style={"topic": "When the code finally works", "template": "Drake Hotline Bling", "search_web": False},
            name="My Funny Meme",
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
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
            "/v1/ai-meme-generator",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )
