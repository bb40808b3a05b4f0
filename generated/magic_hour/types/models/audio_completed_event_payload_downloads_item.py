"""`AudioCompletedEventPayloadDownloadsItem`: a response part, as a pydantic model that keeps unknown fields."""

from __future__ import annotations

import typing

import pydantic
import typing_extensions


class AudioCompletedEventPayloadDownloadsItem(pydantic.BaseModel):
    """
    The download url and expiration date of the audio project
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    url: str = pydantic.Field(alias="url")

    expires_at: str = pydantic.Field(alias="expires_at")
