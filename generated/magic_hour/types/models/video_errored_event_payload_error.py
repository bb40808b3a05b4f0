"""`VideoErroredEventPayloadError`: a response part, as a pydantic model that keeps unknown fields."""

from __future__ import annotations

import typing

import pydantic
import typing_extensions


class VideoErroredEventPayloadError(pydantic.BaseModel):
    """
    In the case of an error, this object will contain the error encountered during video render
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    message: str = pydantic.Field(alias="message")
    """
    Details on the reason why a failure happened.
    """

    code: str = pydantic.Field(alias="code")
    """
    An error code to indicate why a failure happened.
    """
