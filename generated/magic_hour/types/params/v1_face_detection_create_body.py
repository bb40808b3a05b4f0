"""`V1FaceDetectionCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_face_detection_create_body_assets import (
    V1FaceDetectionCreateBodyAssets,
)


class V1FaceDetectionCreateBody(typing_extensions.TypedDict):
    """
    V1FaceDetectionCreateBody
    """

    confidence_score: typing_extensions.NotRequired[float]
    """
    Confidence threshold for filtering detected faces.
    * Higher values (e.g., 0.9) include only faces detected with high certainty, reducing false positives.
    * Lower values (e.g., 0.3) include more faces, but may increase the chance of incorrect detections.
    """

    assets: typing_extensions.Required[V1FaceDetectionCreateBodyAssets]
    """
    Provide the assets for face detection
    """
