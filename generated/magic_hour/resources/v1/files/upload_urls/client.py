"""`client.v1.files.upload_urls`: create (POST /v1/files/upload-urls)."""

from __future__ import annotations

import typing

import typing_extensions

from magic_hour.core import validation
from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient
from magic_hour.core.request_options import RequestOptions
from magic_hour.core.responses import Expected
from magic_hour.core.type_utils import NOT_GIVEN, NotGiven, given
from magic_hour.types.params.v1_files_upload_urls_create_body_items_item import (
    V1FilesUploadUrlsCreateBodyItemsItem,
)
from magic_hour.types.models.v1_files_upload_urls_create_response import (
    V1FilesUploadUrlsCreateResponse,
)

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_CREATE_RESPONSE: Expected[V1FilesUploadUrlsCreateResponse] = Expected(
    json={200: V1FilesUploadUrlsCreateResponse}
)
_CREATE_BODY_RULE: validation.Rule = {
    "type": "object",
    "properties": {
        "items": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": ["video", "audio", "image"]},
                    "extension": {"type": "string", "pattern": "^[a-z0-9]+$"},
                },
                "keys": {"type_": "type"},
                "required": ["type", "extension"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["items"],
    "additionalProperties": False,
}


class UploadUrlsClient:
    """`client.v1.files.upload_urls`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def create(
        self,
        *,
        items: typing.List[V1FilesUploadUrlsCreateBodyItemsItem],
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1FilesUploadUrlsCreateResponse:
        """
        Generate asset upload urls

        Generates a list of pre-signed upload URLs for the assets required. This API is only necessary if you want to upload to Magic Hour's storage. Refer to the [Input Files Guide](https://docs.magichour.ai/integration/inputs-and-outputs) for more details.

        The response array will match the order of items in the request body.

        **Valid file extensions per asset type**:
        - video: mp4, m4v, mov, webm
        - audio: mp3, wav, aac, flac, webm, weba, m4a, opus, ogg, oga, aiff, amr
        - image: png, jpg, jpeg, jfif, heic, heif, webp, avif, jp2, tiff, tif, bmp
        - gif: gif, webp, webm

        > Note: `gif` is only supported for face swap API `video_file_path` field.

        Once you receive an upload URL, send a `PUT` request to upload the file directly.

        Example:

        ```
        curl -X PUT --data '@/path/to/file/video.mp4' \\
          https://videos.magichour.ai/api-assets/id/video.mp4?<auth params from the API response>
        ```

        POST /v1/files/upload-urls

        Args:
            items: The list of assets to upload. The response array will match the order of items in the request body.
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1FilesUploadUrlsCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.files.upload_urls.create(
            items=[{"type_": "video", "extension": "mp4"}, {"type_": "audio", "extension": "mp3"}],
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "items": items,
                }
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
            "/v1/files/upload-urls",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )


class AsyncUploadUrlsClient:
    """`client.v1.files.upload_urls` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def create(
        self,
        *,
        items: typing.List[V1FilesUploadUrlsCreateBodyItemsItem],
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1FilesUploadUrlsCreateResponse:
        """
        Generate asset upload urls

        The async form of `UploadUrlsClient.create`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.files.upload_urls.create(
            items=[{"type_": "video", "extension": "mp4"}, {"type_": "audio", "extension": "mp3"}],
        )
        ```
        """
        body = validation.to_wire(
            given(
                {
                    "items": items,
                }
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
            "/v1/files/upload-urls",
            expected=_CREATE_RESPONSE,
            json_body=body,
            request_options=request_options,
        )
