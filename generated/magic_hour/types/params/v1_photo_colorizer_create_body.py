"""`V1PhotoColorizerCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_photo_colorizer_create_body_assets import (
    V1PhotoColorizerCreateBodyAssets,
)


class V1PhotoColorizerCreateBody(typing_extensions.TypedDict):
    """
    V1PhotoColorizerCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your image a custom name for easy identification.
    """

    assets: typing_extensions.Required[V1PhotoColorizerCreateBodyAssets]
    """
    Provide the assets for photo colorization
    """
