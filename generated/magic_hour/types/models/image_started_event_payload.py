"""`ImageStartedEventPayload`: a response part, as a pydantic model that keeps unknown fields."""

from __future__ import annotations

import typing

import pydantic
import typing_extensions

from magic_hour.types.models.image_started_event_payload_downloads_item import (
    ImageStartedEventPayloadDownloadsItem,
)
from magic_hour.types.models.image_started_event_payload_error import ImageStartedEventPayloadError


class ImageStartedEventPayload(pydantic.BaseModel):
    """
    Success
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    id: str = pydantic.Field(alias="id")
    """
    Unique ID of the image. Use it with the [Get image Project API](https://docs.magichour.ai/api-reference/image-projects/get-image-details) to fetch status and downloads.
    """

    name: typing.Optional[str] = pydantic.Field(alias="name")
    """
    The name of the image.
    """

    status: typing.Union[
        typing_extensions.Literal["draft", "queued", "rendering", "complete", "error", "canceled"],
        str,
    ] = pydantic.Field(alias="status")
    """
    The status of the image.

    - `draft` - the project was created but has not been submitted for rendering
    - `queued` - the job is waiting for an available server
    - `rendering` - the job is being processed; the `image.started` webhook event fires when rendering begins
    - `complete` - the job finished successfully; fires `image.completed`
    - `error` - the job failed during processing; fires `image.errored`
    - `canceled` - the job was manually canceled (for example from the Magic Hour web app)

    **Note:** `rendering`, `complete`, and `error` have matching webhook events; `canceled` does not - a canceled job emits no webhook event, so poll this endpoint to detect cancellation.
    """

    image_count: int = pydantic.Field(alias="image_count")
    """
    Number of images generated
    """

    type_: str = pydantic.Field(alias="type")
    """
    The type of the image project. Possible values are FACE_EDITOR, AI_IMAGE_EDITOR, AI_SELFIE, AI_HEADSHOT, AI_INFLUENCER, AI_IMAGE, AI_MEME, CLOTHES_CHANGER, BACKGROUND_REMOVER, FACE_SWAP, IMAGE_UPSCALER, IMAGE_ENHANCER, AI_GIF, QR_CODE, PHOTO_EDITOR, PHOTO_COLORIZER, HEAD_SWAP, BODY_SWAP, STORYBOARD, IMAGE_EXPANDER
    """

    created_at: str = pydantic.Field(alias="created_at")

    enabled: bool = pydantic.Field(alias="enabled")
    """
    Whether this resource is active. If false, it is deleted.
    """

    credits_charged: int = pydantic.Field(alias="credits_charged")
    """
    The amount of credits deducted from your account to generate the image. We charge credits right when the request is made.

    If an error occurred while generating the image(s), credits will be refunded and this field will be updated to include the refund.
    """

    downloads: typing.List[ImageStartedEventPayloadDownloadsItem] = pydantic.Field(
        alias="downloads"
    )

    error: typing.Optional[ImageStartedEventPayloadError] = pydantic.Field(alias="error")
    """
    In the case of an error, this object will contain the error encountered during video render
    """
