"""`client.v1.face_detection`: create (POST /v1/face-detection), get (GET /v1/face-detection/{id})."""

from __future__ import annotations

import typing

import typing_extensions

from magic_hour.core import validation
from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient
from magic_hour.core.request_options import RequestOptions
from magic_hour.core.responses import Expected
from magic_hour.core.type_utils import NOT_GIVEN, NotGiven, given
from magic_hour.types.params.v1_face_detection_create_body_assets import (
    V1FaceDetectionCreateBodyAssets,
)
from magic_hour.types.models.v1_face_detection_create_response import V1FaceDetectionCreateResponse
from magic_hour.types.models.v1_face_detection_get_response import V1FaceDetectionGetResponse

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


class FaceDetectionClient:
    """`client.v1.face_detection`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def create(
        self,
        *,
        assets: V1FaceDetectionCreateBodyAssets,
        confidence_score: typing.Union[float, NotGiven] = NOT_GIVEN,
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
        body = given(
            {
                "confidence_score": confidence_score,
                "assets": assets,
            }
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


class AsyncFaceDetectionClient:
    """`client.v1.face_detection` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def create(
        self,
        *,
        assets: V1FaceDetectionCreateBodyAssets,
        confidence_score: typing.Union[float, NotGiven] = NOT_GIVEN,
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
        body = given(
            {
                "confidence_score": confidence_score,
                "assets": assets,
            }
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
