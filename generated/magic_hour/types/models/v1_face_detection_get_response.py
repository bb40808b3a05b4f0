"""`V1FaceDetectionGetResponse`: a response part, as a pydantic model that keeps unknown fields."""

from __future__ import annotations

import typing

import pydantic
import typing_extensions

from magic_hour.types.models.v1_face_detection_get_response_faces_item import (
    V1FaceDetectionGetResponseFacesItem,
)


class V1FaceDetectionGetResponse(pydantic.BaseModel):
    """
    V1FaceDetectionGetResponse
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    id: str = pydantic.Field(alias="id")
    """
    The id of the task. This value is returned by the [face detection API](https://docs.magichour.ai/api-reference/files/face-detection#response-id).
    """

    credits_charged: int = pydantic.Field(alias="credits_charged")
    """
    The credits charged for the task.
    """

    status: typing.Union[
        typing_extensions.Literal["queued", "rendering", "complete", "error"], str
    ] = pydantic.Field(alias="status")
    """
    The status of the detection.
    """

    faces: typing.List[V1FaceDetectionGetResponseFacesItem] = pydantic.Field(alias="faces")
    """
    The faces detected in the image or video. The list is populated as faces are detected.
    """
