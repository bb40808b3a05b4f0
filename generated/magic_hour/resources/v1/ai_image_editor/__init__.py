"""`client.v1.ai_image_editor`."""

from magic_hour.resources.v1.ai_image_editor.client import (
    AsyncAiImageEditorClient,
    AiImageEditorClient,
)

__all__ = ["AsyncAiImageEditorClient", "AiImageEditorClient"]
