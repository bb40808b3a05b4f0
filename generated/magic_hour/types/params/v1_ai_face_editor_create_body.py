"""`V1AiFaceEditorCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_ai_face_editor_create_body_assets import (
    V1AiFaceEditorCreateBodyAssets,
)
from magic_hour.types.params.v1_ai_face_editor_create_body_style import (
    V1AiFaceEditorCreateBodyStyle,
)


class V1AiFaceEditorCreateBody(typing_extensions.TypedDict):
    """
    V1AiFaceEditorCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your image a custom name for easy identification.
    """

    assets: typing_extensions.Required[V1AiFaceEditorCreateBodyAssets]
    """
    Provide the assets for face editor
    """

    style: typing_extensions.Required[V1AiFaceEditorCreateBodyStyle]
    """
    Face editing parameters
    """
