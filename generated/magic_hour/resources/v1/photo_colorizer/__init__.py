"""`client.v1.photo_colorizer`."""

from magic_hour.resources.v1.photo_colorizer.client import (
    AsyncPhotoColorizerClient,
    PhotoColorizerClient,
)

__all__ = ["AsyncPhotoColorizerClient", "PhotoColorizerClient"]
