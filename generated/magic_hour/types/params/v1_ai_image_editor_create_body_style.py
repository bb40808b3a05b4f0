"""`V1AiImageEditorCreateBodyStyle`: a request body part, as a TypedDict keyed by the API's field names."""

from __future__ import annotations

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
