"""`client.v1.head_swap`: create (POST /v1/head-swap)."""

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
from magic_hour.types.params.v1_head_swap_create_body_assets import V1HeadSwapCreateBodyAssets
from magic_hour.types.params.v1_head_swap_generate_body_assets import V1HeadSwapGenerateBodyAssets
from magic_hour.types.models.v1_head_swap_create_response import V1HeadSwapCreateResponse
from magic_hour.types.models.v1_image_projects_get_response_with_downloads import (
    V1ImageProjectsGetResponseWithDownloads,
)

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_CREATE_RESPONSE: Expected[V1HeadSwapCreateResponse] = Expected(
    json={200: V1HeadSwapCreateResponse}
)
_CREATE_BODY_RULE: validation.Rule = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "max_resolution": {"type": "integer"},
        "assets": {
            "type": "object",
            "properties": {
                "body_file_path": {"type": "string", "minLength": 1},
                "head_file_path": {"type": "string", "minLength": 1},
            },
            "required": ["body_file_path", "head_file_path"],
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
    AssetField(("assets", "body_file_path"), "image"),
    AssetField(("assets", "head_file_path"), "image"),
]


class HeadSwapClient:
    """`client.v1.head_swap`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def generate(
        self,
        *,
        assets: V1HeadSwapGenerateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        max_resolution: typing.Union[typing.Optional[int], NotGiven] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1ImageProjectsGetResponseWithDownloads:
        """
        Head Swap: create, wait for the result, download it.

        1. Uploads each local file given in `assets.body_file_path`, `assets.head_file_path` (URLs and `api-assets/...` paths pass through).
        2. Creates the project with `client.v1.head_swap.create`.
        3. Polls `client.v1.image_projects.get` until the project is complete, errored or canceled.
        4. Downloads its outputs to `download_directory`.

        POST /v1/head-swap

        Takes the arguments of `HeadSwapClient.create` (documented there), and these.

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
            APIStatusError: as `HeadSwapClient.create` raises it, or the project's get.
            GenerationError: anything else failed once the project existed (an `on_progress` that raises, say); the original is its `__cause__`. Every error raised after the create carries `project_id` and names the `check_result` call that resumes it.

        Examples:
        ```py
        client.v1.head_swap.generate(
            assets={"body_file_path": "path/to/1234.png", "head_file_path": "path/to/5678.png"},
            name="My Head Swap image",
            max_resolution=1024,
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
                    "max_resolution": max_resolution,
                    "assets": assets,
                },
                ("name", "max_resolution"),
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
            max_resolution=uploaded.get("max_resolution", NOT_GIVEN),
            request_options=request_options,
        )
        return workflow.finish(created.id, V1ImageProjectsGetResponseWithDownloads)

    def create(
        self,
        *,
        assets: V1HeadSwapCreateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        max_resolution: typing.Union[typing.Optional[int], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1HeadSwapCreateResponse:
        """
        Head Swap

        Swap a head onto a body image. Each image costs 10 credits. Output resolution depends on your subscription; you may set `max_resolution` lower than your plan maximum if desired.

        POST /v1/head-swap

        Args:
            assets: Provide the body and head images for head swap
            name: Give your image a custom name for easy identification. Defaults to "Head Swap - dateTime" (applied by the API).
            max_resolution: Constrains the larger dimension (height or width) of the output. Omit to use the maximum allowed for your plan (capped at 2048px). Values above your plan maximum are clamped down to your plan's maximum.
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1HeadSwapCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.head_swap.create(
            assets={"body_file_path": "api-assets/id/1234.png", "head_file_path": "api-assets/id/5678.png"},
            name="My Head Swap image",
            max_resolution=1024,
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "max_resolution": max_resolution,
                    "assets": assets,
                },
                ("name", "max_resolution"),
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
            "/v1/head-swap",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )


class AsyncHeadSwapClient:
    """`client.v1.head_swap` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def generate(
        self,
        *,
        assets: V1HeadSwapGenerateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        max_resolution: typing.Union[typing.Optional[int], NotGiven] = NOT_GIVEN,
        wait_for_completion: bool = True,
        download_outputs: bool = True,
        download_directory: typing.Union[str, "os.PathLike[str]", None] = None,
        wait_timeout: typing.Optional[float] = None,
        poll_interval: typing.Optional[float] = None,
        on_progress: typing.Optional[ProgressCallback] = None,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1ImageProjectsGetResponseWithDownloads:
        """
        Head Swap: create, wait for the result, download it.

        The async form of `HeadSwapClient.generate`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.head_swap.generate(
            assets={"body_file_path": "path/to/1234.png", "head_file_path": "path/to/5678.png"},
            name="My Head Swap image",
            max_resolution=1024,
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
                    "max_resolution": max_resolution,
                    "assets": assets,
                },
                ("name", "max_resolution"),
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
            max_resolution=uploaded.get("max_resolution", NOT_GIVEN),
            request_options=request_options,
        )
        return await workflow.finish(created.id, V1ImageProjectsGetResponseWithDownloads)

    async def create(
        self,
        *,
        assets: V1HeadSwapCreateBodyAssets,
        name: typing.Union[typing.Optional[str], NotGiven] = NOT_GIVEN,
        max_resolution: typing.Union[typing.Optional[int], NotGiven] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1HeadSwapCreateResponse:
        """
        Head Swap

        The async form of `HeadSwapClient.create`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.head_swap.create(
            assets={"body_file_path": "api-assets/id/1234.png", "head_file_path": "api-assets/id/5678.png"},
            name="My Head Swap image",
            max_resolution=1024,
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "name": name,
                    "max_resolution": max_resolution,
                    "assets": assets,
                },
                ("name", "max_resolution"),
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
            "/v1/head-swap",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )
