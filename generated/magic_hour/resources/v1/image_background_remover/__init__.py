"""`client.v1.image_background_remover`."""

from magic_hour.resources.v1.image_background_remover.client import (
    AsyncImageBackgroundRemoverClient,
    ImageBackgroundRemoverClient,
)

__all__ = ["AsyncImageBackgroundRemoverClient", "ImageBackgroundRemoverClient"]
