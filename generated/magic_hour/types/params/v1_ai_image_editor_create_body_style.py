"""`V1AiImageEditorCreateBodyStyle`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1AiImageEditorCreateBodyStyle(typing_extensions.TypedDict):
    """
    V1AiImageEditorCreateBodyStyle
    """

    prompt: typing_extensions.Required[str]
    """
    The prompt used to edit the image.
    """
