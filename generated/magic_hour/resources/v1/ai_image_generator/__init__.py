"""`client.v1.ai_image_generator`."""

from magic_hour.resources.v1.ai_image_generator.client import (
    AsyncAiImageGeneratorClient,
    AiImageGeneratorClient,
)

__all__ = ["AsyncAiImageGeneratorClient", "AiImageGeneratorClient"]
