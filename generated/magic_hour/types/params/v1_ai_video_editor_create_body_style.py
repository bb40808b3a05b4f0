"""`V1AiVideoEditorCreateBodyStyle`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1AiVideoEditorCreateBodyStyle(typing_extensions.TypedDict):
    """
    V1AiVideoEditorCreateBodyStyle
    """

    prompt: typing_extensions.Required[str]
    """
    The prompt used to edit the video.
    """
