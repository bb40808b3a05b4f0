"""`V1AiQrCodeGeneratorCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_ai_qr_code_generator_create_body_style import (
    V1AiQrCodeGeneratorCreateBodyStyle,
)


class V1AiQrCodeGeneratorCreateBody(typing_extensions.TypedDict):
    """
    V1AiQrCodeGeneratorCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your image a custom name for easy identification.
    """

    content: typing_extensions.Required[str]
    """
    The content of the QR code.
    """

    style: typing_extensions.Required[V1AiQrCodeGeneratorCreateBodyStyle]
