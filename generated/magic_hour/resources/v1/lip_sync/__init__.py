"""`client.v1.lip_sync`."""

from magic_hour.resources.v1.lip_sync.client import AsyncLipSyncClient, LipSyncClient

__all__ = ["AsyncLipSyncClient", "LipSyncClient"]
