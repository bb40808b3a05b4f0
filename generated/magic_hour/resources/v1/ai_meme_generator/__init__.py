"""`client.v1.ai_meme_generator`."""

from magic_hour.resources.v1.ai_meme_generator.client import (
    AsyncAiMemeGeneratorClient,
    AiMemeGeneratorClient,
)

__all__ = ["AsyncAiMemeGeneratorClient", "AiMemeGeneratorClient"]
