"""`client.v1.auto_subtitle_generator`."""

from magic_hour.resources.v1.auto_subtitle_generator.client import (
    AsyncAutoSubtitleGeneratorClient,
    AutoSubtitleGeneratorClient,
)

__all__ = ["AsyncAutoSubtitleGeneratorClient", "AutoSubtitleGeneratorClient"]
