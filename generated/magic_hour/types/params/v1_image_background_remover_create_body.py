"""`V1ImageBackgroundRemoverCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_image_background_remover_create_body_assets import (
    V1ImageBackgroundRemoverCreateBodyAssets,
)


class V1ImageBackgroundRemoverCreateBody(typing_extensions.TypedDict):
    """
    V1ImageBackgroundRemoverCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your image a custom name for easy identification.
    """

    assets: typing_extensions.Required[V1ImageBackgroundRemoverCreateBodyAssets]
    """
    Provide the assets for background removal
    """
