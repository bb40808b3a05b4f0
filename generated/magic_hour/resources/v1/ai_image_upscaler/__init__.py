"""`client.v1.ai_image_upscaler`."""

from magic_hour.resources.v1.ai_image_upscaler.client import (
    AsyncAiImageUpscalerClient,
    AiImageUpscalerClient,
)

__all__ = ["AsyncAiImageUpscalerClient", "AiImageUpscalerClient"]
