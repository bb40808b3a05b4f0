"""The webhook events of the Magic Hour API, as pydantic models.

`parse_event(data)` turns an event's JSON value (already verified: see
`client.webhooks.unwrap`) into its model; `WebhookEvent` is the union of the events this
package knows, discriminated by `type`, for use in a model of your own. An event type it does
not know is an `UnknownWebhookEvent`, so a new event never makes a receiver fail.
"""

from __future__ import annotations

import typing

import pydantic
import typing_extensions

from magic_hour.types.models.audio_completed_event_payload import AudioCompletedEventPayload
from magic_hour.types.models.audio_errored_event_payload import AudioErroredEventPayload
from magic_hour.types.models.audio_started_event_payload import AudioStartedEventPayload
from magic_hour.types.models.image_completed_event_payload import ImageCompletedEventPayload
from magic_hour.types.models.image_errored_event_payload import ImageErroredEventPayload
from magic_hour.types.models.image_started_event_payload import ImageStartedEventPayload
from magic_hour.types.models.video_completed_event_payload import VideoCompletedEventPayload
from magic_hour.types.models.video_errored_event_payload import VideoErroredEventPayload
from magic_hour.types.models.video_started_event_payload import VideoStartedEventPayload


class AudioCompletedEvent(pydantic.BaseModel):
    """
    Audio Completed

    Sent when an audio project's status becomes `complete`; `payload` is the project, as its GET answers.
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow")

    type: typing_extensions.Literal["audio.completed"] = pydantic.Field(alias="type")
    payload: AudioCompletedEventPayload = pydantic.Field(alias="payload")


class AudioErroredEvent(pydantic.BaseModel):
    """
    Audio Errored

    Sent when an audio project's status becomes `error`; `payload` is the project, as its GET answers.
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow")

    type: typing_extensions.Literal["audio.errored"] = pydantic.Field(alias="type")
    payload: AudioErroredEventPayload = pydantic.Field(alias="payload")


class AudioStartedEvent(pydantic.BaseModel):
    """
    Audio Started

    Sent when an audio project's status becomes `rendering`; `payload` is the project, as its GET answers.
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow")

    type: typing_extensions.Literal["audio.started"] = pydantic.Field(alias="type")
    payload: AudioStartedEventPayload = pydantic.Field(alias="payload")


class ImageCompletedEvent(pydantic.BaseModel):
    """
    Image Completed

    Sent when an image project's status becomes `complete`; `payload` is the project, as its GET answers.
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow")

    type: typing_extensions.Literal["image.completed"] = pydantic.Field(alias="type")
    payload: ImageCompletedEventPayload = pydantic.Field(alias="payload")


class ImageErroredEvent(pydantic.BaseModel):
    """
    Image Errored

    Sent when an image project's status becomes `error`; `payload` is the project, as its GET answers.
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow")

    type: typing_extensions.Literal["image.errored"] = pydantic.Field(alias="type")
    payload: ImageErroredEventPayload = pydantic.Field(alias="payload")


class ImageStartedEvent(pydantic.BaseModel):
    """
    Image Started

    Sent when an image project's status becomes `rendering`; `payload` is the project, as its GET answers.
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow")

    type: typing_extensions.Literal["image.started"] = pydantic.Field(alias="type")
    payload: ImageStartedEventPayload = pydantic.Field(alias="payload")


class VideoCompletedEvent(pydantic.BaseModel):
    """
    Video Completed

    Sent when a video project's status becomes `complete`; `payload` is the project, as its GET answers.
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow")

    type: typing_extensions.Literal["video.completed"] = pydantic.Field(alias="type")
    payload: VideoCompletedEventPayload = pydantic.Field(alias="payload")


class VideoErroredEvent(pydantic.BaseModel):
    """
    Video Errored

    Sent when a video project's status becomes `error`; `payload` is the project, as its GET answers.
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow")

    type: typing_extensions.Literal["video.errored"] = pydantic.Field(alias="type")
    payload: VideoErroredEventPayload = pydantic.Field(alias="payload")


class VideoStartedEvent(pydantic.BaseModel):
    """
    Video Started

    Sent when a video project's status becomes `rendering`; `payload` is the project, as its GET answers.
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow")

    type: typing_extensions.Literal["video.started"] = pydantic.Field(alias="type")
    payload: VideoStartedEventPayload = pydantic.Field(alias="payload")


class UnknownWebhookEvent(pydantic.BaseModel):
    """
    An event whose `type` this package does not know (one the API added later): its `type` and
    its `payload` as plain JSON values.
    """

    model_config = pydantic.ConfigDict(extra="allow")

    type: str = pydantic.Field(alias="type")
    payload: typing.Dict[str, typing.Any] = pydantic.Field(alias="payload")


WebhookEvent = typing_extensions.Annotated[
    typing.Union[
        AudioCompletedEvent,
        AudioErroredEvent,
        AudioStartedEvent,
        ImageCompletedEvent,
        ImageErroredEvent,
        ImageStartedEvent,
        VideoCompletedEvent,
        VideoErroredEvent,
        VideoStartedEvent,
    ],
    pydantic.Field(discriminator="type"),
]

# Each known event's class, by its `type`.
_EVENTS: typing.Dict[str, typing.Type[pydantic.BaseModel]] = {
    "audio.completed": AudioCompletedEvent,
    "audio.errored": AudioErroredEvent,
    "audio.started": AudioStartedEvent,
    "image.completed": ImageCompletedEvent,
    "image.errored": ImageErroredEvent,
    "image.started": ImageStartedEvent,
    "video.completed": VideoCompletedEvent,
    "video.errored": VideoErroredEvent,
    "video.started": VideoStartedEvent,
}


def parse_event(
    data: typing.Mapping[str, typing.Any],
) -> typing.Union[WebhookEvent, UnknownWebhookEvent]:
    """
    The event `data` (an event's body, as JSON values) holds: the model of its `type`, or an
    `UnknownWebhookEvent` for a type this package does not know.

    Raises `pydantic.ValidationError` (a `ValueError`) when `data` is not an event: not an
    object with a string `type` and an object `payload`, or a known event's payload lacking a
    field its model requires.
    """
    tag = data.get("type") if isinstance(data, typing.Mapping) else None
    model = _EVENTS.get(tag) if isinstance(tag, str) else None
    if model is None:
        return UnknownWebhookEvent.model_validate(data)
    return typing.cast(WebhookEvent, model.model_validate(data))


__all__ = [
    "AudioCompletedEvent",
    "AudioErroredEvent",
    "AudioStartedEvent",
    "ImageCompletedEvent",
    "ImageErroredEvent",
    "ImageStartedEvent",
    "VideoCompletedEvent",
    "VideoErroredEvent",
    "VideoStartedEvent",
    "UnknownWebhookEvent",
    "WebhookEvent",
    "parse_event",
]
