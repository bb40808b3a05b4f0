"""`client.v1.audio_to_video`."""

from magic_hour.resources.v1.audio_to_video.client import (
    AsyncAudioToVideoClient,
    AudioToVideoClient,
)

__all__ = ["AsyncAudioToVideoClient", "AudioToVideoClient"]
