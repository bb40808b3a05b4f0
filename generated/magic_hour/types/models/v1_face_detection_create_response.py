"""`V1FaceDetectionCreateResponse`: a response part, as a pydantic model that keeps unknown fields."""

from __future__ import annotations

import typing

import pydantic
import typing_extensions


class V1FaceDetectionCreateResponse(pydantic.BaseModel):
    """
    V1FaceDetectionCreateResponse
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    id: str = pydantic.Field(alias="id")
    """
    The id of the task. Use this value in the [get face detection details API](https://docs.magichour.ai/api-reference/files/get-face-detection-details) to get the details of the face detection task.
    """

    credits_charged: int = pydantic.Field(alias="credits_charged")
    """
    The credits charged for the task.
    """
