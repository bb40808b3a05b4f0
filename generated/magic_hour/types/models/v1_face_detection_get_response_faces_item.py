"""`V1FaceDetectionGetResponseFacesItem`: a response part, as a pydantic model that keeps unknown fields."""

from __future__ import annotations

import typing

import pydantic
import typing_extensions


class V1FaceDetectionGetResponseFacesItem(pydantic.BaseModel):
    """
    V1FaceDetectionGetResponseFacesItem
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    path: str = pydantic.Field(alias="path")
    """
    The path to the face image. This should be used in face swap photo/video API calls as `.assets.face_mappings.original_face`
    """

    url: str = pydantic.Field(alias="url")
    """
    The url to the face image. This is used to render the image in your applications.
    """
