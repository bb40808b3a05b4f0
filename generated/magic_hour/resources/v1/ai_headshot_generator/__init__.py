"""`client.v1.ai_headshot_generator`."""

from magic_hour.resources.v1.ai_headshot_generator.client import (
    AsyncAiHeadshotGeneratorClient,
    AiHeadshotGeneratorClient,
)

__all__ = ["AsyncAiHeadshotGeneratorClient", "AiHeadshotGeneratorClient"]
