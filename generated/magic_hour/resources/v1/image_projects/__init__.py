"""`client.v1.image_projects`."""

from magic_hour.resources.v1.image_projects.client import (
    AsyncImageProjectsClient,
    ImageProjectsClient,
)

__all__ = ["AsyncImageProjectsClient", "ImageProjectsClient"]
