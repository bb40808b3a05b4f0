"""`V1BodySwapCreateBody`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions

from magic_hour.types.params.v1_body_swap_create_body_assets import V1BodySwapCreateBodyAssets


class V1BodySwapCreateBody(typing_extensions.TypedDict):
    """
    V1BodySwapCreateBody
    """

    name: typing_extensions.NotRequired[str]
    """
    Give your image a custom name for easy identification.
    """

    resolution: typing_extensions.Required[typing_extensions.Literal["640px", "1k", "2k", "4k"]]
    """
    Output resolution. Determines credits charged for the run.
    """

    assets: typing_extensions.Required[V1BodySwapCreateBodyAssets]
    """
    Person image and scene image for body swap
    """
