"""`client.v1.ai_qr_code_generator`."""

from magic_hour.resources.v1.ai_qr_code_generator.client import (
    AsyncAiQrCodeGeneratorClient,
    AiQrCodeGeneratorClient,
)

__all__ = ["AsyncAiQrCodeGeneratorClient", "AiQrCodeGeneratorClient"]
