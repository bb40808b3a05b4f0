"""`client.v1.ai_video_editor`."""

from magic_hour.resources.v1.ai_video_editor.client import (
    AsyncAiVideoEditorClient,
    AiVideoEditorClient,
)

__all__ = ["AsyncAiVideoEditorClient", "AiVideoEditorClient"]
