"""`V1AiClothesChangerCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_ai_clothes_changer_create_body_assets import (
    V1AiClothesChangerCreateBodyAssets,
)


class V1AiClothesChangerCreateBody(typing_extensions.TypedDict):
    """
    V1AiClothesChangerCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your image a custom name for easy identification.
    """

    assets: typing_extensions.Required[V1AiClothesChangerCreateBodyAssets]
    """
    Provide the assets for clothes changer
    """
