"""`V1FaceDetectionGetResponseWithDownloads`: a response part, as a pydantic model that keeps unknown fields."""

from __future__ import annotations

import typing

import pydantic
import typing_extensions

from magic_hour.types.models.v1_face_detection_get_response import V1FaceDetectionGetResponse


class V1FaceDetectionGetResponseWithDownloads(V1FaceDetectionGetResponse):
    """
    `V1FaceDetectionGetResponse` as `generate` returns it: the project, and where its outputs were saved.
    """

    # Fields the server adds later are kept, not refused: the client stays forward compatible.
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)

    downloaded_paths: typing.Optional[typing.List[str]] = pydantic.Field(
        default=None, alias="downloaded_paths"
    )
    """
    The files the outputs were saved to, in the order the project lists them; None when nothing was downloaded.
    """
