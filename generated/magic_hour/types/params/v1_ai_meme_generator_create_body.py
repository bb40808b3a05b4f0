"""`V1AiMemeGeneratorCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_ai_meme_generator_create_body_style import (
    V1AiMemeGeneratorCreateBodyStyle,
)


class V1AiMemeGeneratorCreateBody(typing_extensions.TypedDict):
    """
    V1AiMemeGeneratorCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    The name of the meme.
    """

    style: typing_extensions.Required[V1AiMemeGeneratorCreateBodyStyle]
