"""`V1AiVoiceGeneratorCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_ai_voice_generator_create_body_style import (
    V1AiVoiceGeneratorCreateBodyStyle,
)


class V1AiVoiceGeneratorCreateBody(typing_extensions.TypedDict):
    """
    V1AiVoiceGeneratorCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your audio a custom name for easy identification.
    """

    style: typing_extensions.Required[V1AiVoiceGeneratorCreateBodyStyle]
    """
    The content used to generate speech.
    """
