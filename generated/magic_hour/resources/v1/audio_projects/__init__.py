"""`client.v1.audio_projects`."""

from magic_hour.resources.v1.audio_projects.client import (
    AsyncAudioProjectsClient,
    AudioProjectsClient,
)

__all__ = ["AsyncAudioProjectsClient", "AudioProjectsClient"]
