"""`client.v1.face_swap_photo`."""

from magic_hour.resources.v1.face_swap_photo.client import (
    AsyncFaceSwapPhotoClient,
    FaceSwapPhotoClient,
)

__all__ = ["AsyncFaceSwapPhotoClient", "FaceSwapPhotoClient"]
