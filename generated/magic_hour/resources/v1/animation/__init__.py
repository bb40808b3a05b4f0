"""`client.v1.animation`."""

from magic_hour.resources.v1.animation.client import AsyncAnimationClient, AnimationClient

__all__ = ["AsyncAnimationClient", "AnimationClient"]
