"""`V1AiGifGeneratorCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_ai_gif_generator_create_body_style import (
    V1AiGifGeneratorCreateBodyStyle,
)


class V1AiGifGeneratorCreateBody(typing_extensions.TypedDict):
    """
    V1AiGifGeneratorCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your gif a custom name for easy identification.
    """

    style: typing_extensions.Required[V1AiGifGeneratorCreateBodyStyle]

    output_format: typing_extensions.NotRequired[typing_extensions.Literal["gif", "mp4", "webm"]]
    """
    The output file format for the generated animation.
    """
