"""`AudioStartedEventPayload`: a response part, as a pydantic model that keeps unknown fields."""

from __future__ import annotations

import typing

import pydantic
import typing_extensions

from magic_hour.types.models.audio_started_event_payload_downloads_item import (
    AudioStartedEventPayloadDownloadsItem,
)
from magic_hour.types.models.audio_started_event_payload_error import AudioStartedEventPayloadError


class AudioStartedEventPayload(pydantic.BaseModel):
    """
    Success
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    id: str = pydantic.Field(alias="id")
    """
    Unique ID of the audio. Use it with the [Get audio Project API](https://docs.magichour.ai/api-reference/audio-projects/get-audio-details) to fetch status and downloads.
    """

    name: typing.Optional[str] = pydantic.Field(alias="name")
    """
    The name of the audio.
    """

    status: typing.Union[
        typing_extensions.Literal["draft", "queued", "rendering", "complete", "error", "canceled"],
        str,
    ] = pydantic.Field(alias="status")
    """
    The status of the audio.

    - `draft` - the project was created but has not been submitted for rendering
    - `queued` - the job is waiting for an available server
    - `rendering` - the job is being processed; the `audio.started` webhook event fires when rendering begins
    - `complete` - the job finished successfully; fires `audio.completed`
    - `error` - the job failed during processing; fires `audio.errored`
    - `canceled` - the job was manually canceled (for example from the Magic Hour web app)

    **Note:** `rendering`, `complete`, and `error` have matching webhook events; `canceled` does not - a canceled job emits no webhook event, so poll this endpoint to detect cancellation.
    """

    type_: str = pydantic.Field(alias="type")
    """
    The type of the audio project. Possible values are VOICE_GENERATOR, VOICE_CHANGER, VOICE_CLONER, VIDEO_TO_AUDIO, MUSIC_GENERATOR
    """

    created_at: str = pydantic.Field(alias="created_at")

    enabled: bool = pydantic.Field(alias="enabled")
    """
    Whether this resource is active. If false, it is deleted.
    """

    credits_charged: int = pydantic.Field(alias="credits_charged")
    """
    The amount of credits deducted from your account to generate the audio. We charge credits right when the request is made.

    If an error occurred while generating the audio, credits will be refunded and this field will be updated to include the refund.
    """

    downloads: typing.List[AudioStartedEventPayloadDownloadsItem] = pydantic.Field(
        alias="downloads"
    )

    error: typing.Optional[AudioStartedEventPayloadError] = pydantic.Field(alias="error")
    """
    In the case of an error, this object will contain the error encountered during video render
    """
