"""`client.v1.ai_clothes_changer`."""

from magic_hour.resources.v1.ai_clothes_changer.client import (
    AsyncAiClothesChangerClient,
    AiClothesChangerClient,
)

__all__ = ["AsyncAiClothesChangerClient", "AiClothesChangerClient"]
