"""`client.v1.body_swap`."""

from magic_hour.resources.v1.body_swap.client import AsyncBodySwapClient, BodySwapClient

__all__ = ["AsyncBodySwapClient", "BodySwapClient"]
