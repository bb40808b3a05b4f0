"""`client.v1.text_to_video`."""

from magic_hour.resources.v1.text_to_video.client import AsyncTextToVideoClient, TextToVideoClient

__all__ = ["AsyncTextToVideoClient", "TextToVideoClient"]
