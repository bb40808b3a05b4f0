"""`client.v1.ai_face_editor`."""

from magic_hour.resources.v1.ai_face_editor.client import (
    AsyncAiFaceEditorClient,
    AiFaceEditorClient,
)

__all__ = ["AsyncAiFaceEditorClient", "AiFaceEditorClient"]
