"""`client.v1.ai_gif_generator`."""

from magic_hour.resources.v1.ai_gif_generator.client import (
    AsyncAiGifGeneratorClient,
    AiGifGeneratorClient,
)

__all__ = ["AsyncAiGifGeneratorClient", "AiGifGeneratorClient"]
