"""`client.v1.video_to_video`."""

from magic_hour.resources.v1.video_to_video.client import (
    AsyncVideoToVideoClient,
    VideoToVideoClient,
)

__all__ = ["AsyncVideoToVideoClient", "VideoToVideoClient"]
