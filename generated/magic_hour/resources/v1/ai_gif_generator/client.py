"""`client.v1.ai_gif_generator`: create (POST /v1/ai-gif-generator)."""

from __future__ import annotations

import typing

import typing_extensions

from magic_hour.core import validation
from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient
from magic_hour.core.request_options import RequestOptions
from magic_hour.core.type_utils import NOT_GIVEN, NotGiven, given
from magic_hour.types.params.v1_ai_gif_generator_create_body_style import (
    V1AiGifGeneratorCreateBodyStyle,
)
from magic_hour.types.models.v1_ai_gif_generator_create_response import (
    V1AiGifGeneratorCreateResponse,
)

# The spec's rules for each method's arguments, checked before anything is sent.
_CREATE_BODY_RULE: validation.Rule = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "style": {
            "type": "object",
            "properties": {"prompt": {"type": "string", "minLength": 1, "maxLength": 500}},
            "required": ["prompt"],
            "additionalProperties": False,
        },
        "output_format": {"type": "string", "enum": ["gif", "mp4", "webm"]},
    },
    "required": ["style"],
    "additionalProperties": False,
}


class AiGifGeneratorClient:
    """`client.v1.ai_gif_generator`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def create(
        self,
        *,
        style: V1AiGifGeneratorCreateBodyStyle,
        name: typing.Union[str, NotGiven] = NOT_GIVEN,
        output_format: typing.Union[
            typing_extensions.Literal["gif", "mp4", "webm"], NotGiven
        ] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AiGifGeneratorCreateResponse:
        """
        AI GIF Generator

        Create an AI GIF. Each GIF costs 50 credits.

        POST /v1/ai-gif-generator

        Args:
            style: No description.
            name: Give your gif a custom name for easy identification.
            output_format: The output file format for the generated animation.
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1AiGifGeneratorCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.ai_gif_generator.create(
            style={"prompt": "Cute dancing cat, pixel art"},
            name="My Ai Gif gif",
            output_format="gif",
        )
        ```
        """
        body = given(
            {
                "name": name,
                "style": style,
                "output_format": output_format,
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
            "/v1/ai-gif-generator",
            cast_to=V1AiGifGeneratorCreateResponse,
            json_body=body,
            request_options=request_options,
        )


class AsyncAiGifGeneratorClient:
    """`client.v1.ai_gif_generator` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def create(
        self,
        *,
        style: V1AiGifGeneratorCreateBodyStyle,
        name: typing.Union[str, NotGiven] = NOT_GIVEN,
        output_format: typing.Union[
            typing_extensions.Literal["gif", "mp4", "webm"], NotGiven
        ] = NOT_GIVEN,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AiGifGeneratorCreateResponse:
        """
        AI GIF Generator

        Create an AI GIF. Each GIF costs 50 credits.

        POST /v1/ai-gif-generator

        Args:
            style: No description.
            name: Give your gif a custom name for easy identification.
            output_format: The output file format for the generated animation.
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1AiGifGeneratorCreateResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.
            UnprocessableEntityError: the API answered 422 Unprocessable Entity.

        Examples:
        ```py
        client.v1.ai_gif_generator.create(
            style={"prompt": "Cute dancing cat, pixel art"},
            name="My Ai Gif gif",
            output_format="gif",
        )
        ```
        """
        body = given(
            {
                "name": name,
                "style": style,
                "output_format": output_format,
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
            "/v1/ai-gif-generator",
            cast_to=V1AiGifGeneratorCreateResponse,
            json_body=body,
            request_options=request_options,
        )
