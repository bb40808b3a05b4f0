"""`client.v1.video_projects`."""

from magic_hour.resources.v1.video_projects.client import (
    AsyncVideoProjectsClient,
    VideoProjectsClient,
)

__all__ = ["AsyncVideoProjectsClient", "VideoProjectsClient"]
