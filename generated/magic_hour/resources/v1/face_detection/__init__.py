"""`client.v1.face_detection`."""

from magic_hour.resources.v1.face_detection.client import (
    AsyncFaceDetectionClient,
    FaceDetectionClient,
)

__all__ = ["AsyncFaceDetectionClient", "FaceDetectionClient"]
