"""`client.v1.ai_talking_photo`."""

from magic_hour.resources.v1.ai_talking_photo.client import (
    AsyncAiTalkingPhotoClient,
    AiTalkingPhotoClient,
)

__all__ = ["AsyncAiTalkingPhotoClient", "AiTalkingPhotoClient"]
