"""`client.v1.ai_voice_generator`."""

from magic_hour.resources.v1.ai_voice_generator.client import (
    AsyncAiVoiceGeneratorClient,
    AiVoiceGeneratorClient,
)

__all__ = ["AsyncAiVoiceGeneratorClient", "AiVoiceGeneratorClient"]
