"""`V1AiVoiceClonerCreateBodyStyle`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1AiVoiceClonerCreateBodyStyle(typing_extensions.TypedDict):
    """
    V1AiVoiceClonerCreateBodyStyle
    """

    prompt: typing_extensions.Required[str]
    """
    Text used to generate speech from the cloned voice. The character limit is 1000 characters.
    """
