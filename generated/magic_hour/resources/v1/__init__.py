"""`client.v1`."""

from magic_hour.resources.v1.client import AsyncV1Client, V1Client

__all__ = ["AsyncV1Client", "V1Client"]
