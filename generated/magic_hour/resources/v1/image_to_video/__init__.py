"""`client.v1.image_to_video`."""

from magic_hour.resources.v1.image_to_video.client import (
    AsyncImageToVideoClient,
    ImageToVideoClient,
)

__all__ = ["AsyncImageToVideoClient", "ImageToVideoClient"]
