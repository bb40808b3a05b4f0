"""`client.v1.head_swap`."""

from magic_hour.resources.v1.head_swap.client import AsyncHeadSwapClient, HeadSwapClient

__all__ = ["AsyncHeadSwapClient", "HeadSwapClient"]
