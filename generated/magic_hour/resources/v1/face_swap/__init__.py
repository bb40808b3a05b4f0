"""`client.v1.face_swap`."""

from magic_hour.resources.v1.face_swap.client import AsyncFaceSwapClient, FaceSwapClient

__all__ = ["AsyncFaceSwapClient", "FaceSwapClient"]
