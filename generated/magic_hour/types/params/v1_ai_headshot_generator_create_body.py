"""`V1AiHeadshotGeneratorCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_ai_headshot_generator_create_body_assets import (
    V1AiHeadshotGeneratorCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_headshot_generator_create_body_style import (
    V1AiHeadshotGeneratorCreateBodyStyle,
)


class V1AiHeadshotGeneratorCreateBody(typing_extensions.TypedDict):
    """
    V1AiHeadshotGeneratorCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your image a custom name for easy identification.
    """

    style: typing_extensions.NotRequired[V1AiHeadshotGeneratorCreateBodyStyle]

    assets: typing_extensions.Required[V1AiHeadshotGeneratorCreateBodyAssets]
    """
    Provide the assets for headshot photo
    """
