"""`V1AiGifGeneratorCreateBodyStyle`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1AiGifGeneratorCreateBodyStyle(typing_extensions.TypedDict):
    """
    V1AiGifGeneratorCreateBodyStyle
    """

    prompt: typing_extensions.Required[str]
    """
    The prompt used for the GIF.
    """
