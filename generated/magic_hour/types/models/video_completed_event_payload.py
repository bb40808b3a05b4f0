"""`VideoCompletedEventPayload`: a response part, as a pydantic model that keeps unknown fields."""

from __future__ import annotations

import typing

import pydantic
import typing_extensions

from magic_hour.types.models.video_completed_event_payload_downloads_item import (
    VideoCompletedEventPayloadDownloadsItem,
)
from magic_hour.types.models.video_completed_event_payload_error import (
    VideoCompletedEventPayloadError,
)


class VideoCompletedEventPayload(pydantic.BaseModel):
    """
    Success
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    id: str = pydantic.Field(alias="id")
    """
    Unique ID of the video. Use it with the [Get video Project API](https://docs.magichour.ai/api-reference/video-projects/get-video-details) to fetch status and downloads.
    """

    name: typing.Optional[str] = pydantic.Field(alias="name")
    """
    The name of the video.
    """

    status: typing.Union[
        typing_extensions.Literal["draft", "queued", "rendering", "complete", "error", "canceled"],
        str,
    ] = pydantic.Field(alias="status")
    """
    The status of the video.

    - `draft` - the project was created but has not been submitted for rendering
    - `queued` - the job is waiting for an available server
    - `rendering` - the job is being processed; the `video.started` webhook event fires when rendering begins
    - `complete` - the job finished successfully; fires `video.completed`
    - `error` - the job failed during processing; fires `video.errored`
    - `canceled` - the job was manually canceled (for example from the Magic Hour web app)

    **Note:** `rendering`, `complete`, and `error` have matching webhook events; `canceled` does not - a canceled job emits no webhook event, so poll this endpoint to detect cancellation.
    """

    type_: str = pydantic.Field(alias="type")
    """
    The type of the video project. Possible values are ANIMATION, AUTO_SUBTITLE, VIDEO_TO_VIDEO, FACE_SWAP, TEXT_TO_VIDEO, IMAGE_TO_VIDEO, LIP_SYNC, TALKING_PHOTO, AVATAR, VIDEO_UPSCALER, VIDEO_EDITOR, CHARACTER_REPLACE, VIDEO_COLORIZER, VIDEO_TRANSLATOR, MUSIC_VIDEO, EXTEND, AUDIO_TO_VIDEO, VIDEO_EXPANDER, UGC_AD
    """

    created_at: str = pydantic.Field(alias="created_at")

    width: int = pydantic.Field(alias="width")
    """
    The width of the final output video. A value of -1 indicates the width can be ignored.
    """

    height: int = pydantic.Field(alias="height")
    """
    The height of the final output video. A value of -1 indicates the height can be ignored.
    """

    enabled: bool = pydantic.Field(alias="enabled")
    """
    Whether this resource is active. If false, it is deleted.
    """

    start_seconds: float = pydantic.Field(alias="start_seconds")
    """
    Start time of your clip (seconds). Must be ≥ 0.
    """

    end_seconds: float = pydantic.Field(alias="end_seconds")
    """
    End time of your clip (seconds). Must be greater than start_seconds.
    """

    credits_charged: int = pydantic.Field(alias="credits_charged")
    """
    The amount of credits deducted from your account to generate the video. If the status is not 'complete', this value is an estimate and may be adjusted upon completion based on the actual FPS of the output video.

    If video generation fails, credits will be refunded, and this field will be updated to include the refund.
    """

    fps: float = pydantic.Field(alias="fps")
    """
    Frame rate of the video. If the status is not 'complete', the frame rate is an estimate and will be adjusted when the video completes.
    """

    error: typing.Optional[VideoCompletedEventPayloadError] = pydantic.Field(alias="error")
    """
    In the case of an error, this object will contain the error encountered during video render
    """

    downloads: typing.List[VideoCompletedEventPayloadDownloadsItem] = pydantic.Field(
        alias="downloads"
    )
