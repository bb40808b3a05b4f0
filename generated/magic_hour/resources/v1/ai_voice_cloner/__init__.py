"""`client.v1.ai_voice_cloner`."""

from magic_hour.resources.v1.ai_voice_cloner.client import (
    AsyncAiVoiceClonerClient,
    AiVoiceClonerClient,
)

__all__ = ["AsyncAiVoiceClonerClient", "AiVoiceClonerClient"]
