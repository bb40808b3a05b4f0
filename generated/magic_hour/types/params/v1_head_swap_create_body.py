"""`V1HeadSwapCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_head_swap_create_body_assets import V1HeadSwapCreateBodyAssets


class V1HeadSwapCreateBody(typing_extensions.TypedDict):
    """
    V1HeadSwapCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your image a custom name for easy identification.
    """

    max_resolution: typing_extensions.NotRequired[int]
    """
    Constrains the larger dimension (height or width) of the output. Omit to use the maximum allowed for your plan (capped at 2048px). Values above your plan maximum are clamped down to your plan's maximum.
    """

    assets: typing_extensions.Required[V1HeadSwapCreateBodyAssets]
    """
    Provide the body and head images for head swap
    """
