"""`V1AiVoiceClonerCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_ai_voice_cloner_create_body_assets import (
    V1AiVoiceClonerCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_voice_cloner_create_body_style import (
    V1AiVoiceClonerCreateBodyStyle,
)


class V1AiVoiceClonerCreateBody(typing_extensions.TypedDict):
    """
    V1AiVoiceClonerCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your audio a custom name for easy identification.
    """

    assets: typing_extensions.Required[V1AiVoiceClonerCreateBodyAssets]
    """
    Provide the assets for voice cloning.
    """

    style: typing_extensions.Required[V1AiVoiceClonerCreateBodyStyle]
