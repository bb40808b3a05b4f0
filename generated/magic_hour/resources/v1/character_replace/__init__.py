"""`client.v1.character_replace`."""

from magic_hour.resources.v1.character_replace.client import (
    AsyncCharacterReplaceClient,
    CharacterReplaceClient,
)

__all__ = ["AsyncCharacterReplaceClient", "CharacterReplaceClient"]
