"""`client.v1.audio_projects`: get (GET /v1/audio-projects/{id}), delete (DELETE /v1/audio-projects/{id})."""

from __future__ import annotations

import typing

import typing_extensions

from magic_hour.core import validation
from magic_hour.core.base_client import AsyncBaseClient, SyncBaseClient
from magic_hour.core.request_options import RequestOptions
from magic_hour.core.responses import Expected
from magic_hour.core.type_utils import NOT_GIVEN, NotGiven, given
from magic_hour.types.models.v1_audio_projects_get_response import V1AudioProjectsGetResponse

# How each method reads its success responses, and the spec's rules for its arguments,
# checked before anything is sent.
_GET_RESPONSE: Expected[V1AudioProjectsGetResponse] = Expected(
    json={200: V1AudioProjectsGetResponse}
)
_GET_PARAMETERS_RULE: validation.Rule = {
    "type": "object",
    "properties": {"id": {"type": "string"}},
    "required": ["id"],
}
_DELETE_RESPONSE: Expected[None] = Expected(empty=(204,))
_DELETE_PARAMETERS_RULE: validation.Rule = {
    "type": "object",
    "properties": {"id": {"type": "string"}},
    "required": ["id"],
}


class AudioProjectsClient:
    """`client.v1.audio_projects`."""

    def __init__(self, *, base_client: SyncBaseClient) -> None:
        self._base_client = base_client

    def get(
        self,
        *,
        id: str,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AudioProjectsGetResponse:
        """
        Get audio details

        Check the progress of a audio project. The `downloads` field is populated after a successful render.

        **Statuses**
        - `queued` — waiting to start
        - `rendering` — in progress
        - `complete` — ready; see `downloads`
        - `error` — a failure occurred (see `error`)
        - `canceled` — user canceled
        - `draft` — not used

        GET /v1/audio-projects/{id}

        Args:
            id: Unique ID of the audio project. This value is returned by all of the POST APIs that create an audio.
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            V1AudioProjectsGetResponse: the parsed response body.

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.

        Examples:
        ```py
        client.v1.audio_projects.get(
            id="cuid-example",
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
            "/v1/audio-projects/{id}",
            expected=_GET_RESPONSE,
            path_params={
                "id": id,
            },
            request_options=request_options,
        )

    def delete(
        self,
        *,
        id: str,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> None:
        """
        Delete audio

        Permanently delete the rendered audio file(s). This action is not reversible, please be sure before deleting.

        DELETE /v1/audio-projects/{id}

        Args:
            id: Unique ID of the audio project. This value is returned by all of the POST APIs that create an audio.
            request_options: Additional options for this request (timeout, retries, headers).

        Returns:
            None: nothing (success).

        Raises:
            RequestValidationError: an argument breaks the spec; nothing was sent.
            BadRequestError: the API answered 400 Bad Request.
            UnauthorizedError: the API answered 401 Unauthorized.
            PaymentRequiredError: the API answered 402 Payment Required.
            NotFoundError: the API answered 404 Not Found.

        Examples:
        ```py
        client.v1.audio_projects.delete(
            id="cuid-example",
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
            parameters_rule=_DELETE_PARAMETERS_RULE,
            body=None,
            body_rule=None,
        )
        self._base_client.request(
            "DELETE",
            "/v1/audio-projects/{id}",
            expected=_DELETE_RESPONSE,
            path_params={
                "id": id,
            },
            request_options=request_options,
        )


class AsyncAudioProjectsClient:
    """`client.v1.audio_projects` (async)."""

    def __init__(self, *, base_client: AsyncBaseClient) -> None:
        self._base_client = base_client

    async def get(
        self,
        *,
        id: str,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> V1AudioProjectsGetResponse:
        """
        Get audio details

        The async form of `AudioProjectsClient.get`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.audio_projects.get(
            id="cuid-example",
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
            "/v1/audio-projects/{id}",
            expected=_GET_RESPONSE,
            path_params={
                "id": id,
            },
            request_options=request_options,
        )

    async def delete(
        self,
        *,
        id: str,
        request_options: typing.Optional[RequestOptions] = None,
    ) -> None:
        """
        Delete audio

        The async form of `AudioProjectsClient.delete`, documented there: the same arguments, result and errors.

        Examples:
        ```py
        await client.v1.audio_projects.delete(
            id="cuid-example",
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
            parameters_rule=_DELETE_PARAMETERS_RULE,
            body=None,
            body_rule=None,
        )
        await self._base_client.request(
            "DELETE",
            "/v1/audio-projects/{id}",
            expected=_DELETE_RESPONSE,
            path_params={
                "id": id,
            },
            request_options=request_options,
        )
